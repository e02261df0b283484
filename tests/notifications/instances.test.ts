// Several bot instances on Azure Blob Storage (Azurite): concurrent passes, one instance killed in the
// middle of a pass, storage unavailable for a while. Every reminder is delivered; none twice, except a
// send that was in flight when its instance died (at least once, as documented).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src/app.js';
import { configSchema } from '../../src/config.js';
import { BlobDocumentStore } from '../../src/platform/blob-store.js';
import { fixedClock } from '../../src/platform/clock.js';
import { createLogger } from '../../src/platform/logger.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { startConnector, type Connector } from '../bot/connector.js';
import { clockFrom } from '../bot/harness.js';
import { conversation, message, type Conversation } from '../bot/teams.js';

const TOKEN = 'instances-token';
const AS_OF = '2023-05-30T07:05:00Z';
// The instances live in 2023 (the documents' deadlines are past today): conversations subscribe before
// the reminder is due (BEFORE), the passes run at AS_OF. One clock for the instances in this process.
const BEFORE = '2023-05-30T06:50:00Z';
const clock = clockFrom(BEFORE);
// The reminder card's title (the subscription confirmation says "Påminnelser för …").
const REMINDER = 'Påminnelse: ';

let azurite: Azurite;
let connector: Connector;
const apps: App[] = [];

const logs: Record<string, any>[] = [];

/** One instance's environment: blob state, no scheduler (passes run by /api/notify), quick takeover. */
function environment(name: string, container: string, takeoverSeconds = 2): Record<string, string> {
  return {
    STORAGE: 'blob',
    BLOB_CONNECTION_STRING: azurite.connectionString,
    BLOB_CONTAINER: container,
    INSTANCE_ID: name,
    NOTIFY_TOKEN: TOKEN,
    SCHEDULER: 'off',
    PACE_TENANT_PER_SECOND: '500',
    PACE_CONVERSATION_PER_SECOND: '50',
    REMINDER_TAKEOVER_SECONDS: String(takeoverSeconds),
  };
}

async function instance(name: string, container: string, takeoverSeconds?: number): Promise<App> {
  const config = configSchema.parse({ PORT: '0', ...environment(name, container, takeoverSeconds) });
  // Short storage timeouts: an unavailable store must fail fast in a test, not after 30 s.
  const documents = await BlobDocumentStore.connect(azurite.connectionString, container, { retryOptions: { maxTries: 2, tryTimeoutInMs: 2000, retryDelayInMs: 100, maxRetryDelayInMs: 200 }, operationTimeoutInMs: 2000 });
  const app = await startApp(config, { clock: fixedClock('2026-11-22'), logger: createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line)) }), documents, now: clock });
  apps.push(app);
  return app;
}

async function notify(url: string): Promise<Record<string, number>> {
  if (clock().getTime() < Date.parse(AS_OF)) clock.set(AS_OF);
  const res = await fetch(`${url}/api/notify`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ asOf: AS_OF }) });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, number>;
}

