// Sweden's 21 counties and 290 municipalities (data/sweden.json, from SCB) and finding them in a
// question, so that the bot can tell a real place the documents do not cover ("Värmland", "Kiruna kn")
// from a word it does not know, and say that the documents have no amounts for it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { foldText, words } from '../text/normalize.js';
import { KnowledgeLoadError } from './load.js';

export const DEFAULT_SWEDEN_FILE = fileURLToPath(new URL('./data/sweden.json', import.meta.url));

const countyCode = z.string().regex(/^\d{2}$/, 'county code: two digits');
const municipalityCode = z.string().regex(/^\d{4}$/, 'municipality code: four digits');
const names = z.array(z.string().min(1)).default([]);

export const swedishCountySchema = z.strictObject({
  code: countyCode,
  /** SCB's name: "Värmlands län", "Skåne län". */
  name: z.string().min(1),
  /** What people call it: "Värmland", "Skåne". */
  short: z.string().min(1),
  /** Other names: "Region Värmland". */
  aliases: names,
});

export const swedishMunicipalitySchema = z.strictObject({
  code: municipalityCode,
  /** SCB's name: "Karlstad", "Malung-Sälen", "Upplands Väsby". */
  name: z.string().min(1),
  county: countyCode,
  /** Other names: "Malung", "Falu kommun", "Gothenburg". */
  aliases: names,
});

export const swedenFileSchema = z
  .strictObject({
    source: z.strictObject({ publisher: z.string().min(1), title: z.string().min(1), via: z.string().min(1), made: z.string().min(1) }),
    counties: z.array(swedishCountySchema).length(21),
    municipalities: z.array(swedishMunicipalitySchema).length(290),
  })
  .superRefine((file, ctx) => {
    const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const counties = new Set<string>();
    file.counties.forEach(({ code }, i) => {
      if (counties.has(code)) problem(['counties', i, 'code'], `county code ${code} twice`);
      counties.add(code);
    });
    const municipalities = new Set<string>();
    file.municipalities.forEach(({ code, county }, i) => {
      if (municipalities.has(code)) problem(['municipalities', i, 'code'], `municipality code ${code} twice`);
      municipalities.add(code);
      if (!counties.has(county)) problem(['municipalities', i, 'county'], `county ${county} is not among the counties`);
      if (!code.startsWith(county)) problem(['municipalities', i, 'county'], `county ${county}, but code ${code} says ${code.slice(0, 2)}`);
    });
  });

export type SwedishCounty = z.infer<typeof swedishCountySchema>;
export type SwedishMunicipality = z.infer<typeof swedishMunicipalitySchema>;
export type SwedenFile = z.infer<typeof swedenFileSchema>;

/** Throws KnowledgeLoadError naming the file, the path inside it and what is wrong. */
export function parseSweden(data: unknown, file = DEFAULT_SWEDEN_FILE): SwedenFile {
  const parsed = swedenFileSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new KnowledgeLoadError(parsed.error.issues.map((issue) => `${file}: ${issue.path.join('.') || '(top)'}: ${issue.message}`));
}

export function loadSweden(file: string = DEFAULT_SWEDEN_FILE): SwedenFile {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new KnowledgeLoadError([`${file}: ${(error as Error).message}`]);
  }
  return parseSweden(data, file);
}

export interface SwedishPlaceMatch {
  /** The words of the text that matched, folded: "varmlands lan", "kiruna kn". */
  text: string;
  kind: 'county' | 'municipality';
  code: string;
  /** SCB's name: "Värmlands län", "Kiruna". */
  name: string;
  /** The county's code: the place's own for a county. */
  county: string;
  countyName: string;
}

type Place = Omit<SwedishPlaceMatch, 'text'>;

/**
 * Municipality names that are everyday words ("mark", "vara", "lund", "are" for Åre, "ange" for Ånge):
 * read as a place only with "kommun"/"kn"/"stad" after them, with a capital inside a sentence
 * ("Hur mycket får Vara?"), or alone in their sentence ("Lund?"); with their diacritics when they have any.
 */
