// "När fattades decemberbeslutet?", "when did the youth clinics' development officer start?": the
// date or period one dated statement of the documents gives, at its precision, with its quote. Any
// question that is not about a particular statement is left to the deadline list (undefined).
import type { DeadlineFact } from '../../knowledge/model.js';
import { cleanQuote, foldText } from '../../text/normalize.js';
import { translate } from '../glossary.js';
import { placeName, source, t, type AnswerInput } from '../answer-context.js';
import { asksForDate, contentTerms, datedIndex, scoreStatements, type Scored } from '../dated-match.js';
import { daysBetween } from '../format.js';
import { quoteSwedish } from '../language.js';
import { emptyReply, type Reply } from '../reply.js';
import { sourceLine } from '../sources.js';
import { notFound } from './unknown.js';
import { describeDated } from '../when.js';

/** A statement must score at least this much (about two rare words, or one very rare one and more)… */
const MIN_SCORE = 4;
/** …and meet at least this share of the question's content terms… */
const MIN_COVERAGE = 0.5;
/** …and two of them (a year named counts), unless the one is a compound this long ("decemberbeslut"). */
const SPECIFIC_LENGTH = 10;
/** Statements scoring this close to the best are as good an answer: both are given… */
const TIE = 0.97;
/** …but more than this many as good means the question names no statement in particular. */
const MAX_TIED = 3;

/** "Vilken vecka …", "which month …": the precision asked for, which a statement of that precision meets. */
const PRECISION: [RegExp, string][] = [
  [/\b(vecka|veckan|week)\b/, 'week'],
  [/\b(manad|manaden|month)\b/, 'month'],
  [/\b(datum|vilken dag|date|what day|which day)\b/, 'day'],
  [/\b(termin|hosten|varen|sommaren|vintern|season|spring|autumn|fall|summer|winter)\b/, 'season'],
];

/** "När ska X vara anställd och när ska en handlingsplan finnas?": one clause per date asked for. */
function clauses(folded: string): string[] {
  // "Why did X stop in 2019 – when did the 2019 money arrive?": a "when" later in the question starts its own clause.
  return folded.split(/\s(?:och|samt|and)\s(?=(?:nar|when|hur|vilken|vilket|fran|till|sedan|since|until|how|which|what|by when|senast nar|fram till nar|ar det|ar den|finns det|is there|are there|will there)\b)|\s(?=when (?:did|was|were|will|is|do|does)\b)/).filter((clause) => clause.trim() !== '');
}

export function answerDated(input: AnswerInput): Reply | undefined {
  const { u, store } = input;
  if (!asksForDate(u.text, u.folded)) return undefined;
  const index = datedIndex(store);
  // Places named in the question limit the answer to them (a county with its municipalities).
  const named = new Set(u.places.flatMap((match) => [match.place.id, ...(match.place.parent ? [match.place.parent] : []), ...store.children(match.place.id).map((child) => child.id)]));
  const placeWords = new Set(u.places.flatMap((match) => foldText(match.text).split(' ')));
  const years = u.years;
  const accept = (fact: DeadlineFact) => named.size === 0 || named.has(fact.place);
  const found: Scored[] = [];
  let context: DeadlineFact | undefined;
  const precision = PRECISION.find(([pattern]) => pattern.test(u.folded))?.[1];
  // English questions are read through the glossary: the statements are in Swedish.
  for (const clause of clauses(input.lang === 'en' ? foldText(translate(u.text, 'en')) : u.folded)) {
    const terms = contentTerms(clause, placeWords);
    if (terms.length === 0) continue;
    const previous = context;
    const weigh = (fact: DeadlineFact) => {
      const year = yearWeight(fact, years);
      const sameSection = previous && previous.source.section === fact.source.section ? 1.2 : 1;
      return { factor: year * sameSection * (precision && fact.when.type === precision ? 1.5 : 1), yearMet: year > 1 };
    };
    const scored = scoreStatements(index, terms, accept, weigh);
    const best = scored[0];
    if (!best || best.score < MIN_SCORE || best.matched / (terms.length + (years.length > 0 ? 1 : 0)) < MIN_COVERAGE) continue;
    if (best.matched < 2 && best.longest < SPECIFIC_LENGTH) continue;
    const tied = scored.filter((candidate, i) => i === 0 || (candidate.score >= best.score * TIE && candidate.matched >= best.matched));
    if (tied.length > MAX_TIED) continue;
    for (const candidate of tied) if (!found.some((other) => other.fact.id === candidate.fact.id)) found.push(candidate);
    context = best.fact;
  }
  if (found.length === 0) return undefined;
  return datedReply(input, found.map((scored) => scored.fact));
}

