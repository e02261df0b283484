// What-if allocations with the documents' own keys. The expected figures are worked out here from
// the figures the documents print (copied below with where they stand), never by the code under test.
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateByTable, estimateOneRecipient, percentOf, scaledBy, splitEqually, timesCount, unitsInTotal } from '../../src/allocation/whatif.js';

const D = Decimal.clone({ precision: 60 });

// Skåne 2023, "Fördelning, Delregionala Samverkansorgan": the cells by population (reconstructed
// cells as the knowledge store solves them, their printed text in the comment), and the stated base.
const SKANE = {
  base: { samverkan: 1_000_000, brukarmedverkan: 300_000, suicidprevention: 1_000_000 },
  samverkan: { 'skane-nordost': 1142432, 'skane-nordvast': 2206699, 'skane-mellersta': 1833271 /* "183271" */, 'skane-malmo': 2181037, 'skane-sydost': 615515, 'skane-sydvast': 658159 },
  brukarmedverkan: { 'skane-nordost': 26454, 'skane-nordvast': 51098 /* "s1098" */, 'skane-mellersta': 42451 /* "22451" */, 'skane-malmo': 50504 /* "50508" */, 'skane-sydost': 14253, 'skane-sydvast': 15240 /* "15200" */ },
  suicidprevention: { 'skane-nordost': 2646478, 'skane-nordvast': 5111884 /* "s11188" */, 'skane-mellersta': 4246828 /* "2206828" */, 'skane-malmo': 5052438, 'skane-sydost': 1425859, 'skane-sydvast': 1524645 /* "1520685" */ },
  /** "Summa delregion" as printed (Sydväst reconstructed from "2438048"). */
  totals: { 'skane-nordost': 6115364, 'skane-nordvast': 9669681, 'skane-mellersta': 8422551, 'skane-malmo': 9583978, 'skane-sydost': 4355627, 'skane-sydvast': 4498044 },
} as const;
type SkaneFund = 'samverkan' | 'brukarmedverkan' | 'suicidprevention';

// Dalarna 2020, "Medel till kommunerna": "Avrundat belopp" per municipality, and the first column.
const DALARNA_TOTALS: Record<string, number> = {
  vansbro: 197452, 'malung-salen': 293242, gagnef: 299754, leksand: 459849, rattvik: 318737, orsa: 201173, alvdalen: 204342, smedjebacken: 316470,
  mora: 593461, falun: 1726309, borlange: 1526386, sater: 323040, hedemora: 449703, avesta: 674017, ludvika: 782627,
};
const DALARNA_HANDLINGSPLANER: Record<string, string> = {
  vansbro: '131634.63', 'malung-salen': '195494.48', gagnef: '199835.79', leksand: '306566.04', rattvik: '212491.47', orsa: '134115.38', alvdalen: '136227.89', smedjebacken: '210979.77',
  mora: '395640.36', falun: '1150872.72', borlange: '1017590.72', sater: '215359.83', hedemora: '299802.13', avesta: '449344.65', ludvika: '521751.45',
};

// Jämtland 2020, "Bakgrund": 200 Mkr with 5 Mkr per county and the rest by population; 24 Mkr as
// 1 Mkr per county and 2 Mkr for each of the three metropolitan counties (so 24 − 3 × 2 = 18 at
// 1 Mkr, 21 counties); 150 Mkr by the population aged 0–25. Jämtland's and Dalarna's amounts.
const COUNTIES = (24 - 3 * 2) / 1 + 3;
const JAMTLAND = { samsjuklighet: '6203183.05', ungdomsmottagningar: '1800956.91' };
const DALARNA = { samsjuklighet: '7649410.97', ungdomsmottagningar: '3945120.95' };

function rowsOf(cells: Record<string, number | string>) {
  return Object.entries(cells).map(([id, weight]) => ({ id, weight }));
}

