// The expert channel of each tenant: the one channel coordinator questions go to. Writing the command
// again in another channel moves it there; "sluta använda den här kanalen" in that channel removes it.
import { z } from 'zod';
import type { DocumentStore } from '../platform/file-store.js';
import { conversationSegment } from '../platform/keys.js';
import { channelOf, channelRecord, conversationRecordSchema, personSchema, tenantOf, type ConversationRecord, type Person } from './conversation.js';

export const expertChannelSchema = z.object({
  tenantId: z.string(),
  channel: conversationRecordSchema,
  /** The language the command was written in: ticket cards in the channel use it. */
  lang: z.enum(['sv', 'en']),
  registeredBy: personSchema,
  registeredAt: z.string(),
});
export type ExpertChannel = z.infer<typeof expertChannelSchema>;

export type Registered = { outcome: 'registered' | 'unchanged' } | { outcome: 'moved'; from: string };
export type Removed = 'removed' | 'notThisChannel' | 'none';

const channelKey = (tenantId: string | undefined) => `coordinator/channels/${conversationSegment(tenantOf(tenantId))}`;

export class ExpertChannels {
  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => Date,
  ) {}

  async get(tenantId: string | undefined): Promise<ExpertChannel | undefined> {
    const document = await this.store.get<unknown>(channelKey(tenantId));
    return document ? expertChannelSchema.parse(document.value) : undefined;
  }

  /** `written`: the conversation the command was written in (a thread of the channel, as Teams names it). */
  async register(written: ConversationRecord, by: Person, lang: ExpertChannel['lang']): Promise<Registered> {
    const channel = channelRecord(conversationRecordSchema.parse(written));
    const previous = await this.get(channel.tenantId);
    const record: ExpertChannel = { tenantId: tenantOf(channel.tenantId), channel, lang, registeredBy: by, registeredAt: this.now().toISOString() };
    await this.store.put(channelKey(channel.tenantId), record);
    if (!previous) return { outcome: 'registered' };
    return previous.channel.conversationId === channel.conversationId ? { outcome: 'unchanged' } : { outcome: 'moved', from: previous.channel.conversationId };
  }

  /** Only from the expert channel itself: a command in another channel leaves the tenant's channel alone. */
  async remove(tenantId: string | undefined, conversationId: string): Promise<Removed> {
    const current = await this.get(tenantId);
    if (!current) return 'none';
    if (current.channel.conversationId !== channelOf(conversationId)) return 'notThisChannel';
    await this.store.delete(channelKey(tenantId));
    return 'removed';
  }
}
