// The brain: a question and the conversation so far in, a structured reply and the new context out.
// No bot SDK here: the Teams adapter, the CLI and the tests all call answer().
import type { KnowledgeStore } from '../knowledge/store.js';
import type { AnswerInput } from './answer-context.js';
import { amountReply, answerAmount, matchItem } from './answers/amount.js';
import { answerCalculation } from './answers/calculation.js';
import { answerContact } from './answers/contact.js';
import { answerDated, asksAboutStatement, noDatedStatement } from './answers/dated.js';
import { answerDeadlineList } from './answers/deadline.js';
import { answerFocusArea } from './answers/focus.js';
import { answerHelp } from './answers/help.js';
import { answerInvoice } from './answers/invoice.js';
import { answerItems } from './answers/items.js';
import { answerKey } from './answers/key.js';
import { answerList } from './answers/list.js';
import { answerSearch, PassageSearch } from './answers/search.js';
import { answerSubscription } from './answers/subscription.js';
import { answerScenario, whatIfOf } from './answers/scenario.js';
import { answerWhatIf } from './answers/whatif.js';
import type { ConversationContext } from './context.js';
import { foldText } from '../text/normalize.js';
import { uncoveredPart } from './coverage.js';
import { MENTIONS_DATE } from './dated-match.js';
import type { Lang } from './format.js';
import type { Answer, Reply } from './reply.js';
import { understand, type Understanding } from './understand.js';
import { CONTENT_OF, COST_OR_COUNT, MONEY_OR_RANK, WHAT_IS, WHICH_PLACES } from './vocabulary.js';

export interface Clock {
  /** Today's date in Sweden, as YYYY-MM-DD. */
  today(): string;
}

export interface AskOptions {
  /** The Teams (or CLI) locale, e.g. "sv-SE", "en-US": used when the text does not tell. */
  locale?: string;
  /** Answer in this language whatever the question's words (`ask --lang en`). */
  lang?: Lang;
}

export interface Brain {
  answer(text: string, context?: ConversationContext, options?: AskOptions): Answer;
}

const MAX_QUESTION_LENGTH = 500;

export interface BrainOptions {
  /**
   * Answers to remember (0 = none). The knowledge never changes while the process runs, so the same
   * question in the same context on the same day has the same answer: popular questions cost nothing.
   */
  cacheSize?: number;
}

export function createBrain(store: KnowledgeStore, clock: Clock, options: BrainOptions = {}): Brain {
  const search = new PassageSearch(store);
  const cache = new AnswerCache(options.cacheSize ?? 0);
  return {
    answer(text, context = {}, askOptions = {}) {
      const question = text.slice(0, MAX_QUESTION_LENGTH);
      const today = clock.today();
      const key = cache.size > 0 ? JSON.stringify([question, context, askOptions.locale ?? '', askOptions.lang ?? '', today]) : '';
      const cached = cache.get(key);
      if (cached) return cached;
      const u = understand(question, context, store, askOptions);
      const input: AnswerInput = { u, store, lang: u.lang, today };
      const reply = withDistinctSuggestions(route(input, search));
      return cache.set(key, { reply, context: nextContext(u, reply, context) });
    },
  };
}

/** One suggestion per question: answerers may offer the same follow-up for several of their parts. */
function withDistinctSuggestions(reply: Reply): Reply {
  const seen = new Set<string>();
  reply.suggestions = reply.suggestions.filter((suggestion) => !seen.has(suggestion.question) && seen.add(suggestion.question));
  return reply;
}

/** Least recently used answers, frozen so that no caller can change what others will get. */
class AnswerCache {
  private readonly answers = new Map<string, Answer>();

  constructor(readonly size: number) {}

  get(key: string): Answer | undefined {
    if (this.size === 0) return undefined;
    const answer = this.answers.get(key);
    if (answer) {
      this.answers.delete(key);
      this.answers.set(key, answer);
    }
    return answer;
  }

