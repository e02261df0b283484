// JSON documents under a folder, one file per key, for the embedded (single-instance) mode. Writes go
// to a temporary file that is renamed into place, so a crash never leaves a half-written document, and
// the temporary files of processes that crashed are removed at the next start. Each document carries an
// eTag; a write that names a stale eTag is refused, as in Azure Blob Storage. A file that exists but is
// not a document is never taken for absent: it is moved aside, reported, and the read fails once.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs, { mkdirSync, readdirSync, rmSync, type BigIntStats } from 'node:fs';
import { join } from 'node:path';

export interface StoredDocument<T = unknown> {
  value: T;
  eTag: string;
}

export class PreconditionFailedError extends Error {
  override name = 'PreconditionFailedError';
}

/**
 * A stored document that exists but cannot be read as one (a torn write, a disk fault, a hand edit):
 * never the same as absent. The store has moved it aside (`movedTo`) and logged it; the caller decides
 * what an unreadable record means (for the reminder ledger: outcome unknown, never a second send).
 */
export class CorruptDocumentError extends Error {
  override name = 'CorruptDocumentError';
  constructor(
    readonly key: string,
    readonly movedTo?: string,
  ) {
    super(`${key} is not a readable document${movedTo ? ` (moved aside to ${movedTo})` : ''}`);
  }
}

/** Told that the document of `key` could not be read and was moved aside to `movedTo`, for the operator. */
export type CorruptionListener = (key: string, movedTo: string) => void;

/** The port every state store implements (files here, in memory in tests, Azure Blob Storage later). */
export interface DocumentStore {
  /** Undefined when absent; rejects with CorruptDocumentError (once) for a document that cannot be read. */
  get<T>(key: string): Promise<StoredDocument<T> | undefined>;
  /** ifMatch: the eTag read ('*' = create only if absent is expressed by ifNoneMatch). */
  put<T>(key: string, value: T, condition?: { ifMatch?: string; ifNoneMatch?: '*' }): Promise<string>;
  delete(key: string): Promise<void>;
  list(prefix: string): Promise<string[]>;
}

/** Most file systems allow names of at most 255 bytes. */
const NAME_MAX = 255;
/**
 * A document's file name used to be its URI-encoded key plus '.json', and every write needed room for
 * '.<pid>.<uuid>.tmp' after that name, so no longer name can have been written (a one-digit pid leaves
 * the most room). Names up to this length stay as they were: the state already on disk is read as before.
 * Today's suffixes ('.<pid>.<8 hex>.tmp', '.corrupt-<time>') are shorter, so every name fits NAME_MAX.
 */
const PLAIN_NAME_MAX = NAME_MAX - '.1.00000000-0000-0000-0000-000000000000.tmp'.length;
/** Longer keys are named by their SHA-256. encodeURIComponent always escapes '@', so no plain name starts with it. */
const HASHED = '@';
/** '<name>.<pid>.<random>.tmp', today's and the older, longer form: the pid says whose write it is. */
const TEMPORARY = /\.(\d+)\.[0-9a-f-]+\.tmp$/;

/**
 * A temporary file's name within this process: a random start (a predecessor with the same pid, as in a
 * container, left other names) and a counter, 8 hex digits as before, without asking for random bytes per write.
 */
let temporaryCounter = randomBytes(4).readUInt32BE(0);
function nextTemporaryId(): string {
  temporaryCounter = (temporaryCounter + 1) >>> 0;
  return temporaryCounter.toString(16).padStart(8, '0');
}

/**
 * The file of a key: its encoded key when that fits, else the key's hash (the key is then read from
 * inside). The hash is of the UTF-16 code units, so keys that differ only in a lone surrogate differ.
 */
export function fileNameOf(key: string): string {
  const plain = `${encodeURIComponent(key)}.json`;
  return plain.length <= PLAIN_NAME_MAX ? plain : `${HASHED}${createHash('sha256').update(key, 'utf16le').digest('hex')}.json`;
}

/**
 * Temporary files this process is writing, whichever store instance writes them: a store opened on the
 * same folder must not take them for a crashed writer's, although they carry this process's pid.
 */
const writing = new Set<string>();

