// The bot over real HTTP on a random port with a temporary state folder and a loopback connector.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startApp, type App } from '../../src/app.js';
import { configSchema } from '../../src/config.js';
import { fixedClock } from '../../src/platform/clock.js';
import { createLogger } from '../../src/platform/logger.js';
import { startConnector, type Connector } from './connector.js';

export interface Harness {
  app: App;
  connector: Connector;
  botUrl: string;
  storageDir: string;
  logs: Record<string, any>[];
  post(activity: unknown): Promise<Response>;
  postRaw(body: string, contentType?: string): Promise<Response>;
  close(): Promise<void>;
}

/** The bot's real time, running on from `start` (reminder tests live in the documents' years); `set` moves it. */
export function clockFrom(start: string | Date): (() => Date) & { set(to: string | Date): void } {
  let offset = new Date(start).getTime() - Date.now();
  const now = () => new Date(Date.now() + offset);
  return Object.assign(now, {
    set(to: string | Date) {
      offset = new Date(to).getTime() - Date.now();
    },
  });
}

export async function startHarness(env: Record<string, string> = {}, storageDir = mkdtempSync(join(tmpdir(), 'stimulansboten-')), options: { now?: () => Date } = {}): Promise<Harness> {
  const connector = await startConnector();
  const logs: Record<string, any>[] = [];
  const logger = createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line)) });
  const config = configSchema.parse({ PORT: '0', STORAGE_DIR: storageDir, ...env });
  const app = await startApp(config, { clock: fixedClock('2026-11-22'), logger, ...(options.now ? { now: options.now } : {}) }).catch(async (error: unknown) => {
    await connector.close();
    throw error;
  });
  const botUrl = `${app.server.url}/api/messages`;
  return {
    app,
    connector,
    botUrl,
    storageDir,
    logs,
    post: (activity) => fetch(botUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) }),
    postRaw: (body, contentType = 'application/json') => fetch(botUrl, { method: 'POST', headers: { 'content-type': contentType }, body }),
    async close() {
      await app.close();
      await connector.close();
    },
  };
}

/** A bot over HTTP for the tests of one file: started before them, stopped and removed after. */
export function useHarness(env: Record<string, string> = {}): () => Harness {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness(env);
  });
  afterAll(async () => {
    await harness?.close();
    if (harness) removeDir(harness.storageDir);
  });
  return () => harness!;
}

/** Posts an activity to the bot and gives the first message it sends to that conversation afterwards. */
export async function replyTo(bot: Harness, conversationId: string, activity: unknown): Promise<Record<string, any>> {
  const before = bot.connector.sent.filter((s) => s.conversationId === conversationId).length;
  const res = await bot.post(activity);
  if (res.status !== 200) throw new Error(`POST /api/messages answered ${res.status}`);
  return (await bot.connector.waitFor(conversationId, before + 1))[before]!.activity;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
