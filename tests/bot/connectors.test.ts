// Connector clients are made once per app, service URL and audience, not once per turn.
import { ClaimsIdentity, ConnectorFactory, type ConnectorClient, type MicrosoftAppCredentials } from 'botframework-connector';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CachingBotFrameworkAuthentication, CachingConnectorFactory } from '../../src/bot/connectors.js';

/** MSAL as botframework-connector loads it (CommonJS), so that a stand-in replaces the one it calls. */
const msal = createRequire(createRequire(import.meta.url).resolve('botframework-connector'))('@azure/msal-node') as typeof import('@azure/msal-node');

afterEach(() => {
  vi.restoreAllMocks();
});

class CountingFactory extends ConnectorFactory {
  made: string[] = [];
  fail = false;
  async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    this.made.push(`${serviceUrl} ${audience}`);
    if (this.fail) throw new Error('no credentials');
    return { serviceUrl, audience } as unknown as ConnectorClient;
  }
}

describe('CachingConnectorFactory', () => {
  it('gives the same client for the same service URL and audience, another for another', async () => {
    const inner = new CountingFactory();
    const factory = new CachingConnectorFactory(inner);
    const a = await factory.create('https://smba.trafficmanager.net/emea/', 'https://api.botframework.com');
    expect(await factory.create('https://smba.trafficmanager.net/emea/', 'https://api.botframework.com')).toBe(a);
    const b = await factory.create('https://smba.trafficmanager.net/amer/', 'https://api.botframework.com');
    expect(b).not.toBe(a);
    expect(await factory.create('https://smba.trafficmanager.net/emea/', 'other')).not.toBe(a);
    expect(inner.made).toHaveLength(3);
  });

  it('does not keep a creation that failed', async () => {
    const inner = new CountingFactory();
    const factory = new CachingConnectorFactory(inner);
    inner.fail = true;
    await expect(factory.create('https://x.example/', undefined)).rejects.toThrow('no credentials');
    inner.fail = false;
    await expect(factory.create('https://x.example/', undefined)).resolves.toBeDefined();
    expect(inner.made).toHaveLength(2);
  });
});

describe('CachingBotFrameworkAuthentication', () => {
  it('keeps one factory per app id, also for anonymous requests', async () => {
    const authentication = new CachingBotFrameworkAuthentication({});
    const one = authentication.createConnectorFactory(new ClaimsIdentity([{ type: 'aud', value: 'app-1' }], true));
    expect(authentication.createConnectorFactory(new ClaimsIdentity([{ type: 'aud', value: 'app-1' }], true))).toBe(one);
    expect(authentication.createConnectorFactory(new ClaimsIdentity([{ type: 'aud', value: 'app-2' }], true))).not.toBe(one);
    const activity = { type: 'message', serviceUrl: 'http://127.0.0.1:1/', channelId: 'msteams' } as never;
    const first = await authentication.authenticateRequest(activity, '');
    const second = await authentication.authenticateRequest(activity, '');
    expect(second.connectorFactory).toBe(first.connectorFactory);
    const client = await first.connectorFactory!.create('http://127.0.0.1:1/', first.audience);
    expect(await second.connectorFactory!.create('http://127.0.0.1:1/', second.audience)).toBe(client);
  });

  it('keeps one user token client per app id', async () => {
    const authentication = new CachingBotFrameworkAuthentication({});
    const claims = (appId: string) => new ClaimsIdentity([{ type: 'aud', value: appId }], true);
    const one = await authentication.createUserTokenClient(claims('app-1'));
    expect(await authentication.createUserTokenClient(claims('app-1'))).toBe(one);
    expect(await authentication.createUserTokenClient(claims('app-2'))).not.toBe(one);
  });
});

describe('kept clients with app credentials', () => {
  const claims = (appId: string) => new ClaimsIdentity([{ type: 'aud', value: appId }], true);

  it('hold the bot’s credentials for their own audience, and fetch a fresh token once the last one expired', async () => {
    const appId = `app-${randomUUID()}`;
    const authentication = new CachingBotFrameworkAuthentication({ MicrosoftAppId: appId, MicrosoftAppPassword: 'secret', MicrosoftAppType: 'MultiTenant' });
    const factory = authentication.createConnectorFactory(claims(appId));
    const seen: (string | undefined)[] = [];
    const server = createServer((req, res) => {
      seen.push(req.headers.authorization);
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"1"}'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const client = await factory.create(serviceUrl, 'https://api.botframework.com');
      expect(await factory.create(serviceUrl, 'https://api.botframework.com')).toBe(client);
      const other = await factory.create(serviceUrl, 'https://api.botframework.us');
      expect(other).not.toBe(client);
      const credentials = client.credentials as MicrosoftAppCredentials;
      expect(credentials.appId).toBe(appId);
      expect(credentials.oAuthScope).toBe('https://api.botframework.com');
      expect((other.credentials as MicrosoftAppCredentials).oAuthScope).toBe('https://api.botframework.us');

      // Every token has expired by the time it is next needed: each request must get a new one. The
      // token endpoint is MSAL's, stood in for here: nothing leaves the machine.
      let issued = 0;
      const acquire = vi.spyOn(msal.ConfidentialClientApplication.prototype, 'acquireTokenByClientCredential').mockImplementation(async () => ({ accessToken: `token-${++issued}`, expiresOn: new Date(Date.now() - 1000) }) as never);
      const activity = { type: 'message', text: 'hej' } as never;
      await client.conversations.replyToActivity('a:conversation', 'm-1', activity);
      await client.conversations.replyToActivity('a:conversation', 'm-2', activity);
      expect(seen).toEqual(['Bearer token-1', 'Bearer token-2']);
      expect(acquire).toHaveBeenCalledTimes(2);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
