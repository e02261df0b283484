// The coordinator cards, expanded in every state and both languages, checked with the adaptivecards
// package itself (as tests/cards does for the answer cards): the ticket open, taken, answered, refused
// and past the retention period; the asker's confirmation; the coordinator's answer.
import { describe, expect, it } from 'vitest';
import type { AdaptiveCardJson } from '../../src/cards/expand.js';
import { coordinatorAnswerCard, ticketCard, ticketSentCard } from '../../src/coordinator/cards.js';
import type { Ticket } from '../../src/coordinator/ticket-record.js';
import { nodes, sdkProblems, type Json } from '../support/adaptive-cards.js';
import { ASKER, conversation, EXPERT, textsOf, typesOf } from './helpers.js';

/** Everything wrong with a card; empty when it is fine. */
function problems(card: AdaptiveCardJson): string[] {
  const found: string[] = [];
  if (JSON.stringify(card).includes('${')) found.push('unexpanded ${…}');
  if (card.type !== 'AdaptiveCard' || card.version !== '1.5' || card.$schema !== 'http://adaptivecards.io/schemas/adaptive-card.json') found.push('not an Adaptive Card 1.5');
  const allowed = new Set(['AdaptiveCard', 'TextBlock', 'Container', 'Action.Execute', 'Action.Submit', 'Input.Text']);
  for (const node of nodes(card)) {
    if (typeof node.type === 'string' && !allowed.has(node.type)) found.push(`element type ${node.type}`);
    if (node.type === 'TextBlock' && (node.wrap !== true || typeof node.text !== 'string' || node.text === '')) found.push(`TextBlock without wrap or text: ${JSON.stringify(node).slice(0, 100)}`);
    if (node.type === 'Container' && !(Array.isArray(node.items) && node.items.length > 0)) found.push('empty Container');
  }
  found.push(...sdkProblems(card));
  for (const action of (card.actions ?? []) as Json[]) {
    // Every button works in a client without Action.Execute too: same verb and data.
    expect(action.fallback).toMatchObject({ type: 'Action.Submit', title: action.title, data: { verb: action.verb, ...(action.data as object) } });
  }
  return found;
}

const open: Ticket = {
  id: 'a'.repeat(32),
  tenantId: 'tenant',
  createdAt: '2026-03-31T07:05:00.000Z',
  lang: 'sv',
  channelLang: 'sv',
  question: 'Hur mycket får Uppsala 2024?',
  asker: ASKER,
  askerConversation: conversation('a:1asker'),
  bot: { kind: 'unknown', text: 'Jag hittar inte Uppsala i dokumenten. Jag har uppgifter om Dalarna, Jämtland och Skåne.', why: 'Dokumenten innehåller inte svaret.' },
  subject: { topic: 'amount', place: 'Uppsala' },
  channelId: '19:experts@thread.tacv2',
  post: { state: 'posted', claimedBy: 'i1', claimedAt: '2026-03-31T07:05:00.000Z', activityId: 'act-1' },
};
const taken: Ticket = { ...open, takenBy: { ...EXPERT, at: '2026-03-31T07:10:00.000Z' } };
const answered: Ticket = { ...taken, answer: { text: 'Uppsala ingår inte. Fråga Region Uppsala.', by: EXPERT, at: '2026-03-31T08:00:00.000Z', delivery: { state: 'sent', claimedBy: 'i1', at: '2026-03-31T08:00:01.000Z' } } };
const english = (ticket: Ticket): Ticket => ({ ...ticket, lang: 'en', channelLang: 'en', question: 'How much does Uppsala get in 2024?' });
const redacted = (ticket: Ticket): Ticket => ({ ...ticket, question: null, bot: { ...ticket.bot, text: null, why: null }, ...(ticket.answer ? { answer: { ...ticket.answer, text: null } } : {}), redactedAt: '2026-07-01T00:00:00.000Z' });

const CASES: [string, AdaptiveCardJson][] = [
  ['ticket, open (sv)', ticketCard(open)],
  ['ticket, open (en)', ticketCard(english(open))],
  ['ticket, taken (sv)', ticketCard(taken)],
  ['ticket, taken, told to a second expert (sv)', ticketCard(taken, 'Anna Lind har redan tagit frågan.')],
  ['ticket, answered (sv)', ticketCard(answered)],
  ['ticket, answered (en)', ticketCard(english(answered))],
  ['ticket, answered, a second answer refused (sv)', ticketCard(answered, 'Frågan var redan besvarad.')],
  ['ticket, past the retention period (sv)', ticketCard(redacted(answered))],
  ['ticket, open, past the retention period (sv)', ticketCard(redacted(open))],
  ['confirmation (sv)', ticketSentCard(open)],
  ['confirmation (en)', ticketSentCard(english(open))],
  ['coordinator answer (sv)', coordinatorAnswerCard(answered)],
  ['coordinator answer (en)', coordinatorAnswerCard(english(answered))],
];

