// The Bot Framework side: CloudAdapter with credentials from the environment (none = anonymous, local).
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory, CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import { langOfLocale } from '../brain/language.js';
import { errorCard } from '../cards/view.js';
import type { Logger } from '../platform/logger.js';

export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  const credentials = {
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType || 'MultiTenant',
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  };
  const auth = new ConfigurationBotFrameworkAuthentication(credentials, new ConfigurationServiceClientCredentialFactory(credentials));
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = turnErrorHandler(logger);
  return adapter;
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
