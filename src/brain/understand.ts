// Reads a question: what is asked, about which place, fund and year, in which language. A small
// deterministic pipeline: fold the text, find places and funds, match intent patterns, then fill
// what is missing from the conversation context when the question is a follow-up.
import type { PlaceMatch } from '../knowledge/places.js';
import type { KnowledgeStore } from '../knowledge/store.js';
import type { Fund } from '../knowledge/schema.js';
import { lexiconOf, type Lexicon } from './lexicon.js';
import { foldText, words } from '../text/normalize.js';
import { isCompleteQuestion, type ConversationContext, type Intent, type InvoiceField } from './context.js';
import type { Lang } from './format.js';
import { chooseLanguage } from './language.js';
import { amountsInText, readChange } from './hypothetical.js';
import type { Decimal } from 'decimal.js';
import { stem } from './swedish.js';
import * as v from './vocabulary.js';
import type { Action, ContactDetail } from './vocabulary.js';
import { asksAboutPeople } from './people.js';
import { findSwedishPlaces, type SwedishPlaceMatch } from '../knowledge/sweden.js';

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
  /** Every fund named, in the order named ("samsjuklighet + suicidprevention"); `fund` is the first. */
  funds: string[];
  /** A part of a base-plus-share row asked for: the fixed base or the share by population. */
  part?: 'base' | 'byPopulation';
  /** What is done with the figures: one value, its parts, or a calculation over several. */
  operation: Operation;
  /** A request to act ("boka ett möte", "skicka mejlet"): the bot answers questions only. */
  action?: Action;
  /** Real Swedish counties and municipalities named that the documents do not cover. */
  uncovered: SwedishPlaceMatch[];
  /** What kind of thing the answer must be. */
  asks: Asks;
  /** Which details of a person are asked for ("e-post", "telefonnummer"), in a question about people. */
  contactDetails?: ContactDetail[];
  /** "Vad blir det tillsammans?" after "Orsa?", "och Älvdalen?": the places the conversation was about, for a calculation naming none. */
  contextPlaces: string[];
  /** A follow-up's carried what-if: the question whose hypothetical still holds ("och totalt då?"). */
  carriedWhatIf?: string;
  /** "Hur många kommuner finns i Dalarna?": a count of places of a kind, not an amount. */
  countPlaces: boolean;
  /** "… får mer än 500 000 kr": the amount places are held against, and on which side. */
  threshold?: { amount: Decimal; above: boolean };
  /** What the question asks that no document records: spending so far, a forecast, an opinion, a salary. */
  unrecorded?: v.Unrecorded;
}

export type Operation = 'value' | 'parts' | 'sum' | 'difference' | 'compare' | 'share' | 'rank' | 'whatif';
export type Asks = 'amount' | 'date' | 'person' | 'invoiceField' | 'explanation' | 'list' | 'help' | 'subscription';

