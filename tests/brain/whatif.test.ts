// What-if questions in chat and `npm run ask`: an estimate with the document's own key, its shares,
// rounding and sources, or a plain "cannot" that names what is missing. Expected figures are worked
// out here from the figures the documents print.
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { amountsInText, readHypothetical } from '../../src/brain/hypothetical.js';
import { converse, visible } from './ask.js';
import { kr } from '../support/amounts.js';

const D = Decimal.clone({ precision: 60 });

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
      includes: [kr(round(new D(2_300_000).plus(new D(25_000_000 - 6 * 2_300_000).times(ROWS_BY_POPULATION('malmo')).dividedBy(ALL_BY_POPULATION)))), 'tryckt som ”50508”'], excludes: ['rekonstruerat, tryckt som'],
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
      includes: [kr(round(new D(300_000).plus(new D(3_000_000 - 6 * 300_000).times(51098).dividedBy(sum(SK_BRUKAR)))), 'en'), 'printed as “s1098”'], excludes: [kr(300_000 + 51098, 'en')],
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
    { say: 'Om Jämtland vore ett storstadslän, hur mycket skulle de få för brukarmedverkan 2020?', includes: ['2 000 000 kr', '25 000 000 kr i stället för 24 000 000 kr'], excludes: ['i stället för 1 000 000 kr'] },
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
    // Terms set up without "om … vore": still refused by name when no key is stated.
    ['Anta att suicidpreventionspotten 2020 var 300 mkr, vad får Jämtland?', ['Jag kan inte räkna fram det', 'ingen fördelningsnyckel'], ['2 533 016']],
    ['Suicidprevention 300 mkr nationellt, 5 mkr per län – vad får Jämtland 2020?', ['Jag kan inte räkna fram det', 'ingen fördelningsnyckel'], ['2 533 016']],
    ['Om brukarmedverkanspotten vore 30 mkr, vad skulle Dalarna få?', ['fasta belopp', 'anger dokumentet inte'], ['1 000 000 kr']],
    ['Om ungdomsmottagningspotten vore 200 mkr med 5 mkr per län, vad får Jämtland?', ['ingen bas per län'], ['1 800 956']],
    ['Om potten till kommunerna i Dalarna vore 10 mkr med 100 000 kr per kommun, vad får Mora?', ['har ingen bas'], ['593 461']],
    ['Om samsjuklighetspotten 2022 vore 300 mkr, vad får Dalarna?', ['bara för 2020'], ['7 621 404']],
    ['Om samsjuklighetspotten 2020 vore 300 mkr, vad får Skåne?', ['inget belopp för Skåne'], []],
    ['Vad skulle Mora få om potten vore större?', ['inget nytt belopp'], ['593 461']],
    // A county's own total is not a pot any key divides (002: each part of Jämtland's 11 537 156,91 kr has its own national key).
    ['om länsgemensamma medel i Jämtland var 12 mkr, hur mycket blir samsjuklighet?', ['fördelar inte Jämtlands totala medel', 'nationella potten'], ['6 203 183', '105 000 000']],
    ["if Jämtland's county funds were 12 mkr, how much for comorbidity?", ["split Jämtland's total funds by no key"], ['6,203,183']],
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

// Printed figures of the new cases (see tests/allocation/whatif.test.ts for the tables).
const JAMTLAND_2020 = { samsjuklighet: '6203183.05', brukarmedverkan: '1000000', suicidprevention: '2533016.95', ungdomsmottagningar: '1800956.91', totalt: '11537156.91' };
const DALARNA_SAMSJUKLIGHET = '7649410.97';
/** Jämtland memo, "Bakgrund": "5 Mkr per län och resten fördelat efter befolkningsmängd"; "1 Mkr per län förutom de tre storstadslänen som får vardera 2 Mkr". */
const KEY_BASE = 5_000_000;
const METROPOLITAN = 2_000_000;
/** Skåne 2023, the model: 1 mkr samverkan, 0,3 mkr brukarmedverkan, 1 mkr suicidprevention per sub-region; six sub-regions. */
const SK_BASE = { samverkan: 1_000_000, brukarmedverkan: 300_000, suicidprevention: 1_000_000 };
const SK_BASE_PER_ROW = SK_BASE.samverkan + SK_BASE.brukarmedverkan + SK_BASE.suicidprevention;
const SK_ROWS = 6;
/** Skåne 2023 in total, printed (003): the model's pot. */
const SK_POT = 42_645_244;
const NORDOST_TOTAL = 6115364;
/** Skåne 2023: "4 mkr används för skånegemensamt utvecklingsarbete"; "250 000kr per Maria mottagningar, Totalt 1,5 mkr". */
const SKANEGEMENSAMT = 4_000_000;
const MARIA = { perUnit: 250_000, total: 1_500_000 };
/** Dalarna 2018, 1.6: "utbildningar kostar ca 20 000 kr per/person"; "per medarbetare ca 1500 kr". */
const MHFA = { instructor: 20_000, employee: 1_500 };
/** Dalarna 2020, "Medel till kommunerna": "Utvecklingsinsatser utifrån handlingsplaner" per municipality. */
const DALARNA_HANDLINGSPLANER = ['131634.63', '195494.48', '199835.79', '306566.04', '212491.47', '134115.38', '136227.89', '210979.77', '395640.36', '1150872.72', '1017590.72', '215359.83', '299802.13', '449344.65', '521751.45'];

