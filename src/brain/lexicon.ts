// The words of the knowledge, folded once per store: fund synonyms, place words, item labels.
// Folding text is the costliest step of understanding a question, so none of it happens per question.
import type { AmountFact } from '../knowledge/model.js';
import type { Fund } from '../knowledge/schema.js';
import type { KnowledgeStore } from '../knowledge/store.js';
import { foldText } from '../text/normalize.js';
import { stem } from './swedish.js';
import { STOP_WORDS } from './vocabulary.js';

export interface Lexicon {
  /** Every fund name and synonym, folded with dashes as spaces, longest first. */
  fundPhrases: { fund: Fund; phrase: string; parts: string[]; /** One-word phrases of 6+ letters: their stem, so that inflections match ("skånegemensamma"). */ stem?: string }[];
  fundWords: Set<string>;
  placeWords: Set<string>;
  /** Items within funds ("Case Management") and the words that name them. */
  items: { fact: AmountFact; words: string[] }[];
}

const cache = new WeakMap<KnowledgeStore, Lexicon>();

export function lexiconOf(store: KnowledgeStore): Lexicon {
  let lexicon = cache.get(store);
  if (!lexicon) {
    lexicon = build(store);
    cache.set(store, lexicon);
  }
  return lexicon;
}

function build(store: KnowledgeStore): Lexicon {
  const fundPhrases = store.knowledge.funds
    .flatMap((fund) =>
      [fund.name.sv, fund.name.en, ...fund.synonyms].map((synonym) => {
        const phrase = foldText(synonym).replace(/-/g, ' ');
        const parts = phrase.split(' ');
        return { fund, phrase, parts, ...(parts.length === 1 && phrase.length >= 6 ? { stem: stem(phrase) } : {}) };
      }),
    )
    .filter(({ phrase }) => phrase.length >= 2)
    .sort((a, b) => b.phrase.length - a.phrase.length);
  const fundWords = new Set(fundPhrases.flatMap(({ parts }) => parts));
  const placeWords = new Set(store.knowledge.places.flatMap((place) => [place.name, ...place.aliases].flatMap((name) => foldText(name).split(/[ -]/))));
  const items = store.knowledge.amounts
    .filter((fact) => fact.label)
    .map((fact) => ({ fact, words: foldText(fact.label!).split(/[ -]/).filter((word) => word.length >= 4 && !placeWords.has(word) && !STOP_WORDS.has(word)) }));
  return { fundPhrases, fundWords, placeWords, items };
}
