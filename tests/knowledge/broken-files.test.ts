// A coordinator's typo must stop start-up with a message that names the file, the path inside it and
// what is wrong, never load a wrong answer. Each case breaks a fresh copy of the real knowledge folder
// (data/ and sources/, laid out like src/knowledge) in one way.
import { renameSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildKnowledge } from '../../src/knowledge/build.js';
import { KnowledgeLoadError, loadKnowledge } from '../../src/knowledge/index.js';
import { readKnowledgeFiles } from '../../src/knowledge/load.js';
import { copyKnowledge, editJson, type Json, type JsonObject } from './helpers.js';

const DALARNA_2022 = '000_afe9e734d6b1f6f8';
const DALARNA_2020 = '001_74a662b3024a3357';
const JAMTLAND_2020 = '002_095eae0b221900fb';
const SKANE_2023 = '003_200551ed2178d4fe';
const DALARNA_2018 = '004_bf76aafa1196d6da';

let dir = '';
let cleanup = () => {};
beforeEach(() => {
  ({ dir, cleanup } = copyKnowledge());
});
afterEach(() => cleanup());

const documentPath = (name: string) => join(dir, 'data', 'documents', `${name}.json`);

/** Walks "tables.1.rows.8" into a parsed JSON file. */
function at(data: JsonObject, path: string): JsonObject {
  let node: Json = data;
  for (const key of path.split('.')) node = Array.isArray(node) ? node[Number(key)]! : (node as JsonObject)[key]!;
  return node as JsonObject;
}

function editDocument(name: string, path: string, change: (node: JsonObject) => void): void {
  editJson(documentPath(name), (data) => change(at(data, path)));
}

/** The KnowledgeLoadError `load` throws; fails the test when it throws nothing or something else. */
function loadError(load: () => unknown): KnowledgeLoadError {
  try {
    load();
  } catch (error) {
    if (error instanceof KnowledgeLoadError) return error;
    throw error;
  }
  throw new Error('expected a KnowledgeLoadError, but the knowledge loaded');
}

describe('the unbroken copy', () => {
  it('loads, so every failure below comes from the one thing broken', () => {
    expect(loadKnowledge(dir).report.unexplained).toBe(0);
  });
});

interface BrokenCase {
  what: string;
  /** Which stage must notice: reading (schema), building (references, quotes, ids) or verifying. */
  stage: 'read' | 'build' | 'verify';
  breakIt: () => void;
  /** The file the message must name. */
  file: string;
  /** The path inside the file (or the check and row) the message must name. */
  where: string;
  /** What is wrong, in the message's words. */
  wrong: RegExp;
  /** How many problems the one break causes (each naming the file and path): 1 unless said. */
  problems?: number;
}