export function understand(text: string, context: ConversationContext, store: KnowledgeStore, options: { locale?: string; lang?: Lang } = {}): Understanding {
  // "när det gäller jämställdhet", "when it comes to": "regarding", never a question of when.
  // Who asks ("jag är nyanställd samordnare") is not what is asked about.
  const folded = foldText(text).replace(/\b(nar det galler|nar det kommer till|when it comes to)\b/g, 'angaende').replace(v.SELF_INTRO, ' ').replace(/\bper-/g, 'per ').replace(/\s+/g, ' ').trim();
  const lang = options.lang ?? chooseLanguage(text, context.lang, options.locale);
  const places = distinctPlaces(store.placeIndex.mentions(text));
  const scanned = scanFunds(folded, lexiconOf(store));
  const fundMatches = inPositionOrder(scanned);
  // The fund the question is about is the one its longest phrase names; the others count for calculations.
  const fundMatch: FundMatch | undefined = scanned[0] ? { fund: scanned[0].fund, words: scanned[0].words } : undefined;
  const years = [...folded.matchAll(/\b(20\d\d)\b/g)].map((m) => Number(m[1]));
  // "mejladress", "email address": a person's e-mail, never the invoice address.
  // "vad måste stå på fakturan förutom referenskoden": the field left out is not the one asked.
  const invoiceField = v.INVOICE_FIELDS.find(([, pattern]) => pattern.test(folded.replace(v.EMAIL_ADDRESS, ' mejl ').replace(v.EXCEPT_FIELD, ' ')))?.[0];
  // "Vad har Jan Persson för telefonnummer?": a person (or a group's members) the documents name makes a question about people.
  const aboutPeople = asksAboutPeople(text, store);
  const followUp = v.FOLLOW_UP.test(folded);

  const understood = new Set<string>();
  for (const match of places) for (const word of match.text.split(' ')) understood.add(word);
  for (const match of fundMatches) for (const word of match.words) understood.add(word);
  // Phrases that say what is asked ("efter befolkning", "hur stor andel") name no subject.
  for (const pattern of [v.POPULATION_PART, v.BASE_PART, v.BASE_AND_SHARE, v.BEFORE_SHARE, v.BREAKDOWN, v.SHARE_OP, v.DIFFERENCE_OP]) {
    for (const match of folded.matchAll(new RegExp(pattern.source, 'g'))) for (const word of match[0].split(' ')) understood.add(word);
  }
  const uncovered = uncoveredPlaces(text, places, store);
  for (const match of uncovered) for (const word of match.text.split(' ')) understood.add(word);
  const unknownWords = words(text).filter(
    (word) => !understood.has(word) && !(word.includes('-') && word.split('-').every((part) => understood.has(part) || v.STOP_WORDS.has(part))) && !v.STOP_WORDS.has(word) && !/^\d+$/.test(word) && !patternWord(word, invoiceField !== undefined) && word.length > 1,
  );

  let intent = detectIntent(folded, invoiceField, places.length > 0 || fundMatch !== undefined || uncovered.length > 0, aboutPeople);
  const explicit = intent !== undefined;
  const carriesSomething = places.length > 0 || years.length > 0 || fundMatch !== undefined || invoiceField !== undefined;
  if (!intent && context.intent && (followUp || carriesSomething) && context.intent !== 'help' && context.intent !== 'greeting') intent = context.intent;
  // A place or fund and nothing else understood ("Sater 2020", "comorbidity Jämtland") asks for the amount;
  // with words left over ("vad gör suicidsamordnaren i Vansbro") the documents' text may know.
  if (!intent) intent = (places.length > 0 || fundMatch) && unknownWords.length === 0 ? 'amount' : 'search';
  // "och kostnadsstället?" after a deadline question is still about the invoice.
  if (invoiceField && intent === 'deadline' && !v.DEADLINE.test(folded)) intent = 'invoice';

  // "och jämfört med 2020, hur stor skillnad?" after Dalarna's samsjuklighet 2022: the same figure in another year, set against it.
  const otherYear =
    (followUp || !explicit) &&
    years.length === 1 &&
    context.year !== undefined &&
    years[0] !== context.year &&
    (context.intent === 'amount' || context.intent === 'list') &&
    places.every((match) => match.place.id === context.place) &&
    (v.DIFFERENCE_OP.test(folded) || v.COMPARE_OP.test(folded));
  if (otherYear) {
    years.unshift(context.year!);
    intent = context.intent ?? intent;
  }
  const sameTopic = !explicit || intent === context.intent;
  const funds = fundMatches.map((match) => match.fund.id);
  // "delregionerna", "kommunmedel": a total's name is not a second figure to combine.
  // "vad blir det tillsammans?" names no place: the places of the follow-ups before are its terms.
  const backToPlaces = places.length === 0 && (v.SUM_OP.test(folded) || v.DIFFERENCE_OP.test(folded)) && !v.CHILDREN.test(folded);
  // "hur mycket mer än Orsa är det?", "how much less than Orsa was that?" after an amount of Mora: the
  // figure just given is the other term.
  // "and compared with Orsa?" after "Mora vs Falun": the same subject against a new place.
  const lastPlace =
    (context.intent === 'amount' || context.intent === 'list') &&
    context.place !== undefined &&
    places.length === 1 &&
    places[0]!.place.id !== context.place &&
    (followUp || v.REFERS_TO_LAST.test(namesAsPlaceholder(folded, places)) || v.MORE_THAN_OPENING.test(folded)) &&
    (v.DIFFERENCE_OP.test(folded) || v.SUM_OP.test(folded) || v.COMPARE_OP.test(folded))
      ? context.place
      : undefined;
  // "lägg till Ludvika också", "add Orsa too" after an amount or a sum: the places before and the new ones, added up.
  const earlierPlaces = (context.places ?? (context.place ? [context.place] : [])).filter((id) => !places.some((match) => match.place.id === id));
  const addsTo = places.length > 0 && earlierPlaces.length > 0 && (context.intent === 'amount' || context.intent === 'list') && v.ADD_MORE.test(folded) && !v.DIFFERENCE_OP.test(folded);
  const placeCount = backToPlaces ? (context.places?.length ?? 0) : addsTo ? earlierPlaces.length + places.length : places.length + (lastPlace ? 1 : 0);
  // A total's name is not a second figure ("kommunmedel i Dalarna"), but two totals named are ("kommunmedel + länsgemensamt").
  const totalsNamed = funds.filter((id) => store.fund(id)?.aggregate).length;
  // "lägg ihop delregionerna och skånegemensamma medel": a total and a fund outside it, added up.
  const partsNamed = funds.length - totalsNamed;
  const fundCount = partsNamed + (totalsNamed >= 2 || (totalsNamed === 1 && partsNamed >= 1 && v.SUM_OP.test(folded)) ? totalsNamed : 0);
  const operation = addsTo ? 'sum' : operationOf(text.includes('+') ? `${namesAsPlaceholder(folded, places)} +` : namesAsPlaceholder(folded, places), placeCount, fundCount, years.length, readChange(text) !== undefined);
  // "if every county had got 6 Mkr … (pot still 200 Mkr), what would Jämtland receive?": a what-if that asks no date.
  if (intent === 'deadline' && operation === 'whatif' && !/\b(nar|when|datum|date|deadline\w*|senast|sista dag\w*|by what time)\b/.test(folded)) intent = 'amount';
  // "Hur många kommuner finns i Dalarna?": a count of places, unless amounts are compared ("hur många kommuner får mer än 500 000 kr").
  const threshold = thresholdOf(text, folded, lang);
  const countPlaces = v.HOW_MANY_PLACES.test(folded) && !threshold;
  // "Hur många / vilka kommuner får mer än 500 000 kr?": the places over (or under) an amount.
  if (countPlaces || (threshold && (v.HOW_MANY_PLACES.test(folded) || v.LIST.test(folded)))) intent = 'list';
  // "Hur mycket får storstadslänen för brukarmedverkan?": a kind of county a key names is answered by the key.
  // "Hur mycket är grundbeloppet per län för samsjuklighet?": the base every county gets is a parameter of the fund's key.
  const baseOfEachCounty = fundMatch !== undefined && v.EACH_COUNTY.test(folded) && partAsked(folded).part === 'base';
  if ((intent === 'amount' || intent === 'list' || intent === 'search') && places.every((match) => match.place.kind === 'country') && (namesKeyCategory(folded, store) || baseOfEachCounty)) intent = 'key';
  // "hur stor andel av länet är det?" after an amount: a share of the figure just given.
  // "hur stor andel av Skåne totalt är det?" after Nordost: a place that holds the last one is the whole.
  const holdsLast = (id: string) => {
    for (let at = context.place ? store.place(context.place)?.parent : undefined; at; at = store.place(at)?.parent) if (at === id) return true;
    return false;
  };
  const ofLastFigure = operation === 'share' && places.every((match) => holdsLast(match.place.id)) && uncovered.length === 0 && context.intent === 'amount' && context.place !== undefined && v.REFERS_TO_LAST.test(folded);
  if (ofLastFigure) intent = 'amount';
  // "ok so if that pot were 200 Mkr, what would Jämtland get?" after the youth clinic key: that pot is the
  // conversation's fund, not "the agreement" the question may also name.
  const thatPot = operation === 'whatif' && v.REFERS_TO_LAST.test(folded) && context.fund && !store.fund(context.fund)?.aggregate && (!fundMatch || store.fund(fundMatch.fund.id)?.aggregate) ? context.fund : undefined;
  const action = v.ACTIONS.find(([, pattern]) => pattern.test(folded))?.[0];
  // A complete question ("Vilka deadlines är på gång?", "Hur mycket får Mora?") starts afresh; only a
  // follow-up ("och Falun?", "and 2022?", "samma för brukarmedverkan", "deras kunskapsbasdel?") or a
  // fragment takes from the conversation what it leaves unsaid.
  const namesPlace = places.length > 0 || uncovered.length > 0;
  // A question on the figure just given takes its fund and year too ("samsjuklighet Dalarna 2020?" → "hur mycket mer än Jämtland är det?").
  const complete = !ofLastFigure && !lastPlace && isCompleteQuestion(folded, explicit, followUp);
  const place = lastPlace ?? places[0]?.place.id ?? (namesPlace || complete ? undefined : context.place);
  // Only years the user said are carried (context.year holds no others).
  const year = years[0] ?? (complete ? undefined : context.year);
  const deadlineKind = v.DEADLINE_KINDS.find(([, pattern]) => pattern.test(folded))?.[0] ?? (sameTopic && !explicit ? context.deadlineKind : undefined);

  return {
    text,
    folded,
    lang,
    intent,
    places,
    ...(place ? { place } : {}),
    placeFromContext: places.length === 0 && place !== undefined,
    ...(thatPot ? { fund: thatPot } : fundMatch ? { fund: fundMatch.fund.id } : (sameTopic || backToPlaces) && !complete && context.fund ? { fund: context.fund } : {}),
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
    funds: thatPot ? [thatPot] : funds,
    ...partAsked(folded),
    operation,
    ...(action && !['subscribe', 'unsubscribe', 'subscriptions'].includes(intent) ? { action } : {}),
    uncovered,
    asks: asksFor(intent),
    ...(intent === 'contact' ? contactDetailsOf(folded) : {}),
    ...(context.whatIf && !complete ? { carriedWhatIf: context.whatIf } : {}),
    ...unrecordedOf(folded),
    countPlaces,
    ...(threshold ? { threshold } : {}),
    contextPlaces: addsTo ? earlierPlaces : backToPlaces && ['sum', 'difference'].includes(operation) ? (context.places ?? []) : lastPlace && operation !== 'value' ? [lastPlace] : ofLastFigure && places.length > 0 ? [context.place!] : [],
  };
}

