// One reminder pass: every reminder due as of a moment, to every conversation subscribed to its region,
// claimed in the ledger by a conditional write before it is sent and marked sent after. Several
// instances may run passes at once: a conflict on a claim means another instance has it.
import { stockholmDate } from '../platform/clock.js';
import { CorruptDocumentError, PreconditionFailedError, type DocumentStore, type StoredDocument } from '../platform/file-store.js';
import type { Logger } from '../platform/logger.js';
import { ledgerKey, type LedgerEntry } from './ledger.js';
import { Buckets, sleep } from './pacing.js';
import { dueReminders, type Reminder } from './reminders.js';
import type { ConversationRecord, Subscription, Subscriptions } from './subscriptions.js';

/** A send that failed, with the HTTP status Teams answered and its Retry-After, when known. */
export class SendFailure extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SendFailure';
  }
}

/** The port to Teams: send an activity to a stored conversation; resolves with the new activity id. */
export interface ProactiveSender {
  send(conversation: ConversationRecord, activity: Record<string, unknown>): Promise<string>;
}

/** Makes the reminder message (an Adaptive Card) for a conversation; `now` is the real time (days left). */
export type ReminderRenderer = (reminder: Reminder, conversation: ConversationRecord, now: Date) => Record<string, unknown>;

class SendDeadlineError extends Error {}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SendDeadlineError(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Holds a claim: renews it while a send runs (a third of the takeover age apart) and writes the outcome
 * on the latest eTag. Renewals and the final write never overlap. The outcome is written until it is
 * recorded (a storage outage only delays it): a lost "sent" record would mean a second send once
 * another instance takes the claim over, and takeovers wait for a claim to stay unchanged for the
 * takeover age as the taker sees it, which this writer's retries (never further apart than
 * `RECORD_RETRY_MAX_MS`) prevent as soon as storage answers again.
 */
class ClaimKeeper {
  private timer: NodeJS.Timeout | undefined;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: DocumentStore,
    private readonly key: string,
    private claim: StoredDocument<LedgerEntry>,
    private readonly now: () => Date,
    private readonly takeoverMs: number,
  ) {}

  keepAlive(): void {
    this.timer = setInterval(() => {
      this.pending = this.pending.then(async () => {
        const renewed = { ...this.claim.value, claimedAt: this.now().toISOString(), updatedAt: this.now().toISOString() };
        try {
          this.claim = { value: renewed, eTag: await this.store.put(this.key, renewed, { ifMatch: this.claim.eTag }) };
        } catch {
          // Storage briefly away: the next renewal tries again.
        }
      });
    }, Math.max(50, Math.floor(this.takeoverMs / 3)));
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.pending;
  }

  async record(changes: Partial<LedgerEntry>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const value = { ...this.claim.value, ...changes, updatedAt: this.now().toISOString() };
      try {
        this.claim = { value, eTag: await this.store.put(this.key, value, { ifMatch: this.claim.eTag }) };
        return;
      } catch (error) {
        if (error instanceof PreconditionFailedError) {
          // A write that reached storage although its answer did not (a timed-out try): a renewal leaves
          // the claim ours, and the outcome itself may already be there.
          const current = await this.store.get<LedgerEntry>(this.key).catch(() => undefined);
          if (current && current.value.claimedBy === this.claim.value.claimedBy) {
            if (current.value.state === value.state && current.value.attempts === value.attempts) return;
            if (current.value.state === 'claimed') {
              this.claim = current;
              continue;
            }
          }
          throw error;
        }
        await sleep(Math.min(RECORD_RETRY_MAX_MS, 100 * 2 ** attempt));
      }
    }
  }
}

/** Outcome writes during a storage outage are retried at least this often. */
const RECORD_RETRY_MAX_MS = 1000;

/** Why a reminder is no longer sent, or undefined while it may be. */
type Lateness = 'the deadline has passed' | 'older than the sending window' | undefined;

export interface PassCounts {
  sent: number;
  skipped: number;
  failed: number;
  alreadySent: number;
  /** Claimed by another instance that is still working on it. */
  inProgress: number;
  /** Failed earlier and waiting for its retry time. */
  waiting: number;
  /** Not sent: the conversation's tenant is not (or no longer) allowed. */
  refused: number;
}

