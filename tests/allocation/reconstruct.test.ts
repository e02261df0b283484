import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  reconstructBasePlusShare,
  ReconstructionError,
  roundTo,
  type PartlyLegibleRow,
  type ReconstructedCell,
  type ReconstructionInput,
  type ShareColumn,
} from '../../src/allocation/index.js';

const COLUMNS: ShareColumn[] = [
  { id: 'a', base: 100, pot: 10_000 },
  { id: 'b', base: 0, pot: 2_500 },
];

/** The truth behind a synthetic table: exact shares, cells and totals printed rounded to kronor. */
function printedTable(shares: Record<string, string>, columns: ShareColumn[]) {
  return Object.entries(shares).map(([id, share]) => {
    const exact = columns.map((column) => new Decimal(column.base).plus(new Decimal(column.pot).times(share)));
    return {
      id,
      cells: Object.fromEntries(columns.map((column, index) => [column.id, roundTo(exact[index] ?? 0, 'krona')])),
      total: roundTo(exact.reduce((sum, value) => sum.plus(value), new Decimal(0)), 'krona'),
    };
  });
}

const input = (rows: PartlyLegibleRow[], columns = COLUMNS): ReconstructionInput => ({
  columns,
  rows,
  cellTolerance: '0.5',
  totalTolerance: '0.5',
  unit: 'krona',
  sharesSumToOne: true,
});

const summary = (cell: ReconstructedCell | undefined) =>
  cell && [cell.value.toNumber(), cell.min.toNumber(), cell.max.toNumber(), cell.certainty];

describe('reconstructBasePlusShare on a synthetic table with a known truth', () => {
  // Shares 0.1234567 + 0.3 + 0.2765433 + 0.3 = 1; printed truth:
  //   r1: a 1335, b 309, total 1643;  r2: 3100, 750, 3850;  r3: 2865, 691, 3557;  r4: 3100, 750, 3850.
  const truth = printedTable({ r1: '0.1234567', r2: '0.3', r3: '0.2765433', r4: '0.3' }, COLUMNS);
  const illegible: Record<string, string[]> = { r1: ['b'], r2: ['a'], r3: ['a', 'b', 'total'], r4: ['total'] };
  const rows = truth.map(({ id, cells, total }) => ({
    id,
    cells: Object.fromEntries(
      Object.entries(cells).map(([column, value]) => [column, illegible[id]?.includes(column) ? null : value]),
    ),
    total: illegible[id]?.includes('total') ? null : total,
  }));
  const reconstruction = reconstructBasePlusShare(input(rows));
  const row = (id: string) => reconstruction.rows.find((candidate) => candidate.id === id);

  it.each([
    // row, cell, [value, min, max, certainty]: worked out by hand from the printed figures
    ['r1', 'b', [309, 309, 309, 'exact']], // a and total pin x to [0.12345, 0.12348)
    ['r2', 'a', [3100, 3100, 3100, 'exact']], // total and b pin x to [0.29996, 0.30004)
    ['r4', 'total', [3850, 3849, 3851, 'range']], // a and b allow x in [0.29995, 0.30005): [3849.375, 3850.625)
    ['r3', 'a', [2865, 2864, 2866, 'range']], // nothing legible: x is what the others leave, [0.27643, 0.27664]
    ['r3', 'b', [691, 691, 692, 'range']],
    ['r3', 'total', [3557, 3555, 3558, 'range']],
  ] as const)('reconstructs %s %s as %j', (id, column, expected) => {
    const found = row(id);
    expect(summary(column === 'total' ? found?.total : found?.cells[column])).toEqual(expected);
  });

  it('keeps the truth within every reconstructed range', () => {
    for (const { id, cells, total } of truth) {
      const found = row(id);
      for (const [column, value] of [...Object.entries(cells), ['total', total] as const]) {
        const cell = column === 'total' ? found?.total : found?.cells[column];
        expect(cell?.min.lessThanOrEqualTo(value) && cell.max.greaterThanOrEqualTo(value)).toBe(true);
      }
    }
  });

  it('gives a row with nothing legible the share the other rows leave', () => {
    const share = row('r3')?.share;
    expect([share?.low.toFixed(), share?.high.toFixed()]).toEqual(['0.27643', '0.27664']);
  });

  it('holds the reconstructed columns against the printed column totals', () => {
    const sums = Object.fromEntries(
      Object.entries(reconstruction.columnTotals).map(([id, { min, max }]) => [id, [min.toNumber(), max.toNumber()]]),
    );
    expect(sums).toEqual({ a: [10_399, 10_401], b: [2_500, 2_501] });
  });
});

