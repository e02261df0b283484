// A state file that exists but is not a document (a disk fault, a hand edit, an empty file) is never
// taken for an absent one: it is moved aside with its bytes, reported to the operator, and read once
// as an error, so a subscription does not silently vanish and a ledger entry does not become "unsent".
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Subscriptions } from '../../src/notifications/subscriptions.js';
import { CorruptDocumentError, FileDocumentStore, fileNameOf, PreconditionFailedError } from '../../src/platform/file-store.js';
import { startHarness } from '../bot/harness.js';
import { conversation, message } from '../bot/teams.js';
import { useTemporaryDirs } from '../support/temporary-dirs.js';

const temporaryDir = useTemporaryDirs('corrupt-documents');

/** A store on a fresh folder that records what it reports, and a way to spoil a key's file. */
function storeWithReports(dir = temporaryDir()) {
  const reports: { key: string; movedTo: string }[] = [];
  const store = new FileDocumentStore(dir, { onCorrupt: (key, movedTo) => reports.push({ key, movedTo }) });
  const spoil = (key: string, text: string) => writeFileSync(join(dir, fileNameOf(key)), text);
  return { dir, store, reports, spoil };
}

const UNREADABLE: [string, string][] = [
  ['an empty file', ''],
  ['a torn write', '{"value":{"sent":tru'],
  ['JSON without an eTag', '{"value":{"sent":true}}'],
  ['JSON null', 'null'],
  ['a bare string', '"sent"'],
  ['binary garbage', '\u0000\u0001\uFFFD'],
];

describe('an unreadable state file', () => {
  it.each(UNREADABLE)('%s: the read fails once, the operator is told where its bytes went, then the key reads as absent', async (_, text) => {
    const { dir, store, reports, spoil } = storeWithReports();
    const key = 'ledger/invoice-2026-03/a:1';
    spoil(key, text);
    const error = await store.get(key).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CorruptDocumentError);
    const { movedTo } = error as CorruptDocumentError;
    expect((error as CorruptDocumentError).key).toBe(key);
    expect(reports).toEqual([{ key, movedTo }]);
    expect(dirname(movedTo!)).toBe(dir);
    expect(readFileSync(movedTo!, 'utf8')).toBe(text);
    expect(existsSync(join(dir, fileNameOf(key)))).toBe(false);
    expect(await store.get(key)).toBeUndefined();
    expect(await store.list('')).toEqual([]);
    expect(reports).toHaveLength(1);
  });

  it('is not listed once moved aside, while the readable documents beside it are', async () => {
    const { store, spoil } = storeWithReports();
    await store.put('subscriptions/a:1/skane', { active: true });
    spoil('subscriptions/a:2/dalarna', '{"value":');
    expect(await store.list('subscriptions/')).toEqual(['subscriptions/a:1/skane', 'subscriptions/a:2/dalarna']);
    await expect(store.get('subscriptions/a:2/dalarna')).rejects.toBeInstanceOf(CorruptDocumentError);
    expect(await store.list('subscriptions/')).toEqual(['subscriptions/a:1/skane']);
  });

  it('a create-only write over it moves it aside, reports it and succeeds', async () => {
    const { dir, store, reports, spoil } = storeWithReports();
    spoil('ledger/r1/a:1', '');
    const eTag = await store.put('ledger/r1/a:1', { state: 'claimed' }, { ifNoneMatch: '*' });
    expect(await new FileDocumentStore(dir).get('ledger/r1/a:1')).toEqual({ value: { state: 'claimed' }, eTag });
    expect(reports.map((report) => report.key)).toEqual(['ledger/r1/a:1']);
    expect(readFileSync(reports[0]!.movedTo, 'utf8')).toBe('');
  });

  it('an update over it moves it aside, reports it and is refused', async () => {
    const { dir, store, reports, spoil } = storeWithReports();
    spoil('ledger/r1/a:1', '{"value":{"state":"sent"},"eTag":');
    await expect(store.put('ledger/r1/a:1', { state: 'sent' }, { ifMatch: 'an-etag-read-before' })).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(reports.map((report) => report.key)).toEqual(['ledger/r1/a:1']);
    expect(readdirSync(dir)).toEqual([expect.stringMatching(/\.json\.corrupt-/)]);
  });

  it('an unconditional write over it keeps the unreadable bytes aside', async () => {
    const { store, reports, spoil } = storeWithReports();
    spoil('botstate/k', 'garbage');
    await store.put('botstate/k', { fresh: true });
    expect(reports).toHaveLength(1);
    expect(readFileSync(reports[0]!.movedTo, 'utf8')).toBe('garbage');
  });

  it('of a long key (a hashed file name) is read once as an error, like any other', async () => {
    const dir = temporaryDir();
    const key = `botstate/msteams/conversations/${'x'.repeat(1000)}`;
    await new FileDocumentStore(dir).put(key, { turn: 1 });
    writeFileSync(join(dir, fileNameOf(key)), '{"key":');
    const { store, reports } = storeWithReports(dir); // a fresh process: nothing cached
    await expect(store.get(key)).rejects.toBeInstanceOf(CorruptDocumentError);
    expect(reports.map((report) => report.key)).toEqual([key]);
    expect(await store.get(key)).toBeUndefined();
    expect(await store.list('botstate/')).toEqual([]);
  });

  it('of a long key found by a listing (its key unreadable too) is moved aside and reported by file name', async () => {
    const { dir, store, reports } = storeWithReports();
    const key = `subscriptions/${'y'.repeat(1000)}/skane`;
    await store.put(key, { active: true });
    await store.put('subscriptions/a:1/skane', { active: true });
    writeFileSync(join(dir, fileNameOf(key)), '');
    expect(await store.list('subscriptions/')).toEqual(['subscriptions/a:1/skane']);
    expect(reports).toEqual([{ key: fileNameOf(key), movedTo: expect.stringContaining(join(dir, `${fileNameOf(key)}.corrupt-`)) }]);
    expect(readFileSync(reports[0]!.movedTo, 'utf8')).toBe('');
  });
});

