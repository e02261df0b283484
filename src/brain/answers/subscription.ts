// "Prenumerera på påminnelser för Skåne", "mina prenumerationer", "avsluta prenumerationen för Skåne":
// understood here, carried out by the bot (it owns the state), which then words the confirmation.
import { t, type AnswerInput } from '../answer-context.js';
import { emptyReply, type Reply } from '../reply.js';
import { clarifyPlace, countyOf, resolvePlace } from './resolve.js';

export function answerSubscription(input: AnswerInput): Reply {
  const { u, store } = input;
  if (u.intent === 'subscriptions') {
    // The bot carries these out and words the result; this text is what the request means.
    const reply = emptyReply('subscription', input.lang, t(input, 'Dina prenumerationer', 'Your subscriptions'), t(input, 'Visa den här konversationens prenumerationer på påminnelser.', "Show this conversation's reminder subscriptions."));
    reply.action = { type: 'list' };
    return reply;
  }
  const resolved = resolvePlace(input);
  if (resolved.kind === 'ambiguous') return clarifyPlace(input, resolved.choices.map((place) => countyOf(input, place)));
  if (resolved.kind === 'none') {
    const counties = store.knowledge.places.filter((place) => place.kind === 'county' && store.deadlines({ place: place.id }).length > 0);
    const reply = clarifyPlace(input, counties);
    reply.text = t(input, `Vilken region gäller det? Jag har deadlines för ${counties.map((c) => c.name).join(', ')}.`, `Which region? I have deadlines for ${counties.map((c) => c.name).join(', ')}.`);
    reply.suggestions = counties.slice(0, 3).map((county) => ({
      title: county.name,
      question: u.intent === 'subscribe' ? t(input, `Prenumerera på påminnelser för ${county.name}`, `Subscribe to reminders for ${county.name}`) : t(input, `Avsluta prenumerationen för ${county.name}`, `Unsubscribe from ${county.name}`),
    }));
    return reply;
  }
  const county = countyOf(input, resolved.place);
  const subscribe = u.intent !== 'unsubscribe';
  const reply = emptyReply(
    'subscription',
    input.lang,
    t(input, `Påminnelser för ${county.name}`, `Reminders for ${county.name}`),
    subscribe
      ? t(input, `Prenumerera på påminnelser om deadlines för ${county.name}.`, `Subscribe to deadline reminders for ${county.name}.`)
      : t(input, `Avsluta prenumerationen på påminnelser för ${county.name}.`, `Unsubscribe from reminders for ${county.name}.`),
  );
  reply.action = { type: subscribe ? 'subscribe' : 'unsubscribe', region: county.id };
  if (county.id !== resolved.place.id) reply.notes.push(t(input, `Deadlines gäller per region: ${resolved.place.name} hör till ${county.name}.`, `Deadlines are per region: ${resolved.place.name} belongs to ${county.name}.`));
  return reply;
}
