// The bot as an attacker meets it over HTTP: bodies that are compressed, bombs, forms or other charsets;
// replies aimed at a service elsewhere; foreign tenants; one chat flooding the bot. Each request gets a
// clean 4xx or a plain answer, and the process stays up (/health 200 after every one).
import { request } from 'node:http';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startHarness, useHarness, type Harness } from './harness.js';
import { composeQuery, conversation, execute, install, message, TENANT } from './teams.js';

const harness = useHarness({ RATE_LIMIT_PER_MINUTE: '6', RATE_LIMIT_BURST: '3' });
let bot: Harness;
beforeAll(() => {
  bot = harness();
});

const activity = () => JSON.stringify(message(conversation(bot.connector.url), 'Hur mycket får Mora?'));
// 20 MB of JSON whitespace around an activity: ~20 KB compressed, far over the limit inflated.
const bomb = () => Buffer.concat([Buffer.from('{"type":"message",'), Buffer.alloc(20 * 1024 * 1024, 0x20), Buffer.from('"text":"x"}')]);

/** A raw request (fetch would refuse some of these headers or bodies). */
function raw(path: string, headers: Record<string, string>, body: Buffer | string): Promise<number> {
  const url = new URL(bot.app.server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: 'POST', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    // The server may answer and close before it has read everything: that is the point.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? resolve(-1) : reject(error)));
    req.end(body);
  });
}

async function healthy(): Promise<void> {
  expect((await fetch(`${bot.app.server.url}/health`)).status).toBe(200);
}

describe('request bodies', () => {
  const json = { 'content-type': 'application/json' };
  it.each([
    ['gzip with a junk body (crashed the process before)', { ...json, 'content-encoding': 'gzip' }, () => 'x', 415],
    ['deflate with a junk body', { ...json, 'content-encoding': 'deflate' }, () => 'x', 415],
    ['br with a junk body', { ...json, 'content-encoding': 'br' }, () => 'x', 415],
    ['a gzip bomb', { ...json, 'content-encoding': 'gzip' }, () => gzipSync(bomb()), 415],
    ['a deflate bomb', { ...json, 'content-encoding': 'deflate' }, () => deflateSync(bomb()), 415],
    ['a brotli bomb', { ...json, 'content-encoding': 'br' }, () => brotliCompressSync(bomb()), 415],
    ['a valid activity, gzipped', { ...json, 'content-encoding': 'gzip' }, () => gzipSync(activity()), 415],
    ['a form post (a web page driving the local bot)', { 'content-type': 'application/x-www-form-urlencoded' }, () => 'type=message&text=hej', 415],
    ['a multipart form', { 'content-type': 'multipart/form-data; boundary=x' }, () => '--x\r\n\r\n--x--', 415],
    ['text/plain', { 'content-type': 'text/plain' }, activity, 415],
    ['no content type', {}, activity, 415],
    ['JSON in another charset', { 'content-type': 'application/json; charset=iso-8859-1' }, activity, 415],
    ['JSON in UTF-16', { 'content-type': 'application/json; charset=utf-16' }, () => Buffer.from(activity(), 'utf16le'), 415],
    ['a body over the limit, declared', json, () => JSON.stringify({ type: 'message', text: 'x'.repeat(300_000) }), 413],
    ['broken JSON', json, () => '{"type": "message", ', 400],
    ['a JSON array', json, () => '[{"type":"message"}]', 400],
    ['a JSON string', json, () => '"message"', 400],
  ])('/api/messages: %s gets a clean %s and the bot stays up', async (_name, headers, body, status) => {
    expect(await raw('/api/messages', headers, body())).toBe(status);
    await healthy();
  });

  it('a body over the limit without a declared length (chunked) gets 413', async () => {
    const url = new URL(bot.app.server.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: '/api/messages', method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? resolve(-1) : reject(error)));
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      for (let i = 0; i < 8; i++) req.write(chunk);
      req.end();
    });
    expect([413, -1]).toContain(status);
    await healthy();
  });

  it.each([
    ['gzip with a junk body', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, 'x', 415],
    ['a form post', { 'content-type': 'application/x-www-form-urlencoded' }, 'asOf=2023-05-01', 415],
  ])('/api/notify: %s gets a clean %s', async (_name, headers, body, status) => {
    expect(await raw('/api/notify', headers, body)).toBe(status);
    await healthy();
  });

  it('still answers a plain question after all of that', async () => {
    const c = conversation(bot.connector.url);
    expect((await bot.post(message(c, 'Hur mycket får Mora?'))).status).toBe(200);
    const [reply] = await bot.connector.waitFor(c.id, 1);
    expect(JSON.stringify(reply!.activity).replace(/\\u00a0|\u00a0/g, ' ')).toContain('593 461 kr');
  });
});

