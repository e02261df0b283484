// Shared by the knowledge tests: where the real knowledge lives, the raw data files as written by
// the coordinators (read without build.ts), and a temporary copy of the knowledge folder to break.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Decimal } from 'decimal.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/index.js';
import type { AmountFact } from '../../src/knowledge/index.js';

export const DATA_DIR = join(DEFAULT_KNOWLEDGE_DIR, 'data');
export const DOCUMENTS_DIR = join(DATA_DIR, 'documents');
export const SOURCES_DIR = join(DEFAULT_KNOWLEDGE_DIR, 'sources');

/** The same whitespace rule the documents are quoted under: every run of whitespace is one space. */
export function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface RawDocument {
  /** The data file name, e.g. "001_74a662b3024a3357.json". */
  name: string;
  data: JsonObject;
  /** The source text the data file quotes. */
  text: string;
}

/** Every data/documents/*.json with its source text, straight from disk. */
export function rawDocuments(): RawDocument[] {
  return readdirSync(DOCUMENTS_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const data = JSON.parse(readFileSync(join(DOCUMENTS_DIR, name), 'utf8')) as JsonObject;
      const text = readFileSync(join(SOURCES_DIR, `${basename(name, '.json')}.txt`), 'utf8');
      return { name, data, text };
    });
}

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every `quote` string anywhere in a JSON value, with its path ("tables[1].rows[8].quote"). */
export function quotesIn(value: Json, path = ''): { path: string; quote: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => quotesIn(item, `${path}[${i}]`));
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const childPath = path === '' ? key : `${path}.${key}`;
    if (key === 'quote' && typeof child === 'string') return [{ path: childPath, quote: child }];
    return quotesIn(child, childPath);
  });
}

/** A fresh copy of the knowledge folder (data/ and sources/) that a test may break. */
export function copyKnowledge(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'stimulansboten-knowledge-'));
  cpSync(DATA_DIR, join(dir, 'data'), { recursive: true });
  cpSync(SOURCES_DIR, join(dir, 'sources'), { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Reads a JSON file of the copied folder, lets `change` edit it, writes it back. */
export function editJson(path: string, change: (data: JsonObject) => void): void {
  const data = JSON.parse(readFileSync(path, 'utf8')) as JsonObject;
  change(data);
  writeFileSync(path, JSON.stringify(data, null, 2));
}

/** The one fact with this id; throws (failing the test) when there is none or several. */
export function factById(amounts: AmountFact[], id: string): AmountFact {
  const found = amounts.filter((fact) => fact.id === id);
  if (found.length !== 1) throw new Error(`expected one amount "${id}", found ${found.length}`);
  return found[0]!;
}

/** Kronor with two decimals: "395640.36". */
export function kr(value: Decimal.Value): string {
  return new Decimal(value).toFixed(2);
}
