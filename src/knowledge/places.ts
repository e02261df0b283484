// Finds places by the names people type: exact, without diacritics, aliases ("Region Dalarna",
// "Malung"), genitive ("Moras"), partial ("Smedje") and small typos ("Ludvka").
import { editDistance, foldText, words } from '../text/normalize.js';
import type { Place } from './schema.js';

export type MatchKind = 'exact' | 'genitive' | 'prefix' | 'typo';

export interface PlaceMatch {
  place: Place;
  how: MatchKind;
  /** The words of the text that matched. */
  text: string;
  /** Index of the first matched word and how many words matched. */
  start: number;
  length: number;
}

/** Words that must never be read as a (misspelt or partial) place name. */
const NOT_PLACES = new Set(
  'hur mkt mycket far fick for och and the how much does get vad vilka vilken nar var vem ska skall kan till med som pengar belopp medel summa total totalt kronor kommun kommuner kommunen region lan mest minst alla hela year ar sista datum faktura fakturan help hjalp tack hej hello visa show from fran inom och mer more less what which when who where orsak orsaken avsta avstar avstod avstatt'.split(
    ' ',
  ),
);

export class PlaceIndex {
  private readonly byName = new Map<string, Place[]>();
  private readonly singleWordNames: { name: string; place: Place }[] = [];
  private readonly maxWords: number;

  /** @param words words that are not typos of a place name (the documents' own words), folded. */
  constructor(
    readonly places: Place[],
    private readonly documentWords: ReadonlySet<string> = new Set(),
  ) {
    let maxWords = 1;
    for (const place of places) {
      for (const name of [place.name, ...place.aliases]) {
        const folded = foldText(name);
        const list = this.byName.get(folded) ?? [];
        if (!list.includes(place)) list.push(place);
        this.byName.set(folded, list);
        const count = folded.split(' ').length;
        maxWords = Math.max(maxWords, count);
        if (count === 1) this.singleWordNames.push({ name: folded, place });
        // "Malung-Sälen" is also typed "Malung Sälen" and "malungsalen".
        if (folded.includes('-')) this.byName.set(folded.replace(/-/g, ''), list);
      }
    }
    this.maxWords = maxWords;
  }

  get(id: string): Place | undefined {
    return this.places.find((place) => place.id === id);
  }

  /** Every place a name could mean, best first. "" and stop words find nothing. */
  find(name: string): PlaceMatch[] {
    return this.mentions(name).filter((match) => match.start === 0);
  }

  /** Places mentioned anywhere in a sentence, longest and surest matches first, without overlaps. */
  mentions(text: string): PlaceMatch[] {
    const tokens = words(text);
    const found: PlaceMatch[] = [];
    const taken = new Array<boolean>(tokens.length).fill(false);
    for (let length = Math.min(this.maxWords, tokens.length); length >= 1; length--) {
      for (let start = 0; start + length <= tokens.length; start++) {
        if (taken.slice(start, start + length).some(Boolean)) continue;
        const phrase = tokens.slice(start, start + length).join(' ');
        const matches = this.match(phrase, length === 1);
        if (matches.length === 0) continue;
        for (const { place, how } of matches) found.push({ place, how, text: phrase, start, length });
        for (let i = start; i < start + length; i++) taken[i] = true;
      }
    }
    const rank: Record<MatchKind, number> = { exact: 0, genitive: 1, prefix: 2, typo: 3 };
    return found.sort((a, b) => rank[a.how] - rank[b.how] || b.length - a.length || a.start - b.start);
  }

  private match(phrase: string, singleWord: boolean): { place: Place; how: MatchKind }[] {
    const exact = this.byName.get(phrase);
    if (exact) return exact.map((place) => ({ place, how: 'exact' }));
    // Genitive and compounds: "Moras", "Faluns", "Dalarnas", "Skånes".
    if (phrase.endsWith('s') && phrase.length > 4) {
      const genitive = this.byName.get(phrase.slice(0, -1));
      if (genitive) return genitive.map((place) => ({ place, how: 'genitive' }));
    }
    if (!singleWord || NOT_PLACES.has(phrase) || /^\d/.test(phrase)) return [];
    // "dalakommunerna", "skånekommuner": a place's name (or its start) joined to "kommuner".
    const compound = /^([a-z]{4,})(kommuner|kommunerna|kommunernas)$/.exec(phrase);
    if (compound) {
      const head = compound[1]!;
      const owners = unique(this.singleWordNames.filter(({ name }) => name === head || name.startsWith(head)).map(({ place }) => place));
      if (owners.length === 1) return [{ place: owners[0]!, how: 'prefix' }];
    }
    if (phrase.length >= 4) {
      const prefixed = unique(this.singleWordNames.filter(({ name }) => name.startsWith(phrase) && name.length > phrase.length).map(({ place }) => place));
      if (prefixed.length > 0) return prefixed.map((place) => ({ place, how: 'prefix' }));
    }
    if (phrase.length >= 5 && !this.documentWords.has(phrase)) {
      const cap = phrase.length >= 8 ? 2 : 1;
      // Typos keep the length and, nearly always, the first letter: only those names are measured.
      const close = unique(
        this.singleWordNames
          .filter(({ name }) => name[0] === phrase[0] && Math.abs(name.length - phrase.length) <= cap + 1)
          .filter(({ name }) => editDistance(phrase, name, cap) <= cap || (phrase.endsWith('s') && editDistance(phrase.slice(0, -1), name, cap) <= cap))
          .map(({ place }) => place),
      );
      if (close.length > 0) return close.map((place) => ({ place, how: 'typo' }));
    }
    return [];
  }
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
