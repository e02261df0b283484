// The questions the bot could not answer ("Jag hittar inte …", a clarification it could not resolve):
// one record per answer, so the report can say which topics, places and funds the documents lack.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { PreconditionFailedError, type DocumentStore } from '../platform/file-store.js';
import { tenantOf } from './conversation.js';
import { subjectSchema, type Subject } from './subject.js';

export const unansweredSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  question: z.string().nullable(),
  replyKind: z.string(),
  subject: subjectSchema,
  lang: z.enum(['sv', 'en']),
  at: z.string(),
  redactedAt: z.string().optional(),
});
export type UnansweredRecord = z.infer<typeof unansweredSchema>;

export interface UnansweredInput {
  tenantId: string | undefined;
  conversationId: string;
  /** The incoming message's activity id: a redelivered activity is logged once. */
  requestId: string;
  question: string;
  replyKind: string;
  subject: Subject;
  lang: 'sv' | 'en';
}

export const UNANSWERED = 'coordinator/unanswered/';

export class UnansweredLog {
  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => Date,
  ) {}

  async record(input: UnansweredInput): Promise<'recorded' | 'exists'> {
    const id = createHash('sha256').update(JSON.stringify([tenantOf(input.tenantId), input.conversationId, input.requestId])).digest('hex').slice(0, 32);
    const record: UnansweredRecord = unansweredSchema.parse({
      id,
      tenantId: tenantOf(input.tenantId),
      question: input.question,
      replyKind: input.replyKind,
      subject: input.subject,
      lang: input.lang,
      at: this.now().toISOString(),
    });
    try {
      await this.store.put(UNANSWERED + id, record, { ifNoneMatch: '*' });
      return 'recorded';
    } catch (error) {
      if (error instanceof PreconditionFailedError) return 'exists';
      throw error;
    }
  }
}
