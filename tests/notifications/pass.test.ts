// The reminder pass against an in-memory store and Teams: sent once, in time, never lost.
import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../src/notifications/pacing.js';
import { ReminderPass, type PassOptions } from '../../src/notifications/pass.js';
import { planReminders } from '../../src/notifications/reminders.js';
import { Subscriptions } from '../../src/notifications/subscriptions.js';
import { CorruptDocumentError, MemoryDocumentStore, type DocumentStore } from '../../src/platform/file-store.js';
import { createLogger } from '../../src/platform/logger.js';
import type { LedgerEntry } from '../../src/notifications/ledger.js';
import { store } from '../brain/ask.js';
import { clockFrom } from '../bot/harness.js';
import { FakeTeams } from './fakes.js';

// Skåne's invoicing ends 31 May 2023; its 1-day reminder is due 2023-05-30T07:00Z.
const DUE = new Date('2023-05-30T07:00:00Z');
const SOON = new Date('2023-05-30T07:05:00Z');
const reminders = planReminders(store.knowledge.deadlines).filter((r) => r.id === 'skane-2023-fakturering@1d');

async function setup(conversations = 3, documents: DocumentStore = new MemoryDocumentStore(), subscribedAt = '2023-01-01T00:00:00Z') {
  const subscriptions = new Subscriptions(documents);
  for (let i = 0; i < conversations; i++) {
    const id = `a:conversation-${i}`;
    await subscriptions.saveConversation({ conversationId: id, reference: { conversation: { id } }, tenantId: 't1', savedAt: subscribedAt });
    await subscriptions.subscribe(id, 'skane', new Date(subscribedAt));
  }
  return { documents, subscriptions };
}

function passOf(documents: DocumentStore, subscriptions: Subscriptions, teams: FakeTeams, options: Partial<PassOptions> = {}, now: () => Date = () => SOON, instanceId = 'instance-a') {
  return new ReminderPass(
    { store: documents, subscriptions, sender: teams, reminders: () => reminders, logger: createLogger('silent'), now, render: (reminder) => ({ type: 'message', text: reminder.id }) },
    { instanceId, perTenantPerSecond: 1000, perConversationPerSecond: 1000, ...options },
  );
}

const entry = async (documents: DocumentStore, conversation: string) => (await documents.get<LedgerEntry>(`ledger/skane-2023-fakturering@1d/${conversation}`))?.value;

