// An in-memory Teams for the reminder pass: records sends and fails them as told, shaped like the
// statuses the connector service answers (the real adapter is tested over HTTP elsewhere).
import { SendFailure, type ProactiveSender } from '../../src/notifications/pass.js';
import type { ConversationRecord } from '../../src/notifications/subscriptions.js';

export class FakeTeams implements ProactiveSender {
  readonly sent: { conversationId: string; activity: Record<string, unknown> }[] = [];
  /** Per conversation: the statuses to answer with before succeeding (e.g. [429, 412]). */
  readonly failures = new Map<string, { status: number; retryAfterMs?: number }[]>();
  delayMs = 0;
  private next = 1;

  async send(conversation: ConversationRecord, activity: Record<string, unknown>): Promise<string> {
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const planned = this.failures.get(conversation.conversationId);
    const failure = planned?.shift();
    if (failure) throw new SendFailure(`Teams answered ${failure.status}`, failure.status, failure.retryAfterMs);
    this.sent.push({ conversationId: conversation.conversationId, activity });
    return `activity-${this.next++}`;
  }

  countFor(conversationId: string): number {
    return this.sent.filter((s) => s.conversationId === conversationId).length;
  }
}
