// 👍 / 👎 on answers and the questions the bot could not answer, counted in the report of what the
// documents lack: grouped by topic, place and fund, with the tickets open and answered, since a date.
import { describe, expect, it } from 'vitest';
import { createBrain } from '../../src/brain/brain.js';
import { Coordinator } from '../../src/coordinator/coordinator.js';
import { reportText } from '../../src/coordinator/report-text.js';
import { subjectOf } from '../../src/coordinator/subject.js';
import { fixedClock } from '../../src/platform/clock.js';
import { MemoryDocumentStore } from '../../src/platform/file-store.js';
import { ADMIN, ASKER, ASKER_CHAT, askInput, conversation, EXPERT, EXPERT_CHANNEL, MovingClock, RecordingTeams, TENANT, IN_CHANNEL, classify, knowledgeStore } from './helpers.js';

const knowledge = knowledgeStore();
const brain = createBrain(knowledge, fixedClock('2026-12-03'));

function setup() {
  const clock = new MovingClock(new Date('2026-12-03T08:00:00Z'));
  const coordinator = new Coordinator({ store: new MemoryDocumentStore(), sender: new RecordingTeams(), now: clock.now, instanceId: 'i1', retentionDays: 90, classify });
  return { clock, coordinator };
}

async function vote(coordinator: Coordinator, question: string, vote: 'up' | 'down', requestId: string, userId = ASKER.id) {
  const { reply } = brain.answer(question);
  return coordinator.feedback.vote({ tenantId: TENANT, conversationId: ASKER_CHAT, requestId, userId, vote, question, reply, subject: subjectOf(question, knowledge) });
}

async function unanswered(coordinator: Coordinator, question: string, requestId: string) {
  const { reply } = brain.answer(question);
  expect(reply.kind).toBe('unknown');
  return coordinator.unanswered.record({ tenantId: TENANT, conversationId: ASKER_CHAT, requestId, question, replyKind: reply.kind, subject: subjectOf(question, knowledge), lang: reply.lang });
}

describe('feedback on an answer', () => {
  it('a 👍 is stored with the question, the reply kind and the facts the answer used', async () => {
    const { coordinator } = setup();
    const record = await vote(coordinator, 'Hur mycket får Mora?', 'up', 'card-1');
    const stored = await coordinator.feedback.get(record.id);
    expect(stored).toMatchObject({ vote: 'up', question: 'Hur mycket får Mora?', replyKind: 'amount', subject: { topic: 'amount', place: 'Mora' }, comment: null, lang: 'sv' });
    expect(stored!.facts.length).toBeGreaterThan(0);
    expect(stored!.sources.length).toBeGreaterThan(0);
    expect(stored!.sources[0]).toMatch(/§/);
  });

  it('voting again on the same answer changes the vote instead of adding one; a 👎 takes a comment', async () => {
    const { coordinator } = setup();
    await vote(coordinator, 'Hur mycket får Mora?', 'up', 'card-1');
    const down = await vote(coordinator, 'Hur mycket får Mora?', 'down', 'card-1');
    expect((await coordinator.feedback.comment(down.id, '  Beloppet för 2024 saknas  '))?.comment).toBe('Beloppet för 2024 saknas');
    const report = await coordinator.report('2026-01-01');
    expect(report.thumbsUp.total).toBe(0);
    expect(report.thumbsDown.total).toBe(1);
    expect(report.thumbsDown.comments).toEqual(['Beloppet för 2024 saknas']);
    // Back to 👍: the comment belonged to the 👎.
    await vote(coordinator, 'Hur mycket får Mora?', 'up', 'card-1');
    expect((await coordinator.feedback.get(down.id))?.comment).toBeNull();
  });

  it('an unanswered question is logged once per message', async () => {
    const { coordinator } = setup();
    expect(await unanswered(coordinator, 'Hur mycket får Uppsala?', 'msg-1')).toBe('recorded');
    expect(await unanswered(coordinator, 'Hur mycket får Uppsala?', 'msg-1')).toBe('exists');
    expect((await coordinator.report('2026-01-01')).unanswered.total).toBe(1);
  });
});

describe('the report of what the documents lack', () => {
  it('groups unanswered questions and 👎 answers by topic, place and fund with counts, and counts the tickets', async () => {
    const { clock, coordinator } = setup();
    await unanswered(coordinator, 'Hur mycket får Uppsala?', 'm1');
    clock.advance(60_000);
    await unanswered(coordinator, 'How much does Uppsala get?', 'm2');
    clock.advance(60_000);
    await unanswered(coordinator, 'GLN för Jämtland', 'm3');
    await vote(coordinator, 'Hur mycket får Mora?', 'down', 'c1', 'u1');
    await vote(coordinator, 'Hur mycket får Mora?', 'down', 'c1', 'u2');
    await vote(coordinator, 'Hur mycket får Falun?', 'up', 'c2');
    await coordinator.command('använd den här kanalen för frågor till samordnare', { conversation: conversation(EXPERT_CHANNEL), conversationType: 'channel', by: ADMIN });
    const first = await coordinator.tickets.ask(askInput({ requestId: 't1' }));
    await coordinator.tickets.ask(askInput({ requestId: 't2', question: 'GLN för Jämtland', subject: { topic: 'invoice', place: 'Jämtland' } }));
    if (first.outcome !== 'posted') throw new Error(first.outcome);
    clock.advance(60_000);
    await coordinator.tickets.answer(first.ticket.id, 'Region Uppsala har egna medel.', EXPERT, IN_CHANNEL);

    const report = await coordinator.report('2026-01-01');
    expect(report.unanswered).toEqual({
      total: 3,
      groups: [
        { topic: 'amount', place: 'Uppsala', fund: null, count: 2, questions: ['Hur mycket får Uppsala?', 'How much does Uppsala get?'] },
        { topic: 'invoice', place: 'Jämtland', fund: null, count: 1, questions: ['GLN för Jämtland'] },
      ],
    });
    expect(report.thumbsDown.groups).toEqual([{ topic: 'amount', place: 'Mora', fund: null, count: 2, questions: ['Hur mycket får Mora?'] }]);
    expect(report.thumbsUp.total).toBe(1);
    expect(report.tickets.open).toBe(1);
    expect(report.tickets.answered).toBe(1);
    expect(report.tickets.items.map((item) => [item.state, item.question, item.answeredBy])).toEqual([
      ['answered', 'Hur mycket får Uppsala?', 'Anna Lind'],
      ['open', 'GLN för Jämtland', null],
    ]);

    const text = reportText(report);
    expect(text).toContain('Vad dokumenten saknar, sedan 1 januari 2026');
    expect(text).toContain('Obesvarade frågor: 3');
    expect(text).toContain('  2 × amount · Uppsala · ingen fond');
    expect(text).toContain('Svar med 👎: 2');
    expect(text).toContain('Frågor till samordnare: 1 öppna, 1 besvarade');
  });

  it('counts only what happened since the date (Swedish time)', async () => {
    const { clock, coordinator } = setup();
    clock.at = new Date('2026-02-28T23:30:00Z'); // 28 February in UTC, 00:30 on 1 March in Sweden
    await unanswered(coordinator, 'Hur mycket får Uppsala?', 'early');
    clock.at = new Date('2026-02-28T22:30:00Z'); // 23:30 on 28 February in Sweden
    await unanswered(coordinator, 'GLN för Jämtland', 'earlier');
    expect((await coordinator.report('2026-03-01')).unanswered.groups.map((group) => group.place)).toEqual(['Uppsala']);
    expect((await coordinator.report('2026-03-02')).unanswered.total).toBe(0);
  });
});
