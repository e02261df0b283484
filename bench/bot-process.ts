// The bot as `npm start` runs it (compiled: node <npm start's flags> dist/main.js, built first when
// stale), in its own process so that its RSS and CPU are its own. Shared by the start-up, HTTP and soak
// benchmarks.
import { execFileSync, spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MB = 1024 * 1024;

/** The node flags of `npm start` (package.json), so the benchmarks measure the bot as it runs in production. */
export function startFlags(): string[] {
  const start = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: { start: string } }).scripts.start.split(/\s+/);
  if (start[0] !== 'node' || start[start.length - 1] !== 'dist/main.js') throw new Error(`npm start is "${start.join(' ')}": expected node <flags> dist/main.js`);
  return start.slice(1, -1);
}

/** `npm start`'s first step: compiles src/ to dist/ unless dist/ is up to date. */
export function buildIfStale(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolvePort(port));
    });
  });
}

/** Resident set size of a process (VmRSS), MB. */
export function rssOf(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? (Number(match[1]) * 1024) / MB : undefined;
  } catch {
    return undefined;
  }
}

/** User + system CPU time of a process, ms (clock ticks of 10 ms). */
export function cpuMsOf(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

export interface StartedBot {
  child: ChildProcess;
  pid: number;
  port: number;
  base: string;
  /** From spawning the process to the first /health 200, ms. */
  startupMs: number;
}

export interface BotOptions {
  env: Record<string, string | undefined>;
  /** Extra node flags (profiling, --expose-gc, heap limits). */
  nodeArgs?: string[];
  port?: number;
  stdio?: StdioOptions;
}

/** Starts the compiled bot on loopback and resolves once /health answers 200. */
export async function startBot(options: BotOptions): Promise<StartedBot> {
  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', MicrosoftAppId: '', LOG_LEVEL: 'warn', ...options.env, PORT: String(port) };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  const begun = performance.now();
  const child = spawn(process.execPath, [...startFlags(), ...(options.nodeArgs ?? []), 'dist/main.js'], { cwd: ROOT, env, stdio: options.stdio ?? ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the bot exited before it was ready (${child.exitCode ?? child.signalCode})`);
    if (performance.now() - begun > 60_000) throw new Error(`the bot did not become ready at ${base}/health within 60 s`);
    try {
      const response = await fetch(`${base}/health`);
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolveSleep) => setTimeout(resolveSleep, 10));
  }
  return { child, pid: child.pid!, port, base, startupMs: performance.now() - begun };
}

/** SIGTERM, SIGKILL after 15 s; resolves once the process is gone. */
export async function stopBot(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(killer);
}
