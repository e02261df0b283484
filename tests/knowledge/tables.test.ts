// The store answers with the figures exactly as the documents print them. Every expected figure
// below is copied from the source texts (src/knowledge/sources).
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { loadKnowledge, type AmountFact } from '../../src/knowledge/index.js';
import { kr } from './helpers.js';

const { store } = loadKnowledge();

function only(facts: AmountFact[], fund: string): AmountFact {
  const found = facts.filter((fact) => fact.fund === fund);
  expect(found, fund).toHaveLength(1);
  return found[0]!;
}

// 001_74a662b3024a3357.txt, "Medel till kommunerna": Utvecklingsinsatser utifrån handlingsplaner,
// Kunskapsbas. HoS/Soc.tjänst, Avrundat belopp.
const MUNICIPALITIES_2020: [place: string, handlingsplaner: string, kunskapsbaserad: string, total: string][] = [
  ['vansbro', '131 634,63 kr', '65 817,31 kr', '197 452 kr'],
  ['malung-salen', '195 494,48 kr', '97 747,24 kr', '293 242 kr'],
  ['gagnef', '199 835,79 kr', '99 917,89 kr', '299 754 kr'],
  ['leksand', '306 566,04 kr', '153 283,02 kr', '459 849 kr'],
  ['rattvik', '212 491,47 kr', '106 245,74 kr', '318 737 kr'],
  ['orsa', '134 115,38 kr', '67 057,69 kr', '201 173 kr'],
  ['alvdalen', '136 227,89 kr', '68 113,94 kr', '204 342 kr'],
  ['smedjebacken', '210 979,77 kr', '105 489,88 kr', '316 470 kr'],
  ['mora', '395 640,36 kr', '197 820,18 kr', '593 461 kr'],
  ['falun', '1 150 872,72 kr', '575 436,36 kr', '1 726 309 kr'],
  ['borlange', '1 017 590,72 kr', '508 795,36 kr', '1 526 386 kr'],
  ['sater', '215 359,83 kr', '107 679,92 kr', '323 040 kr'],
  ['hedemora', '299 802,13 kr', '149 901,07 kr', '449 703 kr'],
  ['avesta', '449 344,65 kr', '224 672,33 kr', '674 017 kr'],
  ['ludvika', '521 751,45 kr', '260 875,72 kr', '782 627 kr'],
];

/** "1 150 872,72 kr" → "1150872.72" (two decimals), written out independently of parseSek. */
function plain(printed: string): string {
  const [whole = '', fraction = '00'] = printed.replace(/ kr$/, '').replace(/ /g, '').split(',');
  return `${whole}.${fraction.padEnd(2, '0')}`;
}

describe('Dalarna 2020: the 15 municipalities', () => {
  it('has one row per municipality', () => {
    expect(MUNICIPALITIES_2020).toHaveLength(15);
    expect(new Set(MUNICIPALITIES_2020.map(([place]) => place)).size).toBe(15);
  });

  it.each(MUNICIPALITIES_2020)('%s: %s + %s, rounded %s', (place, handlingsplaner, kunskapsbaserad, total) => {
    const facts = store.amounts({ place, year: 2020 });
    expect(facts).toHaveLength(3);
    const parts = [
      [only(facts, 'kommun-handlingsplaner'), handlingsplaner],
      [only(facts, 'kommun-kunskapsbaserad'), kunskapsbaserad],
    ] as const;
    for (const [fact, printed] of parts) {
      expect(kr(fact.amount)).toBe(plain(printed));
      expect(fact.printed).toBe(printed);
      expect(fact.status).toBe('stated');
      expect(fact.table?.id).toBe('dalarna-2020-kommuner');
      expect(fact.source.document.file).toBe('001_74a662b3024a3357.txt');
    }
    const rounded = only(facts, 'kommunmedel');
    expect(kr(rounded.amount)).toBe(plain(total));
    expect(rounded.printed).toBe(total);
    expect(rounded.status).toBe('stated');
    expect(rounded.components.map((c) => c.fund)).toEqual(['kommun-handlingsplaner', 'kommun-kunskapsbaserad']);
    // "Avrundat belopp": the parts added and rounded to whole kronor.
    expect(parts[0][0].amount.plus(parts[1][0].amount).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).equals(rounded.amount)).toBe(true);
  });
});

type FundRow = [fund: string, amount: string, printed: string];

