// What a key gives each recipient before any rounding, component by component, in exact
// rationals. Rounding happens afterwards and only once (allocate.ts).
import type { Decimal } from 'decimal.js';
import type { DistributionKey } from './keys.js';
import { formatSek } from './money.js';
import { Rational } from './rational.js';
import { AllocationError, type ComponentKind, type Recipient } from './types.js';

export interface ExactComponent {
  kind: ComponentKind;
  label: string;
  pot?: string;
  exact: Rational;
}

/** One list of components per recipient, in recipient order; for each key they add up to `total`. */
export function exactComponents(
  total: Rational,
  key: DistributionKey,
  recipients: readonly Recipient[],
): ExactComponent[][] {
  switch (key.type) {
    case 'proRata':
      return proRata(total, key.weight, recipients).map((exact) => [{ kind: 'proRata', label: key.weight, exact }]);
    case 'basePlusProRata': {
      const base = nonNegative(key.base, 'base');
      const bases = base.times(Rational.integer(BigInt(recipients.length)));
      if (total.lt(bases)) {
        throw new AllocationError(
          `The total ${sek(total)} is smaller than the bases, ${recipients.length} × ${sek(base)} = ${sek(bases)}`,
        );
      }
      return proRata(total.minus(bases), key.weight, recipients).map((exact) => [
        { kind: 'base', label: 'base', exact: base },
        { kind: 'proRata', label: key.weight, exact },
      ]);
    }
    case 'fixed': {
      const amounts = fixedAmounts(key.amount, key.exceptions ?? [], recipients);
      requireSum(total, amounts, 'fixed amounts');
      return amounts.map((exact) => [{ kind: 'fixed', label: 'fixed', exact }]);
    }
    case 'ratio':
      throw new AllocationError('A ratio key splits one amount into parts, not among recipients: use splitByRatio');
    case 'sum': {
      const pots = key.parts.map((part, index) => ({
        key: part.key,
        amount: nonNegative(part.amount, 'pot amount'),
        label: part.label ?? `pot ${index + 1}`,
      }));
      requireSum(total, pots.map((pot) => pot.amount), 'pot amounts');
      const perPot = pots.map((pot) =>
        exactComponents(pot.amount, pot.key, recipients).map((components) =>
          components.map((component) => inPot(component, pot.label)),
        ),
      );
      return recipients.map((_, recipient) => perPot.flatMap((pot) => pot[recipient] ?? []));
    }
  }
}

/** `amount` in proportion to each recipient's weight. */
function proRata(amount: Rational, weight: string, recipients: readonly Recipient[]): Rational[] {
  const weights = recipients.map((recipient) => weightOf(recipient, weight));
  const weightTotal = Rational.sum(weights);
  if (weightTotal.isZero()) throw new AllocationError(`All recipients have weight "${weight}" zero`);
  return weights.map((value) => amount.times(value).div(weightTotal));
}

function weightOf(recipient: Recipient, weight: string): Rational {
  const value = recipient.weights?.[weight];
  if (value === undefined) throw new AllocationError(`Recipient "${recipient.id}" has no weight "${weight}"`);
  return nonNegative(value, `weight "${weight}" of recipient "${recipient.id}"`);
}

function fixedAmounts(
  amount: Decimal.Value,
  exceptions: readonly { recipients: string[]; amount: Decimal.Value }[],
  recipients: readonly Recipient[],
): Rational[] {
  const amountById = new Map(recipients.map((recipient) => [recipient.id, nonNegative(amount, 'fixed amount')]));
  const excepted = new Set<string>();
  for (const exception of exceptions) {
    for (const id of exception.recipients) {
      if (!amountById.has(id)) throw new AllocationError(`A fixed-amount exception names unknown recipient "${id}"`);
      if (excepted.has(id)) throw new AllocationError(`Recipient "${id}" is named in two fixed-amount exceptions`);
      excepted.add(id);
      amountById.set(id, nonNegative(exception.amount, `fixed amount for "${id}"`));
    }
  }
  return recipients.map((recipient) => amountById.get(recipient.id) ?? Rational.ZERO);
}

/** Amounts meant to make up the total must do so exactly; the error states the difference. */
function requireSum(total: Rational, amounts: readonly Rational[], what: string): void {
  const sum = Rational.sum(amounts);
  if (!sum.eq(total)) {
    throw new AllocationError(
      `The ${what} add up to ${sek(sum)} but the total is ${sek(total)} (difference ${sek(total.minus(sum))})`,
    );
  }
}

function inPot(component: ExactComponent, pot: string): ExactComponent {
  return { ...component, pot: component.pot === undefined ? pot : `${pot} / ${component.pot}` };
}

export function nonNegative(value: Decimal.Value, what: string): Rational {
  const rational = Rational.of(value);
  if (rational.isNegative()) throw new AllocationError(`Negative ${what}: ${String(value)}`);
  return rational;
}

function sek(amount: Rational): string {
  return formatSek(amount.toDecimal(), 'en');
}
