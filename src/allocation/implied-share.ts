// The inverse of a pro rata key: from a published amount back to the weight share behind it.
import type { Decimal } from 'decimal.js';
import type { BasePlusProRataKey, ProRataKey } from './keys.js';
import { Rational } from './rational.js';
import { AllocationError } from './types.js';

/**
 * The share of the weight a recipient must have had to get `amount` out of `pot` shared among
 * `recipientCount` recipients: (amount − base) / (pot − recipientCount · base).
 */
export function impliedShare(
  amount: Decimal.Value,
  key: ProRataKey | BasePlusProRataKey,
  pot: Decimal.Value,
  recipientCount: number,
): Decimal {
  if (!Number.isInteger(recipientCount) || recipientCount < 1) {
    throw new AllocationError(`The number of recipients must be a positive whole number, not ${recipientCount}`);
  }
  const base = key.type === 'basePlusProRata' ? Rational.of(key.base) : Rational.ZERO;
  const proRataPot = Rational.of(pot).minus(base.times(Rational.integer(BigInt(recipientCount))));
  const proRataAmount = Rational.of(amount).minus(base);
  if (proRataPot.lte(Rational.ZERO)) throw new AllocationError('The bases leave nothing of the pot to share pro rata');
  if (proRataAmount.isNegative() || proRataPot.lt(proRataAmount)) {
    throw new AllocationError('The amount does not fit the key: it is below the base or above the pot');
  }
  return proRataAmount.div(proRataPot).toDecimal();
}
