// Soak: the real bot (compiled, as `npm start` runs it: node <its flags> dist/main.js, in its own process,
// so that its RSS is its own and the load generator is not in it; answer cache at its default size,
// embedded file state in a temporary folder) on
// loopback, fed messages open-loop at a fixed rate: a message is due every 1/rate s whether or not the
// earlier ones have been answered. The questions are the acceptance question set (tests/brain/questions.ts),
// follow-ups included, asked in many conversations: each conversation gets at most about one message a
// second (so a per-conversation rate limit in the bot is not what is measured), and after a number of
// messages it is done and a new conversation takes its place, so per-conversation state keeps arriving.
// Replies go to a loopback Teams connector in this process, which matches each one to its message.
//
// It stops by itself after the warm-up, the measured time and at most SOAK_TIMEOUT_MS + 5 s of drain,
// and prints one block: messages sent, replies received, errors, HTTP response latency and the bot's RSS
// (VmRSS from /proc/<pid>/status, sampled every few seconds) at the start (after the warm-up), at the end
// and at its peak, with the verdict "memory flat" when
//     end RSS ≤ start RSS × 1.25 + 20 MB
// (the margin: V8 grows its heap lazily and a GC can land either side of a sample, so a few tens of MB
// of movement is noise; a leak at 200 messages/s for 10 minutes is not), and "within the target" when
//     end RSS ≤ 200 MB                                                            (issue 14)
// Exit code 1 when there was any error (non-200 response, connection error or timeout, a reply missing at
// the end, an unexpected or apology reply) or memory was not flat or over the target.
//
// What holds the memory (measured, heap snapshots and a GC probe, 16 000 conversations): the live heap
// after a full GC is flat at 80–95 MB (the SDK's code and sources ~50 MB, caches ~15 MB: conversation
// state documents, answers, rate-limit buckets); external memory and array buffers stay at ~4 MB; the node
// binary is ~50 MB of RSS. What grew was V8's committed heap around that live heap (heap total 150–185 MB
// for 90 MB live: the young generation at 16 MB a half and an old generation sized at up to 2× live).
// `npm start`'s --max-semi-space-size=4 and --heap-growing-percent=25 bound that; neither caps the heap,
// so a reminder fan-out to 10 000 conversations still gets all the memory it needs, only collected sooner.
// Measured here (600 s at 200 messages/s on a shared 2-core machine): before, 338 → 569 MB; with the flags,
// the smaller file cache and rate-limit buckets that forget refilled chats, 195 → 213 MB (peak 230) at the
// same 2.55 ms CPU per message. Smaller still costs CPU: semi-space 2 MB 186 → 198 MB at 2.97 ms, heap
// growth 10 % 181 → 193 MB at 3.43 ms.
// SOAK_MEMORY_PROBE=1 preloads bench/memory-probe.mjs into the bot (a full GC and one JSON line of heap
// figures on stderr every SOAK_PROBE_SECONDS, 10).
//
//   npx tsx bench/soak.ts                  (or `npm run bench -- soak`; `npm run bench` runs it last)
//
// Environment (all optional):
//   SOAK_SECONDS          measured duration after the warm-up, in seconds          (600)
//   SOAK_RATE             messages per second, open loop                            (200)
//   SOAK_WARMUP_SECONDS   load at the same rate before the start RSS is taken       (20)
//   SOAK_CONVERSATIONS    conversations open at a time                              (max(200, 1.5 × rate))
//   SOAK_TURNS            messages per conversation before a new one replaces it;
//                         0 = the same conversations throughout                      (10)
//   SOAK_SAMPLE_SECONDS   RSS sampling interval                                     (2)
//   SOAK_TIMEOUT_MS       longest wait for one HTTP response before it is an error  (10000)
//   SOAK_BOT_NODE_ARGS    extra node flags for the bot process, space separated, to find out where its
//                         time goes, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"        (none)
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { questionCases, type QuestionCase } from '../tests/brain/questions.js';
import { buildIfStale, cpuMsOf, rssOf, startBot, stopBot } from './bot-process.js';

/** The margin of the memory verdict: end ≤ start × FLAT_FACTOR + FLAT_SLACK_MB. */
const FLAT_FACTOR = 1.25;
const FLAT_SLACK_MB = 20;
/** Issue 14: the bot's RSS after the soak. */
const TARGET_END_MB = 200;

