// What a card button may send back. Everything from the client is validated; anything else is garbage.
import { z } from 'zod';
import type { CalculatorFrame } from '../brain/reply.js';

export const cardActionSchema = z.object({
  // 'ask': a suggestion button, the question as if typed. 'showDerivation' / 'showSource': buttons of cards
  // sent before the sections became toggles, still in conversations' history.
  // 'more': a long card's next rows.
  verb: z.enum(['ask', 'more', 'showDerivation', 'showSource', 'recalculate']),
  question: z.string().min(1).max(500),
  /** The conversation context the question was answered in, as JSON. */
  context: z.string().max(4000).default('{}'),
  /** On a what-if card: the what-if it is, as JSON (see parseWhatIfFrame). */
  whatIf: z.string().max(2000).optional(),
  /** The calculator's fields as the client sends them: whatever was typed, checked by the brain. */
  amount: z.unknown().optional(),
  fund: z.unknown().optional(),
  /** "Visa fler": the first row of the next page. */
  from: z.coerce.number().int().min(0).max(10_000).optional(),
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

// The what-if a calculator card carries: only what the brain writes, every field bounded.
const id = z.string().min(1).max(100).regex(/^[a-z0-9-]+$/);
const frameSchema = z
  .object({
    lang: z.enum(['sv', 'en']),
    kind: z.enum(['pot', 'rest', 'base']),
    per: z.enum(['county', 'subregion', 'municipality']).optional(),
    place: id.optional(),
    funds: z.array(id).max(10),
    year: z.number().int().min(2000).max(2100),
    amount: z.string().regex(/^\d{1,15}(\.\d{1,2})?$/),
  })
  .strict();

/** The what-if a card action carries, or undefined when it is not one the bot wrote. */
export function parseWhatIfFrame(json: string): CalculatorFrame | undefined {
  try {
    const parsed = frameSchema.safeParse(JSON.parse(json));
    if (!parsed.success) return undefined;
    const { per, place, ...rest } = parsed.data;
    return { ...rest, ...(per ? { per } : {}), ...(place ? { place } : {}) };
  } catch {
    return undefined;
  }
}