export interface PassOptions {
  instanceId: string;
  /** A reminder is sent only this long after its time (24 hours); older ones are skipped. */
  windowMs: number;
  /** A claim older than this was left by an instance that died: another takes it over. */
  takeoverMs: number;
  perTenantPerSecond: number;
  perConversationPerSecond: number;
  /** Sends in flight at once. */
  parallelism: number;
  /** Tries for a 412 (Teams' precondition failure) within one pass. */
  preconditionTries: number;
  /** A send (with Teams' own retries) not done by then is abandoned, its outcome unknown. */
  sendDeadlineMs: number;
}

export const DEFAULT_PASS_OPTIONS: Omit<PassOptions, 'instanceId'> = {
  windowMs: 24 * 60 * 60 * 1000,
  takeoverMs: 25_000,
  perTenantPerSecond: 50,
  perConversationPerSecond: 7,
  parallelism: 16,
  preconditionTries: 3,
  sendDeadlineMs: 120_000,
};

export interface PassDependencies {
  store: DocumentStore;
  subscriptions: Subscriptions;
  sender: ProactiveSender;
  render: ReminderRenderer;
  reminders: () => Reminder[];
  logger: Logger;
  /** The real time (claims, retries, days left in the text); the pass's `asOf` may be another moment. */
  now: () => Date;
  /** Whether a conversation's tenant may receive messages (the allow-list); everyone when absent. */
  allowTenant?: (tenantId: string | undefined) => boolean;
}

export class ReminderPass {
  private readonly options: PassOptions;
  private readonly tenants: Buckets;
  private readonly conversations: Buckets;
  /**
   * Claims of other instances as this instance last saw them: one is taken over only after it stayed
   * unchanged for the takeover age by this instance's clock, so neither clock skew nor a storage
   * outage (during which nobody can renew) makes a live holder's claim look abandoned.
   */
  private readonly observed = new Map<string, { eTag: string; since: number }>();
  /** Ledger keys this instance is delivering now: never its own to take over. */
  private readonly holding = new Set<string>();
  /** Sent, the outcome not yet in the ledger (storage away): what a shutdown cut at its bound would lose. */
  private readonly unrecorded = new Set<string>();

  constructor(
    private readonly deps: PassDependencies,
    options: Partial<PassOptions> & { instanceId: string },
  ) {
    this.options = { ...DEFAULT_PASS_OPTIONS, ...options };
    this.tenants = new Buckets(this.options.perTenantPerSecond);
    this.conversations = new Buckets(this.options.perConversationPerSecond);
  }

  /** Ledger keys of reminders sent whose outcome is still being written (for the shutdown log). */
  unrecordedSends(): string[] {
    return [...this.unrecorded];
  }

