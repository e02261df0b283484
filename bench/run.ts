// npm run bench — speed measured here, never in tests (machines are shared and noisy).
// `npm run bench -- startup`, `-- brain`, `-- http`, `-- fanout` or `-- soak` runs one part; with none,
// all of them, the soak last (about 11 minutes at its defaults). The bot runs compiled, as `npm start`
// runs it (dist/ is built first when stale).
// The soak (bench/soak.ts) reads SOAK_SECONDS (600), SOAK_RATE (200 messages/s), SOAK_WARMUP_SECONDS (20),
// SOAK_CONVERSATIONS (max(200, 1.5 × rate)), SOAK_TURNS (10), SOAK_SAMPLE_SECONDS (2), SOAK_TIMEOUT_MS
// (10000), SOAK_BOT_NODE_ARGS and SOAK_MEMORY_PROBE; it fails the run (exit code 1) on any error or when memory is not flat
// (end RSS > start RSS × 1.25 + 20 MB) or over 200 MB at the end.
import { benchBrain } from './brain.js';
import { benchFanout } from './fanout.js';
import { benchHttp, type LoadResult } from './http.js';
import { benchSoak, formatSoak } from './soak.js';
import { benchStartup, formatStartup } from './startup.js';

const only = process.argv[2];

if (!only || only === 'startup') console.log(formatStartup(await benchStartup()));

if (!only || only === 'brain') {
  const brain = benchBrain();
  console.log(`brain: ${brain.questions} questions × 30 rounds after warm-up — p50 ${brain.p50.toFixed(0)} µs, p99 ${brain.p99.toFixed(0)} µs, max ${brain.max.toFixed(0)} µs (target p99 < 200 µs)`);
}

if (!only || only === 'http') {
  const { bot, uncached, baseline, rssAfterLoadMb } = await benchHttp();
  const line = (r: LoadResult) =>
    `${r.name.padEnd(9)} ${r.replies} replies in ${r.seconds.toFixed(1)} s — ${r.perSecond.toFixed(0)} replies/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.cpuMsPerReply.toFixed(2)} ms CPU per reply, ${r.errors} errors`;
  console.log(
    `http, "Hur mycket får Mora?" at 50 concurrent conversations (baseline = bare botbuilder+restify with a fixed 3 KB card):\n` +
      `  ${line(baseline)}\n  ${line(bot)}   (answer cache on, as configured)\n  ${line(uncached)}   (ANSWER_CACHE_SIZE=0)\n` +
      `  ratio bot/baseline: ${(bot.perSecond / baseline.perSecond).toFixed(2)} (target ≥ 0.95); without the cache: ${(uncached.perSecond / baseline.perSecond).toFixed(2)}\n` +
      `  RSS after the load: ${rssAfterLoadMb.bot.toFixed(0)} MB (cache on), ${rssAfterLoadMb.uncached.toFixed(0)} MB (cache off)`,
  );
}

if (!only || only === 'fanout') {
  const { raised, limited } = await benchFanout();
  console.log(
    `fan-out: ${raised.conversations} subscribed conversations, pacing raised — ${raised.sent} reminders sent (${raised.delivered} reached the connector) in ${raised.seconds.toFixed(1)} s: ${raised.perSecond.toFixed(0)} reminders/s, ${raised.cpuMsPerReminder.toFixed(2)} ms bot CPU per reminder\n` +
      `fan-out: ${limited.conversations} conversations at Teams' 50/s limit — ${limited.sent} sent in ${limited.seconds.toFixed(1)} s (the limit allows 20 s; must finish within 21 s: ${limited.seconds <= 21 ? 'yes' : 'NO'})`,
  );
}

if (!only || only === 'soak') {
  const soak = await benchSoak();
  console.log(formatSoak(soak));
  if (!soak.ok) process.exitCode = 1;
}