/** "mer än 500 000 kr", "under 300 000", "more than SEK 1 million": an amount to hold places against. */
function thresholdOf(text: string, folded: string, lang: Lang): { amount: Decimal; above: boolean } | undefined {
  const above = v.ABOVE.test(folded);
  if (!above && !v.BELOW.test(folded)) return undefined;
  const said = amountsInText(text, lang).find((amount) => amount.amount.greaterThanOrEqualTo(1000));
  return said ? { amount: said.amount, above } : undefined;
}

/** A word of a key's exception ("de tre storstadslänen"), in any form, or its English ("metropolitan"). */
function namesKeyCategory(folded: string, store: KnowledgeStore): boolean {
  if (/\b(metropolitan|big-city)\b/.test(folded)) return true;
  const words = folded.split(' ').filter((word) => word.length >= 8);
  return store.keys().some((key) =>
    (key.key.type === 'fixed' ? key.key.exceptions : []).some((exception) =>
      foldText(exception.description).split(' ').filter((word) => word.length >= 8).some((word) => words.some((asked) => asked.slice(0, 8) === word.slice(0, 8))),
    ),
  );
}

function unrecordedOf(folded: string): { unrecorded?: v.Unrecorded } {
  const kind = v.UNRECORDED.find(([, pattern]) => pattern.test(folded))?.[0];
  // "När kommer vi att få pengarna?" asks for a date the documents may give, "får man spara till nästa år?" a rule: not forecasts.
  if (kind === 'forecast' && v.NOT_A_FORECAST.test(folded)) return {};
  return kind ? { unrecorded: kind } : {};
}

