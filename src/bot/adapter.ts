// The Bot Framework side: CloudAdapter with credentials from the environment (none = anonymous, local).
import { CloudAdapter, ConfigurationServiceClientCredentialFactory, CardFactory, MessageFactory, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import { randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import { langOfLocale } from '../brain/language.js';
import { errorCard } from '../cards/view.js';
import { CachingBotFrameworkAuthentication } from './connectors.js';
import type { Logger } from '../platform/logger.js';

/**
 * CloudAdapter, given an activity whose request was already authenticated (src/bot/auth.ts): its own
 * `process` answers token faults with 500 and the library's error text, and parses nothing itself.
 */
export class BotAdapter extends CloudAdapter {
  /** Runs the turn; resolves with the invoke response (for invokes) or undefined. */
  runAuthenticated(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

export interface AdapterParts {
  adapter: BotAdapter;
  /** Bot Framework's configuration of this app (connector factories, anonymous claims). */
  authentication: CachingBotFrameworkAuthentication;
}

export function createAdapter(config: Config, logger: Logger): AdapterParts {
  const credentials = {
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType || 'MultiTenant',
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  };
  const authentication = new CachingBotFrameworkAuthentication(credentials, new ConfigurationServiceClientCredentialFactory(credentials));
  const adapter = new BotAdapter(authentication);
  adapter.onTurnError = turnErrorHandler(logger);
  return { adapter, authentication };
}

/** The user gets a short apology card with a correlation id; the log gets the error under the same id. */
export function turnErrorHandler(logger: Logger): (context: TurnContext, error: Error) => Promise<void> {
  return async (context: TurnContext, error: Error) => {
    const correlationId = randomUUID();
    logger.error({ event: 'turn.error', correlationId, err: error, activityType: context.activity.type, conversation: context.activity.conversation?.id }, 'turn failed');
    try {
      const lang = langOfLocale(context.activity.locale);
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(errorCard(lang, correlationId)), lang === 'sv' ? 'Något gick fel.' : 'Something went wrong.'));
    } catch (sendError) {
      logger.error({ event: 'turn.error.reply_failed', correlationId, err: sendError }, 'could not tell the user');
    }
  };
}