/** Whole kronor by largest remainder for an equal split: the floor, and how many get one krona more. */
function equalParts(pot: number, count: number): { high: Decimal; low: Decimal; highCount: number } {
  const low = new D(pot).dividedBy(count).floor();
  const highCount = new D(pot).minus(low.times(count)).toNumber();
  return { high: low.plus(1), low, highCount };
}

describe('what-ifs worked out without a key: equal splits, unit costs, percentages, the model and changed bases', () => {
  const split = equalParts(SKANEGEMENSAMT, SK_ROWS);
  const handlingsplaner = DALARNA_HANDLINGSPLANER.reduce((sum, cell) => sum.plus(cell), new D(0));
  const suicidShares = sum(SK_SUICID);
  const cases: { turns: string[]; lang?: 'sv' | 'en'; figure: string; includes: string[]; excludes?: string[] }[] = [
    // 1. A category said in other words, and the total it changes carried into the next turn.
    { turns: ['Om Jämtland hade räknats som storstadslän, hur mycket hade de fått för brukarmedverkan 2020?'], figure: kr(METROPOLITAN), includes: ['storstadslän'], excludes: ['i stället för 1 000 000 kr'] },
    { turns: ['If Jämtland were counted as a metropolitan county, what would it get for user participation in 2020?'], lang: 'en', figure: kr(METROPOLITAN, 'en'), includes: ['storstadslänen'], excludes: ['instead of SEK 1,000,000'] },
    {
      turns: ['Om Jämtland hade räknats som storstadslän, hur mycket hade de fått för brukarmedverkan 2020?', 'och vad hade Jämtlands totala belopp då blivit?'],
      figure: kr(new D(JAMTLAND_2020.totalt).minus(JAMTLAND_2020.brukarmedverkan).plus(METROPOLITAN)),
      includes: [`${kr(JAMTLAND_2020.totalt)} − ${kr(JAMTLAND_2020.brukarmedverkan)} + ${kr(METROPOLITAN)}`],
    },
    // 2. An equal split, exact and in whole kronor.
    {
      turns: ['Om de 4 mkr till skånegemensamma satsningar i stället delats lika mellan de sex delregionerna, hur mycket per delregion?'],
      figure: kr(round(new D(SKANEGEMENSAMT).dividedBy(SK_ROWS), 2)),
      includes: [`${kr(split.high)} till ${split.highCount}`, `${kr(split.low)} till ${SK_ROWS - split.highCount}`, 'största resten'],
    },
    { turns: ['If the 4 million for Skåne-wide work were split equally among the six sub-regions, how much would each get?'], lang: 'en', figure: kr(round(new D(SKANEGEMENSAMT).dividedBy(SK_ROWS), 2), 'en'), includes: ['split equally by 6'] },
    // 3. A unit cost changed, the count derived from the printed total.
    {
      turns: ['Om varje Mariamottagning hade fått 300 000 kr i stället för 250 000 kr, vad hade det blivit totalt?'],
      figure: kr((MARIA.total / MARIA.perUnit) * 300_000),
      includes: [`${MARIA.total / MARIA.perUnit} (härlett ur dokumentet`],
    },
    // 4. The 2018 plan's unit costs.
    { turns: ['If MHFA instructor training costs about 20 000 kr per person, what would 3 instructors cost?'], lang: 'en', figure: `about ${kr(3 * MHFA.instructor, 'en')}`, includes: ['“ca 20 000 kr per person”'] },
    { turns: ['Vad skulle det kosta att utbilda 5 MHFA-instruktörer enligt kostnaden i 2018 års plan?'], figure: `ca ${kr(5 * MHFA.instructor)}`, includes: ['”ca 20 000 kr per person”'] },
    // English nouns read through the glossary ("instructors" → "instruktörer").
    { turns: ['What would training 4 MHFA instructors cost, according to the 2018 plan?'], lang: 'en', figure: `about ${kr(4 * MHFA.instructor, 'en')}`, includes: ['“ca 20 000 kr per person”'] },
    { turns: ['Om 80 medarbetare per år utbildas i Första hjälpen, vad blir kostnaden per år för arbetsgivarna?'], figure: `ca ${kr(80 * MHFA.employee)}`, includes: [`ca ${kr(80 * MHFA.employee)} per år`, '”ca 1500 kr per medarbetare”'] },
    // 5. A percentage of the municipalities' column, summed from its printed cells.
    {
      turns: ['Om Dalarnas kommuner tillsköt 10 % av sina medel för utvecklingsinsatser 2020 till en gemensam samordnare, hur mycket blir det?'],
      figure: kr(round(handlingsplaner.times(10).dividedBy(100), 2)),
      includes: [kr(handlingsplaner), 'de 15 kommunernas belopp'],
    },
    // 6. The Skåne model's structure.
    { turns: ['Om en sjunde delregion tillkom i Skåne med samma basmodell, hur mycket basmedel skulle den få sammanlagt?'], figure: kr(SK_BASE_PER_ROW), includes: ['invånarantalet per delregion står inte i dokumentet'] },
    // 8. An amount changed by a percentage or a multiple: the printed figure times the change.
    { turns: ['om mora fick 20 % mer 2020, hur mycket blir det'], figure: kr(new D(593_461).times(1.2)), includes: ['20 % mer än Moras belopp', '× 1,2'], excludes: ['593 461'] },
    { turns: ["If Falun's 2020 allocation were doubled, what would it be?"], lang: 'en', figure: kr(1_726_309 * 2, 'en'), includes: ["twice as much as Falun's amount"], excludes: ['1,726,309'] },
    { turns: ["If Dalarna's 2022 co-morbidity money were cut by 25 %, what's left?"], lang: 'en', figure: kr(new D(7_621_404).times(0.75), 'en'), includes: ["25% less than Dalarna's amount"], excludes: ['7,621,404'] },
    // The 15 municipalities' amounts together (001), 10 % more.
    { turns: ['If the whole Dalarna municipal pot for 2020 grew by 10 %, what would the total be?'], lang: 'en', figure: kr(new D(DALARNA_MUNICIPAL_SUM).times(1.1), 'en'), includes: [kr(DALARNA_MUNICIPAL_SUM, 'en')] },
    // Jämtland 2020 in total, 11 537 156,91 kr (002), 5 % more, to whole öre.
    { turns: ['om jämtlands totala 2020 ökade med 5 %'], figure: kr(round(new D(JAMTLAND_2020.totalt).times(1.05), 2)), includes: ['avrundat till hela ören'] },
    // A follow-up changes the amount just given: Dalarna suicidprevention 2022, 5 518 744 kr (000).
    { turns: ['What did Dalarna get for suicide prevention in 2022?', 'and what if it were 10 % higher?'], lang: 'en', figure: kr(new D(5_518_744).times(1.1), 'en'), includes: ['× 1.1'], excludes: ['SEK 5,518,744'] },
    // An equal split of what the municipalities get together, named as "dalakommunerna" (001: 8 366 562 kr, 15 municipalities).
    { turns: ['Om dalakommunerna fått lika mycket var 2020, vad hade varje kommun fått?'], figure: kr(round(new D(DALARNA_MUNICIPAL_SUM).dividedBy(15), 2)), includes: ['delat lika på 15', kr(DALARNA_MUNICIPAL_SUM)] },
    // An item changed inside a total (003: "MHFA instruktörsutbildning 600 000kr" of Skånegemensamt 4 mkr): the total moves by the item's change.
    { turns: ['Om MHFA-instruktörsutbildningen i Skåne halverades, vad blir det skånegemensamma totalt?'], figure: kr(4_000_000 - 600_000 / 2), includes: ['i stället för 4 mkr'] },
    // "that pot" after a question about the youth clinic key is that fund's national pot (002: 150 Mkr, pro rata).
    { turns: ['Hur fördelas ungdomsmottagningsmedlen 2020?', 'och om den potten vore 180 mkr, vad hade Jämtland fått?'], figure: kr(round(new D(JAMTLAND_2020.ungdomsmottagningar).times(180).dividedBy(150), 2)), includes: ['i stället för 150 000 000 kr'] },
    // One recipient's printed part replaced, the rest unchanged: Nordost 2023 in total 6 115 364 (003), its
    // samverkan base 1 000 000 replaced by 1 200 000.
    { turns: ['Om Nordost fick 1,2 mkr i bas för samsjuklighet i stället för 1 mkr och resten vore oförändrat, vad får Nordost totalt?'], figure: kr(6_115_364 + 200_000), includes: ['och resten oförändrat'], excludes: ['i stället för 6 115 364 kr'] },
    // A changed pot of the Skåne model is re-run through the model, not scaled row by row.
    {
      turns: ['om potten i Skåne ökade med 10 %, vad får Malmö?'],
      figure: kr(round(new D(2_300_000).plus(new D(SK_POT).times(1.1).minus(SK_ROWS * 2_300_000).times(ROWS_BY_POPULATION('malmo')).dividedBy(ALL_BY_POPULATION)), 2)),
      includes: ['dokumentets pott × 1,1'],
    },
    // 9. A national pot changed in a follow-up, and a county's fund re-run with its national key: the
    // ungdomsmottagningar key is pro rata (002: 150 Mkr by the share of 0–25-year-olds), so the amount scales.
    { turns: ['Hur mycket fick Jämtland för ungdomsmottagningar 2020?', 'och om potten varit 210 mkr i stället, vad hade vi fått?'], figure: kr(round(new D(JAMTLAND_2020.ungdomsmottagningar).times(210).dividedBy(150), 2)), includes: ['i stället för 150 000 000 kr'] },
    { turns: ['om Dalarnas ungdomsmottagningsmedel 2020 räknades med samma nyckel men en pott på 120 mkr, vad blir det?'], figure: kr(round(new D('3945120.95').times(120).dividedBy(150), 2)), includes: ['120 000 000 kr'] },
    // 7. A changed base: the document's pot re-split, and the printed part by population kept.
    {
      turns: ['Om basen för suicidprevention i Skåne hade varit 1,5 mkr per delregion i stället för 1 mkr, vad hade Nordost fått inkl. bas?'],
      figure: kr(round(new D(1_500_000).plus(new D(SK_ROWS * SK_BASE.suicidprevention + suicidShares - SK_ROWS * 1_500_000).times(SK_SUICID.nordost).dividedBy(suicidShares)))),
      includes: ['(a) Samma pott', '(b) Delen efter befolkning som i tabellen', kr(1_500_000 + SK_SUICID.nordost)],
    },
  ];
  it.each(cases.map((c) => [c.turns.join(' → '), c] as const))('%s', (_say, c) => {
    const reply = converse(c.turns, c.lang);
    const shown = visible(reply);
    expect(reply.kind).not.toBe('unknown');
    expect(reply.lang).toBe(c.lang ?? 'sv');
    expect(reply.figure?.replace(/[\u00a0\u202f]/g, ' ')).toBe(c.figure);
    for (const text of c.includes) expect(shown).toContain(text);
    for (const text of c.excludes ?? []) expect(shown).not.toContain(text);
    expect(shown).toMatch(c.lang === 'en' ? /Estimate/ : /Uppskattning/);
    expect(reply.sources.length).toBeGreaterThan(0);
  });

  it('a base the pot cannot cover is worked out with the printed part by population kept, and says the same pot cannot', () => {
    const reply = converse(["If Skåne's user-involvement base were 0.5 mkr instead of 0.3 mkr, how much would Sydost get for user involvement in total?"], 'en');
    const shown = visible(reply);
    expect(reply.kind).toBe('amount');
    expect(reply.figure?.replace(/[\u00a0\u202f]/g, ' ')).toBe(kr(500_000 + SK_BRUKAR.sydost, 'en'));
    expect(shown).toContain(`the bases come to ${SK_ROWS} × SEK 500,000 = ${kr(SK_ROWS * 500_000, 'en')}`);
    expect(shown).toContain(kr(sum(SK_BRUKAR) + SK_ROWS * 500_000, 'en'));
  });

  it('a count is derived from a printed total and its unit cost, and says so', () => {
    const reply = converse(['Hur många Mariamottagningar finansieras, givet 250 000 kr per mottagning?']);
    expect(reply.figure).toBe(String(MARIA.total / MARIA.perUnit));
    expect(visible(reply)).toContain('Antalet står inte i dokumentet');
  });
});

