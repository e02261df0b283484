// The Bot Framework channel's token signing keys: its OpenID metadata document names a key set (jwks_uri).
// However many requests wait, there is one fetch at a time, bounded by a timeout. Keys are kept for a day,
// and a failed fetch is remembered for a few seconds, so an unreachable or hanging key endpoint costs each
// request a quick 503 rather than a fetch of its own or a hung connection.
import { importJWK, type CryptoKey } from 'jose';
import type { Logger } from '../platform/logger.js';

export interface SigningKey {
  key: CryptoKey;
  /** The channels (activity channelIds) this key may sign for; empty = any. */
  endorsements: string[];
}

export interface OpenIdKeys {
  /** The key with this id, or undefined when the channel publishes none; throws KeysUnavailableError. */
  find(kid: string): Promise<SigningKey | undefined>;
}

/** The keys could not be had, so no token can be told from a forgery: the caller answers 503. */
export class KeysUnavailableError extends Error {
  override name = 'KeysUnavailableError';
}

export interface OpenIdKeysOptions {
  metadataUrl: string;
  /** Bound on one fetch of the keys: both documents, headers and bodies. */
  timeoutMs: number;
  logger: Logger;
  /** Milliseconds since the epoch; tests move it. */
  now?: () => number;
}

/** As botbuilder: the keys are fetched again once a day. */
const REFRESH_MS = 24 * 60 * 60 * 1000;
/** A key id we do not know may be a new key; but forged key ids must not turn every request into a fetch. */
const UNKNOWN_KID_REFRESH_MS = 5 * 60 * 1000;
/** After a failed fetch, requests fail fast for this long instead of each trying again. */
const FAILURE_CACHE_MS = 10 * 1000;

export function createOpenIdKeys(options: OpenIdKeysOptions): OpenIdKeys {
  const now = options.now ?? (() => Date.now());
  let keys: Map<string, SigningKey> | undefined;
  let fetchedAt = 0;
  let failedAt = -Infinity;
  let inFlight: Promise<Map<string, SigningKey>> | undefined;

  function refresh(): Promise<Map<string, SigningKey>> {
    if (inFlight) return inFlight;
    if (now() - failedAt < FAILURE_CACHE_MS) return Promise.reject(new KeysUnavailableError('the signing keys could not be fetched moments ago'));
    inFlight = fetchKeys(options.metadataUrl, options.timeoutMs)
      .then(
        (fresh) => {
          keys = fresh;
          fetchedAt = now();
          return fresh;
        },
        (error: unknown) => {
          failedAt = now();
          options.logger.warn({ event: 'auth.keys_unavailable', url: options.metadataUrl, err: error }, 'the channel signing keys could not be fetched');
          throw new KeysUnavailableError(`the signing keys could not be fetched: ${(error as Error).message}`);
        },
      )
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  }

  return {
    async find(kid) {
      // Day-old keys are refreshed in the background; until that succeeds, the keys we have still serve
      // (a failure is logged in refresh), so a key endpoint outage does not stop known-good traffic.
      if (keys && now() - fetchedAt >= REFRESH_MS) refresh().catch(() => undefined);
      const known = keys?.get(kid);
      if (known) return known;
      if (keys && now() - fetchedAt < UNKNOWN_KID_REFRESH_MS) return undefined;
      return (await refresh()).get(kid);
    },
  };
}

async function fetchKeys(metadataUrl: string, timeoutMs: number): Promise<Map<string, SigningKey>> {
  // One signal for the whole exchange, so two slow documents cannot take twice the bound.
  const signal = AbortSignal.timeout(timeoutMs);
  const metadata = await getJson(metadataUrl, signal);
  const jwksUri = (metadata as { jwks_uri?: unknown } | null)?.jwks_uri;
  if (typeof jwksUri !== 'string') throw new Error('the OpenID metadata has no jwks_uri');
  const jwks = await getJson(jwksUri, signal);
  const published = (jwks as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(published)) throw new Error('the key set has no keys');
  const keys = new Map<string, SigningKey>();
  for (const jwk of published) {
    const key = await toSigningKey(jwk);
    if (key) keys.set((jwk as { kid: string }).kid, key);
  }
  if (keys.size === 0) throw new Error('the key set has no RSA signing key');
  return keys;
}

async function getJson(url: string, signal: AbortSignal): Promise<unknown> {
  const response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

/** An RSA key for RS256 signatures, or undefined for any other published key (they cannot sign a channel token). */
async function toSigningKey(jwk: unknown): Promise<SigningKey | undefined> {
  if (!jwk || typeof jwk !== 'object') return undefined;
  const { kty, kid, use, alg, n, e, endorsements } = jwk as Record<string, unknown>;
  if (kty !== 'RSA' || typeof kid !== 'string' || typeof n !== 'string' || typeof e !== 'string') return undefined;
  if ((use !== undefined && use !== 'sig') || (alg !== undefined && alg !== 'RS256')) return undefined;
  try {
    // Only the public numbers: the other members (x5c, endorsements, ...) are not WebCrypto's business.
    const key = await importJWK({ kty, n, e }, 'RS256');
    return { key: key as CryptoKey, endorsements: Array.isArray(endorsements) ? endorsements.filter((item): item is string => typeof item === 'string') : [] };
  } catch {
    return undefined;
  }
}
