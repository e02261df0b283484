// Largest-remainder (Hamilton) rounding: every exact share is cut down to whole units, and the
// units left over go one each to the shares with the largest remainders. The result sums exactly
// to the target and every share ends within one unit of its exact value.
import { Rational } from './rational.js';

export interface ExactShare {
  exact: Rational;
  /** Among equal remainders the lower rank is rounded up first, so input order never matters. */
  tieRank: number;
}

/**
 * Rounds non-negative exact shares to multiples of `unit` summing exactly to `target`, which must
 * be a multiple of `unit` and lie within one unit of the exact sum (or equal it).
 * Returns each share with its `rounded` amount, in the order given.
 */
export function largestRemainder<Share extends ExactShare>(
  shares: readonly Share[],
  target: Rational,
  unit: Rational,
): (Share & { rounded: Rational })[] {
  const entries = shares.map((share, index) => {
    const quota = share.exact.div(unit);
    const floor = quota.floor();
    return { share, index, floor, remainder: quota.minus(Rational.integer(floor)) };
  });
  const targetUnits = target.div(unit);
  const leftover = targetUnits.floor() - entries.reduce((sum, entry) => sum + entry.floor, 0n);
  if (!targetUnits.isInteger() || leftover < 0n || leftover > BigInt(entries.length)) {
    throw new RangeError('largestRemainder: the target cannot be reached by rounding these shares');
  }
  const roundedUp = new Set(
    [...entries]
      .sort((a, b) => b.remainder.compare(a.remainder) || a.share.tieRank - b.share.tieRank)
      .slice(0, Number(leftover))
      .map((entry) => entry.index),
  );
  return entries.map(({ share, index, floor }) => ({
    ...share,
    rounded: Rational.integer(roundedUp.has(index) ? floor + 1n : floor).times(unit),
  }));
}
