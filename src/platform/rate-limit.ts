// Incoming messages per conversation: a token bucket each, so one noisy chat (a script, a stuck client)
// cannot take the bot's time from the others. The first message over the limit is told so once; the
// rest are dropped without a reply until the conversation is under the limit again.
export type RateVerdict = 'allowed' | 'refused' | 'dropped';

export interface RateLimitOptions {
  /** Sustained rate per conversation; 0 turns the limit off. */
  perMinute: number;
  /** Messages a conversation may send at once before the rate applies. */
  burst: number;
  /** Conversations remembered at most; the longest idle are forgotten first (a full bucket again). */
  maxConversations?: number;
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
  told: boolean;
}

export class ConversationRateLimit {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;
  private readonly maxConversations: number;

  constructor(private readonly options: RateLimitOptions) {
    this.now = options.now ?? Date.now;
    this.maxConversations = options.maxConversations ?? 50_000;
  }

  check(conversationId: string): RateVerdict {
    if (this.options.perMinute <= 0) return 'allowed';
    const now = this.now();
    let bucket = this.buckets.get(conversationId);
    if (bucket) {
      bucket.tokens = Math.min(this.options.burst, bucket.tokens + ((now - bucket.at) / 60_000) * this.options.perMinute);
      bucket.at = now;
      // Map order is insertion order: re-inserting keeps the most recently used last.
      this.buckets.delete(conversationId);
    } else {
      bucket = { tokens: this.options.burst, at: now, told: false };
      if (this.buckets.size >= this.maxConversations) this.buckets.delete(this.buckets.keys().next().value!);
    }
    this.forgetRefilled(now);
    this.buckets.set(conversationId, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.told = false;
      return 'allowed';
    }
    if (bucket.told) return 'dropped';
    bucket.told = true;
    return 'refused';
  }

  /**
   * A bucket that has filled up again is the same as none: the longest idle are dropped while they are
   * full, so memory holds the conversations of the last refill time (burst / rate), not every one seen.
   */
  private forgetRefilled(now: number): void {
    for (const [id, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 60_000) * this.options.perMinute < this.options.burst) return;
      this.buckets.delete(id);
    }
  }

  /** Conversations with a bucket in memory now. */
  get size(): number {
    return this.buckets.size;
  }
}
