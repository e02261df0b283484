// HTTP load: replies per second and send-to-reply latency for "Hur mycket får Mora?" at 50 concurrent
// conversations, for Stimulansboten and, in the same run, the bare botbuilder+restify stack.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildIfStale, freePort, rssOf, startBot } from './bot-process.js';

export interface LoadResult {
  name: string;
  replies: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  cpuMsPerReply: number;
}

/** The Teams side: receives the bot's replies and wakes the conversation waiting for one. */
async function startChannel() {
  const waiting = new Map<string, () => void>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"1"}');
      const id = match ? decodeURIComponent(match[1]!) : '';
      waiting.get(id)?.();
      waiting.delete(id);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    reply: (conversation: string) => new Promise<void>((resolve) => waiting.set(conversation, resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// Plain node:http with keep-alive: the load generator must cost the machine as little as possible.
const agent = new Agent({ keepAlive: true, maxSockets: 100 });

function post(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function startProcess(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function waitForPort(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${url} did not start`);
}

async function cpuOf(pid: number): Promise<number> {
  const { readFileSync } = await import('node:fs');
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, clock ticks of 10 ms
}

async function load(name: string, botUrl: string, pid: number, channel: Awaited<ReturnType<typeof startChannel>>, total: number, concurrency: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const activity = (conversation: string) =>
    JSON.stringify({
      type: 'message',
      id: `${conversation}-${sent}`,
      channelId: 'msteams',
      serviceUrl: `${channel.url}/`,
      from: { id: '29:user', name: 'Anna' },
      recipient: { id: '28:bot', name: 'Stimulansboten' },
      conversation: { id: conversation, conversationType: 'personal', tenantId: 't' },
      channelData: { tenant: { id: 't' } },
      locale: 'sv-SE',
      text: 'Hur mycket får Mora?',
    });
  const cpuBefore = await cpuOf(pid);
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      const conversation = `${name}-bench-${worker}`;
      while (sent < total) {
        sent++;
        const begun = performance.now();
        const replied = channel.reply(conversation);
        const status = await post(botUrl, activity(conversation));
        if (status !== 200) {
          errors++;
          continue;
        }
        await replied;
        latencies.push(performance.now() - begun);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const cpuMs = (await cpuOf(pid)) - cpuBefore;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { name, replies: latencies.length, seconds, perSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99), errors, cpuMsPerReply: cpuMs / Math.max(1, latencies.length) };
}

/** Rounds of one target added up; latency percentiles are the median of the rounds'. */
function combine(results: LoadResult[]): LoadResult {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const replies = results.reduce((n, r) => n + r.replies, 0);
  const seconds = results.reduce((n, r) => n + r.seconds, 0);
  return {
    name: results[0]!.name,
    replies,
    seconds,
    perSecond: replies / seconds,
    p50: median(results.map((r) => r.p50)),
    p99: median(results.map((r) => r.p99)),
    errors: results.reduce((n, r) => n + r.errors, 0),
    cpuMsPerReply: results.reduce((n, r) => n + r.cpuMsPerReply * r.replies, 0) / Math.max(1, replies),
  };
}

/** Stimulansboten as configured (answers remembered), without the answer cache, and the bare stack. */
export async function benchHttp(options = { total: 6000, rounds: 6, warmup: 1500, concurrency: 50 }): Promise<{ bot: LoadResult; uncached: LoadResult; baseline: LoadResult; rssAfterLoadMb: { bot: number; uncached: number } }> {
  const channel = await startChannel();
  const storage = mkdtempSync(join(tmpdir(), 'stimulansboten-bench-'));
  // 50 conversations asking as fast as they can would be held back by the per-conversation rate limit,
  // which is not what this measures: it is off here (the soak runs with it on).
  // The bot compiled, as `npm start` runs it; the baseline is one small file under tsx (its loader costs at
  // start-up, not per message).
  buildIfStale();
  const [bot, uncached] = await Promise.all([
    startBot({ env: { STORAGE_DIR: join(storage, 'a'), RATE_LIMIT_PER_MINUTE: '0' } }),
    startBot({ env: { STORAGE_DIR: join(storage, 'b'), ANSWER_CACHE_SIZE: '0', RATE_LIMIT_PER_MINUTE: '0' } }),
  ]);
  const baselinePort = await freePort();
  const processes = { bot: bot.child, uncached: uncached.child, baseline: startProcess(['bench/baseline-bot.ts'], { PORT: String(baselinePort) }) };
  const urls = { bot: `${bot.base}/api/messages`, uncached: `${uncached.base}/api/messages`, baseline: `http://127.0.0.1:${baselinePort}/api/messages` };
  try {
    await waitForPort(urls.baseline);
    const names = ['baseline', 'bot', 'uncached'] as const;
    // Warm each up (the first run after a start is 25–45 % slower: JIT), then measure in interleaved
    // rounds, so that a noisy neighbour on this shared machine hits all three alike.
    for (const name of names) await load(name, urls[name], processes[name].pid!, channel, options.warmup, options.concurrency);
    const rounds: Record<(typeof names)[number], LoadResult[]> = { baseline: [], bot: [], uncached: [] };
    for (let round = 0; round < options.rounds; round++) {
      for (const name of names) rounds[name].push(await load(name, urls[name], processes[name].pid!, channel, options.total / options.rounds, options.concurrency));
    }
    return { baseline: combine(rounds.baseline), bot: combine(rounds.bot), uncached: combine(rounds.uncached), rssAfterLoadMb: { bot: rssOf(bot.pid) ?? 0, uncached: rssOf(uncached.pid) ?? 0 } };
  } finally {
    for (const child of Object.values(processes)) child.kill();
    await channel.close();
    rmSync(storage, { recursive: true, force: true });
  }
}
