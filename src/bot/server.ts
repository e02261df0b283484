// The HTTP server: Bot Framework messages, and a health check for the load balancer.
import type { CloudAdapter } from 'botbuilder';
import restify from 'restify';
import type { Logger } from '../platform/logger.js';
import type { StimulusBot } from './bot.js';

export interface Health {
  ready: boolean;
  details: () => Record<string, unknown>;
}

export interface BotServer {
  server: restify.Server;
  url: string;
  close: () => Promise<void>;
}

export type NotifyHandler = (authorization: string | undefined, body: unknown) => Promise<{ status: number; body: Record<string, unknown> }>;

export async function startServer(options: { adapter: CloudAdapter; bot: StimulusBot; logger: Logger; health: Health; port: number; host: string; notify: NotifyHandler }): Promise<BotServer> {
  const { adapter, bot, logger, health } = options;
  const server = restify.createServer({ name: 'stimulansboten', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, rejectUnknown: true }));

  server.post('/api/messages', async (req, res) => {
    const body = req.body as { type?: unknown } | undefined;
    if (!body || typeof body !== 'object' || typeof body.type !== 'string') {
      res.send(400, { error: 'The body must be a Bot Framework activity.' });
      return;
    }
    await adapter.process(req, res, (context) => bot.run(context));
  });

  server.post('/api/notify', async (req, res) => {
    const result = await options.notify(req.header('authorization'), req.body);
    logger.info({ event: 'notify.http', status: result.status }, 'notify called');
    res.send(result.status, result.body);
  });

  server.get('/health', async (_req, res) => {
    if (!health.ready) res.send(503, { status: 'starting' });
    else res.send(200, { status: 'ok', ...health.details() });
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