/** The question with each place name it mentions replaced by the word "plats" ("om plats hade fått …"), so that patterns never list places. */
function namesAsPlaceholder(folded: string, places: readonly { start: number; length: number }[]): string {
  if (places.length === 0) return folded;
  const tokens = folded.split(' ');
  for (const { start, length } of places) for (let i = start; i < start + length; i++) tokens[i] = i === start ? 'plats' : '';
  return tokens.filter((token) => token !== '').join(' ');
}

/**
 * What the question does with its figures. A calculation needs more than one figure: two places,
 * two funds or two years; "hur stor andel" and "om potten vore" are calculations of their own.
 */
function operationOf(folded: string, places: number, funds: number, years: number, changed = false): Operation {
  const many = places >= 2 || funds >= 2 || years >= 2 || v.ALL_POTS.test(folded);
  if (v.WHATIF_OP.test(folded) || (changed && v.CONDITIONAL.test(folded))) return 'whatif';
  // "hur mycket mer får Ludvika än Avesta i procent", "hur många gånger mer": a difference (or ratio) of
  // two figures, also as a percentage; a share only when a share is asked in so many words.
  if (many && (v.DIFFERENCE_OP.test(folded) || v.RATIO_OP.test(folded)) && !v.SHARE_NAMED.test(folded)) return 'difference';
  if (v.SHARE_OP.test(folded)) return 'share';
  if (many && v.DIFFERENCE_OP.test(folded)) return 'difference';
  // "totalt Skåne inkl de skånegemensamma 4 mkr": the place's total with a fund added to it.
  if (funds >= 1 && v.INCLUDING.test(folded) && v.TOGETHER.test(folded) && !v.WITH_BASE.test(folded)) return 'sum';
  // "vad får Dalarna totalt om man räknar både länsgemensamt och kommunernas medel?": two figures in total.
  if (many && (v.SUM_OP.test(folded) || (v.TOGETHER.test(folded) && v.BOTH.test(folded)))) return 'sum';
  if (many && (v.COMPARE_OP.test(folded) || v.MOST.test(folded) || v.LEAST.test(folded))) return 'compare';
  if (v.MOST.test(folded) || v.LEAST.test(folded)) return 'rank';
  if (v.BREAKDOWN.test(folded)) return 'parts';
  return 'value';
}

