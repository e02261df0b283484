// One contract for every state store (in memory, files, Azure Blob Storage on the Azurite emulator),
// then what only one kind of store has to show: several bot instances on one container, storage that
// is unavailable for a while, crashes in the middle of a file write, several instances on one folder.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BlobServiceClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobDocumentStore, blobNameOf } from '../../src/platform/blob-store.js';
import { CorruptDocumentError, FileDocumentStore, MemoryDocumentStore, PreconditionFailedError, type DocumentStore } from '../../src/platform/file-store.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { useTemporaryDirs } from '../support/temporary-dirs.js';

const temporaryDir = useTemporaryDirs('document-store');

/** Keys as the bot writes them: Teams conversation ids, regions with Swedish letters, odd characters. */
const ODD_KEYS = [
  'subscriptions/a:1XyZ-_AbC09/vastra-gotaland',
  'subscriptions/19:abc@thread.tacv2;messageid=123/Västra Götaland',
  'subscriptions/29:1a-B_c@unq.gbl.spaces/Skåne',
  'ledger/påminnelse#1/a:1Xy',
  'botstate/msteams/conversations/19:meeting_ODd@thread.v2',
  'botstate/x/./y/../z',
  'botstate/a//b',
  'botstate/trailing/',
  'botstate/dot.',
  'botstate/percent%41%2F%',
  'botstate/tilde~7E~',
  'botstate/space and+plus?&=\\back',
  'botstate/ÅÄÖ åäö é ü 😀',
];

const RICH_VALUE = {
  region: 'Västra Götalandsregionen',
  text: 'Åtgärder för psykisk hälsa och suicidprevention — "citat", \\ backslash\nny rad\ttab',
  amount: 12_345_678.5,
  nested: { list: [1, 'två', { tre: null, fyra: [true, false] }], empty: {}, emptyList: [] },
  emoji: '😀',
};