export interface FileDocumentStoreOptions {
  onCorrupt?: CorruptionListener;
  /**
   * Documents kept in memory at most (least recently used go first); 2 000 by default: the chats of the
   * last minutes. Each costs about 1 KB of heap (a heap snapshot after a soak: 10 000 held 10.7 MB), and
   * an older conversation's state is one small file read away.
   */
  cacheSize?: number;
}

/**
 * The embedded store is for one instance (several instances use Azure Blob Storage), so documents
 * read or written once are kept in memory too: reads cost no file access, writes still go to disk.
 */
export class FileDocumentStore implements DocumentStore {
  /** Writes to one file are serialised in this process; eTags guard against other processes. */
  private readonly locks = new Map<string, Promise<unknown>>();
  /** The most recently used documents (a conversation's state, the ledger of this week), at most `cacheSize`. */
  private readonly cache = new Map<string, StoredDocument>();
  private readonly cacheSize: number;
  /**
   * Bumped by every write, delete and move: a read that raced any of them does not fill the cache with
   * what it read (it may be the old text). One number, not one per key: memory stays flat however many
   * conversations come and go.
   */
  private generation = 0;
  /**
   * The file each cached document was written to, as this store wrote it (device, inode, size,
   * modification time): a write whose file is still exactly that one checks its condition against the
   * cached document instead of reading the file again. Every write renames a new file into place, so
   * another process's write is another inode, and an edit in place changes the size or the time.
   */
  private readonly writtenAs = new WeakMap<StoredDocument, string>();
  private readonly onCorrupt: CorruptionListener | undefined;
  /** The folder flush in progress (settled, never rejecting), and the one waiting to start after it. */
  private folderSync: Promise<void> | undefined;
  private nextFolderSync: Promise<void> | undefined;

  constructor(
    private readonly dir: string,
    options: FileDocumentStoreOptions = {},
  ) {
    mkdirSync(dir, { recursive: true });
    this.onCorrupt = options.onCorrupt;
    this.cacheSize = options.cacheSize ?? 2_000;
    removeOrphanTemporaries(dir);
  }

  /** Documents come back frozen (they are shared with the cache): change a copy, then put it. */
  async get<T>(key: string): Promise<StoredDocument<T> | undefined> {
    const cached = this.cache.get(key);
    if (cached) {
      this.remember(key, cached);
      return cached as StoredDocument<T>;
    }
    const name = fileNameOf(key);
    const generation = this.generation;
    const text = await this.readFile(name);
    if (text === undefined) return undefined;
    const parsed = parse(text);
    if (!parsed) {
      const movedTo = await this.exclusive(name, () => this.setAside(name, key));
      // Moved or rewritten by someone else meanwhile: what is there now is the answer.
      if (!movedTo) return this.get(key);
      throw new CorruptDocumentError(key, movedTo);
    }
    const document = deepFreeze({ value: parsed.value, eTag: parsed.eTag });
    if (this.generation === generation) this.remember(key, document);
    return document as StoredDocument<T>;
  }

  put<T>(key: string, value: T, condition: { ifMatch?: string; ifNoneMatch?: '*' } = {}): Promise<string> {
    const name = fileNameOf(key);
    return this.exclusive(name, async () => {
      // Conditions are checked against the file, not the memory copy: another process may have written it.
      const current = await this.onDisk(name, key);
      if (condition.ifNoneMatch === '*' && current) throw new PreconditionFailedError(`${key} exists`);
      if (condition.ifMatch && condition.ifMatch !== '*' && current?.eTag !== condition.ifMatch) throw new PreconditionFailedError(`${key} changed`);
      const eTag = randomUUID();
      const path = join(this.dir, name);
      const temporary = `${path}.${process.pid}.${nextTemporaryId()}.tmp`;
      let identity: string;
      writing.add(temporary);
      try {
        // Flushed before the rename and the folder after it: a power cut leaves the old or the new file, whole.
        // The key is inside too: a hashed name does not tell it.
        identity = await writeFlushed(temporary, JSON.stringify({ key, value, eTag }));
        await call<void>((done) => fs.rename(temporary, path, done));
      } finally {
        writing.delete(temporary);
      }
      await this.syncFolder();
      this.generation++;
      const document = deepFreeze(structuredClone({ value, eTag })) as StoredDocument;
      this.writtenAs.set(document, identity);
      this.remember(key, document);
      return eTag;
    });
  }