/** The base or the share by population; neither when both are asked ("både bas och rörlig del"). */
function partAsked(folded: string): { part?: 'base' | 'byPopulation' } {
  if (v.WITH_BASE.test(folded) || v.BASE_AND_SHARE.test(folded)) return {};
  if (v.BEFORE_SHARE.test(folded)) return { part: 'base' };
  const population = v.POPULATION_PART.test(folded);
  // "med samma bas" keeps the base as it is: it asks for no base.
  const base = v.BASE_PART.test(folded.replace(v.POPULATION_PART, ' ').replace(/\b(samma|same|oforandrad\w*|unchanged) (bas\w*|base\w*|grundbelopp\w*)\b|\b(basen|base|grundbeloppet|the base) (lag|ligger|ar|var|forblir|forblev|blir|stays|stayed|remains|remained|is|was) (kvar|oforandrad\w*|densamma|samma|the same|unchanged)\b/g, ' '));
  if (population && base) return {};
  return population ? { part: 'byPopulation' } : base ? { part: 'base' } : {};
}

function asksFor(intent: Intent): Asks {
  switch (intent) {
    case 'deadline':
      return 'date';
    case 'contact':
      return 'person';
    case 'invoice':
      return 'invoiceField';
    case 'list':
      return 'list';
    case 'help':
    case 'greeting':
      return 'help';
    case 'subscribe':
    case 'unsubscribe':
    case 'subscriptions':
      return 'subscription';
    case 'amount':
      return 'amount';
    default:
      return 'explanation';
  }
}

