// What the documents lack, since a date: the unanswered questions and the 👎 answers grouped by topic,
// place and fund with counts, the 👍 count, and the open and answered tickets. Plain data: the CLI
// prints it, GET /api/report returns it as JSON.
import { stockholmDate } from '../platform/clock.js';
import type { FeedbackRecord } from './feedback.js';
import type { Subject } from './subject.js';
import type { Ticket } from './ticket-record.js';
import type { UnansweredRecord } from './unanswered.js';

export interface ReportGroup {
  topic: string;
  place: string | null;
  fund: string | null;
  count: number;
  /** Distinct question texts still kept (the retention period removes older ones), at most EXAMPLES. */
  questions: string[];
}

export interface ReportTicket {
  id: string;
  createdAt: string;
  state: 'open' | 'answered';
  question: string | null;
  subject: Subject;
  takenBy: string | null;
  answeredBy: string | null;
}

export interface Report {
  /** First day counted (YYYY-MM-DD, Swedish time), inclusive. */
  since: string;
  unanswered: { total: number; groups: ReportGroup[] };
  thumbsDown: { total: number; groups: ReportGroup[]; comments: string[] };
  thumbsUp: { total: number };
  tickets: { open: number; answered: number; items: ReportTicket[] };
  /** Stored records that could not be read and are not counted. */
  unreadable: number;
}

export interface ReportInput {
  unanswered: UnansweredRecord[];
  feedback: FeedbackRecord[];
  tickets: Ticket[];
}

const EXAMPLES = 5;

export function buildReport(input: ReportInput, since: string): Report {
  const counted = (at: string) => stockholmDate(new Date(at)) >= since;
  const unanswered = input.unanswered.filter((record) => counted(record.at));
  const feedback = input.feedback.filter((record) => counted(record.at));
  const down = feedback.filter((record) => record.vote === 'down');
  const tickets = input.tickets.filter((ticket) => counted(ticket.createdAt)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const items: ReportTicket[] = tickets.map((ticket) => ({
    id: ticket.id,
    createdAt: ticket.createdAt,
    state: ticket.answer ? 'answered' : 'open',
    question: ticket.question,
    subject: ticket.subject,
    takenBy: ticket.takenBy?.name ?? null,
    answeredBy: ticket.answer?.by.name ?? null,
  }));
  return {
    since,
    unanswered: { total: unanswered.length, groups: group(unanswered) },
    thumbsDown: { total: down.length, groups: group(down), comments: distinct(down.map((record) => record.comment ?? null)) },
    thumbsUp: { total: feedback.length - down.length },
    tickets: { open: items.filter((item) => item.state === 'open').length, answered: items.filter((item) => item.state === 'answered').length, items },
    unreadable: 0,
  };
}

/** Groups in order of count; within a group, the questions in the order they were asked. */
function group(records: { subject: Subject; question: string | null; at: string }[]): ReportGroup[] {
  const groups = new Map<string, { subject: Subject; count: number; questions: (string | null)[] }>();
  for (const record of [...records].sort((a, b) => a.at.localeCompare(b.at))) {
    const key = JSON.stringify([record.subject.topic, record.subject.place ?? null, record.subject.fund ?? null]);
    const found = groups.get(key) ?? { subject: record.subject, count: 0, questions: [] };
    found.count++;
    found.questions.push(record.question);
    groups.set(key, found);
  }
  return [...groups.values()]
    .map(({ subject, count, questions }) => ({ topic: subject.topic, place: subject.place ?? null, fund: subject.fund ?? null, count, questions: distinct(questions).slice(0, EXAMPLES) }))
    .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic, 'sv') || (a.place ?? '').localeCompare(b.place ?? '', 'sv') || (a.fund ?? '').localeCompare(b.fund ?? '', 'sv'));
}

function distinct(texts: (string | null)[]): string[] {
  return [...new Set(texts.filter((text): text is string => text !== null && text !== ''))];
}