describe('the validation itself', () => {
  it('catches a misspelt property, an unknown element and an unexpanded field', () => {
    const card = ticketCard(open);
    const broken = { ...card, body: [...card.body, { type: 'Input.Text', id: 'x', isMultline: true }, { type: 'Table' }, { type: 'TextBlock', text: '${missing}', wrap: true }] } as AdaptiveCardJson;
    const found = problems(broken).join('\n');
    expect(found).toContain('isMultline was dropped');
    expect(found).toContain('element type Table');
    expect(found).toContain('unexpanded');
  });
});

describe('coordinator cards', () => {
  it.each(CASES)('%s is a valid Adaptive Card 1.5', (_name, card) => {
    expect(problems(card)).toEqual([]);
    expect(typeof card.fallbackText === 'string' && card.fallbackText.length > 0 && card.fallbackText.length <= 200).toBe(true);
  });

  it('an open ticket has “Jag tar den”, the answer field and “Skicka svar”, sending the ticket id', () => {
    const card = ticketCard(open);
    expect(textsOf(card)).toEqual([
      'Fråga till samordnarna',
      'Från Karin Berg, 31 mars 2026 kl. 09:05',
      'Hur mycket får Uppsala 2024?',
      'Botten svarade',
      'Jag hittar inte Uppsala i dokumenten. Jag har uppgifter om Dalarna, Jämtland och Skåne.',
      'Varför',
      'Dokumenten innehåller inte svaret.',
      'Jag tar den',
      'Skicka svar',
    ]);
    expect(card.actions?.map((action) => [action.verb, action.data])).toEqual([
      ['coordinator.take', { ticketId: open.id }],
      ['coordinator.answer', { ticketId: open.id }],
    ]);
    const input = [...nodes(card)].find((node) => node.type === 'Input.Text');
    expect(input).toMatchObject({ id: 'answer', isRequired: true, isMultiline: true, label: 'Svar', errorMessage: 'Skriv ett svar först.' });
    // Taking the ticket sends no answer text with it.
    expect(card.actions?.[0]?.associatedInputs).toBe('none');
  });

  it('in English the buttons are “I’ll take it” and “Send answer”', () => {
    const titles = ticketCard(english(open)).actions?.map((action) => action.title);
    expect(titles).toEqual(["I'll take it", 'Send answer']);
  });

  it('a taken ticket shows who took it and keeps the answer field', () => {
    const card = ticketCard(taken);
    expect(textsOf(card)).toContain('Tagen av Anna Lind (31 mars 2026 kl. 09:10)');
    expect(card.actions?.map((action) => action.title)).toEqual(['Skicka svar']);
    expect(typesOf(card)).toContain('Input.Text');
  });

  it('an answered ticket says “Besvarad av … (tid)” with the answer, without inputs or buttons', () => {
    const card = ticketCard(answered);
    expect(textsOf(card)).toEqual(expect.arrayContaining(['Besvarad av Anna Lind (31 mars 2026 kl. 10:00)', 'Uppsala ingår inte. Fråga Region Uppsala.']));
    expect(textsOf(card).some((text) => text.startsWith('Tagen av'))).toBe(false);
    expect(typesOf(card).filter((type) => type.startsWith('Input.') || type.startsWith('Action.'))).toEqual([]);
  });

  it('the confirmation says the question went to the coordinators and repeats it', () => {
    expect(textsOf(ticketSentCard(open))).toEqual(['Frågan är skickad', 'Din fråga har skickats till samordnarna. Du får svaret här i chatten när någon av dem har svarat.', 'Din fråga', 'Hur mycket får Uppsala 2024?']);
  });

  it('the answer to the asker names the coordinator, says it is not from the documents, and repeats the question', () => {
    expect(textsOf(coordinatorAnswerCard(english(answered)))).toEqual([
      'Answer from Anna Lind',
      'This answer comes from the coordinator Anna Lind (31 March 2026 at 10:00), not from the documents.',
      'Uppsala ingår inte. Fråga Region Uppsala.',
      'Your question',
      'How much does Uppsala get in 2024?',
    ]);
  });
});
