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
  private readonly cache = new Map<string, string>();

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  async get<T>(key: string): Promise<StoredDocument<T> | undefined> {
    let text = this.cache.get(key);
    if (text === undefined) {
      text = await this.readDisk(key);
      if (text === undefined) return undefined;
      this.cache.set(key, text);
    }
    return JSON.parse(text) as StoredDocument<T>;
  }

  put<T>(key: string, value: T, condition: { ifMatch?: string; ifNoneMatch?: '*' } = {}): Promise<string> {
    return this.exclusive(key, async () => {
      // Conditions are checked against the file, not the memory copy: another process may have written it.
      const onDisk = await this.readDisk(key);
      const current = onDisk === undefined ? undefined : (JSON.parse(onDisk) as StoredDocument);
      if (condition.ifNoneMatch === '*' && current) throw new PreconditionFailedError(`${key} exists`);
      if (condition.ifMatch && condition.ifMatch !== '*' && current?.eTag !== condition.ifMatch) throw new PreconditionFailedError(`${key} changed`);
      const eTag = randomUUID();
      const temporary = `${this.path(key)}.${process.pid}.${randomUUID()}.tmp`;
      const text = JSON.stringify({ value, eTag } satisfies StoredDocument<T>);
      await fs.writeFile(temporary, text);
      await fs.rename(temporary, this.path(key));
      this.cache.set(key, text);
      return eTag;
    });
  }

  delete(key: string): Promise<void> {
    return this.exclusive(key, async () => {
      this.cache.delete(key);
      await fs.rm(this.path(key), { force: true });
    });
  }

  async list(prefix: string): Promise<string[]> {
    const names = await fs.readdir(this.dir);
    return names
      .filter((name) => name.endsWith('.json'))
      .map((name) => decodeURIComponent(name.slice(0, -'.json'.length)))
      .filter((key) => key.startsWith(prefix))
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
