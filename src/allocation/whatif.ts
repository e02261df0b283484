// What-if allocations: a pot the documents do not have (or a changed base) run through a key the
// documents state or a table implies. Pure and exact: shares are rationals of printed figures, and
// the parts are rounded by largest remainder so that they add up to the pot.
import type { Decimal } from 'decimal.js';
import { allocate } from './allocate.js';
import type { DistributionKey } from './keys.js';
import { formatSek, unitSize, type RoundingUnit } from './money.js';
import { largestRemainder } from './largest-remainder.js';
import { Rational } from './rational.js';
import { AllocationError } from './types.js';

/** A recipient and the printed figure whose share of its column (or table) it gets. */
export interface ShareRow {
  id: string;
  weight: Decimal.Value;
}

export interface TableWhatIfInput {
  rows: readonly ShareRow[];
  /** The amount to share: the bases included when there is a base. */
  pot: Decimal.Value;
  /** An equal base per recipient before the rest is shared (absent: the whole pot by share). */
  base?: Decimal.Value;
  unit: RoundingUnit;
}

export interface WhatIfPart {
  id: string;
  /** The recipient's weight over all the weights: its share of what is shared by share. */
  share: Decimal;
  base: Decimal;
  /** Before rounding: base + share × rest. */
  exact: Decimal;
  /** Rounded; the parts add up exactly to the pot. */
  amount: Decimal;
  /** The rounded part that comes by share (amount − base). */
  byShare: Decimal;
}

export interface WhatIfAllocation {
  pot: Decimal;
  base: Decimal;
  /** What is shared by share: pot − recipients × base. */
  rest: Decimal;
  weightTotal: Decimal;
  unit: RoundingUnit;
  /** In the order of the rows. */
  parts: WhatIfPart[];
}

/** Decimal places a share is shown with when it does not terminate: far below any öre. */
const SHARE_PLACES = 12;

/**
 * Shares a pot among the rows of a table in proportion to their printed figures, after an equal
 * base each when one is given. With the pot and base the table was made with, every part is the
 * printed figure again (up to the table's own rounding).
 */
export function allocateByTable(input: TableWhatIfInput): WhatIfAllocation {
  if (input.rows.length === 0) throw new AllocationError('There are no rows to share the pot among');
  const base = Rational.of(input.base ?? 0);
  const pot = Rational.of(input.pot);
  const count = Rational.integer(BigInt(input.rows.length));
  const bases = base.times(count);
  if (pot.lt(bases)) {
    throw new AllocationError(`The pot ${sek(pot)} is smaller than the bases, ${input.rows.length} × ${sek(base)} = ${sek(bases)}`);
  }
  const key: DistributionKey = input.base === undefined ? { type: 'proRata', weight: 'table' } : { type: 'basePlusProRata', base: base.toDecimal(), weight: 'table' };
  const allocation = allocate(pot.toDecimal(), key, input.rows.map((row) => ({ id: row.id, weights: { table: row.weight } })), { unit: input.unit });
  const weights = input.rows.map((row) => Rational.of(row.weight));
  const weightTotal = Rational.sum(weights);
  return {
    pot: pot.toDecimal(),
    base: base.toDecimal(),
    rest: pot.minus(bases).toDecimal(),
    weightTotal: weightTotal.toDecimal(),
    unit: input.unit,
    parts: allocation.parts.map((part, index) => ({
      id: part.id,
      share: weights[index]!.div(weightTotal).toDecimal(SHARE_PLACES),
      base: base.toDecimal(),
      exact: part.exact,
      amount: part.amount,
      byShare: Rational.of(part.amount).minus(base).toDecimal(),
    })),
  };
}

export interface OneRecipientInput {
  /** The recipient's amount as printed, under the printed pot and base. */
  printed: Decimal.Value;
  printedPot: Decimal.Value;
  /** The equal base of the key (absent: a pro rata key). */
  printedBase?: Decimal.Value;
  /** How many recipients share the pot. */
  recipients: number;
  pot: Decimal.Value;
  /** The base under the new terms (absent: the printed base). */
  base?: Decimal.Value;
  unit: RoundingUnit;
}

export interface OneRecipientEstimate {
  /** The recipient's share of what is shared by weight, implied by its printed amount. */
  share: Decimal;
  base: Decimal;
  /** What is shared by weight under the new terms: pot − recipients × base. */
  rest: Decimal;
  /** Before rounding. */
  exact: Decimal;
  /** Rounded by largest remainder against the other recipients together, so the two add up to the pot. */
  amount: Decimal;
  /** What the other recipients get together. */
  others: Decimal;
}

/**
 * One recipient of a national key whose other recipients' weights the documents do not give: its
 * share is implied by its printed amount, (printed − base) / (printed pot − recipients × base), and
 * applied to the new terms. Rounded against the others together, so the two parts add up to the pot.
 */
