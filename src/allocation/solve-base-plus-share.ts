// Reconstruction of a partly garbled base-plus-share table from everything legible in it: the
// legible cells, the printed row totals, the legible digits of garbled figures, and the model
// itself, under which row r gets, in column c, base_c + pot_c · w_r / W, where the weights w_r
// (inhabitants) are whole numbers that add up to W.
//
// First the legible figures bound every row's share as an exact interval (reconstruct.ts). Every
// whole-number weight vector inside those intervals then prints every legible figure exactly, by
// construction; weight-search.ts lists them all for W in the given range. A vector fits when it
// also keeps every legible digit. A garbled figure is determined when every fitting vector prints
// it the same: what counts is the figure's value, not the vector, since different vectors (twice
// the inhabitants, say) often print the same table.
//
// How the document prints, and so how a vector is printed here: every figure rounded half-up to
// whole kronor, a row total rounded from the sum of the row's unrounded parts (as a spreadsheet
// does), not added up from the rounded cells, and a column total likewise.
import { Decimal } from 'decimal.js';
import { keepsDigits, solvedDigits, validateKept } from './digits.js';
import { Rational } from './rational.js';
import { reconstructBasePlusShare, ReconstructionError, type ReconstructedCell, type ShareColumn } from './reconstruct.js';
import { integerWeights, type WeightVector } from './weight-search.js';

/** What the document shows in one place of the table. */
export type Figure =
  | { kind: 'legible'; value: Decimal.Value }
  /** `kept`: the legible digits as a template (digits.ts); absent when none can be read. */
  | { kind: 'garbled'; printed: string; kept?: string }
  | { kind: 'absent' };

export interface SolveRow {
  id: string;
  /** By column id; a column not named is absent. */
  cells: Record<string, Figure>;
  total: Figure;
}

export interface SolveInput {
  columns: ShareColumn[];
  rows: SolveRow[];
  /** The range the sum of the weights (the region's inhabitants) is searched in. */
  weightTotal: { min: number; max: number };
}

export interface Span {
  min: Decimal;
  max: Decimal;
}

export interface SolvedCell {
  figure: Figure['kind'];
  /** Every value a fitting weight vector prints here, ascending. */
  values: Decimal[];
  /** The one value; when several fit, the middle one (the lower of two middles). */
  value: Decimal;
  min: Decimal;
  max: Decimal;
  certainty: 'exact' | 'range';
  /** What the share intervals alone allow, before any whole-number weights are sought. */
  bounds: Span;
  /** A garbled figure's legible digits, and (when the value is exact) the digits solved. */
  kept?: string;
  solved?: string;
}

export interface SolvedRow {
  id: string;
  cells: Record<string, SolvedCell>;
  total: SolvedCell;
  /** The row's rounded cells added up: the printed total is rounded from unrounded parts instead. */
  cellSum: Span;
  weight: Span;
}

export interface SolvedColumn {
  id: string;
  /** The column total as the model prints it: the sum of the unrounded cells, rounded. */
  total: Span;
  /** The column's rounded cells added up. */
  cellSum: Span;
}

export interface Solution {
  /** How many whole-number weight vectors fit: print every legible figure and keep every legible digit. */
  weightSets: number;
  weightTotal: Span;
  rows: SolvedRow[];
  columns: SolvedColumn[];
  grandTotal: { total: Span; cellSum: Span; rowTotalSum: Span };
}

/** The id of a row total in `ReconstructionError.where` ("row/total"), and its index in `PrintedTable.at`. */
const TOTAL = 'total';
const TOTAL_INDEX = -1;
/** Every figure is rounded to whole kronor: it stands for the half-open krona around it. */
const HALF_KRONA = '0.5';

