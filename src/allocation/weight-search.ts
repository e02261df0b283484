// Whole-number weights behind a table of shares. The legible figures pin each row's share
// x_r = w_r / W to an exact interval; the weights themselves (a sub-region's inhabitants) are whole
// numbers that add up to W. This lists every such vector with W in a given range, exactly. Rather
// than trying every W, it steps through the weights of the row with the smallest share, which has
// the fewest candidates, and for each through the few totals W that weight allows.
import type { Interval } from './interval.js';
import type { Rational } from './rational.js';
import { ReconstructionError } from './reconstruct.js';

export interface WeightRange {
  min: bigint;
  max: bigint;
}

export interface WeightVector {
  total: bigint;
  /** In the order of the intervals given. */
  weights: bigint[];
}

/** Candidates examined before giving up: the intervals are too loose for the range. */
const CANDIDATE_BUDGET = 5_000_000;
/** Vectors returned at most: beyond this the figures pin nothing worth listing. */
const VECTOR_LIMIT = 100_000;

export function integerWeights(shares: readonly Interval[], range: WeightRange): WeightVector[] {
  if (range.min < 1n || range.max < range.min) {
    throw new ReconstructionError(`The weight total must be a range of positive whole numbers, not ${range.min}–${range.max}`);
  }
  const pivot = smallestShare(shares);
  if (pivot === undefined) return [];
  // The narrowest intervals first: most totals fail on them, and the rest need not be looked at.
  const others = shares
    .map((_, index) => index)
    .filter((index) => index !== pivot)
    .sort((a, b) => shares[a]!.high.minus(shares[a]!.low).compare(shares[b]!.high.minus(shares[b]!.low)));
  const found: WeightVector[] = [];
  let examined = 0;
  const spend = (count: number) => {
    examined += count;
    if (examined > CANDIDATE_BUDGET) {
      throw new ReconstructionError(`The legible figures leave more than ${CANDIDATE_BUDGET} candidates in ${describe(range)}: narrow the range`);
    }
  };

  const pivotShare = shares[pivot]!;
  const [firstWeight] = weightsFor(range.min, pivotShare);
  const [, lastWeight] = weightsFor(range.max, pivotShare);
  for (let weight = firstWeight; weight <= lastWeight; weight++) {
    const [fewest, most] = totalsFor(weight, pivotShare);
    const low = fewest > range.min ? fewest : range.min;
    const high = most === undefined || most > range.max ? range.max : most;
    for (let total = low; total <= high; total++) {
      spend(1);
      const bounds = boundsFor(total, others.map((index) => shares[index]!));
      if (bounds === undefined) continue;
      for (const rest of splits(total - weight, bounds, spend)) {
        const weights: bigint[] = new Array<bigint>(shares.length);
        weights[pivot] = weight;
        others.forEach((index, k) => (weights[index] = rest[k]!));
        found.push({ total, weights });
        if (found.length > VECTOR_LIMIT) {
          throw new ReconstructionError(`More than ${VECTOR_LIMIT} weight vectors fit in ${describe(range)}: narrow the range`);
        }
      }
    }
  }
  return found;
}

/** The row with the smallest upper share bound: it has the fewest weights to step through. */
function smallestShare(shares: readonly Interval[]): number | undefined {
  let best: number | undefined;
  shares.forEach((share, index) => {
    if (share.high.isZero()) return;
    if (best === undefined || share.high.lt(shares[best]!.high)) best = index;
  });
  return best;
}

/** Each row's weights for this total, or undefined as soon as one row has none. */
function boundsFor(total: bigint, shares: readonly Interval[]): [bigint, bigint][] | undefined {
  const bounds: [bigint, bigint][] = [];
  for (const share of shares) {
    const [lowest, highest] = weightsFor(total, share);
    if (lowest > highest) return undefined;
    bounds.push([lowest, highest]);
  }
  return bounds;
}

/** The whole weights w ≥ 0 with w / total in the interval, as [lowest, highest] (empty when lowest > highest). */
function weightsFor(total: bigint, share: Interval): [bigint, bigint] {
  const lowest = ceilTimes(total, share.low);
  const highest = share.highOpen ? ceilTimes(total, share.high) - 1n : floorTimes(total, share.high);
  return [lowest < 0n ? 0n : lowest, highest];
}

/** The totals W with weight / W in the interval, as [fewest, most]; most is unbounded when the share may be 0. */
function totalsFor(weight: bigint, share: Interval): [bigint, bigint | undefined] {
  // weight / W ≥ low  ⇔  W ≤ weight / low;   weight / W < high  ⇔  W > weight / high.
  const most = share.low.isZero() ? undefined : floorDiv(weight * share.low.den, share.low.num);
  const byHigh = weight * share.high.den;
  const fewest = share.highOpen ? floorDiv(byHigh, share.high.num) + 1n : ceilDiv(byHigh, share.high.num);
  return [fewest, most];
}

/** Every way to split `amount` into one weight per row, each within its bounds. */
function splits(amount: bigint, bounds: readonly [bigint, bigint][], spend: (count: number) => void): bigint[][] {
  // What the rows after k can take at the least and the most, to prune before stepping.
  const lowestAfter: bigint[] = [];
  const highestAfter: bigint[] = [];
  let [lowSum, highSum] = [0n, 0n];
  for (let k = bounds.length - 1; k >= 0; k--) {
    lowestAfter[k] = lowSum;
    highestAfter[k] = highSum;
    lowSum += bounds[k]![0];
    highSum += bounds[k]![1];
  }
  if (amount < lowSum || amount > highSum) return [];
  const result: bigint[][] = [];
  const fill = (k: number, left: bigint, chosen: bigint[]) => {
    if (k === bounds.length) {
      if (left === 0n) result.push(chosen);
      return;
    }
    const [lowest, highest] = bounds[k]!;
    const from = lowest > left - highestAfter[k]! ? lowest : left - highestAfter[k]!;
    const to = highest < left - lowestAfter[k]! ? highest : left - lowestAfter[k]!;
    if (from <= to) spend(Number(to - from + 1n));
    for (let weight = from; weight <= to; weight++) fill(k + 1, left - weight, [...chosen, weight]);
  };
  fill(0, amount, []);
  return result;
}

function describe(range: WeightRange): string {
  return `${range.min}–${range.max}`;
}

function ceilTimes(total: bigint, share: Rational): bigint {
  return ceilDiv(total * share.num, share.den);
}

function floorTimes(total: bigint, share: Rational): bigint {
  return floorDiv(total * share.num, share.den);
}

function floorDiv(num: bigint, den: bigint): bigint {
  const quotient = num / den;
  return num % den !== 0n && num < 0n !== den < 0n ? quotient - 1n : quotient;
}

function ceilDiv(num: bigint, den: bigint): bigint {
  return -floorDiv(-num, den);
}
