// The retention period for question texts: tickets, feedback and unanswered questions older than
// RETENTION_DAYS keep what the report counts (topic, place, fund, kind, vote, state) and lose every
// text a person wrote (question, answer, comment, the bot's answer). The composition root runs it at
// start and once a day.
import { z } from 'zod';
import { CorruptDocumentError, PreconditionFailedError, type DocumentStore } from '../platform/file-store.js';
import { FEEDBACK, feedbackSchema } from './feedback.js';
import { TICKETS, ticketSchema } from './ticket-record.js';
import { UNANSWERED, unansweredSchema } from './unanswered.js';

/** RETENTION_DAYS, for the configuration schema: whole days, 90 by default. */
export const retentionConfigSchema = z.object({
  RETENTION_DAYS: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().int().min(1).max(3650).default(90)),
});

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionResult {
  /** Records whose texts were removed in this run. */
  redacted: number;
  /** Records that could not be read (moved aside by the store, not a record) or changed meanwhile: left for the next run. */
  skipped: number;
}

/** Each kind of record: how to read it, when it was made, and what it is without its texts. */
interface Kind<T extends { redactedAt?: string | undefined }> {
  prefix: string;
  parse: (value: unknown) => T;
  madeAt: (record: T) => string;
  redact: (record: T) => T;
}

const kind = <T extends { redactedAt?: string | undefined }>(k: Kind<T>) => k as unknown as Kind<{ redactedAt?: string | undefined }>;

const KINDS = [
  kind({
    prefix: TICKETS,
    parse: (value) => ticketSchema.parse(value),
    madeAt: (ticket) => ticket.createdAt,
    redact: (ticket) => ({ ...ticket, question: null, bot: { ...ticket.bot, text: null, why: null }, ...(ticket.answer ? { answer: { ...ticket.answer, text: null } } : {}) }),
  }),
  kind({
    prefix: FEEDBACK,
    parse: (value) => feedbackSchema.parse(value),
    madeAt: (record) => record.at,
    redact: (record) => ({ ...record, question: null, comment: null }),
  }),
  kind({
    prefix: UNANSWERED,
    parse: (value) => unansweredSchema.parse(value),
    madeAt: (record) => record.at,
    redact: (record) => ({ ...record, question: null }),
  }),
];

export async function applyRetention(store: DocumentStore, now: Date, days: number): Promise<RetentionResult> {
  const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
  const result: RetentionResult = { redacted: 0, skipped: 0 };
  for (const { prefix, parse, madeAt, redact } of KINDS) {
    for (const key of await store.list(prefix)) {
      try {
        const document = await store.get<unknown>(key);
        if (!document) continue;
        const record = parse(document.value);
        if (record.redactedAt || madeAt(record) >= cutoff) continue;
        // Conditional: a record changed meanwhile (a ticket answered) is redacted at the next run.
        await store.put(key, { ...redact(record), redactedAt: now.toISOString() }, { ifMatch: document.eTag });
        result.redacted++;
      } catch (error) {
        if (!(error instanceof PreconditionFailedError || error instanceof CorruptDocumentError || error instanceof z.ZodError)) throw error;
        result.skipped++;
      }
    }
  }
  return result;
}

export interface RetentionSchedule {
  stop(): void;
  /** The run in progress or the last one. */
  current(): Promise<unknown>;
}

/** Runs `run` now and every `everyMs` (a day by default); a failed run is reported and tried the next time. */
export function startRetention(run: () => Promise<RetentionResult>, onResult: (result: RetentionResult | Error) => void, everyMs = DAY_MS): RetentionSchedule {
  let last: Promise<unknown> = Promise.resolve();
  const tick = () => {
    last = last.then(() => run().then(onResult, (error: unknown) => onResult(error instanceof Error ? error : new Error(String(error)))));
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer), current: () => last };
}
