// What the coordinator cards' buttons send back (Action.Execute verb and data), read with zod: the bot
// passes the invoke's verb and data here and calls what it names. Inputs arrive merged into the data.
import { z } from 'zod';
import { ticketIdSchema } from './ticket-record.js';

export const VERBS = {
  /** "Fråga en samordnare" on an answer card (or after a 👎). */
  ask: 'coordinator.ask',
  /** "Jag tar den" on a ticket. */
  take: 'coordinator.take',
  /** "Skicka svar" on a ticket, with the Input.Text "answer". */
  answer: 'coordinator.answer',
  /** 👍 / 👎 on an answer card. */
  vote: 'feedback.vote',
  /** The optional comment after a 👎, with the Input.Text "comment". */
  comment: 'feedback.comment',
} as const;

const question = z.string().trim().min(1).max(500);

const schemas = {
  [VERBS.ask]: z.object({
    question,
    /** The conversation context the answer was given in (JSON), so the bot can give the same answer again. */
    context: z.string().max(4000).optional(),
    /** Set by the 👎 follow-up card: the ticket says the asker found the answer unhelpful. */
    reason: z.enum(['unknown', 'clarify', 'thumbsDown', 'other']).optional(),
    comment: z.string().max(1000).optional(),
  }),
  [VERBS.take]: z.object({ ticketId: ticketIdSchema }),
  [VERBS.answer]: z.object({ ticketId: ticketIdSchema, answer: z.string().max(20_000).default('') }),
  [VERBS.vote]: z.object({ vote: z.enum(['up', 'down']), question, context: z.string().max(4000).optional() }),
  [VERBS.comment]: z.object({ feedbackId: z.string().regex(/^[0-9a-f]{32}$/), comment: z.string().max(5000).default('') }),
};

type Verb = keyof typeof schemas;
export type CoordinatorAction = { [V in Verb]: { verb: V; data: z.infer<(typeof schemas)[V]> } }[Verb];

function isVerb(verb: string): verb is Verb {
  return Object.hasOwn(schemas, verb);
}

/** The action a card sent, or undefined for a verb that is not the coordinator's or data that does not fit. */
export function readCoordinatorAction(verb: string, data: unknown): CoordinatorAction | undefined {
  if (!isVerb(verb)) return undefined;
  const parsed = schemas[verb].safeParse(data ?? {});
  return parsed.success ? ({ verb, data: parsed.data } as CoordinatorAction) : undefined;
}
