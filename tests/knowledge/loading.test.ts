// The real knowledge (src/knowledge/data + sources) loads, validates and verifies cleanly, and holds
// what the five documents print: every document has its data file, and the places with amounts are
// the ones the tables list.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKnowledge } from '../../src/knowledge/build.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { readKnowledgeFiles } from '../../src/knowledge/load.js';
import { DOCUMENTS_DIR, SOURCES_DIR, rawDocuments } from './helpers.js';

const { store, report } = loadKnowledge();
const knowledge = store.knowledge;

const DALARNA_MUNICIPALITIES = [
  'vansbro',
  'malung-salen',
  'gagnef',
  'leksand',
  'rattvik',
  'orsa',
  'alvdalen',
  'smedjebacken',
  'mora',
  'falun',
  'borlange',
  'sater',
  'hedemora',
  'avesta',
  'ludvika',
];
const SKANE_SUBREGIONS = ['skane-nordost', 'skane-nordvast', 'skane-mellersta', 'skane-malmo', 'skane-sydost', 'skane-sydvast'];

describe('loading the real knowledge', () => {
  it('reads and builds the files without a single problem', () => {
    expect(() => buildKnowledge(readKnowledgeFiles())).not.toThrow();
  });

  it('verifies every table, key and sum with no unexplained discrepancy', () => {
    expect(report.unexplained).toBe(0);
    const open = report.results.flatMap((result) => result.discrepancies.filter((d) => !d.explanation).map((d) => `${result.subject}: ${d.where}`));
    expect(open).toEqual([]);
  });

  it('explains every recorded discrepancy in words', () => {
    for (const result of report.results) {
      for (const d of result.discrepancies) expect(d.explanation?.trim().length ?? 0).toBeGreaterThan(20);
    }
  });
});

describe('documents and data files', () => {
  const sources = readdirSync(SOURCES_DIR).filter((name) => name.endsWith('.txt')).map((name) => basename(name, '.txt')).sort();
  const dataFiles = readdirSync(DOCUMENTS_DIR).filter((name) => name.endsWith('.json')).map((name) => basename(name, '.json')).sort();

  it('has five source documents', () => {
    expect(sources).toHaveLength(5);
  });

  it('has a data file for every source document and a source document for every data file', () => {
    expect(dataFiles).toEqual(sources);
  });

  it.each(rawDocuments().map((doc) => [doc.name, doc] as const))('%s names its own source file', (name, doc) => {
    const meta = doc.data['document'] as { file: string };
    expect(meta.file).toBe(`${basename(name, '.json')}.txt`);
  });

  it('loads every document with its text exactly as it is on disk', () => {
    expect(knowledge.documents.map((document) => document.file).sort()).toEqual(sources.map((name) => `${name}.txt`));
    for (const name of sources) {
      expect(knowledge.texts[`${name}.txt`]).toBe(readFileSync(join(SOURCES_DIR, `${name}.txt`), 'utf8'));
    }
  });

  it('splits every document into searchable passages', () => {
    for (const document of knowledge.documents) {
      expect(store.passages.filter((passage) => passage.document.file === document.file).length, document.file).toBeGreaterThan(0);
    }
    expect(store.counts()['documents']).toBe(5);
  });
});

describe('what the knowledge holds', () => {
  it('holds 2020 amounts for exactly the 15 municipalities of Dalarna', () => {
    const municipalities = store.children('dalarna').filter((place) => place.kind === 'municipality');
    expect(municipalities.map((place) => place.id).sort()).toEqual([...DALARNA_MUNICIPALITIES].sort());
    const withAmounts = municipalities.filter((place) => store.amounts({ place: place.id, year: 2020 }).length > 0);
    expect(withAmounts).toHaveLength(15);
  });

  it('holds 2023 amounts for exactly the 6 sub-regions of Skåne', () => {
    const subregions = store.children('skane').filter((place) => place.kind === 'subregion');
    expect(subregions.map((place) => place.id).sort()).toEqual([...SKANE_SUBREGIONS].sort());
    const withAmounts = subregions.filter((place) => store.amounts({ place: place.id, year: 2023 }).length > 0);
    expect(withAmounts).toHaveLength(6);
  });

  it('holds amounts for 2020, 2022 and 2023 only (the 2018 follow-up prints no allocation)', () => {
    expect(store.amountYears()).toEqual([2020, 2022, 2023]);
  });

  it('refers only to known places and funds', () => {
    for (const fact of knowledge.amounts) {
      expect(store.place(fact.place), fact.id).toBeDefined();
      expect(store.fund(fact.fund), fact.id).toBeDefined();
    }
  });

  it('gives every amount, derived sums included, a unique id', () => {
    const ids = knowledge.amounts.map((fact) => fact.id);
    expect(ids.length).toBeGreaterThan(100);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps the printed text of every stated amount', () => {
    const stated = knowledge.amounts.filter((fact) => fact.status === 'stated');
    expect(stated.length).toBeGreaterThan(100);
    for (const fact of stated) expect(fact.printed, fact.id).not.toBe('');
  });

  it('holds the tables, keys, deadlines, contacts and figures of the documents', () => {
    expect(knowledge.tables.map((table) => table.id).sort()).toEqual([
      'dalarna-2020-kommuner',
      'dalarna-2020-lansgemensamt',
      'dalarna-2022-lansgemensamt',
      'jamtland-2020-lansgemensamt',
      'skane-2023-delregioner',
    ]);
    expect(knowledge.keys).toHaveLength(4);
    expect(knowledge.sums).toHaveLength(1);
    expect(knowledge.deadlines.length).toBeGreaterThanOrEqual(30);
    expect(knowledge.contacts.length).toBeGreaterThanOrEqual(40);
    expect(knowledge.figures.length).toBeGreaterThanOrEqual(80);
  });
});