/** The port's contract: every implementation must pass these. */
function documentStoreContract(open: () => Promise<DocumentStore>) {
  it('get of a missing key is undefined', async () => {
    const store = await open();
    expect(await store.get('subscriptions/none/none')).toBeUndefined();
  });

  it('put then get returns the value and the eTag put returned', async () => {
    const store = await open();
    const eTag = await store.put('subscriptions/c1/skane', { on: true });
    expect(typeof eTag).toBe('string');
    expect(eTag.length).toBeGreaterThan(0);
    expect(await store.get('subscriptions/c1/skane')).toEqual({ value: { on: true }, eTag });
  });

  it('an update with the eTag read succeeds and returns a new eTag', async () => {
    const store = await open();
    await store.put('ledger/r1/c1', { count: 1 });
    const read = (await store.get<{ count: number }>('ledger/r1/c1'))!;
    const eTag = await store.put('ledger/r1/c1', { count: read.value.count + 1 }, { ifMatch: read.eTag });
    expect(eTag).not.toBe(read.eTag);
    expect(await store.get('ledger/r1/c1')).toEqual({ value: { count: 2 }, eTag });
  });

  it('an update with a stale eTag is refused and changes nothing', async () => {
    const store = await open();
    const stale = await store.put('ledger/r2/c1', 'first');
    const current = await store.put('ledger/r2/c1', 'second', { ifMatch: stale });
    await expect(store.put('ledger/r2/c1', 'third', { ifMatch: stale })).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(await store.get('ledger/r2/c1')).toEqual({ value: 'second', eTag: current });
  });

  it('an update of a document deleted meanwhile is refused', async () => {
    const store = await open();
    const eTag = await store.put('ledger/r3/c1', 1);
    await store.delete('ledger/r3/c1');
    await expect(store.put('ledger/r3/c1', 2, { ifMatch: eTag })).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(await store.get('ledger/r3/c1')).toBeUndefined();
  });

  it('a create-only write succeeds once, then is refused', async () => {
    const store = await open();
    const eTag = await store.put('ledger/r4/c1', { by: 'first' }, { ifNoneMatch: '*' });
    await expect(store.put('ledger/r4/c1', { by: 'second' }, { ifNoneMatch: '*' })).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(await store.get('ledger/r4/c1')).toEqual({ value: { by: 'first' }, eTag });
  });

  it('of 20 concurrent create-only writes of one key exactly one wins', async () => {
    const store = await open();
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => store.put('ledger/r5/c1', { by: i }, { ifNoneMatch: '*' })));
    const won = results.flatMap((result, i) => (result.status === 'fulfilled' ? [{ i, eTag: result.value }] : []));
    expect(won).toHaveLength(1);
    for (const result of results) if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(PreconditionFailedError);
    expect(await store.get('ledger/r5/c1')).toEqual({ value: { by: won[0]!.i }, eTag: won[0]!.eTag });
  });

  it('delete then get is undefined, and the key is no longer listed', async () => {
    const store = await open();
    await store.put('subscriptions/c2/skane', 1);
    await store.delete('subscriptions/c2/skane');
    expect(await store.get('subscriptions/c2/skane')).toBeUndefined();
    expect(await store.list('subscriptions/c2/')).toEqual([]);
  });

  it('delete of a missing key is fine', async () => {
    const store = await open();
    await expect(store.delete('subscriptions/none/none')).resolves.toBeUndefined();
  });

  it('list returns exactly the keys with the prefix, sorted and decoded', async () => {
    const store = await open();
    const keys = [
      'subscriptions/19:b@thread.tacv2/skane',
      'subscriptions/a:1/norrbotten',
      'subscriptions/a:1/blekinge',
      'subscriptions/a:10/blekinge',
      'subscriptionsX/a:1/blekinge',
      'subscription/a:1/blekinge',
      'ledger/r1/a:1',
    ];
    for (const key of keys) await store.put(key, key);
    expect(await store.list('subscriptions/')).toEqual([
      'subscriptions/19:b@thread.tacv2/skane',
      'subscriptions/a:1/blekinge',
      'subscriptions/a:1/norrbotten',
      'subscriptions/a:10/blekinge',
    ]);
    expect(await store.list('subscriptions/a:1/')).toEqual(['subscriptions/a:1/blekinge', 'subscriptions/a:1/norrbotten']);
    expect(await store.list('subscriptions/a:1')).toEqual(['subscriptions/a:1/blekinge', 'subscriptions/a:1/norrbotten', 'subscriptions/a:10/blekinge']);
    expect(await store.list('subscriptions/19:b@')).toEqual(['subscriptions/19:b@thread.tacv2/skane']);
    expect(await store.list('nothing/')).toEqual([]);
    expect(await store.list('')).toEqual([...keys].sort());
  });

  it("keys with ':' '@' ';' '#' '/' '%' and Swedish letters round-trip through put, get and list", async () => {
    const store = await open();
    for (const [i, key] of ODD_KEYS.entries()) await store.put(key, { i, key });
    for (const [i, key] of ODD_KEYS.entries()) expect((await store.get(key))?.value).toEqual({ i, key });
    expect(await store.list('')).toEqual([...ODD_KEYS].sort());
    expect(await store.list('subscriptions/19:abc@thread.tacv2;messageid=123/')).toEqual(['subscriptions/19:abc@thread.tacv2;messageid=123/Västra Götaland']);
    expect(await store.list('botstate/ÅÄÖ')).toEqual(['botstate/ÅÄÖ åäö é ü 😀']);
    // Dots are not path steps: 'x/./y/../z' is its own key, not 'x/z' or 'z'.
    expect(await store.get('botstate/x/z')).toBeUndefined();
    expect(await store.get('botstate/z')).toBeUndefined();
  });

  it('values with nested objects and Swedish text round-trip', async () => {
    const store = await open();
    await store.put('botstate/rich', RICH_VALUE);
    expect((await store.get('botstate/rich'))?.value).toEqual(RICH_VALUE);
    await store.put('botstate/list', ['en', 'två', { tre: 'å' }]);
    expect((await store.get('botstate/list'))?.value).toEqual(['en', 'två', { tre: 'å' }]);
    await store.put('botstate/text', 'Hälsningar från Stimulansboten');
    expect((await store.get('botstate/text'))?.value).toBe('Hälsningar från Stimulansboten');
  });
}

