// What a question is about, for the report of what the documents lack: its topic (what is asked),
// the place and the fund it names. Read with the brain's own understanding, so the report groups
// questions the way the bot read them; a place the documents do not cover ("Uppsala") counts too.
import { z } from 'zod';
import type { ConversationContext } from '../brain/context.js';
import { understand } from '../brain/understand.js';
import type { KnowledgeStore } from '../knowledge/store.js';

export const subjectSchema = z.object({
  /** What is asked: amount, deadline, invoice, contact, search, … */
  topic: z.string().min(1),
  place: z.string().min(1).optional(),
  fund: z.string().min(1).optional(),
});
export type Subject = z.infer<typeof subjectSchema>;

export function subjectOf(question: string, store: KnowledgeStore, context: ConversationContext = {}): Subject {
  const u = understand(question, context, store);
  const place = (u.place ? store.place(u.place)?.name : undefined) ?? u.uncovered[0]?.name;
  const fund = u.fund ? store.fund(u.fund)?.name.sv : undefined;
  return { topic: u.intent, ...(place ? { place } : {}), ...(fund ? { fund } : {}) };
}