/** Largest remainder worked out here: floors, then the units left over to the largest remainders (ties to the lower id). */
function expectedSplit(pot: Decimal.Value, base: Decimal.Value, cells: Record<string, number | string>, unit = new D(1)): Record<string, string> {
  const ids = Object.keys(cells);
  const weights = ids.map((id) => new D(cells[id]!));
  const total = weights.reduce((a, b) => a.plus(b), new D(0));
  const rest = new D(pot).minus(new D(base).times(ids.length));
  const exact = weights.map((w) => new D(base).plus(rest.times(w).dividedBy(total)).dividedBy(unit));
  const floors = exact.map((e) => e.floor());
  let left = new D(pot).dividedBy(unit).minus(floors.reduce((a, b) => a.plus(b), new D(0))).toNumber();
  const order = ids.map((id, i) => ({ id, i, r: exact[i]!.minus(floors[i]!) })).sort((a, b) => b.r.comparedTo(a.r) || (a.id < b.id ? -1 : 1));
  const up = new Set<number>();
  for (const entry of order) if (left-- > 0) up.add(entry.i);
  return Object.fromEntries(ids.map((id, i) => [id, floors[i]!.plus(up.has(i) ? 1 : 0).times(unit).toFixed()]));
}

function byId(allocation: ReturnType<typeof allocateByTable>): Record<string, string> {
  return Object.fromEntries(allocation.parts.map((part) => [part.id, part.amount.toFixed()]));
}

describe('the Skåne 2023 sub-region model: a base per sub-region and the rest by the shares the table implies', () => {
  it.each<[string, SkaneFund, number]>([
    ['suicide prevention, 25 Mkr in all', 'suicidprevention', 25_000_000],
    ['suicide prevention, 40 Mkr in all', 'suicidprevention', 40_000_000],
    ['samverkan, 9 Mkr in all', 'samverkan', 9_000_000],
    ['samverkan, 20 Mkr in all', 'samverkan', 20_000_000],
    ['user participation, 2,5 Mkr in all', 'brukarmedverkan', 2_500_000],
  ])('%s: every sub-region gets its base and its share of the rest', (_name, fund, pot) => {
    const allocation = allocateByTable({ rows: rowsOf(SKANE[fund]), pot, base: SKANE.base[fund], unit: 'krona' });
    expect(byId(allocation)).toEqual(expectedSplit(pot, SKANE.base[fund], SKANE[fund]));
    expect(allocation.rest.toFixed()).toBe(String(pot - 6 * SKANE.base[fund]));
  });

  it.each<[string, SkaneFund, number]>([
    ['suicide prevention beyond the base, 25 MSEK', 'suicidprevention', 25_000_000],
    ['samverkan beyond the base, 10 Mkr', 'samverkan', 10_000_000],
  ])('%s: only the part by population is shared', (_name, fund, pot) => {
    const allocation = allocateByTable({ rows: rowsOf(SKANE[fund]), pot, unit: 'krona' });
    expect(byId(allocation)).toEqual(expectedSplit(pot, 0, SKANE[fund]));
  });

  it('Sydost beyond the base with 25 MSEK: 25 000 000 × 1 425 859 / 20 008 132, rounded', () => {
    const allocation = allocateByTable({ rows: rowsOf(SKANE.suicidprevention), pot: 25_000_000, unit: 'krona' });
    const exact = new D(25_000_000).times(1425859).dividedBy(20008132);
    const sydost = allocation.parts.find((part) => part.id === 'skane-sydost')!;
    expect(sydost.amount.minus(exact).abs().lessThan(1)).toBe(true);
    expect(sydost.amount.toFixed()).toBe(expectedSplit(25_000_000, 0, SKANE.suicidprevention)['skane-sydost']);
  });

  it('the whole table at 50 Mkr with the same base: 2,3 Mkr each and 36,2 Mkr by the rows\u2019 population shares', () => {
    const weights = Object.fromEntries(Object.keys(SKANE.samverkan).map((id) => [id, SKANE.samverkan[id as keyof typeof SKANE.samverkan] + SKANE.brukarmedverkan[id as keyof typeof SKANE.brukarmedverkan] + SKANE.suicidprevention[id as keyof typeof SKANE.suicidprevention]]));
    const base = SKANE.base.samverkan + SKANE.base.brukarmedverkan + SKANE.base.suicidprevention;
    const allocation = allocateByTable({ rows: rowsOf(weights), pot: 50_000_000, base, unit: 'krona' });
    expect(allocation.rest.toFixed()).toBe('36200000');
    expect(byId(allocation)).toEqual(expectedSplit(50_000_000, base, weights));
  });

  it('a changed base with the same pot: 1,5 Mkr per sub-region for samverkan leaves 14 637 112 − 9 000 000 by population', () => {
    const pot = 6 * 1_000_000 + 8637112; // the printed base column total and share column total
    const allocation = allocateByTable({ rows: rowsOf(SKANE.samverkan), pot, base: 1_500_000, unit: 'krona' });
    expect(allocation.rest.toFixed()).toBe('5637112');
    expect(byId(allocation)).toEqual(expectedSplit(pot, 1_500_000, SKANE.samverkan));
  });

  it.each<[SkaneFund]>([['samverkan'], ['brukarmedverkan'], ['suicidprevention']])('the pot the table was made with gives the printed %s cells back', (fund) => {
    const cells = SKANE[fund];
    const pot = Object.values(cells).reduce((a, b) => a + b, 0) + 6 * SKANE.base[fund];
    const allocation = allocateByTable({ rows: rowsOf(cells), pot, base: SKANE.base[fund], unit: 'krona' });
    for (const part of allocation.parts) expect(part.amount.toNumber()).toBe(cells[part.id as keyof typeof cells] + SKANE.base[fund]);
  });

  it('the whole table at its printed grand total gives each printed row total back within the table\u2019s own rounding (1 kr)', () => {
    const base = 2_300_000;
    const weights = Object.fromEntries(Object.keys(SKANE.totals).map((id) => [id, SKANE.totals[id as keyof typeof SKANE.totals] - base]));
    const allocation = allocateByTable({ rows: rowsOf(weights), pot: 42645244, base, unit: 'krona' });
    for (const part of allocation.parts) expect(Math.abs(part.amount.toNumber() - SKANE.totals[part.id as keyof typeof SKANE.totals])).toBeLessThanOrEqual(1);
  });

  it('refuses a pot smaller than the bases, naming them', () => {
    expect(() => allocateByTable({ rows: rowsOf(SKANE.samverkan), pot: 5_000_000, base: 1_000_000, unit: 'krona' })).toThrow(/smaller than the bases, 6 × SEK 1,000,000 = SEK 6,000,000/);
  });
});

