import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  type Allocation,
  type DistributionKey,
  type Recipient,
  type RoundingUnit,
} from '../../src/allocation/index.js';

interface Scenario {
  total: Decimal;
  key: DistributionKey;
  recipients: Recipient[];
  unit: RoundingUnit;
}

const UNIT_SIZE: Record<RoundingUnit, Decimal> = { ore: new Decimal('0.01'), krona: new Decimal(1) };

/** Recipients with unique ids and population weights (some zero, some with decimals), not all zero. */
const recipientsArbitrary = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 25 })
  .chain((ids) =>
    fc
      // Small whole weights make equal remainders, and so tie-breaks, common.
      .array(fc.oneof(fc.nat(3_000_000), fc.nat(3), fc.nat(99_999).map((n) => n / 1000)), {
        minLength: ids.length,
        maxLength: ids.length,
      })
      .filter((weights) => weights.some((weight) => weight > 0))
      .map((weights) => ids.map((id, index): Recipient => ({ id, weights: { population: weights[index] ?? 0 } }))),
  );

const unitArbitrary = fc.constantFrom<RoundingUnit>('ore', 'krona');
const unitsArbitrary = fc.nat(2_000_000_000);

/** A total and a key sharing it pro rata, as base plus pro rata, or as the sum of two such pots. */
function proportionalScenario(recipients: Recipient[], unit: RoundingUnit): fc.Arbitrary<Scenario> {
  const size = UNIT_SIZE[unit];
  const scenario = (units: number, key: DistributionKey): Scenario => ({
    total: size.times(units),
    key,
    recipients,
    unit,
  });
  const basePlusProRata = (baseUnits: number): DistributionKey => ({
    type: 'basePlusProRata',
    base: size.times(baseUnits),
    weight: 'population',
  });
  const proRata = unitsArbitrary.map((units) => scenario(units, { type: 'proRata', weight: 'population' }));
  const withBases = unitsArbitrary.chain((units) =>
    fc.nat(Math.floor(units / recipients.length)).map((baseUnits) => scenario(units, basePlusProRata(baseUnits))),
  );
  const sumOfTwo = unitsArbitrary.chain((units) =>
    fc.nat(units).map((firstUnits) =>
      scenario(units, {
        type: 'sum',
        parts: [
          { label: 'A', amount: size.times(firstUnits), key: { type: 'proRata', weight: 'population' } },
          {
            label: 'B',
            amount: size.times(units - firstUnits),
            key: basePlusProRata(Math.floor((units - firstUnits) / recipients.length)),
          },
        ],
      }),
    ),
  );
  return fc.oneof(proRata, withBases, sumOfTwo);
}

/** A fixed amount for everyone, another for a few; the total is what that adds up to. */
function fixedScenario(recipients: Recipient[], unit: RoundingUnit): fc.Arbitrary<Scenario> {
  const size = UNIT_SIZE[unit];
  const ids = recipients.map((recipient) => recipient.id);
  return fc
    .record({ amount: fc.nat(10_000_000), exceptionAmount: fc.nat(10_000_000), excepted: fc.subarray(ids) })
    .map(({ amount, exceptionAmount, excepted }) => ({
      total: size.times(amount * (ids.length - excepted.length) + exceptionAmount * excepted.length),
      key: {
        type: 'fixed',
        amount: size.times(amount),
        exceptions: excepted.length === 0 ? [] : [{ recipients: excepted, amount: size.times(exceptionAmount) }],
      },
      recipients,
      unit,
    }));
}

const scenarioArbitrary: fc.Arbitrary<Scenario> = fc
  .tuple(recipientsArbitrary, unitArbitrary)
  .chain(([recipients, unit]) => fc.oneof(proportionalScenario(recipients, unit), fixedScenario(recipients, unit)));

const run = ({ total, key, recipients, unit }: Scenario): Allocation => allocate(total, key, recipients, { unit });
const sum = (values: readonly Decimal[]) => values.reduce((a, b) => a.plus(b), new Decimal(0));

describe('allocation invariants', () => {
  it('rounded parts add up exactly to the total, in öre and in kronor', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const allocation = run(scenario);
        expect(sum(allocation.parts.map((part) => part.amount)).equals(scenario.total)).toBe(true);
      }),
    );
  });

  it('no part is negative and every part is a whole number of units', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        for (const part of run(scenario).parts) {
          expect(part.amount.isNegative()).toBe(false);
          expect(part.amount.mod(UNIT_SIZE[scenario.unit]).isZero()).toBe(true);
        }
      }),
    );
  });

  it('every part lies within one unit of its exact proportional value', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        for (const part of run(scenario).parts) {
          expect(part.amount.minus(part.exact).abs().lessThan(UNIT_SIZE[scenario.unit])).toBe(true);
        }
      }),
    );
  });

  it('components add up exactly to their part', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        for (const part of run(scenario).parts) {
          expect(sum(part.components.map((component) => component.amount)).equals(part.amount)).toBe(true);
          expect(part.components.every((component) => !component.amount.isNegative())).toBe(true);
        }
      }),
    );
  });

  it('permuting the recipients changes no part', () => {
    const withPermutation = scenarioArbitrary.chain((scenario) =>
      fc
        .shuffledSubarray(scenario.recipients, {
          minLength: scenario.recipients.length,
          maxLength: scenario.recipients.length,
        })
        .map((permuted) => [scenario, { ...scenario, recipients: permuted }] as const),
    );
    fc.assert(
      fc.property(withPermutation, ([original, permuted]) => {
        const byId = (allocation: Allocation) =>
          Object.fromEntries(allocation.parts.map((part) => [part.id, part.amount.toFixed()]));
        expect(byId(run(permuted))).toEqual(byId(run(original)));
      }),
    );
  });
});
