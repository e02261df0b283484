// JSON documents under a folder, one file per key, for the embedded (single-instance) mode. Writes go
// to a temporary file that is renamed into place, so a crash never leaves a half-written document.
// Each document carries an eTag; a write that names a stale eTag is refused, as in Azure Blob Storage.
import { randomUUID } from 'node:crypto';
import { mkdirSync, promises as fs } from 'node:fs';
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

/** The port every state store implements (files here, in memory in tests, Azure Blob Storage later). */
export interface DocumentStore {
  get<T>(key: string): Promise<StoredDocument<T> | undefined>;
  /** ifMatch: the eTag read ('*' = create only if absent is expressed by ifNoneMatch). */
  put<T>(key: string, value: T, condition?: { ifMatch?: string; ifNoneMatch?: '*' }): Promise<string>;
  delete(key: string): Promise<void>;
  list(prefix: string): Promise<string[]>;
}

/**
 * The embedded store is for one instance (several instances use Azure Blob Storage), so documents
 * read or written once are kept in memory too: reads cost no file access, writes still go to disk.
 */
export class FileDocumentStore implements DocumentStore {
  /** Writes to one key are serialised in this process; eTags guard against other processes. */
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly cache = new Map<string, StoredDocument>();
  /** Bumped by every write and delete: a read that raced one does not fill the cache with the old text. */
  private readonly versions = new Map<string, number>();

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** Documents come back frozen (they are shared with the cache): change a copy, then put it. */
  async get<T>(key: string): Promise<StoredDocument<T> | undefined> {
    const cached = this.cache.get(key);
    if (cached) return cached as StoredDocument<T>;
    const version = this.versions.get(key) ?? 0;
    const document = parse(await this.readDisk(key));
    if (!document) return undefined;
    deepFreeze(document);
    if ((this.versions.get(key) ?? 0) === version) this.cache.set(key, document);
    return document as StoredDocument<T>;
  }

  put<T>(key: string, value: T, condition: { ifMatch?: string; ifNoneMatch?: '*' } = {}): Promise<string> {
    return this.exclusive(key, async () => {
      // Conditions are checked against the file, not the memory copy: another process may have written it.
      // A file that does not parse (a crash of another writer, a disk fault) counts as absent.
      const current = parse(await this.readDisk(key));
      if (condition.ifNoneMatch === '*' && current) throw new PreconditionFailedError(`${key} exists`);
      if (condition.ifMatch && condition.ifMatch !== '*' && current?.eTag !== condition.ifMatch) throw new PreconditionFailedError(`${key} changed`);
      const eTag = randomUUID();
      const temporary = `${this.path(key)}.${process.pid}.${randomUUID()}.tmp`;
      const document: StoredDocument<T> = { value, eTag };
      // Flushed before the rename and the folder after it: a power cut leaves the old or the new file, whole.
      const file = await fs.open(temporary, 'w');
      try {
        await file.writeFile(JSON.stringify(document));
        await file.sync();
      } finally {
        await file.close();
      }
      await fs.rename(temporary, this.path(key));
      await this.syncFolder();
      this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
      this.cache.set(key, deepFreeze(structuredClone(document)) as StoredDocument);
      return eTag;
    });
  }

  delete(key: string): Promise<void> {
    return this.exclusive(key, async () => {
      this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
      this.cache.delete(key);
      await fs.rm(this.path(key), { force: true });
    });
  }

  async list(prefix: string): Promise<string[]> {
    const names = await fs.readdir(this.dir);
    return names
      .filter((name) => name.endsWith('.json'))
      .map((name) => decodeName(name.slice(0, -'.json'.length)))
      .filter((key): key is string => key !== undefined && key.startsWith(prefix))
      .sort();
  }

  private async readDisk(key: string): Promise<string | undefined> {
    try {
      return await fs.readFile(this.path(key), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  private async syncFolder(): Promise<void> {
    const folder = await fs.open(this.dir, 'r');
    try {
      await folder.sync();
    } catch {
      // Some file systems cannot flush a folder; the file itself was flushed.
    } finally {
      await folder.close();
    }
  }

  private path(key: string): string {
    return join(this.dir, `${encodeURIComponent(key)}.json`);
  }

  private exclusive<R>(key: string, work: () => Promise<R>): Promise<R> {
    const previous = this.locks.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.locks.set(key, settled);
    void settled.then(() => {
      if (this.locks.get(key) === settled) this.locks.delete(key);
    });
    return next;
  }
}

function parse(text: string | undefined): StoredDocument | undefined {
  if (text === undefined) return undefined;
  try {
    const document = JSON.parse(text) as StoredDocument;
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
