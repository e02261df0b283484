// `npm run dev`: the bot and the Microsoft 365 Agents Playground (a local Teams-like web client) against it,
// fully offline. Open the printed URL in a browser and chat with the bot as in Teams (channel msteams).
//
//   npm run dev
//
// Environment (and .env in the project root, read as `npm start` reads it; the environment wins): PORT (the
// bot, default 3978), HOST (default 127.0.0.1), STORAGE_DIR (default ./.data), LOG_LEVEL, and PLAYGROUND_PORT
// (default 56150). Ctrl-C stops both; so does either of them dying.
//
// The playground is started with telemetry off (`--disable-telemetry`, APPLICATION_INSIGHTS_NO_STATSBEAT=1,
// else it calls out at start-up), without opening a browser (TEAMSAPPTESTER_BROWSER=none) and in a temporary
// folder (it writes ./devTools/ there). It runs the bot anonymous: leave MicrosoftAppId empty.
// It silently moves to a random port when its port is taken, so this script refuses a taken port instead.
//
// The end-to-end test (tests/e2e/) starts the playground with startPlayground() from this file.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadEnvFile } from '../src/config.js';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_BOT_PORT = 3978;
const DEFAULT_PLAYGROUND_PORT = 56150;

// ---------------------------------------------------------------------------------------------------------
// Helpers shared with the end-to-end test

/** True when nothing listens on the port, on any interface (the playground listens on all of them). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen({ port, exclusive: true }, () => probe.close(() => done(true)));
  });
}

/** A port that was free a moment ago, chosen by the operating system. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen({ port: 0, exclusive: true }, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
  });
}

/** Polls a URL until it answers with a status below 500. */
export async function waitForHttp(url: string, timeoutMs: number, isAlive: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`stopped waiting for ${url}: the process serving it exited`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status < 500) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms (${last})`);
}

export interface Playground {
  /** The web client, e.g. http://127.0.0.1:56150/ */
  url: string;
  port: number;
  pid: number;
  /** The temporary working folder; the playground's own log is devTools/m365agentsplayground.log in it. */
  cwd: string;
  /** What the playground printed so far (stdout and stderr). */
  output: () => string;
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited: Promise<number | string>;
  isRunning: () => boolean;
  /** SIGTERM, then SIGKILL after a grace period; removes the temporary folder. Safe to call twice. */
  stop: () => Promise<void>;
}

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages */
  botUrl: string;
  port: number;
  channel?: 'msteams' | 'emulator';
  startTimeoutMs?: number;
}

/**
 * Starts the Agents Playground (the one in this project's node_modules) on exactly `port` and waits for its
 * /_debug/ping. Rejects when the port is taken or the playground ends up on another port.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const { botUrl, port, channel = 'msteams', startTimeoutMs = 60_000 } = options;
  if (!(await isPortFree(port))) {
    throw new Error(`port ${port} is already in use: stop whatever listens there or choose another port (the playground would silently move to a random port)`);
  }
  const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
  const cwd = mkdtempSync(join(tmpdir(), 'stimulansboten-playground-'));
  const child = spawn(process.execPath, [cli, '-e', botUrl, '-c', channel, '-p', String(port), '--disable-telemetry'], {
    cwd,
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none', // do not open a browser
      APPLICATION_INSIGHTS_NO_STATSBEAT: '1', // else it probes an outside address (Azure IMDS) at start
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) {
    rmSync(cwd, { recursive: true, force: true });
    throw new Error('could not start the Agents Playground');
  }
  const pid = child.pid;
  let output = '';
  let listeningOn: number | null = null;
  const onData = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
    const match = /Listening on (\d+)/.exec(output);
    if (match && listeningOn === null) listeningOn = Number(match[1]);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = exitOf(child);
  // A crash of the process that started it must not leave the playground behind.
  const killOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      process.removeListener('exit', killOnExit);
      await stopChild(child, exited);
      rmSync(cwd, { recursive: true, force: true });
    })());
  const isRunning = () => child.exitCode === null && child.signalCode === null;

  try {
    await waitForHttp(`http://127.0.0.1:${port}/_debug/ping`, startTimeoutMs, isRunning);
    // Another process could have taken the port between the check and the start: then the playground moved.
    const deadline = Date.now() + 5000;
    while (listeningOn === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (listeningOn !== port) throw new Error(`the playground listens on port ${listeningOn ?? 'unknown'}, not ${port}: the port was taken`);
  } catch (error) {
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nplayground output:\n${output.slice(-2000)}`);
  }
  return { url: `http://127.0.0.1:${port}/`, port, pid, cwd, output: () => output, exited, isRunning, stop };
}