export function estimateOneRecipient(input: OneRecipientInput): OneRecipientEstimate {
  if (!Number.isInteger(input.recipients) || input.recipients < 1) {
    throw new AllocationError(`The number of recipients must be a positive whole number, not ${input.recipients}`);
  }
  const count = Rational.integer(BigInt(input.recipients));
  const printedBase = Rational.of(input.printedBase ?? 0);
  const printedRest = Rational.of(input.printedPot).minus(printedBase.times(count));
  const printedShare = Rational.of(input.printed).minus(printedBase);
  if (printedRest.lte(Rational.ZERO) || printedShare.isNegative() || printedRest.lt(printedShare)) {
    throw new AllocationError('The printed amount does not fit the key: it is below the base or above the pot');
  }
  const share = printedShare.div(printedRest);
  const base = input.base === undefined ? printedBase : Rational.of(input.base);
  const pot = Rational.of(input.pot);
  const rest = pot.minus(base.times(count));
  if (rest.isNegative()) {
    throw new AllocationError(`The pot ${sek(pot)} is smaller than the bases, ${input.recipients} × ${sek(base)} = ${sek(base.times(count))}`);
  }
  const exact = base.plus(share.times(rest));
  const unit = unitSize(input.unit);
  if (!pot.div(unit).isInteger()) throw new AllocationError(`${sek(pot)} cannot be split into whole ${input.unit === 'ore' ? 'öre' : 'kronor'}`);
  const [mine, others] = largestRemainder(
    [
      { exact, tieRank: 0 },
      { exact: pot.minus(exact), tieRank: 1 },
    ],
    pot,
    unit,
  );
  return {
    share: share.toDecimal(SHARE_PLACES),
    base: base.toDecimal(),
    rest: rest.toDecimal(),
    exact: exact.toDecimal(),
    amount: mine!.rounded.toDecimal(),
    others: others!.rounded.toDecimal(),
  };
}

/** A unit cost times a count: exact, for estimates like "8 × 250 000 kr". */
export function timesCount(unitCost: Decimal.Value, count: number): Decimal {
  if (!Number.isInteger(count) || count < 0) throw new AllocationError(`A count must be a whole number, not ${count}`);
  return Rational.of(unitCost).times(Rational.integer(BigInt(count))).toDecimal();
}

/** Whether an amount is a whole number of the unit (else it has to be shared in öre). */
export function isWholeUnits(amount: Decimal.Value, unit: RoundingUnit): boolean {
  return Rational.of(amount).div(unitSize(unit)).isInteger();
}

function sek(amount: Rational): string {
  return formatSek(amount.toDecimal(), 'en');
}

export interface EqualSplit {
  /** The amount each would get before rounding: pot / count, exactly. */
  exact: Decimal;
  /** Rounded by largest remainder, in order; the parts add up exactly to the pot. */
  parts: Decimal[];
}

/** A pot split equally among `count` recipients, rounded to the unit by largest remainder (ties to the first). */
export function splitEqually(pot: Decimal.Value, count: number, unit: RoundingUnit): EqualSplit {
  if (!Number.isInteger(count) || count < 1) throw new AllocationError(`A pot is split among a positive whole number of recipients, not ${count}`);
  const total = Rational.of(pot);
  const size = unitSize(unit);
  if (!total.div(size).isInteger()) throw new AllocationError(`${sek(total)} cannot be split into whole ${unit === 'ore' ? 'öre' : 'kronor'}`);
  const exact = total.div(Rational.integer(BigInt(count)));
  const parts = largestRemainder(
    Array.from({ length: count }, (_, index) => ({ exact, tieRank: index })),
    total,
    size,
  );
  return { exact: exact.toDecimal(SHARE_PLACES), parts: parts.map((part) => part.rounded.toDecimal()) };
}

/** A percentage of an amount, exactly ("10 %" of 5 000 000 kr = 500 000 kr). */
export function percentOf(amount: Decimal.Value, percent: Decimal.Value): Decimal {
  return Rational.of(amount).times(Rational.of(percent)).div(Rational.integer(100n)).toDecimal(SHARE_PLACES);
}

/** An amount changed by a factor, exactly ("20 % mer": × 1,2; "halverat": × 0,5). */
export function scaledBy(amount: Decimal.Value, factor: Decimal.Value): Decimal {
  return Rational.of(amount).times(Rational.of(factor)).toDecimal(SHARE_PLACES);
}

/** How many units a total pays for at a unit cost, when it is a whole number (1,5 mkr at 250 000 kr: 6). */
export function unitsInTotal(total: Decimal.Value, unitCost: Decimal.Value): number | undefined {
  const cost = Rational.of(unitCost);
  if (cost.lte(Rational.ZERO)) return undefined;
  const units = Rational.of(total).div(cost);
  return units.isInteger() ? Number(units.toDecimal(0).toFixed()) : undefined;
}
