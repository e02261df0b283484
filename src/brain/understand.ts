// Reads a question: what is asked, about which place, fund and year, in which language. A small
// deterministic pipeline: fold the text, find places and funds, match intent patterns, then fill
// what is missing from the conversation context when the question is a follow-up.
import type { PlaceMatch } from '../knowledge/places.js';
import type { KnowledgeStore } from '../knowledge/store.js';
import type { Fund } from '../knowledge/schema.js';
import { lexiconOf, type Lexicon } from './lexicon.js';
import { foldText, words } from '../text/normalize.js';
import type { ConversationContext, Intent, InvoiceField } from './context.js';
import type { Lang } from './format.js';
import { chooseLanguage } from './language.js';
import * as v from './vocabulary.js';

export interface Understanding {
  text: string;
  folded: string;
  lang: Lang;
  intent: Intent;
  /** Places named in this question, best match first; several when a name is ambiguous. */
  places: PlaceMatch[];
  /** The place the answer is about: named now, or carried over from the conversation. */
  place?: string;
  placeFromContext: boolean;
  fund?: string;
  year?: number;
  yearFromContext: boolean;
  invoiceField?: InvoiceField;
  deadlineKind?: string;
  order?: 'most' | 'least';
  upcoming: boolean;
  followUp: boolean;
  /** Every year named ("jämför 2020 och 2022"). */
  years: number[];
  /** "kommunerna i Dalarna totalt": the sum over the places of a kind. */
  together: boolean;
  /** "vilka län finns med?": what the store covers. */
  coverage: boolean;
  /** Words left after removing everything understood: a place or topic the store does not know. */
  unknownWords: string[];
}

export function understand(text: string, context: ConversationContext, store: KnowledgeStore, options: { locale?: string; lang?: Lang } = {}): Understanding {
  const folded = foldText(text);
  const lang = options.lang ?? chooseLanguage(text, context.lang, options.locale);
  const places = distinctPlaces(store.placeIndex.mentions(text));
  const fundMatch = findFund(folded, lexiconOf(store));
  const years = [...folded.matchAll(/\b(20\d\d)\b/g)].map((m) => Number(m[1]));
  const invoiceField = v.INVOICE_FIELDS.find(([, pattern]) => pattern.test(folded))?.[0];
  const followUp = v.FOLLOW_UP.test(folded);

  const understood = new Set<string>();
  for (const match of places) for (const word of match.text.split(' ')) understood.add(word);
  for (const word of fundMatch?.words ?? []) understood.add(word);
  const unknownWords = words(text).filter(
    (word) => !understood.has(word) && !v.STOP_WORDS.has(word) && !/^\d+$/.test(word) && !patternWord(word, invoiceField !== undefined) && word.length > 1,
  );

  let intent = detectIntent(folded, invoiceField, places.length > 0 || fundMatch !== undefined);
  const explicit = intent !== undefined;
  const carriesSomething = places.length > 0 || years.length > 0 || fundMatch !== undefined || invoiceField !== undefined;
  if (!intent && context.intent && (followUp || carriesSomething) && context.intent !== 'help' && context.intent !== 'greeting') intent = context.intent;
  // A place or fund and nothing else understood ("Sater 2020", "comorbidity Jämtland") asks for the amount;
  // with words left over ("vad gör suicidsamordnaren i Vansbro") the documents' text may know.
  if (!intent) intent = (places.length > 0 || fundMatch) && unknownWords.length === 0 ? 'amount' : 'search';
  // "och kostnadsstället?" after a deadline question is still about the invoice.
  if (invoiceField && intent === 'deadline' && !v.DEADLINE.test(folded)) intent = 'invoice';

  const sameTopic = !explicit || intent === context.intent;
  const place = places[0]?.place.id ?? context.place;
  // Only years the user said are carried (context.year holds no others).
  const year = years[0] ?? context.year;
  const deadlineKind = v.DEADLINE_KINDS.find(([, pattern]) => pattern.test(folded))?.[0] ?? (sameTopic && !explicit ? context.deadlineKind : undefined);

  return {
    text,
    folded,
    lang,
    intent,
    places,
    ...(place ? { place } : {}),
    placeFromContext: places.length === 0 && place !== undefined,
    ...(fundMatch ? { fund: fundMatch.fund.id } : sameTopic && context.fund ? { fund: context.fund } : {}),
    ...(year ? { year } : {}),
    yearFromContext: years.length === 0 && year !== undefined,
    ...((invoiceField ?? (intent === 'invoice' && !explicit ? context.invoiceField : undefined)) ? { invoiceField: invoiceField ?? context.invoiceField! } : {}),
    ...(deadlineKind ? { deadlineKind } : {}),
    ...(v.MOST.test(folded) ? { order: 'most' as const } : v.LEAST.test(folded) ? { order: 'least' as const } : {}),
    upcoming: v.UPCOMING.test(folded),
    followUp,
    years,
    together: v.CHILDREN.test(folded) && v.TOGETHER.test(folded),
    coverage: v.COVERAGE.test(folded),
    unknownWords,
  };
}