  set(key: string, answer: Answer): Answer {
    if (this.size === 0) return answer;
    deepFreeze(answer);
    this.answers.set(key, answer);
    if (this.answers.size > this.size) this.answers.delete(this.answers.keys().next().value!);
    return answer;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Intents that never ask for the date of a statement. */
const DATED_ELSEWHERE = new Set<Understanding['intent']>(['greeting', 'help', 'subscribe', 'unsubscribe', 'subscriptions']);
/** "slutredovisningen", "lägesrapporten", "fakturan": an obligation named by its own word. */
const OBLIGATION_NOUN = /\b(slutredovis\w*|lagesrapport\w*|final reports?|status reports?|faktur\w*|invoic\w*)\b/;

/**
 * "När ska slutredovisningen för 2020 års medel i Dalarna vara inne?": an obligation the documents
 * record for the place is the deadline asked, not a statement that shares its other words.
 */
function namesObligation({ u, store }: AnswerInput): boolean {
  if (!u.deadlineKind || !OBLIGATION_NOUN.test(u.folded)) return false;
  const places = new Set(u.places.flatMap((match) => [match.place.id, ...(match.place.parent ? [match.place.parent] : [])]));
  return store.deadlines().some((fact) => fact.obligation && fact.kind === u.deadlineKind && (places.size === 0 || places.has(fact.place)));
}

function route(input: AnswerInput, search: PassageSearch): Reply {
  const { u, store } = input;
  const uncovered = uncoveredPart(input);
  if (uncovered) return uncovered;
  // "delat lika", "om varje mottagning fått 300 000 kr", "10 % av": worked out before the items they name.
  const scenario = answerScenario(input);
  if (scenario) return scenario;
  // "Naloxon", "skånegemensamt under samsjuklighet": the named items a fund is made of.
  const items = answerItems(input);
  if (items) return items;
  const whatIf = answerWhatIf(input);
  if (whatIf) return whatIf;
  const calculated = answerCalculation(input);
  if (calculated) return orPassage(input, search, calculated);
  // "Hur länge ska decemberbeslutet drivas?": a date asked about one dated statement, whatever the intent.
  if (!DATED_ELSEWHERE.has(u.intent) && !namesObligation(input)) {
    const dated = answerDated(input);
    if (dated) return dated;
  }
  switch (u.intent) {
    case 'greeting':
    case 'help':
      return answerHelp(input, u.intent);
    case 'amount':
      // "How much do the municipalities in Dalarna get in total?" asks for a sum over places.
      return orPassage(input, search, u.together ? answerList(input) : answerAmount(input));
    case 'list': {
      // "Vilka orter får förstärkta mottagningar?": places that do something the text tells, not a ranking of amounts.
      if (WHICH_PLACES.test(u.folded) && u.unknownWords.length > 0 && !MONEY_OR_RANK.test(u.folded)) {
        const quoted = answerSearch(input, search);
        if (quoted.kind === 'passage') return quoted;
      }
      return orPassage(input, search, answerList(input));
    }
    case 'deadline': {
      // No dated statement answered it (above). One that names a statement of its own gets a passage that
      // answers it or "not found", never the list; "När ska Jämtland återredovisa?" the list, or why there is no date.
      const reply = asksAboutStatement(input) ? noDatedStatement(input) : answerDeadlineList(input);
      if (reply.kind !== 'unknown') return reply;
      // A passage answers a date question when it gives a date, or says of the kind of deadline asked why none is set.
      const quoted = answerSearch(input, search);
      const answers = quoted.kind === 'passage' && quoted.quote && (u.deadlineKind !== undefined || MENTIONS_DATE.test(foldText(quoted.quote.quote)));
      return answers ? quoted : reply;
    }
    case 'invoice':
      return answerInvoice(input);
    case 'contact':
      return answerContact(input);
    case 'focusArea':
      return orPassage(input, search, answerFocusArea(input));
    case 'key':
      return orPassage(input, search, answerKey(input));
    case 'subscribe':
    case 'unsubscribe':
    case 'subscriptions':
      return answerSubscription(input);
    default:
    case 'search': {
      // A bare item name ("naloxon", "traumamedveten omsorg") asks for its amount; "vad kostar …" asks
      // for a cost figure first, and the item's amount when the documents have no such figure.
      const item = WHAT_IS.test(u.folded) ? undefined : matchItem(input);
      if (item && !COST_OR_COUNT.test(u.folded)) return amountReply(input, item, []);
      // Only a cost figure could beat the item's amount: passages are not searched then.
      const reply = answerSearch(input, search, { figuresOnly: item !== undefined });
      // "Hur många personer har utbildats i MHFA?" is not answered by what the MHFA training costs.
      const count = /\b(hur manga|how many|antal\w*|number of)\b/.test(u.folded);
      if (item && reply.kind !== 'figure' && !count) return amountReply(input, item, []);
      // "Vad ska slutredovisningen innehålla?" that no passage answers: the obligation itself says what it holds.
      if (reply.kind === 'unknown' && u.deadlineKind && CONTENT_OF.test(u.folded)) {
        const deadlines = answerDeadlineList(input);
        if (deadlines.kind !== 'unknown') return deadlines;
      }
      return reply;
    }
  }
}

/**
 * "What is 'Bostad först' in Dalarna 2022?": words the structured facts do not know, and no fact to
 * answer with. A passage that answers them is the answer; otherwise the answerer's "not found".
 */
function orPassage(input: AnswerInput, search: PassageSearch, reply: Reply): Reply {
  const { u, store } = input;
  // "Vilka är de nationella fokusområdena?": what the documents say of the whole country is in their text, not in a fact.
  const aboutCountry = u.place !== undefined && store.place(u.place)?.kind === 'country';
  if (reply.kind !== 'unknown' || (u.unknownWords.length === 0 && !aboutCountry)) return reply;
  const quoted = answerSearch(input, search);
  if (quoted.kind !== 'passage') return reply;
  // An amount asked for: a passage answers it only when it gives one ("What were Skåne's allocations in 2022?" is not answered by a plan's title).
  if (u.asks === 'amount' && !/\d[\d\s]*(kr|kronor|mkr|miljoner)\b/i.test(quoted.quote?.quote ?? '')) return reply;
  // A year asked for: a passage of another year's document does not answer it, unless it names the year.
  const yearOf = (file: string) => store.knowledge.documents.find((document) => document.file === file)?.year;
  const ofYear = !u.year || quoted.sources.some((source) => yearOf(source.file) === u.year || source.quote.includes(String(u.year)));
  return ofYear ? quoted : reply;
}

/** How many places a run of follow-ups remembers. */
const RECENT_PLACES = 5;

function recentPlaces(u: Understanding, previous: ConversationContext): string[] {
  const named = u.places.map((match) => match.place.id);
  const now = named.length > 0 ? named : u.place ? [u.place] : [];
  const earlier = u.followUp ? (previous.places ?? (previous.place ? [previous.place] : [])) : [];
  return [...new Set([...earlier, ...now])].slice(-RECENT_PLACES);
}

/** What the next turn may take from this one: nothing from a turn that was not answered. */
function nextContext(u: Understanding, reply: Reply, previous: ConversationContext): ConversationContext {
  if (reply.kind === 'unknown') return { ...previous, lang: u.lang };
  return {
    lang: u.lang,
    intent: u.intent,
    ...(reply.subject ? { place: reply.subject } : u.place ? { place: u.place } : {}),
    ...(u.fund ? { fund: u.fund } : {}),
    // Only years the user said, now or in the follow-ups before (understand carries no other).
    ...(u.year ? { year: u.year } : {}),
    ...(u.invoiceField ? { invoiceField: u.invoiceField } : {}),
    ...(u.deadlineKind ? { deadlineKind: u.deadlineKind } : {}),
    // "Orsa", "och Älvdalen?": a run of follow-ups collects its places for "vad blir det tillsammans?".
    ...(recentPlaces(u, previous).length > 0 ? { places: recentPlaces(u, previous) } : {}),
    // A what-if answered: its hypothetical holds for the follow-ups.
    ...(whatIfOf(reply) ? { whatIf: whatIfOf(reply)! } : {}),
  };
}
