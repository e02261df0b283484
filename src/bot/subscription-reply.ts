// What a subscription request did, as a reply: the change made, the conversation's subscriptions after
// it and when reminders go out. Pure: the bot makes the change and passes what happened.
import { joinList, type Lang } from '../brain/format.js';
import type { Reply } from '../brain/reply.js';

export type SubscriptionOutcome = 'created' | 'exists' | 'removed' | 'absent' | 'listed';

export interface SubscriptionChange {
  outcome: SubscriptionOutcome;
  /** The county's name, when the request named one. */
  region?: string;
  /** The names of the regions the conversation follows after the change. */
  following: string[];
  schedule: { daysBefore: number[]; hour: number };
}

const WORDS: Record<Lang, { title: string; change: string; following: string; when: string; none: string }> = {
  sv: { title: 'Påminnelser om deadlines', change: 'Ändring', following: 'Prenumerationer', when: 'Skickas', none: 'Inga' },
  en: { title: 'Deadline reminders', change: 'Change', following: 'Subscriptions', when: 'Sent', none: 'None' },
};

export function subscriptionReply(reply: Reply, change: SubscriptionChange): Reply {
  const lang = reply.lang;
  const sv = lang === 'sv';
  const words = WORDS[lang];
  const { region = '', following, schedule } = change;
  const days = joinList([...schedule.daysBefore].sort((a, b) => b - a).map(String), lang);
  const hour = String(schedule.hour).padStart(2, '0');
  const when = sv ? `${days} dagar före varje deadline, kl. ${hour}.00 (svensk tid)` : `${days} days before each deadline, at ${hour}:00 (Swedish time)`;
  const list = following.length > 0 ? joinList(following, lang) : words.none;
  const text = {
    created: sv ? `Klart: den här konversationen får nu påminnelser om deadlines för ${region}.` : `Done: this conversation now gets deadline reminders for ${region}.`,
    exists: sv ? `Ingen ändring: den här konversationen prenumererar redan på påminnelser för ${region}.` : `No change: this conversation already subscribes to reminders for ${region}.`,
    removed: sv ? `Klart: inga fler påminnelser för ${region} i den här konversationen.` : `Done: no more reminders for ${region} in this conversation.`,
    absent: sv ? `Ingen ändring: den här konversationen prenumererar inte på påminnelser för ${region}.` : `No change: this conversation does not subscribe to reminders for ${region}.`,
    listed:
      following.length === 0
        ? sv
          ? 'Den här konversationen prenumererar inte på några påminnelser. Skriv till exempel ”prenumerera på påminnelser för Skåne”.'
          : 'This conversation subscribes to no reminders. Write for example “subscribe to reminders for Skåne”.'
        : sv
          ? `Den här konversationen får påminnelser för ${list}.`
          : `This conversation gets reminders for ${list}.`,
  }[change.outcome];
  const changed = {
    created: sv ? `${region} tillagd` : `${region} added`,
    exists: sv ? `Ingen (${region} fanns redan)` : `None (${region} was already there)`,
    removed: sv ? `${region} borttagen` : `${region} removed`,
    absent: sv ? `Ingen (${region} fanns inte)` : `None (${region} was not there)`,
    listed: '',
  }[change.outcome];
  const suggestions =
    change.outcome === 'created' || change.outcome === 'exists'
      ? [
          { title: sv ? 'Vilka deadlines är på gång?' : 'Upcoming deadlines', question: sv ? `Vilka deadlines är på gång i ${region}?` : `Which deadlines are coming up in ${region}?` },
          { title: sv ? 'Avsluta prenumerationen' : 'Unsubscribe', question: sv ? `Avsluta prenumerationen för ${region}` : `Unsubscribe from ${region}` },
        ]
      : following.length === 0
        ? []
        : following.slice(0, 3).map((name) => ({ title: sv ? `Avsluta ${name}` : `Unsubscribe ${name}`, question: sv ? `Avsluta prenumerationen för ${name}` : `Unsubscribe from ${name}` }));
  return {
    ...reply,
    title: words.title,
    text,
    rows: [
      ...(changed ? [{ label: words.change, value: changed }] : []),
      { label: words.following, value: list },
      ...(following.length > 0 ? [{ label: words.when, value: when }] : []),
    ],
    notes: [],
    known: [],
    suggestions,
  };
}