const EVERYDAY_WORDS = new Set(['ale', 'ange', 'are', 'berg', 'boden', 'kil', 'kinda', 'klippan', 'koping', 'lund', 'mala', 'mark', 'nora', 'sala', 'salem', 'skara', 'trosa', 'vara']);

const COUNTY_SUFFIXES = [' län', ' county'];
const MUNICIPALITY_SUFFIXES = [' kommun', ' kn', ' stad', ' municipality'];
/** A name ending in one of these is taken as it is: "Falu kommun", "Region Örebro län". */
const SUFFIX_WORDS = new Set(['lan', 'county', 'kommun', 'kn', 'stad', 'municipality']);

interface Form {
  place: Place;
  /** Lower case, with diacritics: tells "Håbo" from "Habo". */
  spelled: string;
  everyday: boolean;
}

interface Token {
  word: string;
  /** The word as typed, in lower case with its diacritics; undefined when not known. */
  spelled: string | undefined;
  capital: boolean;
  sentenceStart: boolean;
  sentenceEnd: boolean;
}

/** A finder over the given counties and municipalities. */
export function swedishPlaceFinder(sweden: Pick<SwedenFile, 'counties' | 'municipalities'>): (text: string) => SwedishPlaceMatch[] {
  const forms = new Map<string, Form[]>();
  let maxWords = 1;
  /** The first word of every form: a span starting with any other word names no place. */
  const firstWords = new Set<string>();
  const add = (phrase: string, place: Place, everyday: boolean) => {
    const folded = foldText(phrase);
    const list = forms.get(folded) ?? [];
    const spelled = phrase.normalize('NFC').toLowerCase();
    if (!list.some((form) => form.place === place && form.spelled === spelled)) list.push({ place, spelled, everyday });
    forms.set(folded, list);
    const parts = folded.split(' ');
    maxWords = Math.max(maxWords, parts.length);
    firstWords.add(parts[0]!);
  };
  const addName = (name: string, place: Place, suffixes: string[]) => {
    for (const base of spellings(name)) {
      if (SUFFIX_WORDS.has(foldText(base).split(' ').at(-1) ?? '')) {
        add(base, place, false);
        continue;
      }
      const everyday = EVERYDAY_WORDS.has(foldText(base));
      for (const form of [base, genitive(base)]) {
        add(form, place, everyday);
        for (const suffix of suffixes) add(form + suffix, place, false);
      }
    }
  };
  const countyNames = new Map(sweden.counties.map((county) => [county.code, county.name]));
  for (const county of sweden.counties) {
    const place: Place = { kind: 'county', code: county.code, name: county.name, county: county.code, countyName: county.name };
    add(county.name, place, false);
    for (const name of [county.short, ...county.aliases]) addName(name, place, COUNTY_SUFFIXES);
  }
  for (const municipality of sweden.municipalities) {
    const countyName = countyNames.get(municipality.county) ?? municipality.county;
    const place: Place = { kind: 'municipality', code: municipality.code, name: municipality.name, county: municipality.county, countyName };
    for (const name of [municipality.name, ...municipality.aliases]) addName(name, place, MUNICIPALITY_SUFFIXES);
  }

  return (text) => {
    const tokens = tokenize(text);
    const found: { start: number; match: SwedishPlaceMatch }[] = [];
    const taken = new Array<boolean>(tokens.length).fill(false);
    const starts = tokens.flatMap((token, i) => (firstWords.has(token.word) ? [i] : []));
    for (let length = Math.min(maxWords, tokens.length); length >= 1; length--) {
      for (const start of starts) {
        if (start + length > tokens.length) continue;
        let free = true;
        for (let i = start; i < start + length; i++) if (taken[i]) free = false;
        if (!free) continue;
        const span = tokens.slice(start, start + length);
        const phrase = span.map((token) => token.word).join(' ');
        const place = choose(forms.get(phrase) ?? [], span);
        if (!place) continue;
        found.push({ start, match: { text: phrase, ...place } });
        for (let i = start; i < start + length; i++) taken[i] = true;
      }
    }
    const seen = new Set<string>();
    return found
      .sort((a, b) => a.start - b.start)
      .map(({ match }) => match)
      .filter((match) => !seen.has(match.kind + match.code) && seen.add(match.kind + match.code));
  };
}