describe('reconstructBasePlusShare', () => {
  const oneCell = input([{ id: 'only', cells: { share: new Decimal(500) }, total: null }], [
    { id: 'share', base: 0, pot: 1000 },
  ]);

  it('does not widen a cell to the rounding edge of its own printed value', () => {
    // Printed 500 covers exact values in [499.5, 500.5): 500.5 itself would have been printed 501.
    const reconstruction = reconstructBasePlusShare(oneCell);
    expect(summary(reconstruction.rows[0]?.cells.share)).toEqual([500, 500, 500, 'exact']);
  });

  it('takes a tolerance of 0 to mean the exact figure', () => {
    const reconstruction = reconstructBasePlusShare({ ...oneCell, cellTolerance: 0 });
    expect(reconstruction.rows[0]?.share.low.toFixed()).toBe('0.5');
    expect(reconstruction.rows[0]?.share.high.toFixed()).toBe('0.5');
  });

  it('blames a base cell that differs from the base', () => {
    const reconstruction = reconstructBasePlusShare(
      input(
        [{ id: 'r', cells: { share: new Decimal(1335), base: new Decimal(30_000) }, total: null }],
        [
          { id: 'share', base: 0, pot: 10_000 },
          { id: 'base', base: 300, pot: 0 },
        ],
      ),
    );
    expect(reconstruction.inconsistent).toEqual([{ row: 'r', cells: ['base'] }]);
  });

  it('uses no closure unless the shares are said to add up to 1', () => {
    const reconstruction = reconstructBasePlusShare({
      ...input([
        { id: 'known', cells: { a: new Decimal(5100), b: null }, total: null },
        { id: 'unknown', cells: { a: null, b: null }, total: null },
      ]),
      sharesSumToOne: false,
    });
    const share = reconstruction.rows[1]?.share;
    expect([share?.low.toFixed(), share?.high.toFixed()]).toEqual(['0', '1']);
  });

  it.each([
    ['no columns', { columns: [] }],
    ['a column called total', { columns: [{ id: 'total', base: 0, pot: 1 }] }],
    ['two columns with one id', { columns: [COLUMNS[0], COLUMNS[0]] }],
    ['a negative pot', { columns: [{ id: 'a', base: 0, pot: -1 }] }],
    ['a cell for an unknown column', { rows: [{ id: 'r', cells: { c: new Decimal(1) }, total: null }] }],
    [
      'rows that take more than the whole',
      {
        rows: [
          { id: 'r1', cells: { a: new Decimal(8100), b: null }, total: null },
          { id: 'r2', cells: { a: new Decimal(8100), b: null }, total: null },
          { id: 'r3', cells: { a: null, b: null }, total: null },
        ],
      },
    ],
  ])('refuses %s', (_, change) => {
    const invalid = { ...input([]), ...change } as ReconstructionInput;
    expect(() => reconstructBasePlusShare(invalid)).toThrow(ReconstructionError);
  });
});

describe('reconstruction soundness', () => {
  /** Four to eight rows with shares of six decimals adding up to exactly 1. */
  const sharesArbitrary = fc
    .uniqueArray(fc.integer({ min: 1, max: 999_999 }), { minLength: 3, maxLength: 7 })
    .map((cuts) => {
      const points = [0, ...cuts.sort((x, y) => x - y), 1_000_000];
      return points.slice(1).map((point, index) => new Decimal(point - (points[index] ?? 0)).div(1_000_000).toFixed());
    });
  const scenarioArbitrary = sharesArbitrary.chain((shares) =>
    fc.record({
      shares: fc.constant(shares),
      columns: fc.array(
        fc.record({ base: fc.nat(1_000_000), pot: fc.nat(50_000_000) }),
        { minLength: 1, maxLength: 4 },
      ),
      // For every row: is each column legible, is the total legible.
      legible: fc.array(fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), {
        minLength: shares.length,
        maxLength: shares.length,
      }),
    }),
  );

  it('never excludes the truth, never calls a wrong value exact, and finds truthful figures consistent', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ shares, columns, legible }) => {
        const modelColumns = columns.map((column, index) => ({ id: `c${index}`, ...column }));
        const sharesById = Object.fromEntries(shares.map((share, index) => [`r${index}`, share]));
        const truth = printedTable(sharesById, modelColumns);
        const rows = truth.map(({ id, cells, total }, index) => ({
          id,
          cells: Object.fromEntries(
            Object.entries(cells).map(([column, value], at) => [column, legible[index]?.[at] ? value : null]),
          ),
          total: legible[index]?.[4] ? total : null,
        }));
        const reconstruction = reconstructBasePlusShare(input(rows, modelColumns));
        expect(reconstruction.inconsistent).toEqual([]);
        truth.forEach(({ cells, total }, index) => {
          const found = reconstruction.rows[index];
          for (const [cell, value] of [
            ...Object.entries(cells).map(([column, value]) => [found?.cells[column], value] as const),
            [found?.total, total] as const,
          ]) {
            expect(cell?.agrees).toBe(true);
            expect(cell?.min.lessThanOrEqualTo(value) && cell.max.greaterThanOrEqualTo(value)).toBe(true);
            if (cell?.certainty === 'exact') expect(cell.value.equals(value)).toBe(true);
          }
        });
      }),
    );
  });
});
