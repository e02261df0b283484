// Starts the official Azure Storage emulator (Azurite, blob service only) from node_modules for tests:
// on a free loopback port, in a fresh temporary folder, with telemetry off (this machine has no network
// besides loopback, and tests must not phone home). stop() ends the process it spawned, by its PID,
// and removes the folder. pause()/resume() freeze the process (SIGSTOP/SIGCONT: connections are accepted
// by the kernel but never answered), kill()/restartSamePort() end it and bring it back on the same port
// and folder (connections refused meanwhile), so tests can simulate "storage unavailable for a while".
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, connect as connectTcp } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The documented, public Azurite development account (not a secret). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  connectionString: string;
  blobPort: number;
  /** The temporary folder Azurite keeps its data in. */
  location: string;
  /** Ends Azurite (by the spawned PID) and removes its folder. Safe to call more than once. */
  stop(): Promise<void>;
  /** Freezes the process (SIGSTOP): requests are accepted but never answered. */
  pause(): void;
  /** Thaws a paused process (SIGCONT). */
  resume(): void;
  /** Ends the process gracefully (data stays in the folder): requests are refused. */
  kill(): Promise<void>;
  /** Starts Azurite again on the same port and folder after kill(). */
  restartSamePort(): Promise<void>;
}

const require = createRequire(import.meta.url);

function azuriteBlobEntry(): string {
  const packageJson = require.resolve('azurite/package.json');
  return join(dirname(packageJson), 'dist', 'src', 'blob', 'main.js');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connectTcp({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Resolves when an HTTP request to the blob endpoint gets any answer (Azurite is up). */
async function answers(port: number): Promise<boolean> {
  if (!(await canConnect(port))) return false;
  try {
    const response = await fetch(`http://127.0.0.1:${port}/${AZURITE_ACCOUNT}?comp=list`, { signal: AbortSignal.timeout(1000) });
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function spawnAzurite(port: number, location: string, timeoutMs: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      azuriteBlobEntry(),
      '--blobHost', '127.0.0.1',
      '--blobPort', String(port),
      '--location', location,
      '--silent',
      '--skipApiVersionCheck',
      '--loose',
      '--disableTelemetry',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, AZURITE_ACCOUNTS: undefined } },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  // If the test process goes away without stop(), do not leave the emulator behind.
  const onExit = () => child.kill('SIGKILL');
  process.once('exit', onExit);
  child.once('exit', () => process.removeListener('exit', onExit));

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Azurite exited during start-up (code ${child.exitCode}, signal ${child.signalCode}):\n${output}`);
    }
    if (await answers(port)) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  await exited(child);
  throw new Error(`Azurite did not answer on port ${port} within ${timeoutMs} ms:\n${output}`);
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGCONT'); // a stopped process would not act on SIGTERM
  child.kill('SIGTERM');
  const graceful = await Promise.race([exited(child).then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5000))]);
  if (!graceful) {
    child.kill('SIGKILL');
    await exited(child);
  }
}

export async function startAzurite(options: { startTimeoutMs?: number } = {}): Promise<Azurite> {
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  const location = mkdtempSync(join(tmpdir(), 'azurite-'));
  let child: ChildProcess | undefined;
  let blobPort = 0;
  let lastError: unknown;
  // A port found free can be taken before Azurite binds it: try a few.
  for (let attempt = 0; attempt < 3 && !child; attempt++) {
    blobPort = await freePort();
    try {
      child = await spawnAzurite(blobPort, location, startTimeoutMs);
    } catch (error) {
      lastError = error;
    }
  }
  if (!child) {
    rmSync(location, { recursive: true, force: true });
    throw lastError;
  }
  let current: ChildProcess | undefined = child;
  let stopped = false;

  const connectionString =
    `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};` +
    `BlobEndpoint=http://127.0.0.1:${blobPort}/${AZURITE_ACCOUNT};`;

  return {
    connectionString,
    blobPort,
    location,
    pause() {
      if (!current?.pid) throw new Error('Azurite is not running');
      process.kill(current.pid, 'SIGSTOP');
    },
    resume() {
      if (!current?.pid) throw new Error('Azurite is not running');
      process.kill(current.pid, 'SIGCONT');
    },
    async kill() {
      if (current) await terminate(current);
      current = undefined;
    },
    async restartSamePort() {
      if (stopped) throw new Error('Azurite was stopped');
      if (current) throw new Error('Azurite is still running');
      current = await spawnAzurite(blobPort, location, startTimeoutMs);
    },
    async stop() {
      stopped = true;
      if (current) await terminate(current);
      current = undefined;
      rmSync(location, { recursive: true, force: true });
    },
  };
}
