// The whole way through the domain as the bot layer drives it, with the real brain: a question the
// documents cannot answer is logged and offers "Fråga en samordnare" (only once a channel exists);
// pressing it posts the ticket; the expert's answer reaches the asker; the votes and the question
// show in the report.
import { describe, expect, it } from 'vitest';
import { createBrain } from '../../src/brain/brain.js';
import { Coordinator, type GivenAnswer } from '../../src/coordinator/coordinator.js';
import { fixedClock } from '../../src/platform/clock.js';
import { MemoryDocumentStore } from '../../src/platform/file-store.js';
import { ADMIN, ASKER, ASKER_CHAT, cardOf, classify, conversation, EXPERT, EXPERT_CHANNEL, IN_CHANNEL, knowledgeStore, MovingClock, RecordingTeams, TENANT, textsOf } from './helpers.js';

const brain = createBrain(knowledgeStore(), fixedClock('2026-12-03'));

function given(question: string, requestId: string): GivenAnswer {
  const { reply } = brain.answer(question);
  return { tenantId: TENANT, conversationId: ASKER_CHAT, requestId, question, context: {}, reply };
}

describe('a question the documents cannot answer, asked of a coordinator', () => {
  it('is logged, offered to a coordinator once a channel exists, answered, and counted', async () => {
    const teams = new RecordingTeams();
    const clock = new MovingClock(new Date('2026-12-03T08:15:00Z'));
    const coordinator = new Coordinator({ store: new MemoryDocumentStore(), sender: teams, now: clock.now, instanceId: 'i1', retentionDays: 90, classify });

    // No expert channel yet: logged, nothing offered.
    expect(await coordinator.answered(given('Hur mycket får Uppsala?', 'msg-1'))).toEqual({ offerAsk: false });
    await coordinator.command('använd den här kanalen för frågor till samordnare', { conversation: conversation(EXPERT_CHANNEL), conversationType: 'channel', by: ADMIN });
    const unanswerable = given('Hur mycket får Uppsala?', 'msg-2');
    expect(unanswerable.reply.kind).toBe('unknown');
    expect(await coordinator.answered(unanswerable)).toEqual({ offerAsk: true });
    // A good answer offers nothing and is not logged.
    expect(await coordinator.answered(given('Hur mycket får Mora?', 'msg-3'))).toEqual({ offerAsk: false });

    const asked = await coordinator.ask({ ...unanswerable, requestId: 'card-2' }, ASKER, conversation(ASKER_CHAT));
    expect(asked.outcome).toBe('posted');
    if (asked.outcome !== 'posted') return;
    const ticketTexts = textsOf(cardOf(teams.to(EXPERT_CHANNEL)[0]!.activity));
    expect(ticketTexts).toContain('Hur mycket får Uppsala?');
    expect(ticketTexts).toContain(unanswerable.reply.text);
    expect(ticketTexts).toContain('Dokumenten innehåller inte svaret.');

    clock.advance(10 * 60_000);
    const answered = await coordinator.tickets.answer(asked.ticket.id, 'Uppsala har en egen överenskommelse; kontakta Region Uppsala.', EXPERT, IN_CHANNEL);
    expect(answered).toMatchObject({ outcome: 'answered', delivered: true });
    expect(textsOf(cardOf(teams.to(ASKER_CHAT)[0]!.activity)).slice(0, 3)).toEqual([
      'Svar från Anna Lind',
      'Det här svaret kommer från samordnaren Anna Lind (3 december 2026 kl. 09:25), inte från dokumenten.',
      'Uppsala har en egen överenskommelse; kontakta Region Uppsala.',
    ]);

    await coordinator.vote(given('Hur mycket får Mora?', 'card-3'), ASKER.id, 'up');
    await coordinator.vote(given('När ska slutredovisningen in för Dalarna 2020?', 'card-4'), ASKER.id, 'down');
    const report = await coordinator.report('2026-12-01');
    expect(report.unanswered.groups).toEqual([{ topic: 'amount', place: 'Uppsala', fund: null, count: 2, questions: ['Hur mycket får Uppsala?'] }]);
    expect(report.thumbsUp.total).toBe(1);
    expect(report.thumbsDown.groups).toEqual([{ topic: 'deadline', place: 'Dalarna', fund: null, count: 1, questions: ['När ska slutredovisningen in för Dalarna 2020?'] }]);
    expect([report.tickets.open, report.tickets.answered]).toEqual([0, 1]);
  });

  it('after a 👎, the ticket says the asker found the answer unhelpful, with the comment', async () => {
    const teams = new RecordingTeams();
    const coordinator = new Coordinator({ store: new MemoryDocumentStore(), sender: teams, now: () => new Date('2026-12-03T08:15:00Z'), instanceId: 'i1', retentionDays: 90, classify });
    await coordinator.command('använd den här kanalen för frågor till samordnare', { conversation: conversation(EXPERT_CHANNEL), conversationType: 'channel', by: ADMIN });
    const answer = given('Hur mycket får Mora?', 'card-1');
    await coordinator.ask(answer, ASKER, conversation(ASKER_CHAT), { reason: 'thumbsDown', comment: 'Jag menade 2024' });
    expect(textsOf(cardOf(teams.to(EXPERT_CHANNEL)[0]!.activity))).toContain('Frågeställaren tyckte inte att svaret hjälpte: ”Jag menade 2024”');
  });
});
