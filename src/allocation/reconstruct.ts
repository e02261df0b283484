// Reconstruction of a partly illegible table built by the model "row r gets, in column c,
// base_c + x_r · pot_c", the row total being the sum of its columns. Every legible figure pins the
// row's unknown share x_r to an interval; the illegible cells are whatever the model gives over
// that interval. All of it exact: no figure is guessed, and a cell is called exact only when
// every share the legible figures allow prints it the same.
import type { Decimal } from 'decimal.js';
import {
  affine,
  EMPTY_INTERVAL,
  intersect,
  isEmpty,
  midpoint,
  printedRange,
  roundedBounds,
  solveAffine,
  UNIT_INTERVAL,
  type Interval,
} from './interval.js';
import { formatSek, type Lang, type RoundingUnit, roundToUnit } from './money.js';
import { Rational } from './rational.js';

export interface ShareColumn {
  id: string;
  /** The same for every row (0 for a column that is only a share). */
  base: Decimal.Value;
  /** Shared among the rows in proportion to x_r (0 for a column that is only a base). */
  pot: Decimal.Value;
}

export interface PartlyLegibleRow {
  id: string;
  /** By column id; null (or absent) = illegible. */
  cells: Record<string, Decimal | null>;
  total: Decimal | null;
}

export interface ReconstructionInput {
  columns: ShareColumn[];
  rows: PartlyLegibleRow[];
  /** How far a printed cell may be from its exact value: ½ for cells rounded to whole kronor. */
  cellTolerance: Decimal.Value;
  /** The same for printed row totals, which may have been summed from rounded cells. */
  totalTolerance: Decimal.Value;
  /** What the table's figures are rounded to. */
  unit: RoundingUnit;
  /** The shares x_r add up to 1 (a row with no usable figure then gets what the others leave). */
  sharesSumToOne?: boolean;
}

export interface ReconstructedCell {
  /** Printed from the middle of the row's share interval. */
  value: Decimal;
  /** The smallest and largest printed value the row's share interval allows. */
  min: Decimal;
  max: Decimal;
  certainty: 'exact' | 'range';
  legible: boolean;
  printed: Decimal | null;
  /** Legible cells: the printed figure is within tolerance of what the model allows. Illegible: true. */
  agrees: boolean;
}

export interface ReconstructedRow {
  id: string;
  /** The interval of shares x_r consistent with the row's legible figures, for display. */
  share: { low: Decimal; high: Decimal };
  /** The same interval, exact: what a search over whole-number weights starts from. */
  interval: Interval;
  cells: Record<string, ReconstructedCell>;
  total: ReconstructedCell;
}

export interface ReconstructedSum {
  value: Decimal;
  min: Decimal;
  max: Decimal;
}

/** A row whose legible figures contradict each other; `cells` names them ('total' = the row total). */
export interface Inconsistency {
  row: string;
  cells: string[];
}

export interface Reconstruction {
  rows: ReconstructedRow[];
  /** Sums of the reconstructed cells, to hold against the printed column totals. */
  columnTotals: Record<string, ReconstructedSum>;
  grandTotal: ReconstructedSum;
  inconsistent: Inconsistency[];
}

export class ReconstructionError extends Error {
  /** The figures to blame, as "row/column" ("row/total" for a row total), when the error names any. */
  constructor(
    message: string,
    readonly where: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ReconstructionError';
  }
}

/** The id the row total goes by in `Inconsistency.cells`. */
const TOTAL = 'total';

interface Model {
  id: string;
  base: Rational;
  pot: Rational;
}

interface Constraint {
  id: string;
  shares: Interval;
  /** False for a base-only figure: it can contradict the model but says nothing about the share. */
  bindsShare: boolean;
}

export function reconstructBasePlusShare(input: ReconstructionInput): Reconstruction {
  const columns = validColumns(input);
  const totalModel: Model = {
    id: TOTAL,
    base: Rational.sum(columns.map((column) => column.base)),
    pot: Rational.sum(columns.map((column) => column.pot)),
  };
  const cellTolerance = Rational.of(input.cellTolerance);
  const totalTolerance = Rational.of(input.totalTolerance);

  const solved = input.rows.map((row) => {
    const constraints = [
      ...columns.flatMap((column) => constraintOf(column, row.cells[column.id] ?? null, cellTolerance)),
      ...constraintOf(totalModel, row.total, totalTolerance),
    ];
    const shares = constraints.reduce((interval, constraint) => intersect(interval, constraint.shares), UNIT_INTERVAL);
    const usable = constraints.some((constraint) => constraint.bindsShare) && !isEmpty(shares);
    return { row, shares: usable ? shares : undefined, conflicting: isEmpty(shares) ? conflicts(constraints) : [] };
  });

  const rows = solved.map(({ row, shares }, index) => {
    const others = solved.filter((_, other) => other !== index);
    const interval = shares ?? (input.sharesSumToOne ? closure(others) : UNIT_INTERVAL);
    const cell = (model: Model, printed: Decimal | null, tolerance: Rational) =>
      reconstructCell(interval, model, printed, tolerance, input.unit);
    return {
      id: row.id,
      share: { low: interval.low.toDecimal(30, 'floor'), high: interval.high.toDecimal(30, 'ceil') },
      interval,
      cells: Object.fromEntries(
        columns.map((column) => [column.id, cell(column, row.cells[column.id] ?? null, cellTolerance)]),
      ),
      total: cell(totalModel, row.total, totalTolerance),
    };
  });

  return {
    rows,
    columnTotals: Object.fromEntries(
      columns.map((column) => [column.id, sumCells(rows.map((row) => row.cells[column.id]))]),
    ),
    grandTotal: sumCells(rows.map((row) => row.total)),
    inconsistent: solved
      .filter(({ conflicting }) => conflicting.length > 0)
      .map(({ row, conflicting }) => ({ row: row.id, cells: conflicting })),
  };
}

