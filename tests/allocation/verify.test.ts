import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { parseSek, verifyTable, type PublishedRow, type PublishedTable } from '../../src/allocation/index.js';

const sek = (text: string | null) => (text === null ? null : parseSek(text));

/** Region Dalarna 2020: each municipality's money split 2:1, the sum printed rounded to whole kronor. */
const DALARNA_MUNICIPALITIES: [string, string, string, string][] = [
  ['Vansbro', '131 634,63 kr', '65 817,31 kr', '197 452 kr'],
  ['Malung-Sälen', '195 494,48 kr', '97 747,24 kr', '293 242 kr'],
  ['Gagnef', '199 835,79 kr', '99 917,89 kr', '299 754 kr'],
  ['Leksand', '306 566,04 kr', '153 283,02 kr', '459 849 kr'],
  ['Rättvik', '212 491,47 kr', '106 245,74 kr', '318 737 kr'],
  ['Orsa', '134 115,38 kr', '67 057,69 kr', '201 173 kr'],
  ['Älvdalen', '136 227,89 kr', '68 113,94 kr', '204 342 kr'],
  ['Smedjebacken', '210 979,77 kr', '105 489,88 kr', '316 470 kr'],
  ['Mora', '395 640,36 kr', '197 820,18 kr', '593 461 kr'],
  ['Falun', '1 150 872,72 kr', '575 436,36 kr', '1 726 309 kr'],
  ['Borlänge', '1 017 590,72 kr', '508 795,36 kr', '1 526 386 kr'],
  ['Säter', '215 359,83 kr', '107 679,92 kr', '323 040 kr'],
  ['Hedemora', '299 802,13 kr', '149 901,07 kr', '449 703 kr'],
  ['Avesta', '449 344,65 kr', '224 672,33 kr', '674 017 kr'],
  ['Ludvika', '521 751,45 kr', '260 875,72 kr', '782 627 kr'],
];

function dalarna(misprint?: { row: string; cell: string }): PublishedTable {
  return {
    columns: ['handlingsplaner', 'kunskapsbas'],
    rows: DALARNA_MUNICIPALITIES.map(([id, plans, knowledge, total]) => ({
      id,
      cells: { handlingsplaner: sek(misprint?.row === id ? misprint.cell : plans), kunskapsbas: sek(knowledge) },
      total: sek(total),
    })),
    rowTotalRounding: 'krona',
    tolerance: 0,
    // The 2:1 split is to the öre, so each column may be off by half an öre of the exact third.
    ratio: { columns: ['handlingsplaner', 'kunskapsbas'], weights: [2, 1], tolerance: '0.005' },
  };
}

describe('verifyTable', () => {
  it('finds Region Dalarna’s municipal table consistent: rounded sums and the 2:1 split', () => {
    expect(verifyTable(dalarna())).toEqual({
      checks: 45,
      agreements: 45,
      skipped: 0,
      discrepancies: [],
      suspectCells: [],
    });
  });

  it('reports a misread cell in its row total and in the ratio of its row', () => {
    const verification = verifyTable(dalarna({ row: 'Mora', cell: '395 040,36 kr' }));
    expect(verification.agreements).toBe(42);
    expect(
      verification.discrepancies.map(({ check, row, column, difference }) => [
        check,
        row,
        column,
        difference.toFixed(),
      ]),
    ).toEqual([
      ['rowTotal', 'Mora', undefined, '600'],
      ['ratio', 'Mora', 'handlingsplaner', '-200'],
      ['ratio', 'Mora', 'kunskapsbas', '200'],
    ]);
  });

  const grid: PublishedRow[] = [
    { id: 'A', cells: { x: new Decimal(10), y: new Decimal(20), z: new Decimal(30) }, total: new Decimal(60) },
    { id: 'B', cells: { x: new Decimal(40), y: new Decimal(50), z: new Decimal(60) }, total: new Decimal(150) },
    { id: 'C', cells: { x: new Decimal(70), y: new Decimal(80), z: new Decimal(90) }, total: new Decimal(240) },
  ];
  const gridTable = (rows: PublishedRow[]): PublishedTable => ({
    columns: ['x', 'y', 'z'],
    rows,
    columnTotals: { x: new Decimal(120), y: new Decimal(150), z: new Decimal(180) },
    grandTotal: new Decimal(450),
    tolerance: 0,
  });

  it('pins a single wrong cell at the crossing of its row and column, with the right difference', () => {
    const rows = grid.map((row) => (row.id === 'B' ? { ...row, cells: { ...row.cells, y: new Decimal(58) } } : row));
    const verification = verifyTable(gridTable(rows));
    expect(verification.checks).toBe(8);
    expect(
      verification.discrepancies.map(({ check, row, column, expected, actual, difference }) => ({
        check,
        row,
        column,
        expected: expected.toFixed(),
        actual: actual.toFixed(),
        difference: difference.toFixed(),
      })),
    ).toEqual([
      { check: 'rowTotal', row: 'B', column: undefined, expected: '158', actual: '150', difference: '-8' },
      { check: 'columnTotal', row: undefined, column: 'y', expected: '158', actual: '150', difference: '-8' },
    ]);
    const suspects = verification.suspectCells.map(({ row, column, printed, implied }) => [
      row,
      column,
      printed.toFixed(),
      implied.toFixed(),
    ]);
    expect(suspects).toEqual([['B', 'y', '58', '50']]);
  });

  it('reports a wrong grand total against both the row totals and the column totals', () => {
    const verification = verifyTable({ ...gridTable(grid), grandTotal: new Decimal(451) });
    const found = verification.discrepancies.map(({ check, basis, difference }) => [check, basis, difference.toFixed()]);
    expect(found).toEqual([
      ['grandTotal', 'rows', '1'],
      ['grandTotal', 'columns', '1'],
    ]);
    expect(verification.suspectCells).toEqual([]);
  });

  it('skips, and counts, the checks that need an illegible figure', () => {
    const rows = grid.map((row) => (row.id === 'A' ? { ...row, cells: { ...row.cells, x: null } } : row));
    const columnTotals = { x: new Decimal(120), y: null, z: new Decimal(180) };
    const verification = verifyTable({ ...gridTable(rows), columnTotals });
    // Skipped: row A (a cell), column x (a cell), column y (its total), the grand total by columns (y's total).
    expect(verification).toMatchObject({ checks: 4, agreements: 4, skipped: 4, discrepancies: [] });
  });

  it('accepts differences up to the tolerance and no further', () => {
    const rows = grid.map((row) => (row.id === 'C' ? { ...row, total: new Decimal('241.5') } : row));
    expect(verifyTable({ ...gridTable(rows), tolerance: '1.5' }).discrepancies).toEqual([]);
    expect(verifyTable({ ...gridTable(rows), tolerance: '1.49' }).discrepancies.map(({ check }) => check)).toEqual([
      'rowTotal',
      'grandTotal',
    ]);
  });

  it('sums the cells of a row that has no printed total into the grand total', () => {
    const rows = grid.map(({ id, cells }) => ({ id, cells }));
    const verification = verifyTable({ columns: ['x', 'y', 'z'], rows, grandTotal: new Decimal(450), tolerance: 0 });
    expect(verification).toMatchObject({ checks: 1, agreements: 1, skipped: 0 });
  });
});
