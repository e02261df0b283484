// Figures combined as a coordinator asks for them: a sum, a difference, a share. Exact: no rounding
// here; what is shown is rounded where it is formatted.
import { Decimal } from 'decimal.js';

/** The sum of the amounts. */
export function sumOf(amounts: readonly Decimal.Value[]): Decimal {
  return amounts.reduce<Decimal>((sum, amount) => sum.plus(amount), new Decimal(0));
}

/** The first amount minus the second. */
export function differenceOf(first: Decimal.Value, second: Decimal.Value): Decimal {
  return new Decimal(first).minus(second);
}

/** A part as a fraction of its whole (0.307 for 30,7 %); undefined for a whole of zero. */
export function shareOf(part: Decimal.Value, whole: Decimal.Value): Decimal | undefined {
  const of = new Decimal(whole);
  return of.isZero() ? undefined : new Decimal(part).dividedBy(of);
}