describe('MemoryDocumentStore', () => {
  documentStoreContract(async () => new MemoryDocumentStore());
});

describe('FileDocumentStore', () => {
  documentStoreContract(async () => new FileDocumentStore(temporaryDir()));

  it('a write that crashed half-way (a stray .tmp file) is ignored by get and list', async () => {
    const dir = temporaryDir();
    const eTag = await new FileDocumentStore(dir).put('ledger/r1/a:1', { sent: true });
    const stray = (key: string) => join(dir, `${encodeURIComponent(key)}.json.${process.pid}.${randomUUID()}.tmp`);
    writeFileSync(stray('ledger/r1/a:1'), '{"value":{"sent":fal');
    writeFileSync(stray('ledger/r1/b:2'), '{"value":');
    const store = new FileDocumentStore(dir); // a fresh process: nothing cached
    expect(await store.get('ledger/r1/a:1')).toEqual({ value: { sent: true }, eTag });
    expect(await store.get('ledger/r1/b:2')).toBeUndefined();
    expect(await store.list('ledger/')).toEqual(['ledger/r1/a:1']);
  });

  it('a stray file whose name is not an encoded key is not listed', async () => {
    const dir = temporaryDir();
    writeFileSync(join(dir, 'stray%zz.json'), '{}');
    expect(await new FileDocumentStore(dir).list('')).toEqual([]);
  });

  it('a read that races a delete does not keep the deleted document', async () => {
    const store = new FileDocumentStore(temporaryDir());
    for (let i = 0; i < 50; i++) {
      const key = `subscriptions/a:${i}/skane`;
      await new FileDocumentStore((store as unknown as { dir: string }).dir).put(key, { active: true });
      await Promise.all([store.get(key), store.delete(key)]);
      expect(await store.get(key)).toBeUndefined();
    }
  });

  it('two instances on one folder: a create-only write of the other instance is refused', async () => {
    const dir = temporaryDir();
    const first = new FileDocumentStore(dir);
    const second = new FileDocumentStore(dir);
    await first.put('ledger/r1/a:1', 'first', { ifNoneMatch: '*' });
    await expect(second.put('ledger/r1/a:1', 'second', { ifNoneMatch: '*' })).rejects.toBeInstanceOf(PreconditionFailedError);
    expect((await second.get('ledger/r1/a:1'))?.value).toBe('first');
  });

  it('two instances on one folder: an update with an eTag read from the other is accepted', async () => {
    const dir = temporaryDir();
    const first = new FileDocumentStore(dir);
    const second = new FileDocumentStore(dir);
    await first.put('botstate/k', 1);
    const read = (await second.get('botstate/k'))!;
    const eTag = await second.put('botstate/k', 2, { ifMatch: read.eTag });
    expect(await new FileDocumentStore(dir).get('botstate/k')).toEqual({ value: 2, eTag });
  });

  // Conditions are checked against the file, not the memory copy, so another instance's write is seen.
  it('two instances on one folder: an update with a stale eTag is refused', async () => {
    const dir = temporaryDir();
    const first = new FileDocumentStore(dir);
    const second = new FileDocumentStore(dir);
    const stale = await first.put('botstate/k', 'first');
    await second.put('botstate/k', 'second', { ifMatch: stale });
    await expect(first.put('botstate/k', 'third', { ifMatch: stale })).rejects.toBeInstanceOf(PreconditionFailedError);
  });
});