describe('the Dalarna 2020 municipal split: each municipality\u2019s share of the table', () => {
  it.each<[string, number]>([
    ['falun', 20_000_000],
    ['mora', 10_000_000],
    ['orsa', 10_000_000],
    ['borlange', 8_000_000],
    ['vansbro', 12_345_678],
  ])('%s with %i kr to the municipalities: its printed total over the sum of the printed totals', (id, pot) => {
    const allocation = allocateByTable({ rows: rowsOf(DALARNA_TOTALS), pot, unit: 'krona' });
    const part = allocation.parts.find((p) => p.id === id)!;
    const sum = Object.values(DALARNA_TOTALS).reduce((a, b) => a + b, 0);
    expect(sum).toBe(8366562);
    expect(part.share.toFixed(10)).toBe(new D(DALARNA_TOTALS[id]!).dividedBy(sum).toFixed(10));
    expect(part.amount.toFixed()).toBe(expectedSplit(pot, 0, DALARNA_TOTALS)[id]);
  });

  it('one column in öre: the action-plan money at 5 Mkr', () => {
    const allocation = allocateByTable({ rows: rowsOf(DALARNA_HANDLINGSPLANER), pot: 5_000_000, unit: 'ore' });
    expect(byId(allocation)).toEqual(expectedSplit(5_000_000, 0, DALARNA_HANDLINGSPLANER, new D('0.01')));
  });

  it('the table\u2019s own total gives every printed amount back', () => {
    const allocation = allocateByTable({ rows: rowsOf(DALARNA_TOTALS), pot: 8366562, unit: 'krona' });
    for (const part of allocation.parts) expect(part.amount.toNumber()).toBe(DALARNA_TOTALS[part.id]);
    const column = allocateByTable({ rows: rowsOf(DALARNA_HANDLINGSPLANER), pot: Object.values(DALARNA_HANDLINGSPLANER).reduce((a, b) => a.plus(b), new D(0)), unit: 'ore' });
    for (const part of column.parts) expect(part.amount.toFixed(2)).toBe(DALARNA_HANDLINGSPLANER[part.id]);
  });
});