/** The real places named that the store does not cover, unless a covered place was matched by the same words. */
function uncoveredPlaces(text: string, covered: PlaceMatch[], store: KnowledgeStore): SwedishPlaceMatch[] {
  const coveredWords = new Set(covered.flatMap((match) => match.text.split(' ')));
  return findSwedishPlaces(text).filter((match) => {
    if (match.text.split(' ').some((word) => coveredWords.has(word))) return false;
    // A place the store knows by its official name ("Dalarnas län", "Mora") is covered, whatever the words.
    return !store.placeIndex.mentions(match.name).some((known) => known.place.kind === match.kind && (known.how === 'exact' || known.how === 'genitive'));
  });
}

function detectIntent(folded: string, invoiceField: InvoiceField | undefined, hasSubject: boolean, namesPerson = false): Intent | undefined {
  const wordCount = folded === '' ? 0 : folded.split(' ').length;
  if (wordCount === 0) return 'help';
  if (v.GREETING.test(folded) && wordCount <= 4 && !v.AMOUNT.test(folded.replace(v.GREETING, ''))) return 'greeting';
  if (v.HELP.test(folded) && wordCount <= 10) return 'help';
  if (v.UNSUBSCRIBE.test(folded)) return 'unsubscribe';
  if (v.MY_SUBSCRIPTIONS.test(folded)) return 'subscriptions';
  if (v.SUBSCRIBE.test(folded)) return 'subscribe';
  if (v.MONTH.test(folded) && (v.INVOICE.test(folded) || v.DEADLINE.test(folded))) return 'deadline';
  if (v.RULES.test(folded) && !invoiceField && !v.INVOICE.test(folded)) return 'search';
  // "Vad händer om vi inte använder pengarna?": a consequence is in the documents' text, if anywhere.
  // With a number it is a what-if ("vad händer om potten blir 10 mkr?").
  if (v.CONSEQUENCE.test(folded) && !/\d/.test(folded)) return 'search';
  // "Vem beslutar om fördelningen?": who decides is in the documents' text, not in a key or an amount.
  if (v.WHO_DECIDES.test(folded) && !v.CONTACT_NOUN.test(folded) && invoiceField !== 'requisition') return 'search';
  // "Vad ska redovisningen belysa?", "what must the report include?": what a report holds, not when it is due.
  if (v.CONTENT_OF.test(folded) && !invoiceField && !v.INVOICE.test(folded)) return 'search';
  if (v.DEADLINE.test(folded) && (v.INVOICE.test(folded) || !invoiceField) && !v.COST_OR_COUNT.test(folded.replace(v.POPULATION_PART, ' ').replace(v.BASE_AND_SHARE, ' '))) {
    // "vem ska ta emot slutredovisningen" is a contact question, not a date.
    if (!(v.CONTACT.test(folded) && !/\b(nar|when|datum|deadline\w*|senast|sista)\b/.test(folded))) return 'deadline';
  }
  // "Vilken adress har Jan Persson?": a person's address is not the invoice's.
  if (namesPerson && !v.INVOICE.test(folded) && !v.AMOUNT.test(folded) && !/^(vad ar|vad innebar|what is|what s|what are)\b/.test(folded)) return 'contact';
  if (invoiceField || v.INVOICE.test(folded)) return 'invoice';
  if (isContactQuestion(folded, hasSubject)) return 'contact';
  // "Vilka ingår i länsnätverket?": the members of a group, not what a fund includes.
  if (v.MEMBERS.test(folded) && !v.AMOUNT.test(folded.replace(/\bmedel\b/, ''))) return 'contact';
  if (v.FOCUS_AREAS.test(folded)) return 'focusArea';
  if (v.EACH_PLACE.test(folded) && v.AMOUNT.test(folded)) return 'list';
  if (v.KEY.test(folded)) return 'key';
  if (v.LIST.test(folded)) return 'list';
  // "Hur mycket används till …?" asks for the amount, however the money is used.
  if (v.FOCUS.test(folded) && !/\b(hur (mycket|mkt)|how much)\b/.test(folded)) return 'focusArea';
  // "How many Mkr went to the counties …?": money counted in millions is an amount.
  if (/\b(hur manga|how many) (mkr|kr|kronor|miljoner|miljarder|million|millions|sek|msek)\b/.test(folded)) return 'amount';
  if (v.COST_OR_COUNT.test(folded.replace(v.POPULATION_PART, ' ').replace(v.BASE_AND_SHARE, ' '))) return 'search';
  // "what is the total amount for Dalarna" asks for an amount; "vad är BISAM" for an explanation.
  // "What is Falun's kunskapsbaserad part?": a part of a place's amount is an amount.
  if (v.WHAT_IS.test(folded)) return (v.AMOUNT.test(folded) || /\b(part|portion|component|del|delen)\b/.test(folded)) && hasSubject ? 'amount' : 'search';
  if (v.AMOUNT.test(folded)) return 'amount';
  // "Ludvika knowledge-based part?": a part of a named place's or fund's amount.
  if (hasSubject && /\b(part|portion|component|komponent\w*|del|delen|andelen)\b/.test(folded)) return 'amount';
  return undefined;
}

