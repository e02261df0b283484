// A storage that hangs (accepts, never answers) must not hold an answer past Teams' ~15 s: every read
// and write of conversation state gives up after a short bound, and the bot answers without context.
import { describe, expect, it } from 'vitest';
import { startApp } from '../../src/app.js';
import { DEFAULT_STATE_TIMEOUT_MS, DocumentStorage, StateTimeoutError } from '../../src/bot/storage.js';
import { configSchema } from '../../src/config.js';
import { fixedClock } from '../../src/platform/clock.js';
import type { DocumentStore } from '../../src/platform/file-store.js';
import { createLogger } from '../../src/platform/logger.js';
import { startConnector } from '../bot/connector.js';
import { conversation, message } from '../bot/teams.js';

const never = () => new Promise<never>(() => undefined);
const hanging: DocumentStore = { get: never, put: never, delete: never, list: never };

/** How long the operation took to reject, with what. */
async function rejection(operation: Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const started = Date.now();
  const error = await operation.then(
    () => new Error('resolved'),
    (caught: unknown) => caught,
  );
  return { ms: Date.now() - started, error };
}

describe('conversation state on a storage that hangs', () => {
  it.each<[string, (storage: DocumentStorage) => Promise<unknown>]>([
    ['a read', (storage) => storage.read(['msteams/conversations/a:1/'])],
    ['a write', (storage) => storage.write({ 'msteams/conversations/a:1/': { brain: {}, eTag: '*' } })],
    ['a delete', (storage) => storage.delete(['msteams/conversations/a:1/'])],
  ])('%s gives up within the bound', async (_, operation) => {
    const { ms, error } = await rejection(operation(new DocumentStorage(hanging, { timeoutMs: 200 })));
    expect(error).toBeInstanceOf(StateTimeoutError);
    expect(ms).toBeGreaterThanOrEqual(190);
    expect(ms).toBeLessThan(1000);
  });

  it(`gives up after ${DEFAULT_STATE_TIMEOUT_MS} ms unless configured otherwise`, async () => {
    const { ms, error } = await rejection(new DocumentStorage(hanging).read(['k']));
    expect(error).toBeInstanceOf(StateTimeoutError);
    expect(ms).toBeGreaterThanOrEqual(DEFAULT_STATE_TIMEOUT_MS - 10);
    expect(ms).toBeLessThan(DEFAULT_STATE_TIMEOUT_MS + 1000);
  });

  it('is configured by STATE_TIMEOUT_MS (2000 by default, at most 10 s)', () => {
    expect(configSchema.parse({}).STATE_TIMEOUT_MS).toBe(2000);
    expect(configSchema.parse({ STATE_TIMEOUT_MS: '500' }).STATE_TIMEOUT_MS).toBe(500);
    expect(configSchema.parse({ STATE_TIMEOUT_MS: '' }).STATE_TIMEOUT_MS).toBe(2000);
    expect(configSchema.safeParse({ STATE_TIMEOUT_MS: '20000' }).success).toBe(false);
  });

  it('the bot still answers a question over HTTP, within a few seconds, without the context', { timeout: 20_000 }, async () => {
    const connector = await startConnector();
    const logs: Record<string, any>[] = [];
    const logger = createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line)) });
    const app = await startApp(configSchema.parse({ PORT: '0', SCHEDULER: 'off' }), { clock: fixedClock('2026-11-22'), logger, documents: hanging });
    try {
      const c = conversation(connector.url);
      const started = Date.now();
      const response = fetch(`${app.server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message(c, 'Hur mycket får Mora?')) });
      const [reply] = await connector.waitFor(c.id, 1, 5000);
      expect(Date.now() - started).toBeLessThan(5000);
      expect((await response).status).toBe(200);
      expect(String(reply?.activity.text).replace(/\u00a0/g, ' ')).toContain('593 461 kr');
      expect(logs.map((line) => line.event)).toContain('state.read_failed');
    } finally {
      await app.close();
      await connector.close();
    }
  });
});
