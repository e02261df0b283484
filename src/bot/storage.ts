// botbuilder's Storage interface over the project's DocumentStore port, so conversation state lives
// wherever the rest of the state does (files now, Azure Blob Storage when scaled out).
import type { Storage, StoreItems } from 'botbuilder';
import { PreconditionFailedError, type DocumentStore } from '../platform/file-store.js';

const PREFIX = 'botstate/';

export class DocumentStorage implements Storage {
  constructor(private readonly store: DocumentStore) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const document = await this.store.get<Record<string, unknown>>(PREFIX + key);
      if (document) items[key] = { ...document.value, eTag: document.eTag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...value } = (item ?? {}) as { eTag?: string } & Record<string, unknown>;
      try {
        await this.store.put(PREFIX + key, value, eTag && eTag !== '*' ? { ifMatch: eTag } : {});
      } catch (error) {
        if (error instanceof PreconditionFailedError) throw new Error(`Storage: the state of ${key} changed while this turn ran (eTag conflict)`);
        throw error;
      }
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) await this.store.delete(PREFIX + key);
  }
}