describe('a reminder pass', () => {
  it('sends each due reminder once to every subscribed conversation and records it', async () => {
    const { documents, subscriptions } = await setup();
    const teams = new FakeTeams();
    const counts = await passOf(documents, subscriptions, teams).run(SOON);
    expect(counts).toMatchObject({ sent: 3, skipped: 0, failed: 0 });
    expect(teams.sent).toHaveLength(3);
    expect(await entry(documents, 'a:conversation-0')).toMatchObject({ state: 'sent', activityId: expect.stringMatching(/^activity-/), attempts: 1 });
  });

  it('sends nothing twice when called twice for the same moment', async () => {
    const { documents, subscriptions } = await setup();
    const teams = new FakeTeams();
    const pass = passOf(documents, subscriptions, teams);
    await pass.run(SOON);
    const again = await pass.run(SOON);
    expect(again).toMatchObject({ sent: 0, alreadySent: 3 });
    expect(teams.sent).toHaveLength(3);
  });

  it('sends nothing before the reminder is due', async () => {
    const { documents, subscriptions } = await setup();
    const teams = new FakeTeams();
    expect(await passOf(documents, subscriptions, teams).run(new Date(DUE.getTime() - 1))).toMatchObject({ sent: 0, skipped: 0 });
  });

  it('records a reminder older than 24 hours as skipped instead of sending it late', async () => {
    const { documents, subscriptions } = await setup(2);
    const teams = new FakeTeams();
    const late = new Date(DUE.getTime() + 25 * 3600_000);
    expect(await passOf(documents, subscriptions, teams).run(late)).toMatchObject({ sent: 0, skipped: 2 });
    expect(teams.sent).toHaveLength(0);
    expect(await entry(documents, 'a:conversation-1')).toMatchObject({ state: 'skipped', reason: 'older than the sending window' });
  });

  it('skips a reminder that was due before the conversation subscribed', async () => {
    const { documents, subscriptions } = await setup(1, new MemoryDocumentStore(), '2023-05-30T07:03:00Z');
    const teams = new FakeTeams();
    expect(await passOf(documents, subscriptions, teams).run(SOON)).toMatchObject({ sent: 0, skipped: 1 });
  });

  it('deactivates the subscription when Teams answers 403 or 404 (bot removed, conversation gone)', async () => {
    const { documents, subscriptions } = await setup(2);
    const teams = new FakeTeams();
    teams.failures.set('a:conversation-0', [{ status: 403 }]);
    teams.failures.set('a:conversation-1', [{ status: 404 }]);
    expect(await passOf(documents, subscriptions, teams).run(SOON)).toMatchObject({ failed: 2 });
    expect(await subscriptions.active()).toHaveLength(0);
    expect(await entry(documents, 'a:conversation-0')).toMatchObject({ state: 'failed', permanent: true });
  });

  it('does not retry a 413 (the reminder is too large: a bug)', async () => {
    const { documents, subscriptions } = await setup(1);
    const teams = new FakeTeams();
    teams.failures.set('a:conversation-0', [{ status: 413 }]);
    const pass = passOf(documents, subscriptions, teams);
    await pass.run(SOON);
    expect(await pass.run(new Date(SOON.getTime() + 3600_000))).toMatchObject({ sent: 0 });
    expect(teams.sent).toHaveLength(0);
  });

  it('retries a 412 with backoff within the pass', async () => {
    const { documents, subscriptions } = await setup(1);
    const teams = new FakeTeams();
    teams.failures.set('a:conversation-0', [{ status: 412 }, { status: 412 }]);
    expect(await passOf(documents, subscriptions, teams).run(SOON)).toMatchObject({ sent: 1 });
  });

  it('requeues a 429 and waits for its Retry-After before the next try', async () => {
    const { documents, subscriptions } = await setup(1);
    const teams = new FakeTeams();
    teams.failures.set('a:conversation-0', [{ status: 429, retryAfterMs: 120_000 }]);
    let now = SOON;
    const pass = passOf(documents, subscriptions, teams, {}, () => now);
    expect(await pass.run(SOON)).toMatchObject({ failed: 1 });
    const failed = await entry(documents, 'a:conversation-0');
    expect(Date.parse(failed!.retryAt!) - SOON.getTime()).toBeGreaterThanOrEqual(120_000);
    now = new Date(SOON.getTime() + 60_000);
    expect(await pass.run(now)).toMatchObject({ waiting: 1, sent: 0 });
    now = new Date(SOON.getTime() + 121_000);
    expect(await pass.run(now)).toMatchObject({ sent: 1 });
    expect(await entry(documents, 'a:conversation-0')).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it.each([502, 503, 504])('requeues a %i and delivers on a later pass', async (status) => {
    const { documents, subscriptions } = await setup(1);
    const teams = new FakeTeams();
    teams.failures.set('a:conversation-0', [{ status }]);
    let now = SOON;
    const pass = passOf(documents, subscriptions, teams, {}, () => now);
    expect(await pass.run(now)).toMatchObject({ failed: 1 });
    now = new Date(SOON.getTime() + 31 * 60_000);
    expect(await pass.run(now)).toMatchObject({ sent: 1 });
    expect(teams.countFor('a:conversation-0')).toBe(1);
  });

  it('takes over a claim left by an instance that died', async () => {
    const { documents, subscriptions } = await setup(1);
    await documents.put<LedgerEntry>('ledger/skane-2023-fakturering@1d/a:conversation-0', {
      reminderId: 'skane-2023-fakturering@1d',
      conversationId: 'a:conversation-0',
      state: 'claimed',
      claimedBy: 'instance-dead',
      claimedAt: SOON.toISOString(),
      attempts: 0,
      updatedAt: SOON.toISOString(),
    });
    const teams = new FakeTeams();
    let now = new Date(SOON.getTime() + 5_000);
    const survivor = passOf(documents, subscriptions, teams, {}, () => now, 'instance-b');
    expect(await survivor.run(SOON)).toMatchObject({ inProgress: 1, sent: 0 });
    now = new Date(SOON.getTime() + 30_000);
    expect(await survivor.run(SOON)).toMatchObject({ sent: 1 });
    expect(await entry(documents, 'a:conversation-0')).toMatchObject({ state: 'sent', claimedBy: 'instance-b' });
  });

  it('keeps its claim while Teams is slow, so no other instance sends the reminder again', async () => {
    const { documents, subscriptions } = await setup(1);
    const teams = new FakeTeams();
    teams.delayMs = 1600;
    const realTimeFromSoon = clockFrom(SOON);
    const slow = passOf(documents, subscriptions, teams, { takeoverMs: 600 }, realTimeFromSoon, 'slow');
    const other = passOf(documents, subscriptions, teams, { takeoverMs: 600 }, realTimeFromSoon, 'other');
    const first = slow.run(SOON);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const second = await other.run(SOON);
    expect(second.sent).toBe(0);
    expect((await first).sent).toBe(1);
    expect(teams.countFor('a:conversation-0')).toBe(1);
  });

  it('does not send to a conversation that unsubscribed while the pass was running', async () => {
    const { documents, subscriptions } = await setup(1);
    const teams = new FakeTeams();
    const pass = new ReminderPass(
      {
        store: documents,
        subscriptions,
        sender: teams,
        reminders: () => reminders,
        logger: createLogger('silent'),
        now: () => SOON,
        render: () => ({ type: 'message' }),
      },
      { instanceId: 'x', perTenantPerSecond: 1000, perConversationPerSecond: 1000 },
    );
    const active = subscriptions.active.bind(subscriptions);
    subscriptions.active = async () => {
      const list = await active();
      await subscriptions.unsubscribe('a:conversation-0', 'skane');
      return list;
    };
    expect(await pass.run(SOON)).toMatchObject({ sent: 0, skipped: 1 });
    expect(teams.sent).toHaveLength(0);
  });

  it('delivers every reminder exactly once when two instances run their passes at the same time', async () => {
    const { documents, subscriptions } = await setup(40);
    const teams = new FakeTeams();
    teams.delayMs = 2;
    const a = passOf(documents, subscriptions, teams, {}, () => SOON, 'instance-a');
    const b = passOf(documents, subscriptions, teams, {}, () => SOON, 'instance-b');
    const [ca, cb] = await Promise.all([a.run(SOON), b.run(SOON)]);
    expect(ca.sent + cb.sent).toBe(40);
    for (let i = 0; i < 40; i++) expect(teams.countFor(`a:conversation-${i}`)).toBe(1);
  });

  it('paces sends: a token bucket never lets more through than its rate after the burst', async () => {
    const bucket = new TokenBucket(20, 5);
    const started = Date.now();
    for (let i = 0; i < 10; i++) await bucket.take();
    // 5 at once, then 5 more at 20 a second: at least 250 ms. (A lower bound: never flaky on a slow machine.)
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });
});

/** A store that can be taken away: every call fails while `down`, as an unreachable storage account does. */
class OutageStore implements DocumentStore {
  down = false;
  constructor(private readonly inner: DocumentStore = new MemoryDocumentStore()) {}
  private check(): void {
    if (this.down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:10000'), { code: 'ECONNREFUSED' });
  }
  async get<T>(key: string) {
    this.check();
    return this.inner.get<T>(key);
  }
  async put<T>(key: string, value: T, condition?: { ifMatch?: string; ifNoneMatch?: '*' }) {
    this.check();
    return this.inner.put(key, value, condition);
  }
  async delete(key: string) {
    this.check();
    return this.inner.delete(key);
  }
  async list(prefix: string) {
    this.check();
    return this.inner.list(prefix);
  }
}

const sleepMs = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs passes of `pass` every 100 ms until `stop` resolves; storage errors are what a pass meets then. */
async function keepRunning(pass: ReminderPass, until: Promise<unknown>): Promise<void> {
  let done = false;
  void until.finally(() => (done = true));
  while (!done) {
    await pass.run(SOON).catch(() => undefined);
    await sleepMs(100);
  }
}

describe('exactly once when storage or clocks misbehave', () => {
  it('a storage outage longer than the takeover age, right after a send, does not make another instance send it again', async () => {
    const documents = new OutageStore();
    const { subscriptions } = await setup(1, documents);
    const teams = new FakeTeams();
    teams.delayMs = 300;
    const clock = clockFrom(SOON);
    const holder = passOf(documents, subscriptions, teams, { takeoverMs: 600 }, clock, 'holder');
    const other = passOf(documents, subscriptions, teams, { takeoverMs: 600 }, clock, 'other');
    const first = holder.run(SOON);
    // Storage goes away while Teams is taking the reminder, for five times the takeover age.
    await sleepMs(150);
    documents.down = true;
    const outage = sleepMs(3000).then(() => (documents.down = false));
    await keepRunning(other, outage.then(() => sleepMs(2000)));
    expect((await first).sent).toBe(1);
    expect(teams.countFor('a:conversation-0')).toBe(1);
    expect(await entry(documents, 'a:conversation-0')).toMatchObject({ state: 'sent', claimedBy: 'holder' });
  }, 20_000);

  it('a claim its holder keeps renewing is never taken over, however far behind the holder’s clock is', async () => {
    const { documents, subscriptions } = await setup(1);
    const teams = new FakeTeams();
    teams.delayMs = 1500;
    const onTime = clockFrom(SOON);
    const anHourBehind = () => new Date(onTime().getTime() - 3_600_000);
    const holder = passOf(documents, subscriptions, teams, { takeoverMs: 600 }, anHourBehind, 'behind');
    const other = passOf(documents, subscriptions, teams, { takeoverMs: 600 }, onTime, 'on-time');
    const first = holder.run(SOON);
    await keepRunning(other, first);
    expect(teams.countFor('a:conversation-0')).toBe(1);
  }, 20_000);

  it('an unreadable ledger entry means the outcome is unknown: settled as failed for good, never sent again', async () => {
    const { documents, subscriptions } = await setup(1);
    const key = 'ledger/skane-2023-fakturering@1d/a:conversation-0';
    // As the stores do with a corrupt document: reported once (moved aside), absent after that.
    let corrupt = true;
    const get = documents.get.bind(documents);
    documents.get = (async (k: string) => {
      if (k === key && corrupt) {
        corrupt = false;
        throw new CorruptDocumentError(k, `${k}.corrupt-1`);
      }
      return get(k);
    }) as DocumentStore['get'];
    const teams = new FakeTeams();
    const logs: Record<string, any>[] = [];
    const pass = new ReminderPass(
      { store: documents, subscriptions, sender: teams, reminders: () => reminders, logger: createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line)) }), now: () => SOON, render: () => ({ type: 'message' }) },
      { instanceId: 'x', perTenantPerSecond: 1000, perConversationPerSecond: 1000 },
    );
    expect(await pass.run(SOON)).toMatchObject({ failed: 1, sent: 0 });
    expect(await pass.run(SOON)).toMatchObject({ sent: 0, alreadySent: 1 });
    expect(teams.sent).toHaveLength(0);
    expect(await entry(documents, 'a:conversation-0')).toMatchObject({ state: 'failed', permanent: true, reason: expect.stringContaining('outcome unknown') });
    expect(logs.some((line) => line.event === 'reminder.ledger_unreadable' && line.level === 50)).toBe(true);
  });

  it('sends no reminder whose deadline has passed by the real today, whatever moment the pass is run as of', async () => {
    const { documents, subscriptions } = await setup(2);
    const teams = new FakeTeams();
    // Today is 1 June 2023; the pass is run as of 30 May (the 1-day reminder of the 31 May deadline).
    const counts = await passOf(documents, subscriptions, teams, {}, () => new Date('2023-06-01T08:00:00Z')).run(SOON);
    expect(counts).toMatchObject({ sent: 0, skipped: 2 });
    expect(await entry(documents, 'a:conversation-0')).toMatchObject({ state: 'skipped', reason: 'the deadline has passed' });
  });
});
