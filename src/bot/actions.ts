// What a card button may send back. Everything from the client is validated; anything else is garbage.
import { z } from 'zod';

export const cardActionSchema = z.object({
  verb: z.enum(['showDerivation', 'showSource']),
  question: z.string().min(1).max(500),
  /** The conversation context the question was answered in, as JSON. */
  context: z.string().max(4000).default('{}'),
});

export type CardAction = z.infer<typeof cardActionSchema>;

// Only values the bot itself writes: anything else in a card's data is not a context.
const contextSchema = z
  .object({
    lang: z.enum(['sv', 'en']).optional(),
    intent: z.enum(['amount', 'list', 'deadline', 'invoice', 'focusArea', 'key', 'contact', 'search', 'help', 'greeting', 'subscribe', 'unsubscribe', 'subscriptions']).optional(),
    place: z.string().max(100).optional(),
    fund: z.string().max(100).optional(),
    year: z.number().int().min(2000).max(2100).optional(),
    invoiceField: z.enum(['gln', 'referenceCode', 'costCentre', 'address', 'paymentTerms', 'heading', 'recipientReference', 'channel', 'period', 'requisition', 'required', 'bankDetails']).optional(),
    deadlineKind: z.enum(['invoicing', 'statusReport', 'finalReport', 'useOfFunds', 'decision', 'other']).optional(),
  })
  .strip();

/** The context carried in a card action, or an empty one when it is not what the bot wrote. */
export function parseCarriedContext(json: string): z.infer<typeof contextSchema> {
  try {
    const parsed = contextSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
