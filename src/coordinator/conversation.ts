// Where the bot can reach a conversation later (an asker's chat, the expert channel), as plain JSON,
// and the port that posts to one. The shape is the reminders' (src/notifications): the bot's
// proactive sender implements both.
import { z } from 'zod';
import type { ConversationRecord } from '../notifications/subscriptions.js';

export const conversationRecordSchema = z.object({
  conversationId: z.string().min(1),
  /** The Bot Framework conversation reference, as the bot adapter made it (opaque here). */
  reference: z.record(z.string(), z.unknown()),
  tenantId: z.string().optional(),
  locale: z.string().optional(),
  savedAt: z.string(),
}) satisfies z.ZodType<ConversationRecord>;

export type { ConversationRecord };

/** A person as the activity names them (`from.name`, `from.aadObjectId` or `from.id`). */
export const personSchema = z.object({ id: z.string().min(1), name: z.string().min(1) });
export type Person = z.infer<typeof personSchema>;

/** Posts an activity to a stored conversation; resolves with the new activity's id. */
export interface Sender {
  send(conversation: ConversationRecord, activity: Record<string, unknown>): Promise<string>;
}

/** The tenant as a key segment: Teams always gives one; a local emulator may not. */
export function tenantOf(tenantId: string | undefined): string {
  return tenantId && tenantId.trim() !== '' ? tenantId.trim().toLowerCase() : 'no-tenant';
}

/**
 * A channel conversation without the thread: Teams names a message in a channel thread
 * '19:…@thread.tacv2;messageid=…'. Posts go to the channel itself (a new thread each), and a card's
 * invoke from any thread of the channel is from that channel.
 */
export function channelOf(conversationId: string): string {
  return conversationId.split(';')[0]!;
}

/** The record for posting to the channel itself, not into the thread the command was written in. */
export function channelRecord(record: ConversationRecord): ConversationRecord {
  const id = channelOf(record.conversationId);
  const conversation = record.reference.conversation;
  const reference = conversation && typeof conversation === 'object' ? { ...record.reference, conversation: { ...conversation, id } } : record.reference;
  return { ...record, conversationId: id, reference };
}