describe('parts of an actual amount are answered, not refused as what-ifs', () => {
  it.each<[string[], 'sv' | 'en', string, string]>([
    [['Samsjuklighetsmedlen fördelas med 5 Mkr per län och resten efter befolkning. Hur mycket av Dalarnas belopp 2020 är då befolkningsbaserat?'], 'sv', kr(new D(DALARNA_SAMSJUKLIGHET).minus(KEY_BASE)), 'härlett ur nyckeln'],
    [['Samsjuklighetsmedlen fördelas med 5 Mkr per län och resten efter befolkning. Hur mycket av Dalarnas belopp 2020 är då befolkningsbaserat?', 'samma för jämtland'], 'sv', kr(new D(JAMTLAND_2020.samsjuklighet).minus(KEY_BASE)), 'härlett ur nyckeln'],
    [["If Jämtland's co-morbidity base were 5 Mkr, how much of its 2020 amount is population-based?"], 'en', kr(new D(JAMTLAND_2020.samsjuklighet).minus(KEY_BASE), 'en'), 'derived from the key'],
    [['What would the total base money be across all six Skåne sub-regions?'], 'en', kr(SK_ROWS * SK_BASE_PER_ROW, 'en'), `${SK_ROWS} sub-regions × ${kr(SK_BASE_PER_ROW, 'en')}`],
    [['If Nordost had no base amounts at all, what would its total be?'], 'en', kr(NORDOST_TOTAL - SK_BASE_PER_ROW, 'en'), kr(NORDOST_TOTAL, 'en')],
    [['Hur mycket skulle Mora få om bara utvecklingsinsatsdelen betalades ut?'], 'sv', kr('395640.36'), kr(593461)],
  ])('%s', (turns, lang, figure, words) => {
    const reply = converse(turns, lang);
    expect(reply.kind).toBe('amount');
    expect(reply.figure?.replace(/[\u00a0\u202f]/g, ' ')).toBe(figure);
    expect(visible(reply)).toContain(words);
    expect(reply.sources.length).toBeGreaterThan(0);
  });
});

