// Which place a question is about: the one named, or the one the conversation was about.
import type { Place } from '../../knowledge/schema.js';
import { t, type AnswerInput } from '../answer-context.js';
import { joinList } from '../format.js';
import { emptyReply, type Reply } from '../reply.js';

export type Resolved = { kind: 'place'; place: Place; notes: string[] } | { kind: 'ambiguous'; choices: Place[] } | { kind: 'none' };

export function resolvePlace(input: AnswerInput): Resolved {
  const { u, store } = input;
  const first = u.places[0];
  if (first) {
    // Two places matched by the same words ("nord" → Nordost, Nordväst): ask.
    const same = u.places.filter((match) => match.text === first.text && match.how === first.how);
    if (same.length > 1) return { kind: 'ambiguous', choices: same.map((match) => match.place) };
    const notes: string[] = [];
    if (first.how === 'typo' || first.how === 'prefix') {
      notes.push(t(input, `Jag tolkar ”${first.text}” som ${first.place.name}.`, `I read “${first.text}” as ${first.place.name}.`));
    }
    return { kind: 'place', place: first.place, notes };
  }
  const carried = u.place ? store.place(u.place) : undefined;
  return carried ? { kind: 'place', place: carried, notes: [] } : { kind: 'none' };
}

/** The county a place belongs to (itself for a county). */
export function countyOf(input: AnswerInput, place: Place): Place {
  if (place.kind === 'county' || !place.parent) return place;
  const parent = input.store.place(place.parent);
  return parent ? countyOf(input, parent) : place;
}

export function clarifyPlace(input: AnswerInput, choices: Place[]): Reply {
  const names = choices.map((place) => place.name);
  const reply = emptyReply(
    'clarify',
    input.lang,
    t(input, 'Vilken plats menar du?', 'Which place do you mean?'),
    t(input, `Vilken plats menar du: ${joinList(names, 'sv').replace(/ och /, ' eller ')}?`, `Which place do you mean: ${joinList(names, 'en').replace(/ and /, ' or ')}?`),
  );
  reply.suggestions = choices.slice(0, 3).map((place) => ({ title: place.name, question: retarget(input, place.name) }));
  reply.known = names;
  return reply;
}

/** The same question about another place: what clicking a choice asks. */
export function retarget(input: AnswerInput, name: string): string {
  const year = input.u.year ? ` ${input.u.year}` : '';
  const questions: Record<string, [string, string]> = {
    contact: [`Vem är kontaktperson för ${name}?`, `Who is the contact for ${name}?`],
    deadline: [`Vilka deadlines gäller för ${name}${year}?`, `Which deadlines apply to ${name}${year}?`],
    invoice: [`Fakturauppgifter för ${name}${year}`, `Invoice details for ${name}${year}`],
    focusArea: [`Vilka fokusområden har ${name}${year}?`, `Which focus areas does ${name} have${year}?`],
    key: [`Hur räknades beloppet för ${name}${year} ut?`, `How was the amount for ${name}${year} calculated?`],
    list: [`Vilka kommuner i ${name} får mest${year}?`, `Which municipalities in ${name} get the most${year}?`],
  };
  const [sv, en] = questions[input.u.intent] ?? [`Hur mycket får ${name}${year}?`, `How much does ${name} get${year}?`];
  return t(input, sv, en);
}
