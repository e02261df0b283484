// Questions the structured facts do not cover: the best passage or figure of the documents, quoted.
import MiniSearch, { type SearchResult } from 'minisearch';
import type { FigureFact } from '../../knowledge/model.js';
import type { Passage } from '../../knowledge/passages.js';
import type { KnowledgeStore } from '../../knowledge/store.js';
import { findSwedishPlaces } from '../../knowledge/sweden.js';
import { cleanQuote, foldText } from '../../text/normalize.js';
import { placeName, source, t, type AnswerInput } from '../answer-context.js';
import { quoteSwedish } from '../language.js';
import type { Lang } from '../format.js';
import { emptyReply, type Reply } from '../reply.js';
import { sourceLine } from '../sources.js';
import { searchTerm, stem } from '../swedish.js';
import { COST_OR_COUNT, STOP_WORDS, WHAT_IS } from '../vocabulary.js';
import { translate } from '../glossary.js';
import { countyOf } from './resolve.js';
import { knownPlaces, notFound } from './unknown.js';

const SEARCH_STOP_WORDS = new Set([
  ...STOP_WORDS,
  ...'can could would should we our people aged live lives living vad ar betyder innebar beratta forklara gor gora gjort hander hande what is are does do did mean tell explain happen happens have has had kostar kostade kostnad dyr dyrt cost costs expensive manga antal number fanns finns there hur how mycket per person personer var det vilken vilket'.split(' '),
  // Words that frame the question, not its subject: "vad handlar … om", "where is it being done".
  ...'handlar handla galler it its being done doing carried out taking place happening going whats this that these those'.split(' '),
  // Words that name the source, not what is asked: "enligt 2018 års rapport", "according to the 2018 plan".
  ...'enligt rapport rapporten planen pm pmet dokument dokumentet dokumenten skanedokumentet analys analysen report document memo analysis according'.split(' '),
]);

/** Words the documents use for the same thing: either satisfies the question. */
const SAME_THING = [['invånare', 'folkmängd', 'befolkning']];
const ALTERNATIVES = new Map<string, string[]>(
  SAME_THING.flatMap((words) => {
    const terms = words.map((word) => searchTerm(word, new Set())!);
    return terms.map((term) => [term, terms.filter((other) => other !== term)] as [string, string[]]);
  }),
);



interface Entry {
  id: string;
  kind: 'passage' | 'figure';
  text: string;
  section: string;
  place: string;
  year: number;
}

export interface SearchFilter {
  county?: string;
  year?: number;
  prefer: 'figure' | 'passage';
  /** A municipality or sub-region the answer must be about. */
  place?: { id: string; name: string };
  /** "vad kostar …" needs an amount in the answer, "hur många …" a number, "vilka orter …" places named. */
  needs?: 'money' | 'number' | 'places';
  /** A percentage is asked for (else a count is not answered by one). */
  percent?: boolean;
  /** "vad är X?": prefer a passage that says what X is. */
  define?: boolean;
  /** Only the preferred kind will do (a cost question that an item's amount answers otherwise). */
  only?: boolean;
}

type Found = { result: SearchResult; passage?: Passage; figure?: FigureFact };

function indexOf(entries: Entry[]): MiniSearch<Entry> {
  const processTerm = (term: string) => searchTerm(term, SEARCH_STOP_WORDS);
  const index = new MiniSearch<Entry>({
    // One field: the section heading is searched as part of the text (half the scoring work of two).
    fields: ['text'],
    extractField: (entry, field) => (field === 'text' ? `${entry.section} ${entry.text}` : String(entry[field as keyof Entry])),
    storeFields: ['kind', 'place', 'year'],
    processTerm,
    searchOptions: { processTerm, prefix: (term) => term.length >= 5 },
  });
  index.addAll(entries);
  return index;
}

export class PassageSearch {
  private readonly passages = new Map<string, Passage>();
  /** Passage texts folded once: place checks run on every search. */
  private readonly foldedPassages = new Map<string, string>();
  private readonly figures = new Map<string, FigureFact>();
  private readonly figureUnits = new Map<string, string | null>();
  private readonly vocabulary = new Set<string>();

