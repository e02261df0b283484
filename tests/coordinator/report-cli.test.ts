// npm run report -- --since 2026-01-01: the report read from the store the bot writes (STORAGE_DIR).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Coordinator } from '../../src/coordinator/coordinator.js';
import { FileDocumentStore } from '../../src/platform/file-store.js';
import { useTemporaryDirs } from '../support/temporary-dirs.js';
import { ASKER_CHAT, MovingClock, RecordingTeams, TENANT, classify } from './helpers.js';

const temporaryDir = useTemporaryDirs('coordinator-report-cli');
const run = async (env: Record<string, string>, ...args: string[]) =>
  (await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/report.ts', ...args], { encoding: 'utf8', env: { ...process.env, STORAGE: 'file', ...env } })).stdout;

async function storeWithHistory(): Promise<string> {
  const dir = temporaryDir();
  const clock = new MovingClock(new Date('2026-02-10T09:00:00Z'));
  const coordinator = new Coordinator({ store: new FileDocumentStore(dir), sender: new RecordingTeams(), now: clock.now, instanceId: 'bot', retentionDays: 90, classify });
  for (const [requestId, question, place] of [['m1', 'Hur mycket får Uppsala?', 'Uppsala'], ['m2', 'Hur mycket får Uppsala 2024?', 'Uppsala'], ['m3', 'Hur mycket får Gävle?', 'Gävle']] as const) {
    await coordinator.unanswered.record({ tenantId: TENANT, conversationId: ASKER_CHAT, requestId, question, replyKind: 'unknown', subject: { topic: 'amount', place }, lang: 'sv' });
    clock.advance(60_000);
  }
  return dir;
}

describe('npm run report', { timeout: 30_000 }, () => {
  it('prints the unanswered questions grouped with counts, in Swedish', async () => {
    const out = await run({ STORAGE_DIR: await storeWithHistory() }, '--since', '2026-01-01');
    expect(out).toContain('Vad dokumenten saknar, sedan 1 januari 2026');
    expect(out).toContain('Obesvarade frågor: 3');
    expect(out).toContain('  2 × amount · Uppsala · ingen fond\n      – Hur mycket får Uppsala?\n      – Hur mycket får Uppsala 2024?');
    expect(out).toContain('  1 × amount · Gävle · ingen fond');
  });

  it('prints the report as JSON with --json, counting only what is since the date', async () => {
    const dir = await storeWithHistory();
    expect(JSON.parse(await run({ STORAGE_DIR: dir }, '--since', '2026-01-01', '--json')).unanswered.total).toBe(3);
    expect(JSON.parse(await run({ STORAGE_DIR: dir }, '--since', '2026-03-01', '--json')).unanswered.total).toBe(0);
  });

  it('explains its usage without a date', async () => {
    await expect(run({ STORAGE_DIR: temporaryDir() })).rejects.toThrow(/Usage: npm run report -- --since YYYY-MM-DD/);
    await expect(run({ STORAGE_DIR: temporaryDir() }, '--since', '1 januari')).rejects.toThrow(/Usage/);
  });
});
