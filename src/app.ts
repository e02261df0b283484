// Composition root: configuration, knowledge, state, brain, bot and HTTP wired together. main.ts runs
// it for `npm start`; the end-to-end tests start it on a random port with a temporary state folder.
import { resolve } from 'node:path';
import { createAdapter } from './bot/adapter.js';
import { StimulusBot } from './bot/bot.js';
import { startServer, type BotServer, type Health } from './bot/server.js';
import { DocumentStorage } from './bot/storage.js';
import { knownPlaces } from './brain/answers/unknown.js';
import { createBrain, type Clock } from './brain/brain.js';
import type { Config } from './config.js';
import { loadKnowledge } from './knowledge/index.js';
import { FileDocumentStore, type DocumentStore } from './platform/file-store.js';
import type { Logger } from './platform/logger.js';

export interface App {
  server: BotServer;
  documents: DocumentStore;
  close: () => Promise<void>;
}

export async function startApp(config: Config, ports: { clock: Clock; logger: Logger; documents?: DocumentStore }): Promise<App> {
  const { clock, logger } = ports;
  const health: Health = { ready: false, details: () => ({}) };
  const { store, report, version } = loadKnowledge();
  const brain = createBrain(store, clock, { cacheSize: config.ANSWER_CACHE_SIZE });
  const documents = ports.documents ?? new FileDocumentStore(resolve(config.STORAGE_DIR));
  const bot = new StimulusBot({
    brain,
    storage: new DocumentStorage(documents),
    documents,
    logger,
    allowedTenants: config.ALLOWED_TENANT_IDS,
    welcome: { known: (lang) => knownPlaces({ store, lang }) },
  });
  const adapter = createAdapter(config, logger);
  if (!config.MicrosoftAppId) logger.warn({ event: 'auth.anonymous' }, 'no MicrosoftAppId: running anonymous for local use (no authentication)');
  const server = await startServer({ adapter, bot, logger, health, port: config.PORT, host: config.HOST });
  health.details = () => ({ knowledge: { version, checks: report.results.length, ...store.counts() } });
  health.ready = true;
  logger.info({ event: 'ready', knowledgeVersion: version, url: `${server.url}/api/messages` }, 'Stimulansboten is ready');
  return { server, documents, close: () => server.close() };
}
