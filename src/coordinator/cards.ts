// The coordinator cards: the ticket in the expert channel (open, taken, answered), the asker's
// confirmation and the coordinator's answer to the asker. Channel cards speak the channel's language,
// the asker's cards the asker's.
import { expandCard, type AdaptiveCardJson } from '../cards/expand.js';
import { TEXTS } from './texts.js';
import type { Ticket } from './ticket-record.js';
import { formatMoment } from './when.js';

const FALLBACK_MAX = 200;

/** What Teams shows in a notification or a client that cannot draw the card. */
function withFallback(card: AdaptiveCardJson, text: string): AdaptiveCardJson {
  const line = text.replace(/\s+/g, ' ').trim();
  card.fallbackText = line.length <= FALLBACK_MAX ? line : `${line.slice(0, FALLBACK_MAX - 2)} …`;
  return card;
}

/** The ticket as the channel sees it now; `notice` tells the expert who pressed something what happened. */
export function ticketCard(ticket: Ticket, notice = ''): AdaptiveCardJson {
  const lang = ticket.channelLang;
  const t = TEXTS[lang];
  const answer = ticket.answer;
  const card = expandCard('ticket', {
    labels: { botAnswered: t.botAnswered, why: t.why, take: t.take, send: t.send, answer: t.answerLabel, answerPlaceholder: t.answerPlaceholder, answerRequired: t.answerRequired },
    title: t.ticketTitle,
    ticketId: ticket.id,
    askedBy: t.askedBy(ticket.asker.name, formatMoment(ticket.createdAt, lang)),
    question: ticket.question ?? '—',
    botText: ticket.bot.text ?? '',
    why: ticket.bot.why ?? '',
    takenBy: ticket.takenBy && !answer ? t.takenBy(ticket.takenBy.name, formatMoment(ticket.takenBy.at, lang)) : '',
    answered: answer !== undefined,
    answeredBy: answer ? t.answeredBy(answer.by.name, formatMoment(answer.at, lang)) : '',
    answerText: answer?.text ?? '',
    notice,
  });
  return withFallback(card, `${t.ticketTitle}: ${ticket.question ?? ''}`);
}

export function ticketSentCard(ticket: Ticket): AdaptiveCardJson {
  const t = TEXTS[ticket.lang];
  return withFallback(expandCard('ticketSent', { labels: { yourQuestion: t.yourQuestion }, title: t.sentTitle, text: t.sentText, question: ticket.question ?? '—' }), t.sentText);
}

/** The answer to the asker: from the named coordinator, not from the documents, with the question. */
export function coordinatorAnswerCard(ticket: Ticket): AdaptiveCardJson {
  const answer = ticket.answer;
  if (!answer) throw new Error(`ticket ${ticket.id} has no answer`);
  const t = TEXTS[ticket.lang];
  const card = expandCard('coordinatorAnswer', {
    labels: { yourQuestion: t.yourQuestion },
    title: t.answerTitle(answer.by.name),
    from: t.answerFrom(answer.by.name, formatMoment(answer.at, ticket.lang)),
    answer: answer.text ?? '—',
    question: ticket.question ?? '—',
  });
  return withFallback(card, `${t.answerTitle(answer.by.name)}: ${answer.text ?? ''}`);
}

/** A card as a message activity, plain JSON for the sender. */
export function cardActivity(card: AdaptiveCardJson): Record<string, unknown> {
  return { type: 'message', ...(typeof card.fallbackText === 'string' ? { text: card.fallbackText } : {}), attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] };
}
