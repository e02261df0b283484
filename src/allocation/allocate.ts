// Allocating a total among recipients by a distribution key, rounded so that the published
// parts add up to the total to the last öre (or krona).
import type { Decimal } from 'decimal.js';
import { exactComponents, nonNegative, type ExactComponent } from './exact-components.js';
import type { DistributionKey, RatioKey } from './keys.js';
import { formatSek, unitSize, type RoundingUnit } from './money.js';
import { largestRemainder } from './largest-remainder.js';
import { Rational } from './rational.js';
import {
  AllocationError,
  type Allocation,
  type AllocationComponent,
  type AllocationPart,
  type Recipient,
} from './types.js';

export { describeDerivation } from './derivation.js';
export { impliedShare } from './implied-share.js';

export interface RoundingOptions {
  unit: RoundingUnit;
}

/**
 * Shares `total` among `recipients` by `key`. Parts are rounded by largest remainder, ties going
 * to the lower recipient id, so they sum exactly to the total, each lies within one unit of its
 * exact value, and the order of the recipients changes nothing.
 */
export function allocate(
  total: Decimal.Value,
  key: DistributionKey,
  recipients: readonly Recipient[],
  options: RoundingOptions,
): Allocation {
  const exactTotal = splittable(total, options.unit);
  if (recipients.length === 0) throw new AllocationError('There are no recipients to allocate to');
  const ids = recipients.map((recipient) => recipient.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate !== undefined) throw new AllocationError(`Recipient "${duplicate}" is listed twice`);

  // Code-unit order, not a locale's: ties must break the same way on every machine.
  const idsInOrder = [...ids].sort();
  const unit = unitSize(options.unit);
  const componentsPerRecipient = exactComponents(exactTotal, key, recipients);
  const parts = largestRemainder(
    recipients.map(({ id }, index) => {
      const components = componentsPerRecipient[index] ?? [];
      const exact = Rational.sum(components.map((component) => component.exact));
      return { id, components, exact, tieRank: idsInOrder.indexOf(id) };
    }),
    exactTotal,
    unit,
  );
  return {
    total: exactTotal.toDecimal(),
    unit: options.unit,
    parts: parts.map((part) => roundedPart(part.id, part.components, part.rounded, unit)),
  };
}

/** Splits one amount into the parts of a ratio key (2:1), rounded like `allocate`. */
export function splitByRatio(amount: Decimal.Value, key: RatioKey, options: RoundingOptions): AllocationComponent[] {
  const exactAmount = splittable(amount, options.unit);
  const weighted = key.parts.map((part) => ({
    part,
    weight: nonNegative(part.weight, `weight of ratio part "${part.id}"`),
  }));
  const weightTotal = Rational.sum(weighted.map(({ weight }) => weight));
  if (weightTotal.isZero()) throw new AllocationError('All weights of the ratio are zero');
  const components = weighted.map(({ part, weight }): ExactComponent => ({
    kind: 'ratio',
    label: part.label ?? part.id,
    exact: exactAmount.times(weight).div(weightTotal),
  }));
  return roundComponents(components, exactAmount, unitSize(options.unit));
}

function roundedPart(
  id: string,
  components: readonly ExactComponent[],
  amount: Rational,
  unit: Rational,
): AllocationPart {
  return {
    id,
    amount: amount.toDecimal(),
    exact: Rational.sum(components.map((component) => component.exact)).toDecimal(),
    components: roundComponents(components, amount, unit),
  };
}

/** Components rounded among themselves so they add up exactly to the (already rounded) amount. */
function roundComponents(
  components: readonly ExactComponent[],
  amount: Rational,
  unit: Rational,
): AllocationComponent[] {
  return largestRemainder(
    components.map((component, index) => ({ ...component, tieRank: index })),
    amount,
    unit,
  ).map(({ kind, label, pot, exact, rounded }) => ({
    kind,
    label,
    ...(pot === undefined ? {} : { pot }),
    amount: rounded.toDecimal(),
    exact: exact.toDecimal(),
  }));
}

/** A non-negative amount that is a whole number of rounding units. */
function splittable(amount: Decimal.Value, unit: RoundingUnit): Rational {
  const exact = nonNegative(amount, 'total');
  if (!exact.div(unitSize(unit)).isInteger()) {
    const unitName = unit === 'ore' ? 'öre' : 'kronor';
    throw new AllocationError(`${formatSek(exact.toDecimal(), 'en')} cannot be split into whole ${unitName}`);
  }
  return exact;
}
