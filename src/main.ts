// `npm start`: the bot on its embedded defaults (no Azure, no credentials needed), compiled
// (`node --enable-source-maps dist/main.js`); `.env` in the working folder is read first (the environment wins).
// A start that cannot succeed ends in one fatal log line saying why (no stack trace) and exit code 1.
// SIGTERM or SIGINT stops it gracefully within SHUTDOWN_TIMEOUT_SECONDS; a second signal stops it at once.
import { startApp, StartupError } from './app.js';
import { ListenError } from './bot/server.js';
import { ConfigError, loadEnvFile, readConfig } from './config.js';
import { KnowledgeLoadError } from './knowledge/index.js';
import { systemClock } from './platform/clock.js';
import { createLogger, type Logger } from './platform/logger.js';

/** As a shell reports a process ended by a signal: 128 + the signal's number. */
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type StopSignal = keyof typeof SIGNAL_EXIT_CODES;

/** Set once the configuration is read, so a failed start is reported at the configured level. */
let logger: Logger | undefined;

async function main(): Promise<void> {
  loadEnvFile();
  const config = readConfig();
  const log = createLogger(config.LOG_LEVEL);
  logger = log;
  const app = await startApp(config, { clock: systemClock, logger: log });
  let stopping = false;
  const stop = (signal: StopSignal) => {
    if (stopping) {
      // The operator does not want to wait for the drain: what is in flight is lost, and the code says so.
      log.warn({ event: 'stopping.forced', signal }, 'second signal: exiting without waiting');
      process.exit(SIGNAL_EXIT_CODES[signal]);
    }
    stopping = true;
    log.info({ event: 'stopping', signal, boundSeconds: config.SHUTDOWN_TIMEOUT_SECONDS }, 'stopping');
    app.close().then(
      () => {
        log.info({ event: 'stopped' }, 'stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log.fatal({ event: 'stop.failed', err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  for (const signal of Object.keys(SIGNAL_EXIT_CODES) as StopSignal[]) process.on(signal, () => stop(signal));
}

/** Errors that say what the operator must change: the message is the whole story, a stack adds nothing. */
function isStartupProblem(error: unknown): error is Error {
  return error instanceof ConfigError || error instanceof StartupError || error instanceof ListenError;
}

main().catch((error: unknown) => {
  // The configuration may be what failed, LOG_LEVEL included: then a logger that prints at least this.
  const log = logger ?? createLogger('fatal');
  if (error instanceof KnowledgeLoadError) log.fatal({ event: 'startup.failed', problems: error.problems }, `the knowledge files are broken (${error.problems.length} problem(s)); not starting`);
  else if (isStartupProblem(error)) log.fatal({ event: 'startup.failed' }, error.message);
  // Anything else is a bug: its stack is what finds it.
  else log.fatal({ event: 'startup.failed', err: error }, 'unexpected error while starting');
  process.exit(1);
});
