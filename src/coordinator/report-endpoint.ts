// GET /api/report?since=YYYY-MM-DD: the report as JSON for whoever holds REPORT_TOKEN (it holds the
// questions people asked). Refuses everything when no token is configured.
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Report } from './report.js';

export interface ReportResponse {
  status: number;
  body: Report | { error: string };
}

const querySchema = z.object({ since: z.iso.date() });

export async function handleReport(token: string, authorization: string | undefined, query: unknown, load: (since: string) => Promise<Report>): Promise<ReportResponse> {
  if (!token) return { status: 403, body: { error: 'The report by HTTP is disabled: REPORT_TOKEN is not set.' } };
  const given = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '';
  if (!sameSecret(given, token)) return { status: 401, body: { error: 'A valid bearer token is required.' } };
  const parsed = querySchema.safeParse(query ?? {});
  if (!parsed.success) return { status: 400, body: { error: 'Say from which day: ?since=YYYY-MM-DD.' } };
  return { status: 200, body: await load(parsed.data.since) };
}

/** Compares digests of equal length: neither the token's content nor its length shows in the timing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected)) && given.length > 0;
}
