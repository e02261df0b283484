import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  AllocationError,
  basePlusProRataKeySchema,
  describeDerivation,
  distributionKeySchema,
  formatPercent,
  impliedShare,
  ratioKeySchema,
  splitByRatio,
  type AllocationPart,
  type DistributionKey,
  type Recipient,
} from '../../src/allocation/index.js';

/** Swedish amounts as the formatter writes them: no-break spaces in "1 000 000 kr" and "2,79 %". */
const sv = (text: string) => text.replace(/(\d) (?=\d|kr|%)/g, '$1\u00A0');
const key = (input: unknown): DistributionKey => distributionKeySchema.parse(input);
const byPopulation = (populations: Record<string, number>): Recipient[] =>
  Object.entries(populations).map(([id, population]) => ({ id, weights: { population } }));
const amounts = (parts: readonly AllocationPart[]) =>
  Object.fromEntries(parts.map((part) => [part.id, part.amount.toFixed()]));
const byHeadcount = key({ type: 'proRata', weight: 'population' });

const COUNTIES = [
  'Stockholm', 'Uppsala', 'Södermanland', 'Östergötland', 'Jönköping', 'Kronoberg', 'Kalmar',
  'Gotland', 'Blekinge', 'Skåne', 'Halland', 'Västra Götaland', 'Värmland', 'Örebro',
  'Västmanland', 'Dalarna', 'Gävleborg', 'Västernorrland', 'Jämtland', 'Västerbotten', 'Norrbotten',
];

