// Two bot instances on Azure Blob Storage (Azurite), each with its own storage client: the same
// "Fråga en samordnare" reaching both creates one ticket and one post; two experts answering at once
// on different instances deliver one answer, the first kept; the registered channel is seen by both.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Coordinator } from '../../src/coordinator/coordinator.js';
import { BlobDocumentStore } from '../../src/platform/blob-store.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { ADMIN, ASKER_CHAT, askInput, cardOf, conversation, EXPERT, EXPERT_CHANNEL, MovingClock, RecordingTeams, SECOND_EXPERT, TENANT, textsOf, IN_CHANNEL, classify } from './helpers.js';

let azurite: Azurite;

beforeAll(async () => {
  azurite = await startAzurite();
}, 60_000);

afterAll(async () => {
  await azurite?.stop();
});

async function instances(count: number) {
  const container = `coordinator-${randomUUID().slice(0, 8)}`;
  const teams = new RecordingTeams();
  teams.delayMs = 20;
  const clock = new MovingClock(new Date('2026-12-03T08:15:00Z'));
  const made: Coordinator[] = [];
  for (let i = 1; i <= count; i++) {
    const store = await BlobDocumentStore.connect(azurite.connectionString, container, { retryOptions: { maxTries: 2, tryTimeoutInMs: 2000, retryDelayInMs: 100, maxRetryDelayInMs: 200 }, operationTimeoutInMs: 5000 });
    made.push(new Coordinator({ store, sender: teams, now: clock.now, instanceId: `instance-${i}`, retentionDays: 90, classify }));
  }
  return { teams, made };
}

describe('coordinator questions with several instances on Azure Blob Storage', { timeout: 60_000 }, () => {
  it('two instances create one ticket and deliver one answer', async () => {
    const { teams, made } = await instances(2);
    const [a, b] = made as [Coordinator, Coordinator];
    await a.command('använd den här kanalen för frågor till samordnare', { conversation: conversation(EXPERT_CHANNEL), conversationType: 'channel', by: ADMIN });
    expect(await b.tickets.canAsk(TENANT)).toBe(true);

    for (let round = 1; round <= 5; round++) {
      const input = askInput({ requestId: `answer-card-${round}`, question: `Hur mycket får Uppsala ${2023 + round}?` });
      const asked = await Promise.all([a.tickets.ask(input), b.tickets.ask(input)]);
      const posted = asked.filter((outcome) => outcome.outcome === 'posted');
      expect(posted, JSON.stringify(asked.map((outcome) => outcome.outcome))).toHaveLength(1);
      const id = (posted[0] as { ticket: { id: string } }).ticket.id;

      const answers = await Promise.all([a.tickets.answer(id, `Svar från Anna ${round}`, EXPERT, IN_CHANNEL), b.tickets.answer(id, `Svar från Per ${round}`, SECOND_EXPERT, IN_CHANNEL)]);
      expect(answers.map((answer) => answer.outcome).sort()).toEqual(['alreadyAnswered', 'answered']);
      const stored = await b.tickets.get(id);
      expect(stored?.answer?.delivery.state).toBe('sent');
      const delivered = teams.to(ASKER_CHAT).slice(-1).map((sent) => textsOf(cardOf(sent.activity))[2]);
      expect(delivered).toEqual([stored?.answer?.text]);
    }
    expect(teams.to(EXPERT_CHANNEL)).toHaveLength(5);
    expect(teams.to(ASKER_CHAT)).toHaveLength(5);
    const report = await b.report('2026-01-01');
    expect([report.tickets.open, report.tickets.answered]).toEqual([0, 5]);
  });
});
