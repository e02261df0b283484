// The Skåne 2023 sub-region table (Vårdsamverkan Skåne: "Fördelning av länsgemensamma medel till
// insatser inom området psykisk hälsa och suicidprevention 2023"), whole kronor, OCR partly garbled.
// Each fund gives every sub-region a base and shares a pot by population 2022; the table prints the
// base and the share in separate columns, so each fund is two model columns: base-only (pot 0) and
// share-only (base 0). The row total is the sum of all six.
//
// Tolerance. Every figure is printed rounded to whole kronor, so ½ krona is the natural tolerance
// for cells and totals alike. The legible figures need less: the smallest tolerance that lets each
// row's legible figures meet in one share is 0.2905 kr (Nordväst: its samverkan cell against its
// total), so all of them are consistent with "each figure is the model value rounded". Row totals
// are rounded from the unrounded sum (Excel), not summed from rounded cells: Malmö's printed total
// is one krona below the sum of its rounded cells, which are all determined. A tolerance of 1.5 for
// totals (three rounded cells) is therefore not needed and would only widen the intervals.
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  describeCertainty,
  reconstructBasePlusShare,
  verifyTable,
  type PartlyLegibleRow,
  type ReconstructedCell,
  type Reconstruction,
  type ShareColumn,
} from '../../src/allocation/index.js';

const NBSP = '\u00A0';

const FUNDS = [
  { id: 'samverkan', base: 1_000_000, pot: 8_637_112 },
  { id: 'brukarmedverkan', base: 300_000, pot: 200_000 },
  { id: 'suicidprevention', base: 1_000_000, pot: 20_008_132 },
] as const;
type Fund = (typeof FUNDS)[number]['id'];

const COLUMNS: ShareColumn[] = FUNDS.flatMap(({ id, base, pot }) => [
  { id: `${id}Bas`, base, pot: 0 },
  { id, base: 0, pot },
]);

type Printed = [samverkan: number | null, brukarmedverkan: number | null, suicidprevention: number | null];

/** The population-share cells and row totals as legible in the memo (null = illegible). */
const PRINTED: Record<string, { cells: Printed; total: number | null }> = {
  Nordost: { cells: [1_142_432, 26_454, 2_646_478], total: 6_115_364 },
  Nordväst: { cells: [2_206_699, null, null], total: 9_669_681 },
  Mellersta: { cells: [null, null, null], total: 8_422_551 },
  Malmö: { cells: [2_181_037, null, 5_052_438], total: 9_583_978 },
  Sydost: { cells: [615_515, 14_253, 1_425_859], total: 4_355_627 },
  Sydväst: { cells: [658_159, null, null], total: null },
};
const PRINTED_COLUMN_TOTALS: Record<Fund, number> = {
  samverkan: 8_637_112,
  brukarmedverkan: 200_000,
  suicidprevention: 20_008_132,
};
const PRINTED_GRAND_TOTAL = 42_645_244;

const decimal = (value: number | null) => (value === null ? null : new Decimal(value));

function rows(changes: Record<string, Partial<Record<Fund | 'total', number | null>>> = {}): PartlyLegibleRow[] {
  return Object.entries(PRINTED).map(([id, { cells, total }]) => {
    const change = changes[id] ?? {};
    const printed = Object.fromEntries(
      FUNDS.flatMap((fund, index) => [
        [`${fund.id}Bas`, new Decimal(fund.base)],
        [fund.id, decimal(fund.id in change ? (change[fund.id] ?? null) : (cells[index] ?? null))],
      ]),
    );
    return { id, cells: printed, total: decimal('total' in change ? (change.total ?? null) : total) };
  });
}

function reconstruct(tolerance = '0.5', changes = {}): Reconstruction {
  return reconstructBasePlusShare({
    columns: COLUMNS,
    rows: rows(changes),
    cellTolerance: tolerance,
    totalTolerance: tolerance,
    unit: 'krona',
    sharesSumToOne: true,
  });
}

const summary = (cell: ReconstructedCell) => [
  cell.value.toNumber(),
  cell.min.toNumber(),
  cell.max.toNumber(),
  cell.certainty,
];

