// POST /api/messages after the body is read: the activity's shape, who sent it (authentication), where
// replies may go (anonymous mode: loopback only), then the turn. Answers with a status and a body for
// the HTTP layer; nothing internal is ever in a body.
import type { Activity, TurnContext } from 'botbuilder';
import type { Logger } from '../platform/logger.js';
import type { BotAdapter } from './adapter.js';
import { InboundAuthError, type InboundAuthenticator } from './auth.js';

export interface InboundResult {
  status: number;
  body?: unknown;
}

export type MessageHandler = (authHeader: string, body: unknown) => Promise<InboundResult>;

export interface InboundDependencies {
  adapter: BotAdapter;
  authenticator: InboundAuthenticator;
  logic: (context: TurnContext) => Promise<void>;
  logger: Logger;
  /** No app id: nobody is authenticated, so replies may only go to a service on this machine. */
  anonymous: boolean;
}

const REFUSED: Record<number, string> = {
  401: 'Unauthorized.',
  503: 'Authentication is unavailable right now; try again.',
};

export function createMessageHandler(deps: InboundDependencies): MessageHandler {
  return async (authHeader, body) => {
    if (!body || typeof body !== 'object' || Array.isArray(body) || typeof (body as { type?: unknown }).type !== 'string') {
      return { status: 400, body: { error: 'The body must be a Bot Framework activity.' } };
    }
    const activity = withDates(body as Activity);
    if (deps.anonymous && !isLoopbackServiceUrl(activity.serviceUrl)) {
      deps.logger.warn({ event: 'auth.service_url_refused', type: activity.type }, 'anonymous mode: a serviceUrl that is not on this machine');
      return { status: 403, body: { error: 'Without credentials the bot only replies to a service on this machine.' } };
    }
    let auth;
    try {
      auth = await deps.authenticator.authenticate(authHeader, activity);
    } catch (error) {
      const status = error instanceof InboundAuthError ? error.status : 401;
      deps.logger.warn({ event: 'auth.refused', status, reason: error instanceof InboundAuthError ? error.reason : 'unexpected' }, 'request refused');
      return { status, body: { error: REFUSED[status] } };
    }
    try {
      const invokeResponse = await deps.adapter.runAuthenticated(auth, activity, deps.logic);
      return { status: invokeResponse?.status ?? 200, ...(invokeResponse?.body !== undefined ? { body: invokeResponse.body } : {}) };
    } catch (error) {
      // The turn's own errors are answered by onTurnError; this is what escaped even that.
      deps.logger.error({ event: 'turn.unhandled', err: error, type: activity.type }, 'turn failed outside the error handler');
      return { status: 500, body: { error: 'The activity could not be processed.' } };
    }
  };
}

/** As botbuilder's activity validator does: timestamps as dates, the text kept beside them. */
function withDates(activity: Activity): Activity {
  const raw = activity as Activity & Record<string, unknown>;
  for (const [field, rawField] of [['timestamp', 'rawTimestamp'], ['expiration', 'rawExpiration'], ['localTimestamp', 'rawLocalTimestamp']] as const) {
    const value = raw[field];
    if (typeof value === 'string') {
      raw[rawField] = value;
      raw[field] = new Date(value);
    }
  }
  return activity;
}

export function isLoopbackServiceUrl(serviceUrl: unknown): boolean {
  if (typeof serviceUrl !== 'string') return false;
  try {
    const url = new URL(serviceUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    return isLoopbackHost(url.hostname);
  } catch {
    return false;
  }
}

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}
