// Sweden's counties and municipalities: the bot knows every real place, also the ones the documents do
// not cover, by the names people type (without diacritics, in the genitive, with "kommun", "län" or
// "Region"), and does not take an everyday word for one.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findSwedishPlaces, KnowledgeLoadError, loadSweden, parseSweden, swedishPlaceFinder } from '../../src/knowledge/index.js';
import { DEFAULT_SWEDEN_FILE } from '../../src/knowledge/sweden.js';

const sweden = loadSweden();
const raw = JSON.parse(readFileSync(DEFAULT_SWEDEN_FILE, 'utf8')) as { counties: { code: string }[]; municipalities: { code: string; county: string }[] };

describe('the counties and municipalities', () => {
  it('are all 21 counties and all 290 municipalities', () => {
    expect(sweden.counties).toHaveLength(21);
    expect(sweden.municipalities).toHaveLength(290);
  });

  it('have unique, well-formed codes, and each municipality lies in its code’s county', () => {
    const counties = sweden.counties.map((county) => county.code);
    const municipalities = sweden.municipalities.map((municipality) => municipality.code);
    expect(new Set(counties).size).toBe(21);
    expect(new Set(municipalities).size).toBe(290);
    for (const code of counties) expect(code).toMatch(/^(0[1-9]|1\d|2[0-5])$/);
    for (const { code, county } of sweden.municipalities) {
      expect(code).toMatch(/^\d{4}$/);
      expect(code.slice(0, 2)).toBe(county);
      expect(counties).toContain(county);
    }
  });

  it('name SCB as their source', () => {
    expect(sweden.source.publisher).toContain('SCB');
    expect(sweden.source.title).toBe('Kommuner och län i nummerordning');
  });

  const BROKEN: [what: string, change: (data: typeof raw) => void, message: RegExp][] = [
    ['a county missing', (data) => void data.counties.pop(), /counties/],
    ['a municipality missing', (data) => void data.municipalities.pop(), /municipalities/],
    ['a municipality code twice', (data) => void (data.municipalities[1]!.code = data.municipalities[0]!.code), /0114 twice/],
    ['a county that does not exist', (data) => void (data.municipalities[0]!.county = '02'), /county 02 is not among the counties/],
    ['a malformed code', (data) => void (data.municipalities[0]!.code = '114'), /four digits/],
  ];

  it.each(BROKEN)('stop start-up with a message when the file has %s', (_, change, message) => {
    const data = structuredClone(raw);
    change(data);
    expect(() => parseSweden(data)).toThrow(KnowledgeLoadError);
    expect(() => parseSweden(data)).toThrow(message);
  });
});

const MENTIONS: [typed: string, code: string][] = [
  ['Värmland', '17'],
  ['varmland', '17'],
  ['Värmlands län', '17'],
  ['hur mycket får Värmlands kommuner?', '17'],
  ['Region Värmland', '17'],
  ['What does Värmland County get?', '17'],
  ['Gävleborgs län', '21'],
  ['gavleborgs', '21'],
  ['Region Västerbotten', '24'],
  ['Region Uppsala', '03'],
  ['Uppsala län', '03'],
  ['Region Sörmland', '04'],
  ['Region Jönköpings län', '06'],
  ['Region Örebro län', '18'],
  ['Västra Götalandsregionen', '14'],
  ['vad får vastra gotalands lan?', '14'],
  ['Stockholms län', '01'],
  ['Region Stockholm', '01'],
  ['Region Gotland', '09'],
  ['Gotlands län', '09'],
  ['Region Jämtland Härjedalen', '23'],
  ['Uppsala kommun', '0380'],
  ['Knivsta', '0330'],
  ['Kiruna', '2584'],
  ['kiruna kn', '2584'],
  ['KIRUNA KOMMUN', '2584'],
  ['How much does Kiruna get?', '2584'],
  ['Helsingborg', '1283'],
  ['helsingborgs stad', '1283'],
  ['Östersund', '2380'],
  ['ostersunds kommun', '2380'],
  ['Stockholm', '0180'],
  ['Stockholms stad', '0180'],
  ['Gotland', '0980'],
  ['Göteborg', '1480'],
  ['How much does Gothenburg get?', '1480'],
  ['Upplands Väsby', '0114'],
  ['upplands-vasby', '0114'],
  ['Upplands-Bro', '0139'],
  ['upplands bro kommun', '0139'],
  ['Lilla Edet', '1462'],
  ['lilla edets kommun', '1462'],
  ['Dals-Ed', '1438'],
  ['Dals Ed', '1438'],
  ['Östra Göinge', '1256'],
  ['Malung-Sälen', '2023'],
  ['malung salen', '2023'],
  ['Mölndal', '1481'],
  ['Håbo', '0305'],
  ['Habo', '0643'],
  ['Härjedalen', '2361'],
  ['Falu kommun', '2080'],
  ['Hur mycket får Vara?', '1470'],
  ['vara kommun', '1470'],
  ['Marks kommun', '1463'],
  ['mark kn', '1463'],
  ['Lund?', '1281'],
  ['och Lund?', '1281'],
  ['Hur mycket får Åre?', '2321'],
  ['Ånge kommun', '2260'],
];

