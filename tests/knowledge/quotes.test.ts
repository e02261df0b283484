// Every fact is anchored in its document: each `quote` in the data files occurs in the source text
// (whitespace collapsed), and every table figure is printed in its row's quote. Walks the raw JSON
// files directly, so it holds the data to the documents independently of build.ts.
import { describe, expect, it } from 'vitest';
import { cleanQuote } from '../../src/text/normalize.js';
import { collapse, isObject, quotesIn, rawDocuments, type Json, type JsonObject } from './helpers.js';

const documents = rawDocuments();

/** The quotes of a document whose collapsed text is not in the collapsed document. */
function missingQuotes(data: Json, text: string): string[] {
  const document = collapse(text);
  return quotesIn(data)
    .filter(({ quote }) => !document.includes(collapse(quote)))
    .map(({ path, quote }) => `${path}: "${quote}"`);
}

describe('the quote walker', () => {
  it('finds a quote nested anywhere and reports one that is not in the text', () => {
    const data: Json = { a: [{ source: { quote: 'två  rader\nhär' } }, { b: { quote: 'finns inte' } }] };
    expect(quotesIn(data).map((q) => q.path)).toEqual(['a[0].source.quote', 'a[1].b.quote']);
    expect(missingQuotes(data, 'Text med två\trader här.')).toEqual(['a[1].b.quote: "finns inte"']);
  });
});

describe('every quote is in its document', () => {
  it.each(documents.map((doc) => [doc.name, doc] as const))('%s', (_, doc) => {
    expect(quotesIn(doc.data).length).toBeGreaterThan(10);
    expect(missingQuotes(doc.data, doc.text)).toEqual([]);
  });

  // What a person is shown: Word residue ("[bookmark: _Hlk12963859]") and tabs gone, on both sides.
  it.each(documents.map((doc) => [doc.name, doc] as const))('%s: every quote, as shown, is in the document as shown', (_, doc) => {
    const text = cleanQuote(doc.text);
    expect(quotesIn(doc.data).filter(({ quote }) => !text.includes(cleanQuote(quote))).map(({ path }) => path)).toEqual([]);
  });

  it('shows a quote without Word residue or tabs', () => {
    expect(cleanQuote('\t[bookmark: _Hlk12963859]6 203 183, 05 \n')).toBe('6 203 183, 05');
    expect(cleanQuote('7 621 404 kr\t1 000 000 kr')).toBe('7 621 404 kr 1 000 000 kr');
    expect(cleanQuote('nedan;\n\n[image: En bild som visar bord\n\nAutomatiskt genererad beskrivning]\n\nRubrik')).toBe('nedan; Rubrik');
  });

  // The walk must reach every kind of quote the schema has, or "all quotes are in" would say little.
  const KINDS: [kind: string, pattern: RegExp][] = [
    ['table rows', /^tables\[\d+\]\.rows\[\d+\]\.quote$/],
    ['table column totals', /^tables\[\d+\]\.columnTotals\.quote$/],
    ['stated table models', /^tables\[\d+\]\.checks\[\d+\]\.statedIn\.quote$/],
    ['single amounts', /^amounts\[\d+\]\.source\.quote$/],
    ['keys', /^keys\[\d+\]\.source\.quote$/],
    ['deadlines', /^deadlines\[\d+\]\.source\.quote$/],
    ['invoice fields', /^invoicing\[\d+\]\.fields\[\d+\]\.source\.quote$/],
    ['required invoice information', /^invoicing\[\d+\]\.requiredInformationSource\.quote$/],
    ['contacts', /^contacts\[\d+\]\.source\.quote$/],
    ['focus areas', /^focusAreas\[\d+\]\.source\.quote$/],
    ['figures', /^figures\[\d+\]\.source\.quote$/],
  ];
  it.each(KINDS)('reaches the quotes of %s', (_, pattern) => {
    const paths = documents.flatMap((doc) => quotesIn(doc.data).map((q) => q.path));
    expect(paths.filter((path) => pattern.test(path)).length).toBeGreaterThan(0);
  });
});

type Cell = string | { printed: string; value: string; status: string; range?: { min: string; max: string } };

interface RawRow {
  place: string;
  quote: string;
  cells: Record<string, Cell>;
  total?: Cell;
}

/** Every table row and column-total row, with its cells and total as "rows[i].cells.column". */
function tableCells(): { where: string; quote: string; cell: Cell }[] {
  return documents.flatMap((doc) =>
    ((doc.data['tables'] ?? []) as JsonObject[]).flatMap((table, t) => {
      const rows: [string, RawRow][] = (table['rows'] as unknown as RawRow[]).map((row, r) => [`rows[${r}]`, row]);
      if (isObject(table['columnTotals'])) rows.push(['columnTotals', table['columnTotals'] as unknown as RawRow]);
      return rows.flatMap(([rowPath, row]) => [
        ...Object.entries(row.cells).map(([column, cell]) => ({ where: `${doc.name}: tables[${t}].${rowPath}.cells.${column}`, quote: row.quote, cell })),
        ...(row.total === undefined ? [] : [{ where: `${doc.name}: tables[${t}].${rowPath}.total`, quote: row.quote, cell: row.total }]),
      ]);
    }),
  );
}

const cells = tableCells();
const printedCells = cells.filter((c): c is typeof c & { cell: string } => typeof c.cell === 'string');
const reconstructedCells = cells.filter((c): c is typeof c & { cell: Exclude<Cell, string> } => typeof c.cell !== 'string');

describe('table figures are printed in their row quotes', () => {
  it('covers the cells of all five tables', () => {
    expect(new Set(cells.map((c) => c.where.replace(/\.rows.*|\.columnTotals.*/, ''))).size).toBe(5);
    // 4 (Dalarna 2022) + 5 (Dalarna 2020) + 15 × 3 (municipalities) + 5 (Jämtland) + 7 × 7 (Skåne).
    expect(cells).toHaveLength(108);
    expect(printedCells).toHaveLength(99);
  });

  it('finds every cell printed as a plain string in its row quote', () => {
    const missing = printedCells.filter(({ quote, cell }) => !collapse(quote).includes(collapse(cell))).map(({ where, cell }) => `${where}: "${cell}"`);
    expect(missing).toEqual([]);
  });

  it('keeps, for every reconstructed cell, the printed (garbled) text that is in the row quote', () => {
    expect(reconstructedCells).toHaveLength(9);
    for (const { where, quote, cell } of reconstructedCells) {
      expect(cell.status, where).toBe('reconstructed');
      expect(cell.printed, where).not.toBe('');
      expect(collapse(quote), where).toContain(collapse(cell.printed));
    }
  });

  it('never passes a reconstructed value off as the printed text', () => {
    for (const { where, quote, cell } of reconstructedCells) {
      expect(cell.value, where).not.toBe(cell.printed);
      // The reconstructed figure is not what the document prints in that row.
      expect(` ${collapse(quote)} `, where).not.toContain(` ${cell.value} `);
    }
  });
});
