// A loopback stand-in for the Teams connector service (the bot's serviceUrl): records what the bot
// sends, answers the way the Bot Connector API does. Shaped like the real thing, reachable locally.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentActivity {
  method: string;
  path: string;
  conversationId: string;
  activity: Record<string, any>;
}

/** How the connector answers one request; undefined = 200 as usual. */
export type Fault = { status: number; headers?: Record<string, string>; delayMs?: number } | { delayMs: number; status?: undefined };

export interface Connector {
  url: string;
  sent: SentActivity[];
  /** Every request, answered or failed, in order. */
  requests: { conversationId: string; status: number }[];
  /** Decide the answer per request (fault injection); return undefined for a normal 200. */
  respond?: (conversationId: string) => Fault | undefined;
  /** Waits until `count` activities have been sent to a conversation (or times out). */
  waitFor(conversationId: string, count: number, timeoutMs?: number): Promise<SentActivity[]>;
  close(): Promise<void>;
}

export async function startConnector(): Promise<Connector> {
  const sent: SentActivity[] = [];
  const requests: Connector['requests'] = [];
  let connector: Connector;
  const waiters: (() => void)[] = [];
  let next = 1;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(req.url ?? '');
      if (match && (req.method === 'POST' || req.method === 'PUT')) {
        const conversationId = decodeURIComponent(match[1]!);
        const fault = connector.respond?.(conversationId);
        const answer = () => {
          if (fault?.status !== undefined && fault.status !== 200) {
            requests.push({ conversationId, status: fault.status });
            res.writeHead(fault.status, { 'content-type': 'application/json', ...(fault.headers ?? {}) });
            res.end(JSON.stringify({ error: { code: 'Fault', message: `injected ${fault.status}` } }));
            return;
          }
          requests.push({ conversationId, status: 200 });
          sent.push({ method: req.method!, path: req.url!, conversationId, activity: JSON.parse(body || '{}') });
          for (const wake of waiters.splice(0)) wake();
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: `activity-${next++}` }));
        };
        if (fault?.delayMs) setTimeout(answer, fault.delayMs);
        else answer();
        return;
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  connector = {
    url,
    sent,
    requests,
    async waitFor(conversationId, count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mine = sent.filter((s) => s.conversationId === conversationId);
        if (mine.length >= count) return mine;
        if (Date.now() > deadline) return mine;
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return connector;
}