let defaultFinder: ((text: string) => SwedishPlaceMatch[]) | undefined;

/**
 * Every Swedish county and municipality mentioned in the text, in the order they are mentioned, each
 * once. Longest match wins ("Upplands Väsby", "Värmlands län"); a name that is both a county's and a
 * municipality's ("Stockholm", "Uppsala", "Gotland") is the municipality, "Stockholms län" and
 * "Region Stockholm" the county.
 */
export function findSwedishPlaces(text: string): SwedishPlaceMatch[] {
  defaultFinder ??= swedishPlaceFinder(loadSweden());
  return defaultFinder(text);
}

/** The place a phrase means: spelled as typed first, then the municipality, then the lowest code. */
function choose(candidates: Form[], span: Token[]): Place | undefined {
  const typed = span.every((token) => token.spelled !== undefined) ? span.map((token) => token.spelled).join(' ') : undefined;
  const first = span[0]!;
  const last = span[span.length - 1]!;
  const alone = first.sentenceStart && last.sentenceEnd;
  const usable = candidates.filter((form) => !form.everyday || ((alone || (first.capital && !first.sentenceStart)) && (typed === form.spelled || foldText(form.spelled) === form.spelled)));
  const rank = (form: Form) => [typed === form.spelled ? 0 : 1, form.place.kind === 'municipality' ? 0 : 1];
  const best = usable.sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    return x[0]! - y[0]! || x[1]! - y[1]! || a.place.code.localeCompare(b.place.code);
  })[0];
  return best?.place;
}

/** "Dals-Ed" is also typed "Dals Ed" and "DalsEd"; "Lilla Edet" also "Lilla-Edet". */
function spellings(name: string): string[] {
  const variants = [name];
  if (name.includes('-')) variants.push(name.replace(/-/g, ' '), name.replace(/-/g, ''));
  if (name.includes(' ')) variants.push(name.replace(/ /g, '-'));
  return variants;
}

/** "Värmland" → "Värmlands"; "Borås" stays "Borås". */
function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

/** The folded words of the text, each with how it was typed: its capital, diacritics and place in a sentence. */
function tokenize(text: string): Token[] {
  const folded = words(text);
  const plain = (): Token[] =>
    folded.map((word, i) => ({ word, spelled: undefined, capital: false, sentenceStart: i === 0, sentenceEnd: i === folded.length - 1 }));
  const original = text.normalize('NFC');
  const shouting = !/\p{Ll}/u.test(original);
  const tokens: Token[] = [];
  let end = 0;
  for (const chunk of original.matchAll(/[\p{L}\p{M}\p{N}]+(?:-+[\p{L}\p{M}\p{N}]+)*/gu)) {
    const before = original.slice(end, chunk.index);
    end = chunk.index + chunk[0].length;
    const boundary = tokens.length === 0 || /[.!?;:\n]/.test(before);
    if (boundary && tokens.length > 0) tokens[tokens.length - 1]!.sentenceEnd = true;
    const chunkWords = words(chunk[0]);
    chunkWords.forEach((word, i) =>
      tokens.push({
        word,
        spelled: chunkWords.length === 1 ? chunk[0].toLowerCase() : undefined,
        capital: i === 0 && !shouting && /^\p{Lu}/u.test(chunk[0]),
        sentenceStart: i === 0 && boundary,
        sentenceEnd: false,
      }),
    );
  }
  if (tokens.length > 0) tokens[tokens.length - 1]!.sentenceEnd = true;
  // The chunks fold as the whole text does; if some character ever makes them differ, go by the folded words alone.
  return tokens.length === folded.length && tokens.every((token, i) => token.word === folded[i]) ? tokens : plain();
}
