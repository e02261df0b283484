// POST /api/notify: one reminder pass now, for an external scheduler (an Azure Functions timer, a
// Logic App). Bearer token required; refuses everything when no token is configured.
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { PassCounts } from './pass.js';

const bodySchema = z.object({ asOf: z.iso.datetime({ offset: true }).optional() }).strict();

export interface NotifyResponse {
  status: number;
  body: Record<string, unknown>;
}

export async function handleNotify(token: string, authorization: string | undefined, body: unknown, run: (asOf: Date) => Promise<PassCounts | undefined>, now: () => Date): Promise<NotifyResponse> {
  if (!token) return { status: 403, body: { error: 'Notifications by HTTP are disabled: NOTIFY_TOKEN is not set.' } };
  const given = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '';
  if (!given || !sameSecret(given, token)) return { status: 401, body: { error: 'A valid bearer token is required.' } };
  const parsed = bodySchema.safeParse(body ?? {});
  if (!parsed.success) return { status: 400, body: { error: 'The body may only hold {"asOf": "<ISO 8601 instant>"}.' } };
  const asOf = parsed.data.asOf ? new Date(parsed.data.asOf) : now();
  // A pass "as of" the future would send early and record what is still to come as missed.
  if (asOf.getTime() > now().getTime() + 5 * 60_000) return { status: 400, body: { error: 'asOf may not be in the future.' } };
  const counts = await run(asOf);
  if (!counts) return { status: 503, body: { error: 'The reminder pass could not run (storage unavailable?); try again.' } };
  return { status: 200, body: { asOf: asOf.toISOString(), ...counts } };
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