describe('anonymous mode (no app id)', () => {
  it.each([
    ['another host', 'https://smba.trafficmanager.net/emea/'],
    ['a host that only starts like loopback', 'http://127.0.0.1.evil.example/'],
    ['a private address', 'http://10.0.0.5:8080/'],
    ['not a URL', 'javascript:alert(1)'],
    ['another scheme on loopback', 'file://127.0.0.1/etc/passwd'],
  ])('refuses an activity whose replies would go to %s (403), and sends nothing', async (_name, serviceUrl) => {
    const c = conversation(bot.connector.url);
    const before = bot.connector.requests.length;
    const res = await bot.post({ ...message(c, 'Hur mycket får Mora?'), serviceUrl });
    expect(res.status).toBe(403);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(bot.connector.requests.length).toBe(before);
  });

  it('answers when the replies go to a service on this machine', async () => {
    const c = conversation(bot.connector.url.replace('127.0.0.1', 'localhost'));
    expect((await bot.post(message(c, 'GLN?'))).status).toBe(200);
    await bot.connector.waitFor(c.id, 1);
  });
});

describe('tenants', () => {
  it('refuses invokes from a tenant that is not allowed with 403 (not 501), and answers its own tenant in any case', async () => {
    const guarded = await startHarness({ ALLOWED_TENANT_IDS: ` ${TENANT.toUpperCase()} , another-allowed` });
    try {
      const foreign = conversation(guarded.connector.url, 'personal', { tenant: 'someone-else' });
      const card = await guarded.post(execute(foreign, 'showSource', { question: 'Hur mycket får Mora?' }));
      expect(card.status).toBe(403);
      expect(await card.text()).not.toMatch(/someone-else|stack|Error:/);
      expect((await guarded.post(composeQuery(foreign, 'Mora'))).status).toBe(403);
      // No welcome either.
      await guarded.post(install(foreign));
      const own = conversation(guarded.connector.url);
      const answer = await guarded.post(composeQuery(own, 'Mora'));
      expect(answer.status).toBe(200);
      await guarded.post(message(own, 'Hur mycket får Mora?'));
      await guarded.connector.waitFor(own.id, 1);
      expect(guarded.connector.sent.filter((s) => s.conversationId === foreign.id)).toHaveLength(0);
    } finally {
      await guarded.close();
      removeDir(guarded.storageDir);
    }
  });
});

describe('conversation ids Teams never sends, but an attacker may', () => {
  it.each([
    ['1 000 characters long', `a:${'x'.repeat(1000)}`],
    ['with slashes and dots', 'a:../../etc/passwd'],
    ['a prefix of another with a slash', 'a:shared'],
    ['the other one', 'a:shared/sub'],
  ])('keeps the context, the welcome and the subscriptions of an id %s', async (_name, id) => {
    const c = { ...conversation(bot.connector.url, 'groupChat'), id };
    await bot.post(install(c));
    await bot.connector.waitFor(id, 1);
    await bot.post(message(c, 'Hur mycket får Mora?'));
    await bot.post(message(c, 'och Falun?'));
    const sent = await bot.connector.waitFor(id, 3);
    expect(JSON.stringify(sent[2]!.activity).replace(/\\u00a0|\u00a0/g, ' ')).toContain('1 726 309 kr');
    expect(bot.logs.some((line) => line.event === 'state.save_failed' || line.event === 'state.read_failed')).toBe(false);
  });

  it('lists only its own subscriptions for an id that is a prefix of another', async () => {
    const shared = await bot.app.subscriptions.forConversation('a:shared');
    const sub = await bot.app.subscriptions.forConversation('a:shared/sub');
    await bot.app.subscriptions.subscribe('a:shared/sub', 'skane', new Date());
    expect((await bot.app.subscriptions.forConversation('a:shared')).length).toBe(shared.length);
    expect((await bot.app.subscriptions.forConversation('a:shared/sub')).length).toBe(sub.length + 1);
  });
});

describe('one chat flooding the bot', () => {
  it('answers up to the limit, says once that it is waiting, drops the rest, and still answers a quiet chat', async () => {
    const noisy = conversation(bot.connector.url);
    const statuses = await Promise.all(Array.from({ length: 40 }, () => bot.post(message(noisy, 'Hur mycket får Mora?')).then((res) => res.status)));
    expect(statuses.every((status) => status === 200)).toBe(true);
    const quiet = conversation(bot.connector.url);
    await bot.post(message(quiet, 'Hur mycket får Falun?'));
    const [reply] = await bot.connector.waitFor(quiet.id, 1);
    expect(JSON.stringify(reply!.activity).replace(/\\u00a0|\u00a0/g, ' ')).toContain('1 726 309 kr');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const toNoisy = bot.connector.sent.filter((s) => s.conversationId === noisy.id).map((s) => JSON.stringify(s.activity));
    // The burst of 3 answered (a token or so more may have come back meanwhile), one notice, nothing else.
    const notices = toNoisy.filter((text) => text.includes('Många frågor på kort tid'));
    expect(notices).toHaveLength(1);
    expect(toNoisy.length - notices.length).toBeGreaterThanOrEqual(3);
    expect(toNoisy.length - notices.length).toBeLessThanOrEqual(4);
    expect(bot.logs.some((line) => line.event === 'rate.limited' && line.told === true)).toBe(true);
  });

  it('counts each conversation on its own: a new chat is not limited by the noisy one', async () => {
    const other = conversation(bot.connector.url, 'personal', { locale: 'en-US' });
    for (let i = 0; i < 3; i++) expect((await bot.post(message(other, 'GLN?'))).status).toBe(200);
    const sent = await bot.connector.waitFor(other.id, 3);
    expect(sent.every((s) => !JSON.stringify(s.activity).includes('Many questions'))).toBe(true);
  });
});