  private readonly indexes = new Map<string, MiniSearch<Entry>>();

  constructor(store: KnowledgeStore) {
    const entries: Entry[] = [];
    for (const passage of store.passages) {
      this.passages.set(passage.id, passage);
      this.foldedPassages.set(passage.id, foldText(passage.text));
      entries.push({ id: passage.id, kind: 'passage', text: passage.text, section: passage.section, place: passage.document.place, year: passage.document.year });
    }
    for (const figure of store.knowledge.figures) {
      this.figures.set(figure.id, figure);
      this.figureUnits.set(figure.id, searchTerm(figure.unit, new Set()));
      entries.push({ id: figure.id, kind: 'figure', text: `${figure.topic} ${figure.value} ${figure.unit} ${figure.source.quote}`, section: figure.source.section, place: figure.document.place, year: figure.year });
    }
    for (const entry of entries) {
      for (const word of foldText(`${entry.text} ${entry.section}`).split(/[ -]/)) {
        const term = searchTerm(word, SEARCH_STOP_WORDS);
        if (term) this.vocabulary.add(term);
      }
    }
    // An index per kind (figures, passages) and county: a question searches only what can answer it,
    // the preferred kind first.
    for (const kind of ['figure', 'passage'] as const) {
      const ofKind = entries.filter((entry) => entry.kind === kind);
      this.indexes.set(`${kind}:`, indexOf(ofKind));
      for (const county of new Set(ofKind.map((entry) => entry.place))) {
        this.indexes.set(`${kind}:${county}`, indexOf(ofKind.filter((entry) => entry.place === county)));
      }
    }
  }

  /**
   * The best entry that matches enough of the question's content words: figures (costs, counts) for
   * "hur många"/"vad kostar", passages otherwise. Nothing good enough → undefined, never a guess.
   */
  search(query: string, filter: SearchFilter): Found | undefined {
    const groups = this.termGroups(query);
    if (groups.length === 0) return undefined;
    const placeTerms = filter.place ? foldText(filter.place.name).split(' ').map((w) => searchTerm(w, SEARCH_STOP_WORDS)).filter((w): w is string => w !== null) : [];
    const allTerms = [...new Set([...groups.flat(), ...placeTerms])];
    const needed = Math.max(1, Math.ceil(groups.length * 0.6));
    const placeName = filter.place ? foldText(filter.place.name) : undefined;
    // Synonyms and compound parts are words of the documents already: matched whole, never expanded.
    const alternatives = new Set(groups.flatMap((group) => group.slice(1)));
    const good = (kind: Entry['kind']) => {
      const index = this.indexes.get(`${kind}:${filter.county ?? ''}`);
      if (!index) return [];
      // The terms are processed already (stemmed, split): the query must not process them again. Words
      // the documents contain match whole; others also as a word's start ("anvand" → "användas"):
      // prefix expansion of common stems is where search time goes.
      const results = index
        .search(allTerms.join(' '), { processTerm: (term) => term, prefix: (term) => !alternatives.has(term) && (term.length >= 7 || (term.length >= 5 && !this.vocabulary.has(term))) })
        .filter((result) => {
          const matched = new Set(result.queryTerms);
          if (groups.filter((group) => group.some((term) => matched.has(term))).length < needed) return false;
          return this.fits(result, filter, placeName);
        });
      // A year asked for narrows the results when it can; it may be the year of a figure, not of a document.
      const ofYear = filter.year ? results.filter((result) => result.year === filter.year) : results;
      return ofYear.length > 0 ? ofYear : results;
    };
    const other = filter.prefer === 'figure' ? 'passage' : 'figure';
    const preferred = good(filter.prefer);
    return this.pick(preferred.length > 0 || filter.only ? preferred : good(other), filter, groups);
  }

