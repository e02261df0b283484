// Authentication of requests from the Bot Framework channel. Every token fault is a 401 with a generic
// body; a key endpoint that cannot be reached is a 503 within a bound, never a hung request.
import type { Activity } from 'botbuilder';
import type { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import type { Logger } from '../platform/logger.js';

/** Why a request is refused: 401 (the token) or 503 (the keys to check it could not be had). */
export class InboundAuthError extends Error {
  constructor(
    readonly status: 401 | 503,
    /** For the log only; the HTTP body is generic. */
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'InboundAuthError';
  }
}

export interface InboundAuthenticator {
  /** The claims of a valid request, or throws InboundAuthError. */
  authenticate(authHeader: string, activity: Activity): Promise<AuthenticateRequestResult>;
}

export interface AuthOptions {
  appId: string;
  authentication: ConfigurationBotFrameworkAuthentication;
  logger: Logger;
}

export function createInboundAuthenticator(options: AuthOptions): InboundAuthenticator {
  return {
    async authenticate(authHeader, activity) {
      try {
        return await options.authentication.authenticateRequest(activity, authHeader);
      } catch (error) {
        if (error instanceof AuthenticationError) throw new InboundAuthError(401, error.message);
        throw new InboundAuthError(401, (error as Error).message);
      }
    },
  };
}
