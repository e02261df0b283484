// The one way a request body is read: JSON only, never compressed, at most `limit` bytes read off the
// socket. restify's body parser inflates gzip/deflate with an unhandled stream error (one junk byte kills
// the process) and counts its limit before inflation (a small bomb becomes hundreds of megabytes), so
// the bot does not use it: the Bot Framework channel sends plain UTF-8 JSON.
import type { IncomingMessage } from 'node:http';

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; error: string };

export interface BodyOptions {
  /** Bytes read at most (the body as sent: nothing is inflated). */
  limit: number;
  /** An empty body (no bytes) reads as this value instead of a 400; for endpoints whose body is optional. */
  emptyAs?: unknown;
}

/** `application/json`, optionally with `charset=utf-8`; nothing else (form posts, text, other charsets). */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return parameters.every((parameter) => parameter === '' || /^charset="?utf-8"?$/.test(parameter));
}

export function readJsonBody(req: IncomingMessage, options: BodyOptions): Promise<BodyResult> {
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') return drained(req, { ok: false, status: 415, error: 'Compressed bodies are not accepted (no Content-Encoding).' });
  const declared = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
  const mayBeEmpty = options.emptyAs !== undefined && (declared === 0 || (declared === undefined && req.headers['transfer-encoding'] === undefined));
  if (!mayBeEmpty && !isJsonContentType(req.headers['content-type'])) return drained(req, { ok: false, status: 415, error: 'The body must be application/json (UTF-8).' });
  if (declared !== undefined && Number.isFinite(declared) && declared > options.limit) return drained(req, { ok: false, status: 413, error: 'The body is too large.' });

  return new Promise<BodyResult>((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyResult) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      req.off('end', onEnd);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > options.limit) {
        // Stop buffering; what else arrives is read and dropped so the 413 can still be sent.
        chunks.length = 0;
        req.resume();
        finish({ ok: false, status: 413, error: 'The body is too large.' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      const text = Buffer.concat(chunks, size).toString('utf8');
      if (text.trim() === '' && options.emptyAs !== undefined) return finish({ ok: true, value: options.emptyAs });
      try {
        finish({ ok: true, value: JSON.parse(text) as unknown });
      } catch {
        finish({ ok: false, status: 400, error: 'The body is not valid JSON.' });
      }
    };
    req.on('data', onData);
    req.on('end', onEnd);
    // A client that goes away mid-body: nobody is left to answer, and nothing may throw.
    req.on('error', () => finish({ ok: false, status: 400, error: 'The body could not be read.' }));
    req.on('aborted', () => finish({ ok: false, status: 400, error: 'The body could not be read.' }));
  });
}

/** Answers without the body: what was sent is read and dropped, so the reply reaches the client. */
function drained(req: IncomingMessage, result: BodyResult): Promise<BodyResult> {
  req.on('error', () => undefined);
  req.resume();
  return Promise.resolve(result);
}
