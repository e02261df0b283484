// With an app id, only the Bot Framework channel may post to /api/messages: a token signed with a key the
// channel publishes, for this app and this activity. The keys are served from this machine (a loopback
// OpenID metadata document and key set); nothing leaves it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, base64url, exportJWK, exportSPKI, generateKeyPair, type CryptoKey, type GenerateKeyPairResult, type JWK, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOpenIdKeys } from '../../src/bot/openid-keys.js';
import { createLogger } from '../../src/platform/logger.js';
import { removeDir, startHarness, type Harness } from './harness.js';
import { composeQuery, conversation } from './teams.js';

const APP_ID = '5c6a9f0e-3d2b-4e8a-9a41-2f7d3b1c8e90';
const ISSUER = 'https://api.botframework.com';
const TIMEOUT_MS = 500;

let teams: GenerateKeyPairResult;
let stranger: GenerateKeyPairResult;
let teamsJwk: JWK;
beforeAll(async () => {
  teams = await generateKeyPair('RS256', { extractable: true });
  stranger = await generateKeyPair('RS256');
  // As login.botframework.com publishes them: RSA, for signatures, endorsed for some channels.
  teamsJwk = { ...(await exportJWK(teams.publicKey)), kid: 'teams-key', use: 'sig', endorsements: ['msteams'] } as JWK;
});

interface KeyServer {
  /** The OpenID metadata document's URL. */
  url: string;
  /** The paths requested, in order. */
  hits: string[];
  /** ok: answers; hang: takes requests and never answers. */
  mode: 'ok' | 'hang';
  jwks: { keys: JWK[] };
  /** Closes the port: connections are refused until start. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

async function startKeyServer(): Promise<KeyServer> {
  let server: Server | undefined;
  let port = 0;
  const keyServer: KeyServer = {
    url: '',
    hits: [],
    mode: 'ok',
    jwks: { keys: [teamsJwk] },
    stop: () =>
      new Promise<void>((resolve) => {
        server!.close(() => resolve());
        server!.closeAllConnections();
      }),
    start: () =>
      new Promise<void>((resolve, reject) => {
        server = createServer((req, res) => {
          keyServer.hits.push(req.url ?? '');
          if (keyServer.mode === 'hang') return;
          res.setHeader('content-type', 'application/json');
          if (req.url === '/openid') res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `http://127.0.0.1:${port}/keys` }));
          else if (req.url === '/keys') res.end(JSON.stringify(keyServer.jwks));
          else res.writeHead(404).end();
        });
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          port = (server!.address() as AddressInfo).port;
          keyServer.url = `http://127.0.0.1:${port}/openid`;
          resolve();
        });
      }),
  };
  await keyServer.start();
  return keyServer;
}

async function startBot(keys: KeyServer): Promise<Harness> {
  return startHarness({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x', BOT_OPENID_METADATA_URL: keys.url, BOT_OPENID_TIMEOUT_MS: String(TIMEOUT_MS) });
}

type Activity = ReturnType<typeof composeQuery> & { channelId: string };

interface TokenChange {
  claims?: JWTPayload;
  kid?: string;
  key?: CryptoKey;
}

/** A token as the channel signs it for this activity, with whatever a case changes. */
async function channelToken(activity: Activity, change: TokenChange = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: ISSUER, aud: APP_ID, serviceurl: activity.serviceUrl, iat: now - 60, nbf: now - 60, exp: now + 3600, ...change.claims })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: change.kid ?? 'teams-key' })
    .sign(change.key ?? teams.privateKey);
}

function post(bot: Harness, activity: unknown, authorization?: string): Promise<Response> {
  return fetch(bot.botUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization !== undefined ? { authorization } : {}) },
    body: JSON.stringify(activity),
  });
}

async function expectHealthy(bot: Harness): Promise<void> {
  expect((await fetch(`${bot.app.server.url}/health`)).status).toBe(200);
}

/** Nothing from the library, the key endpoint or the token in what the caller sees. */
function expectGenericBody(text: string): void {
  for (const leak of ['jwt', 'signature', 'openid', 'getaddrinfo', 'ECONNREFUSED', APP_ID]) expect(text.toLowerCase()).not.toContain(leak.toLowerCase());
}

const lookup = (bot: Harness, channelId = 'msteams'): Activity => ({ ...composeQuery(conversation(bot.connector.url), 'Mora'), channelId });