describe('findSwedishPlaces', () => {
  it.each(MENTIONS)('"%s" → %s', (typed, code) => {
    expect(findSwedishPlaces(typed).map((match) => match.code)).toEqual([code]);
  });

  it('tells what it matched, of which kind, and the county', () => {
    expect(findSwedishPlaces('Hur mycket får Värmlands län?')).toEqual([
      { text: 'varmlands lan', kind: 'county', code: '17', name: 'Värmlands län', county: '17', countyName: 'Värmlands län' },
    ]);
    expect(findSwedishPlaces('kiruna kn')).toEqual([
      { text: 'kiruna kn', kind: 'municipality', code: '2584', name: 'Kiruna', county: '25', countyName: 'Norrbottens län' },
    ]);
  });

  it('finds every place in a question, in order, each once, the longest name winning', () => {
    const matches = findSwedishPlaces('Jämför Upplands Väsby, Stockholms län och Kiruna med Upplands Väsby kommun');
    expect(matches.map((match) => [match.text, match.code])).toEqual([
      ['upplands vasby', '0114'],
      ['stockholms lan', '01'],
      ['kiruna', '2584'],
    ]);
    expect(findSwedishPlaces('Region Jämtland Härjedalen och Härjedalen').map((match) => match.code)).toEqual(['23', '2361']);
  });

  it('finds nothing in an empty text or one without places', () => {
    expect(findSwedishPlaces('')).toEqual([]);
    expect(findSwedishPlaces('När ska vi fakturera?')).toEqual([]);
  });

  const FALSE_FRIENDS: string[] = [
    'hur mycket ska vara kvar',
    'vad är bas-delen',
    'Mark the deadline',
    'Vara kvar hur länge?',
    'how much are we getting?',
    'What are the deadlines?',
    'Ange referenskoden på fakturan',
    'vad ska anges på fakturan?',
    'vi har ingen mark',
    'det är en kil',
    'nora och sala',
    'en lund med träd',
    'pengarna ska mala vidare',
    'det är kinda late',
    'HUR MYCKET SKA VARA KVAR',
    'we need some ale',
    'en skara kommuner',
  ];

  it.each(FALSE_FRIENDS)('finds no place in "%s"', (question) => {
    expect(findSwedishPlaces(question)).toEqual([]);
  });

  it('finds the places a ready-made finder is given', () => {
    const find = swedishPlaceFinder({
      counties: [{ code: '17', name: 'Värmlands län', short: 'Värmland', aliases: [] }],
      municipalities: [{ code: '1780', name: 'Karlstad', county: '17', aliases: [] }],
    });
    expect(find('Karlstad i Värmland').map((match) => match.code)).toEqual(['1780', '17']);
    expect(find('Kiruna')).toEqual([]);
  });
});

describe('the places the documents cover', () => {
  const covered = (JSON.parse(readFileSync(new URL('../../src/knowledge/data/places.json', import.meta.url), 'utf8')) as { places: { kind: string; name: string }[] }).places.filter(
    (place) => place.kind === 'county' || place.kind === 'municipality',
  );

  const EXPECTED: Record<string, string> = {
    Dalarna: '20',
    Jämtland: '23',
    Skåne: '12',
    Vansbro: '2021',
    'Malung-Sälen': '2023',
    Gagnef: '2026',
    Leksand: '2029',
    Rättvik: '2031',
    Orsa: '2034',
    Älvdalen: '2039',
    Smedjebacken: '2061',
    Mora: '2062',
    Falun: '2080',
    Borlänge: '2081',
    Säter: '2082',
    Hedemora: '2083',
    Avesta: '2084',
    Ludvika: '2085',
  };

  it('are all the covered counties and municipalities', () => {
    expect(covered.map((place) => place.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s is found by its name as %s', (name, code) => {
    const place = covered.find((candidate) => candidate.name === name)!;
    const matches = findSwedishPlaces(name);
    expect(matches.map((match) => match.code)).toEqual([code]);
    expect(matches[0]!.kind).toBe(place.kind);
  });

  it('are Dalarna’s 15 municipalities, all in Dalarnas län', () => {
    const dalarna = sweden.municipalities.filter((municipality) => municipality.county === '20');
    expect(dalarna).toHaveLength(15);
    expect(sweden.counties.find((county) => county.code === '20')?.name).toBe('Dalarnas län');
    expect(dalarna.map((municipality) => municipality.code).sort()).toEqual(Object.values(EXPECTED).filter((code) => code.length === 4).sort());
  });
});