  delete(key: string): Promise<void> {
    const name = fileNameOf(key);
    return this.exclusive(name, async () => {
      this.generation++;
      this.cache.delete(key);
      await fs.promises.rm(join(this.dir, name), { force: true });
    });
  }

  async list(prefix: string): Promise<string[]> {
    const keys = await Promise.all((await fs.promises.readdir(this.dir)).map((name) => this.keyOfFile(name)));
    return keys.filter((key): key is string => key !== undefined && key.startsWith(prefix)).sort();
  }

  /** The key a file holds; undefined for temporary and moved-aside files, strays, and unreadable hashed files. */
  private async keyOfFile(name: string): Promise<string | undefined> {
    if (!name.endsWith('.json')) return undefined;
    if (!name.startsWith(HASHED)) {
      const key = decodeName(name.slice(0, -'.json'.length));
      return key !== undefined && fileNameOf(key) === name ? key : undefined;
    }
    const text = await this.readFile(name);
    if (text === undefined) return undefined;
    const document = parse(text);
    if (!document) {
      // Its key is unreadable too, so no read can ever report it: it is moved aside now, under its file name.
      await this.exclusive(name, () => this.setAside(name, name));
      return undefined;
    }
    return typeof document.key === 'string' && fileNameOf(document.key) === name ? document.key : undefined;
  }

  /**
   * Renames an unreadable file to '<name>.corrupt-<time>' in the same folder (nothing is lost, nothing
   * lists it) and reports it. Runs under the file's lock and looks again first, so a file rewritten
   * meanwhile is left alone; undefined when there was nothing to move.
   */
  private async setAside(name: string, key: string): Promise<string | undefined> {
    const text = await this.readFile(name);
    if (text === undefined || parse(text)) return undefined;
    const path = join(this.dir, name);
    const movedTo = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    try {
      await fs.promises.rename(path, movedTo);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined; // another process moved it
      throw error;
    }
    this.generation++;
    this.cache.delete(key);
    this.onCorrupt?.(key, movedTo);
    return movedTo;
  }

  /**
   * The document in the file now, for a write's condition: the cached one while the file is the one this
   * store wrote it to, else read from the file. An unreadable file is set aside first (the write then
   * sees no document).
   */
  private async onDisk(name: string, key: string): Promise<StoredDocument | undefined> {
    const cached = this.cache.get(key);
    const writtenAs = cached && this.writtenAs.get(cached);
    if (writtenAs !== undefined && (await this.identityOf(name)) === writtenAs) return cached;
    const text = await this.readFile(name);
    if (text === undefined) return undefined;
    const current = parse(text);
    if (!current) await this.setAside(name, key);
    return current;
  }

