// `npm start`: the bot on its embedded defaults (no Azure, no credentials needed).
import { startApp } from './app.js';
import { ConfigError, readConfig } from './config.js';
import { KnowledgeLoadError } from './knowledge/index.js';
import { systemClock } from './platform/clock.js';
import { createLogger } from './platform/logger.js';

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.LOG_LEVEL);
  try {
    const app = await startApp(config, { clock: systemClock, logger });
    const stop = async (signal: string) => {
      logger.info({ event: 'stopping', signal }, 'stopping');
      await app.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  } catch (error) {
    if (error instanceof KnowledgeLoadError) {
      logger.fatal({ event: 'knowledge.invalid', problems: error.problems }, 'the knowledge files are broken; not starting');
      process.exit(1);
    }
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
