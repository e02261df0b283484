import { describe, expect, it } from 'vitest';
import { ConversationRateLimit } from '../../src/platform/rate-limit.js';

describe('per-conversation rate limit', () => {
  it('lets a burst through, tells the chat once, then drops until it has waited', () => {
    let now = 0;
    const limit = new ConversationRateLimit({ perMinute: 30, burst: 3, now: () => now });
    expect([1, 2, 3, 4, 5].map(() => limit.check('noisy'))).toEqual(['allowed', 'allowed', 'allowed', 'refused', 'dropped']);
    expect(limit.check('quiet')).toBe('allowed');
    now += 2_000; // 30 a minute: one message back every 2 s
    expect(limit.check('noisy')).toBe('allowed');
    expect(limit.check('noisy')).toBe('refused');
  });

  it('forgets a conversation once its allowance is full again, so memory holds only recent chats', () => {
    let now = 0;
    const limit = new ConversationRateLimit({ perMinute: 30, burst: 10, now: () => now });
    for (let i = 0; i < 10; i++) limit.check('busy');
    for (let i = 0; i < 1000; i++) {
      limit.check(`chat-${i}`);
      now += 100;
    }
    // One message at 30 a minute is refilled after 2 s: of 1 000 chats, those of the last 2 s remain.
    // The busy chat used its whole burst and was full again after 20 s: forgotten too.
    expect(limit.size).toBeLessThanOrEqual(21);
    expect(limit.size).toBeGreaterThanOrEqual(19);
    expect(limit.check('busy')).toBe('allowed');
  });

  it('still limits a chat that keeps sending while others come and go', () => {
    let now = 0;
    const limit = new ConversationRateLimit({ perMinute: 6, burst: 2, now: () => now });
    const verdicts: string[] = [];
    for (let i = 0; i < 40; i++) {
      limit.check(`passer-by-${i}`);
      if (i % 4 === 0) verdicts.push(limit.check('noisy'));
      now += 250;
    }
    // 10 messages in 10 s at 6 a minute with a burst of 2: the first two and one after 10 s at most.
    expect(verdicts.filter((v) => v === 'allowed').length).toBeLessThanOrEqual(3);
    expect(verdicts).toContain('refused');
  });
});
