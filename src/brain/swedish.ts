// Light Swedish stemming for search: "ungdomsmottagningarna" and "ungdomsmottagningar" meet.
import { foldText } from '../text/normalize.js';

const SUFFIXES = ['arnas', 'ernas', 'ornas', 'arna', 'erna', 'orna', 'heten', 'heter', 'ande', 'ende', 'aste', 'are', 'ast', 'het', 'ens', 'ets', 'en', 'ar', 'er', 'or', 'et', 'na', 's', 'a', 'e'];

export function stem(term: string): string {
  for (const suffix of SUFFIXES) {
    if (term.endsWith(suffix) && term.length - suffix.length >= 4) return term.slice(0, -suffix.length);
  }
  return term;
}

/** One search term: folded, stemmed; null drops it. */
export function searchTerm(term: string, stopWords: Set<string>): string | null {
  const folded = foldText(term);
  if (folded.length < 2 || stopWords.has(folded)) return null;
  return stem(folded);
}
