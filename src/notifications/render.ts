// The reminder as a reply (what is due, the date in words, days left, what to do, the source), in
// the conversation's language. The bot turns it into its card.
import type { Lang } from '../brain/format.js';
import { daysBetween, formatDate } from '../brain/format.js';
import { describeWhen } from '../brain/when.js';
import { source } from '../brain/answer-context.js';
import { emptyReply, type Reply } from '../brain/reply.js';
import { stockholmDate } from '../platform/clock.js';
import type { KnowledgeStore } from '../knowledge/store.js';
import type { Reminder } from './reminders.js';
import type { ConversationRecord } from './subscriptions.js';
import { langOfLocale } from '../brain/language.js';

/** The language a conversation's reminders are written in: the one it subscribed in, else its client's. */
export function subscriberLang(conversation: Pick<ConversationRecord, 'lang' | 'locale'>): Lang {
  return conversation.lang ?? langOfLocale(conversation.locale);
}

export function reminderReply(reminder: Reminder, store: KnowledgeStore, lang: Lang, now: Date): Reply {
  const deadline = reminder.deadline;
  const region = store.place(reminder.region)?.name ?? reminder.region;
  const today = stockholmDate(now);
  const daysLeft = daysBetween(today, deadline.due);
  const sv = lang === 'sv';
  const left = daysLeft === 0 ? (sv ? 'i dag' : 'today') : daysLeft === 1 ? (sv ? 'i morgon' : 'tomorrow') : sv ? `om ${daysLeft} dagar` : `in ${daysLeft} days`;
  const due = formatDate(deadline.due, lang);
  const reply = emptyReply('deadline', lang, sv ? `Påminnelse: ${deadline.title.sv}` : `Reminder: ${deadline.title.en}`, '');
  reply.figure = due;
  reply.text = sv
    ? `Påminnelse för ${region}: ${deadline.title.sv} – senast ${due} (${left}).${deadline.action ? ` ${deadline.action}` : ''}`
    : `Reminder for ${region}: ${deadline.title.en} – by ${due} (${left}).${deadline.action ? ` ${deadline.action}` : ''}`;
  reply.rows = [
    { label: sv ? 'Senast' : 'Due', value: `${due} (${left})` },
    { label: sv ? 'Gäller' : 'Applies to', value: `${describeWhen(deadline, lang)} · ${region} ${deadline.year}` },
    ...(deadline.action ? [{ label: sv ? 'Att göra' : 'What to do', value: deadline.action }] : []),
  ];
  if (!sv && deadline.action) reply.notes.push('What to do is quoted in Swedish, as the document writes it.');
  reply.sources = [source({ store }, { document: deadline.document, ...deadline.source })];
  reply.suggestions = [
    { title: sv ? 'Visa detaljer' : 'Show details', question: sv ? `Vilka deadlines gäller för ${region} ${deadline.year}?` : `Which deadlines apply to ${region} ${deadline.year}?` },
    { title: sv ? 'Avsluta prenumerationen' : 'Unsubscribe', question: sv ? `Avsluta prenumerationen för ${region}` : `Unsubscribe from ${region}` },
  ];
  return reply;
}
