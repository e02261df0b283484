// Stopping the bot as an orchestrator does (SIGTERM to the process), while Teams keeps posting over
// kept-alive connections: it stops taking work, finishes what it has (replies delivered, state written)
// within SHUTDOWN_TIMEOUT_SECONDS, cuts what hangs past that, and exits.
import { mkdtempSync } from 'node:fs';
import { Agent, createServer, request, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileDocumentStore } from '../../src/platform/file-store.js';
import { freePort, spawnBot, type BotProcess } from '../support/bot-process.js';
import { startConnector } from './connector.js';
import { removeDir } from './harness.js';
import { conversation, message } from './teams.js';

interface Outcome {
  conversationId: string;
  startedAt: number;
  /** The HTTP status, or the error code of a connection refused or reset. */
  result: number | string;
  connectionClose: boolean;
}

/** Posts one activity on the agent's kept-alive connection. */
function post(port: number, agent: Agent, activity: { conversation: { id: string } }): Promise<Outcome> {
  const body = JSON.stringify(activity);
  const startedAt = Date.now();
  return new Promise((resolve) => {
    const done = (result: number | string, connectionClose = false) => resolve({ conversationId: activity.conversation.id, startedAt, result, connectionClose });
    const req = request({ host: '127.0.0.1', port, path: '/api/messages', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode!, res.headers.connection === 'close'));
      res.on('error', () => done('ECONNRESET'));
    });
    req.on('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
    req.end(body);
  });
}

/** One client posting messages back to back on one kept-alive connection, until `stop()` says so. */
async function loop(port: number, serviceUrl: string, outcomes: Outcome[], stop: () => boolean): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    while (!stop()) {
      // A new conversation each time: the per-conversation rate limit is not what this measures.
      const outcome = await post(port, agent, message(conversation(serviceUrl), 'Hur mycket får Mora?'));
      outcomes.push(outcome);
      if (typeof outcome.result === 'string') await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    agent.destroy();
  }
}

const started: BotProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  // A bot a failed test left running is ended by its PID.
  for (const bot of started.splice(0)) bot.signal('SIGKILL');
  for (const dir of dirs.splice(0)) removeDir(dir);
});

async function startBot(env: Record<string, string>): Promise<{ bot: BotProcess; port: number; storageDir: string }> {
  const port = await freePort();
  const storageDir = mkdtempSync(join(tmpdir(), 'stimulansboten-shutdown-'));
  dirs.push(storageDir);
  const bot = spawnBot({ PORT: String(port), HOST: '127.0.0.1', STORAGE_DIR: storageDir, LOG_LEVEL: 'info', SCHEDULER: 'off', ...env });
  started.push(bot);
  await bot.waitForLog((line) => line.event === 'ready');
  return { bot, port, storageDir };
}

/** A Teams connector that takes every reply and never answers it: the turns hang on it. */
async function startHangingConnector() {
  const held: ServerResponse[] = [];
  const server = createServer((req, res) => {
    req.resume();
    held.push(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    held,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const waitUntil = async (condition: () => boolean, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

describe('SIGTERM', () => {
  it('under keep-alive load: stops taking messages, delivers every reply it answered 200 for, and exits 0 in time', async () => {
    const connector = await startConnector();
    const boundSeconds = 10;
    const { bot, port, storageDir } = await startBot({ SHUTDOWN_TIMEOUT_SECONDS: String(boundSeconds) });
    const outcomes: Outcome[] = [];
    let exited = false;
    const loops = Array.from({ length: 8 }, () => loop(port, connector.url, outcomes, () => exited));
    try {
      // Under way: every client has had answers on its kept-alive connection.
      await waitUntil(() => outcomes.filter((o) => o.result === 200).length >= 80);
      const signalAt = Date.now();
      bot.signal('SIGTERM');
      const exit = await bot.exited;
      exited = true;
      await Promise.all(loops);

      expect(exit.code).toBe(0);
      expect(exit.at - signalAt).toBeLessThan((boundSeconds + 5) * 1000);
      expect(bot.logs.some((line) => line.event === 'stopped')).toBe(true);
      expect(bot.logs.some((line) => line.event === 'shutdown.cut')).toBe(false);

      const after = outcomes.filter((o) => o.startedAt >= signalAt);
      expect(after.length).toBeGreaterThan(0);
      // A request that reached the bot before it handled the signal may still be answered; no more.
      expect(after.filter((o) => o.result === 200).length).toBeLessThanOrEqual(8);
      for (const outcome of after) expect([200, 503, 'ECONNREFUSED', 'ECONNRESET', 'EPIPE']).toContain(outcome.result);
      // A 503 closes its connection, so the client's next try goes elsewhere.
      for (const outcome of outcomes.filter((o) => o.result === 503)) expect(outcome.connectionClose).toBe(true);

      // Every 200 means the reply reached Teams and the conversation's state is on disk.
      const answered = outcomes.filter((o) => o.result === 200).map((o) => o.conversationId);
      const replied = new Set(connector.sent.map((s) => s.conversationId));
      expect(answered.filter((id) => !replied.has(id))).toEqual([]);
      const stateKeys = (await new FileDocumentStore(storageDir).list('botstate/')).join('\n');
      expect(answered.filter((id) => !stateKeys.includes(id))).toEqual([]);
    } finally {
      exited = true;
      await Promise.all(loops);
      await connector.close();
    }
  }, 120_000);

  it('with turns hung on the connector: cuts them at the bound, logs how many, and exits 0', async () => {
    const connector = await startHangingConnector();
    const { bot, port } = await startBot({ SHUTDOWN_TIMEOUT_SECONDS: '2' });
    const agent = new Agent({ keepAlive: true });
    try {
      const hung = [1, 2, 3].map(() => post(port, agent, message(conversation(connector.url), 'Hur mycket får Mora?')));
      await waitUntil(() => connector.held.length === 3);
      const signalAt = Date.now();
      bot.signal('SIGTERM');
      const exit = await bot.exited;

      expect(exit.code).toBe(0);
      expect(exit.at - signalAt).toBeGreaterThanOrEqual(2000);
      expect(exit.at - signalAt).toBeLessThan(2000 + 4000);
      expect(bot.logs.find((line) => line.event === 'shutdown.cut')).toMatchObject({ requests: 3, boundSeconds: 2 });
      // The clients of the cut turns see their connection end, not an answer.
      for (const outcome of await Promise.all(hung)) expect(outcome.result).toBe('ECONNRESET');
    } finally {
      agent.destroy();
      await connector.close();
    }
  }, 120_000);

  it('a second signal during the drain exits at once with a non-zero code', async () => {
    const connector = await startHangingConnector();
    const { bot, port } = await startBot({ SHUTDOWN_TIMEOUT_SECONDS: '60' });
    const agent = new Agent({ keepAlive: true });
    try {
      const hung = post(port, agent, message(conversation(connector.url), 'Hur mycket får Mora?'));
      await waitUntil(() => connector.held.length === 1);
      bot.signal('SIGTERM');
      await bot.waitForLog((line) => line.event === 'stopping');
      const secondAt = Date.now();
      bot.signal('SIGTERM');
      const exit = await bot.exited;

      expect(exit.code).toBe(143);
      expect(exit.at - secondAt).toBeLessThan(2000);
      expect(bot.logs.some((line) => line.event === 'stopping.forced')).toBe(true);
      await hung;
    } finally {
      agent.destroy();
      await connector.close();
    }
  }, 120_000);
});