  async run(asOf: Date): Promise<PassCounts> {
    const counts: PassCounts = { sent: 0, skipped: 0, failed: 0, alreadySent: 0, inProgress: 0, waiting: 0, refused: 0 };
    const { sendable, tooLate } = dueReminders(this.deps.reminders(), asOf, this.options.windowMs);
    if (sendable.length + tooLate.length === 0) return counts;
    const byRegion = new Map<string, Subscription[]>();
    for (const subscription of await this.deps.subscriptions.active()) {
      const list = byRegion.get(subscription.region);
      if (list) list.push(subscription);
      else byRegion.set(subscription.region, [subscription]);
    }
    // A reminder is never sent once its deadline has passed (a replayed pass, a timer that was down).
    const today = stockholmDate(this.deps.now());
    const work: { reminder: Reminder; subscription: Subscription; late: Lateness }[] = [];
    for (const [list, tooLateToSend] of [[sendable, false], [tooLate, true]] as const) {
      for (const reminder of list) {
        const late: Lateness = reminder.deadline.due < today ? 'the deadline has passed' : tooLateToSend ? 'older than the sending window' : undefined;
        for (const subscription of byRegion.get(reminder.region) ?? []) work.push({ reminder, subscription, late });
      }
    }
    let next = 0;
    const worker = async () => {
      while (next < work.length) {
        const item = work[next++]!;
        try {
          counts[await this.handle(item.reminder, item.subscription, item.late, asOf)]++;
        } catch (error) {
          // Storage unavailable: this one waits for a later pass, nothing is lost.
          this.deps.logger.warn({ event: 'reminder.storage_error', reminder: item.reminder.id, conversation: item.subscription.conversationId, err: error }, 'reminder left for a later pass');
          counts.waiting++;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.parallelism, work.length) }, worker));
    this.deps.logger.info({ event: 'reminder.pass', asOf: asOf.toISOString(), instance: this.options.instanceId, ...counts }, 'reminder pass');
    return counts;
  }

  private async handle(reminder: Reminder, subscription: Subscription, late: Lateness, asOf: Date): Promise<keyof PassCounts> {
    const key = ledgerKey(reminder.id, subscription.conversationId);
    const now = this.deps.now();
    const conversation = await this.readConversation(subscription.conversationId);
    if (conversation !== 'unreadable' && conversation && this.deps.allowTenant && !this.deps.allowTenant(conversation.tenantId)) {
      this.deps.logger.warn({ event: 'reminder.tenant_refused', reminder: reminder.id, conversation: subscription.conversationId, tenant: conversation.tenantId ?? null }, 'reminder not sent: tenant not allowed');
      return 'refused';
    }
    let document: StoredDocument<LedgerEntry> | undefined;
    try {
      document = await this.deps.store.get<LedgerEntry>(key);
    } catch (error) {
      if (!(error instanceof CorruptDocumentError)) throw error;
      return this.settleUnreadable(reminder, subscription, error);
    }
    if (!document) {
      // Too old to be useful (the bot was down, the deadline passed, or the subscription is newer than the
      // reminder): recorded, not sent. A subscription made after the reminder was due does not get it as a
      // late burst. A pass run as of a moment before the subscription existed is a replay (/api/notify
      // with asOf and replay): that one sends.
      const newer = subscription.createdAt > reminder.sendAt && Date.parse(subscription.createdAt) <= asOf.getTime();
      const reason = late ?? (newer ? 'subscribed after the reminder was due' : undefined);
      if (reason) {
        try {
          await this.deps.store.put<LedgerEntry>(key, this.entry(reminder, subscription, 'skipped', now, { reason }), { ifNoneMatch: '*' });
          return 'skipped';
        } catch (error) {
          if (!(error instanceof PreconditionFailedError)) throw error;
          return 'alreadySent';
        }
      }
      await this.pace(subscription, conversation);
      const claimed = this.entry(reminder, subscription, 'claimed', this.deps.now(), { claimedBy: this.options.instanceId });
      let eTag: string;
      try {
        eTag = await this.deps.store.put<LedgerEntry>(key, claimed, { ifNoneMatch: '*' });
      } catch (error) {
        if (!(error instanceof PreconditionFailedError)) throw error;
        document = await this.deps.store.get<LedgerEntry>(key);
        if (!document) return 'inProgress';
        return this.handleExisting(reminder, subscription, document, late, asOf, now);
      }
      return this.deliver(reminder, subscription, { value: claimed, eTag }, asOf);
    }
    return this.handleExisting(reminder, subscription, document, late, asOf, now);
  }

  /** The conversation record, or 'unreadable' (corrupt: moved aside by the store, logged here). */
  private async readConversation(conversationId: string) {
    try {
      return await this.deps.subscriptions.conversation(conversationId);
    } catch (error) {
      if (!(error instanceof CorruptDocumentError)) throw error;
      this.deps.logger.error({ event: 'reminder.conversation_unreadable', conversation: conversationId, movedTo: error.movedTo ?? null }, 'conversation record unreadable');
      return 'unreadable' as const;
    }
  }

  /**
   * A ledger entry that cannot be read: whether the reminder went out is unknown, so it is never sent
   * again (a missed reminder is better than a second one). The entry is settled as failed for good.
   */
  private async settleUnreadable(reminder: Reminder, subscription: Subscription, error: CorruptDocumentError): Promise<keyof PassCounts> {
    const key = ledgerKey(reminder.id, subscription.conversationId);
    this.deps.logger.error({ event: 'reminder.ledger_unreadable', reminder: reminder.id, conversation: subscription.conversationId, movedTo: error.movedTo ?? null }, 'ledger entry unreadable: outcome unknown, not sent again');
    try {
      const reason = `outcome unknown: the ledger entry was unreadable${error.movedTo ? ` (moved aside to ${error.movedTo})` : ''}`;
      await this.deps.store.put<LedgerEntry>(key, this.entry(reminder, subscription, 'failed', this.deps.now(), { permanent: true, reason }), { ifNoneMatch: '*' });
      return 'failed';
    } catch (putError) {
      if (putError instanceof PreconditionFailedError) return 'inProgress';
      throw putError;
    }
  }

  private async handleExisting(reminder: Reminder, subscription: Subscription, document: StoredDocument<LedgerEntry>, late: Lateness, asOf: Date, now: Date): Promise<keyof PassCounts> {
    const entry = document.value;
    const key = ledgerKey(reminder.id, subscription.conversationId);
    if (entry.state !== 'claimed') this.observed.delete(key);
    switch (entry.state) {
      case 'sent':
        return 'alreadySent';
      case 'skipped':
        return 'alreadySent';
      case 'claimed': {
        if (this.holding.has(key)) return 'inProgress';
        const seen = this.observed.get(key);
        if (!seen || seen.eTag !== document.eTag) {
          this.observed.set(key, { eTag: document.eTag, since: now.getTime() });
          return 'inProgress';
        }
        if (now.getTime() - seen.since < this.options.takeoverMs) return 'inProgress';
        this.observed.delete(key);
        this.deps.logger.warn({ event: 'reminder.takeover', reminder: reminder.id, conversation: subscription.conversationId, from: entry.claimedBy }, 'taking over an abandoned claim');
        return this.claimAndDeliver(reminder, subscription, document, late, asOf);
      }
      case 'failed':
        if (entry.permanent) return 'alreadySent';
        if (entry.retryAt && Date.parse(entry.retryAt) > now.getTime()) return 'waiting';
        return this.claimAndDeliver(reminder, subscription, document, late, asOf);
      case 'pending':
        return this.claimAndDeliver(reminder, subscription, document, late, asOf);
    }
  }

  private async claimAndDeliver(reminder: Reminder, subscription: Subscription, document: StoredDocument<LedgerEntry>, late: Lateness, asOf: Date): Promise<keyof PassCounts> {
    const key = ledgerKey(reminder.id, subscription.conversationId);
    const now = this.deps.now();
    try {
      if (late) {
        const reason = late === 'the deadline has passed' ? late : 'not delivered within the sending window';
        await this.deps.store.put<LedgerEntry>(key, { ...document.value, state: 'skipped', reason, updatedAt: now.toISOString() }, { ifMatch: document.eTag });
        return 'skipped';
      }
      await this.pace(subscription);
      const claimed: LedgerEntry = { ...document.value, state: 'claimed', claimedBy: this.options.instanceId, claimedAt: this.deps.now().toISOString(), updatedAt: this.deps.now().toISOString() };
      const eTag = await this.deps.store.put<LedgerEntry>(key, claimed, { ifMatch: document.eTag });
      return this.deliver(reminder, subscription, { value: claimed, eTag }, asOf);
    } catch (error) {
      if (error instanceof PreconditionFailedError) return 'inProgress';
      throw error;
    }
  }

  /** Sends one claimed reminder and records the outcome on the claim. */
  private async deliver(reminder: Reminder, subscription: Subscription, claim: StoredDocument<LedgerEntry>, asOf: Date): Promise<keyof PassCounts> {
    const key = ledgerKey(reminder.id, subscription.conversationId);
    this.holding.add(key);
    try {
      return await this.deliverHeld(reminder, subscription, claim, asOf, key);
    } finally {
      this.holding.delete(key);
    }
  }

  private async deliverHeld(reminder: Reminder, subscription: Subscription, claim: StoredDocument<LedgerEntry>, asOf: Date, key: string): Promise<keyof PassCounts> {
    const keeper = new ClaimKeeper(this.deps.store, key, claim, this.deps.now, this.options.takeoverMs);
    const record = (changes: Partial<LedgerEntry>) => keeper.record(changes);
    const conversation = await this.readConversation(subscription.conversationId);
    if (conversation === 'unreadable') {
      await record({ state: 'failed', permanent: true, reason: 'the conversation record was unreadable (moved aside)' });
      return 'failed';
    }
    // Unsubscribed or removed while the pass ran: nothing is sent.
    if (!conversation || !(await this.deps.subscriptions.isActive(subscription.conversationId, subscription.region))) {
      await record({ state: 'skipped', reason: conversation ? 'unsubscribed before it was sent' : 'the conversation is no longer known' });
      return 'skipped';
    }
    const attempts = claim.value.attempts + 1;
    try {
      // The claim is renewed while Teams takes its time (its own retries wait out Retry-After), so no other
      // instance takes it over; a send that never ends is abandoned after a deadline, its outcome unknown.
      keeper.keepAlive();
      // Days left are counted from the real today, also in a replayed pass.
      const activityId = await withDeadline(this.sendWithPreconditionRetry(conversation, this.deps.render(reminder, conversation, this.deps.now())), this.options.sendDeadlineMs);
      await keeper.stop();
      this.unrecorded.add(key);
      try {
        await record({ state: 'sent', attempts, activityId, sentAt: this.deps.now().toISOString(), reason: undefined, retryAt: undefined });
        this.unrecorded.delete(key);
      } catch (error) {
        this.unrecorded.delete(key);
        // Sent, but another instance took the claim meanwhile, or the process stopped while storage was
        // away: at least once, possibly twice. Say so.
        this.deps.logger.error({ event: 'reminder.sent_unrecorded', reminder: reminder.id, conversation: conversation.conversationId, err: error }, 'sent but could not record it');
      }
      this.deps.logger.info({ event: 'reminder.sent', reminder: reminder.id, conversation: conversation.conversationId, activityId }, 'reminder sent');
      return 'sent';
    } catch (error) {
      await keeper.stop();
      if (error instanceof SendDeadlineError) {
        // Unknown whether Teams got it: the claim is left to go stale and be taken over (at least once).
        this.deps.logger.error({ event: 'reminder.send_timeout', reminder: reminder.id, conversation: conversation.conversationId }, 'send did not finish in time; outcome unknown');
        return 'failed';
      }
      const failure = error instanceof SendFailure ? error : new SendFailure((error as Error).message);
      if (failure.status === 403 || failure.status === 404) {
        await this.deps.subscriptions.deactivate(conversation.conversationId, `Teams answered ${failure.status}: the bot was removed or the conversation is gone`);
        await record({ state: 'failed', attempts, permanent: true, reason: `Teams answered ${failure.status}` });
        this.deps.logger.warn({ event: 'reminder.gone', status: failure.status, conversation: conversation.conversationId }, 'conversation gone: subscription deactivated');
        return 'failed';
      }
      if (failure.status === 413) {
        await record({ state: 'failed', attempts, permanent: true, reason: 'Teams answered 413: the reminder is too large (a bug)' });
        this.deps.logger.error({ event: 'reminder.too_large', reminder: reminder.id }, 'reminder too large for Teams: not retried');
        return 'failed';
      }
      const backoffMs = Math.min(15 * 60_000, 30_000 * 2 ** Math.min(attempts - 1, 5));
      const retryAt = new Date(this.deps.now().getTime() + Math.max(failure.retryAfterMs ?? 0, backoffMs)).toISOString();
      await record({ state: 'failed', attempts, retryAt, reason: failure.status ? `Teams answered ${failure.status}` : failure.message });
      this.deps.logger.warn({ event: 'reminder.requeued', status: failure.status ?? null, reminder: reminder.id, conversation: conversation.conversationId, retryAt }, 'reminder requeued');
      return 'failed';
    }
  }

  /** 412 (precondition failed at Teams) is retried here with backoff and jitter; the rest goes to the caller. */
  private async sendWithPreconditionRetry(conversation: ConversationRecord, activity: Record<string, unknown>): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.deps.sender.send(conversation, activity);
      } catch (error) {
        if (!(error instanceof SendFailure) || error.status !== 412 || attempt >= this.options.preconditionTries) throw error;
        await sleep(100 * 2 ** attempt + Math.random() * 100);
        // A retry is a request too: it waits for its token like the first.
        await this.tenants.take(conversation.tenantId ?? 'unknown');
        await this.conversations.take(conversation.conversationId);
      }
    }
  }

  private async pace(subscription: Subscription, known?: ConversationRecord | 'unreadable'): Promise<void> {
    const conversation = known ?? (await this.readConversation(subscription.conversationId));
    await this.tenants.take((conversation !== 'unreadable' && conversation?.tenantId) || 'unknown');
    await this.conversations.take(subscription.conversationId);
  }

  private entry(reminder: Reminder, subscription: Subscription, state: LedgerEntry['state'], now: Date, extra: Partial<LedgerEntry> = {}): LedgerEntry {
    return {
      reminderId: reminder.id,
      conversationId: subscription.conversationId,
      state,
      attempts: 0,
      ...(state === 'claimed' ? { claimedAt: now.toISOString() } : {}),
      ...extra,
      updatedAt: now.toISOString(),
    };
  }
}
