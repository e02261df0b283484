// "När ska fakturan skickas?", "vilka deadlines är på gång?": from the same calendar the reminders use.
import type { DeadlineFact } from '../../knowledge/model.js';
import { OBLIGATION_KINDS, type DeadlineKind } from '../../knowledge/schema.js';
import { placeName, source, t, type AnswerInput } from '../answer-context.js';
import { daysBetween, formatDate, capitalise } from '../format.js';
import { documentWords } from '../language.js';
import { emptyReply, type Reply } from '../reply.js';
import { sourceLine } from '../sources.js';
import { describeWhen } from '../when.js';
import { countyOf, resolvePlace, clarifyPlace } from './resolve.js';
import { notFound } from './unknown.js';


export function daysUntil(due: string, today: string): number {
  return daysBetween(today, due);
}

/**
 * What the deadline list is made of: obligations, and the dates a plan, a proposal or a decision sets.
 * Hires, meetings, events and payments are answered one by one (answerDated), never listed as deadlines.
 */
const CALENDAR_KINDS = new Set<DeadlineKind>([...OBLIGATION_KINDS, 'decision', 'plan', 'proposal', 'milestone', 'other']);

export function answerDeadlineList(input: AnswerInput): Reply {
  const { u, store } = input;
  const resolved = resolvePlace(input);
  if (resolved.kind === 'ambiguous') return clarifyPlace(input, resolved.choices);
  const place = resolved.kind === 'place' ? resolved.place : undefined;
  const county = place ? countyOf(input, place) : undefined;
  const placeIds = county ? [county.id, ...(place && place.id !== county.id ? [place.id] : [])] : undefined;
  const forPlace = store.deadlines().filter((d) => (!placeIds || placeIds.includes(d.place)) && CALENDAR_KINDS.has(d.kind));
  let deadlines = forPlace.filter((d) => (!u.year || d.year === u.year) && (!u.deadlineKind || d.kind === u.deadlineKind));
  // A follow-up ("och Skåne?") carries the last turn's year and kind; where the new place has none,
  // its obligations are what the user wants.
  if (deadlines.length === 0 && u.followUp) deadlines = forPlace.filter((d) => d.obligation);
  // Plans, proposals and decisions only when no obligation matches.
  const binding = deadlines.filter((d) => d.obligation);
  if (binding.length > 0) deadlines = binding;
  const where = place ? ` ${t(input, 'för', 'for')} ${place.name}${u.year ? ` ${u.year}` : ''}` : u.year ? ` ${u.year}` : '';
  if (deadlines.length === 0) {
    const reply = notFound(input, `någon sådan deadline${where}`, `such a deadline${where}`);
    // What exists, without dates: another place's date is not an answer to this question.
    const known = store.deadlines().filter((d) => d.obligation);
    reply.known = [...new Set(known.map((d) => `${d.title[input.lang]} (${placeName(input, d.place)} ${d.year})`))];
    return reply;
  }
  const upcoming = deadlines.filter((d) => d.due >= input.today);
  const reply = emptyReply('deadline', input.lang, t(input, `Deadlines${where}`, `Deadlines${where}`), '');
  if (u.upcoming && upcoming.length === 0) {
    const latest = deadlines.slice(-3).reverse();
    reply.title = t(input, 'Inga kommande deadlines', 'No upcoming deadlines');
    reply.text = t(
      input,
      `Alla deadlines jag känner till${where} har passerat (i dag är det ${formatDate(input.today, 'sv')}). De senaste: ${latest.map((d) => `${d.title.sv} ${describeWhen(d, 'sv')}`).join('; ')}.`,
      `Every deadline I know of${where} has passed (today is ${formatDate(input.today, 'en')}). The latest: ${latest.map((d) => `${d.title.en} ${describeWhen(d, 'en')}`).join('; ')}.`,
    );
    deadlines = latest;
  } else {
    if (u.upcoming) deadlines = upcoming;
    const first = deadlines[0]!;
    const lead =
      deadlines.length === 1
        ? `${first.title[input.lang]}: ${describeWhen(first, input.lang)}${statusText(input, first)}.`
        : deadlines.map((d) => `${d.title[input.lang]}: ${describeWhen(d, input.lang)}${statusText(input, d)}`).join('; ') + '.';
    const action = deadlines.length === 1 && first.action ? ` ${capitalise(documentWords(first.action, input.lang))}` : '';
    reply.text = `${lead}${action}`;
  }
  reply.rows = deadlines.map((d) => ({ label: `${d.title[input.lang]} (${placeName(input, d.place)} ${d.year})`, value: describeWhen(d, input.lang), ...(d.action ? { note: capitalise(documentWords(d.action, input.lang)) } : {}) }));
  if (deadlines.length === 1) reply.figure = describeWhen(deadlines[0]!, input.lang);
  reply.sources = deadlines.map((d) => source(input, { document: d.document, ...d.source }));
  reply.text += ` ${sourceLine(reply.sources, input.lang)}.`;
  reply.suggestions = deadlines.some((d) => d.kind === 'invoicing') ? [{ title: t(input, 'Fakturauppgifter', 'Invoice details'), question: t(input, `Vilka fakturauppgifter gäller för ${placeName(input, deadlines.find((d) => d.kind === 'invoicing')!.place)}?`, `What are the invoice details for ${placeName(input, deadlines.find((d) => d.kind === 'invoicing')!.place)}?`) }] : [];
  // Reminders are per region: offer them for the region these deadlines belong to.
  const regions = [...new Set(deadlines.map((d) => d.place))];
  if (regions.length === 1) {
    const region = placeName(input, regions[0]!);
    reply.suggestions.push({ title: t(input, 'Påminn oss', 'Remind us'), question: t(input, `Prenumerera på påminnelser för ${region}`, `Subscribe to reminders for ${region}`) });
  }
  return reply;
}

function statusText(input: AnswerInput, deadline: DeadlineFact): string {
  const days = daysUntil(deadline.due, input.today);
  if (days < 0) return t(input, ' (har passerat)', ' (has passed)');
  if (days === 0) return t(input, ' (i dag)', ' (today)');
  return t(input, ` (om ${days} dagar)`, ` (in ${days} days)`);
}

