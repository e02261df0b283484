// Exact intervals for what a rounded printed figure can stand for. A figure printed rounded
// half-up covers [v − ½, v + ½): the upper edge itself would have been printed as v + 1, so
// intervals carry whether their upper end is open.
import { unitSize, type RoundingUnit, roundToUnit } from './money.js';
import { Rational } from './rational.js';

export interface Interval {
  low: Rational;
  high: Rational;
  /** [low, high) when true, [low, high] when false. */
  highOpen: boolean;
}

export const UNIT_INTERVAL: Interval = { low: Rational.ZERO, high: Rational.ONE, highOpen: false };
export const EMPTY_INTERVAL: Interval = { low: Rational.ONE, high: Rational.ZERO, highOpen: false };

/** The exact values a figure printed as `printed` can stand for, given a tolerance (0: just itself). */
export function printedRange(printed: Rational, tolerance: Rational): Interval {
  return { low: printed.minus(tolerance), high: printed.plus(tolerance), highOpen: !tolerance.isZero() };
}

export function intersect(a: Interval, b: Interval): Interval {
  const low = a.low.lt(b.low) ? b.low : a.low;
  const order = a.high.compare(b.high);
  if (order === 0) return { low, high: a.high, highOpen: a.highOpen || b.highOpen };
  return { low, ...(order < 0 ? { high: a.high, highOpen: a.highOpen } : { high: b.high, highOpen: b.highOpen }) };
}

export function isEmpty(interval: Interval): boolean {
  const order = interval.low.compare(interval.high);
  return order > 0 || (order === 0 && interval.highOpen);
}

export function midpoint(interval: Interval): Rational {
  return interval.low.plus(interval.high).div(Rational.integer(2n));
}

/** base + x · slope for x in the interval (slope ≥ 0). */
export function affine(interval: Interval, base: Rational, slope: Rational): Interval {
  if (slope.isZero()) return { low: base, high: base, highOpen: false };
  return {
    low: base.plus(interval.low.times(slope)),
    high: base.plus(interval.high.times(slope)),
    highOpen: interval.highOpen,
  };
}

/** The x for which base + x · slope lies in the interval: `affine` inverted (slope > 0). */
export function solveAffine(interval: Interval, base: Rational, slope: Rational): Interval {
  return {
    low: interval.low.minus(base).div(slope),
    high: interval.high.minus(base).div(slope),
    highOpen: interval.highOpen,
  };
}

/** The smallest and largest value a non-negative amount in the interval can be printed as. */
export function roundedBounds(interval: Interval, unit: RoundingUnit): { min: Rational; max: Rational } {
  const max = roundToUnit(interval.high, unit);
  const onRoundingEdge = interval.high.div(unitSize(unit)).plus(Rational.fraction(1n, 2n)).isInteger();
  return {
    min: roundToUnit(interval.low, unit),
    max: interval.highOpen && onRoundingEdge ? max.minus(unitSize(unit)) : max,
  };
}