export function solveBasePlusShare(input: SolveInput): Solution {
  const range = weightRange(input.weightTotal);
  const bounded = reconstructBasePlusShare({
    columns: input.columns,
    rows: input.rows.map((row) => ({
      id: row.id,
      cells: Object.fromEntries(Object.entries(row.cells).map(([column, figure]) => [column, legible(figure, `${row.id}/${column}`)])),
      total: legible(row.total, `${row.id}/${TOTAL}`),
    })),
    cellTolerance: HALF_KRONA,
    totalTolerance: HALF_KRONA,
    unit: 'krona',
    sharesSumToOne: true,
  });
  if (bounded.inconsistent.length > 0) {
    const where = bounded.inconsistent.flatMap(({ row, cells }) => cells.map((cell) => `${row}/${cell}`));
    throw new ReconstructionError(`The legible figures contradict each other within their row: ${where.join(', ')}`, where);
  }

  const keptDigits = input.rows
    .flatMap((row, r) => [
      ...input.columns.map((column, c) => ({ r, c, figure: row.cells[column.id], where: `${row.id}/${column.id}` })),
      { r, c: TOTAL_INDEX, figure: row.total, where: `${row.id}/${TOTAL}` },
    ])
    .flatMap(({ r, c, figure, where }) => {
      if (figure?.kind !== 'garbled' || figure.kept === undefined) return [];
      validateKept(figure.printed, figure.kept, where);
      return [{ r, c, kept: figure.kept, where }];
    });

  const vectors = integerWeights(
    bounded.rows.map((row) => row.interval),
    range,
  );
  if (vectors.length === 0) {
    throw new ReconstructionError(
      `No whole-number weights adding up to ${range.min}–${range.max} give every row the share its legible figures need`,
    );
  }
  const models = input.columns.map((column) => ({ base: Rational.of(column.base), pot: Rational.of(column.pot) }));
  const printed = vectors.map((vector) => printVector(vector, models));
  const fitting = printed.filter((table) => keptDigits.every(({ r, c, kept }) => keepsDigits(table.at(r, c), kept)));
  if (fitting.length === 0) {
    // Name the figures whose digits no vector keeps; when each is kept by some vector but never
    // all together, they contradict one another and all are named.
    const neverKept = keptDigits.filter(({ r, c, kept }) => !printed.some((table) => keepsDigits(table.at(r, c), kept)));
    const where = (neverKept.length > 0 ? neverKept : keptDigits).map((place) => place.where);
    throw new ReconstructionError(`No whole-number weights keep the legible digits of ${where.join(', ')}`, where);
  }

  const span = (pick: (table: PrintedTable) => bigint) => spanOf(fitting.map(pick));
  const solvedCell = (r: number, c: number, figure: Figure | undefined, bounds: ReconstructedCell): SolvedCell => {
    const values = [...new Set(fitting.map((table) => table.at(r, c)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const kept = figure?.kind === 'garbled' ? figure.kept : undefined;
    const only = values.length === 1 ? values[0] : undefined;
    return {
      figure: figure?.kind ?? 'absent',
      values: values.map(decimal),
      value: decimal(values[Math.floor((values.length - 1) / 2)]!),
      min: decimal(values[0]!),
      max: decimal(values[values.length - 1]!),
      certainty: only === undefined ? 'range' : 'exact',
      bounds: { min: bounds.min, max: bounds.max },
      ...(kept === undefined ? {} : { kept }),
      ...(kept !== undefined && only !== undefined ? { solved: solvedDigits(only, kept) } : {}),
    };
  };

  return {
    weightSets: fitting.length,
    weightTotal: span((table) => table.vector.total),
    rows: input.rows.map((row, r) => {
      const interval = bounded.rows[r]!;
      return {
        id: row.id,
        cells: Object.fromEntries(
          input.columns.map((column, c) => [column.id, solvedCell(r, c, row.cells[column.id], interval.cells[column.id]!)]),
        ),
        total: solvedCell(r, TOTAL_INDEX, row.total, interval.total),
        cellSum: span((table) => sum(table.cells[r]!)),
        weight: span((table) => table.vector.weights[r]!),
      };
    }),
    columns: input.columns.map((column, c) => ({
      id: column.id,
      total: span((table) => table.columnTotals[c]!),
      cellSum: span((table) => sum(table.cells.map((cells) => cells[c]!))),
    })),
    grandTotal: {
      total: span((table) => table.grandTotal),
      cellSum: span((table) => sum(table.cells.flat())),
      rowTotalSum: span((table) => sum(table.totals)),
    },
  };
}

interface PrintedTable {
  vector: WeightVector;
  /** Rounded cells by row, then column. */
  cells: bigint[][];
  /** Rounded row totals. */
  totals: bigint[];
  columnTotals: bigint[];
  grandTotal: bigint;
  at(row: number, column: number): bigint;
}

/** The table as the document would print it for these weights. */
function printVector(vector: WeightVector, models: readonly { base: Rational; pot: Rational }[]): PrintedTable {
  const exact = vector.weights.map((weight) => {
    const share = Rational.fraction(weight, vector.total);
    return models.map((model) => model.base.plus(model.pot.times(share)));
  });
  const cells = exact.map((row) => row.map((value) => value.roundHalfUp()));
  const totals = exact.map((row) => Rational.sum(row).roundHalfUp());
  return {
    vector,
    cells,
    totals,
    columnTotals: models.map((_, c) => Rational.sum(exact.map((row) => row[c]!)).roundHalfUp()),
    grandTotal: Rational.sum(exact.flat()).roundHalfUp(),
    at: (row, column) => (column === TOTAL_INDEX ? totals[row]! : cells[row]![column]!),
  };
}

/** A legible figure as the interval stage takes it; whole kronor only, as the rounding rule assumes. */
function legible(figure: Figure | undefined, where: string): Decimal | null {
  if (figure?.kind !== 'legible') return null;
  const value = new Decimal(figure.value);
  if (!value.isInteger() || value.isNegative()) {
    throw new ReconstructionError(`${where}: ${value.toFixed()} is not a whole number of kronor`, [where]);
  }
  return value;
}

function weightRange({ min, max }: SolveInput['weightTotal']): { min: bigint; max: bigint } {
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max)) {
    throw new ReconstructionError(`The weight total range must be whole numbers, not ${min}–${max}`);
  }
  return { min: BigInt(min), max: BigInt(max) };
}

function spanOf(values: readonly bigint[]): Span {
  const min = values.reduce((a, b) => (b < a ? b : a));
  const max = values.reduce((a, b) => (b > a ? b : a));
  return { min: decimal(min), max: decimal(max) };
}

function sum(values: readonly bigint[]): bigint {
  return values.reduce((a, b) => a + b, 0n);
}

function decimal(value: bigint): Decimal {
  return new Decimal(value.toString());
}
