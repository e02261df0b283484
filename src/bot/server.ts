// The HTTP server: Bot Framework messages, and a health check for the load balancer.
import type { CloudAdapter } from 'botbuilder';
import restify from 'restify';
import type { Logger } from '../platform/logger.js';
import type { StimulusBot } from './bot.js';

export interface BotServer {
  server: restify.Server;
  url: string;
  /** Starts answering: until then every route says 503 (starting), so a load balancer waits. */
  ready: (handlers: Handlers) => void;
  close: () => Promise<void>;
}

export type NotifyHandler = (authorization: string | undefined, body: unknown) => Promise<{ status: number; body: Record<string, unknown> }>;

export interface Handlers {
  adapter: CloudAdapter;
  bot: StimulusBot;
  notify: NotifyHandler;
  /** What GET /health reports once ready (knowledge version and counts). */
  health: () => Record<string, unknown>;
}

/** Listens at once; the routes answer once the knowledge is loaded and verified and `ready` is called. */
export async function startServer(options: { logger: Logger; port: number; host: string }): Promise<BotServer> {
  const { logger } = options;
  let handlers: Handlers | undefined;
  const starting = { status: 'starting' };
  const server = restify.createServer({ name: 'stimulansboten', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, rejectUnknown: true }));

  server.post('/api/messages', async (req, res) => {
    if (!handlers) return void res.send(503, starting);
    const body = req.body as { type?: unknown } | undefined;
    if (!body || typeof body !== 'object' || typeof body.type !== 'string') {
      res.send(400, { error: 'The body must be a Bot Framework activity.' });
      return;
    }
    const { adapter, bot } = handlers;
    await adapter.process(req, res, (context) => bot.run(context));
  });

  server.post('/api/notify', async (req, res) => {
    if (!handlers) return void res.send(503, starting);
    const result = await handlers.notify(req.header('authorization'), req.body);
    logger.info({ event: 'notify.http', status: result.status }, 'notify called');
    res.send(result.status, result.body);
  });

  server.get('/health', async (_req, res) => {
    if (!handlers) res.send(503, starting);
    else res.send(200, { status: 'ok', ...handlers.health() });
  });

  server.on('restifyError', (req, res, error, callback) => {
    logger.warn({ event: 'http.error', status: (error as { statusCode?: number }).statusCode, path: req.path() }, error.message);
    return callback();
  });

  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const address = server.address();
  const url = `http://${options.host}:${address.port}`;
  logger.info({ event: 'server.listening', url }, 'listening');
  return {
    server,
    url,
    ready: (ready) => {
      handlers = ready;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
