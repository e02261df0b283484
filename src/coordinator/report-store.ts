// The report read from the store: every ticket, vote and unanswered question, then counted.
import { z } from 'zod';
import { CorruptDocumentError, type DocumentStore } from '../platform/file-store.js';
import { FEEDBACK, feedbackSchema } from './feedback.js';
import { buildReport, type Report } from './report.js';
import { TICKETS, ticketSchema } from './ticket-record.js';
import { UNANSWERED, unansweredSchema } from './unanswered.js';

/** The records under a prefix; one that cannot be read (moved aside by the store, or not a record) is counted, not allowed to stop the report. */
async function readAll<T>(store: DocumentStore, prefix: string, schema: z.ZodType<T>, unreadable: { count: number }): Promise<T[]> {
  const found: T[] = [];
  for (const key of await store.list(prefix)) {
    try {
      const document = await store.get<unknown>(key);
      if (document) found.push(schema.parse(document.value));
    } catch (error) {
      if (!(error instanceof CorruptDocumentError || error instanceof z.ZodError)) throw error;
      unreadable.count++;
    }
  }
  return found;
}

export async function reportFromStore(store: DocumentStore, since: string): Promise<Report> {
  const unreadable = { count: 0 };
  const [unanswered, feedback, tickets] = await Promise.all([readAll(store, UNANSWERED, unansweredSchema, unreadable), readAll(store, FEEDBACK, feedbackSchema, unreadable), readAll(store, TICKETS, ticketSchema, unreadable)]);
  return { ...buildReport({ unanswered, feedback, tickets }, since), unreadable: unreadable.count };
}
