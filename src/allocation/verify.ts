// Checking a table as published in a memo: do the rows, columns and totals add up?
// Illegible cells (null) are not guessed at; the checks that need them are counted as skipped.
import type { Decimal } from 'decimal.js';
import { roundToUnit, type RoundingUnit } from './money.js';
import { Rational } from './rational.js';

export interface PublishedRow {
  id: string;
  /** By column id; null (or absent) = illegible. */
  cells: Record<string, Decimal | null>;
  /** The printed row total; absent when the table has no total column, null when illegible. */
  total?: Decimal | null;
}

export interface PublishedTable {
  rows: PublishedRow[];
  columns: string[];
  /** Printed column totals by column id; null = illegible. */
  columnTotals?: Record<string, Decimal | null>;
  grandTotal?: Decimal | null;
  /** Row totals printed rounded from the unrounded cells (Excel shows rounded cells, sums exact ones). */
  rowTotalRounding?: RoundingUnit | 'none';
  /** The largest difference still taken as agreement, in kronor. */
  tolerance: Decimal.Value;
  /** Columns that should stand in a fixed ratio in every row (2:1). */
  ratio?: { columns: string[]; weights: Decimal.Value[]; tolerance: Decimal.Value };
}

export interface Discrepancy {
  check: 'rowTotal' | 'columnTotal' | 'grandTotal' | 'ratio';
  row?: string;
  column?: string;
  /** For grandTotal: whether `expected` is the sum of the row totals or of the column totals. */
  basis?: 'rows' | 'columns';
  /** What the other printed figures imply. */
  expected: Decimal;
  /** What is printed. */
  actual: Decimal;
  /** actual − expected. */
  difference: Decimal;
}

/** A cell that would explain a row and a column discrepancy at once if it were misprinted. */
export interface SuspectCell {
  row: string;
  column: string;
  printed: Decimal;
  /** The value that makes its column total agree. */
  implied: Decimal;
}

export interface TableVerification {
  /** Checks carried out: agreements plus discrepancies. */
  checks: number;
  agreements: number;
  /** Checks not carried out because a figure they need is illegible. */
  skipped: number;
  discrepancies: Discrepancy[];
  suspectCells: SuspectCell[];
}

type Where = Pick<Discrepancy, 'check' | 'row' | 'column' | 'basis'>;

export function verifyTable(table: PublishedTable): TableVerification {
  const result: TableVerification = { checks: 0, agreements: 0, skipped: 0, discrepancies: [], suspectCells: [] };
  const compare = (where: Where, expected: Rational | null, printed: Decimal | null, tolerance: Decimal.Value) => {
    if (expected === null || printed === null) {
      result.skipped += 1;
      return;
    }
    result.checks += 1;
    const difference = Rational.of(printed).minus(expected);
    if (difference.abs().lte(Rational.of(tolerance))) {
      result.agreements += 1;
      return;
    }
    result.discrepancies.push({
      ...where,
      expected: expected.toDecimal(),
      actual: printed,
      difference: difference.toDecimal(),
    });
  };

  const cell = (row: PublishedRow, column: string) => row.cells[column] ?? null;
  const rowSum = (row: PublishedRow) => sumLegible(table.columns.map((column) => cell(row, column)));
  const columnSum = (column: string) => sumLegible(table.rows.map((row) => cell(row, column)));
  const rounding = table.rowTotalRounding ?? 'none';

  for (const row of table.rows) {
    if (row.total === undefined) continue;
    const sum = rowSum(row);
    const expected = sum === null || rounding === 'none' ? sum : roundToUnit(sum, rounding);
    compare({ check: 'rowTotal', row: row.id }, expected, row.total, table.tolerance);
  }

  for (const column of table.columns) {
    const printed = table.columnTotals?.[column];
    if (printed !== undefined) compare({ check: 'columnTotal', column }, columnSum(column), printed, table.tolerance);
  }

  if (table.grandTotal !== undefined) {
    // A missing row or column total stands in as the sum of its cells.
    if (table.columnTotals === undefined || table.rows.some((row) => row.total !== undefined)) {
      const rowTotals = table.rows.map((row) => (row.total === undefined ? rowSum(row) : legible(row.total)));
      compare({ check: 'grandTotal', basis: 'rows' }, sumOrNull(rowTotals), table.grandTotal, table.tolerance);
    }
    if (table.columnTotals !== undefined) {
      const columnTotals = table.columns.map((column) => {
        const printed = table.columnTotals?.[column];
        return printed === undefined ? columnSum(column) : legible(printed);
      });
      compare({ check: 'grandTotal', basis: 'columns' }, sumOrNull(columnTotals), table.grandTotal, table.tolerance);
    }
  }

  if (table.ratio !== undefined) {
    const { columns, weights, tolerance } = table.ratio;
    const exactWeights = weights.map((weight) => Rational.of(weight));
    const weightTotal = Rational.sum(exactWeights);
    for (const row of table.rows) {
      const sum = sumLegible(columns.map((column) => cell(row, column)));
      columns.forEach((column, index) => {
        const share = exactWeights[index] ?? Rational.ZERO;
        const expected = sum === null ? null : sum.times(share).div(weightTotal);
        compare({ check: 'ratio', row: row.id, column }, expected, cell(row, column), tolerance);
      });
    }
  }

  result.suspectCells = suspectCells(table, result.discrepancies, Rational.of(table.tolerance));
  return result;
}

/** Cells at the crossing of a failing row and a failing column that are off by the same amount. */
function suspectCells(
  table: PublishedTable,
  discrepancies: readonly Discrepancy[],
  tolerance: Rational,
): SuspectCell[] {
  const gaps = (check: Discrepancy['check'], at: (discrepancy: Discrepancy) => string | undefined) =>
    new Map(
      discrepancies
        .filter((discrepancy) => discrepancy.check === check)
        .map((discrepancy) => [at(discrepancy), Rational.of(discrepancy.difference)]),
    );
  const rowGaps = gaps('rowTotal', (discrepancy) => discrepancy.row);
  const columnGaps = gaps('columnTotal', (discrepancy) => discrepancy.column);
  return table.rows.flatMap((row) =>
    table.columns.flatMap((column) => {
      const [rowGap, columnGap, printed] = [rowGaps.get(row.id), columnGaps.get(column), row.cells[column]];
      if (rowGap === undefined || columnGap === undefined || printed == null) return [];
      if (tolerance.lt(rowGap.minus(columnGap).abs())) return [];
      return [{ row: row.id, column, printed, implied: Rational.of(printed).plus(columnGap).toDecimal() }];
    }),
  );
}

function legible(value: Decimal | null): Rational | null {
  return value === null ? null : Rational.of(value);
}

/** The sum, or null when any value is illegible. */
function sumLegible(values: readonly (Decimal | null)[]): Rational | null {
  return sumOrNull(values.map(legible));
}

function sumOrNull(values: readonly (Rational | null)[]): Rational | null {
  return values.some((value) => value === null) ? null : Rational.sum(values.filter((value) => value !== null));
}
