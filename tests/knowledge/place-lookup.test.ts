// Finding places by the names people type (without diacritics, in capitals, in the genitive, partly,
// misspelt, by an alias) and the store's query API the bot answers from.
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/index.js';
import type { MatchKind } from '../../src/knowledge/places.js';

const { store } = loadKnowledge();

const LOOKUPS: [typed: string, place: string, how: MatchKind][] = [
  ['Malung', 'malung-salen', 'exact'],
  ['Malung-Sälen', 'malung-salen', 'exact'],
  ['malungsalen', 'malung-salen', 'exact'],
  ['Alvdalen', 'alvdalen', 'exact'],
  ['ÄLVDALEN', 'alvdalen', 'exact'],
  ['Sater', 'sater', 'exact'],
  ['Moras', 'mora', 'genitive'],
  ['Mora kommun', 'mora', 'exact'],
  ['Region Dalarna', 'dalarna', 'exact'],
  ['Dalarnas län', 'dalarna', 'exact'],
  ['Dalarnas', 'dalarna', 'genitive'],
  ['Ludvka', 'ludvika', 'typo'],
  ['Smedje', 'smedjebacken', 'prefix'],
  ['Borlange', 'borlange', 'exact'],
  ['Rattvik', 'rattvik', 'exact'],
  ['Malmo', 'skane-malmo', 'exact'],
  ['Nordvast', 'skane-nordvast', 'exact'],
  ['Jämtland Härjedalen', 'jamtland', 'exact'],
  ['skane', 'skane', 'exact'],
  ['Sverige', 'sverige', 'exact'],
  ['dalakommunerna', 'dalarna', 'prefix'],
  ['Skånekommuner', 'skane', 'prefix'],
];

describe('findPlaces', () => {
  it.each(LOOKUPS)('"%s" → %s (%s)', (typed, place, how) => {
    const matches = store.findPlaces(typed);
    expect(matches.map((m) => m.place.id)).toEqual([place]);
    expect(matches[0]!.how).toBe(how);
    expect(matches[0]!.start).toBe(0);
    expect(matches[0]!.length).toBe(typed.trim().split(/\s+/).length);
  });

  it.each(['', '   ', 'hur mycket', 'Uppsala', 'Göteborg', 'asdf', 'kommun', 'region', '2020'])('finds nothing for "%s"', (typed) => {
    expect(store.findPlaces(typed)).toEqual([]);
  });

  it('prefers the longest name: "Mora kommun" is one match over two words, not Mora plus a stop word', () => {
    expect(store.findPlaces('Mora kommun').map((m) => [m.text, m.length])).toEqual([['mora kommun', 2]]);
  });
});

describe('mentions in a sentence', () => {
  it('finds both municipalities in "Hur mycket får Mora och Falun?"', () => {
    const mentions = store.placeIndex.mentions('Hur mycket får Mora och Falun?');
    expect(mentions.map((m) => [m.place.id, m.how, m.start])).toEqual([
      ['mora', 'exact', 3],
      ['falun', 'exact', 5],
    ]);
  });

  it('finds a misspelt and a genitive name in one question', () => {
    const mentions = store.placeIndex.mentions('Vad får Ludvka jämfört med Moras kommun?');
    expect(mentions.map((m) => m.place.id).sort()).toEqual(['ludvika', 'mora']);
  });

  it('reads "Region Dalarna" in a sentence as the county, not as two places', () => {
    expect(store.placeIndex.mentions('Vilka medel har Region Dalarna fått 2022?').map((m) => m.place.id)).toEqual(['dalarna']);
  });

  it('finds no place in a question without one', () => {
    expect(store.placeIndex.mentions('Hur mycket pengar finns det för suicidprevention?')).toEqual([]);
  });

  it('finds only the place that is in the store: Uppsala is not, Mora is', () => {
    expect(store.placeIndex.mentions('Uppsala eller Mora').map((m) => m.place.id)).toEqual(['mora']);
  });
});

describe('the query API', () => {
  it('knows amounts for Mora for 2020 only', () => {
    expect(store.amountYears('mora')).toEqual([2020]);
  });

  it('lists the Skåne deadlines earliest first', () => {
    const deadlines = store.deadlines({ place: 'skane' });
    expect(deadlines.map((d) => [d.id, d.due])).toEqual([
      ['skane-2023-beslut-fordelning', '2023-01-17'],
      ['skane-2023-tjansteberedning-informeras', '2023-01-17'],
      ['skane-2023-fakturering', '2023-05-31'],
      ['skane-2023-lagesrapport', '2023-09-30'],
      ['skane-2023-anvandning', '2023-12-31'],
      ['skane-2023-handlingsplan-2022-2023', '2023-12-31'],
    ]);
    const dues = deadlines.map((d) => d.due);
    expect(dues).toEqual([...dues].sort());
  });

  it('limits deadlines to a window of dates, inclusive', () => {
    expect(store.deadlines({ place: 'skane', from: '2023-05-31', to: '2023-09-30' }).map((d) => d.id)).toEqual(['skane-2023-fakturering', 'skane-2023-lagesrapport']);
  });

  it('gives the Skåne invoicing details as printed: referenskod 854877, GLN 7368376009106, kostnadsställe 1145', () => {
    const invoicing = store.invoicing({ place: 'skane' });
    expect(invoicing).toHaveLength(1);
    const field = (id: string) => invoicing[0]!.fields.find((f) => f.id === id)?.value;
    expect(field('referenceCode')).toBe('854877');
    expect(field('gln')).toBe('7368376009106');
    expect(field('costCentre')).toBe('1145');
    expect(field('address')).toBe('Skånes Kommuner, Gasverksgatan 3A, 222 29 Lund');
    expect(field('period')).toBe('1 mars till 31 maj 2023');
    expect(invoicing[0]!.requiredInformation).toContain('Referenskod 854877');
  });

  it('lists Elin Ring and Jan Persson among the Jämtland contacts', () => {
    const names = store.contacts({ place: 'jamtland' }).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Elin Ring', 'Jan Persson']));
    for (const contact of store.contacts({ place: 'jamtland' })) expect(contact.year).toBe(2020);
  });

  it('filters amounts by place, fund and year together', () => {
    const facts = store.amounts({ place: 'jamtland', fund: 'suicidprevention', year: 2020 });
    expect(facts.map((f) => f.amount.toFixed(2))).toEqual(['2533016.95']);
    expect(store.amounts({ place: 'jamtland', fund: 'suicidprevention', year: 2022 })).toEqual([]);
  });

  it('knows the children of a county', () => {
    expect(store.children('skane').map((p) => p.id)).toEqual(['skane-nordost', 'skane-nordvast', 'skane-mellersta', 'skane-malmo', 'skane-sydost', 'skane-sydvast']);
    expect(store.children('jamtland')).toEqual([]);
  });

  it('knows the years of any fact about a county or its children', () => {
    const dalarna = store.yearsAbout('dalarna');
    expect(dalarna).toEqual(expect.arrayContaining([2018, 2020, 2022]));
    expect(dalarna).toEqual([...new Set(dalarna)].sort((a, b) => a - b));
    expect(dalarna).not.toContain(2023);
    expect(store.yearsAbout('skane')).toEqual([2023]);
  });
});
