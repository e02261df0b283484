// Questions the structured facts do not cover: the best passage or figure of the documents, quoted.
import MiniSearch, { type SearchResult } from 'minisearch';
import type { FigureFact } from '../../knowledge/model.js';
import type { Passage } from '../../knowledge/passages.js';
import type { KnowledgeStore } from '../../knowledge/store.js';
import { foldText } from '../../text/normalize.js';
import { placeName, source, t, type AnswerInput } from '../answer-context.js';
import { emptyReply, type Reply } from '../reply.js';
import { searchTerm } from '../swedish.js';
import { COST_OR_COUNT, STOP_WORDS } from '../vocabulary.js';
import { countyOf } from './resolve.js';
import { knownPlaces, notFound } from './unknown.js';

const SEARCH_STOP_WORDS = new Set([...STOP_WORDS, ...'vad ar betyder innebar beratta forklara what is are does mean tell explain kostar kostnad kostade cost costs manga antal number fanns finns there hur how mycket'.split(' ')]);

interface Entry {
  id: string;
  kind: 'passage' | 'figure';
  text: string;
  section: string;
  file: string;
  place: string;
  year: number;
}

export class PassageSearch {
  private readonly index: MiniSearch<Entry>;
  private readonly passages = new Map<string, Passage>();
  private readonly figures = new Map<string, FigureFact>();

  constructor(store: KnowledgeStore) {
    const processTerm = (term: string) => searchTerm(term, SEARCH_STOP_WORDS);
    this.index = new MiniSearch<Entry>({
      fields: ['text', 'section'],
      storeFields: ['kind', 'file', 'place', 'year'],
      processTerm,
      searchOptions: { processTerm, boost: { section: 1.5 }, prefix: (term) => term.length >= 3, fuzzy: (term) => (term.length >= 7 ? 0.15 : 0) },
    });
    const entries: Entry[] = [];
    for (const passage of store.passages) {
      this.passages.set(passage.id, passage);
      entries.push({ id: passage.id, kind: 'passage', text: passage.text, section: passage.section, file: passage.document.file, place: passage.document.place, year: passage.document.year });
    }
    for (const figure of store.knowledge.figures) {
      this.figures.set(figure.id, figure);
      entries.push({ id: figure.id, kind: 'figure', text: `${figure.topic} ${figure.value} ${figure.unit} ${figure.source.quote}`, section: figure.source.section, file: figure.document.file, place: figure.document.place, year: figure.year });
    }
    this.index.addAll(entries);
  }

  /**
   * The best entry that matches enough of the question's content words. Figures (costs, counts) are
   * preferred for "hur många"/"vad kostar" questions, passages otherwise; a figure about the very place
   * asked wins over one about its county.
   */
  search(query: string, filter: { county?: string; year?: number; prefer: 'figure' | 'passage'; place?: string }): Found | undefined {
    const terms = [...new Set(foldText(query).split(/[ -]/).map((word) => searchTerm(word, SEARCH_STOP_WORDS)).filter((term): term is string => term !== null))];
    if (terms.length === 0) return undefined;
    const results = this.index.search(terms.join(' '), {
      filter: (result) => (!filter.county || result.place === filter.county) && (!filter.year || result.year === filter.year),
    });
    const needed = Math.max(1, Math.ceil(terms.length * 0.6));
    const good = results.filter((result) => result.queryTerms.length >= needed);
    const ofKind = (kind: Entry['kind']) => good.filter((result) => result.kind === kind);
    const figures = ofKind('figure');
    const placed = filter.place ? figures.filter((result) => this.figures.get(String(result.id))?.place === filter.place) : [];
    const best = filter.prefer === 'figure' ? (placed[0] ?? figures[0] ?? good[0]) : (ofKind('passage')[0] ?? good[0]);
    if (!best) return undefined;
    const id = String(best.id);
    return best.kind === 'figure' ? { result: best, figure: this.figures.get(id)! } : { result: best, passage: this.passages.get(id)! };
  }
}

type Found = { result: SearchResult; passage?: Passage; figure?: FigureFact };

/** English words mapped to the Swedish the documents use, so English questions find Swedish text. */
const GLOSSARY: Record<string, string> = {
  week: 'vecka', housing: 'bostad', first: 'först', app: 'appen', youth: 'ungdom', young: 'unga', children: 'barn', child: 'barn',
  coordinator: 'samordnare', coordinators: 'samordnare', training: 'utbildning', trained: 'utbildade', instructor: 'instruktör',
  instructors: 'instruktörer', cost: 'kostar', costs: 'kostar', inhabitants: 'invånare', population: 'folkmängd', people: 'personer',
  municipalities: 'kommuner', ongoing: 'pågående', work: 'arbeten', staff: 'medarbetare', employees: 'medarbetare', employee: 'medarbetare',
  suicide: 'suicid', prevention: 'prevention', users: 'brukare', user: 'brukar', clinic: 'mottagning', clinics: 'mottagningar',
  home: 'hem', report: 'rapport', requirements: 'krav', gender: 'jämställdhet', equality: 'jämställd', aged: 'år', live: 'bor',
  offer: 'erbjuder', offers: 'erbjuder', share: 'andel', percentage: 'andel', survey: 'enkät', pilot: 'pilotprojekt', projects: 'projekt',
  project: 'projekt', first_aid: 'första hjälpen', fountain: 'fontänhus', house: 'hus', use: 'använda', money: 'medlen',
};