async function subscribe(app: App, count: number): Promise<Conversation[]> {
  clock.set(BEFORE);
  const conversations: Conversation[] = [];
  for (let i = 0; i < count; i++) {
    const c = conversation(connector.url, 'groupChat');
    conversations.push(c);
    const res = await fetch(`${app.server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message(c, 'prenumerera på påminnelser för Skåne')) });
    expect(res.status).toBe(200);
  }
  for (const c of conversations) await connector.waitFor(c.id, 1);
  return conversations;
}

const remindersTo = (c: Conversation) => connector.sent.filter((s) => s.conversationId === c.id && JSON.stringify(s.activity).includes(REMINDER)).length;

beforeAll(async () => {
  azurite = await startAzurite();
  connector = await startConnector();
}, 60_000);

afterAll(async () => {
  for (const app of apps) await app.close();
  await connector?.close();
  await azurite?.stop();
});

describe('reminders with several instances on Azure Blob Storage', () => {
  it('two instances running their passes at the same time deliver every reminder exactly once', async () => {
    const a = await instance('instance-a', 'together');
    const b = await instance('instance-b', 'together');
    const conversations = await subscribe(a, 30);
    const [ca, cb] = await Promise.all([notify(a.server.url), notify(b.server.url)]);
    expect(ca.sent! + cb.sent!).toBe(30);
    for (const c of conversations) expect(remindersTo(c)).toBe(1);
    const again = await notify(b.server.url);
    expect(again.sent).toBe(0);
  }, 120_000);

  it('a survivor takes over the claims of an instance killed in the middle of a pass', async () => {
    const survivor = await instance('survivor', 'killed');
    const conversations = await subscribe(survivor, 24);
    // Slow answers from Teams keep the doomed instance's claims open when it dies.
    connector.respond = () => ({ delayMs: 400 });
    const doomed = startBot('doomed', 'killed');
    try {
      await waitForHealth(doomed.url);
      clock.set(AS_OF);
      const pass = fetch(`${doomed.url}/api/notify`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ asOf: AS_OF }) }).catch(() => undefined);
      const before = connector.requests.length;
      await waitUntil(() => connector.requests.length > before, 20_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      doomed.child.kill('SIGKILL');
      await pass;
    } finally {
      doomed.child.kill('SIGKILL');
    }
    connector.respond = undefined;
    // The survivor sees the dead claims, and takes them over once they stayed unchanged for the takeover
    // age (2 s) by its clock: passes a second apart, as its scheduler's recheck would run them.
    let sent = 0;
    for (let i = 0, settled = false; i < 15 && !settled; i++) {
      const counts = await notify(survivor.server.url);
      sent += counts.sent!;
      settled = counts.inProgress === 0 && counts.waiting === 0 && conversations.every((c) => remindersTo(c) >= 1);
      if (!settled) await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect(sent).toBeGreaterThan(0);
    const delivered = conversations.map(remindersTo);
    expect(delivered.every((n) => n >= 1)).toBe(true);
    // At most the sends in flight when it died (its parallelism) can arrive twice.
    expect(delivered.filter((n) => n > 1).length).toBeLessThanOrEqual(16);
    expect(delivered.every((n) => n <= 2)).toBe(true);
  }, 120_000);

  it('answers questions while storage is unavailable, and delays reminders instead of losing them', async () => {
    const app = await instance('patient', 'outage');
    const [c] = await subscribe(app, 1);
    azurite.pause();
    try {
      const q = conversation(connector.url);
      const res = await fetch(`${app.server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message(q, 'Hur mycket får Mora?')) });
      expect(res.status).toBe(200);
      const [reply] = await connector.waitFor(q.id, 1, 30_000);
      const text = JSON.stringify(reply!.activity).replace(/\\u00a0|\u00a0/g, ' ');
      if (!text.includes('593 461 kr')) console.error(text.slice(0, 300), logs.filter((l) => l.level >= 40).slice(-5));
      expect(text).toContain('593 461 kr');
      clock.set(AS_OF);
      const during = await fetch(`${app.server.url}/api/notify`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ asOf: AS_OF }) });
      expect([200, 503]).toContain(during.status);
      expect(remindersTo(c!)).toBe(0);
    } finally {
      azurite.resume();
    }
    const after = await notify(app.server.url);
    expect(after.sent).toBe(1);
    expect(remindersTo(c!)).toBe(1);
  }, 120_000);

  it('storage stopped right after the sends began, longer than the takeover age and the old retries, with Teams slow: every reminder once', async () => {
    const a = await instance('sender', 'frozen', 4);
    const b = await instance('watcher', 'frozen', 4);
    const conversations = await subscribe(a, 8);
    const before = connector.requests.length;
    connector.respond = () => ({ delayMs: 800 });
    clock.set(AS_OF);
    const pass = fetch(`${a.server.url}/api/notify`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ asOf: AS_OF }) });
    await waitUntil(() => connector.requests.length > before, 20_000);
    await azurite.kill();
    // Refused for longer than the takeover age (4 s) and than the ~6 s a sender that gives up on
    // recording "sent" after a few tries kept trying (this measured 16 of 60 sent twice).
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    await azurite.restartSamePort();
    connector.respond = undefined;
    // The watcher keeps looking for abandoned claims while the sender records what it sent.
    for (let i = 0; i < 4; i++) {
      await fetch(`${b.server.url}/api/notify`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ asOf: AS_OF }) });
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
    await pass;
    await notify(b.server.url);
    expect(conversations.map(remindersTo)).toEqual(conversations.map(() => 1));
  }, 180_000);
});

function startBot(name: string, container: string): { child: ChildProcess; url: string } {
  const port = 40_000 + Math.floor(Math.random() * 20_000);
  // In an empty folder with absolute paths: a developer's .env in the repository must not reach the bot.
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), '--import', pathToFileURL(join(root, 'tests/support/clock-preload.ts')).href, join(root, 'src/main.ts')], {
    cwd: mkdtempSync(join(tmpdir(), 'stimulansboten-cwd-')),
    env: { ...process.env, ...environment(name, container), PORT: String(port), LOG_LEVEL: 'silent', TEST_CLOCK_START: AS_OF },
    stdio: 'ignore',
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

async function waitForHealth(url: string): Promise<void> {
  await waitUntil(async () => (await fetch(`${url}/health`).catch(() => undefined))?.status === 200, 30_000);
}

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
