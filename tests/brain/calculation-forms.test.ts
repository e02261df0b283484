// Calculations asked in the forms people use: "hur många gånger mer", "i kr och procent", counts of
// inhabitants, a place's row with one part changed or a new total split as printed, the bases for
// another number of sub-regions, a new remainder with the base on top. Expected figures are worked
// out here from the figures the documents print, never by calling the code under test.
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { converse, visible } from './ask.js';
import { kr } from '../support/amounts.js';

/** "16,1 %" / "16.1%": a fraction as a percentage to one decimal, half up. */
function percent(part: Decimal.Value, whole: Decimal.Value, lang: 'sv' | 'en' = 'sv'): string {
  const value = new Decimal(part).dividedBy(whole).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1);
  return lang === 'sv' ? `${value.replace('.', ',')} %` : `${value}%`;
}

/** "2,9 gånger": a ratio to one decimal, half up. */
function times(a: Decimal.Value, b: Decimal.Value, lang: 'sv' | 'en' = 'sv'): string {
  const value = new Decimal(a).dividedBy(b).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1);
  return lang === 'sv' ? `${value.replace('.', ',')} gånger` : `${value} times`;
}

// Printed in the Dalarna 2020 memo, table "1. Belopp" (Falun's row: handlingsplaner, kunskapsbaserad, total).
const FALUN = { plans: new Decimal('1150872.72'), knowledge: new Decimal('575436.36'), total: 1726309 };
const MORA = 593461;
const LUDVIKA = 782627;
const AVESTA = 674017;
// Printed in the Dalarna 2018 follow-up: "Länet består av 15 kommuner med en folkmängd på 286 393 invånare",
// "Den minsta kommun Orsa har en på 6884 invånare och den största kommunen Falun har en befolkning 58 460 invånare".
const PEOPLE = { dalarna: 286393, falun: 58460, orsa: 6884 };
// Printed in the Skåne 2023 memo: the six sub-regions' suicide prevention by population (base 1 mkr each).
const SK_SUICIDE_BY_POPULATION = { nordost: 2646478, nordvast: 5111884, mellersta: 4246828, malmo: 5052438, sydost: 1425859, sydvast: 1524645 };
const SK_BASES_PER_SUBREGION = 1_000_000 + 1_000_000 + 300_000;

interface Case {
  name: string;
  turns: string[];
  lang?: 'sv' | 'en';
  includes: string[];
  excludes?: string[];
}

const cases: Case[] = [
  {
    name: 'a ratio of two municipalities is said as times, with both printed figures',
    turns: ['Hur många gånger mer får Falun än Mora 2020?'],
    includes: [times(FALUN.total, MORA), kr(FALUN.total), kr(MORA)],
  },
  {
    name: 'a ratio in English',
    turns: ['How many times more does Falun get than Mora?'],
    lang: 'en',
    includes: [times(FALUN.total, MORA, 'en'), kr(FALUN.total, 'en'), kr(MORA, 'en')],
  },
  {
    name: 'a difference asked in kronor and per cent gives both, the per cent of the second place',
    turns: ['Hur mycket mer får Ludvika än Avesta, i kr och procent?'],
    includes: [kr(LUDVIKA - AVESTA), percent(LUDVIKA - AVESTA, AVESTA)],
  },
  {
    name: 'a difference in inhabitants uses the printed counts, not amounts',
    turns: ['skillnad i invånare mellan Falun och Orsa'],
    includes: [`${(PEOPLE.falun - PEOPLE.orsa).toLocaleString('sv-SE').replace(/\u00a0/g, ' ')} invånare`, '58 460', '6 884'],
    excludes: [kr(FALUN.total)],
  },
  {
    name: "a municipality's share of the county's inhabitants",
    turns: ['Hur stor andel av Dalarnas invånare bor i Falun?'],
    includes: [percent(PEOPLE.falun, PEOPLE.dalarna), '286 393'],
  },
  {
    // The row's parts as printed with the one doubled (the printed total 1 726 309 is rounded; today's total is no answer here).
    name: "one part of a row doubled gives the row's parts added up with that part changed",
    turns: ['om Faluns kunskapsbaserade del dubblades och resten var som nu, vad blir totalen 2020?'],
    includes: [kr(FALUN.plans.plus(FALUN.knowledge.times(2))), kr(FALUN.knowledge.times(2)), 'Uppskattning'],
    excludes: [kr(FALUN.total)],
  },
  {
    name: 'a new total for a row, split as the row is printed',
    turns: ['om Falun fick 2 mkr totalt 2020 med samma fördelning, hur mycket blir handlingsplanerna?'],
    includes: [
      kr(new Decimal(2_000_000).times(FALUN.plans).dividedBy(FALUN.plans.plus(FALUN.knowledge)).toDecimalPlaces(0, Decimal.ROUND_HALF_UP)),
      kr(new Decimal(2_000_000).times(FALUN.knowledge).dividedBy(FALUN.plans.plus(FALUN.knowledge)).toDecimalPlaces(0, Decimal.ROUND_HALF_UP)),
      'samma andelar',
    ],
  },
  {
    name: 'a new total for a fund the row has no part for is said so, with no figure',
    turns: ['om Falun fick 2 mkr totalt 2020 med samma fördelning, hur mycket blir suicidprevention?'],
    includes: [],
    excludes: ['1 333 333', '666 667'],
  },
  {
    name: 'the bases for another number of sub-regions: the base per sub-region times the number',
    turns: ['Om Skåne hade 7 delregioner med samma basbelopp, hur mycket blir basen totalt?'],
    includes: [kr(7 * SK_BASES_PER_SUBREGION), kr(6 * SK_BASES_PER_SUBREGION), 'Uppskattning'],
  },
  {
    name: 'a new remainder with the base asked too adds the printed base',
    turns: ['Om resten för suicidprevention i Skåne vore 10 mkr, hur mycket får Malmö inklusive basen?'],
    includes: [
      kr(
        new Decimal(10_000_000)
          .times(SK_SUICIDE_BY_POPULATION.malmo)
          .dividedBy(Object.values(SK_SUICIDE_BY_POPULATION).reduce((a, b) => a + b, 0))
          .toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
          .plus(1_000_000),
      ),
    ],
    excludes: [kr(SK_SUICIDE_BY_POPULATION.malmo + 1_000_000)],
  },
];

describe('calculations in the forms people ask them', () => {
  it.each(cases)('$name', ({ turns, lang, includes, excludes }) => {
    const seen = visible(converse(turns, lang));
    for (const text of includes) expect(seen).toContain(text);
    for (const text of excludes ?? []) expect(seen).not.toContain(text);
  });

  it('a row with no part for the fund asked answers no figure for it', () => {
    const reply = converse(['om Falun fick 2 mkr totalt 2020 med samma fördelning, hur mycket blir suicidprevention?']);
    expect(reply.figure).toBeUndefined();
  });
});
