// What-if questions in chat and `npm run ask`: an estimate with the document's own key, its shares,
// rounding and sources, or a plain "cannot" that names what is missing. Expected figures are worked
// out here from the figures the documents print.
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { amountsInText, readHypothetical } from '../../src/brain/hypothetical.js';
import { converse, visible } from './ask.js';

const D = Decimal.clone({ precision: 60 });

/** "7 088 178 kr", "2 401 275,88 kr" (sv) or "SEK 1,781,599" (en), as a person reads them. */
function kr(value: Decimal.Value, lang: 'sv' | 'en' = 'sv'): string {
  const amount = new D(value);
  const places = amount.isInteger() ? 0 : 2;
  const [whole, fraction] = amount.toFixed(places).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+$)/g, lang === 'sv' ? ' ' : ',');
  return lang === 'sv' ? `${grouped}${fraction ? `,${fraction}` : ''} kr` : `SEK ${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** Half-up to the unit: the documents' own rounding, used where one recipient is far from any tie. */
function round(value: Decimal, places = 0): Decimal {
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

// Printed figures (see tests/allocation/whatif.test.ts for where they stand).
const SK_SUICID = { nordost: 2646478, nordvast: 5111884, mellersta: 4246828, malmo: 5052438, sydost: 1425859, sydvast: 1524645 };
const SK_SAMVERKAN = { nordost: 1142432, nordvast: 2206699, mellersta: 1833271, malmo: 2181037, sydost: 615515, sydvast: 658159 };
const SK_BRUKAR = { nordost: 26454, nordvast: 51098, mellersta: 42451, malmo: 50504, sydost: 14253, sydvast: 15240 };
const sum = (cells: Record<string, number>) => Object.values(cells).reduce((a, b) => a + b, 0);
const ROWS_BY_POPULATION = (id: keyof typeof SK_SUICID) => SK_SUICID[id] + SK_SAMVERKAN[id] + SK_BRUKAR[id];
const ALL_BY_POPULATION = sum(SK_SUICID) + sum(SK_SAMVERKAN) + sum(SK_BRUKAR);
const DALARNA_MUNICIPAL_SUM = 197452 + 293242 + 299754 + 459849 + 318737 + 201173 + 204342 + 316470 + 593461 + 1726309 + 1526386 + 323040 + 449703 + 674017 + 782627;

interface Case {
  say: string;
  lang?: 'sv' | 'en';
  includes: string[];
  excludes?: string[];
}

describe('what-if questions are answered as estimates with the document\u2019s own key', () => {
  const skane: Case[] = [
    {
      say: 'If the Skåne suicide prevention money beyond the base were 25 MSEK, how much would Sydost get from that part?',
      lang: 'en',
      includes: [kr(round(new D(25_000_000).times(1425859).dividedBy(sum(SK_SUICID))), 'en'), 'Estimate, not a decision', 'largest remainder', `SEK ${(20008132).toLocaleString('en-US')}`],
    },
    {
      say: 'Om summan till delregionerna vore 50 mkr med samma bas, hur mycket skulle Nordost få?',
      includes: [kr(round(new D(2_300_000).plus(new D(50_000_000 - 6 * 2_300_000).times(ROWS_BY_POPULATION('nordost')).dividedBy(ALL_BY_POPULATION)))), 'Uppskattning, inget beslut', '6 × 2 300 000 kr i bas + 36 200 000 kr efter befolkning', 'Modell enligt dokumentet'],
    },
    {
      say: 'vad får Malmö om potten är 25 mkr',
      includes: [kr(round(new D(2_300_000).plus(new D(25_000_000 - 6 * 2_300_000).times(ROWS_BY_POPULATION('malmo')).dividedBy(ALL_BY_POPULATION)))), 'rekonstruerat, tryckt som ”50508”'],
    },
    {
      say: 'Om potten för suicidprevention i Skåne vore 25 mkr, hur mycket skulle Malmö få?',
      includes: [kr(round(new D(1_000_000).plus(new D(25_000_000 - 6 * 1_000_000).times(5052438).dividedBy(sum(SK_SUICID))))), 'samma bas som i dokumentet (1 000 000 kr per delregion)'],
    },
    {
      say: 'Om samverkansmedlen till delregionerna vore 9 mkr, vad skulle Sydväst få?',
      includes: [kr(round(new D(1_000_000).plus(new D(9_000_000 - 6 * 1_000_000).times(658159).dividedBy(sum(SK_SAMVERKAN)))))],
    },
    {
      say: 'Om basen för samverkan var 1,5 mkr per delregion, hur mycket bas totalt?',
      includes: ['9 000 000 kr', '6 × 1 500 000 kr', `${kr(6_000_000 + 8637112 - 9_000_000)} att fördela efter befolkning`],
    },
    {
      say: 'Om basen för suicidprevention vore 2 mkr per delregion, vad får Sydost?',
      includes: [kr(round(new D(2_000_000).plus(new D(6_000_000 + 20008132 - 12_000_000).times(1425859).dividedBy(sum(SK_SUICID)))))],
    },
    {
      say: 'If the user participation money to the sub-regions were SEK 3 million, what would Nordväst get?',
      lang: 'en',
      includes: [kr(round(new D(300_000).plus(new D(3_000_000 - 6 * 300_000).times(51098).dividedBy(sum(SK_BRUKAR)))), 'en'), 'reconstructed, printed as “s1098”'],
    },
  ];
  const dalarna: Case[] = [
    { say: "what would Falun get if Dalarna's municipal money were 20 million?", lang: 'en', includes: [kr(round(new D(20_000_000).times(1726309).dividedBy(DALARNA_MUNICIPAL_SUM)), 'en'), `SEK ${DALARNA_MUNICIPAL_SUM.toLocaleString('en-US')}`, 'No distribution key'] },
    { say: 'Om kommunernas medel i Dalarna vore 10 mkr, vad skulle Mora få?', includes: [kr(round(new D(10_000_000).times(593461).dividedBy(DALARNA_MUNICIPAL_SUM)))] },
    { say: 'Om medlen till kommunerna vore 12 miljoner, hur mycket skulle Orsa få?', includes: [kr(round(new D(12_000_000).times(201173).dividedBy(DALARNA_MUNICIPAL_SUM)))] },
  ];
  const national: Case[] = [
    {
      say: 'Om potten för ungdomsmottagningar nationellt vore 200 mkr i stället för 150 mkr, hur mycket skulle Jämtland få?',
      includes: [kr(round(new D('1800956.91').times(200).dividedBy(150), 2)), 'andel av befolkningen 0–25 år, härledd ur beloppet', '”Medlen fördelas utifrån andel av befolkningen som är 0-25 år i respektive region.”'],
    },
    {
      say: 'Om samsjuklighetspotten 2020 vore 300 mkr, med 5 mkr per län, vad får Jämtland?',
      includes: [kr(round(new D(5_000_000).plus(new D('6203183.05').minus(5_000_000).dividedBy(200_000_000 - 21 * 5_000_000).times(300_000_000 - 21 * 5_000_000)), 2)), 'antalet län är härlett ur brukarmedverkansnyckeln'],
    },
    {
      say: 'If the national comorbidity pot were SEK 250 million, what would Dalarna get?',
      lang: 'en',
      includes: [kr(round(new D(5_000_000).plus(new D('7649410.97').minus(5_000_000).dividedBy(95_000_000).times(250_000_000 - 105_000_000)), 2), 'en'), 'The key is quoted in Swedish'],
    },
    { say: 'Om Jämtland vore ett storstadslän, hur mycket skulle de få för brukarmedverkan 2020?', includes: ['2 000 000 kr', 'i stället för 1 000 000 kr', '25 000 000 kr i stället för 24 000 000 kr'] },
    { say: 'If Jämtland were a metropolitan county, how much would it get for user participation in 2020?', lang: 'en', includes: ['SEK 2,000,000'] },
    { say: 'Om ungdomsmottagningspotten vore 3,5 miljarder, vad skulle Dalarna få?', includes: [kr(round(new D('3945120.95').times(3_500_000_000).dividedBy(150_000_000), 2))] },
  ];
  const unitCosts: Case[] = [
    { say: 'Om vi hade 8 Maria mottagningar, vad skulle det kosta?', includes: [kr(8 * 250_000), '”250 000 kr per Maria mottagningar”'] },
    { say: 'Vad skulle det kosta att utbilda tio instruktörer i Första hjälpen?', includes: [`ca ${kr(10 * 20_000)}`, '”ca 20 000 kr per person”', 'ungefärlig'] },
  ];

  it.each([...skane, ...dalarna, ...national, ...unitCosts].map((c) => [c.say, c] as const))('%s', (_say, c) => {
    const reply = converse([c.say], c.lang);
    const shown = visible(reply);
    expect(reply.kind).not.toBe('unknown');
    expect(reply.lang).toBe(c.lang ?? 'sv');
    for (const text of c.includes) expect(shown).toContain(text);
    for (const text of c.excludes ?? []) expect(shown).not.toContain(text);
    expect(shown).toMatch(c.lang === 'en' ? /Estimate/ : /Uppskattning/);
    expect(reply.sources.length).toBeGreaterThan(0);
  });
});

describe('a what-if the documents give no key for is refused by name, with no figure', () => {
  it.each<[string, string[], string[]]>([
    ['Om suicidpreventionspotten 2020 vore 300 mkr, vad får Jämtland?', ['Jag kan inte räkna fram det', 'ingen fördelningsnyckel', 'suicidprevention'], ['2 533 016']],
    ['Om brukarmedverkanspotten vore 30 mkr, vad skulle Dalarna få?', ['fasta belopp', 'anger dokumentet inte'], ['1 000 000 kr']],
    ['Om ungdomsmottagningspotten vore 200 mkr med 5 mkr per län, vad får Jämtland?', ['ingen bas per län'], ['1 800 956']],
    ['Om potten till kommunerna i Dalarna vore 10 mkr med 100 000 kr per kommun, vad får Mora?', ['har ingen bas'], ['593 461']],
    ['Om samsjuklighetspotten 2022 vore 300 mkr, vad får Dalarna?', ['bara för 2020'], ['7 621 404']],
    ['Om samsjuklighetspotten 2020 vore 300 mkr, vad får Skåne?', ['inget belopp för Skåne'], []],
    ['Vad skulle Mora få om potten vore större?', ['inget nytt belopp'], ['593 461']],
  ])('%s', (say, includes, excludes) => {
    const reply = converse([say]);
    expect(reply.kind).toBe('unknown');
    expect(reply.figure).toBeUndefined();
    const shown = visible(reply);
    for (const text of includes) expect(shown).toContain(text);
    for (const text of excludes) expect(shown).not.toContain(text);
  });
});

describe('amounts are read as people write them', () => {
  it.each<[string, 'sv' | 'en', string]>([
    ['25 mkr', 'sv', '25000000'],
    ['25 miljoner', 'sv', '25000000'],
    ['3,5 Mkr', 'sv', '3500000'],
    ['2 500 000 kr', 'sv', '2500000'],
    ['2,5 miljarder', 'sv', '2500000000'],
    ['SEK 25 million', 'en', '25000000'],
    ['25M', 'en', '25000000'],
    ['100 MSEK', 'en', '100000000'],
    ['SEK 25,000,000', 'en', '25000000'],
    ['1 000 000,50 kr', 'sv', '1000000.5'],
    ['500 tkr', 'sv', '500000'],
    ['2.5 million', 'en', '2500000'],
  ])('"%s" is %s kr', (text, lang, expected) => {
    expect(amountsInText(`om potten vore ${text}`, lang).map((amount) => amount.amount.toFixed())).toEqual([expected]);
  });

  it('a year or a bare count is not an amount', () => {
    expect(amountsInText('Om samsjuklighetspotten 2020 vore 8 mottagningar', 'sv')).toEqual([]);
  });

  it('tells the new pot from the base per recipient and from the pot it replaces', () => {
    const h = readHypothetical('Om potten vore 300 mkr i stället för 200 mkr, med 5 mkr per län', 'sv');
    expect([h.pot?.amount.toFixed(), h.replaced?.amount.toFixed(), h.base?.amount.toFixed(), h.base?.perKind]).toEqual(['300000000', '200000000', '5000000', 'county']);
    const beyond = readHypothetical('If the money beyond the base were 25 MSEK', 'en');
    expect([beyond.pot?.amount.toFixed(), beyond.base]).toEqual(['25000000', undefined]);
  });
});
