// The HTTP server: Bot Framework messages, the reminder trigger, and a health check for the load balancer.
// Bodies are read by one reader (JSON only, never compressed, bounded); shutdown drains what is in flight.
import restify from 'restify';
import type { Logger } from '../platform/logger.js';
import { readJsonBody } from './http-body.js';
import type { MessageHandler } from './inbound.js';

export interface BotServer {
  server: restify.Server;
  url: string;
  /** Starts answering: until then every route says 503 (starting), so a load balancer waits. */
  ready: (handlers: Handlers) => void;
  /**
   * Stops accepting, answers requests that still arrive on open connections with 503 and `Connection:
   * close`, waits for the requests in flight up to `boundMs`, then closes every connection. Resolves
   * with how many requests were cut at the bound.
   */
  drain: (boundMs: number) => Promise<{ cut: number }>;
  close: () => Promise<void>;
}

export type NotifyHandler = (authorization: string | undefined, body: unknown) => Promise<{ status: number; body: Record<string, unknown> }>;

export interface Handlers {
  messages: MessageHandler;
  notify: NotifyHandler;
  /** What GET /health reports once ready (knowledge version and counts). */
  health: () => Record<string, unknown>;
}

/** Bot Framework activities are small; a long message is cut to 500 characters by the bot anyway. */
export const MAX_BODY_BYTES = 256 * 1024;

export class ListenError extends Error {
  override name = 'ListenError';
}

/** Listens at once; the routes answer once the knowledge is loaded and verified and `ready` is called. */
export async function startServer(options: { logger: Logger; port: number; host: string }): Promise<BotServer> {
  const { logger } = options;
  let handlers: Handlers | undefined;
  let draining = false;
  const inFlight = new Set<restify.Response>();
  const idle: (() => void)[] = [];
  const starting = { status: 'starting' };
  const server = restify.createServer({ name: 'stimulansboten', handleUncaughtExceptions: false });

  server.pre((req, res, next) => {
    if (draining) {
      res.setHeader('connection', 'close');
      res.send(503, { status: 'stopping' });
      return next(false);
    }
    inFlight.add(res);
    const done = () => {
      inFlight.delete(res);
      if (inFlight.size === 0) idle.splice(0).forEach((resolve) => resolve());
    };
    res.once('finish', done);
    res.once('close', done);
    return next();
  });

  server.post('/api/messages', async (req, res) => {
    const body = await readJsonBody(req, { limit: MAX_BODY_BYTES });
    if (!handlers) return void send(res, 503, starting);
    if (!body.ok) return void send(res, body.status, { error: body.error });
    const result = await handlers.messages(req.header('authorization') ?? '', body.value);
    send(res, result.status, result.body);
  });

  server.post('/api/notify', async (req, res) => {
    const body = await readJsonBody(req, { limit: 4 * 1024, emptyAs: {} });
    if (!handlers) return void send(res, 503, starting);
    if (!body.ok) return void send(res, body.status, { error: body.error });
    const result = await handlers.notify(req.header('authorization'), body.value);
    logger.info({ event: 'notify.http', status: result.status }, 'notify called');
    send(res, result.status, result.body);
  });

  server.get('/health', async (_req, res) => {
    if (!handlers) send(res, 503, starting);
    else send(res, 200, { status: 'ok', ...handlers.health() });
  });

  server.on('restifyError', (req, res, error, callback) => {
    logger.warn({ event: 'http.error', status: (error as { statusCode?: number }).statusCode, path: req.path() }, error.message);
    return callback();
  });
  // A socket that errs (a client resetting mid-request) is that client's loss, never the process's.
  server.server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        new ListenError(
          error.code === 'EADDRINUSE'
            ? `Port ${options.port} on ${options.host} is already in use: stop the other process or set PORT.`
            : error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND'
              ? `HOST=${options.host} is not an address of this machine.`
              : error.code === 'EACCES'
                ? `Not allowed to listen on port ${options.port}: choose a PORT above 1023.`
                : `Cannot listen on ${options.host}:${options.port}: ${error.message}`,
        ),
      );
    };
    server.server.once('error', onError);
    server.listen(options.port, options.host, () => {
      server.server.off('error', onError);
      resolve();
    });
  });
  const address = server.address();
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${address.port}`;
  logger.info({ event: 'server.listening', url }, 'listening');

  const drain = async (boundMs: number) => {
    draining = true;
    const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
    server.server.closeIdleConnections();
    // Requests in flight get `Connection: close` on their response, so their sockets end with them.
    for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<'cut'>((resolve) => {
      timer = setTimeout(() => resolve('cut'), boundMs);
    });
    const quiet = inFlight.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve));
    const outcome = await Promise.race([quiet, bound]);
    clearTimeout(timer);
    const cut = outcome === 'cut' ? inFlight.size : 0;
    server.server.closeAllConnections();
    await closed;
    return { cut };
  };

  return {
    server,
    url,
    ready: (ready) => {
      handlers = ready;
    },
    drain,
    close: async () => {
      await drain(2000);
    },
  };
}

function send(res: restify.Response, status: number, body?: unknown): void {
  if (res.headersSent) return;
  if (status >= 400 && status !== 503) res.setHeader('connection', 'close');
  if (body === undefined) {
    res.status(status);
    res.end();
  } else res.send(status, body);
}