  private pick(good: SearchResult[], filter: SearchFilter, groups: string[][]): Found | undefined {
    // A figure about the county itself beats one about a municipality in it ("hur många invånare har Dalarna?").
    const figures = good
      .filter((result) => result.kind === 'figure')
      .map((result) => ({ result, rank: this.figureRank(result, filter, groups) }))
      .sort((a, b) => b.rank - a.rank)
      .map(({ result }) => result);
    // Without a year asked, the latest of the figures that match about as well ("220 in all", not "156 in 2016–2017").
    const top = figures[0];
    if (top && !filter.year) {
      const year = (result: SearchResult) => this.figures.get(String(result.id))!.year;
      const close = figures.filter((result) => result.score >= top.score * 0.8 && this.figureRank(result, filter, groups) === this.figureRank(top, filter, groups));
      figures.unshift(close.reduce((latest, result) => (year(result) > year(latest) ? result : latest), top));
    }
    const passages = good.filter((result) => result.kind === 'passage');
    const passage = filter.define ? this.definition(passages.slice(0, 6), groups) : passages[0];
    const best = filter.prefer === 'figure' ? (figures[0] ?? passage) : (passage ?? figures[0]);
    if (!best) return undefined;
    const id = String(best.id);
    return best.kind === 'figure' ? { result: best, figure: this.figures.get(id)! } : { result: best, passage: this.passages.get(id)! };
  }

  /** The passage that defines the subject ("Bostad först innebär …", "Lupp – en …"), else the best ranked. */
  private definition(candidates: SearchResult[], groups: string[][]): SearchResult | undefined {
    const subject = groups.map((group) => group[0]!);
    const defines = (result: SearchResult) => {
      const text = plain(this.passages.get(String(result.id))!.text);
      return subject.some((term) => new RegExp(`${term}\\S*\\s*[”"]?\\s*(ar |innebar|betyder|heter|– |- |\\()`).test(text));
    };
    return candidates.find(defines) ?? candidates[0];
  }

  /** Among good figures: one about the county itself, and one whose unit is a word of the question, first. */
  private figureRank(result: SearchResult, filter: SearchFilter, groups: string[][]): number {
    const figure = this.figures.get(String(result.id))!;
    const unit = this.figureUnits.get(figure.id)!;
    return Number(figure.place === filter.county) + Number(groups.some((group) => unit !== null && group.includes(unit)));
  }

  /** A result about the place asked, with the kind of number the question wants. */
  private fits(result: SearchResult, filter: SearchFilter, placeName: string | undefined): boolean {
    const id = String(result.id);
    if (result.kind === 'figure') {
      const figure = this.figures.get(id)!;
      if (filter.place && figure.place !== filter.place.id) return false;
      if (filter.needs === 'money' && !/\bkr\b|kronor|mkr|miljon|miljard/i.test(`${figure.value} ${figure.unit}`)) return false;
      // "How many instructors were trained?" is not answered by a percentage of a post.
      if (filter.needs === 'number' && !filter.percent && /%|procent/i.test(`${figure.value} ${figure.unit}`)) return false;
      return true;
    }
    const text = this.passages.get(id)!.text;
    if (placeName && !this.foldedPassages.get(id)!.includes(placeName)) return false;
    if (filter.needs === 'money' && !/\d[\d\s]*(kr|kronor|mkr)\b/i.test(text)) return false;
    if (filter.needs === 'number' && !/\d/.test(text)) return false;
    if (filter.needs === 'places' && !findSwedishPlaces(text).some((place) => place.kind === 'municipality')) return false;
    return true;
  }

  /** Each content word of the question with the words that may stand for it (synonyms, compound parts). */
  private termGroups(query: string): string[][] {
    const groups: string[][] = [];
    for (const word of foldText(query).split(/[ -]/)) {
      // Folded already: only the stop words and the stem are left to do.
      if (word.length < 2 || SEARCH_STOP_WORDS.has(word)) continue;
      const term = stem(word);
      const group = [term, ...(ALTERNATIVES.get(term) ?? [])];
      group.push(...this.decompound(term));
      groups.push([...new Set(group)]);
    }
    return groups;
  }

