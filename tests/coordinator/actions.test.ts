// What the coordinator buttons send back, read before anything is done with it: the verbs the cards
// use with their data are accepted, anything else is refused.
import { describe, expect, it } from 'vitest';
import { readCoordinatorAction, VERBS } from '../../src/coordinator/actions.js';

const TICKET = '0123456789abcdef0123456789abcdef';

const CASES: [string, string, unknown, unknown][] = [
  ['“Fråga en samordnare” with the question', VERBS.ask, { question: 'Hur mycket får Uppsala?', context: '{}' }, { verb: 'coordinator.ask', data: { question: 'Hur mycket får Uppsala?', context: '{}' } }],
  ['“Fråga en samordnare” after a 👎 with a comment', VERBS.ask, { question: 'GLN?', reason: 'thumbsDown', comment: 'fel GLN' }, { verb: 'coordinator.ask', data: { question: 'GLN?', reason: 'thumbsDown', comment: 'fel GLN' } }],
  ['“Jag tar den”', VERBS.take, { ticketId: TICKET }, { verb: 'coordinator.take', data: { ticketId: TICKET } }],
  ['“Skicka svar” with the answer input', VERBS.answer, { ticketId: TICKET, answer: 'Svaret' }, { verb: 'coordinator.answer', data: { ticketId: TICKET, answer: 'Svaret' } }],
  ['“Skicka svar” with the input left empty', VERBS.answer, { ticketId: TICKET }, { verb: 'coordinator.answer', data: { ticketId: TICKET, answer: '' } }],
  ['👍', VERBS.vote, { vote: 'up', question: 'Hur mycket får Mora?' }, { verb: 'feedback.vote', data: { vote: 'up', question: 'Hur mycket får Mora?' } }],
  ['the comment after a 👎', VERBS.comment, { feedbackId: TICKET, comment: 'saknar 2024' }, { verb: 'feedback.comment', data: { feedbackId: TICKET, comment: 'saknar 2024' } }],
  ['a ticket id that is a path', VERBS.take, { ticketId: '../channels/x' }, undefined],
  ['a vote that is neither', VERBS.vote, { vote: 'meh', question: 'x' }, undefined],
  ['no question', VERBS.ask, { question: '   ' }, undefined],
  ['no data at all', VERBS.take, undefined, undefined],
  ['another feature’s verb', 'recalculate', { question: 'x' }, undefined],
  ['a prototype name as verb', 'constructor', {}, undefined],
];

describe('reading what a coordinator button sent', () => {
  it.each(CASES)('%s', (_name, verb, data, expected) => {
    expect(readCoordinatorAction(verb, data)).toEqual(expected);
  });
});