/**
 * "När bildades nya regionen?" that no statement answers: the question names something of its own (two
 * words the understanding does not know and no kind of deadline), so a list of deadlines is no answer.
 */
export function asksAboutStatement(input: AnswerInput): boolean {
  const { u } = input;
  if (u.deadlineKind || !asksForDate(u.text, u.folded)) return false;
  const unknown = new Set(u.unknownWords);
  return contentTerms(u.folded).filter((term) => unknown.has(term[0]!)).length >= 2;
}

/** No dated statement answers it: said so, with the obligations the documents do hold. */
export function noDatedStatement(input: AnswerInput): Reply {
  const reply = notFound(input, 'något datum för det', 'a date for that');
  const obligations = input.store.deadlines().filter((fact) => fact.obligation);
  reply.known = [...new Set(obligations.map((fact) => `${fact.title[input.lang]} (${placeName(input, fact.place)} ${fact.year})`))];
  return reply;
}

/** A year named in the question: the statements that cover it, quote it or come from its document come first. */
function yearWeight(fact: DeadlineFact, years: number[]): number {
  if (years.length === 0) return 1;
  const from = Number(fact.start.slice(0, 4));
  const to = Number(fact.due.slice(0, 4));
  // "enligt 2018 års plan": the year of the document counts as much as the year of the statement.
  const covers = years.some((year) => (year >= from && year <= to) || fact.year === year || fact.document.year === year || fact.source.quote.includes(String(year)));
  return covers ? 1.3 : 0.6;
}

function datedReply(input: AnswerInput, facts: DeadlineFact[]): Reply {
  const lang = input.lang;
  const first = facts[0]!;
  const title = facts.length === 1 ? first.title[lang] : t(input, 'Datum i dokumenten', 'Dates in the documents');
  const reply = emptyReply('deadline', lang, title, '');
  const sentences = facts.map((fact) => `${fact.title[lang]}: ${describeDated(fact, lang)}${statusText(input, fact)}.`);
  const quotes = facts.map((fact) => t(input, `Citat: ”${cleanQuote(fact.source.quote)}”`, `Quote (in Swedish): “${cleanQuote(fact.source.quote)}”`));
  reply.rows = facts.map((fact) => ({
    label: `${fact.title[lang]} (${placeName(input, fact.place)})`,
    value: describeDated(fact, lang),
    // Who acts, as the document names them: quoted in an English answer, a name or not.
    ...(fact.actor ? { note: t(input, fact.actor, `Who acts (in Swedish): ${quoteSwedish(fact.actor)}`) } : {}),
  }));
  if (facts.length === 1) reply.figure = describeDated(first, lang);
  reply.notes = facts.flatMap((fact) => [...kindNote(input, fact), ...(fact.note ? [fact.note[lang]] : [])]);
  if (lang === 'en') reply.notes.push('The quotes and the names of who acts are in Swedish, as the documents write them.');
  reply.quote = source(input, { document: first.document, ...first.source });
  reply.sources = facts.map((fact) => source(input, { document: fact.document, ...fact.source }));
  reply.text = `${sentences.join(' ')} ${quotes.join(' ')} ${sourceLine(reply.sources, lang)}.`;
  const obligation = facts.find((fact) => fact.obligation);
  const region = placeName(input, obligation?.place ?? first.place);
  reply.suggestions = obligation
    ? [{ title: t(input, 'Påminn oss', 'Remind us'), question: t(input, `Prenumerera på påminnelser för ${region}`, `Subscribe to reminders for ${region}`) }]
    : [{ title: t(input, 'Deadlines', 'Deadlines'), question: t(input, `Vilka deadlines gäller för ${region}?`, `Which deadlines apply to ${region}?`) }];
  return reply;
}

/** A plan or proposal is not a decision, and only an obligation is a deadline. */
function kindNote(input: AnswerInput, fact: DeadlineFact): string[] {
  if (fact.kind === 'proposal') return [t(input, `”${fact.title.sv}” är ett förslag, inte ett beslut.`, `“${fact.title.en}” is a proposal, not a decision.`)];
  if (fact.kind === 'plan') return [t(input, `”${fact.title.sv}” är en plan i dokumentet, ingen deadline.`, `“${fact.title.en}” is a plan in the document, not a deadline.`)];
  return [];
}

/** For an obligation: " (har passerat)", " (om 12 dagar)". */
function statusText(input: AnswerInput, fact: DeadlineFact): string {
  if (!fact.obligation) return '';
  const days = daysBetween(input.today, fact.due);
  if (days < 0) return t(input, ' (har passerat)', ' (has passed)');
  if (days === 0) return t(input, ' (i dag)', ' (today)');
  return t(input, ` (om ${days} dagar)`, ` (in ${days} days)`);
}
