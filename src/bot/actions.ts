// What a card button may send back. Everything from the client is validated; anything else is garbage.
import { z } from 'zod';

export const cardActionSchema = z.object({
  verb: z.enum(['showDerivation', 'showSource']),
  question: z.string().min(1).max(500),
  /** The conversation context the question was answered in, as JSON. */
  context: z.string().max(4000).default('{}'),
});

export type CardAction = z.infer<typeof cardActionSchema>;

const contextSchema = z
  .object({
    lang: z.enum(['sv', 'en']).optional(),
    intent: z.string().optional(),
    place: z.string().max(100).optional(),
    fund: z.string().max(100).optional(),
    year: z.number().int().optional(),
    invoiceField: z.string().max(100).optional(),
    deadlineKind: z.string().max(100).optional(),
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
