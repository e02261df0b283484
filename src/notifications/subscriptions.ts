// Who wants reminders: conversations (personal chats, group chats, channels) and the regions they follow.
// Kept in the DocumentStore, so every instance sees the same subscriptions.
import type { DocumentStore } from '../platform/file-store.js';
import { conversationSegment } from '../platform/keys.js';

export interface ConversationRecord {
  conversationId: string;
  /** The Bot Framework conversation reference, as the bot adapter stored it (opaque here). */
  reference: Record<string, unknown>;
  tenantId?: string;
  locale?: string;
  /** The language the conversation subscribed in (what the user wrote), before the client's locale. */
  lang?: 'sv' | 'en';
  savedAt: string;
}

export interface Subscription {
  conversationId: string;
  region: string;
  createdAt: string;
  active: boolean;
  /** Why it stopped, when it did (the bot was removed, the conversation is gone). */
  deactivatedReason?: string;
}

const conversationKey = (id: string) => `conversations/${conversationSegment(id)}`;
const subscriptionsOf = (id: string) => `subscriptions/${conversationSegment(id)}/`;
const subscriptionKey = (id: string, region: string) => subscriptionsOf(id) + region;

export class Subscriptions {
  constructor(
    private readonly store: DocumentStore,
    /** Told about a subscription that could not be read (it is retried on the next pass). */
    private readonly onUnreadable?: (key: string, error: unknown) => void,
  ) {}

  /** Installing the bot stores where to reach the conversation later. */
  async saveConversation(record: ConversationRecord): Promise<void> {
    await this.store.put(conversationKey(record.conversationId), record);
  }

  /**
   * Undefined when the conversation is not known; a record that cannot be read rejects (with the store's
   * CorruptDocumentError), so an unreadable conversation is never taken for one that is gone.
   */
  async conversation(id: string): Promise<ConversationRecord | undefined> {
    return (await this.store.get<ConversationRecord>(conversationKey(id)))?.value;
  }

  /** Uninstalling or removing the bot forgets the conversation and its subscriptions. */
  async removeConversation(id: string): Promise<void> {
    for (const key of await this.store.list(subscriptionsOf(id))) await this.store.delete(key);
    await this.store.delete(conversationKey(id));
  }

  async subscribe(conversationId: string, region: string, now: Date): Promise<'created' | 'exists'> {
    const existing = await this.store.get<Subscription>(subscriptionKey(conversationId, region));
    if (existing?.value.active) return 'exists';
    await this.store.put<Subscription>(subscriptionKey(conversationId, region), { conversationId, region, createdAt: now.toISOString(), active: true });
    return 'created';
  }

  async unsubscribe(conversationId: string, region: string): Promise<boolean> {
    const key = subscriptionKey(conversationId, region);
    const existing = await this.store.get<Subscription>(key);
    if (!existing) return false;
    await this.store.delete(key);
    return existing.value.active;
  }

  async forConversation(conversationId: string): Promise<Subscription[]> {
    return this.read(await this.store.list(subscriptionsOf(conversationId)));
  }

  async active(): Promise<Subscription[]> {
    return (await this.read(await this.store.list('subscriptions/'))).filter((s) => s.active);
  }

  async isActive(conversationId: string, region: string): Promise<boolean> {
    return (await this.store.get<Subscription>(subscriptionKey(conversationId, region)))?.value.active === true;
  }

  /**
   * The conversation cannot be reached any more (403/404): stop sending, keep the record for audit.
   * Read as forConversation reads, so one unreadable subscription is reported, not left to stop the rest.
   */
  async deactivate(conversationId: string, reason: string): Promise<void> {
    for (const subscription of await this.forConversation(conversationId)) {
      if (subscription.active) await this.store.put<Subscription>(subscriptionKey(conversationId, subscription.region), { ...subscription, active: false, deactivatedReason: reason });
    }
  }

  /**
   * Reads a few at a time; one document that cannot be read (storage hiccup, a corrupt file) is left out
   * of this pass, not allowed to stop everyone's reminders.
   */
  private async read(keys: string[]): Promise<Subscription[]> {
    const found: Subscription[] = [];
    let next = 0;
    const worker = async () => {
      while (next < keys.length) {
        const key = keys[next++]!;
        try {
          const document = await this.store.get<Subscription>(key);
          if (document) found.push(document.value);
        } catch (error) {
          this.onUnreadable?.(key, error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(16, keys.length) }, worker));
    return found;
  }
}
