// Composition root: configuration, knowledge, state, brain, bot, reminders and HTTP wired together.
// main.ts runs it for `npm start`; the end-to-end tests start it on a random port with temporary state.
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { CardFactory, MessageFactory } from 'botbuilder';
import { createAdapter } from './bot/adapter.js';
import { createInboundAuthenticator } from './bot/auth.js';
import { keySentence, StimulusBot } from './bot/bot.js';
import { AdapterSender } from './bot/proactive-sender.js';
import { createMessageHandler, isLoopbackHost } from './bot/inbound.js';
import { startServer, type BotServer } from './bot/server.js';
import { DocumentStorage } from './bot/storage.js';
import { knownPlaces } from './brain/answers/unknown.js';
import { createBrain, type Clock } from './brain/brain.js';
import { langOfLocale } from './brain/language.js';
import { cardForReply } from './cards/view.js';
import type { Config } from './config.js';
import { loadKnowledge } from './knowledge/index.js';
import { handleNotify } from './notifications/notify-endpoint.js';
import { ReminderPass, type ProactiveSender } from './notifications/pass.js';
import { planReminders } from './notifications/reminders.js';
import { reminderReply } from './notifications/render.js';
import { startScheduler, type Scheduler } from './notifications/scheduler.js';
import { Subscriptions } from './notifications/subscriptions.js';
import { BlobDocumentStore } from './platform/blob-store.js';
import { FileDocumentStore, type DocumentStore } from './platform/file-store.js';
import type { Logger } from './platform/logger.js';

export interface App {
  server: BotServer;
  documents: DocumentStore;
  subscriptions: Subscriptions;
  pass: ReminderPass;
  scheduler?: Scheduler;
  close: () => Promise<void>;
}

export interface Ports {
  clock: Clock;
  logger: Logger;
  /** The real time; tests move it. */
  now?: () => Date;
  documents?: DocumentStore;
  /** The way to Teams for proactive messages; the adapter's by default. */
  sender?: ProactiveSender;
}

export async function startApp(config: Config, ports: Ports): Promise<App> {
  const { logger } = ports;
  const now = ports.now ?? (() => new Date());
  // Anonymous means anyone who reaches the port can post activities: refused before anything listens.
  if (!config.MicrosoftAppId && !isLoopbackHost(config.HOST) && !config.ALLOW_ANONYMOUS) {
    throw new StartupError(`No MicrosoftAppId and HOST=${config.HOST}: refusing to run anonymous on a network interface (set ALLOW_ANONYMOUS=true to insist)`);
  }
  // Listening first: /health says 503 while the knowledge loads and is verified.
  const server = await startServer({ logger, port: config.PORT, host: config.HOST });
  try {
    return await wire(config, ports, server, now);
  } catch (error) {
    // Broken knowledge or unreachable storage: nothing half-started is left listening.
    await server.close();
    throw error;
  }
}

async function wire(config: Config, ports: Ports, server: BotServer, now: () => Date): Promise<App> {
  const { clock, logger } = ports;
  const { store, report, version } = loadKnowledge();
  const brain = createBrain(store, clock, { cacheSize: config.ANSWER_CACHE_SIZE });
  const documents = ports.documents ?? (await openDocuments(config));
  const subscriptions = new Subscriptions(documents, (key, error) => logger.warn({ event: 'subscription.unreadable', key, err: error }, 'subscription left out of this pass'));
  const { adapter, authentication } = createAdapter(config, logger);
  const bot = new StimulusBot({
    brain,
    store,
    storage: new DocumentStorage(documents),
    documents,
    logger,
    allowedTenants: config.ALLOWED_TENANT_IDS,
    welcome: { known: (lang) => knownPlaces({ store, lang }) },
    subscriptions,
    reminderSchedule: { daysBefore: config.REMINDER_DAYS_BEFORE, hour: config.REMINDER_HOUR },
    now,
  });

  const reminders = planReminders(store.knowledge.deadlines, { daysBefore: config.REMINDER_DAYS_BEFORE, hour: config.REMINDER_HOUR, zone: 'Europe/Stockholm' });
  const pass = new ReminderPass(
    {
      store: documents,
      subscriptions,
      sender: ports.sender ?? new AdapterSender(adapter, config.MicrosoftAppId),
      reminders: () => reminders,
      logger,
      now,
      render: (reminder, conversation, asOf) => {
        const reply = reminderReply(reminder, store, langOfLocale(conversation.locale), asOf);
        const card = cardForReply(reply, { question: reply.suggestions[0]?.question ?? reply.title, context: '{}' });
        return { ...MessageFactory.attachment(CardFactory.adaptiveCard(card), keySentence(reply.text)) } as Record<string, unknown>;
      },
    },
    {
      instanceId: config.INSTANCE_ID || `${hostname()}-${process.pid}`,
      perTenantPerSecond: config.PACE_TENANT_PER_SECOND,
      perConversationPerSecond: config.PACE_CONVERSATION_PER_SECOND,
      takeoverMs: config.REMINDER_TAKEOVER_SECONDS * 1000,
    },
  );
  const scheduler = config.SCHEDULER === 'on' ? startScheduler((asOf) => pass.run(asOf), { everyMs: 60_000, recheckMs: config.REMINDER_TAKEOVER_SECONDS * 1000 + 1000, logger, now }) : undefined;
  const runPass = (asOf: Date) => (scheduler ? scheduler.runNow(asOf) : pass.run(asOf).catch(() => undefined));

  if (!config.MicrosoftAppId) logger.warn({ event: 'auth.anonymous' }, 'no MicrosoftAppId: running anonymous for local use (no authentication, replies only to services on this machine)');
  server.ready({
    messages: createMessageHandler({
      adapter,
      authenticator: createInboundAuthenticator({ appId: config.MicrosoftAppId, authentication, logger }),
      logic: (context) => bot.run(context),
      logger,
      anonymous: !config.MicrosoftAppId,
    }),
    notify: (authorization, body) => handleNotify(config.NOTIFY_TOKEN, authorization, body, runPass, now),
    health: () => ({ knowledge: { version, checks: report.results.length, ...store.counts() }, reminders: reminders.length, storage: config.STORAGE }),
  });
  logger.info({ event: 'ready', knowledgeVersion: version, url: `${server.url}/api/messages`, storage: config.STORAGE }, 'Stimulansboten is ready');
  return {
    server,
    documents,
    subscriptions,
    pass,
    ...(scheduler ? { scheduler } : {}),
    close: async () => {
      scheduler?.stop();
      // A pass in the middle of sending finishes (bounded) rather than leaving claims to be taken over.
      await Promise.race([scheduler?.drain(), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
      await server.close();
    },
  };
}

/** A start that cannot succeed as configured: one line for the operator, no stack trace. */
export class StartupError extends Error {
  override name = 'StartupError';
}

async function openDocuments(config: Config): Promise<DocumentStore> {
  if (config.STORAGE === 'blob') {
    if (!config.BLOB_CONNECTION_STRING) throw new StartupError('STORAGE=blob needs BLOB_CONNECTION_STRING');
    return BlobDocumentStore.connect(config.BLOB_CONNECTION_STRING, config.BLOB_CONTAINER);
  }
  return new FileDocumentStore(resolve(config.STORAGE_DIR));
}
