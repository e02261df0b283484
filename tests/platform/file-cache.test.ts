// The embedded store keeps the documents it used last in memory, a bounded number of them: with
// thousands of conversations coming and going, memory stays flat and evicted documents come from disk.
import fs, { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FileDocumentStore, PreconditionFailedError, fileNameOf } from '../../src/platform/file-store.js';
import { useTemporaryDirs } from '../support/temporary-dirs.js';

const folder = useTemporaryDirs('file-cache');

describe('the file store’s memory', () => {
  it('keeps only the most recently used documents: one pushed out is read from disk again', async () => {
    const dir = folder();
    const store = new FileDocumentStore(dir, { cacheSize: 2 });
    // Another process's writes are only seen by this one once its memory copy is gone.
    const otherProcess = new FileDocumentStore(dir);
    for (const key of ['a', 'b']) await store.put(key, { version: 1 });
    await store.get('a'); // a is now the most recently used, b the least
    await store.put('c', { version: 1 }); // b goes
    for (const key of ['a', 'b', 'c']) await otherProcess.put(key, { version: 2 });
    expect((await store.get('b'))?.value).toEqual({ version: 2 });
    // Reading b back pushed out a, the least recently used then; c is still the memory copy.
    expect((await store.get('c'))?.value).toEqual({ version: 1 });
    expect((await store.get('a'))?.value).toEqual({ version: 2 });
  });

  it('holds no more than its size however many keys pass through', async () => {
    const dir = folder();
    const store = new FileDocumentStore(dir, { cacheSize: 50 });
    for (let i = 0; i < 500; i++) await store.put(`botstate/msteams/conversations/a:${i}`, { i });
    for (let i = 0; i < 500; i++) await store.get(`botstate/msteams/conversations/a:${i}`);
    expect((store as unknown as { cache: Map<string, unknown> }).cache.size).toBe(50);
  });
});

describe('a write’s condition', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('over the store’s own last write, is checked without reading the file again', async () => {
    const dir = folder();
    const store = new FileDocumentStore(dir);
    const first = await store.put('botstate/a', { turn: 1 });
    const reads = vi.spyOn(fs, 'readFile');
    const second = await store.put('botstate/a', { turn: 2 }, { ifMatch: first });
    await expect(store.put('botstate/a', { turn: 3 }, { ifMatch: first })).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(reads).not.toHaveBeenCalled();
    expect((await new FileDocumentStore(dir).get('botstate/a'))).toEqual({ value: { turn: 2 }, eTag: second });
  });

  it('sees a file replaced by another process, or edited in place, since the store wrote it', async () => {
    const dir = folder();
    const store = new FileDocumentStore(dir);
    const otherProcess = new FileDocumentStore(dir);
    const mine = await store.put('replaced', { by: 'me' });
    await otherProcess.put('replaced', { by: 'the other' });
    await expect(store.put('replaced', { by: 'me again' }, { ifMatch: mine })).rejects.toBeInstanceOf(PreconditionFailedError);

    const before = await store.put('edited', { by: 'me' });
    // The same file (inode) rewritten: another eTag in it now.
    writeFileSync(join(dir, fileNameOf('edited')), JSON.stringify({ key: 'edited', value: { by: 'hand', note: 'longer' }, eTag: 'edited-by-hand' }));
    await expect(store.put('edited', { by: 'me again' }, { ifMatch: before })).rejects.toBeInstanceOf(PreconditionFailedError);
    await expect(store.put('edited', { by: 'me again' }, { ifMatch: 'edited-by-hand' })).resolves.toBeTypeOf('string');
  });
});
