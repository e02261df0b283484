// How the embedded store names its files: any key fits a file name (a Teams conversation id of 1 000
// characters used to fail with ENAMETOOLONG and lose the conversation's context), no two keys share a
// file, the files already on disk keep being read, and temporary files of crashed writers are removed.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileDocumentStore, fileNameOf, MemoryDocumentStore, type DocumentStore } from '../../src/platform/file-store.js';
import { useTemporaryDirs } from '../support/temporary-dirs.js';

const temporaryDir = useTemporaryDirs('file-names');

const long = 'a:1' + 'x'.repeat(997);
/** Conversation ids as keys in every layout the bot uses, including ids that are prefixes of each other. */
const IDS = [long, `${long}y`, `${long}/y`, 'a:1', 'a:1/b', 'a:1/b/c', '100%', '%2F', '..', '../..', 'Åsa 😀 ö', 'ö'.repeat(400), '19:abc@thread.tacv2;messageid=123'];
const KEYS = IDS.flatMap((id) => [`botstate/msteams/conversations/${id}`, `conversations/${id}`, `subscriptions/${id}/skane`, `ledger/reminder-1/${id}`, `welcome/${id}`]);

describe.each<[string, () => DocumentStore]>([
  ['MemoryDocumentStore', () => new MemoryDocumentStore()],
  ['FileDocumentStore', () => new FileDocumentStore(temporaryDir())],
])('%s with long and odd conversation ids', (_, open) => {
  it('stores, reads, lists and deletes every key, each its own document', async () => {
    const store = open();
    for (const [i, key] of KEYS.entries()) await store.put(key, { i });
    for (const [i, key] of KEYS.entries()) expect((await store.get(key))?.value, key).toEqual({ i });
    expect(await store.list('')).toEqual([...KEYS].sort());
    for (const id of IDS) {
      const prefix = `botstate/msteams/conversations/${id}`;
      expect(await store.list(prefix), id).toEqual(KEYS.filter((key) => key.startsWith(prefix)).sort());
    }
    for (const key of KEYS) await store.delete(key);
    expect(await store.list('')).toEqual([]);
  });
});

describe('FileDocumentStore file names', () => {
  it('stay within 255 bytes for any key, and a long key is found again after a restart', async () => {
    const dir = temporaryDir();
    await Promise.all(KEYS.map((key, i) => new FileDocumentStore(dir).put(key, { i })));
    for (const name of readdirSync(dir)) expect(Buffer.byteLength(name), name).toBeLessThanOrEqual(255);
    const restarted = new FileDocumentStore(dir);
    expect(await restarted.list('')).toEqual([...KEYS].sort());
    expect((await restarted.get(`botstate/msteams/conversations/${long}`))?.value).toEqual({ i: 0 });
  });

  it('documents written before long keys were hashed (no key inside, encoded name) are still read and listed', async () => {
    const dir = temporaryDir();
    // The longest name such a write could create: 255 bytes with room for '.<1-digit pid>.<uuid>.tmp'.
    const longest = `botstate/${'z'.repeat(212 - '.json'.length - 'botstate%2F'.length)}`;
    const keys = ['subscriptions/19:abc@thread.tacv2/Västra Götaland', longest];
    for (const key of keys) writeFileSync(join(dir, `${encodeURIComponent(key)}.json`), JSON.stringify({ value: { key }, eTag: 'old' }));
    const store = new FileDocumentStore(dir);
    for (const key of keys) expect(await store.get(key)).toEqual({ value: { key }, eTag: 'old' });
    expect(await store.list('')).toEqual([...keys].sort());
    expect(fileNameOf(longest)).toBe(`${encodeURIComponent(longest)}.json`);
    expect(fileNameOf(`${longest}z`)).toMatch(/^@[0-9a-f]{64}\.json$/);
  });

  it('a stray file that only looks like a hashed or encoded name is not listed', async () => {
    const dir = temporaryDir();
    const store = new FileDocumentStore(dir);
    await store.put(`k/${long}`, 1);
    writeFileSync(join(dir, `@${'0'.repeat(64)}.json`), JSON.stringify({ key: `k/${long}`, value: 2, eTag: 'copied' }));
    writeFileSync(join(dir, 'k%2fa.json'), JSON.stringify({ value: 3, eTag: 'lower-case' }));
    expect(await store.list('k/')).toEqual([`k/${long}`]);
  });
});

describe('FileDocumentStore start', () => {
  /** A pid that is certainly not running: a child that has exited. */
  const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;
  const temporary = (dir: string, pid: number, form: 'uuid' | 'short') =>
    join(dir, `${encodeURIComponent('ledger/r1/a:1')}.json.${pid}.${form === 'uuid' ? '0c4ee2a4-7c3e-4f46-9d0d-1b3e2f0a9c11' : '9f2c01ab'}.tmp`);

  it('removes temporary files of writers that died and keeps those of live ones', () => {
    const dir = temporaryDir();
    const dead = deadPid();
    const files = {
      deadOld: temporary(dir, dead, 'uuid'),
      deadNew: temporary(dir, dead, 'short'),
      // A predecessor with this process's pid (in a container the bot is often pid 1 at every start).
      samePid: temporary(dir, process.pid, 'short'),
      live: temporary(dir, process.ppid, 'short'),
      corrupt: join(dir, 'x.json.corrupt-2026-11-22T08-00-00-000Z'),
      document: join(dir, `${encodeURIComponent('ledger/r1/a:1')}.json`),
    };
    for (const path of Object.values(files)) writeFileSync(path, '{}');
    new FileDocumentStore(dir);
    expect(readdirSync(dir).sort()).toEqual([files.corrupt, files.document, files.live].map((path) => path.slice(dir.length + 1)).sort());
  });

  it('a second store opened on the folder while the first writes does not remove its writes in flight', async () => {
    const dir = temporaryDir();
    const store = new FileDocumentStore(dir);
    const writes = Promise.all(Array.from({ length: 200 }, (_, i) => store.put(`botstate/k${i % 20}`, i)));
    let settled = false;
    void writes.finally(() => (settled = true)).catch(() => undefined);
    while (!settled) {
      new FileDocumentStore(dir);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await expect(writes).resolves.toHaveLength(200);
  });
});