function exitOf(child: ChildProcess): Promise<number | string> {
  return new Promise((done) => {
    if (child.exitCode !== null) done(child.exitCode);
    else if (child.signalCode !== null) done(child.signalCode);
    else child.once('exit', (code, signal) => done(code ?? signal ?? 'unknown'));
  });
}

/** Stops one child we started, by its PID: SIGTERM, SIGKILL after `graceMs`. */
async function stopChild(child: ChildProcess, exited: Promise<unknown>, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => (timer = setTimeout(() => r(true), graceMs)))]);
  clearTimeout(timer);
  if (timedOut && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await exited;
  }
}

// ---------------------------------------------------------------------------------------------------------
// `npm run dev`

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`${name} must be a port number (1–65535), not "${raw}"`);
  return port;
}

class UsageError extends Error {}

async function main(): Promise<void> {
  loadEnvFile(join(PROJECT_ROOT, '.env'));
  const botPort = portFromEnv('PORT', DEFAULT_BOT_PORT);
  const playgroundPort = portFromEnv('PLAYGROUND_PORT', DEFAULT_PLAYGROUND_PORT);
  const host = process.env.HOST || '127.0.0.1';
  const storageDir = resolve(process.env.STORAGE_DIR || './.data');
  const botHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const botBase = `http://${botHost}:${botPort}`;
  const botUrl = `${botBase}/api/messages`;
  if (process.env.MicrosoftAppId) {
    console.warn('warning: MicrosoftAppId is set, but the playground sends no tokens: the bot will refuse its messages. Leave it empty for local use.');
  }
  if (botPort === playgroundPort) throw new UsageError(`PORT and PLAYGROUND_PORT are both ${botPort}`);
  if (!(await isPortFree(botPort))) throw new UsageError(`port ${botPort} (the bot, PORT) is already in use: stop whatever listens there or set PORT`);
  if (!(await isPortFree(playgroundPort))) {
    throw new UsageError(`port ${playgroundPort} (the playground, PLAYGROUND_PORT) is already in use: stop whatever listens there or set PLAYGROUND_PORT (the playground would silently move to a random port)`);
  }

  // The bot: src/main.ts under tsx (no build step while developing), as a child process so that either side can die alone.
  const bot = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(PROJECT_ROOT, 'src', 'main.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: String(botPort), HOST: host, STORAGE_DIR: storageDir },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const botExited = exitOf(bot);
  const killBotOnExit = () => {
    if (bot.exitCode === null && bot.signalCode === null) bot.kill('SIGKILL');
  };
  process.once('exit', killBotOnExit);

  let playground: Playground | null = null;
  let stopping = false;
  const shutdown = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${reason}: stopping the bot and the playground…`);
    await Promise.all([playground?.stop(), stopChild(bot, botExited)]);
    process.removeListener('exit', killBotOnExit);
    process.exit(code);
  };
  // Ctrl-C in a terminal signals the whole process group; the children may already be on their way out.
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
  void botExited.then((how) => shutdown(`the bot exited (${how})`, 1));

  try {
    const botAlive = () => bot.exitCode === null && bot.signalCode === null;
    await waitForHttp(`${botBase}/health`, 60_000, botAlive);
    if (stopping) return;
    playground = await startPlayground({ botUrl, port: playgroundPort, channel: 'msteams' });
  } catch (error) {
    if (stopping) return;
    console.error(error instanceof Error ? error.message : error);
    return shutdown('could not start', 1);
  }
  if (stopping) {
    await playground.stop();
    return;
  }
  void playground.exited.then((how) => shutdown(`the playground exited (${how})`, 1));

  console.log(
    [
      '',
      `  Stimulansboten     ${botUrl}   (state in ${storageDir})`,
      `  Agents Playground  ${playground.url}   (channel msteams, telemetry off, its log in ${join(playground.cwd, 'devTools')})`,
      '',
      `  Open ${playground.url} in a browser. Ctrl-C stops both.`,
      '',
    ].join('\n'),
  );
}

function invokedDirectly(): boolean {
  try {
    return process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

// Run only as a script (`npm run dev`), not when the end-to-end test imports the helpers above.
if (invokedDirectly()) {
  main().catch((error: unknown) => {
    console.error(error instanceof UsageError ? error.message : error);
    process.exit(1);
  });
}
