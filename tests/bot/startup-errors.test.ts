// A start that cannot succeed, as an operator sees it: the process exits 1 and says why in exactly one
// fatal log line (the rule for every start-up failure), with no stack trace anywhere.
import { cpSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { AZURITE_ACCOUNT, AZURITE_KEY } from '../support/azurite.js';
import { freePort, spawnBot, type BotProcess } from '../support/bot-process.js';
import { removeDir } from './harness.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function temporaryDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stimulansboten-startup-'));
  cleanups.push(() => removeDir(dir));
  return dir;
}

async function listen(server: Server): Promise<number> {
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

const blobConnectionString = (port: number) =>
  `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};BlobEndpoint=http://127.0.0.1:${port}/${AZURITE_ACCOUNT};`;

/** Starts the bot and waits for it to give up; returns its one fatal line and when it came. */
async function failedStart(env: Record<string, string>, options: { cwd?: string } = {}) {
  const port = await freePort();
  const bot: BotProcess = spawnBot({ PORT: String(port), HOST: '127.0.0.1', STORAGE_DIR: temporaryDir(), LOG_LEVEL: 'info', SCHEDULER: 'off', ...env }, options);
  cleanups.push(() => bot.signal('SIGKILL'));
  const exit = await bot.exited;
  expect(exit.code).toBe(1);
  const fatal = bot.logs.filter((line) => line.level >= 50);
  expect(fatal).toHaveLength(1);
  expect(fatal[0]).toMatchObject({ level: 60, event: 'startup.failed' });
  expect(fatal[0]!.err).toBeUndefined();
  // No stack trace in the log lines (JSON: its line breaks escaped) nor on stderr (where only Node's own
  // warnings may appear).
  expect(bot.stdout()).not.toMatch(/\\n\s+at /);
  expect(bot.stderr()).not.toMatch(/^\s+at /m);
  expect(bot.stderr()).not.toMatch(/Error|Unhandled/);
  const listening = bot.logs.find((line) => line.event === 'server.listening');
  return { message: fatal[0]!.msg as string, line: fatal[0]!, afterListeningMs: listening ? fatal[0]!.time - listening.time : 0 };
}

describe('a start that cannot succeed says why in one line', () => {
  it('the port is taken by another process', async () => {
    const other = createServer();
    const port = await listen(other);
    const { message } = await failedStart({ PORT: String(port) });
    expect(message).toBe(`Port ${port} on 127.0.0.1 is already in use: stop the other process or set PORT.`);
  }, 60_000);

  it('a variable is not valid (PORT=abc)', async () => {
    const { message } = await failedStart({ PORT: 'abc' });
    expect(message).toMatch(/^Invalid configuration: PORT: /);
  }, 60_000);

  it('a variable is missing (STORAGE=blob without BLOB_CONNECTION_STRING)', async () => {
    const { message } = await failedStart({ STORAGE: 'blob' });
    expect(message).toBe('STORAGE=blob needs BLOB_CONNECTION_STRING');
  }, 60_000);

  it('the storage refuses connections: it fails at once, not after minutes of retries', async () => {
    const port = await freePort();
    const { message, afterListeningMs } = await failedStart({ STORAGE: 'blob', BLOB_CONNECTION_STRING: blobConnectionString(port) });
    expect(message).toBe(`Azure Blob Storage (container stimulansboten) cannot be used: connect ECONNREFUSED 127.0.0.1:${port} (check BLOB_CONNECTION_STRING)`);
    expect(message).not.toContain(AZURITE_KEY);
    // The knowledge loads between listening and opening the storage; the refusal itself is quick.
    expect(afterListeningMs).toBeLessThan(8000);
  }, 60_000);

  it('the storage accepts connections but never answers: it gives up within about 10 s', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    const port = await listen(silent);
    cleanups.push(() => sockets.forEach((socket) => socket.destroy()));
    const { message, afterListeningMs } = await failedStart({ STORAGE: 'blob', BLOB_CONNECTION_STRING: blobConnectionString(port) });
    expect(message).toBe('Azure Blob Storage (container stimulansboten) did not answer in time: check BLOB_CONNECTION_STRING and that the storage account is reachable from here');
    expect(afterListeningMs).toBeLessThan(10_000 + 8000);
  }, 60_000);

  it('a knowledge file is broken: the line names the file and what is wrong', async () => {
    // A copy of the bot whose places.json is cut off in the middle, as a bad edit would leave it.
    const copy = temporaryDir();
    for (const part of ['src', 'cards', 'package.json']) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
    writeFileSync(join(copy, 'src/knowledge/data/places.json'), '{"places": [');
    const { message, line } = await failedStart({}, { cwd: copy });
    expect(message).toMatch(/^the knowledge files are broken \(1 problem\(s\)\); not starting$/);
    expect(line.problems).toEqual([expect.stringMatching(/places\.json: not valid JSON/)]);
  }, 60_000);
});