export interface SoakOptions {
  seconds: number;
  rate: number;
  warmupSeconds: number;
  conversations: number;
  turnsPerConversation: number;
  sampleSeconds: number;
  timeoutMs: number;
  botNodeArgs: string[];
}

export interface SoakResult {
  options: SoakOptions;
  sent: number;
  sentInWarmup: number;
  replies: number;
  errors: { total: number; status: number; statuses: Record<string, number>; connection: number; connectionCodes: Record<string, number>; timeouts: number; missing: number; apology: number; unexpected: number; botExited: string | undefined };
  latency: { count: number; p50: number; p99: number; max: number };
  /** Most the generator was behind its schedule, ms (a busy machine delays the load too). */
  generatorLagMs: number;
  /** The bot's CPU (user + system) over the measured part, including the drain. */
  botCpu: { msPerMessage: number; percentOfCore: number };
  /** This process's CPU (load generator and connector) per message, for comparison. */
  generatorCpuMsPerMessage: number;
  conversationsTotal: number;
  /** Conversations opened because no open one was free (bot behind, or reused too soon). */
  conversationsExtra: number;
  /** Shortest time between two messages of one conversation, ms (undefined: none got two). */
  minConversationGapMs: number | undefined;
  rss: { idleMb: number; startMb: number; endMb: number; peakMb: number; limitMb: number; flat: boolean; trend: number[]; trendEverySeconds: number; samples: number };
  /** What the bot logged at warn and above: counts, per event, and the first line of the most frequent event (the anonymous-mode warning aside). */
  botLog: { errors: number; warnings: number; events: Record<string, number>; first: string | undefined };
  wallSeconds: number;
  ok: boolean;
}

function envNumber(name: string, fallback: number, { min = 0, integer = false } = {}): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) throw new Error(`${name}=${raw}: expected ${integer ? 'a whole number' : 'a number'} ≥ ${min}`);
  return value;
}

export function soakOptionsFromEnv(): SoakOptions {
  const rate = envNumber('SOAK_RATE', 200, { min: 0.1 });
  return {
    seconds: envNumber('SOAK_SECONDS', 600, { min: 1 }),
    rate,
    warmupSeconds: envNumber('SOAK_WARMUP_SECONDS', 20),
    conversations: envNumber('SOAK_CONVERSATIONS', Math.max(200, Math.ceil(rate * 1.5)), { min: 1, integer: true }),
    turnsPerConversation: envNumber('SOAK_TURNS', 10, { integer: true }),
    sampleSeconds: envNumber('SOAK_SAMPLE_SECONDS', 2, { min: 0.1 }),
    timeoutMs: envNumber('SOAK_TIMEOUT_MS', 10_000, { min: 1 }),
    botNodeArgs: (process.env.SOAK_BOT_NODE_ARGS ?? '').split(/\s+/).filter(Boolean),
  };
}

const sleep = (ms: number) => new Promise<void>((resolveSleep) => setTimeout(resolveSleep, ms));

/** Deterministic, so two runs ask the same questions in the same order. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Conversation {
  id: string;
  locale: string;
  /** The question case being asked and the next turn of it. */
  current: QuestionCase;
  turn: number;
  sentTotal: number;
  lastSentAt: number;
}

interface Pending {
  conversation: string;
  /** 'sent' until the HTTP response; 'ok' after a 200; 'failed' after an error (a late reply is then not counted twice). */
  state: 'sent' | 'ok' | 'failed';
  replied: boolean;
}

