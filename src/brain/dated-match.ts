// Which dated statement a question is about: its content words (folded, stemmed, Swedish compounds
// met halfway) scored against each statement's label, actor and quote, rarer words weighing more.
import type { DeadlineFact } from '../knowledge/model.js';
import type { KnowledgeStore } from '../knowledge/store.js';
import { foldText } from '../text/normalize.js';
import { stem } from './swedish.js';
import { DEADLINE, DEADLINE_KINDS, STOP_WORDS } from './vocabulary.js';

/** A question asks for a date or a period: "när", "hur länge", "vilken period", "since when". */
const ASKS_FOR_DATE =
  /\b(nar|datum|vilken manad|vilken vecka|vilken period|vilken tid|under vilken|hur lange|sedan nar|fran nar|till nar|tidsplan\w*|when|date|what year|which year|what years|which years|which month|which week|what period|which period|how long|since when|until when|by when|timeline|timetable|schedule)\b/;

/** "Vilket år", "vilka år": before folding, since "vilka är" (which are) folds to the same letters. */
const WHICH_YEAR = /(^|[^\p{L}])(vilket|vilka|vilken) år($|[^\p{L}])/u;

/** A question asks for a date or a period. */
export function asksForDate(text: string, folded: string): boolean {
  return ASKS_FOR_DATE.test(folded) || WHICH_YEAR.test(text.toLowerCase());
}

/** A text that gives a date or a period at some precision: a year, a month, a season, a week, "201218". */
export const MENTIONS_DATE = /\b(19|20)\d{2}\b|\b\d{6}\b|\b(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|var\w*|host\w*|sommar\w*|vinter\w*|vecka|veckor|termin\w*|arsskifte\w*)\b/;

/** Words that only ask for a date, or name a kind of deadline: never what the question is about. */
const GENERIC = new Set(
  `nar datum dag dagen vecka manad manaden ar aret tid tiden period perioden lange lang sedan fran till under vilket vilken vilka
  ska skall skulle kan kunde maste bor vara varit blir bli ha hade har en ett den det de dom oss vi ni man s k sk
  deadline deadlines frist fristen senast sista slut date day days week month year years time period long since until by due
  report reports reporting final status progress invoice invoices invoicing spend spent use used using funds fund money grant grants
  be been being is are was were will shall must should can could the a an of for to in on at it its do did does when what which how has have had`.split(/\s+/),
);

/** Reporting and invoicing in any compound ("slutredovisa", "återrapportera"): the deadline list's words. */
const REPORTING = /redovis|rapport|faktur|report|invoic/;

/**
 * The content terms of a text, each as its folded word and its stem ("fattades" and "fattad", so that
 * "fattades" meets "fattade" by the word where the stems part): no stop words, numbers or date words.
 */
export function contentTerms(text: string, drop: Set<string> = new Set()): string[][] {
  const words = foldText(text)
    .replace(/-/g, ' ')
    .split(' ')
    .filter((word) => word.length > 1 && !/^\d+$/.test(word) && !drop.has(word) && !STOP_WORDS.has(word) && !GENERIC.has(word))
    .filter((word) => !DEADLINE.test(word) && !DEADLINE_KINDS.some(([, pattern]) => pattern.test(word)) && !REPORTING.test(word));
  return [...new Set(words)].map((word) => [...new Set([word, stem(word)])]);
}

/**
 * How well two terms meet: the same stem (1), one the start of the other ("decemberbeslut",
 * "decemberbeslutet": 0.9), the same start for most of the shorter ("anställd", "anställning": 0.7),
 * or one inside a compound ("samordnare" in "suicidpreventionssamordnare": 0.5).
 */
export function termMatch(a: string, b: string): number {
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 5 && long.startsWith(short)) return 0.9;
  let common = 0;
  while (common < short.length && short[common] === long[common]) common += 1;
  if (common >= 6 && common >= short.length * 0.75) return 0.7;
  if (short.length >= 6 && long.includes(short)) return 0.5;
  return 0;
}

