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
import { cardForReply } from './cards/view.js';
import { Coordinator } from './coordinator/coordinator.js';
import { handleReport } from './coordinator/report-endpoint.js';
import { startRetention } from './coordinator/retention.js';
import { subjectOf } from './coordinator/subject.js';
import type { Config } from './config.js';
import { loadKnowledge } from './knowledge/index.js';
import { handleNotify } from './notifications/notify-endpoint.js';
import { DEFAULT_PASS_OPTIONS, ReminderPass, type ProactiveSender } from './notifications/pass.js';
import { planReminders } from './notifications/reminders.js';
import { reminderReply, subscriberLang } from './notifications/render.js';
import { startScheduler, type Scheduler } from './notifications/scheduler.js';
import { Subscriptions } from './notifications/subscriptions.js';
import { FileDocumentStore, type DocumentStore } from './platform/file-store.js';
import type { Logger } from './platform/logger.js';
import { ConversationRateLimit } from './platform/rate-limit.js';

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
  const documents = ports.documents ?? (await openDocuments(config, logger));
  const subscriptions = new Subscriptions(documents, (key, error) => logger.warn({ event: 'subscription.unreadable', key, err: error }, 'subscription left out of this pass'));
  const { adapter, authentication } = createAdapter(config, logger);
  // Expert channel, tickets and 👍 / 👎: tickets and answers go out through the proactive sender.
  const coordinator = new Coordinator({
    store: documents,
    sender: ports.sender ?? new AdapterSender(adapter, config.MicrosoftAppId),
    now,
    instanceId: config.INSTANCE_ID || `${hostname()}-${process.pid}`,
    retentionDays: config.RETENTION_DAYS,
    classify: (question, context) => subjectOf(question, store, context),
  });
  // Question texts older than RETENTION_DAYS are removed now and daily.
  const retention = startRetention(() => coordinator.retention(), (result) =>
    result instanceof Error ? logger.warn({ event: 'retention.failed', err: result }, 'retention run failed; tried again tomorrow') : logger.info({ event: 'retention', ...result }, 'retention applied'),
  );
  const bot = new StimulusBot({
    coordinator,
    brain,
    store,
    storage: new DocumentStorage(documents, { timeoutMs: config.STATE_TIMEOUT_MS }),
    documents,
    logger,
    allowedTenants: config.ALLOWED_TENANT_IDS,
    welcome: { known: (lang) => knownPlaces({ store, lang }) },
    subscriptions,
    reminderSchedule: { daysBefore: config.REMINDER_DAYS_BEFORE, hour: config.REMINDER_HOUR },
    rateLimit: new ConversationRateLimit({ perMinute: config.RATE_LIMIT_PER_MINUTE, burst: config.RATE_LIMIT_BURST }),
    now,
  });

  // Tenant ids are GUIDs: compared without regard to case, for messages, invokes, installs and reminders.
  const allowedTenants = config.ALLOWED_TENANT_IDS.length > 0 ? new Set(config.ALLOWED_TENANT_IDS.map((id) => id.toLowerCase())) : undefined;
  const reminders = planReminders(store.knowledge.deadlines, { daysBefore: config.REMINDER_DAYS_BEFORE, hour: config.REMINDER_HOUR, zone: 'Europe/Stockholm' });
  const pass = new ReminderPass(
    {
      store: documents,
      subscriptions,
      sender: ports.sender ?? new AdapterSender(adapter, config.MicrosoftAppId),
      reminders: () => reminders,
      logger,
      now,
      ...(allowedTenants ? { allowTenant: (tenant: string | undefined) => tenant !== undefined && allowedTenants.has(tenant.toLowerCase()) } : {}),
      render: (reminder, conversation, today) => {
        const reply = reminderReply(reminder, store, subscriberLang(conversation), today);
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
      authenticator: createInboundAuthenticator({
        appId: config.MicrosoftAppId,
        authentication,
        logger,
        openIdMetadataUrl: config.BOT_OPENID_METADATA_URL,
        keyFetchTimeoutMs: config.BOT_OPENID_TIMEOUT_MS,
      }),
      logic: (context) => bot.run(context),
      logger,
      anonymous: !config.MicrosoftAppId,
    }),
    report: (authorization, query) => handleReport(config.REPORT_TOKEN, authorization, query, (since) => coordinator.report(since)),
    notify: (authorization, body) => handleNotify({ token: config.NOTIFY_TOKEN, windowMs: DEFAULT_PASS_OPTIONS.windowMs, now }, authorization, body, runPass),
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
      // One bound for the whole shutdown: the requests in flight and a reminder pass drain side by side.
      // A pass still sending at the bound leaves its claims to go stale and be taken over (at least once).
      scheduler?.stop();
      retention.stop();
      const boundMs = config.SHUTDOWN_TIMEOUT_SECONDS * 1000;
      const [http, passOutcome] = await Promise.all([server.drain(boundMs), scheduler ? within(scheduler.drain(), boundMs) : undefined]);
      const passCut = passOutcome === TIMED_OUT;
      const unrecorded = pass.unrecordedSends();
      if (unrecorded.length > 0) {
        // Sent while storage was away and still not recorded: another instance may send these once more.
        logger.error({ event: 'reminder.sent_unrecorded', ledgerKeys: unrecorded }, `${unrecorded.length} reminder(s) sent but not recorded at shutdown`);
      }
      if (http.cut > 0 || passCut) {
        logger.warn(
          { event: 'shutdown.cut', requests: http.cut, reminderPass: passCut, boundSeconds: config.SHUTDOWN_TIMEOUT_SECONDS },
          `cut at the ${config.SHUTDOWN_TIMEOUT_SECONDS} s bound: ${http.cut} request(s) in flight${passCut ? ' and the reminder pass' : ''}`,
        );
      }
    },
  };
}