export async function benchSoak(options: SoakOptions = soakOptionsFromEnv()): Promise<SoakResult> {
  const wallStart = performance.now();
  const cases = questionCases.filter((c) => c.say.length > 0);
  const random = mulberry32(0x50a4);
  const pickCase = () => cases[Math.floor(random() * cases.length)]!;

  const pending = new Map<string, Pending>();
  const errors: SoakResult['errors'] = { total: 0, status: 0, statuses: {}, connection: 0, connectionCodes: {}, timeouts: 0, missing: 0, apology: 0, unexpected: 0, botExited: undefined };
  let replies = 0;

  // The Teams side: the bot's serviceUrl. Every reply is matched to the message it answers.
  const connector = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
      if (!match || req.method !== 'POST') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(`{"id":"r-${replies + 1}"}`);
      replies++;
      let body: { replyToId?: string; text?: string } = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
      } catch {
        // Counted as unexpected below: no replyToId.
      }
      const replyTo = match[2] ? decodeURIComponent(match[2]) : body.replyToId;
      const entry = replyTo ? pending.get(replyTo) : undefined;
      if (!entry || entry.replied || entry.conversation !== decodeURIComponent(match[1]!)) {
        errors.unexpected++;
        return;
      }
      entry.replied = true;
      if (body.text === 'Något gick fel.' || body.text === 'Something went wrong.') errors.apology++;
      if (entry.state !== 'sent') pending.delete(replyTo!);
    });
  });
  connector.keepAliveTimeout = 60_000;
  await new Promise<void>((resolveListen) => connector.listen(0, '127.0.0.1', resolveListen));
  const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;

  const storage = mkdtempSync(join(tmpdir(), 'stimulansboten-soak-'));
  const botLog: SoakResult['botLog'] = { errors: 0, warnings: 0, events: {}, first: undefined };
  const firstByEvent = new Map<string, string>();
  let bot: ChildProcess | undefined;
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  try {
    // The bot as `npm start` runs it (compiled), with the answer cache at its default size (the variable unset).
    buildIfStale();
    const probe = process.env.SOAK_MEMORY_PROBE === '1' ? ['--expose-gc', '--import', './bench/memory-probe.mjs'] : [];
    let stopping = false;
    const started = await startBot({
      env: { STORAGE: 'file', STORAGE_DIR: join(storage, 'state'), ANSWER_CACHE_SIZE: undefined, ALLOWED_TENANT_IDS: undefined },
      nodeArgs: [...probe, ...options.botNodeArgs],
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    bot = started.child;
    const child = bot;
    const base = started.base;
    let stdoutRest = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (stdoutRest + chunk).split('\n');
      stdoutRest = lines.pop() ?? '';
      for (const line of lines) {
        const level = Number(/"level":(\d+)/.exec(line)?.[1] ?? 0);
        if (level < 40) continue;
        const event = /"event":"([^"]+)"/.exec(line)?.[1] ?? '?';
        botLog.events[event] = (botLog.events[event] ?? 0) + 1;
        firstByEvent.set(event, firstByEvent.get(event) ?? line.slice(0, 400));
        if (level >= 50) botLog.errors++;
        else botLog.warnings++;
      }
    });
    child.once('exit', (code, signal) => {
      if (!stopping) errors.botExited = `the bot exited (code ${code}, signal ${signal})`;
    });

    const pid = child.pid!;
    await sleep(1000);
    const idleMb = rssOf(pid) ?? 0;

    // Conversations: a FIFO of free ones; a conversation is free again once its message is answered.
    let conversationsTotal = 0;
    let conversationsExtra = 0;
    let minConversationGapMs = Infinity;
    const open = (): Conversation => {
      const n = conversationsTotal++;
      return { id: `a:soak-${n}`, locale: n % 4 === 0 ? 'en-US' : 'sv-SE', current: pickCase(), turn: 0, sentTotal: 0, lastSentAt: -Infinity };
    };
    const free: Conversation[] = Array.from({ length: options.conversations }, open);
    let freeHead = 0;
    const takeFree = (now: number): Conversation => {
      const head = free[freeHead];
      // The oldest free conversation, unless it had a message less than a second ago: then a new one.
      if (head && now - head.lastSentAt >= 1000) {
        freeHead++;
        if (freeHead > 4096 && freeHead * 2 > free.length) {
          free.splice(0, freeHead);
          freeHead = 0;
        }
        return head;
      }
      conversationsExtra++;
      return open();
    };
    const release = (conversation: Conversation, failed: boolean) => {
      // A message that failed may still be running in the bot: its conversation is not asked again
      // (a second turn at the same time would only race the first for the conversation state).
      if (failed) {
        free.push(open());
        return;
      }
      const finishedCase = conversation.turn >= conversation.current.say.length;
      if (finishedCase) {
        if (options.turnsPerConversation > 0 && conversation.sentTotal >= options.turnsPerConversation) {
          free.push(open());
          return;
        }
        // The next question in the same conversation: its context carries over, as in a real chat.
        conversation.current = pickCase();
        conversation.turn = 0;
      }
      free.push(conversation);
    };

    let sent = 0;
    let sentInWarmup = 0;
    let inFlight = 0;
    let measuring = false;
    let latencies: number[] = [];
    let generatorLagMs = 0;

    const sendOne = (conversation: Conversation, now: number) => {
      if (now - conversation.lastSentAt < minConversationGapMs) minConversationGapMs = now - conversation.lastSentAt;
      conversation.lastSentAt = now;
      conversation.sentTotal++;
      const text = conversation.current.say[conversation.turn++]!;
      const locale = conversation.current.locale ? (conversation.current.locale === 'en' ? 'en-US' : 'sv-SE') : conversation.locale;
      const id = `m-${sent}`;
      const body = JSON.stringify({
        type: 'message',
        id,
        timestamp: new Date().toISOString(),
        channelId: 'msteams',
        serviceUrl,
        from: { id: '29:soak-user', name: 'Anna Andersson', aadObjectId: 'soak-user' },
        recipient: { id: '28:bot', name: 'Stimulansboten' },
        conversation: { id: conversation.id, conversationType: 'personal', tenantId: 'soak-tenant' },
        channelData: { tenant: { id: 'soak-tenant' } },
        locale,
        text,
        textFormat: 'plain',
      });
      const entry: Pending = { conversation: conversation.id, state: 'sent', replied: false };
      pending.set(id, entry);
      sent++;
      if (!measuring) sentInWarmup++;
      inFlight++;
      const counted = measuring;
      const begun = performance.now();
      let settled = false;
      const settle = (outcome: 'ok' | 'status' | 'connection' | 'timeout', status?: number, code?: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        inFlight--;
        if (outcome === 'ok') {
          entry.state = 'ok';
          if (counted) latencies.push(performance.now() - begun);
          if (entry.replied) pending.delete(id);
        } else {
          entry.state = 'failed';
          if (outcome === 'status') {
            errors.status++;
            errors.statuses[String(status)] = (errors.statuses[String(status)] ?? 0) + 1;
          } else if (outcome === 'connection') {
            errors.connection++;
            errors.connectionCodes[code ?? '?'] = (errors.connectionCodes[code ?? '?'] ?? 0) + 1;
          }
          else errors.timeouts++;
          if (entry.replied) pending.delete(id);
        }
        release(conversation, outcome !== 'ok');
      };
      const req = request(`${base}/api/messages`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => settle(res.statusCode === 200 ? 'ok' : 'status', res.statusCode));
        res.on('error', (error: NodeJS.ErrnoException) => settle('connection', undefined, error.code));
      });
      const timer = setTimeout(() => {
        settle('timeout');
        req.destroy();
      }, options.timeoutMs);
      req.on('error', (error: NodeJS.ErrnoException) => settle('connection', undefined, error.code));
      req.end(body);
    };

    // RSS every few seconds, from the start of the measured part.
    const samples: { at: number; mb: number }[] = [];
    let sampler: NodeJS.Timeout | undefined;
    let startMb = 0;
    let measureStart = 0;
    let cpuAtStart = 0;
    let ownCpuAtStart = process.cpuUsage();

    // Open loop: message k is due at start + k / rate, however the earlier ones are doing.
    const warmupCount = Math.round(options.warmupSeconds * options.rate);
    const totalCount = warmupCount + Math.round(options.seconds * options.rate);
    const loadStart = performance.now();
    await new Promise<void>((resolveLoad) => {
      let scheduled = 0;
      const tick = () => {
        if (errors.botExited) return resolveLoad();
        const now = performance.now();
        const elapsed = now - loadStart;
        while (scheduled < totalCount && (scheduled * 1000) / options.rate <= elapsed) {
          if (!measuring && scheduled >= warmupCount) {
            measuring = true;
            latencies = [];
            measureStart = now;
            startMb = rssOf(pid) ?? 0;
            cpuAtStart = cpuMsOf(pid) ?? 0;
            ownCpuAtStart = process.cpuUsage();
            samples.push({ at: 0, mb: startMb });
            sampler = setInterval(() => {
              const mb = rssOf(pid);
              if (mb !== undefined) samples.push({ at: performance.now() - measureStart, mb });
            }, options.sampleSeconds * 1000);
          }
          const lag = elapsed - (scheduled * 1000) / options.rate;
          if (lag > generatorLagMs) generatorLagMs = lag;
          sendOne(takeFree(now), now);
          scheduled++;
        }
        if (scheduled >= totalCount) return resolveLoad();
        const nextDue = loadStart + (scheduled * 1000) / options.rate;
        setTimeout(tick, Math.max(0, nextDue - performance.now()));
      };
      tick();
    });

    // Drain: every response in (each is bounded by the timeout), then a moment for stray replies.
    const drainUntil = performance.now() + options.timeoutMs + 5000;
    while (inFlight > 0 && performance.now() < drainUntil && !errors.botExited) await sleep(20);
    const endMb = rssOf(pid) ?? 0;
    const measuredMs = performance.now() - measureStart;
    const cpuMs = (cpuMsOf(pid) ?? cpuAtStart) - cpuAtStart;
    const ownCpu = process.cpuUsage(ownCpuAtStart);
    if (sampler) clearInterval(sampler);
    samples.push({ at: performance.now() - measureStart, mb: endMb });
    const settleUntil = performance.now() + 2000;
    while ([...pending.values()].some((p) => p.state === 'ok' && !p.replied) && performance.now() < settleUntil) await sleep(50);
    for (const entry of pending.values()) if (entry.state === 'ok' && !entry.replied) errors.missing++;
    if (inFlight > 0) errors.connectionCodes['no response by the end'] = inFlight;
    errors.connection += inFlight; // responses that never came, not even within the drain
    errors.total = errors.status + errors.connection + errors.timeouts + errors.missing + errors.apology + errors.unexpected + (errors.botExited ? 1 : 0);

    stopping = true;
    const [mostFrequent] = Object.entries(botLog.events)
      .filter(([event]) => event !== 'auth.anonymous')
      .sort((x, y) => y[1] - x[1]);
    if (mostFrequent) botLog.first = firstByEvent.get(mostFrequent[0]);
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
    const peakMb = Math.max(startMb, endMb, ...samples.map((s) => s.mb));
    const limitMb = startMb * FLAT_FACTOR + FLAT_SLACK_MB;
    // The trend: about a dozen evenly spaced samples over the measured part.
    const trendEverySeconds = Math.max(options.sampleSeconds, Math.ceil(options.seconds / 12 / options.sampleSeconds) * options.sampleSeconds);
    const trend: number[] = [];
    for (const sample of samples) if (trend.length === 0 || sample.at >= trend.length * trendEverySeconds * 1000) trend.push(sample.mb);
    if (trend[trend.length - 1] !== endMb) trend.push(endMb);
    const flat = startMb > 0 && endMb > 0 && endMb <= limitMb;
    return {
      options,
      sent,
      sentInWarmup,
      replies,
      errors,
      latency: { count: latencies.length, p50: at(0.5), p99: at(0.99), max: latencies[latencies.length - 1] ?? 0 },
      generatorLagMs,
      botCpu: { msPerMessage: cpuMs / Math.max(1, sent - sentInWarmup), percentOfCore: (100 * cpuMs) / Math.max(1, measuredMs) },
      generatorCpuMsPerMessage: (ownCpu.user + ownCpu.system) / 1000 / Math.max(1, sent - sentInWarmup),
      conversationsTotal,
      conversationsExtra,
      minConversationGapMs: Number.isFinite(minConversationGapMs) ? minConversationGapMs : undefined,
      rss: { idleMb, startMb, endMb, peakMb, limitMb, flat, trend, trendEverySeconds, samples: samples.length },
      botLog,
      wallSeconds: (performance.now() - wallStart) / 1000,
      ok: errors.total === 0 && flat && endMb <= TARGET_END_MB,
    };
  } finally {
    agent.destroy();
    if (bot) await stopBot(bot);
    connector.closeAllConnections();
    await new Promise<void>((resolveClose) => connector.close(() => resolveClose()));
    rmSync(storage, { recursive: true, force: true });
  }
}