describe('with an app id, tokens from the channel', () => {
  let keys: KeyServer;
  let bot: Harness;
  beforeAll(async () => {
    keys = await startKeyServer();
    bot = await startBot(keys);
  });
  afterAll(async () => {
    await bot?.close();
    if (bot) removeDir(bot.storageDir);
    await keys?.stop();
  });

  it('a request with a valid channel token is answered', async () => {
    const activity = lookup(bot);
    const res = await post(bot, activity, `Bearer ${await channelToken(activity)}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).composeExtension.type).toBe('result');
  });

  it('a token that expired within the five minutes of allowed clock skew is still accepted', async () => {
    const activity = lookup(bot);
    const now = Math.floor(Date.now() / 1000);
    const res = await post(bot, activity, `Bearer ${await channelToken(activity, { claims: { exp: now - 60 } })}`);
    expect(res.status).toBe(200);
  });

  const now = () => Math.floor(Date.now() / 1000);
  const cases: [string, (activity: Activity) => Promise<string | undefined>, RegExp][] = [
    ['no Authorization header', async () => undefined, /no Authorization header/],
    ['a scheme other than Bearer', async () => 'Basic dXNlcjpwYXNz', /not a Bearer token/],
    ['a malformed token', async () => 'Bearer not.a.token', /malformed/],
    ['a key the channel does not publish', async (a) => `Bearer ${await channelToken(a, { kid: 'stranger-key', key: stranger.privateKey })}`, /does not publish/],
    ['a wrong signature (the channel key id, another private key)', async (a) => `Bearer ${await channelToken(a, { key: stranger.privateKey })}`, /did not verify/],
    [
      'an unsigned token (alg none)',
      async (a) => {
        const part = (value: unknown) => base64url.encode(JSON.stringify(value));
        return `Bearer ${part({ alg: 'none', typ: 'JWT', kid: 'teams-key' })}.${part({ iss: ISSUER, aud: APP_ID, serviceurl: a.serviceUrl, exp: now() + 3600 })}.`;
      },
      /RS256/,
    ],
    [
      'the public key used as an HMAC secret (HS256)',
      async (a) => {
        const secret = new TextEncoder().encode(await exportSPKI(teams.publicKey));
        const token = await new SignJWT({ iss: ISSUER, aud: APP_ID, serviceurl: a.serviceUrl, exp: now() + 3600 }).setProtectedHeader({ alg: 'HS256', kid: 'teams-key' }).sign(secret);
        return `Bearer ${token}`;
      },
      /RS256/,
    ],
    ['an expired token (beyond the clock skew)', async (a) => `Bearer ${await channelToken(a, { claims: { iat: now() - 7200, nbf: now() - 7200, exp: now() - 600 } })}`, /"exp"/],
    ['a token not yet valid (beyond the clock skew)', async (a) => `Bearer ${await channelToken(a, { claims: { nbf: now() + 600 } })}`, /"nbf"/],
    ['a token without an expiry', async (a) => `Bearer ${await channelToken(a, { claims: { exp: undefined } })}`, /"exp"/],
    ['a token for another app', async (a) => `Bearer ${await channelToken(a, { claims: { aud: '0b1f3c2e-9d4a-4f6b-8e7c-1a2b3c4d5e6f' } })}`, /another app/],
    ['a token from another issuer', async (a) => `Bearer ${await channelToken(a, { claims: { iss: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/' } })}`, /issuer/],
    ['a token for another serviceUrl', async (a) => `Bearer ${await channelToken(a, { claims: { serviceurl: 'https://smba.example.net/emea/' } })}`, /serviceUrl/],
  ];

  it.each(cases)('%s is refused with 401 and a generic body; the log says why', async (_name, authorization, reason) => {
    const activity = lookup(bot);
    const res = await post(bot, activity, await authorization(activity));
    expect(res.status).toBe(401);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: 'Unauthorized.' });
    expectGenericBody(text);
    const refusal = bot.logs.filter((line) => line.event === 'auth.refused').at(-1);
    expect(refusal).toMatchObject({ status: 401 });
    expect(refusal!.reason).toMatch(reason);
    expect(refusal!.reason).not.toContain(APP_ID);
  });

  it('a key endorsed for Teams does not sign for another channel', async () => {
    const activity = lookup(bot, 'slack');
    const res = await post(bot, activity, `Bearer ${await channelToken(activity)}`);
    expect(res.status).toBe(401);
    expectGenericBody(await res.text());
  });

  it('forged tokens cause no fetch of the keys beyond the first, and /health stays 200', async () => {
    expect(keys.hits).toEqual(['/openid', '/keys']);
    await expectHealthy(bot);
  });
});

describe('with an app id, while the key endpoint is down', () => {
  // One outage, in the order an operator lives it: refused, then hanging, then back.
  let keys: KeyServer;
  let bot: Harness;
  beforeAll(async () => {
    keys = await startKeyServer();
    await keys.stop();
    bot = await startBot(keys);
    // Only Date is faked, to step past the negative cache; timers and timeouts stay real.
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterAll(async () => {
    vi.useRealTimers();
    await bot?.close();
    if (bot) removeDir(bot.storageDir);
    await keys?.stop();
  });
  const stepPastNegativeCache = () => vi.setSystemTime(new Date(Date.now() + 11_000));

  async function expectUnavailable(res: Response): Promise<void> {
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: 'Authentication is unavailable right now; try again.' });
    expectGenericBody(text);
  }

  it('a valid request gets 503, not a 500 with the connection error, when the key endpoint refuses connections', async () => {
    const activity = lookup(bot);
    await expectUnavailable(await post(bot, activity, `Bearer ${await channelToken(activity)}`));
    expect(bot.logs.some((line) => line.event === 'auth.keys_unavailable')).toBe(true);
    await expectHealthy(bot);
  });

  it('right after a failed fetch, requests get 503 at once without another fetch', async () => {
    await keys.start();
    const activity = lookup(bot);
    await expectUnavailable(await post(bot, activity, `Bearer ${await channelToken(activity)}`));
    expect(keys.hits).toEqual([]);
  });

  it('when the key endpoint hangs, concurrent requests share one fetch and all get 503 within the timeout', async () => {
    stepPastNegativeCache();
    keys.mode = 'hang';
    const started = performance.now();
    const requests = Array.from({ length: 5 }, async () => {
      const activity = lookup(bot);
      return post(bot, activity, `Bearer ${await channelToken(activity)}`);
    });
    await expectHealthy(bot);
    for (const res of await Promise.all(requests)) await expectUnavailable(res);
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + 3000);
    expect(keys.hits).toEqual(['/openid']);

    const activity = lookup(bot);
    await expectUnavailable(await post(bot, activity, `Bearer ${await channelToken(activity)}`));
    expect(keys.hits).toEqual(['/openid']);
  });

  it('once the key endpoint is back (past the negative cache), valid requests are answered and the keys are reused', async () => {
    stepPastNegativeCache();
    keys.mode = 'ok';
    keys.hits.length = 0;
    for (let i = 0; i < 2; i++) {
      const activity = lookup(bot);
      const res = await post(bot, activity, `Bearer ${await channelToken(activity)}`);
      expect(res.status).toBe(200);
    }
    expect(keys.hits).toEqual(['/openid', '/keys']);
    await expectHealthy(bot);
  });
});

describe('the signing keys over time', () => {
  let keys: KeyServer;
  let clock: number;
  const source = () => createOpenIdKeys({ metadataUrl: keys.url, timeoutMs: TIMEOUT_MS, logger: createLogger('silent'), now: () => clock });
  beforeAll(async () => {
    keys = await startKeyServer();
  });
  afterAll(async () => {
    await keys?.stop();
  });
  const reset = () => {
    keys.hits.length = 0;
    keys.jwks = { keys: [teamsJwk] };
    clock = Date.UTC(2026, 10, 22, 9);
  };
  const HOUR = 60 * 60 * 1000;

  it('are fetched once and used for a day, then refreshed without making a request wait', async () => {
    reset();
    const openId = source();
    expect(await openId.find('teams-key')).toBeDefined();
    clock += 23 * HOUR;
    expect(await openId.find('teams-key')).toBeDefined();
    expect(keys.hits).toHaveLength(2);
    clock += 2 * HOUR;
    expect(await openId.find('teams-key')).toBeDefined();
    await vi.waitFor(() => expect(keys.hits).toHaveLength(4));
  });

  it('a key the channel starts using is picked up, but unknown key ids fetch at most once per five minutes', async () => {
    reset();
    const openId = source();
    expect(await openId.find('teams-key')).toBeDefined();
    keys.jwks = { keys: [teamsJwk, { ...teamsJwk, kid: 'next-key' }] };
    expect(await openId.find('next-key')).toBeUndefined();
    expect(keys.hits).toHaveLength(2);
    clock += 5 * 60 * 1000;
    expect(await openId.find('next-key')).toBeDefined();
    expect(keys.hits).toHaveLength(4);
  });

  it('keep serving the keys they have while a refresh fails', async () => {
    reset();
    const openId = source();
    expect(await openId.find('teams-key')).toBeDefined();
    await keys.stop();
    try {
      clock += 25 * HOUR;
      expect(await openId.find('teams-key')).toBeDefined();
      await expect(openId.find('next-key')).rejects.toThrow(/could not be fetched/);
    } finally {
      await keys.start();
    }
  });
});