interface Entry {
  fact: DeadlineFact;
  terms: string[];
}

export interface DatedIndex {
  entries: Entry[];
  /** Every term of every statement once, with how rare it is (ln(1 + N / statements with it)) and the statements that hold it. */
  vocabulary: string[];
  idf: number[];
  postings: number[][];
  /** The vocabulary terms a question word meets, and how well, worked out once per word. */
  meets: Map<string, [id: number, match: number][]>;
}

const MAX_MEMO = 5_000;

/** The vocabulary terms a word meets (termMatch > 0): the same words are asked again and again. */
function meetsOf(index: DatedIndex, word: string): [id: number, match: number][] {
  let met = index.meets.get(word);
  if (met) return met;
  met = [];
  for (let id = 0; id < index.vocabulary.length; id++) {
    const match = termMatch(word, index.vocabulary[id]!);
    if (match > 0) met.push([id, match]);
  }
  if (index.meets.size >= MAX_MEMO) index.meets.clear();
  index.meets.set(word, met);
  return met;
}

const INDEXES = new WeakMap<KnowledgeStore, DatedIndex>();

/** The statements' terms, built once per store. */
export function datedIndex(store: KnowledgeStore): DatedIndex {
  const cached = INDEXES.get(store);
  if (cached) return cached;
  const entries = store.deadlines().map((fact) => ({
    fact,
    terms: [...new Set(contentTerms([fact.title.sv, fact.title.en, fact.actor ?? '', fact.source.quote].join(' ')).flat())],
  }));
  const termIds = new Map<string, number>();
  const postings: number[][] = [];
  entries.forEach((entry, at) => {
    for (const term of entry.terms) {
      let id = termIds.get(term);
      if (id === undefined) termIds.set(term, (id = postings.push([]) - 1));
      postings[id]!.push(at);
    }
  });
  const n = entries.length;
  const index: DatedIndex = { entries, vocabulary: [...termIds.keys()], idf: postings.map((holders) => Math.log(1 + n / holders.length)), postings, meets: new Map() };
  INDEXES.set(store, index);
  return index;
}

export interface Scored {
  fact: DeadlineFact;
  score: number;
  /** Question terms the statement meets, and the year named when the statement covers it. */
  matched: number;
  /** The longest question term met: a long compound ("decemberbeslutet") is specific on its own. */
  longest: number;
}

/** Every statement that meets a question term, best first. */
export function scoreStatements(
  index: DatedIndex,
  terms: string[][],
  accept: (fact: DeadlineFact) => boolean,
  weigh: (fact: DeadlineFact) => { factor: number; yearMet: boolean },
): Scored[] {
  // best[t][e]: how well question term t meets statement e at best (its match times the rarity of the statement's term).
  const best = terms.map(() => new Float64Array(index.entries.length));
  terms.forEach((term, t) => {
    for (const variant of term) {
      for (const [id, match] of meetsOf(index, variant)) {
        const weight = match * index.idf[id]!;
        for (const at of index.postings[id]!) if (weight > best[t]![at]!) best[t]![at] = weight;
      }
    }
  });
  const scored: Scored[] = [];
  index.entries.forEach((entry, at) => {
    if (!accept(entry.fact)) return;
    let score = 0;
    let matched = 0;
    let longest = 0;
    terms.forEach((term, t) => {
      const met = best[t]![at]!;
      if (met > 0) {
        matched += 1;
        longest = Math.max(longest, term[0]!.length);
      }
      score += met;
    });
    if (matched === 0) return;
    const { factor, yearMet } = weigh(entry.fact);
    scored.push({ fact: entry.fact, score: score * factor, matched: matched + (yearMet ? 1 : 0), longest });
  });
  return scored.sort((a, b) => b.score - a.score || a.fact.start.localeCompare(b.fact.start));
}