describe('the national keys of the Jämtland 2020 memo: one county\u2019s share implied by its printed amount', () => {
  const samsjuklighet = (printed: string, pot: number, base = 5_000_000) => {
    const share = new D(printed).minus(5_000_000).dividedBy(new D(200_000_000).minus(COUNTIES * 5_000_000));
    return new D(base).plus(share.times(new D(pot).minus(COUNTIES * base))).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
  };
  it.each<[string, string, number, number | undefined]>([
    ['Jämtland, 300 Mkr with 5 Mkr per county', JAMTLAND.samsjuklighet, 300_000_000, undefined],
    ['Jämtland, 250 Mkr with 4 Mkr per county', JAMTLAND.samsjuklighet, 250_000_000, 4_000_000],
    ['Jämtland, the same pot with 1,5 Mkr per county', JAMTLAND.samsjuklighet, 200_000_000, 1_500_000],
    ['Dalarna, 300 Mkr with 5 Mkr per county', DALARNA.samsjuklighet, 300_000_000, undefined],
    ['Dalarna, 180 Mkr with 6 Mkr per county', DALARNA.samsjuklighet, 180_000_000, 6_000_000],
  ])('5 Mkr per county and the rest by population — %s', (_name, printed, pot, base) => {
    const estimate = estimateOneRecipient({ printed, printedPot: 200_000_000, printedBase: 5_000_000, recipients: COUNTIES, pot, ...(base ? { base } : {}), unit: 'ore' });
    expect(estimate.amount.toFixed(2)).toBe(samsjuklighet(printed, pot, base ?? 5_000_000));
    expect(estimate.amount.plus(estimate.others).toNumber()).toBe(pot);
  });

  it.each<[string, string, number]>([
    ['Jämtland, 200 Mkr', JAMTLAND.ungdomsmottagningar, 200_000_000],
    ['Jämtland, 100 Mkr', JAMTLAND.ungdomsmottagningar, 100_000_000],
    ['Dalarna, 200 Mkr', DALARNA.ungdomsmottagningar, 200_000_000],
    ['Dalarna, 175,5 Mkr', DALARNA.ungdomsmottagningar, 175_500_000],
  ])('pro rata by the population aged 0–25 — %s', (_name, printed, pot) => {
    const estimate = estimateOneRecipient({ printed, printedPot: 150_000_000, recipients: COUNTIES, pot, unit: 'ore' });
    expect(estimate.amount.toFixed(2)).toBe(new D(printed).times(pot).dividedBy(150_000_000).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
  });

  it('the printed pots give the printed amounts back, to the öre', () => {
    expect(estimateOneRecipient({ printed: JAMTLAND.samsjuklighet, printedPot: 200_000_000, printedBase: 5_000_000, recipients: 21, pot: 200_000_000, unit: 'ore' }).amount.toFixed(2)).toBe(JAMTLAND.samsjuklighet);
    expect(estimateOneRecipient({ printed: DALARNA.ungdomsmottagningar, printedPot: 150_000_000, recipients: 21, pot: 150_000_000, unit: 'ore' }).amount.toFixed(2)).toBe(DALARNA.ungdomsmottagningar);
  });

  it('the number of counties follows from the fixed key: 24 Mkr as 1 Mkr each and 2 Mkr for three', () => {
    expect(COUNTIES).toBe(21);
  });

  it('refuses a pot that does not cover 21 bases', () => {
    expect(() => estimateOneRecipient({ printed: JAMTLAND.samsjuklighet, printedPot: 200_000_000, printedBase: 5_000_000, recipients: 21, pot: 100_000_000, unit: 'ore' })).toThrow(/smaller than the bases/);
  });
});

describe('unit costs the documents print, times a count', () => {
  it.each<[string, string, number, string]>([
    ['"250 000kr per Maria mottagningar" × 6 is the printed "Totalt 1,5 mkr"', '250000', 6, '1500000'],
    ['"250 000kr per Maria mottagningar" × 8', '250000', 8, '2000000'],
    ['"ca 20 000 kr per/person" × 10 instructors', '20000', 10, '200000'],
    ['"ca 1500 kr" per employee × 220', '1500', 220, '330000'],
  ])('%s', (_name, unitCost, count, expected) => {
    expect(timesCount(unitCost, count).toFixed()).toBe(expected);
  });
});

describe('properties of the what-if allocation', () => {
  const fundArbitrary = fc.constantFrom<SkaneFund>('samverkan', 'brukarmedverkan', 'suicidprevention');
  const potArbitrary = (fund: SkaneFund) => fc.integer({ min: 6 * SKANE.base[fund], max: 500_000_000 });

  it('the parts add up to the pot, every part is its exact value to within a krona, and the bases are respected', () => {
    fc.assert(
      fc.property(fundArbitrary.chain((fund) => fc.tuple(fc.constant(fund), potArbitrary(fund))), ([fund, pot]) => {
        const allocation = allocateByTable({ rows: rowsOf(SKANE[fund]), pot, base: SKANE.base[fund], unit: 'krona' });
        const sum = allocation.parts.reduce((acc, part) => acc.plus(part.amount), new D(0));
        expect(sum.toNumber()).toBe(pot);
        for (const part of allocation.parts) {
          expect(part.amount.gte(SKANE.base[fund])).toBe(true);
          expect(part.amount.minus(part.exact).abs().lessThan(1)).toBe(true);
        }
      }),
    );
  });

  it('more pot never gives less: the exact parts grow, the rounded ones fall by at most the krona largest remainder may move (the Alabama paradox)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300_000_000 }), fc.integer({ min: 0, max: 50_000_000 }), (pot, more) => {
        const a = allocateByTable({ rows: rowsOf(DALARNA_TOTALS), pot, unit: 'krona' });
        const b = allocateByTable({ rows: rowsOf(DALARNA_TOTALS), pot: pot + more, unit: 'krona' });
        a.parts.forEach((part, i) => {
          expect(b.parts[i]!.exact.gte(part.exact)).toBe(true);
          expect(b.parts[i]!.amount.gte(part.amount.minus(1))).toBe(true);
        });
      }),
    );
  });

  it('a national estimate grows with the pot and the two parts always make up the pot', () => {
    fc.assert(
      fc.property(fc.integer({ min: 105_000_000, max: 900_000_000 }), fc.integer({ min: 0, max: 100_000_000 }), (pot, more) => {
        const at = (p: number) => estimateOneRecipient({ printed: JAMTLAND.samsjuklighet, printedPot: 200_000_000, printedBase: 5_000_000, recipients: 21, pot: p, unit: 'ore' });
        const [a, b] = [at(pot), at(pot + more)];
        expect(a.amount.plus(a.others).toNumber()).toBe(pot);
        expect(b.amount.gte(a.amount)).toBe(true);
        expect(a.amount.gte(5_000_000)).toBe(true);
      }),
    );
  });
});