const cellOf = (reconstruction: Reconstruction, row: string, column: Fund | 'total') => {
  const found = reconstruction.rows.find((candidate) => candidate.id === row);
  const cell = column === 'total' ? found?.total : found?.cells[column];
  if (cell === undefined) throw new Error(`no cell ${row} ${column}`);
  return cell;
};

describe('reconstructing the Skåne 2023 sub-region table', () => {
  const skane = reconstruct();

  it('finds every legible figure consistent with the model', () => {
    expect(skane.inconsistent).toEqual([]);
    for (const row of skane.rows) {
      for (const cell of [...Object.values(row.cells), row.total].filter((candidate) => candidate.legible)) {
        expect(cell.agrees).toBe(true);
        // A legible figure is reproduced exactly: its own interval rounds to nothing else.
        expect([cell.certainty, cell.value.toNumber()]).toEqual(['exact', cell.printed?.toNumber()]);
      }
    }
  });

  it.each([
    // row, column, value, min, max
    ['Nordväst', 'brukarmedverkan', 51_098, 51_098, 51_098],
    ['Nordväst', 'suicidprevention', 5_111_884, 5_111_884, 5_111_885],
    ['Mellersta', 'samverkan', 1_833_271, 1_833_271, 1_833_271],
    ['Mellersta', 'brukarmedverkan', 42_451, 42_451, 42_451],
    ['Mellersta', 'suicidprevention', 4_246_829, 4_246_828, 4_246_829],
    ['Malmö', 'brukarmedverkan', 50_504, 50_504, 50_504],
    ['Sydväst', 'brukarmedverkan', 15_240, 15_240, 15_240],
    ['Sydväst', 'suicidprevention', 1_524_645, 1_524_644, 1_524_646],
    ['Sydväst', 'total', 4_498_045, 4_498_043, 4_498_046],
  ] as const)('reconstructs %s %s as %i (possible: %i–%i)', (row, column, value, min, max) => {
    const cell = cellOf(skane, row, column);
    expect([cell.value, cell.min, cell.max].map((amount) => amount.toNumber())).toEqual([value, min, max]);
    expect(cell.certainty).toBe(min === max ? 'exact' : 'range');
    expect(cell.legible).toBe(false);
  });

  it('says how certain a reconstructed cell is', () => {
    const determined = cellOf(skane, 'Mellersta', 'samverkan');
    expect(describeCertainty(determined, 'sv')).toBe('exakt (entydigt givet modellen)');
    expect(describeCertainty(determined, 'en')).toBe('exact (unambiguous given the model)');
    expect(describeCertainty(cellOf(skane, 'Sydväst', 'total'), 'sv')).toBe(`±2${NBSP}kr`);
    expect(describeCertainty(cellOf(skane, 'Sydväst', 'suicidprevention'), 'en')).toBe('±SEK 1');
  });

  it('adds the reconstructed columns up to the printed column totals within rounding', () => {
    const sums = Object.fromEntries(
      FUNDS.map(({ id }) => {
        const { value, min, max } = skane.columnTotals[id] ?? { value: 0, min: 0, max: 0 };
        return [id, [value, min, max].map(Number)];
      }),
    );
    // Six rounded cells against a total rounded from unrounded values: up to 3 kr apart.
    expect(sums).toEqual({
      // Fully determined, and one krona above the printed 8 637 112: the printed column itself sums so.
      samverkan: [8_637_113, 8_637_113, 8_637_113],
      brukarmedverkan: [200_000, 200_000, 200_000],
      suicidprevention: [20_008_133, 20_008_131, 20_008_135],
    });
    for (const [id, printed] of Object.entries(PRINTED_COLUMN_TOTALS)) {
      const [value = 0] = sums[id] ?? [];
      expect(Math.abs(value - printed)).toBeLessThanOrEqual(3);
    }
    const grand = [skane.grandTotal.value, skane.grandTotal.min, skane.grandTotal.max].map(Number);
    expect(grand).toEqual([42_645_246, 42_645_244, 42_645_247]);
    expect(PRINTED_GRAND_TOTAL).toBeGreaterThanOrEqual(grand[1] ?? Infinity);
    expect(PRINTED_GRAND_TOTAL).toBeLessThanOrEqual(grand[2] ?? -Infinity);
  });

  it('needs a tolerance of only 0.2905 kr to fit every legible figure: below it Nordväst falls apart', () => {
    expect(reconstruct('0.291').inconsistent).toEqual([]);
    expect(reconstruct('0.290').inconsistent).toEqual([{ row: 'Nordväst', cells: ['samverkan', 'total'] }]);
  });

  it('shows that row totals are rounded from unrounded sums: Malmö’s cells add up to one krona more', () => {
    const withoutTotals = reconstruct('0.5', { Malmö: { total: null } });
    const malmo = withoutTotals.rows.find((row) => row.id === 'Malmö');
    const cells = Object.values(malmo?.cells ?? {});
    expect(cells.every((cell) => cell.certainty === 'exact')).toBe(true);
    const sumOfRoundedCells = cells.reduce((sum, cell) => sum + cell.value.toNumber(), 0);
    expect(sumOfRoundedCells).toBe(9_583_979);
    expect(PRINTED.Malmö?.total).toBe(9_583_978);
    expect([malmo?.total.min.toNumber(), malmo?.total.max.toNumber()]).toEqual([9_583_978, 9_583_979]);
  });

  it('recovers a row with nothing legible but its bases from what the other rows leave', () => {
    const withoutMellersta = reconstruct('0.5', { Mellersta: { total: null } });
    expect(
      (['samverkan', 'brukarmedverkan', 'suicidprevention', 'total'] as const).map((column) =>
        summary(cellOf(withoutMellersta, 'Mellersta', column)),
      ),
    ).toEqual([
      [1_833_271, 1_833_270, 1_833_272, 'range'],
      [42_451, 42_451, 42_451, 'exact'],
      [4_246_827, 4_246_825, 4_246_830, 'range'],
      [8_422_549, 8_422_546, 8_422_553, 'range'],
    ]);
  });

  it('refuses to invent when the OCR misreads a cell, and recovers the row from the other rows', () => {
    // The OCR text reads Malmö's brukarmedverkan as 50508.
    const misread = reconstruct('0.5', { Malmö: { brukarmedverkan: 50_508 } });
    expect(misread.inconsistent).toEqual([
      { row: 'Malmö', cells: ['samverkan', 'brukarmedverkan', 'suicidprevention', 'total'] },
    ]);
    // Malmö's share is then what the other five rows leave, which pins brukarmedverkan to 50 504
    // and shows that the printed 50 508 cannot be right; the rest of the row is a range.
    const brukar = cellOf(misread, 'Malmö', 'brukarmedverkan');
    expect([brukar.value.toNumber(), brukar.certainty, brukar.agrees]).toEqual([50_504, 'exact', false]);
    const samverkan = cellOf(misread, 'Malmö', 'samverkan');
    expect([...summary(samverkan), samverkan.agrees]).toEqual([2_181_036, 2_181_035, 2_181_037, 'range', true]);
  });

  it('verifies the printed table as far as it is legible, and the completed table to within a krona or two', () => {
    const printedTable = {
      columns: COLUMNS.map((column) => column.id),
      rows: rows(),
      columnTotals: Object.fromEntries(
        FUNDS.flatMap(({ id, base }) => [
          [`${id}Bas`, new Decimal(base * 6)],
          [id, new Decimal(PRINTED_COLUMN_TOTALS[id])],
        ]),
      ),
      grandTotal: new Decimal(PRINTED_GRAND_TOTAL),
      tolerance: 0,
    };
    expect(verifyTable(printedTable)).toMatchObject({ checks: 6, agreements: 6, skipped: 8 });

    const completed = skane.rows.map((row) => ({
      id: row.id,
      cells: Object.fromEntries(Object.entries(row.cells).map(([column, cell]) => [column, cell.value])),
      total: row.total.value,
    }));
    const verification = verifyTable({ ...printedTable, rows: completed });
    expect(verification.skipped).toBe(0);
    expect(
      verification.discrepancies.map(({ check, row, column, basis, difference }) => [
        check,
        row ?? column ?? basis,
        difference.toNumber(),
      ]),
    ).toEqual([
      ['rowTotal', 'Malmö', -1],
      ['rowTotal', 'Sydväst', 1],
      ['columnTotal', 'samverkan', -1],
      ['columnTotal', 'suicidprevention', -1],
      ['grandTotal', 'rows', -2],
    ]);
  });
});