describe('a category is read however it is said', () => {
  it.each<[string, 'sv' | 'en']>([
    ['Om Jämtland vore ett storstadslän', 'sv'],
    ['Om Jämtland hade räknats som storstadslän', 'sv'],
    ['Om Jämtland klassades som ett storstadslän', 'sv'],
    ['If Jämtland were counted as a metropolitan county', 'en'],
    ['If Jämtland was treated as a metropolitan county', 'en'],
  ])('%s', (text, lang) => {
    expect(readHypothetical(text, lang).category?.[0]).toBe(lang === 'sv' ? 'storstadslan' : 'storstad');
  });
});

/** A share as the derivation writes it: percent with four decimals, "7,6201 %" (sv) or "7.6201%" (en). */
function pct(part: Decimal.Value, whole: Decimal.Value, lang: 'sv' | 'en' = 'sv'): string {
  const value = new D(part).dividedBy(whole).times(100).toFixed(4);
  return lang === 'sv' ? `${value.replace('.', ',')} %` : `${value}%`;
}

describe('a what-if answers the question asked: the estimate, the key, the shares, never the recipient’s amount today', () => {
  /** The counties of the 2020 keys: the user-participation key's 24 Mkr as 1 Mkr each and 2 Mkr for the three metropolitan counties. */
  const COUNTIES = (24_000_000 - 3 * METROPOLITAN) / 1_000_000 + 3;
  const basePlus = (printed: string, base: number, pot: number) =>
    round(new D(base).plus(new D(printed).minus(KEY_BASE).dividedBy(200_000_000 - COUNTIES * KEY_BASE).times(pot - COUNTIES * base)), 2);
  // Whole kronor by largest remainder over all 15 municipalities (001), so that the parts add up to the pot.
  const MUNICIPAL = [197452, 293242, 299754, 459849, 318737, 201173, 204342, 316470, 593461, 1726309, 1526386, 323040, 449703, 674017, 782627];
  const municipal = (pot: number, printed: number) => {
    const exact = MUNICIPAL.map((cell) => new D(pot).times(cell).dividedBy(DALARNA_MUNICIPAL_SUM));
    const left = new D(pot).minus(exact.reduce((total, part) => total.plus(part.floor()), new D(0))).toNumber();
    const up = exact.map((part, index) => ({ index, rest: part.minus(part.floor()) })).sort((a, b) => b.rest.comparedTo(a.rest)).slice(0, left).map(({ index }) => index);
    const index = MUNICIPAL.indexOf(printed);
    return exact[index]!.floor().plus(up.includes(index) ? 1 : 0);
  };
  const cases: { turns: string[]; lang?: 'sv' | 'en'; figure: string; includes?: string[]; excludes: string[] }[] = [
    // 1. A table re-run: the share of the table's part by population, not the row's printed cells or total.
    {
      turns: ['Om suicidpotten till delregionerna vore 28 mkr, vad får Sydväst?'],
      figure: kr(round(new D(1_000_000).plus(new D(28_000_000 - SK_ROWS * 1_000_000).times(SK_SUICID.sydvast).dividedBy(sum(SK_SUICID))))),
      includes: [`${pct(SK_SUICID.sydvast, sum(SK_SUICID))} av ${kr(sum(SK_SUICID))}`, 'tryckt som ”1520685”'],
      excludes: [kr(SK_SUICID.sydvast), kr(1_000_000 + SK_SUICID.sydvast), 'i dag', 'Enligt tabellen'],
    },
    // A follow-up names another row: only its estimate, not the first row's.
    {
      turns: ['Om kommunernas pott i Dalarna vore 6 mkr, vad hade Falun fått?', 'och Ludvika då?'],
      figure: kr(municipal(6_000_000, 782_627)),
      includes: [pct(782_627, DALARNA_MUNICIPAL_SUM)],
      excludes: [kr(782_627), kr(municipal(6_000_000, 1_726_309))],
    },
    // 2. A county's share of a national pot, derived from its amount, shown as the share.
    {
      turns: ['om ungdomsmottagningspotten bara var 120 mkr, vad hade Jämtland fått 2020?'],
      figure: kr(round(new D(JAMTLAND_2020.ungdomsmottagningar).times(120).dividedBy(150), 2)),
      includes: [pct(JAMTLAND_2020.ungdomsmottagningar, 150_000_000)],
      excludes: [kr(JAMTLAND_2020.ungdomsmottagningar)],
    },
    // 3. Terms set up without "om … vore": a pot with a base per county, "suppose", a change by a percentage.
    {
      turns: ['Samsjuklighet 250 mkr nationellt, 4 mkr per län – vad får Jämtland, räknat på 2020 års andel?'],
      figure: kr(basePlus(JAMTLAND_2020.samsjuklighet, 4_000_000, 250_000_000)),
      excludes: [kr(JAMTLAND_2020.samsjuklighet)],
    },
    {
      turns: ['Suppose the comorbidity pot were 280 Mkr nationally with the same 5 Mkr base per county. Dalarna’s amount?'],
      lang: 'en',
      figure: kr(basePlus(DALARNA_SAMSJUKLIGHET, KEY_BASE, 280_000_000), 'en'),
      excludes: [kr(DALARNA_SAMSJUKLIGHET, 'en')],
    },
    {
      turns: ['Vad skulle Mora ha fått om kommunernas medel höjts med 20 %?'],
      figure: kr(new D(593_461).times(1.2)),
      excludes: [kr(593_461)],
    },
    // The municipalities' pot with "the same share" is the table's split, not one row's own parts.
    {
      turns: ['if the municipal pot were 5 million, what would Mora get with the same share?'],
      lang: 'en',
      figure: kr(municipal(5_000_000, 593_461), 'en'),
      excludes: [kr(593_461, 'en')],
    },
    // 4. A fixed key with amounts of its own for each county and for the category the key names.
    {
      turns: ['Om varje län fick 2 mkr för brukarmedverkan och storstadslänen 4 mkr var, hur stor blir potten och vad får Jämtland?'],
      figure: kr(2_000_000),
      includes: [kr((COUNTIES - 3) * 2_000_000 + 3 * 4_000_000), `${COUNTIES - 3} × 2 000 000 kr + 3 × 4 000 000 kr`],
      excludes: [],
    },
  ];
  it.each(cases.map((c) => [c.turns.join(' → '), c] as const))('%s', (_say, c) => {
    const reply = converse(c.turns, c.lang);
    const shown = visible(reply);
    expect(reply.kind).not.toBe('unknown');
    expect(reply.figure?.replace(/[\u00a0\u202f]/g, ' ')).toBe(c.figure);
    for (const text of c.includes ?? []) expect(shown).toContain(text);
    for (const text of c.excludes) expect(shown).not.toContain(text);
    expect(shown).toMatch(c.lang === 'en' ? /Estimate/ : /Uppskattning/);
    expect(reply.sources.length).toBeGreaterThan(0);
  });
});
