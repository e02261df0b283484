// Authentication of requests from the Bot Framework channel. Every token fault is a 401 with a generic
// body; a key endpoint that cannot be reached is a 503 within a bound, never a hung request.
// botbuilder's own validation answers bad tokens with 500 and its error text, and fetches the keys
// without a timeout on every request while they are missing; so the channel's rules (ChannelValidation,
// JwtTokenExtractor in botframework-connector) are applied here, with jose checking the signature.
import { CallerIdConstants, type Activity, type ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity, type AuthenticateRequestResult } from 'botframework-connector';
import { decodeJwt, decodeProtectedHeader, jwtVerify, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import type { Logger } from '../platform/logger.js';
import { createOpenIdKeys, type OpenIdKeys, type SigningKey } from './openid-keys.js';

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
  /** Where the channel publishes its signing keys (BOT_OPENID_METADATA_URL). */
  openIdMetadataUrl: string;
  /** Bound on fetching the signing keys (BOT_OPENID_TIMEOUT_MS). */
  keyFetchTimeoutMs: number;
}

const ISSUER = AuthenticationConstants.ToBotFromChannelTokenIssuer;
/** As ChannelValidation: five minutes of clock skew either way. */
const CLOCK_TOLERANCE_SECONDS = 5 * 60;

export function createInboundAuthenticator(options: AuthOptions): InboundAuthenticator {
  const { appId, authentication } = options;
  // No app id: botbuilder's anonymous claims, without a token and without any network.
  if (!appId) return { authenticate: (_authHeader, activity) => authentication.authenticateRequest(activity, '') };
  const keys = createOpenIdKeys({ metadataUrl: options.openIdMetadataUrl, timeoutMs: options.keyFetchTimeoutMs, logger: options.logger });
  return {
    async authenticate(authHeader, activity) {
      const claims = await verifyChannelToken(authHeader, activity, appId, keys);
      // As JwtTokenExtractor: every claim of the verified token, values as they are.
      const claimsIdentity = new ClaimsIdentity(
        Object.entries(claims).map(([type, value]) => ({ type, value: value as string })),
        true,
      );
      // What ParameterizedBotFrameworkAuthentication.authenticateRequest answers for a channel request.
      return {
        claimsIdentity,
        audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
        callerId: CallerIdConstants.PublicAzureChannel,
        connectorFactory: authentication.createConnectorFactory(claimsIdentity),
      };
    },
  };
}

/** The claims of a channel token for this app and this activity, or InboundAuthError. */
async function verifyChannelToken(authHeader: string, activity: Activity, appId: string, keys: OpenIdKeys): Promise<JWTPayload> {
  if (!authHeader) throw refused('no Authorization header');
  const token = /^Bearer (\S+)$/i.exec(authHeader)?.[1];
  if (!token) throw refused('the Authorization header is not a Bearer token');

  // Unverified, only to refuse early: junk, other algorithms and other issuers never cause a key fetch
  // (nor a 503 while the key endpoint is down). The signature check below decides.
  let header: ProtectedHeaderParameters;
  let unverified: JWTPayload;
  try {
    header = decodeProtectedHeader(token);
    unverified = decodeJwt(token);
  } catch {
    throw refused('the token is malformed');
  }
  // RS256 only: no unsigned tokens (alg none), no public key used as an HMAC secret (HS256).
  if (header.alg !== 'RS256') throw refused('the token is not signed with RS256');
  if (typeof header.kid !== 'string') throw refused('the token names no signing key');
  if (unverified.iss !== ISSUER) throw refused('the token is not from the Bot Framework channel (issuer)');

  let key: SigningKey | undefined;
  try {
    key = await keys.find(header.kid);
  } catch (error) {
    throw new InboundAuthError(503, (error as Error).message);
  }
  if (!key) throw refused('the token is signed with a key the channel does not publish');

  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(token, key.key, { algorithms: ['RS256'], issuer: ISSUER, clockTolerance: CLOCK_TOLERANCE_SECONDS, requiredClaims: ['exp'] }));
  } catch (error) {
    throw refused(`the token did not verify: ${(error as Error).message}`);
  }
  // Exactly this app: a list of audiences would also become the connector's app id.
  if (claims.aud !== appId) throw refused('the token is for another app (audience)');
  // A key endorsed for some channels (msteams, ...) signs for those only.
  if (key.endorsements.length > 0 && !key.endorsements.includes(activity.channelId)) throw refused('the signing key is not endorsed for the activity channel');
  // The channel vouches for where replies go: a token for one serviceUrl cannot send replies, with the
  // bot's own credentials, to another.
  if (claims[AuthenticationConstants.ServiceUrlClaim] !== activity.serviceUrl) throw refused('the serviceUrl of the activity is not the one in the token');
  return claims;
}

function refused(reason: string): InboundAuthError {
  return new InboundAuthError(401, reason);
}