  /** "instruktorsutbildning" → "instruktor", "utbildning" when both are words of the documents. */
  private decompound(term: string): string[] {
    for (let i = 4; i <= term.length - 4; i++) {
      const tail = stem(term.slice(i));
      if (!this.vocabulary.has(tail)) continue;
      const head = term.slice(0, i);
      for (const h of [head, head.endsWith('s') ? head.slice(0, -1) : '']) {
        if (h.length >= 4 && this.vocabulary.has(stem(h))) return [stem(h), tail];
      }
    }
    return [];
  }
}

/** " och vilka …", " and where …": where a second question on the same subject starts. */
const SECOND_QUESTION = /\s(?:och|samt|and)\s(?=(?:vilka|vilken|vilket|var|vem|vad|hur|nar|när|where|who|which|what|how|when)\b)/i;

/** "Vilka orter får …?": the answer names places. */
const ASKS_PLACES = /\b(vilka|vilken|which|what) (orter|ort|kommuner|kommun|platser|plats|places|towns|municipalities)\b/;

export function answerSearch(input: AnswerInput, search: PassageSearch, options: { figuresOnly?: boolean } = {}): Reply {
  const { u } = input;
  const place = u.places[0]?.place;
  // What the documents say of the whole country may stand in any county's document.
  const county = place && place.kind !== 'country' ? countyOf(input, place) : undefined;
  const specific = place && place.kind !== 'county' && place.kind !== 'country' ? { id: place.id, name: place.name } : undefined;
  const query = translate(stripPlaces(u.text, u.places.map((m) => m.text)), input.lang);
  const costOrCount = COST_OR_COUNT.test(u.folded);
  const filter: SearchFilter = {
    ...(county ? { county: county.id } : {}),
    prefer: costOrCount ? 'figure' : 'passage',
    ...(specific ? { place: specific } : {}),
    ...(WHAT_IS.test(u.folded) ? { define: true } : {}),
    ...(options.figuresOnly ? { only: true } : {}),
    ...(!costOrCount && ASKS_PLACES.test(u.folded) ? { needs: 'places' as const } : {}),
    ...(costOrCount ? { needs: /\b(kostar|kostade|kostnad\w*|dyr\w*|cost\w*|expensive)\b/.test(u.folded) ? ('money' as const) : ('number' as const) } : {}),
    ...(/\b(procent\w*|percent\w*|andel\w*|share|tjanstgoringsgrad|omfattning)\b|%/.test(u.text.toLowerCase()) ? { percent: true } : {}),
  };
  const scoped = { ...filter, ...(u.year ? { year: u.year } : {}) };
  // "Vad är Bostad först och vilka samarbetar kring det?": two questions on one subject; the passage
  // on the first part, which names the subject, often answers both.
  const first = query.split(SECOND_QUESTION)[0]!;
  const found = search.search(query, scoped) ?? (first !== query && first.trim().split(/\s+/).length >= 3 ? search.search(first, scoped) : undefined);
  if (!found) {
    const reply = notFound(input, 'något svar på det', 'an answer to that');
    reply.known = knownPlaces(input);
    reply.suggestions = helpSuggestions(input);
    return reply;
  }
  if (found.figure) {
    const figure = found.figure;
    const value = localiseFigure(`${figure.value} ${figure.unit}`, input.lang);
    // The topic is the document's Swedish: an English answer shows it as a quote.
    const topic = input.lang === 'en' ? quoteSwedish(figure.topic) : figure.topic;
    const reply = emptyReply('figure', input.lang, topic, '');
    reply.figure = value;
    reply.rows = [{ label: topic, value }];
    reply.quote = source(input, { document: figure.document, ...figure.source });
    reply.sources = [reply.quote];
    reply.text = `${topic}: ${value} (${placeName(input, figure.place)}, ${figure.year}). ${t(input, 'Citat ur dokumentet', 'Quote from the document (Swedish)')}: ”${reply.quote.quote}” ${sourceLine(reply.sources, input.lang)}.`;
    return reply;
  }
  const passage = found.passage!;
  const quote = cleanQuote(bestSentences(passage.text, found.result.queryTerms));
  const reply = emptyReply('passage', input.lang, passage.section, '');
  reply.quote = source(input, { document: passage.document, section: passage.section, quote });
  reply.sources = [reply.quote];
  reply.text = `${t(input, 'Det här står i dokumentet (citat)', 'This is what the document says (quoted, in Swedish)')}: ”${quote}” ${sourceLine(reply.sources, input.lang)}.`;
  reply.notes = [t(input, 'Svaret är ett citat ur dokumentet, inte en sammanfattning.', 'The answer is a quote from the document, not a summary.')];
  return reply;
}