describe('allocate', () => {
  it('shares pro rata and gives the leftover krona to the lowest id among equal remainders', () => {
    const allocation = allocate(1000, byHeadcount, byPopulation({ c: 1, a: 1, b: 1 }), { unit: 'krona' });
    expect(amounts(allocation.parts)).toEqual({ a: '334', b: '333', c: '333' });
    expect(allocation.parts.map((part) => part.id)).toEqual(['c', 'a', 'b']);
    expect(allocation.parts[0]?.exact.toFixed(4)).toBe('333.3333');
  });

  it('rounds to öre when asked', () => {
    const allocation = allocate(1000, byHeadcount, byPopulation({ a: 1, b: 1, c: 1 }), { unit: 'ore' });
    expect(amounts(allocation.parts)).toEqual({ a: '333.34', b: '333.33', c: '333.33' });
  });

  // "5 Mkr per län och resten fördelat efter befolkningsmängd"
  it('gives the equal base first and the rest by population', () => {
    const allocation = allocate(
      '20000000',
      key({ type: 'basePlusProRata', base: '5000000', weight: 'population' }),
      byPopulation({ small: 100_000, middle: 200_000, large: 700_000 }),
      { unit: 'krona' },
    );
    expect(amounts(allocation.parts)).toEqual({ small: '5500000', middle: '6000000', large: '8500000' });
    expect(
      allocation.parts[2]?.components.map(({ kind, label, amount }) => [kind, label, amount.toFixed()]),
    ).toEqual([
      ['base', 'base', '5000000'],
      ['proRata', 'population', '3500000'],
    ]);
  });

  it('gives 1 Mkr per county and 2 Mkr to the three metropolitan counties: 24 Mkr for brukarmedverkan', () => {
    const brukarmedverkan = key({
      type: 'fixed',
      amount: '1000000',
      exceptions: [{ recipients: ['Stockholm', 'Västra Götaland', 'Skåne'], amount: '2000000' }],
    });
    const allocation = allocate('24000000', brukarmedverkan, COUNTIES.map((id) => ({ id })), { unit: 'krona' });
    expect(amounts(allocation.parts)).toMatchObject({ Stockholm: '2000000', Skåne: '2000000', Dalarna: '1000000' });
    expect(allocation.parts.filter((part) => part.amount.equals(2_000_000))).toHaveLength(3);
  });

  it('adds up pots with their own keys per recipient, as in Skåne’s model of three funds', () => {
    const fund = (label: string, base: number, pot: number) => ({
      label,
      amount: 3 * base + pot,
      key: { type: 'basePlusProRata', base, weight: 'population' },
    });
    const skane = key({
      type: 'sum',
      parts: [
        fund('Samverkan', 1_000_000, 600_000),
        fund('Brukarmedverkan', 300_000, 60_000),
        fund('Suicidprevention', 1_000_000, 1_200_000),
      ],
    });
    const subregions = byPopulation({ Nordost: 100_000, Malmö: 200_000, Sydost: 300_000 });
    const allocation = allocate(8_760_000, skane, subregions, { unit: 'krona' });
    expect(amounts(allocation.parts)).toEqual({ Nordost: '2610000', Malmö: '2920000', Sydost: '3230000' });
    expect(describeDerivation(allocation.parts[0] as AllocationPart, 'en')).toBe(
      'SEK 1,000,000 base (Samverkan) + SEK 100,000 by population (Samverkan) + ' +
        'SEK 300,000 base (Brukarmedverkan) + SEK 10,000 by population (Brukarmedverkan) + ' +
        'SEK 1,000,000 base (Suicidprevention) + SEK 200,000 by population (Suicidprevention) = SEK 2,610,000',
    );
  });

  const brukarmedverkan = key({
    type: 'fixed',
    amount: 1_000_000,
    exceptions: [{ recipients: ['Stockholm', 'Västra Götaland', 'Skåne'], amount: 2_000_000 }],
  });
  const fixedOne = (exceptions: { recipients: string[]; amount: number }[]) =>
    key({ type: 'fixed', amount: 1, exceptions });
  const counties = COUNTIES.map((id) => ({ id }));

  it.each([
    ['a negative total', -1, byHeadcount, byPopulation({ a: 1 }), /Negative total/],
    ['a total with öre when rounding to kronor', '100.5', byHeadcount, byPopulation({ a: 1 }), /into whole kronor/],
    ['no recipients', 100, byHeadcount, [], /no recipients/],
    ['a recipient listed twice', 100, byHeadcount, [...byPopulation({ a: 1 }), { id: 'a' }], /"a" is listed twice/],
    [
      'a missing weight',
      100,
      key({ type: 'proRata', weight: 'population0to25' }),
      byPopulation({ a: 1 }),
      /"a" has no weight "population0to25"/,
    ],
    ['a negative weight', 100, byHeadcount, byPopulation({ a: 1, b: -1 }), /Negative weight "population" of .* "b"/],
    ['all weights zero', 100, byHeadcount, byPopulation({ a: 0, b: 0 }), /weight "population" zero/],
    [
      'a total smaller than the bases',
      9_000_000,
      key({ type: 'basePlusProRata', base: 5_000_000, weight: 'population' }),
      byPopulation({ a: 1, b: 1 }),
      /smaller than the bases, 2 × SEK 5,000,000 = SEK 10,000,000/,
    ],
    [
      'fixed amounts that miss the total',
      25_000_000,
      brukarmedverkan,
      counties,
      /add up to SEK 24,000,000 but the total is SEK 25,000,000 \(difference SEK 1,000,000\)/,
    ],
    ['an exception for an unknown recipient', 3, fixedOne([{ recipients: ['X'], amount: 2 }]), [{ id: 'a' }], /"X"/],
    [
      'a recipient in two exceptions',
      4,
      fixedOne([
        { recipients: ['a'], amount: 2 },
        { recipients: ['a'], amount: 3 },
      ]),
      [{ id: 'a' }],
      /"a" is named in two/,
    ],
    [
      'pots that miss the total',
      100,
      key({ type: 'sum', parts: [{ amount: 60, key: { type: 'fixed', amount: 60 } }] }),
      [{ id: 'a' }],
      /difference SEK 40/,
    ],
    ['a ratio key', 100, key({ type: 'ratio', parts: [{ id: 'x', weight: 1 }] }), [{ id: 'a' }], /use splitByRatio/],
  ])('refuses %s', (_, total, distributionKey, recipients, message) => {
    expect(() => allocate(total, distributionKey, recipients, { unit: 'krona' })).toThrow(AllocationError);
    expect(() => allocate(total, distributionKey, recipients, { unit: 'krona' })).toThrow(message);
  });
});

describe('splitByRatio', () => {
  const twoToOne = ratioKeySchema.parse({
    type: 'ratio',
    parts: [
      { id: 'handlingsplaner', label: 'Utvecklingsinsatser utifrån handlingsplaner', weight: 2 },
      { id: 'kunskapsbas', label: 'Kunskapsbas HoS/Soc.tjänst', weight: 1 },
    ],
  });

  it('splits Mora’s 593 460,54 kr 2:1 to the öre, as in the Dalarna memo (395 640,36 + 197 820,18)', () => {
    const components = splitByRatio('593460.54', twoToOne, { unit: 'ore' });
    expect(components.map(({ kind, label, amount }) => [kind, label, amount.toFixed()])).toEqual([
      ['ratio', 'Utvecklingsinsatser utifrån handlingsplaner', '395640.36'],
      ['ratio', 'Kunskapsbas HoS/Soc.tjänst', '197820.18'],
    ]);
  });

  it('gives an indivisible unit to the first part listed', () => {
    expect(splitByRatio(100, twoToOne, { unit: 'krona' }).map((component) => component.amount.toFixed())).toEqual([
      '67',
      '33',
    ]);
  });

  it('refuses a ratio whose weights are all zero', () => {
    const nothing = ratioKeySchema.parse({ type: 'ratio', parts: [{ id: 'x', weight: 0 }] });
    expect(() => splitByRatio(100, nothing, { unit: 'krona' })).toThrow(AllocationError);
  });
});