describe('BlobDocumentStore on Azurite', { timeout: 30_000 }, () => {
  let azurite: Azurite;
  let containers = 0;
  const containerName = () => `test-${++containers}-${randomUUID().slice(0, 8)}`;
  /** Bounded: a request that is never answered is given up after 2 s, so no test can hang. */
  const bounded = { retryOptions: { maxTries: 2, tryTimeoutInMs: 2_000, retryDelayInMs: 100, maxRetryDelayInMs: 200 }, operationTimeoutInMs: 2_000 };

  beforeAll(async () => {
    azurite = await startAzurite();
  }, 60_000);
  afterAll(async () => {
    await azurite?.stop();
  }, 30_000);

  documentStoreContract(() => BlobDocumentStore.connect(azurite.connectionString, containerName(), bounded));

  it('stores JSON as application/json under encoded names that decode back to the keys', async () => {
    const name = containerName();
    const store = await BlobDocumentStore.connect(azurite.connectionString, name, bounded);
    const key = 'subscriptions/19:abc@thread.tacv2;messageid=123/Västra Götaland';
    await store.put(key, { on: true });
    const container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(name);
    const names: string[] = [];
    for await (const item of container.listBlobsFlat()) names.push(item.name);
    expect(names).toEqual([blobNameOf(key)]);
    expect(names[0]).toBe('subscriptions/19~3Aabc~40thread~2Etacv2~3Bmessageid~3D123/V~C3~A4stra~20G~C3~B6taland.json');
    const properties = await container.getBlobClient(names[0]!).getProperties();
    expect(properties.contentType).toBe('application/json');
  });

  describe('a blob that is not JSON', () => {
    /** A store that records what it reports, on a fresh container, and a way to spoil a key's blob. */
    async function storeWithReports() {
      const name = containerName();
      const reports: { key: string; movedTo: string }[] = [];
      const store = await BlobDocumentStore.connect(azurite.connectionString, name, { ...bounded, onCorrupt: (key, movedTo) => reports.push({ key, movedTo }) });
      const container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(name);
      const spoil = (key: string, body: Buffer) => container.getBlockBlobClient(blobNameOf(key)).upload(body, body.length);
      const bytesOf = async (blobName: string) => container.getBlobClient(blobName).downloadToBuffer();
      const names = async () => {
        const found: string[] = [];
        for await (const item of container.listBlobsFlat()) found.push(item.name);
        return found;
      };
      return { store, reports, spoil, bytesOf, names };
    }

    it.each<[string, Buffer]>([
      ['an empty blob', Buffer.alloc(0)],
      ['a torn write', Buffer.from('{"state":"sent","sentAt":"2026-', 'utf8')],
      ['bytes that are not UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
    ])('%s: copied under corrupt/, removed, reported, read once as an error, then absent', async (_, body) => {
      const { store, reports, spoil, bytesOf, names } = await storeWithReports();
      const key = 'ledger/invoice-2026-03/19:abc@thread.tacv2';
      await spoil(key, body);
      const error = await store.get(key).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(CorruptDocumentError);
      const { movedTo } = error as CorruptDocumentError;
      expect(movedTo).toMatch(/^corrupt\/ledger\/invoice-2026-03\/19~3Aabc~40thread~2Etacv2-/);
      expect(reports).toEqual([{ key, movedTo }]);
      expect(await bytesOf(movedTo!)).toEqual(body);
      expect(await names()).toEqual([movedTo]);
      expect(await store.get(key)).toBeUndefined();
      expect(await store.list('')).toEqual([]);
    });

    it('a conditional write over it is refused, not taken for absent; after the read that sets it aside it is absent', async () => {
      const { store, reports, spoil, names } = await storeWithReports();
      await spoil('ledger/r1/a:1', Buffer.from('{"state":', 'utf8'));
      await expect(store.put('ledger/r1/a:1', { state: 'claimed' }, { ifNoneMatch: '*' })).rejects.toBeInstanceOf(PreconditionFailedError);
      await expect(store.put('ledger/r1/a:1', { state: 'sent' }, { ifMatch: '"0x8DCAFE"' })).rejects.toBeInstanceOf(PreconditionFailedError);
      await expect(store.get('ledger/r1/a:1')).rejects.toBeInstanceOf(CorruptDocumentError);
      const eTag = await store.put('ledger/r1/a:1', { state: 'claimed' }, { ifNoneMatch: '*' });
      expect(await store.get('ledger/r1/a:1')).toEqual({ value: { state: 'claimed' }, eTag });
      expect(reports.map((report) => report.key)).toEqual(['ledger/r1/a:1']);
      expect((await names()).sort()).toEqual([reports[0]!.movedTo, blobNameOf('ledger/r1/a:1')].sort());
    });
  });

  it('two bot instances racing create-only claims on 50 keys: each key is claimed exactly once', async () => {
    const name = containerName();
    const instances = [await BlobDocumentStore.connect(azurite.connectionString, name, bounded), await BlobDocumentStore.connect(azurite.connectionString, name, bounded)];
    const keys = Array.from({ length: 50 }, (_, i) => `ledger/reminder-${i}/19:c${i}@thread.tacv2`);
    const claims = await Promise.all(
      keys.map(async (key) => {
        const results = await Promise.allSettled(instances.map((store, instance) => store.put(key, { instance }, { ifNoneMatch: '*' })));
        return { key, results };
      }),
    );
    for (const { key, results } of claims) {
      const winners = results.flatMap((result, instance) => (result.status === 'fulfilled' ? [instance] : []));
      expect(winners, key).toHaveLength(1);
      for (const result of results) if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(PreconditionFailedError);
      expect((await instances[0]!.get(key))?.value).toEqual({ instance: winners[0] });
    }
    expect(await instances[1]!.list('ledger/')).toEqual([...keys].sort());
  });

  it('storage that accepts connections but never answers (paused): operations reject within the bound, then work again', async () => {
    const store = await BlobDocumentStore.connect(azurite.connectionString, containerName(), bounded);
    const eTag = await store.put('botstate/k', 'before');
    azurite.pause();
    let outcomes: PromiseSettledResult<unknown>[];
    const started = Date.now();
    try {
      outcomes = await Promise.allSettled([store.get('botstate/k'), store.put('botstate/k', 'during', { ifMatch: eTag }), store.list('botstate/'), store.delete('botstate/other')]);
    } finally {
      azurite.resume();
    }
    expect(Date.now() - started).toBeLessThan(8_000);
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      if (outcome.status === 'rejected') expect(outcome.reason).not.toBeInstanceOf(PreconditionFailedError);
    }
    // Back: everything works. The requests sent while it was frozen are still in its socket buffers and
    // are carried out when it thaws, possibly after newer ones: the put that was given up on may land
    // later (a rejected write has an unknown outcome). A read-modify-write with the eTag, retried on
    // PreconditionFailedError, as callers do, gets through.
    let next: string | undefined;
    for (let attempt = 0; attempt < 10 && next === undefined; attempt++) {
      const read = (await store.get<string>('botstate/k'))!;
      expect(['before', 'during']).toContain(read.value);
      try {
        next = await store.put('botstate/k', 'after', { ifMatch: read.eTag });
      } catch (error) {
        if (!(error instanceof PreconditionFailedError)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    expect(await store.get('botstate/k')).toEqual({ value: 'after', eTag: next });
    expect(await store.list('botstate/')).toEqual(['botstate/k']);
  });

  it('storage that is down (process ended): operations reject at once, and work again after a restart', async () => {
    const name = containerName();
    const store = await BlobDocumentStore.connect(azurite.connectionString, name, bounded);
    const eTag = await store.put('subscriptions/a:1/skane', { on: true });
    await azurite.kill();
    try {
      const started = Date.now();
      const outcomes = await Promise.allSettled([
        store.get('subscriptions/a:1/skane'),
        store.put('subscriptions/a:1/skane', { on: false }, { ifMatch: eTag }),
        store.put('subscriptions/b:2/skane', { on: true }, { ifNoneMatch: '*' }),
        store.list('subscriptions/'),
        store.delete('subscriptions/a:1/skane'),
        BlobDocumentStore.connect(azurite.connectionString, name, bounded),
      ]);
      expect(Date.now() - started).toBeLessThan(5_000);
      for (const outcome of outcomes) {
        expect(outcome.status).toBe('rejected');
        if (outcome.status === 'rejected') expect(outcome.reason).not.toBeInstanceOf(PreconditionFailedError);
      }
    } finally {
      await azurite.restartSamePort();
    }
    // The data survived the restart, and the refused writes did not happen.
    expect(await store.get('subscriptions/a:1/skane')).toEqual({ value: { on: true }, eTag });
    expect(await store.list('subscriptions/')).toEqual(['subscriptions/a:1/skane']);
    const next = await store.put('subscriptions/a:1/skane', { on: false }, { ifMatch: eTag });
    expect(await store.get('subscriptions/a:1/skane')).toEqual({ value: { on: false }, eTag: next });
  });
});
