// The bot as `npm start` runs it (src/main.ts in its own process), for tests of what an operator sees:
// its exit code, its log lines, how long it takes to stop. The environment is only what the test gives
// (plus PATH and HOME), so variables of the machine running the tests do not leak in; it runs in an
// empty folder, so a developer's own .env (which the bot reads from its working folder) does not either.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

export interface BotProcess {
  pid: number;
  /** Every stdout line, parsed where it is JSON (the bot's log lines). */
  logs: Record<string, any>[];
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or the signal that ended it) and when it exited (Date.now()). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Waits for a log line the predicate accepts; rejects if the process exits first or after timeoutMs. */
  waitForLog(predicate: (line: Record<string, any>) => boolean, timeoutMs?: number): Promise<Record<string, any>>;
  /** Sends a signal to the spawned process (by its PID). */
  signal(signal: NodeJS.Signals): void;
}

/** Runs `node --import tsx src/main.ts`: the copy of the bot in `cwd`, or this repository's from a new empty folder. */
export function spawnBot(env: Record<string, string>, options: { cwd?: string } = {}): BotProcess {
  const args = options.cwd ? ['--import', 'tsx', 'src/main.ts'] : ['--import', TSX, MAIN];
  const child = spawn(process.execPath, args, {
    cwd: options.cwd ?? mkdtempSync(join(tmpdir(), 'stimulansboten-cwd-')),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, any>[] = [];
  let out = '';
  let err = '';
  let rest = '';
  const listeners = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as Record<string, any>);
      } catch {
        logs.push({ text: line });
      }
    }
    for (const listener of listeners) listener();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  // The pipes may still hold the last lines when the process exits: resolved once they are read too.
  const stdoutClosed = new Promise((resolve) => child.stdout.once('close', resolve));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => {
    child.once('exit', (code, signal) => {
      resolve({ code, signal, at: Date.now() });
      for (const listener of listeners) listener();
    });
  });
  const exited = Promise.all([exit, stdoutClosed]).then(([result]) => result);
  return {
    pid: child.pid!,
    logs,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForLog(predicate, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`no such log line within ${timeoutMs} ms; stdout:\n${out}\nstderr:\n${err}`)), timeoutMs);
        const check = () => {
          const found = logs.find(predicate);
          if (found) finish(undefined, found);
          else if (child.exitCode !== null || child.signalCode !== null) finish(new Error(`the bot exited (${child.exitCode ?? child.signalCode}); stdout:\n${out}\nstderr:\n${err}`));
        };
        const finish = (error?: Error, line?: Record<string, any>) => {
          clearTimeout(timer);
          listeners.delete(check);
          if (error) reject(error);
          else resolve(line!);
        };
        listeners.add(check);
        check();
      });
    },
    signal: (signal) => void child.kill(signal),
  };
}

/** A loopback port free right now (the kernel's pick), for a bot that must be told its port. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