  /** The file's identity (see `writtenAs`); undefined when there is none. */
  private async identityOf(name: string): Promise<string | undefined> {
    try {
      return identityOfStats(await call<BigIntStats>((done) => fs.stat(join(this.dir, name), { bigint: true }, done)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Keeps a document as the most recently used one; the least recently used goes when the cache is full. */
  private remember(key: string, document: StoredDocument): void {
    this.cache.delete(key);
    this.cache.set(key, document);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
  }

  private async readFile(name: string): Promise<string | undefined> {
    try {
      return await call<string>((done) => fs.readFile(join(this.dir, name), 'utf8', done));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /**
   * Flushes the folder, so the renames before the call survive a power cut. Concurrent writes share
   * flushes (a group commit): a flush that has not started yet covers every rename made before it
   * starts, so a caller joins the one waiting to start, or queues one behind the flush in progress.
   */
  private syncFolder(): Promise<void> {
    if (this.nextFolderSync) return this.nextFolderSync;
    const next = (this.folderSync ?? Promise.resolve()).then(() => {
      this.nextFolderSync = undefined;
      return this.flushFolder();
    });
    this.nextFolderSync = next;
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.folderSync = settled;
    void settled.then(() => {
      if (this.folderSync === settled) this.folderSync = undefined;
    });
    return next;
  }

  private async flushFolder(): Promise<void> {
    const folder = await call<number>((done) => fs.open(this.dir, 'r', done));
    try {
      await call<void>((done) => fs.fsync(folder, done));
    } catch {
      // Some file systems cannot flush a folder; the file itself was flushed.
    } finally {
      await call<void>((done) => fs.close(folder, done));
    }
  }

  private exclusive<R>(name: string, work: () => Promise<R>): Promise<R> {
    const previous = this.locks.get(name) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.locks.set(name, settled);
    void settled.then(() => {
      if (this.locks.get(name) === settled) this.locks.delete(name);
    });
    return next;
  }
}

/**
 * Node's callback API, as a promise: on the question path every write is several file operations, and
 * the callback forms cost less than fs.promises' (no FileHandle, no promise per step inside Node).
 * The function is looked up at each call, so tests can watch the operations.
 */
function call<T>(operation: (done: (error: NodeJS.ErrnoException | null, result: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => operation((error, result) => (error ? reject(error) : resolve(result))));
}

/** Writes a new file whole and flushes it (the bytes and the metadata); resolves with its identity. */
async function writeFlushed(path: string, text: string): Promise<string> {
  const fd = await call<number>((done) => fs.open(path, 'w', done));
  try {
    const bytes = Buffer.from(text, 'utf8');
    for (let offset = 0; offset < bytes.length; ) {
      offset += await call<number>((done) => fs.write(fd, bytes, offset, bytes.length - offset, null, done));
    }
    await call<void>((done) => fs.fsync(fd, done));
    // The inode stays the same through the rename that follows, and nobody else writes this file.
    return identityOfStats(await call<BigIntStats>((done) => fs.fstat(fd, { bigint: true }, done)));
  } finally {
    await call<void>((done) => fs.close(fd, done));
  }
}

function identityOfStats(stats: BigIntStats): string {
  // Not the change time: the rename into place changes it, and it says nothing the others do not.
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}`;
}

/**
 * Removes the temporary files of writes that never finished: their process is gone (a crash, a kill).
 * Those of a live process are kept, it may still rename them into place; this process's pid may be a
 * predecessor's (in a container the bot is often pid 1 at every start), so only its own writes in flight count.
 */
function removeOrphanTemporaries(dir: string): void {
  for (const name of readdirSync(dir)) {
    const pid = TEMPORARY.exec(name)?.[1];
    const path = join(dir, name);
    if (pid === undefined || writing.has(path)) continue;
    if (Number(pid) !== process.pid && isAlive(Number(pid))) continue;
    rmSync(path, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A stored document, as written: `{ key, value, eTag }` (files written before the key was kept have no key). */
function parse(text: string): (StoredDocument & { key?: unknown }) | undefined {
  try {
    const document = JSON.parse(text) as StoredDocument & { key?: unknown };
    return document && typeof document === 'object' && typeof document.eTag === 'string' ? document : undefined;
  } catch {
    return undefined;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** A stray file whose name is not an encoded key is not a document. */
function decodeName(name: string): string | undefined {
  try {
    return decodeURIComponent(name);
  } catch {
    return undefined;
  }
}

export class MemoryDocumentStore implements DocumentStore {
  private readonly documents = new Map<string, StoredDocument>();

  async get<T>(key: string): Promise<StoredDocument<T> | undefined> {
    const document = this.documents.get(key);
    return document ? (structuredClone(document) as StoredDocument<T>) : undefined;
  }

  async put<T>(key: string, value: T, condition: { ifMatch?: string; ifNoneMatch?: '*' } = {}): Promise<string> {
    const current = this.documents.get(key);
    if (condition.ifNoneMatch === '*' && current) throw new PreconditionFailedError(`${key} exists`);
    if (condition.ifMatch && condition.ifMatch !== '*' && current?.eTag !== condition.ifMatch) throw new PreconditionFailedError(`${key} changed`);
    const eTag = randomUUID();
    this.documents.set(key, { value: structuredClone(value), eTag });
    return eTag;
  }

  async delete(key: string): Promise<void> {
    this.documents.delete(key);
  }

  async list(prefix: string): Promise<string[]> {
    return [...this.documents.keys()].filter((key) => key.startsWith(prefix)).sort();
  }
}
