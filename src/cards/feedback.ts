// The answer cards' feedback buttons (👍 / 👎, "Fråga en samordnare") and the small cards a press of
// one of them is answered with: a notice, the 👎 follow-up with its optional comment.
import type { Lang } from '../brain/format.js';
import { VERBS } from '../coordinator/actions.js';
import { TEXTS as COORDINATOR_TEXTS } from '../coordinator/texts.js';
import { expandCard, type AdaptiveCardJson, type CardNode } from './expand.js';

interface FeedbackTexts {
  up: string;
  down: string;
  thanksUp: string;
  downTitle: string;
  downText: string;
  downTextAsk: string;
  commentLabel: string;
  commentPlaceholder: string;
  sendComment: string;
  commentSaved: string;
  commentTitle: string;
  unknownTicketTitle: string;
  unknownTicket: string;
}

export const FEEDBACK_TEXTS: Record<Lang, FeedbackTexts> = {
  sv: {
    up: 'Svaret hjälpte',
    down: 'Svaret hjälpte inte',
    thanksUp: 'Tack! Det är sparat att svaret hjälpte.',
    downTitle: 'Tack för att du säger till',
    downText: 'Det är sparat att svaret inte hjälpte. Skriv gärna vad som saknades eller var fel.',
    downTextAsk: 'Det är sparat att svaret inte hjälpte. Skriv gärna vad som saknades eller var fel, eller fråga en samordnare.',
    commentLabel: 'Kommentar (frivillig)',
    commentPlaceholder: 'Vad saknades eller var fel?',
    sendComment: 'Skicka kommentar',
    commentTitle: 'Tack för kommentaren',
    commentSaved: 'Kommentaren är sparad tillsammans med frågan.',
    unknownTicketTitle: 'Frågan finns inte här',
    unknownTicket: 'Den här frågan hör inte till den här kanalen eller finns inte längre.',
  },
  en: {
    up: 'The answer helped',
    down: 'The answer did not help',
    thanksUp: 'Thank you! It is saved that the answer helped.',
    downTitle: 'Thank you for telling me',
    downText: 'It is saved that the answer did not help. Please write what was missing or wrong.',
    downTextAsk: 'It is saved that the answer did not help. Please write what was missing or wrong, or ask a coordinator.',
    commentLabel: 'Comment (optional)',
    commentPlaceholder: 'What was missing or wrong?',
    sendComment: 'Send comment',
    commentTitle: 'Thank you for the comment',
    commentSaved: 'The comment is saved with the question.',
    unknownTicketTitle: 'The question is not here',
    unknownTicket: 'This question does not belong to this channel or no longer exists.',
  },
};

/** An Action.Execute with its Action.Submit fallback for clients without universal actions. */
function execute(title: string, verb: string, data: Record<string, string>, extra: Record<string, unknown> = {}): CardNode {
  return { type: 'Action.Execute', title, verb, data, ...extra, fallback: { type: 'Action.Submit', title, data: { verb, ...data } } };
}

/** "Fråga en samordnare": the question and its context go with it, so the bot can give the same answer on the ticket. */
export function askCoordinatorAction(lang: Lang, data: { question: string; context?: string; reason?: 'thumbsDown'; comment?: string }): CardNode {
  const { question, context, reason, comment } = data;
  return execute(COORDINATOR_TEXTS[lang].askCoordinator, VERBS.ask, { question, ...(context !== undefined ? { context } : {}), ...(reason ? { reason } : {}), ...(comment ? { comment } : {}) });
}

/** 👍 and 👎 under an answer. */
export function voteActions(lang: Lang, answer: { question: string; context: string }): CardNode[] {
  const t = FEEDBACK_TEXTS[lang];
  return (['up', 'down'] as const).map((vote) => execute(vote === 'up' ? '👍' : '👎', VERBS.vote, { vote, question: answer.question, context: answer.context }, { tooltip: vote === 'up' ? t.up : t.down }));
}

/** A short notice: a title and a sentence, with buttons when given. */
export function noticeCard(title: string, text: string, actions: CardNode[] = []): AdaptiveCardJson {
  const card = expandCard('notice', { title, text });
  card.fallbackText = title;
  return actions.length > 0 ? { ...card, actions } : card;
}

/** The answer card again, with a line under it saying what became of the press. */
export function withNote(card: AdaptiveCardJson, note: string): AdaptiveCardJson {
  return { ...card, body: [...card.body, { type: 'TextBlock', text: note, wrap: true, isSubtle: true, size: 'Small', spacing: 'Medium' }] };
}

/** After a 👎: thanks, an optional comment, and "Fråga en samordnare" when the tenant has an expert channel. */
export function thumbsDownCard(lang: Lang, answer: { question: string; context: string; feedbackId: string; offerAsk: boolean }): AdaptiveCardJson {
  const t = FEEDBACK_TEXTS[lang];
  const card = noticeCard(t.downTitle, answer.offerAsk ? t.downTextAsk : t.downText);
  const comment: CardNode = { type: 'Input.Text', id: 'comment', label: t.commentLabel, placeholder: t.commentPlaceholder, isMultiline: true, maxLength: 1000 };
  const actions = [execute(t.sendComment, VERBS.comment, { feedbackId: answer.feedbackId }), ...(answer.offerAsk ? [askCoordinatorAction(lang, { question: answer.question, context: answer.context, reason: 'thumbsDown' })] : [])];
  return { ...card, body: [...card.body, comment], actions };
}

/** After the comment: thanks, and still "Fråga en samordnare" (with the comment) when offered. */
export function commentSavedCard(lang: Lang, answer: { question: string | null; comment: string; offerAsk: boolean }): AdaptiveCardJson {
  const t = FEEDBACK_TEXTS[lang];
  const ask = answer.offerAsk && answer.question ? [askCoordinatorAction(lang, { question: answer.question, reason: 'thumbsDown', ...(answer.comment ? { comment: answer.comment } : {}) })] : [];
  return noticeCard(t.commentTitle, t.commentSaved, ask);
}