/**
 * "Vem är samordnare?", "mejladress till …": a question about people. A bare "vem"/"who" is one only
 * when nothing else is asked: "vem får mest" asks for amounts, "who won the World Cup" for nothing
 * the documents hold.
 */
function isContactQuestion(folded: string, hasSubject: boolean): boolean {
  if (!v.CONTACT.test(folded) || /\bvilka (kommuner|delregioner)\b/.test(folded)) return false;
  // "What is Bostad först and who is running it?": a thing explained first, its passage names who.
  if (/^(vad ar|vad innebar|what is|what s|what are)\b.*\b(och|and)\b/.test(folded) && !/^(vad ar|what is|what s|what are) (the |det |e-?post\w* |mejl\w* )?(kontakt|contact|e-?mail|mejl|telefon|phone)/.test(folded)) return false;
  if (v.CONTACT_NOUN.test(folded)) return true;
  if (v.MOST.test(folded) || v.LEAST.test(folded)) return false;
  // "Who is to propose how Jämtland's money is used?": "who" opening a question on a subject of the documents asks for a person, unless it asks who gets money.
  if (hasSubject && /^(vem|who) /.test(folded) && !/\b(far|fick|fatt|gets?|got|receives?|received)\b/.test(folded)) return true;
  if (v.AMOUNT.test(folded)) return false;
  return hasSubject || /\b(vem|who|whom) (ar|is|are|was|var)\b/.test(folded);
}

