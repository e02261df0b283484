// Reads and validates the knowledge files. The only I/O of the knowledge module: everything after
// this works on plain, validated data. Any problem stops start-up with a message that names the file,
// the path inside it and what is wrong.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { documentFileSchema, fundsFileSchema, placesFileSchema, type DocumentFile, type Fund, type Place } from './schema.js';

export const DEFAULT_KNOWLEDGE_DIR = fileURLToPath(new URL('.', import.meta.url));

export interface KnowledgeFiles {
  /** A short hash of every file read: changes whenever the knowledge does. */
  version: string;
  places: Place[];
  funds: Fund[];
  documents: { file: string; data: DocumentFile; text: string }[];
}

export class KnowledgeLoadError extends Error {
  constructor(readonly problems: string[]) {
    super(`The knowledge files have ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
    this.name = 'KnowledgeLoadError';
  }
}

/** Reads data/places.json, data/funds.json, data/documents/*.json and their source texts in sources/. */
export function readKnowledgeFiles(dir: string = DEFAULT_KNOWLEDGE_DIR): KnowledgeFiles {
  const problems: string[] = [];
  const hash = createHash('sha256');
  const read = (path: string) => {
    const text = readText(path, problems);
    if (text !== undefined) hash.update(basename(path)).update(text);
    return text;
  };
  const places = parseFile(join(dir, 'data', 'places.json'), placesFileSchema, problems, read)?.places ?? [];
  const funds = parseFile(join(dir, 'data', 'funds.json'), fundsFileSchema, problems, read)?.funds ?? [];
  const documentsDir = join(dir, 'data', 'documents');
  const documents: KnowledgeFiles['documents'] = [];
  for (const name of listJson(documentsDir, problems)) {
    const path = join(documentsDir, name);
    const data = parseFile(path, documentFileSchema, problems, read);
    if (!data) continue;
    const textPath = join(dir, 'sources', data.document.file);
    const text = read(textPath);
    if (text === undefined) continue;
    if (basename(name, '.json') !== basename(data.document.file, '.txt')) {
      problems.push(`${path}: document.file is ${data.document.file}, expected the same name as the data file`);
    }
    documents.push({ file: path, data, text });
  }
  if (problems.length > 0) throw new KnowledgeLoadError(problems);
  return { version: hash.digest('hex').slice(0, 12), places, funds, documents };
}

function listJson(dir: string, problems: string[]): string[] {
  try {
    return readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    problems.push(`${dir}: cannot list the folder (${(error as Error).message})`);
    return [];
  }
}

function readText(path: string, problems: string[]): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    problems.push(`${path}: cannot read the file (${(error as Error).message})`);
    return undefined;
  }
}

/** Parses one JSON file with its schema; records "file: path.inside: message" problems. */
export function parseFile<S extends z.ZodType>(path: string, schema: S, problems: string[], read: (path: string) => string | undefined = (p) => readText(p, problems)): z.output<S> | undefined {
  const text = read(path);
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    problems.push(`${path}: not valid JSON (${(error as Error).message})`);
    return undefined;
  }
  return parseData(path, json, schema, problems);
}

export function parseData<S extends z.ZodType>(path: string, json: unknown, schema: S, problems: string[]): z.output<S> | undefined {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const at = issue.path.length > 0 ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '(root)';
    problems.push(`${path}: ${at}: ${issue.message}`);
  }
  return undefined;
}
