// Makes src/knowledge/data/sweden.json: Sweden's 21 counties (län) and 290 municipalities (kommuner).
//
// Run once, then review the diff; the JSON is the data the bot reads, this script only explains how it
// was made. The municipality codes and names, and each municipality's county, come from SCB
// (Statistiska centralbyrån), "Kommuner och län i nummerordning", as packaged by the npm package
// `kommunkoder` (MIT). It is read from an unpacked tarball, never installed as a dependency:
//
//   cd /tmp && npm pack kommunkoder && mkdir -p kommunkoder && tar xzf kommunkoder-*.tgz -C kommunkoder
//   npx tsx scripts/make-sweden.ts /tmp/kommunkoder/package/data.json
//
// A county's code is the first two digits of its municipalities' codes. What SCB does not list (a
// county's short name, the names of the regions, the few other names a municipality goes by) is in
// the tables below, from the regions' and municipalities' own names for themselves.

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const OUTPUT = fileURLToPath(new URL('../src/knowledge/data/sweden.json', import.meta.url));

/** Short name and other names of each county, by SCB county code. */
const COUNTIES: Record<string, { short: string; aliases: string[] }> = {
  '01': { short: 'Stockholm', aliases: ['Region Stockholm'] },
  '03': { short: 'Uppsala', aliases: ['Region Uppsala'] },
  '04': { short: 'Södermanland', aliases: ['Region Sörmland', 'Sörmland'] },
  '05': { short: 'Östergötland', aliases: ['Region Östergötland'] },
  '06': { short: 'Jönköping', aliases: ['Region Jönköpings län'] },
  '07': { short: 'Kronoberg', aliases: ['Region Kronoberg'] },
  '08': { short: 'Kalmar', aliases: ['Region Kalmar län'] },
  '09': { short: 'Gotland', aliases: ['Region Gotland'] },
  '10': { short: 'Blekinge', aliases: ['Region Blekinge'] },
  '12': { short: 'Skåne', aliases: ['Region Skåne', 'Scania'] },
  '13': { short: 'Halland', aliases: ['Region Halland'] },
  '14': { short: 'Västra Götaland', aliases: ['Västra Götalandsregionen', 'Region Västra Götaland', 'VGR'] },
  '17': { short: 'Värmland', aliases: ['Region Värmland'] },
  '18': { short: 'Örebro', aliases: ['Region Örebro län'] },
  '19': { short: 'Västmanland', aliases: ['Region Västmanland'] },
  '20': { short: 'Dalarna', aliases: ['Region Dalarna', 'Dalecarlia'] },
  '21': { short: 'Gävleborg', aliases: ['Region Gävleborg'] },
  '22': { short: 'Västernorrland', aliases: ['Region Västernorrland'] },
  '23': { short: 'Jämtland', aliases: ['Region Jämtland Härjedalen', 'Jämtland Härjedalen'] },
  '24': { short: 'Västerbotten', aliases: ['Region Västerbotten'] },
  '25': { short: 'Norrbotten', aliases: ['Region Norrbotten'] },
};

/**
 * Names a municipality goes by besides SCB's, by municipality code. The matcher adds the genitive and
 * "kommun"/"kn"/"stad" itself, and reads a dash as a space; these are the names it cannot derive.
 */
const MUNICIPALITY_ALIASES: Record<string, string[]> = {
  '0114': ['Upplands-Väsby'],
  '0139': ['Upplands Bro'],
  '0980': ['Gotlands kommun'],
  '1438': ['Dals Ed'],
  '1480': ['Gothenburg'],
  '2023': ['Malung', 'Malung Sälen'],
  '2080': ['Falu kommun'],
};

interface Packaged {
  code: string;
  municipality: string;
  county: string;
}

function main(argv: string[]): number {
  const input = argv[0];
  if (!input) {
    console.error('usage: npx tsx scripts/make-sweden.ts <kommunkoder data.json>');
    return 2;
  }
  const packaged = JSON.parse(readFileSync(input, 'utf8')) as Packaged[];
  const countyNames = new Map<string, string>();
  for (const { code, county } of packaged) {
    const countyCode = code.slice(0, 2);
    const known = countyNames.get(countyCode);
    if (known !== undefined && known !== county) throw new Error(`${code}: county ${county}, but ${countyCode} is ${known}`);
    countyNames.set(countyCode, county);
  }
  const counties = [...countyNames.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, name]) => {
      const extra = COUNTIES[code];
      if (!extra) throw new Error(`county ${code} (${name}) has no short name in COUNTIES`);
      return { code, name, short: extra.short, aliases: extra.aliases };
    });
  const municipalities = [...packaged]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map(({ code, municipality }) => ({ code, name: municipality, county: code.slice(0, 2), aliases: MUNICIPALITY_ALIASES[code] ?? [] }));
  const data = {
    source: {
      publisher: 'Statistiska centralbyrån (SCB)',
      title: 'Kommuner och län i nummerordning',
      via: 'npm package kommunkoder 1.1.1 (MIT, https://github.com/simon-johansson/kommunkoder), SCB data of 2015-03-09; the division has not changed since (290 municipalities since Knivsta, 2003)',
      made: 'scripts/make-sweden.ts: codes, names and counties from the package; county codes are the first two digits of a municipality code; short names, region names and aliases from the tables in the script',
    },
    counties,
    municipalities,
  };
  writeFileSync(OUTPUT, format(data));
  console.log(`${OUTPUT}: ${counties.length} counties, ${municipalities.length} municipalities`);
  return 0;
}

/** One county or municipality a line, so that a diff shows exactly what changed. */
function format(data: { source: object; counties: object[]; municipalities: object[] }): string {
  const list = (items: object[]) => `[\n${items.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`;
  return `{\n  "source": ${JSON.stringify(data.source, null, 2).replace(/\n/g, '\n  ')},\n  "counties": ${list(data.counties)},\n  "municipalities": ${list(data.municipalities)}\n}\n`;
}

process.exitCode = main(process.argv.slice(2));
