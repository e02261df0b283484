// botbuilder's Storage interface over the project's DocumentStore port, so conversation state lives
// wherever the rest of the state does (files now, Azure Blob Storage when scaled out).
// Conversation state is read and written on the question path, and Teams gives up on an answer after
// about 15 s: a storage that hangs (accepts, never answers) must cost a turn a short bound, not the
// answer. Every operation rejects after `timeoutMs`; the bot then answers without the context.
import type { Storage, StoreItems } from 'botbuilder';
import { PreconditionFailedError, type DocumentStore } from '../platform/file-store.js';
import { boundedKey } from '../platform/keys.js';

const PREFIX = 'botstate/';
export const DEFAULT_STATE_TIMEOUT_MS = 2000;

export class StateTimeoutError extends Error {
  override name = 'StateTimeoutError';
}

export class DocumentStorage implements Storage {
  private readonly timeoutMs: number;

  constructor(
    private readonly store: DocumentStore,
    options: { timeoutMs?: number } = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_STATE_TIMEOUT_MS;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const document = await this.bounded(`reading ${key}`, this.store.get<Record<string, unknown>>(boundedKey(PREFIX, key)));
      if (document) items[key] = { ...document.value, eTag: document.eTag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...value } = (item ?? {}) as { eTag?: string } & Record<string, unknown>;
      try {
        await this.bounded(`writing ${key}`, this.store.put(boundedKey(PREFIX, key), value, eTag && eTag !== '*' ? { ifMatch: eTag } : {}));
      } catch (error) {
        if (error instanceof PreconditionFailedError) throw new Error(`Storage: the state of ${key} changed while this turn ran (eTag conflict)`);
        throw error;
      }
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) await this.bounded(`deleting ${key}`, this.store.delete(boundedKey(PREFIX, key)));
  }

  /** The operation itself is not cancelled: a write given up on may still land (its outcome is unknown). */
  private bounded<T>(what: string, operation: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StateTimeoutError(`Storage: ${what} took longer than ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    return Promise.race([operation, timeout]).finally(() => clearTimeout(timer));
  }
}