/** "exakt (entydigt givet modellen)" or "±2 kr": how far the printed value could be off. */
export function describeCertainty(cell: ReconstructedCell, lang: Lang): string {
  if (cell.certainty === 'exact') {
    return lang === 'sv' ? 'exakt (entydigt givet modellen)' : 'exact (unambiguous given the model)';
  }
  const below = cell.value.minus(cell.min);
  const above = cell.max.minus(cell.value);
  return `±${formatSek(below.greaterThan(above) ? below : above, lang)}`;
}

/** The shares a legible figure allows; none for an illegible one. */
function constraintOf(model: Model, printed: Decimal | null, tolerance: Rational): Constraint[] {
  if (printed === null) return [];
  const range = printedRange(Rational.of(printed), tolerance);
  if (model.pot.isZero()) {
    const fits = !isEmpty(intersect(range, affine(UNIT_INTERVAL, model.base, model.pot)));
    return [{ id: model.id, shares: fits ? UNIT_INTERVAL : EMPTY_INTERVAL, bindsShare: false }];
  }
  const shares = intersect(UNIT_INTERVAL, solveAffine(range, model.base, model.pot));
  return [{ id: model.id, shares, bindsShare: true }];
}

/**
 * The figures to blame when a row's share intervals have no common point. Intervals on a line
 * without a common point always include an empty one or two disjoint ones (Helly), so this names
 * every figure that contradicts another, and no other.
 */
function conflicts(constraints: readonly Constraint[]): string[] {
  return constraints
    .filter(
      (constraint) =>
        isEmpty(constraint.shares) ||
        constraints.some((other) => !isEmpty(other.shares) && isEmpty(intersect(constraint.shares, other.shares))),
    )
    .map((constraint) => constraint.id);
}

/** What the other rows leave of a total share of 1. */
function closure(others: readonly { shares?: Interval }[]): Interval {
  const unknown = (shares?: Interval) => shares ?? UNIT_INTERVAL;
  const lows = Rational.sum(others.map(({ shares }) => unknown(shares).low));
  const highs = Rational.sum(others.map(({ shares }) => unknown(shares).high));
  const left = { low: Rational.ONE.minus(highs), high: Rational.ONE.minus(lows), highOpen: false };
  const interval = intersect(UNIT_INTERVAL, left);
  if (isEmpty(interval)) throw new ReconstructionError('The other rows already take more than the whole');
  return interval;
}

function reconstructCell(
  shares: Interval,
  model: Model,
  printed: Decimal | null,
  tolerance: Rational,
  unit: RoundingUnit,
): ReconstructedCell {
  const exact = affine(shares, model.base, model.pot);
  const { min, max } = roundedBounds(exact, unit);
  const value = roundToUnit(model.base.plus(midpoint(shares).times(model.pot)), unit);
  const agrees = printed === null || !isEmpty(intersect(exact, printedRange(Rational.of(printed), tolerance)));
  return {
    value: value.toDecimal(),
    min: min.toDecimal(),
    max: max.toDecimal(),
    certainty: min.eq(max) ? 'exact' : 'range',
    legible: printed !== null,
    printed,
    agrees,
  };
}

function sumCells(cells: readonly (ReconstructedCell | undefined)[]): ReconstructedSum {
  const total = (pick: (cell: ReconstructedCell) => Decimal) =>
    Rational.sum(cells.map((cell) => (cell === undefined ? Rational.ZERO : Rational.of(pick(cell))))).toDecimal();
  return { value: total((cell) => cell.value), min: total((cell) => cell.min), max: total((cell) => cell.max) };
}

function validColumns(input: ReconstructionInput): Model[] {
  if (input.columns.length === 0) throw new ReconstructionError('The table has no columns');
  const ids = input.columns.map((column) => column.id);
  const known = new Set(ids);
  if (known.size !== ids.length || known.has(TOTAL)) {
    throw new ReconstructionError(`Column ids must be unique and not "${TOTAL}": ${ids.join(', ')}`);
  }
  const unknown = input.rows.flatMap((row) => Object.keys(row.cells).filter((id) => !known.has(id)));
  if (unknown.length > 0) throw new ReconstructionError(`Cells for unknown columns: ${unknown.join(', ')}`);
  return input.columns.map((column) => {
    const [base, pot] = [Rational.of(column.base), Rational.of(column.pot)];
    if (base.isNegative() || pot.isNegative()) {
      throw new ReconstructionError(`Column "${column.id}" has a negative base or pot`);
    }
    return { id: column.id, base, pot };
  });
}
