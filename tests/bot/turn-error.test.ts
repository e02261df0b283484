import { TestAdapter, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { turnErrorHandler } from '../../src/bot/adapter.js';
import { createLogger } from '../../src/platform/logger.js';

describe('when a turn fails', () => {
  it('tells the user in a short apology card with a correlation id, logs the error under the same id, and shows no stack', async () => {
    const logs: Record<string, any>[] = [];
    const adapter = new TestAdapter(async () => {
      throw new Error('database exploded at /srv/app/secret.ts:42');
    });
    adapter.onTurnError = turnErrorHandler(createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line)) }));
    await adapter.send('Hur mycket får Mora?').assertReply((activity: Partial<Activity>) => {
      const card = JSON.stringify(activity.attachments?.[0]?.content);
      const logged = logs.find((line) => line.event === 'turn.error')!;
      expect(logged.err.message).toContain('database exploded');
      expect(card).toContain(logged.correlationId);
      expect(card).not.toContain('database exploded');
      expect(card).not.toContain('secret.ts');
      expect(activity.text).toBe('Något gick fel.');
    });
  });
});
