// Light Swedish stemming for search: "ungdomsmottagningarna" and "ungdomsmottagningar" meet, so do
// "gemensamma" and "gemensamt", "hemmet" and "hem".
import { foldText } from '../text/normalize.js';

// "förstärkning", "förstärkningar", "förstärkta", "förstärks": the verb's stem ("förstärk") for all of them.
const SUFFIXES = ['ningarnas', 'ningarna', 'ningar', 'ningen', 'arnas', 'ernas', 'ornas', 'ning', 'arna', 'erna', 'orna', 'heten', 'heter', 'ande', 'ende', 'aste', 'ade', 'are', 'ast', 'het', 'ens', 'ets', 'ad', 'at', 'en', 'ar', 'er', 'or', 'et', 'na', 's', 'a', 'e', 't'];

/** Stems already worked out: the words people use are few, and each is stemmed many times a question. */
const stems = new Map<string, string>();
const MAX_STEMS = 20_000;

export function stem(term: string): string {
  const known = stems.get(term);
  if (known !== undefined) return known;
  if (stems.size >= MAX_STEMS) stems.clear();
  const stemmed = stemOf(term);
  stems.set(term, stemmed);
  return stemmed;
}

function stemOf(term: string): string {
  let stemmed = term;
  for (const suffix of SUFFIXES) {
    if (term.endsWith(suffix) && term.length - suffix.length >= 4) {
      stemmed = term.slice(0, -suffix.length);
      break;
    }
  }
  // "pilotprojekten" → "pilotprojek", as "pilotprojekt" itself stems (its "t" taken as an ending).
  if (stemmed.length >= 6 && stemmed.endsWith('kt') && stemmed !== term) stemmed = stemmed.slice(0, -1);
  // "hemm" → "hem", "gemensamm" → "gemensam".
  if (stemmed.length >= 4 && /([bcdfghjklmnpqrstvwxz])\1$/.test(stemmed)) stemmed = stemmed.slice(0, -1);
  return stemmed;
}

/** One search term: folded, stemmed; null drops it. */
export function searchTerm(term: string, stopWords: Set<string>): string | null {
  const folded = foldText(term);
  if (folded.length < 2 || stopWords.has(folded)) return null;
  return stem(folded);
}