describe('equal splits, percentages and counts from a total', () => {
  it.each<[number, number]>([
    [4_000_000, 6],
    [1_000_000, 3],
    [100, 7],
    [6, 6],
  ])('%i kr split equally by %i: whole kronor within one krona of the exact share, adding up to the pot', (pot, count) => {
    const split = splitEqually(pot, count, 'krona');
    const low = new D(pot).dividedBy(count).floor();
    const high = new D(pot).minus(low.times(count)).toNumber();
    expect(split.exact.toFixed(2)).toBe(new D(pot).dividedBy(count).toFixed(2));
    expect(split.parts.map((part) => part.toFixed())).toEqual([...Array(high).fill(low.plus(1).toFixed()), ...Array(count - high).fill(low.toFixed())]);
  });

  it('a percentage of an amount is exact', () => {
    // Dalarna 2020, the municipalities' "Utvecklingsinsatser utifrån handlingsplaner" together.
    const column = Object.values(DALARNA_HANDLINGSPLANER).reduce((sum, cell) => sum.plus(cell), new D(0));
    expect(percentOf(column.toFixed(), 10).toFixed()).toBe(column.times(10).dividedBy(100).toFixed());
    expect(percentOf('2000000', '12.5').toFixed()).toBe('250000');
  });

  it('an amount changed by a factor is exact, to the last öre and beyond', () => {
    // Jämtland 2020 in total (002) 5 % more; Mora 2020 (001) 20 % more; a quarter less.
    expect(scaledBy('11537156.91', '1.05').toFixed()).toBe('12114014.7555');
    expect(scaledBy(593461, '1.2').toFixed()).toBe('712153.2');
    expect(scaledBy(7621404, '0.75').toFixed()).toBe('5716053');
  });

  it('a count is derived from a total and its unit cost only when it is whole', () => {
    // Skåne 2023: "250 000kr per Maria mottagningar, Totalt 1,5 mkr".
    expect(unitsInTotal(1_500_000, 250_000)).toBe(1_500_000 / 250_000);
    expect(unitsInTotal(1_500_000, 400_000)).toBeUndefined();
    expect(unitsInTotal(1_500_000, 0)).toBeUndefined();
  });
});