function expectCountyTable(place: string, year: number, tableId: string, rows: FundRow[], total?: FundRow): void {
  const facts = store.amounts({ place, year }).filter((fact) => fact.table?.id === tableId);
  expect(facts).toHaveLength(rows.length + (total ? 1 : 0));
  for (const [fund, amount, printed] of rows) {
    const fact = only(facts, fund);
    expect(fact.amount.equals(new Decimal(amount)), `${fund} ${fact.amount.toFixed()}`).toBe(true);
    expect(fact.printed).toBe(printed);
    expect(fact.status).toBe('stated');
  }
  if (total) {
    const [fund, amount, printed] = total;
    const fact = only(facts, fund);
    expect(kr(fact.amount)).toBe(kr(amount));
    expect(fact.printed).toBe(printed);
    expect(fact.components.map((c) => c.fund)).toEqual(rows.map(([f]) => f));
  }
}

describe('county-wide funds (länsgemensamma medel)', () => {
  it('Dalarna 2020: four funds and the rounded 18 172 239 kr', () => {
    expectCountyTable(
      'dalarna',
      2020,
      'dalarna-2020-lansgemensamt',
      [
        ['samsjuklighet', '7649410.97', '7 649 410,97 kr'],
        ['brukarmedverkan', '1000000.00', '1 000 000,00 kr'],
        ['suicidprevention', '5577707.31', '5 577 707,31 kr'],
        ['ungdomsmottagningar', '3945120.95', '3 945 120,95 kr'],
      ],
      ['lansgemensamt', '18172239', '18 172 239 kr'],
    );
  });

  it('Dalarna 2020: the four funds add up to 18 172 239,23 kr, printed rounded as 18 172 239 kr', () => {
    const facts = store.amounts({ place: 'dalarna', year: 2020 }).filter((fact) => fact.fund !== 'lansgemensamt');
    expect(facts).toHaveLength(4);
    const sum = facts.reduce((acc, fact) => acc.plus(fact.amount), new Decimal(0));
    expect(sum.toFixed(2)).toBe('18172239.23');
    expect(sum.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).equals(only(store.amounts({ place: 'dalarna', year: 2020 }), 'lansgemensamt').amount)).toBe(true);
  });

  it('Dalarna 2022: four funds, and "drygt 18 mkr" kept as an approximate figure', () => {
    expectCountyTable('dalarna', 2022, 'dalarna-2022-lansgemensamt', [
      ['samsjuklighet', '7621404', '7 621 404 kr'],
      ['brukarmedverkan', '1000000', '1 000 000 kr'],
      ['suicidprevention', '5518744', '5 518 744 kr'],
      ['ungdomsmottagningar', '3878680', '3 878 680 kr'],
    ]);
    const drygt = only(store.amounts({ place: 'dalarna', year: 2022, fund: 'lansgemensamt' }), 'lansgemensamt');
    expect(drygt.approximate).toBe(true);
    expect(drygt.printed).toBe('18 mkr');
    expect(kr(drygt.amount)).toBe('18000000.00');
  });

  it('Jämtland 2020: four funds and TOTALT 11 537 156,91', () => {
    expectCountyTable(
      'jamtland',
      2020,
      'jamtland-2020-lansgemensamt',
      [
        ['samsjuklighet', '6203183.05', '6 203 183, 05'],
        ['brukarmedverkan', '1000000.00', '1 000 000, 00'],
        ['suicidprevention', '2533016.95', '2 533 016, 95'],
        ['ungdomsmottagningar', '1800956.91', '1 800 956,91'],
      ],
      ['lansgemensamt', '11537156.91', '11 537 156, 91'],
    );
  });
});

describe('national pots 2020 (Sverige)', () => {
  const POTS: FundRow[] = [
    ['samsjuklighet', '200000000', '200 Mkr'],
    ['brukarmedverkan', '24000000', '24 Mkr'],
    ['suicidprevention', '200000000', '200 Mkr'],
    ['ungdomsmottagningar', '150000000', '150 Mkr'],
    ['overenskommelsen', '1716000000', '1 716 Mkr'],
  ];

  it.each(POTS)('%s: %s kr, printed "%s"', (fund, amount, printed) => {
    const fact = only(store.amounts({ place: 'sverige', year: 2020 }), fund);
    expect(fact.amount.equals(new Decimal(amount))).toBe(true);
    expect(fact.printed).toBe(printed);
    expect(fact.status).toBe('stated');
    expect(fact.source.document.file).toBe('002_095eae0b221900fb.txt');
  });

  it('holds nothing else for Sverige', () => {
    expect(store.amounts({ place: 'sverige' })).toHaveLength(POTS.length);
  });
});
