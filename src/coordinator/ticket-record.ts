// A ticket as stored: the question, who asked and from where, what the bot answered, and what became
// of it in the channel (posted, taken, answered, delivered). Question and answer texts become null
// when the retention period has passed; the rest stays for the counts.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { conversationRecordSchema, personSchema, tenantOf } from './conversation.js';
import { subjectSchema } from './subject.js';

const lang = z.enum(['sv', 'en']);

export const ticketSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  createdAt: z.string(),
  /** The asker's language (their cards) and the channel's (the ticket card). */
  lang,
  channelLang: lang,
  question: z.string().nullable(),
  asker: personSchema,
  /** The chat the question came from: the answer goes there. */
  askerConversation: conversationRecordSchema,
  bot: z.object({ kind: z.string(), text: z.string().nullable(), why: z.string().nullable() }),
  subject: subjectSchema,
  channelId: z.string(),
  post: z.object({
    state: z.enum(['posting', 'posted', 'failed']),
    claimedBy: z.string(),
    claimedAt: z.string(),
    activityId: z.string().optional(),
    reason: z.string().optional(),
  }),
  takenBy: personSchema.extend({ at: z.string() }).optional(),
  answer: z
    .object({
      text: z.string().nullable(),
      by: personSchema,
      at: z.string(),
      delivery: z.object({
        state: z.enum(['sending', 'sent', 'failed']),
        claimedBy: z.string(),
        at: z.string(),
        activityId: z.string().optional(),
        reason: z.string().optional(),
      }),
    })
    .optional(),
  redactedAt: z.string().optional(),
});
export type Ticket = z.infer<typeof ticketSchema>;

export const TICKETS = 'coordinator/tickets/';
export const ticketKey = (id: string) => `${TICKETS}${id}`;

/**
 * One ticket per press of "Fråga en samordnare" on one answer: the id comes from the tenant, the asker's
 * conversation and the request (the answer card's activity id), so a repeated invoke, on any instance,
 * names the same ticket.
 */
export function ticketIdOf(tenantId: string | undefined, conversationId: string, requestId: string): string {
  return createHash('sha256').update(JSON.stringify([tenantOf(tenantId), conversationId, requestId])).digest('hex').slice(0, 32);
}

/** Ticket ids as this module makes them: the invoke data is checked against it before any key is built. */
export const ticketIdSchema = z.string().regex(/^[0-9a-f]{32}$/);
