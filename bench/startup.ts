// Start-up: from spawning `node --enable-source-maps dist/main.js` to the first /health 200 (the knowledge
// loaded and verified), and the bot's RSS right after, median of a few starts. Targets (issue 14):
// start-up ≤ 1.5 s, RSS after start ≤ 150 MB.
//
//   npx tsx bench/startup.ts            (or `npm run bench -- startup`)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIfStale, rssOf, startBot, stopBot } from './bot-process.js';

export interface StartupResult {
  starts: number;
  startupMs: { median: number; max: number };
  /** RSS 1 s after /health 200 (what an idle bot holds), MB. */
  rssMb: { median: number; max: number };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchStartup(starts = 5): Promise<StartupResult> {
  buildIfStale();
  const storage = mkdtempSync(join(tmpdir(), 'stimulansboten-startup-'));
  const times: number[] = [];
  const rss: number[] = [];
  try {
    for (let i = 0; i < starts; i++) {
      const bot = await startBot({ env: { STORAGE_DIR: join(storage, String(i)), SCHEDULER: 'off' } });
      try {
        times.push(bot.startupMs);
        await new Promise((resolveSleep) => setTimeout(resolveSleep, 1000));
        rss.push(rssOf(bot.pid) ?? 0);
      } finally {
        await stopBot(bot.child);
      }
    }
  } finally {
    rmSync(storage, { recursive: true, force: true });
  }
  return { starts, startupMs: { median: median(times), max: Math.max(...times) }, rssMb: { median: median(rss), max: Math.max(...rss) } };
}

export function formatStartup(r: StartupResult): string {
  return [
    `start-up: npm start's command (node <flags> dist/main.js) to /health 200 — median ${r.startupMs.median.toFixed(0)} ms, max ${r.startupMs.max.toFixed(0)} ms over ${r.starts} starts (target ≤ 1500 ms)`,
    `RSS after start: median ${r.rssMb.median.toFixed(0)} MB, max ${r.rssMb.max.toFixed(0)} MB, 1 s after /health 200 (target ≤ 150 MB)`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(formatStartup(await benchStartup()));
}