describe('subscriptions with an unreadable record', () => {
  const now = new Date('2026-11-22T08:00:00Z');
  /** Written by one run of the bot, spoiled on disk, then read by the next run (nothing cached). */
  async function afterRestart(write: (subscriptions: Subscriptions) => Promise<void>, spoiled: Record<string, string>) {
    const dir = temporaryDir();
    await write(new Subscriptions(new FileDocumentStore(dir)));
    const { store, spoil, reports } = storeWithReports(dir);
    for (const [key, text] of Object.entries(spoiled)) spoil(key, text);
    const unreadable: { key: string; error: unknown }[] = [];
    return { subscriptions: new Subscriptions(store, (key, error) => unreadable.push({ key, error })), unreadable, reports };
  }

  it('a corrupt subscription is reported and left out; the other reminders still go out', async () => {
    const { subscriptions, unreadable } = await afterRestart(
      async (before) => {
        await before.subscribe('a:1', 'skane', now);
        await before.subscribe('a:2', 'dalarna', now);
      },
      { 'subscriptions/a:2/dalarna': '' },
    );
    expect((await subscriptions.active()).map((s) => s.conversationId)).toEqual(['a:1']);
    expect(unreadable).toEqual([{ key: 'subscriptions/a:2/dalarna', error: expect.any(CorruptDocumentError) }]);
  });

  it("an unreadable conversation record is an error, not 'no longer known'; once moved aside it is unknown", async () => {
    const { subscriptions, reports } = await afterRestart(
      (before) => before.saveConversation({ conversationId: 'a:1', reference: { conversation: { id: 'a:1' } }, savedAt: now.toISOString() }),
      { 'conversations/a:1': '{"value":{"conversationId":"a:1"' },
    );
    await expect(subscriptions.conversation('a:1')).rejects.toBeInstanceOf(CorruptDocumentError);
    expect(reports.map((report) => report.key)).toEqual(['conversations/a:1']);
    expect(await subscriptions.conversation('a:1')).toBeUndefined();
  });

  it('a conversation Teams says is gone is deactivated in every readable subscription, the unreadable one reported', async () => {
    const { subscriptions, unreadable } = await afterRestart(
      async (before) => {
        for (const region of ['blekinge', 'dalarna', 'skane']) await before.subscribe('a:1', region, now);
      },
      { 'subscriptions/a:1/dalarna': 'garbage' },
    );
    await subscriptions.deactivate('a:1', 'Teams answered 403');
    expect(unreadable.map((entry) => entry.key)).toEqual(['subscriptions/a:1/dalarna']);
    const after = (await subscriptions.forConversation('a:1')).sort((a, b) => a.region.localeCompare(b.region));
    expect(after).toEqual([
      expect.objectContaining({ region: 'blekinge', active: false, deactivatedReason: 'Teams answered 403' }),
      expect.objectContaining({ region: 'skane', active: false, deactivatedReason: 'Teams answered 403' }),
    ]);
  });
});

describe('the running bot', () => {
  it('logs an unreadable state file at error, with where it was moved', { timeout: 30_000 }, async () => {
    const storageDir = temporaryDir();
    const bot = await startHarness({ SCHEDULER: 'off' }, storageDir);
    try {
      const c = conversation(bot.connector.url);
      writeFileSync(join(storageDir, fileNameOf(`subscriptions/${c.id}/skane`)), '{"value":{"active":tru');
      expect((await bot.post(message(c, 'mina prenumerationer'))).status).toBe(200);
      await bot.connector.waitFor(c.id, 1);
      const logged = bot.logs.filter((line) => line.event === 'storage.corrupt');
      expect(logged).toEqual([expect.objectContaining({ level: 50, key: `subscriptions/${c.id}/skane`, movedTo: expect.stringContaining(storageDir) })]);
      expect(readFileSync(logged[0]!.movedTo, 'utf8')).toBe('{"value":{"active":tru');
    } finally {
      await bot.close();
    }
  });
});
