// The retention period: texts people wrote (questions, answers, comments) older than RETENTION_DAYS
// are removed from tickets, feedback and the unanswered log; what the report counts stays.
import { describe, expect, it } from 'vitest';
import { Coordinator } from '../../src/coordinator/coordinator.js';
import { retentionConfigSchema, startRetention } from '../../src/coordinator/retention.js';
import { MemoryDocumentStore } from '../../src/platform/file-store.js';
import { ADMIN, ASKER, ASKER_CHAT, askInput, conversation, EXPERT, EXPERT_CHANNEL, MovingClock, RecordingTeams, TENANT, IN_CHANNEL, classify } from './helpers.js';

const reply = { kind: 'amount' as const, lang: 'sv' as const, provenance: [{ status: 'stated' as const, facts: ['dalarna-2022/amount/mora'], words: '' }], sources: [] };

async function history() {
  const store = new MemoryDocumentStore();
  const clock = new MovingClock(new Date('2026-01-10T09:00:00Z'));
  const coordinator = new Coordinator({ store, sender: new RecordingTeams(), now: clock.now, instanceId: 'i1', retentionDays: 90, classify });
  await coordinator.command('använd den här kanalen för frågor till samordnare', { conversation: conversation(EXPERT_CHANNEL), conversationType: 'channel', by: ADMIN });
  // Old: 10 January.
  await coordinator.unanswered.record({ tenantId: TENANT, conversationId: ASKER_CHAT, requestId: 'old', question: 'Hur mycket får Uppsala?', replyKind: 'unknown', subject: { topic: 'amount', place: 'Uppsala' }, lang: 'sv' });
  const oldVote = await coordinator.feedback.vote({ tenantId: TENANT, conversationId: ASKER_CHAT, requestId: 'old', userId: ASKER.id, vote: 'down', question: 'Hur mycket får Mora?', reply, subject: { topic: 'amount', place: 'Mora' } });
  await coordinator.feedback.comment(oldVote.id, 'Fel år');
  const oldTicket = await coordinator.tickets.ask(askInput({ requestId: 'old' }));
  if (oldTicket.outcome !== 'posted') throw new Error(oldTicket.outcome);
  await coordinator.tickets.answer(oldTicket.ticket.id, 'Det vet Region Uppsala.', EXPERT, IN_CHANNEL);
  // Recent: 1 April, 81 days later.
  clock.at = new Date('2026-04-01T09:00:00Z');
  await coordinator.unanswered.record({ tenantId: TENANT, conversationId: ASKER_CHAT, requestId: 'new', question: 'GLN för Jämtland', replyKind: 'unknown', subject: { topic: 'invoice', place: 'Jämtland' }, lang: 'sv' });
  const newTicket = await coordinator.tickets.ask(askInput({ requestId: 'new', question: 'GLN för Jämtland' }));
  if (newTicket.outcome !== 'posted') throw new Error(newTicket.outcome);
  return { store, clock, coordinator, oldTicket: oldTicket.ticket.id, newTicket: newTicket.ticket.id, oldVote: oldVote.id };
}

describe('the retention period', () => {
  it('removes the texts older than 90 days and keeps the counts', async () => {
    const { clock, coordinator, oldTicket, newTicket, oldVote } = await history();
    const before = await coordinator.report('2026-01-01');
    clock.at = new Date('2026-04-20T09:00:00Z'); // 100 days after 10 January, 19 after 1 April
    expect(await coordinator.retention()).toEqual({ redacted: 3, skipped: 0 });

    const old = await coordinator.tickets.get(oldTicket);
    expect(old).toMatchObject({ question: null, bot: { text: null, why: null }, answer: { text: null, by: EXPERT }, redactedAt: '2026-04-20T09:00:00.000Z' });
    expect((await coordinator.feedback.get(oldVote))).toMatchObject({ question: null, comment: null, vote: 'down', subject: { place: 'Mora' } });
    expect((await coordinator.tickets.get(newTicket))?.question).toBe('GLN för Jämtland');

    const after = await coordinator.report('2026-01-01');
    expect(after.unanswered.total).toBe(before.unanswered.total);
    expect(after.unanswered.groups.map((group) => [group.place, group.count, group.questions])).toEqual([
      ['Uppsala', 1, []],
      ['Jämtland', 1, ['GLN för Jämtland']],
    ]);
    expect(after.thumbsDown).toEqual({ total: 1, groups: [{ topic: 'amount', place: 'Mora', fund: null, count: 1, questions: [] }], comments: [] });
    expect([after.tickets.open, after.tickets.answered]).toEqual([before.tickets.open, before.tickets.answered]);
    expect(JSON.stringify(after)).not.toMatch(/Uppsala\?|Fel år|Det vet Region Uppsala/);
  });

  it('runs again without changing what it already removed, and leaves recent texts alone', async () => {
    const { clock, coordinator } = await history();
    clock.at = new Date('2026-04-20T09:00:00Z');
    await coordinator.retention();
    expect(await coordinator.retention()).toEqual({ redacted: 0, skipped: 0 });
    clock.at = new Date('2026-06-29T09:00:00Z'); // 89 days after 1 April
    expect(await coordinator.retention()).toEqual({ redacted: 0, skipped: 0 });
    clock.at = new Date('2026-07-01T09:00:00Z');
    expect(await coordinator.retention()).toEqual({ redacted: 2, skipped: 0 });
  });

  it('an unreadable record is left for the next run, the others are done', async () => {
    const { store, clock, coordinator } = await history();
    await store.put('coordinator/unanswered/broken', { question: 'not a record' });
    clock.at = new Date('2026-04-20T09:00:00Z');
    expect(await coordinator.retention()).toEqual({ redacted: 3, skipped: 1 });
    // The report counts what it can read and says how many it could not.
    const report = await coordinator.report('2026-01-01');
    expect(report.unreadable).toBe(1);
    expect(report.unanswered.total).toBe(2);
  });

  it('RETENTION_DAYS is 90 unless set, whole days from 1', () => {
    expect(retentionConfigSchema.parse({}).RETENTION_DAYS).toBe(90);
    expect(retentionConfigSchema.parse({ RETENTION_DAYS: '' }).RETENTION_DAYS).toBe(90);
    expect(retentionConfigSchema.parse({ RETENTION_DAYS: '30' }).RETENTION_DAYS).toBe(30);
    for (const bad of ['0', '-1', '1.5', 'ninety']) expect(retentionConfigSchema.safeParse({ RETENTION_DAYS: bad }).success).toBe(false);
  });

  it('runs at start and then every day', async () => {
    const runs: number[] = [];
    const results: unknown[] = [];
    const schedule = startRetention(
      async () => {
        runs.push(runs.length + 1);
        return { redacted: runs.length, skipped: 0 };
      },
      (result) => results.push(result),
      40,
    );
    await schedule.current();
    expect(runs).toEqual([1]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    schedule.stop();
    await schedule.current();
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(results[0]).toEqual({ redacted: 1, skipped: 0 });
  });
});