/** A start that cannot succeed as configured: one line for the operator, no stack trace. */
export class StartupError extends Error {
  override name = 'StartupError';
}

const TIMED_OUT = Symbol('timed out');

/** The work's result, or TIMED_OUT once `ms` have passed (the work itself goes on, unobserved). */
async function within<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  try {
    return await Promise.race([work, bound]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A healthy storage account answers in well under a second. Start-up has a bound of its own, whatever
 * the store's operation timeout at run time is, so a storage that drops packets stops the start soon.
 */
const STORAGE_CONNECT_TIMEOUT_MS = 10_000;

async function openDocuments(config: Config, logger: Logger): Promise<DocumentStore> {
  // An unreadable document is an operator's matter: it was moved aside, and what it held is unknown.
  const onCorrupt = (key: string, movedTo: string) => logger.error({ event: 'storage.corrupt', key, movedTo }, 'unreadable stored document moved aside');
  if (config.STORAGE === 'blob') {
    if (!config.BLOB_CONNECTION_STRING) throw new StartupError('STORAGE=blob needs BLOB_CONNECTION_STRING');
    return connectBlob(config, onCorrupt);
  }
  return new FileDocumentStore(resolve(config.STORAGE_DIR), { onCorrupt });
}

/**
 * The storage client's errors as one line: a refused connection, a bad key or a malformed connection
 * string say what they are; no answer at all (the client's own operation timeout, or this start-up
 * bound, whichever comes first) says so.
 */
async function connectBlob(config: Config, onCorrupt: (key: string, movedTo: string) => void): Promise<DocumentStore> {
  const where = `Azure Blob Storage (container ${config.BLOB_CONTAINER})`;
  const noAnswer = new StartupError(`${where} did not answer in time: check BLOB_CONNECTION_STRING and that the storage account is reachable from here`);
  let connected;
  try {
    // Loaded only for STORAGE=blob: the Azure SDK is ~10 MB of resident memory the file store does not need.
    const { BlobDocumentStore } = await import('./platform/blob-store.js');
    connected = await within(BlobDocumentStore.connect(config.BLOB_CONNECTION_STRING, config.BLOB_CONTAINER, { onCorrupt }), STORAGE_CONNECT_TIMEOUT_MS);
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw noAnswer;
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new StartupError(`${where} cannot be used: ${reason} (check BLOB_CONNECTION_STRING)`, { cause: error });
  }
  if (connected === TIMED_OUT) throw noAnswer;
  return connected;
}