function detectIntent(folded: string, invoiceField: InvoiceField | undefined, hasSubject: boolean): Intent | undefined {
  const wordCount = folded === '' ? 0 : folded.split(' ').length;
  if (wordCount === 0) return 'help';
  if (v.GREETING.test(folded) && wordCount <= 4 && !v.AMOUNT.test(folded.replace(v.GREETING, ''))) return 'greeting';
  if (v.HELP.test(folded) && wordCount <= 10) return 'help';
  if (v.UNSUBSCRIBE.test(folded)) return 'unsubscribe';
  if (v.MY_SUBSCRIPTIONS.test(folded)) return 'subscriptions';
  if (v.SUBSCRIBE.test(folded)) return 'subscribe';
  if (v.MONTH.test(folded) && (v.INVOICE.test(folded) || v.DEADLINE.test(folded))) return 'deadline';
  if (v.RULES.test(folded) && !invoiceField && !v.INVOICE.test(folded)) return 'search';
  if (v.DEADLINE.test(folded) && (v.INVOICE.test(folded) || !invoiceField) && !v.COST_OR_COUNT.test(folded)) {
    // "vem ska ta emot slutredovisningen" is a contact question, not a date.
    if (!(v.CONTACT.test(folded) && !/\b(nar|when|datum|deadline\w*|senast|sista)\b/.test(folded))) return 'deadline';
  }
  if (invoiceField || v.INVOICE.test(folded)) return 'invoice';
  if (v.CONTACT.test(folded) && !/\bvilka (kommuner|delregioner)\b/.test(folded)) return 'contact';
  if (v.KEY.test(folded)) return 'key';
  if (v.LIST.test(folded)) return 'list';
  if (v.FOCUS.test(folded)) return 'focusArea';
  if (v.COST_OR_COUNT.test(folded)) return 'search';
  // "what is the total amount for Dalarna" asks for an amount; "vad är BISAM" for an explanation.
  if (v.WHAT_IS.test(folded)) return v.AMOUNT.test(folded) && hasSubject ? 'amount' : 'search';
  if (v.AMOUNT.test(folded)) return 'amount';
  return undefined;
}

/** Words that only say what is asked ("referenskod", "faktura", "när"), never a subject of their own. */
function patternWord(word: string, invoice: boolean): boolean {
  const patterns = [v.DEADLINE, v.INVOICE, v.CONTACT, v.KEY, v.LIST, v.FOCUS, v.AMOUNT, v.HELP, v.GREETING, v.KOMMUN, v.UPCOMING, v.TOGETHER];
  if (invoice) patterns.push(...v.INVOICE_FIELDS.map(([, pattern]) => pattern));
  return patterns.some((pattern) => pattern.test(word));
}

function distinctPlaces(matches: PlaceMatch[]): PlaceMatch[] {
  const seen = new Set<string>();
  return matches.filter((match) => !seen.has(match.place.id) && seen.add(match.place.id));
}

interface FundMatch {
  fund: Fund;
  words: string[];
}

/** The fund named by the longest synonym in the text; single words also match as a word's start ("samsjuklighetsmedlen"). */
export function findFund(text: string, lexicon: Lexicon): FundMatch | undefined {
  // "Skåne-wide", "UM-pengar": dashes separate words here.
  const folded = text.replace(/-/g, ' ');
  const tokens = folded.split(' ');
  const padded = ` ${folded} `;
  for (const { fund, phrase, parts } of lexicon.fundPhrases) {
    if (parts.length === 1) {
      // Short synonyms ("UM") match whole words only; longer ones also a word's start.
      const word = tokens.find((token) => token === phrase || (phrase.length >= 6 && token.startsWith(phrase)));
      if (word) return { fund, words: [word] };
    } else if (padded.includes(` ${phrase}`)) {
      return { fund, words: parts };
    }
  }
  return undefined;
}
