// POST /api/notify: one reminder pass now, for an external scheduler (an Azure Functions timer, a
// Logic App). Bearer token required; refuses everything when no token is configured.
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { PassCounts } from './pass.js';

const bodySchema = z.object({ asOf: z.iso.datetime({ offset: true }).optional(), replay: z.boolean().optional() }).strict();

export interface NotifyResponse {
  status: number;
  body: Record<string, unknown>;
}

export interface NotifyOptions {
  token: string;
  /** How late a reminder may still go out (24 hours): an `asOf` further back is a replay. */
  windowMs: number;
  now: () => Date;
}

/** A timer's clock may run a little ahead of this one. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export async function handleNotify(options: NotifyOptions, authorization: string | undefined, body: unknown, run: (asOf: Date) => Promise<PassCounts | undefined>): Promise<NotifyResponse> {
  if (!options.token) return { status: 403, body: { error: 'Notifications by HTTP are disabled: NOTIFY_TOKEN is not set.' } };
  const given = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '';
  if (!sameSecret(given, options.token)) return { status: 401, body: { error: 'A valid bearer token is required.' } };
  const parsed = bodySchema.safeParse(body ?? {});
  if (!parsed.success) return { status: 400, body: { error: 'The body may only hold {"asOf": "<ISO 8601 instant>", "replay": true}.' } };
  const now = options.now();
  const asOf = parsed.data.asOf ? new Date(parsed.data.asOf) : now;
  // A pass "as of" the future would send early and record what is still to come as missed.
  if (asOf.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return { status: 400, body: { error: 'asOf may not be in the future.' } };
  // A late or repeated timer must not send history again; going back further is a deliberate replay.
  if (asOf.getTime() < now.getTime() - options.windowMs && parsed.data.replay !== true) {
    return { status: 400, body: { error: 'asOf is further back than the sending window (24 hours). To send what was due then and is still unsent, add "replay": true.' } };
  }
  const counts = await run(asOf);
  if (!counts) return { status: 503, body: { error: 'The reminder pass could not run (storage unavailable?); try again.' } };
  return { status: 200, body: { asOf: asOf.toISOString(), ...(parsed.data.replay ? { replay: true } : {}), ...counts } };
}

/** Compares digests of equal length: neither the token's content nor its length shows in the timing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected)) && given.length > 0;
}
