// One ConnectorClient per app, service URL and audience, and one UserTokenClient per app, kept for the
// life of the process. CloudAdapter asks its authentication for a new connector factory and a new user
// token client on every request, and each builds new credentials and a new service client (its whole
// HTTP pipeline: a dozen policies, a serializer, a sanitizer) for every turn, which cost more CPU than
// sending the reply. BotFrameworkAdapter kept its clients the same way. A client holds no per-turn
// state; its credentials are the bot's own for that audience (never a tenant's or a user's), and they
// fetch and refresh their token on every request (AppCredentials' token cache, renewed 5 minutes
// before it expires), so a kept client never sends an expired token.
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { AuthenticationConstants, ConnectorFactory, type AuthenticateRequestResult, type ClaimsIdentity, type ConnectorClient, type UserTokenClient } from 'botframework-connector';

/**
 * Service URLs are a handful per cloud (Teams: one per region, or one per tenant and region); the
 * bound only keeps a flood of distinct URLs from growing memory. The least recently used goes first.
 */
const MAX_CLIENTS = 256;

/** A map of at most MAX_CLIENTS promises, least recently used out first; a promise that rejects is not kept. */
class PromiseCache<T> {
  private readonly entries = new Map<string, Promise<T>>();

  get size(): number {
    return this.entries.size;
  }

  getOrCreate(key: string, create: () => Promise<T>): Promise<T> {
    const known = this.entries.get(key);
    if (known) {
      this.entries.delete(key);
      this.entries.set(key, known);
      return known;
    }
    const created = create();
    this.entries.set(key, created);
    if (this.entries.size > MAX_CLIENTS) this.entries.delete(this.entries.keys().next().value!);
    // A failed creation (credentials not configured, for instance) is tried again next time.
    created.catch(() => {
      if (this.entries.get(key) === created) this.entries.delete(key);
    });
    return created;
  }
}

/** A connector factory that creates each (service URL, audience) client once. */
export class CachingConnectorFactory extends ConnectorFactory {
  private readonly clients = new PromiseCache<ConnectorClient>();

  constructor(private readonly inner: ConnectorFactory) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.clients.getOrCreate(JSON.stringify([serviceUrl, audience ?? null]), () => this.inner.create(serviceUrl, audience));
  }
}

/**
 * The app id botframework-connector makes clients for (ParameterizedBotFrameworkAuthentication's
 * getAppId): the audience claim, else the appid claim, else none. As a key, so that none is not ''.
 */
function appKeyOf(claimsIdentity: ClaimsIdentity): string {
  return JSON.stringify(claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? null);
}

/** ConfigurationBotFrameworkAuthentication whose connector factories and user token clients (one per app id) are kept. */
export class CachingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly factories = new Map<string, CachingConnectorFactory>();
  private readonly userTokenClients = new PromiseCache<UserTokenClient>();

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const key = appKeyOf(claimsIdentity);
    let factory = this.factories.get(key);
    if (!factory) {
      factory = new CachingConnectorFactory(super.createConnectorFactory(claimsIdentity));
      // Only this app's id passes authentication (src/bot/auth.ts); the bound is a guard, not a policy.
      if (this.factories.size >= MAX_CLIENTS) this.factories.delete(this.factories.keys().next().value!);
      this.factories.set(key, factory);
    }
    return factory;
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokenClients.getOrCreate(appKeyOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    return { ...result, connectorFactory: this.createConnectorFactory(result.claimsIdentity) };
  }
}
