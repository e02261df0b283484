// Test helper: one brain over the real knowledge, a fixed day, conversations as lists of turns.
import { createBrain } from '../../src/brain/brain.js';
import type { ConversationContext } from '../../src/brain/context.js';
import type { Reply } from '../../src/brain/reply.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { fixedClock } from '../../src/platform/clock.js';

export const TODAY = '2026-11-22';
export const { store, report } = loadKnowledge();
export const brain = createBrain(store, fixedClock(TODAY));

/** Asks each turn in order, carrying the context; returns the last reply. */
export function converse(turns: string[], locale?: 'sv' | 'en'): Reply {
  let context: ConversationContext = {};
  let reply: Reply | undefined;
  for (const turn of turns) {
    const answer = brain.answer(turn, context, locale ? { lang: locale } : {});
    context = answer.context;
    reply = answer.reply;
  }
  return reply!;
}

/** Everything a person sees of a reply, with plain spaces for comparison. */
export function visible(reply: Reply): string {
  return [reply.title, reply.text, reply.figure ?? '', ...reply.rows.map((row) => `${row.label}: ${row.value} ${row.note ?? ''}`), ...reply.notes, ...reply.derivation, ...reply.known]
    .join('\n')
    .replace(/[\u00a0\u202f]/g, ' ');
}