const cases: BrokenCase[] = [
  {
    what: 'invalid JSON (a missing comma)',
    stage: 'read',
    breakIt: () => {
      const path = documentPath(SKANE_2023);
      const text = readFileSync(path, 'utf8');
      const broken = text.replace('"year": 2023,', '"year": 2023');
      if (broken === text) throw new Error('nothing to break');
      writeFileSync(path, broken);
    },
    file: `${SKANE_2023}.json`,
    where: 'position',
    wrong: /not valid JSON \(.*Expected ',' or '}' after property value in JSON at position \d+/,
  },
  {
    what: 'a missing required field (document.title)',
    stage: 'read',
    breakIt: () => editDocument(DALARNA_2022, 'document', (document) => void delete document['title']),
    file: `${DALARNA_2022}.json`,
    where: ': document.title: ',
    wrong: /expected string, received undefined/,
  },
  {
    what: 'a wrong type (a table year as a string)',
    stage: 'read',
    breakIt: () => editDocument(JAMTLAND_2020, 'tables.0', (table) => void (table['year'] = '2020')),
    file: `${JAMTLAND_2020}.json`,
    where: ': tables[0].year: ',
    wrong: /expected number, received string/,
  },
  {
    what: 'a misspelt field name (amonut for amount)',
    stage: 'read',
    breakIt: () =>
      editDocument(SKANE_2023, 'amounts.1', (entry) => {
        entry['amonut'] = entry['amount']!;
        delete entry['amount'];
      }),
    file: `${SKANE_2023}.json`,
    where: ': amounts[1]',
    // The real name is missing and the misspelt one is unknown: both are reported.
    wrong: /amounts\[1\]: Unrecognized key: "amonut"/,
    problems: 2,
  },
  {
    what: 'a deadline month that does not exist (2023-13)',
    stage: 'build',
    breakIt: () => editDocument(SKANE_2023, 'deadlines.1.when', (when) => void (when['month'] = '2023-13')),
    file: `${SKANE_2023}.json`,
    where: ': deadlines[1].when',
    wrong: /not a real date/,
  },
  {
    what: 'an unknown place id in a table row',
    stage: 'build',
    breakIt: () => editDocument(DALARNA_2020, 'tables.1.rows.8', (row) => void (row['place'] = 'morra')),
    file: `${DALARNA_2020}.json`,
    where: ': tables[1].rows[8]',
    wrong: /unknown place "morra"/,
  },
  {
    what: 'an unknown fund in a table column',
    stage: 'build',
    breakIt: () => editDocument(JAMTLAND_2020, 'tables.0.columns.2', (column) => void (column['fund'] = 'suicid')),
    file: `${JAMTLAND_2020}.json`,
    where: ': tables[0].columns[2]',
    wrong: /unknown fund "suicid"/,
  },
  {
    what: 'an unknown fund on a single amount',
    stage: 'build',
    breakIt: () => editDocument(JAMTLAND_2020, 'amounts.2', (entry) => void (entry['fund'] = 'brukarinflytande')),
    file: `${JAMTLAND_2020}.json`,
    where: ': amounts[2]',
    wrong: /unknown fund "brukarinflytande"/,
  },
  {
    what: 'a row quote that is not in the document (a transposed digit)',
    stage: 'build',
    breakIt: () => editDocument(DALARNA_2020, 'tables.1.rows.8', (row) => void (row['quote'] = 'Mora 395 640,36 kr  197 820,18 kr  593 416 kr')),
    file: `${DALARNA_2020}.json`,
    where: ': tables[1].rows[8].quote',
    wrong: /the quote is not in 001_74a662b3024a3357\.txt: "Mora 395 640,36 kr {2}197 820,18 kr {2}593 416 kr"/,
  },
  {
    what: 'a contact quote that is not in the document',
    stage: 'build',
    breakIt: () => editDocument(JAMTLAND_2020, 'contacts.0.source', (source) => void (source['quote'] = 'Samordnaren Elin Ring samordnar allt.')),
    file: `${JAMTLAND_2020}.json`,
    where: ': contacts[0].source.quote',
    wrong: /the quote is not in 002_095eae0b221900fb\.txt/,
  },
  {
    what: 'a fact id used twice in one document',
    stage: 'build',
    breakIt: () => editDocument(JAMTLAND_2020, 'figures.1', (figure) => void (figure['id'] = 'j2020-suicidprevention-kommuner-tjanst')),
    file: `${JAMTLAND_2020}.json`,
    where: ': figures[1]',
    wrong: /the id "j2020-suicidprevention-kommuner-tjanst" is used twice/,
  },
  {
    what: 'a fact id already used by another document',
    stage: 'build',
    breakIt: () => editDocument(DALARNA_2018, 'contacts.0', (contact) => void (contact['id'] = 'j2020-elin-ring')),
    file: `${DALARNA_2018}.json`,
    where: ': contacts[0]',
    wrong: /the id "j2020-elin-ring" is used twice/,
  },
  {
    what: 'an amount that does not parse ("12,34,56 kr")',
    stage: 'build',
    breakIt: () => editDocument(DALARNA_2020, 'tables.1.rows.8.cells', (cells) => void (cells['handlingsplaner'] = '12,34,56 kr')),
    file: `${DALARNA_2020}.json`,
    where: ': tables[1].rows[8].cells.handlingsplaner',
    wrong: /"12,34,56 kr" is not an amount/,
  },
  {
    what: 'a table cell changed so the row total no longer matches',
    stage: 'verify',
    breakIt: () => editDocument(JAMTLAND_2020, 'tables.0.rows.0.cells', (cells) => void (cells['ungdomsmottagningar'] = '1 800 966,91')),
    file: `${JAMTLAND_2020}.txt`,
    where: 'jamtland-2020-lansgemensamt (Länsgemensamma medel som Jämtlands län erhåller 2020, 2020): rowTotals disagrees at jamtland/total',
    wrong: /expected 11537166\.91, printed 11537156\.91 \(difference -10\)/,
  },
];

describe('a broken knowledge folder stops loading with a message naming file, path and problem', () => {
  it.each(cases.map((c) => [c.what, c] as const))('%s', (_, c) => {
    c.breakIt();
    const error = loadError(() => loadKnowledge(dir));
    const count = c.problems ?? 1;
    expect(error.problems).toHaveLength(count);
    for (const problem of error.problems) {
      expect(problem).toContain(c.file);
      expect(problem).toContain(c.where);
      expect(error.message).toContain(problem);
    }
    expect(error.problems.filter((problem) => c.wrong.test(problem))).toHaveLength(1);
    expect(error.message.startsWith(`The knowledge files have ${count} problem(s):\n- `)).toBe(true);
  });

  it.each(cases.map((c) => [c.what, c] as const))('%s is caught at the right stage', (_, c) => {
    c.breakIt();
    if (c.stage === 'read') {
      loadError(() => readKnowledgeFiles(dir));
      return;
    }
    const files = readKnowledgeFiles(dir);
    if (c.stage === 'build') {
      loadError(() => buildKnowledge(files));
      return;
    }
    // Verification problems are not reading or reference problems: only loadKnowledge stops them.
    expect(() => buildKnowledge(files)).not.toThrow();
    loadError(() => loadKnowledge(dir));
  });
});

describe('several problems at once', () => {
  it('lists every one of them, each with its own file and path', () => {
    editDocument(DALARNA_2020, 'tables.1.rows.8', (row) => void (row['place'] = 'morra'));
    editDocument(JAMTLAND_2020, 'tables.0.columns.2', (column) => void (column['fund'] = 'suicid'));
    const error = loadError(() => loadKnowledge(dir));
    expect(error.problems).toHaveLength(2);
    expect(error.problems.find((p) => p.includes(`${DALARNA_2020}.json: tables[1].rows[8]`))).toMatch(/unknown place "morra"/);
    expect(error.problems.find((p) => p.includes(`${JAMTLAND_2020}.json: tables[0].columns[2]`))).toMatch(/unknown fund "suicid"/);
  });

  it('names both checks when a changed cell breaks the row total and the 2:1 ratio', () => {
    editDocument(DALARNA_2020, 'tables.1.rows.8.cells', (cells) => void (cells['handlingsplaner'] = '395 650,36 kr'));
    const error = loadError(() => loadKnowledge(dir));
    expect(error.problems).toHaveLength(3);
    expect(error.problems).toContain(
      '001_74a662b3024a3357.txt: dalarna-2020-kommuner (Medel till kommunerna, 2020): rowTotals disagrees at mora/total: expected 593471, printed 593461 (difference -10)',
    );
    // The ratio check names both cells of the row, since either could be the misprint.
    expect(error.problems.filter((p) => p.startsWith('001_74a662b3024a3357.txt: dalarna-2020-kommuner (Medel till kommunerna, 2020): ratio disagrees at mora/')).map((p) => p.split(':')[2])).toEqual([
      ' ratio disagrees at mora/handlingsplaner',
      ' ratio disagrees at mora/kunskapsbaserad',
    ]);
  });
});

describe('missing files', () => {
  it('names the source text a data file points to when it is missing', () => {
    renameSync(join(dir, 'sources', `${DALARNA_2022}.txt`), join(dir, 'sources', `${DALARNA_2022}.bak`));
    const error = loadError(() => readKnowledgeFiles(dir));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toContain(join('sources', `${DALARNA_2022}.txt`));
    expect(error.problems[0]).toMatch(/cannot read the file/);
  });

  it('names a data file whose document.file points to another name', () => {
    editDocument(DALARNA_2022, 'document', (document) => void (document['file'] = `${DALARNA_2020}.txt`));
    const error = loadError(() => readKnowledgeFiles(dir));
    expect(error.problems).toEqual([`${documentPath(DALARNA_2022)}: document.file is ${DALARNA_2020}.txt, expected the same name as the data file`]);
  });

  it('names places.json when a place has an unknown parent', () => {
    editJson(join(dir, 'data', 'places.json'), (data) => {
      const mora = (data['places'] as JsonObject[]).find((place) => place['id'] === 'mora')!;
      mora['parent'] = 'dalarnas-lan';
    });
    const error = loadError(() => loadKnowledge(dir));
    expect(error.problems).toEqual(['places.json: mora: unknown parent place "dalarnas-lan"']);
  });
});