function translate(text: string, lang: 'sv' | 'en'): string {
  if (lang === 'sv') return text;
  return text
    .split(/\s+/)
    .map((word) => GLOSSARY[foldText(word)] ?? word)
    .join(' ');
}

export function answerSearch(input: AnswerInput, search: PassageSearch): Reply {
  const { u } = input;
  const place = u.places[0]?.place;
  const county = place ? countyOf(input, place) : undefined;
  const query = translate(stripPlaces(u.text, u.places.map((m) => m.text)), input.lang);
  const prefer = COST_OR_COUNT.test(u.folded) ? 'figure' : 'passage';
  const found =
    search.search(query, { ...(county ? { county: county.id } : {}), ...(u.year ? { year: u.year } : {}), prefer, ...(place ? { place: place.id } : {}) }) ??
    // A year may be the year of the figure rather than of the document: try without it.
    (u.year ? search.search(query, { ...(county ? { county: county.id } : {}), prefer, ...(place ? { place: place.id } : {}) }) : undefined);
  if (!found) {
    const reply = notFound(input, 'något svar på det', 'an answer to that');
    reply.known = knownPlaces(input);
    reply.suggestions = helpSuggestions(input);
    return reply;
  }
  if (found.figure) {
    const figure = found.figure;
    const reply = emptyReply('figure', input.lang, figure.topic, '');
    reply.figure = `${figure.value} ${figure.unit}`;
    reply.rows = [{ label: figure.topic, value: `${figure.value} ${figure.unit}` }];
    reply.quote = source(input, { document: figure.document, ...figure.source });
    reply.sources = [reply.quote];
    reply.text = `${figure.topic}: ${figure.value} ${figure.unit} (${placeName(input, figure.place)}, ${figure.year}). ${t(input, 'Citat ur dokumentet', 'Quote from the document (Swedish)')}: ”${figure.source.quote}” ${t(input, 'Källa', 'Source')}: ${reply.quote.title} (${reply.quote.origin}), ${reply.quote.section}.`;
    return reply;
  }
  const passage = found.passage!;
  const quote = bestSentences(passage.text, found.result.terms);
  const reply = emptyReply('passage', input.lang, passage.section, '');
  reply.quote = source(input, { document: passage.document, section: passage.section, quote });
  reply.sources = [reply.quote];
  reply.text = `${t(input, 'Det här står i dokumentet (citat)', 'This is what the document says (quoted, in Swedish)')}: ”${quote}” ${t(input, 'Källa', 'Source')}: ${reply.quote.title} (${reply.quote.origin}), ${passage.section}.`;
  reply.notes = [t(input, 'Svaret är ett citat ur dokumentet, inte en sammanfattning.', 'The answer is a quote from the document, not a summary.')];
  return reply;
}

function stripPlaces(text: string, matched: string[]): string {
  // Place names filter the search; as search words they would only add noise.
  const foldedMatched = new Set(matched.flatMap((m) => m.split(' ')));
  return text
    .split(/\s+/)
    .filter((word) => !foldedMatched.has(foldText(word)))
    .join(' ');
}

/** The sentence with most matched terms, and the next one when it is short. */
function bestSentences(text: string, terms: string[]): string {
  const sentences = text.split(/(?<=[.!?])\s+(?=[A-ZÅÄÖ])/);
  let bestIndex = 0;
  let bestScore = -1;
  sentences.forEach((sentence, i) => {
    const folded = foldText(sentence);
    const score = terms.filter((term) => folded.includes(term)).length;
    if (score > bestScore) {
      bestScore = score;
      bestIndex = i;
    }
  });
  let quote = sentences[bestIndex]!;
  if (quote.length < 200 && sentences[bestIndex + 1]) quote += ` ${sentences[bestIndex + 1]}`;
  return quote.length > 600 ? `${quote.slice(0, 597)}…` : quote;
}

export function helpSuggestions(input: AnswerInput) {
  return [
    { title: t(input, 'Hur mycket får Mora?', 'How much does Mora get?'), question: t(input, 'Hur mycket får Mora?', 'How much does Mora get?') },
    { title: t(input, 'När ska fakturan skickas?', 'When is the invoice due?'), question: t(input, 'När ska fakturan skickas?', 'When is the invoice due?') },
    { title: t(input, 'Vilken referenskod?', 'Which reference code?'), question: t(input, 'Vilken referenskod ska stå på fakturan?', 'Which reference code goes on the invoice?') },
  ];
}