describe('describeDerivation', () => {
  const nordost: AllocationPart = {
    id: 'Nordost',
    amount: new Decimal(2_142_432),
    exact: new Decimal('2142432.13'),
    components: [
      { kind: 'base', label: 'base', amount: new Decimal(1_000_000), exact: new Decimal(1_000_000) },
      { kind: 'proRata', label: 'population', amount: new Decimal(1_142_432), exact: new Decimal('1142432.13') },
    ],
  };

  it('explains a part in Swedish with no-break spaces inside amounts', () => {
    expect(describeDerivation(nordost, 'sv')).toBe(
      sv('1 000 000 kr bas + 1 142 432 kr efter befolkning = 2 142 432 kr'),
    );
  });

  it('explains a part in English', () => {
    expect(describeDerivation(nordost, 'en')).toBe('SEK 1,000,000 base + SEK 1,142,432 by population = SEK 2,142,432');
  });

  it.each([
    ['population0to25', 'sv', 'efter befolkning 0–25 år'],
    ['population0to25', 'en', 'by population aged 0–25'],
    ['invånare', 'sv', 'efter invånare'],
    ['inhabitants', 'en', 'by inhabitants'],
  ] as const)('names the weight %s in %s as "%s"', (weight, lang, phrase) => {
    const part: AllocationPart = {
      id: 'x',
      amount: new Decimal(5),
      exact: new Decimal(5),
      components: [{ kind: 'proRata', label: weight, amount: new Decimal(5), exact: new Decimal(5) }],
    };
    expect(describeDerivation(part, lang)).toContain(` ${phrase} = `);
  });

  it('names fixed amounts and ratio parts', () => {
    const part: AllocationPart = {
      id: 'Skåne',
      amount: new Decimal(2_000_000),
      exact: new Decimal(2_000_000),
      components: [{ kind: 'fixed', label: 'fixed', amount: new Decimal(2_000_000), exact: new Decimal(2_000_000) }],
    };
    expect(describeDerivation(part, 'sv')).toBe(sv('2 000 000 kr fast belopp = 2 000 000 kr'));
    expect(describeDerivation(part, 'en')).toBe('SEK 2,000,000 fixed amount = SEK 2,000,000');
  });
});

describe('impliedShare', () => {
  const samsjuklighet = basePlusProRataKeySchema.parse({
    type: 'basePlusProRata',
    base: 5_000_000,
    weight: 'population',
  });

  it('recovers Dalarna’s population share from its 7 649 410,97 kr of the 200 Mkr (5 Mkr per county)', () => {
    const share = impliedShare('7649410.97', samsjuklighet, 200_000_000, 21);
    // (7 649 410,97 − 5 000 000) / (200 000 000 − 21 · 5 000 000), to 30 decimals.
    expect(share.toFixed()).toBe('0.027888536526315789473684210526');
    expect(formatPercent(share, 'sv')).toBe(sv('2,79 %'));
  });

  it('is the inverse of allocate', () => {
    const recipients = byPopulation({ a: 1_234, b: 5_678, c: 9_012 });
    const total = 20_000_000;
    const allocation = allocate(total, samsjuklighet, recipients, { unit: 'ore' });
    const share = impliedShare(allocation.parts[0]?.exact ?? 0, samsjuklighet, total, recipients.length);
    expect(share.toSignificantDigits(20).equals(new Decimal(1_234).div(1_234 + 5_678 + 9_012))).toBe(true);
  });

  it('reads a plain pro rata amount as amount / pot', () => {
    expect(impliedShare(30, { type: 'proRata', weight: 'population' }, 120, 4).toFixed()).toBe('0.25');
  });

  it.each([
    ['an amount below the base', 4_000_000, 200_000_000, 21],
    ['bases that take the whole pot', 6_000_000, 105_000_000, 21],
    ['no recipients', 6_000_000, 200_000_000, 0],
  ])('refuses %s', (_, amount, pot, count) => {
    expect(() => impliedShare(amount, samsjuklighet, pot, count)).toThrow(AllocationError);
  });
});