/** Lower case without diacritics, punctuation kept. */
function plain(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}


/** "ca 78 900 barn" → "approx. 78,900 barn"; "ca 20 000 kr per person" → "approx. SEK 20,000 per person". */
export function localiseFigure(text: string, lang: Lang): string {
  if (lang === 'sv') return text;
  return text
    .replace(/\b(ca|cirka)\s+/gi, 'approx. ')
    .replace(/(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:,(\d+))?/g, (_m, whole: string, decimals: string | undefined) => `${whole.replace(/[ \u00a0]/g, ',')}${decimals ? `.${decimals}` : ''}`)
    .replace(/([\d.,]+)\s*kr\b/g, 'SEK $1');
}

function stripPlaces(text: string, matched: string[]): string {
  // Place names filter the search; as search words they would only add noise.
  const foldedMatched = new Set(matched.flatMap((m) => m.split(' ')));
  return text
    .split(/\s+/)
    .filter((word) => !foldedMatched.has(foldText(word)))
    .join(' ');
}

/** A passage's sentences, and each folded for matching: split once per passage, when first quoted. */
const sentencesOf = new Map<string, { sentences: string[]; folded: string[] }>();

function splitSentences(text: string): { sentences: string[]; folded: string[] } {
  let split = sentencesOf.get(text);
  if (!split) {
    // Sentence ends, but not list numbers ("2. Slutredovisning …").
    const sentences = text.split(/(?<=[\p{Ll})][.!?])\s+(?=[A-ZÅÄÖ])/u);
    sentencesOf.set(text, (split = { sentences, folded: sentences.map(foldText) }));
  }
  return split;
}

/** The sentence with most of the question's terms, with its neighbours up to about 600 characters. */
/** About how long a quoted answer may be: the sentence asked about and the ones that name who and where. */
const QUOTE_BUDGET = 600;

function bestSentences(text: string, terms: string[]): string {
  const { sentences, folded: foldedSentences } = splitSentences(text);
  let bestIndex = 0;
  let bestScore = -1;
  sentences.forEach((_sentence, i) => {
    const folded = foldedSentences[i]!;
    const score = terms.filter((term) => folded.includes(term)).length;
    if (score > bestScore) {
      bestScore = score;
      bestIndex = i;
    }
  });
  // The sentence before often says what the best one is about ("… projekt som motverkar studieavbrott").
  const start = bestIndex > 0 && sentences[bestIndex - 1]!.length + sentences[bestIndex]!.length < QUOTE_BUDGET ? bestIndex - 1 : bestIndex;
  let quote = sentences.slice(start, bestIndex + 1).join(' ');
  for (let i = bestIndex + 1; i < sentences.length && quote.length + sentences[i]!.length < QUOTE_BUDGET; i++) quote += ` ${sentences[i]}`;
  return quote.length > QUOTE_BUDGET + 150 ? `${quote.slice(0, QUOTE_BUDGET + 147)}…` : quote;
}

export function helpSuggestions(input: AnswerInput) {
  return [
    { title: t(input, 'Hur mycket får Mora?', 'How much does Mora get?'), question: t(input, 'Hur mycket får Mora?', 'How much does Mora get?') },
    { title: t(input, 'När ska fakturan skickas?', 'When is the invoice due?'), question: t(input, 'När ska fakturan skickas?', 'When is the invoice due?') },
    { title: t(input, 'Vilken referenskod?', 'Which reference code?'), question: t(input, 'Vilken referenskod ska stå på fakturan?', 'Which reference code goes on the invoice?') },
  ];
}
