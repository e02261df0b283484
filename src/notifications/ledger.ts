// The delivery ledger: one record per (reminder, conversation), so nothing is lost on restart and
// nothing is sent twice, whichever instance runs the pass.
import { conversationSegment } from '../platform/keys.js';
export type LedgerState = 'pending' | 'claimed' | 'sent' | 'skipped' | 'failed';

export interface LedgerEntry {
  reminderId: string;
  conversationId: string;
  state: LedgerState;
  /** The instance that claimed it, and when (a claim older than the takeover age is abandoned). */
  claimedBy?: string;
  claimedAt?: string;
  attempts: number;
  /** The Teams activity id of the sent reminder. */
  activityId?: string;
  sentAt?: string;
  /** Why it was skipped or failed. */
  reason?: string;
  /** A failed send is tried again from this moment (Retry-After, backoff). */
  retryAt?: string;
  /** A failure that retrying cannot fix (bot removed, message too large). */
  permanent?: boolean;
  updatedAt: string;
}

/** Ids as Teams issues them keep the key they always had (entries written before stay found). */
export const ledgerKey = (reminderId: string, conversationId: string) => `ledger/${reminderId}/${conversationSegment(conversationId)}`;