export function formatSoak(r: SoakResult): string {
  const o = r.options;
  const mb = (value: number) => `${value.toFixed(1)} MB`;
  const e = r.errors;
  const statuses = Object.entries(e.statuses)
    .map(([status, count]) => `${count}× ${status}`)
    .join(', ');
  const codes = Object.entries(e.connectionCodes)
    .map(([code, count]) => `${count}× ${code}`)
    .join(', ');
  const events = Object.entries(r.botLog.events)
    .sort((a, b) => b[1] - a[1])
    .map(([event, count]) => `${count}× ${event}`)
    .join(', ');
  const behind = e.timeouts > 0 || r.latency.p99 > 1000;
  return [
    `soak: ${o.rate} messages/s open loop for ${o.seconds} s after a ${o.warmupSeconds} s warm-up — the bot in its own process (dist/main.js as npm start runs it, ANSWER_CACHE_SIZE default), replies to a loopback connector (${(r.wallSeconds).toFixed(0)} s in all)`,
    `  messages sent     ${r.sent} (${r.sentInWarmup} in the warm-up; generator at most ${r.generatorLagMs.toFixed(0)} ms behind schedule)`,
    `  conversations     ${r.conversationsTotal} in all, ${o.conversations} open at a time, ${o.turnsPerConversation > 0 ? `a new one after ${o.turnsPerConversation} messages` : 'the same ones throughout'}; ${r.conversationsExtra} opened because none was free; ${r.minConversationGapMs === undefined ? 'no conversation got two messages' : `a conversation's messages at least ${(r.minConversationGapMs / 1000).toFixed(2)} s apart`}`,
    `  replies received  ${r.replies}`,
    `  errors            ${e.total} (non-200 ${e.status}${statuses ? ` [${statuses}]` : ''}, connection ${e.connection}${codes ? ` [${codes}]` : ''}, timeouts > ${o.timeoutMs} ms ${e.timeouts}, replies missing at the end ${e.missing}, apology cards ${e.apology}, unexpected replies ${e.unexpected}${e.botExited ? `; ${e.botExited}` : ''}) — must be 0: ${e.total === 0 ? 'yes' : 'NO'}`,
    `  latency (HTTP)    p50 ${r.latency.p50.toFixed(1)} ms, p99 ${r.latency.p99.toFixed(1)} ms, max ${r.latency.max.toFixed(1)} ms (${r.latency.count} responses after the warm-up)`,
    `  bot CPU           ${r.botCpu.msPerMessage.toFixed(2)} ms per message, ${r.botCpu.percentOfCore.toFixed(0)} % of one core over the measured part (the load generator and connector: ${r.generatorCpuMsPerMessage.toFixed(2)} ms per message)`,
    `  bot RSS           start (after the warm-up) ${mb(r.rss.startMb)}, end ${mb(r.rss.endMb)}, peak ${mb(r.rss.peakMb)} (idle before the load ${mb(r.rss.idleMb)}; ${r.rss.samples} samples every ${o.sampleSeconds} s)`,
    `  RSS trend         ${r.rss.trend.map((value) => value.toFixed(0)).join(' → ')} MB (every ${r.rss.trendEverySeconds} s)`,
    `  memory            ${r.rss.flat ? 'memory flat' : 'memory NOT flat'}: end ${mb(r.rss.endMb)} ${r.rss.flat ? '≤' : '>'} start × ${FLAT_FACTOR} + ${FLAT_SLACK_MB} MB = ${mb(r.rss.limitMb)}; ${r.rss.endMb <= TARGET_END_MB ? 'within' : 'OVER'} the target of ${TARGET_END_MB} MB at the end`,
    `  bot log           ${r.botLog.errors} errors, ${r.botLog.warnings} warnings at LOG_LEVEL=warn${events ? ` (${events})` : ''}${r.botLog.first ? `; the first of the most frequent: ${r.botLog.first}` : ''}`,
    ...(behind ? [`  note              the bot did not keep up with ${o.rate} messages/s (timeouts, or p99 over 1 s): requests queued in it, so RSS measured a backlog as well as any leak`] : []),
    `  verdict           ${r.ok ? 'ok' : 'FAILED'}`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const result = await benchSoak();
  console.log(formatSoak(result));
  process.exitCode = result.ok ? 0 : 1;
}
