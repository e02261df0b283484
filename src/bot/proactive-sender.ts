// Proactive messages through the adapter, to a stored conversation reference. Teams' HTTP status is
// passed on, so the reminder pass can tell "try later" (429, 5xx, 412) from "gone" (403, 404).
import { type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { ConversationRecord } from '../notifications/subscriptions.js';
import { SendFailure, type ProactiveSender } from '../notifications/pass.js';

export class AdapterSender implements ProactiveSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
  ) {}

  async send(conversation: ConversationRecord, activity: Record<string, unknown>): Promise<string> {
    let id = '';
    // Caught inside the turn: an error escaping it would go to the adapter's onTurnError, which answers
    // the user with an apology card instead of telling the reminder pass what Teams said.
    let failure: unknown;
    try {
      await this.adapter.continueConversationAsync(this.botAppId, conversation.reference as Partial<ConversationReference>, async (context) => {
        try {
          const response = await context.sendActivity(activity);
          id = response?.id ?? '';
        } catch (error) {
          failure = error;
        }
      });
    } catch (error) {
      failure = error;
    }
    if (failure !== undefined) throw toSendFailure(failure);
    return id;
  }
}

function toSendFailure(error: unknown): SendFailure {
  const e = error as { statusCode?: number; status?: number; message?: string; response?: { headers?: { get?: (name: string) => string | undefined } } };
  const status = e.statusCode ?? e.status;
  const retryAfter = e.response?.headers?.get?.('retry-after');
  const seconds = retryAfter !== undefined ? Number(retryAfter) : NaN;
  const retryAfterMs = Number.isFinite(seconds) ? seconds * 1000 : retryAfter ? Math.max(0, Date.parse(retryAfter) - Date.now()) : undefined;
  return new SendFailure(e.message ?? 'send failed', status, retryAfterMs);
}