/** "e-postadress och telefonnummer": the details asked for; an e-mail address is not a postal one. */
function contactDetailsOf(folded: string): { contactDetails?: ContactDetail[] } {
  const text = folded.replace(v.EMAIL_ADDRESS, ' mejl ');
  const details = v.CONTACT_DETAILS.filter(([, pattern]) => pattern.test(text)).map(([detail]) => detail);
  return details.length > 0 ? { contactDetails: details } : {};
}

/** Words that only say what is asked ("referenskod", "faktura", "när"), never a subject of their own. */
function patternWord(word: string, invoice: boolean): boolean {
  const patterns = [v.DEADLINE, v.INVOICE, v.CONTACT, v.KEY, v.LIST, v.FOCUS, v.AMOUNT, v.HELP, v.GREETING, v.KOMMUN, v.UPCOMING, v.TOGETHER, v.BASE_PART, v.POPULATION_PART, v.BREAKDOWN, v.SUM_OP, v.DIFFERENCE_OP, v.COMPARE_OP, v.SHARE_OP, v.MOST, v.LEAST, v.PART_WORDS];
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

/** Every fund named, in the order of the text, each by its longest synonym; a word names one fund at most. */
export function findFunds(text: string, lexicon: Lexicon): FundMatch[] {
  return inPositionOrder(scanFunds(text, lexicon));
}

/** The funds found, each once, in the order the text names them. */
function inPositionOrder(found: (FundMatch & { at: number })[]): FundMatch[] {
  const seen = new Set<string>();
  return [...found].sort((a, b) => a.at - b.at).filter((match) => !seen.has(match.fund.id) && seen.add(match.fund.id)).map(({ fund, words }) => ({ fund, words }));
}

/**
 * Every fund phrase of the text, in the order of the lexicon (longest synonym first): the first is
 * the fund the question is about. One pass over the phrases: a match blanks its words (keeping
 * positions), so a later phrase cannot take them, and the same phrase is tried again for another place.
 */
function scanFunds(text: string, lexicon: Lexicon): (FundMatch & { at: number })[] {
  const found: (FundMatch & { at: number })[] = [];
  let rest = ` ${text.replace(/-/g, ' ')} `;
  const tokens = rest.trim().split(' ');
  let stems: string[] | undefined;
  const phrases = lexicon.fundPhrases;
  for (let p = 0; p < phrases.length && found.length <= 5; ) {
    const { fund, phrase, parts, stem: phraseStem } = phrases[p]!;
    let words: string[] | undefined;
    let at = -1;
    if (parts.length === 1) {
      // Short synonyms ("UM") match whole words only; longer ones also a word's start or another form of it.
      // "ungdomsmott", "samsjukl": a long enough start of a one-word name is the name.
      let word = tokens.find((token) => token === phrase || (phrase.length >= 6 && token.startsWith(phrase)) || (token.length >= 8 && phrase.length > token.length && phrase.startsWith(token)));
      if (!word && phraseStem) {
        stems ??= tokens.map((token) => (token.length >= 6 ? stem(token) : ''));
        word = tokens.find((_, i) => stems![i] === phraseStem);
      }
      if (word) {
        words = [word];
        // Where the token stands: after the leading space and the tokens before it.
        const index = tokens.indexOf(word);
        at = tokens.slice(0, index).reduce((sum, token) => sum + token.length + 1, 0);
      }
    } else if (rest.includes(` ${phrase}`)) {
      words = parts;
      at = rest.indexOf(` ${phrase}`);
    }
    if (!words) {
      p++;
      continue;
    }
    found.push({ fund, words, at });
    // Blank out the matched words (keeping positions) and look again.
    const span = words.join(' ');
    rest = rest.slice(0, at + 1) + span.replace(/\S/g, '_') + rest.slice(at + 1 + span.length);
    const blanked = rest.trim().split(' ');
    for (let i = 0; i < tokens.length; i++) {
      if (blanked[i] !== tokens[i]) {
        tokens[i] = blanked[i]!;
        if (stems) stems[i] = '';
      }
    }
  }
  return found;
}

