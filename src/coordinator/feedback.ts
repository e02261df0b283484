// 👍 / 👎 on an answer: one vote per person and answer (voting again changes it), stored with the
// question, the reply's kind and the facts and sources it used; a 👎 may carry a comment.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Reply } from '../brain/reply.js';
import { PreconditionFailedError, type DocumentStore } from '../platform/file-store.js';
import { tenantOf } from './conversation.js';
import { subjectSchema, type Subject } from './subject.js';

export const feedbackSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  conversationId: z.string(),
  userId: z.string(),
  vote: z.enum(['up', 'down']),
  question: z.string().nullable(),
  replyKind: z.string(),
  /** The store ids of the facts the answer's figures rest on. */
  facts: z.array(z.string()),
  /** The document sections the answer used ("dalarna-2022 § 3.2"). */
  sources: z.array(z.string()),
  subject: subjectSchema,
  lang: z.enum(['sv', 'en']),
  comment: z.string().nullable().optional(),
  at: z.string(),
  redactedAt: z.string().optional(),
});
export type FeedbackRecord = z.infer<typeof feedbackSchema>;

export interface Vote {
  tenantId: string | undefined;
  conversationId: string;
  /** The answer card's activity id. */
  requestId: string;
  userId: string;
  vote: 'up' | 'down';
  question: string;
  reply: Pick<Reply, 'kind' | 'lang' | 'provenance' | 'sources'>;
  subject: Subject;
}

export const FEEDBACK = 'coordinator/feedback/';
const MAX_COMMENT = 1000;

export function feedbackIdOf(tenantId: string | undefined, conversationId: string, requestId: string, userId: string): string {
  return createHash('sha256').update(JSON.stringify([tenantOf(tenantId), conversationId, requestId, userId])).digest('hex').slice(0, 32);
}

/** The facts an answer used: every fact its words rest on, and the sections it cites. */
export function factsOf(reply: Pick<Reply, 'provenance' | 'sources'>): { facts: string[]; sources: string[] } {
  const facts = [...new Set(reply.provenance.flatMap((claim) => [...claim.facts, ...(claim.minus ?? []), ...(claim.of ?? [])]))];
  const sources = [...new Set(reply.sources.map((source) => `${source.file} § ${source.section}`))];
  return { facts, sources };
}

export class Feedback {
  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => Date,
  ) {}

  /** Stores the vote (a second vote by the same person on the same answer replaces the first); returns its id. */
  async vote(vote: Vote): Promise<FeedbackRecord> {
    const id = feedbackIdOf(vote.tenantId, vote.conversationId, vote.requestId, vote.userId);
    const { facts, sources } = factsOf(vote.reply);
    const previous = await this.get(id);
    const record: FeedbackRecord = feedbackSchema.parse({
      id,
      tenantId: tenantOf(vote.tenantId),
      conversationId: vote.conversationId,
      userId: vote.userId,
      vote: vote.vote,
      question: vote.question,
      replyKind: vote.reply.kind,
      facts,
      sources,
      subject: vote.subject,
      lang: vote.reply.lang,
      // A comment belongs to a 👎; changing to 👍 drops it.
      comment: vote.vote === 'down' ? (previous?.comment ?? null) : null,
      at: this.now().toISOString(),
    });
    await this.store.put(FEEDBACK + id, record);
    return record;
  }

  /** Adds the optional comment to a 👎; undefined when there is no such vote. */
  async comment(id: string, text: string): Promise<FeedbackRecord | undefined> {
    const comment = text.trim().slice(0, MAX_COMMENT);
    for (let race = 0; race < 10; race++) {
      const document = await this.store.get<unknown>(FEEDBACK + id);
      if (!document) return undefined;
      const current = feedbackSchema.parse(document.value);
      if (current.vote !== 'down') return current;
      const next = { ...current, comment: comment === '' ? null : comment };
      try {
        await this.store.put(FEEDBACK + id, next, { ifMatch: document.eTag });
        return next;
      } catch (error) {
        if (!(error instanceof PreconditionFailedError)) throw error;
      }
    }
    throw new Error(`feedback ${id}: too many concurrent changes`);
  }

  async get(id: string): Promise<FeedbackRecord | undefined> {
    const document = await this.store.get<unknown>(FEEDBACK + id);
    return document ? feedbackSchema.parse(document.value) : undefined;
  }
}
