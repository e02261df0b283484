// Token buckets that keep proactive sends below Teams' limits (per app and tenant 50 requests a second,
// per conversation 7 a second). A send waits for a token instead of being throttled by Teams.
export class TokenBucket {
  private tokens: number;
  private last = Date.now();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number = perSecond,
  ) {
    this.tokens = burst;
  }

  /** Resolves when a token is available; callers are served in order. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.wait());
    this.queue = turn;
    return turn;
  }

  private async wait(): Promise<void> {
    for (;;) {
      const now = Date.now();
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await sleep(Math.ceil(((1 - this.tokens) / this.perSecond) * 1000));
    }
  }
}

/** One bucket per key (tenant, conversation), made on first use. */
export class Buckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly perSecond: number) {}

  take(key: string): Promise<void> {
    let bucket = this.buckets.get(key);
    // A small burst: a full second's worth at once would go over the limit in the first second.
    if (!bucket) this.buckets.set(key, (bucket = new TokenBucket(this.perSecond, Math.max(1, Math.ceil(this.perSecond / 10)))));
    return bucket.take();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
