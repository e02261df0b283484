// The HTTP server: Bot Framework messages, the reminder trigger, the coordinators' report, and a health check for the load balancer.
// Bodies are read by one reader (JSON only, never compressed, bounded); shutdown drains what is in flight.
import type { IncomingMessage, ServerResponse } from 'node:http';
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
   * close`, gives the requests in flight `Connection: close` and waits up to `boundMs` for every
   * connection to end, then destroys what is left. Resolves with how many requests were cut at the
   * bound. Called again, it joins the first drain.
   */
  drain: (boundMs: number) => Promise<{ cut: number }>;
  close: () => Promise<void>;
}

export type NotifyHandler = (authorization: string | undefined, body: unknown) => Promise<{ status: number; body: Record<string, unknown> }>;

export type ReportHandler = (authorization: string | undefined, query: Record<string, string>) => Promise<{ status: number; body: unknown }>;

export interface Handlers {
  messages: MessageHandler;
  notify: NotifyHandler;
  /** GET /api/report?since=YYYY-MM-DD, for whoever holds REPORT_TOKEN. */
  report: ReportHandler;
  /** What GET /health reports once ready (knowledge version and counts). */
  health: () => Record<string, unknown>;
}

/** Bot Framework activities are small; a long message is cut to 500 characters by the bot anyway. */
export const MAX_BODY_BYTES = 256 * 1024;

declare module 'restify' {
  interface Server {
    /** restify's (since 8.x), missing from @types/restify: synchronous handlers; false ends the request there. */
    first(...handlers: ((req: IncomingMessage, res: ServerResponse) => boolean)[]): this;
  }
}

const STOPPING = JSON.stringify({ status: 'stopping' });

/** How long an idle kept-alive connection stays open: longer than the clients' own idle timeouts. */
export const KEEP_ALIVE_TIMEOUT_MS = 5 * 60_000;

export class ListenError extends Error {
  override name = 'ListenError';
}

/** Listens at once; the routes answer once the knowledge is loaded and verified and `ready` is called. */
export async function startServer(options: { logger: Logger; port: number; host: string }): Promise<BotServer> {
  const { logger } = options;
  let handlers: Handlers | undefined;
  let draining = false;
  const inFlight = new Set<ServerResponse>();
  const starting = { status: 'starting' };
  const server = restify.createServer({ name: 'stimulansboten', handleUncaughtExceptions: false });
  // The client ends idle connections, not the bot: Node's default (5 s) closes a kept-alive connection
  // at the moment a client may be sending its next request on it, and that request fails with a reset.
  // Load balancers and the Bot Framework keep connections for minutes; a drain still ends idle ones at once.
  server.server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;

  // restify's first handlers run synchronously before any of its own work, so a request that arrives
  // while stopping costs nothing, and every other one is counted from its first moment.
  server.first((_req, res) => {
    if (draining) {
      // Connection: close makes Node end the connection after this answer: the client's next request
      // finds the port closed and goes to another instance.
      res.writeHead(503, { 'content-type': 'application/json', connection: 'close' });
      res.end(STOPPING);
      return false;
    }
    inFlight.add(res);
    // 'close' comes after every response, finished or cut off (the client gone, the connection destroyed).
    res.once('close', () => inFlight.delete(res));
    return true;
  });

  server.post('/api/messages', async (req, res) => {
    const body = await readJsonBody(req, { limit: MAX_BODY_BYTES });
    if (!handlers) return void send(res, 503, starting);
    if (!body.ok) return void send(res, body.status, { error: body.error });
    const result = await handlers.messages(req.header('authorization') ?? '', body.value);
    send(res, result.status, result.body);
  });

  // Clients (the Agents Playground at start-up) check that the endpoint is there with a HEAD: yes, and nothing to log.
  server.head('/api/messages', async (_req, res) => {
    res.writeHead(200);
    res.end();
  });

  server.post('/api/notify', async (req, res) => {
    const body = await readJsonBody(req, { limit: 4 * 1024, emptyAs: {} });
    if (!handlers) return void send(res, 503, starting);
    if (!body.ok) return void send(res, body.status, { error: body.error });
    const result = await handlers.notify(req.header('authorization'), body.value);
    logger.info({ event: 'notify.http', status: result.status }, 'notify called');
    send(res, result.status, result.body);
  });

  server.get('/api/report', async (req, res) => {
    if (!handlers) return void send(res, 503, starting);
    const query = Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams);
    const result = await handlers.report(req.header('authorization'), query);
    logger.info({ event: 'report.http', status: result.status }, 'report called');
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
    // On restify's server, not Node's: restify re-emits Node's 'error' on itself, where an event
    // nobody listens to is thrown (the raw "Unhandled 'error' event" stack) before any later listener runs.
    server.once('error', onError);
    server.listen(options.port, options.host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const address = server.address();
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${address.port}`;
  logger.info({ event: 'server.listening', url }, 'listening');

  const drainWithin = async (boundMs: number) => {
    draining = true;
    // Stops accepting, and resolves once every connection has ended; Node ends the idle ones now.
    const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
    // The answers still to come say Connection: close, so no client sends another request after its own.
    // A request still arriving is answered 503 with Connection: close by the first handler.
    for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<'bound'>((resolve) => {
      timer = setTimeout(() => resolve('bound'), boundMs);
    });
    const outcome = await Promise.race([closed, bound]);
    clearTimeout(timer);
    if (outcome !== 'bound') return { cut: 0 };
    // Past the bound: the requests still running are cut, their connections destroyed (with any others).
    const cut = inFlight.size;
    server.server.closeAllConnections();
    await closed;
    return { cut };
  };
  // One drain per server: a second call (a second signal, close after drain) joins the first.
  let drained: Promise<{ cut: number }> | undefined;
  const drain = (boundMs: number) => (drained ??= drainWithin(boundMs));

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
