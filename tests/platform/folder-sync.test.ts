// A write is durable when it resolves: its file flushed, renamed into place, and then the folder flushed.
// Concurrent writes share folder flushes (a group commit), but each waits for one that began after its rename.
import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FileDocumentStore } from '../../src/platform/file-store.js';
import { useTemporaryDirs } from '../support/temporary-dirs.js';

const folder = useTemporaryDirs('folder-sync');

afterEach(() => {
  vi.restoreAllMocks();
});

/** Records renames, folder flushes (start and end) and resolved writes, in the order they happen. */
function recordEvents(dir: string): string[] {
  const events: string[] = [];
  const { rename, open, fsync } = fs;
  vi.spyOn(fs, 'rename').mockImplementation(((from: string, to: string, done: (error: NodeJS.ErrnoException | null) => void) =>
    rename(from, to, (error) => {
      if (!error) events.push(`renamed ${String(to).split('/').pop()}`);
      done(error);
    })) as never);
  // The descriptors open on the folder itself (a number is reused once closed: any other open takes it back).
  const folderFds = new Set<number>();
  vi.spyOn(fs, 'open').mockImplementation(((path: string, flags: string, done: (error: NodeJS.ErrnoException | null, fd: number) => void) =>
    open(path, flags, (error, fd) => {
      if (!error) {
        if (path === dir) folderFds.add(fd);
        else folderFds.delete(fd);
      }
      done(error, fd);
    })) as never);
  vi.spyOn(fs, 'fsync').mockImplementation(((fd: number, done: (error: NodeJS.ErrnoException | null) => void) => {
    if (!folderFds.has(fd)) return fsync(fd, done);
    events.push('flush-start');
    fsync(fd, (error) => {
      events.push('flush-end');
      done(error);
    });
  }) as never);
  return events;
}

describe('folder flushes', () => {
  it('are shared by concurrent writes, and every write waits for a flush that began after its rename', async () => {
    const dir = folder();
    const store = new FileDocumentStore(dir);
    const events = recordEvents(dir);
    const keys = Array.from({ length: 20 }, (_, i) => `k${i}`);
    await Promise.all(keys.map((key) => store.put(key, { key }).then(() => events.push(`done ${key}.json`))));

    const flushes = events.filter((event) => event === 'flush-start').length;
    expect(flushes).toBeGreaterThan(0);
    expect(flushes).toBeLessThan(keys.length);
    for (const key of keys) {
      const renamed = events.indexOf(`renamed ${key}.json`);
      const done = events.indexOf(`done ${key}.json`);
      expect(renamed).toBeGreaterThanOrEqual(0);
      // A flush started after the rename and ended before the write resolved.
      const start = events.findIndex((event, i) => i > renamed && event === 'flush-start');
      const end = events.findIndex((event, i) => i > start && event === 'flush-end');
      expect(start).toBeGreaterThan(renamed);
      expect(end).toBeLessThan(done);
    }
    const reopened = new FileDocumentStore(dir);
    for (const key of keys) expect((await reopened.get(key))?.value).toEqual({ key });
  });

  it('one after another, each write has its own', async () => {
    const dir = folder();
    const store = new FileDocumentStore(dir);
    const events = recordEvents(dir);
    for (let i = 0; i < 3; i++) await store.put('same', { i });
    expect(events.filter((event) => event === 'flush-start')).toHaveLength(3);
  });
});
