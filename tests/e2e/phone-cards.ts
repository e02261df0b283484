// One card of every kind the bot sends, made as the bot makes it, for drawing 360 px wide in the browser test.
import { knownPlaces } from '../../src/brain/answers/unknown.js';
import { subscriptionReply } from '../../src/bot/subscription-reply.js';
import type { AdaptiveCardJson } from '../../src/cards/expand.js';
import { cardForReply, errorCard, slowDownCard, welcomeCard } from '../../src/cards/view.js';
import { reminderReply } from '../../src/notifications/render.js';
import { planReminders } from '../../src/notifications/reminders.js';
import { brain, store } from '../brain/ask.js';

const QUESTIONS: Record<string, string> = {
  amount: 'Hur mycket får Mora?',
  list: 'alla kommuner i Dalarna',
  comparison: 'jämför Dalarna och Jämtland 2020',
  deadline: 'när ska fakturan skickas?',
  deadlines: 'Vilka deadlines gäller för Skåne?',
  invoice: 'fakturauppgifter skåne',
  focusArea: 'vilka fokusområden fanns 2018?',
  key: 'hur räknades Dalarnas samsjuklighetsbelopp ut?',
  contact: 'kontakt skåne',
  figure: 'hur många invånare har Dalarna?',
  passage: 'vad är Bostad först?',
  unknown: 'Hur mycket får Uppsala?',
  clarify: 'hur mkt pengar till suicidprevention?',
  whatIf: 'vad får Malmö för suicidprevention om potten är 25 mkr',
  help: 'hjälp',
  english: 'How much does Mora get?',
};

export function phoneCards(): { name: string; card: AdaptiveCardJson }[] {
  const cards: { name: string; card: AdaptiveCardJson }[] = [];
  for (const [name, question] of Object.entries(QUESTIONS)) {
    const { reply } = brain.answer(question);
    // Opened, as the longest it gets.
    cards.push({ name, card: cardForReply(reply, { question, context: '{}', showDerivation: true, showSource: true }) });
  }
  const help = brain.answer('hjälp').reply;
  cards.push({ name: 'welcome', card: welcomeCard('sv', knownPlaces({ store, lang: 'sv' }), help.suggestions) });
  cards.push({ name: 'error', card: errorCard('sv', '7f3c2a9e-41d2-4c8b-9a55-0e1d2c3b4a59') });
  cards.push({ name: 'notice', card: slowDownCard('sv') });
  const reminder = planReminders(store.knowledge.deadlines).find((r) => r.region === 'skane' && r.daysBefore === 1)!;
  const reminderCard = reminderReply(reminder, store, 'sv', new Date('2023-05-30T07:05:00Z'));
  cards.push({ name: 'reminder', card: cardForReply(reminderCard, { question: reminderCard.suggestions[0]!.question, context: '{}' }) });
  const subscribe = brain.answer('prenumerera på påminnelser för Skåne').reply;
  const subscribed = subscriptionReply(subscribe, { outcome: 'created', region: 'Skåne', following: ['Dalarna', 'Skåne'], schedule: { daysBefore: [30, 7, 1], hour: 9 } });
  cards.push({ name: 'subscription', card: cardForReply(subscribed, { question: 'prenumerera på påminnelser för Skåne', context: '{}' }) });
  return cards;
}
