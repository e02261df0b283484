// The bot over real HTTP, as the Teams channel talks to it: activities in at /api/messages, replies out
// to the serviceUrl (a loopback connector recording them).
import { Agent, request } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startHarness, useHarness, type Harness } from './harness.js';
import { botAdded, conversation, execute, install, mention, message, submit, uninstall, TENANT } from './teams.js';

const harness = useHarness();
let bot: Harness;
beforeAll(() => {
  bot = harness();
});

const cardOf = (activity: Record<string, any>) => activity.attachments?.[0]?.content as Record<string, any> | undefined;
const plain = (value: unknown) => JSON.stringify(value).replace(/\\u00a0|\u00a0/g, ' ').replace(/ +/g, ' ');

async function ask(c: ReturnType<typeof conversation>, text: string) {
  const before = bot.connector.sent.filter((s) => s.conversationId === c.id).length;
  const res = await bot.post(message(c, text));
  expect(res.status).toBe(200);
  const sent = await bot.connector.waitFor(c.id, before + 1);
  return sent[before]!.activity;
}

describe('health', () => {
  it('answers 200 with the knowledge version and counts once loaded', async () => {
    const res = await fetch(`${bot.app.server.url}/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.status).toBe('ok');
    expect(body.knowledge.version).toMatch(/^[0-9a-f]{12}$/);
    expect(body.knowledge.documents).toBe(5);
    expect(body.knowledge.amounts).toBeGreaterThan(100);
  });
});

describe('kept-alive connections', () => {
  it('stay open while idle longer than Node’s default 5 s, so a client’s next request is not reset', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const sockets = new Set<unknown>();
    const get = () =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${bot.app.server.url}/health`, { agent }, (res) => {
          sockets.add(res.socket);
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end();
      });
    try {
      expect(await get()).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 6000));
      expect(await get()).toBe(200);
      expect(sockets.size).toBe(1);
    } finally {
      agent.destroy();
    }
  }, 15_000);
});

describe('install', () => {
  it('welcomes exactly once although Teams sends installationUpdate and conversationUpdate', async () => {
    const c = conversation(bot.connector.url);
    await Promise.all([bot.post(install(c)), bot.post(botAdded(c))]);
    await bot.post(botAdded(c));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sent = bot.connector.sent.filter((s) => s.conversationId === c.id);
    expect(sent).toHaveLength(1);
    const card = cardOf(sent[0]!.activity)!;
    expect(card.type).toBe('AdaptiveCard');
    expect(plain(card)).toContain('Dalarna');
    expect(plain(card)).toContain('Hur mycket får Mora?');
  });

  it('welcomes again after the bot was removed and installed anew', async () => {
    const c = conversation(bot.connector.url, 'groupChat');
    await bot.post(install(c));
    await bot.post(uninstall(c));
    await bot.post(install(c));
    const sent = await bot.connector.waitFor(c.id, 2);
    expect(sent).toHaveLength(2);
  });
});

describe('questions', () => {
  it.each([
    ['Hur mycket får Mora?', '593 461 kr'],
    ['vilka kommuner får mest?', 'Falun'],
    ['När ska fakturan skickas?', '31 maj 2023'],
    ['vilken referenskod?', '854877'],
    ['vad ska suicidpreventionsmedlen användas till i Skåne?', 'MHFA'],
    ['hur fördelas samsjuklighetsmedlen 2020?', '5 Mkr'],
    ['vem är kontaktperson för Sydost?', 'carola.teirfolk@simrishamn.se'],
    ['vad är Bostad först?', 'Bostad först'],
    ['Hur mycket får Uppsala?', 'Jag hittar inte'],
    ['hjälp', 'Dalarna'],
  ])('"%s" gets a card with %s and the key sentence as text', async (question, expected) => {
    const c = conversation(bot.connector.url);
    const reply = await ask(c, question);
    expect(reply.type).toBe('message');
    expect(reply.text.length).toBeGreaterThan(0);
    expect(reply.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(plain(cardOf(reply))).toContain(expected);
    expect(JSON.stringify(reply).length).toBeLessThan(80 * 1024);
  });

  it('follows up on the previous question in the same conversation', async () => {
    const c = conversation(bot.connector.url);
    await ask(c, 'Hur mycket får Mora?');
    const reply = await ask(c, 'och Falun?');
    expect(plain(reply)).toContain('1 726 309 kr');
    expect(plain(cardOf(reply))).not.toContain('593 461 kr');
  });

  it('answers an @mention in a channel without the mention text', async () => {
    const c = conversation(bot.connector.url, 'channel');
    const res = await bot.post(mention(c, 'hur mycket får Mora?'));
    expect(res.status).toBe(200);
    const [reply] = await bot.connector.waitFor(c.id, 1);
    expect(plain(reply!.activity)).toContain('593 461 kr');
  });

  it('answers in English when the Teams locale is English and the question does not tell', async () => {
    const c = conversation(bot.connector.url, 'personal', { locale: 'en-US' });
    const reply = await ask(c, 'GLN?');
    expect(plain(reply)).toContain('7368376009106');
    expect(reply.text).toMatch(/GLN code/);
  });
});

describe('HEAD /api/messages', () => {
  it('answers 200 with no body and logs no warning (the Agents Playground checks the endpoint so at start-up)', async () => {
    const warningsBefore = bot.logs.filter((line) => line.level >= 40).length;
    const res = await fetch(bot.botUrl, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(bot.logs.filter((line) => line.level >= 40).slice(warningsBefore)).toEqual([]);
  });
});

describe('card actions', () => {
  it('the answer card holds the calculation and the quote behind "Beräkning ▾" and "Källa ▾": they open without a round trip', async () => {
    const c = conversation(bot.connector.url);
    const card = cardOf(await ask(c, 'Hur mycket får Mora?'))!;
    expect(findAction(card, 'showDerivation')).toBeUndefined();
    expect(plain(card)).toContain('"title":"Beräkning ▾"');
    expect(plain(card)).toContain('"title":"Källa ▾"');
    expect(plain(card)).toContain('395 640,36 kr + 197 820,18 kr = 593 460,54 kr');
    // The table row as printed, each figure under the heading of its column.
    expect(plain(card)).toMatch(/Mora — [^·]+ 395 640,36 kr · [^·]+ 197 820,18 kr · [^·]+ 593 461 kr/);
    expect(plain(card)).toContain('ÖK psykisk hälsa 2020');
  });

  it('a "Visa beräkning" button of a card sent before the toggles still answers with the card opened', async () => {
    const c = conversation(bot.connector.url);
    const res = await bot.post(execute(c, 'showDerivation', { question: 'Hur mycket får Mora?', context: '{}' }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(plain(body.value)).toContain('395 640,36 kr + 197 820,18 kr = 593 460,54 kr');
  });

  it('the Action.Submit fallback of such a button sends the card as a message with its one line as text', async () => {
    const c = conversation(bot.connector.url);
    await bot.post(submit(c, { verb: 'showSource', question: 'Hur mycket får Mora?', context: '{}' }));
    const sent = await bot.connector.waitFor(c.id, 1);
    expect(plain(cardOf(sent[0]!.activity))).toContain('593 461 kr');
    // A notification of it reads the answer, not "Card".
    expect(plain(sent[0]!.activity.text)).toContain('593 461 kr');
  });

  it.each([
    ['no data', 'showDerivation', undefined],
    ['an unknown verb', 'deleteEverything', { question: 'x' }],
    ['a question that is not text', 'showSource', { question: 42 }],
    ['context that is not what the bot wrote', 'showSource', { question: 'Hur mycket får Mora?', context: '{"place": {"$gt": 1}}' }],
    ['a context with an intent the bot never writes', 'showSource', { question: 'och Falun?', context: '{"intent": "bogus"}' }],
    ['a context naming a field that is an object property', 'showSource', { question: 'och?', context: '{"intent": "invoice", "invoiceField": "constructor"}' }],
  ])('garbage (%s) gets a polite card, never a crash', async (_name, verb, data) => {
    const c = conversation(bot.connector.url);
    const res = await bot.post(execute(c, verb, data));
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.statusCode).toBe(200);
    expect(body.value.type).toBe('AdaptiveCard');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('who and what is refused', () => {
  it('ignores activities from a tenant that is not allowed, and logs it', async () => {
    const guarded = await startHarness({ ALLOWED_TENANT_IDS: TENANT });
    try {
      const foreign = conversation(guarded.connector.url, 'personal', { tenant: 'another-tenant' });
      const res = await guarded.post(message(foreign, 'Hur mycket får Mora?'));
      expect(res.status).toBe(200);
      const own = conversation(guarded.connector.url);
      await guarded.post(message(own, 'Hur mycket får Mora?'));
      await guarded.connector.waitFor(own.id, 1);
      expect(guarded.connector.sent.filter((s) => s.conversationId === foreign.id)).toHaveLength(0);
      expect(guarded.logs.some((line) => line.event === 'tenant.refused' && line.tenant === 'another-tenant')).toBe(true);
    } finally {
      await guarded.close();
      removeDir(guarded.storageDir);
    }
  });

  it.each([
    ['broken JSON', '{"type": "message", ', 'application/json', 400],
    ['JSON that is not an activity', '{"hello": "world"}', 'application/json', 400],
    ['an empty body', '', 'application/json', 400],
    ['a body that is too large', JSON.stringify({ type: 'message', text: 'x'.repeat(300_000) }), 'application/json', 413],
  ])('%s gets a clean HTTP error', async (_name, body, contentType, status) => {
    const res = await bot.postRaw(body, contentType);
    expect(res.status).toBe(status);
  });

  it('answers a very long message with a reply Teams accepts', async () => {
    const c = conversation(bot.connector.url);
    const reply = await ask(c, `Hur mycket får Mora? ${'och så vidare '.repeat(15_000)}`);
    expect(Buffer.byteLength(JSON.stringify(reply), 'utf16le')).toBeLessThan(80 * 1024);
  });

  it('never logs the message text at info level', () => {
    const texts = bot.logs.filter((line) => line.level <= 30).map((line) => JSON.stringify(line));
    expect(texts.some((line) => line.includes('Hur mycket får Mora'))).toBe(false);
  });
});

describe('state', () => {
  it('keeps the conversation context across a restart', async () => {
    const dir = bot.storageDir;
    const first = await startHarness({}, dir);
    const c = conversation(first.connector.url);
    await first.post(message(c, 'Hur mycket får Säter 2020?'));
    await first.connector.waitFor(c.id, 1);
    await first.close();
    const second = await startHarness({}, dir);
    try {
      const again = { ...c, serviceUrl: second.connector.url };
      await second.post(message(again, 'och Falun?'));
      const [reply] = await second.connector.waitFor(c.id, 1);
      expect(plain(reply!.activity)).toContain('Falun 2020');
    } finally {
      await second.close();
    }
  });
});

function findAction(card: Record<string, any>, verb: string): any {
  const found: any[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Execute' && record.verb === verb) found.push(record);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found[0];
}

describe('starting', () => {
  it('answers 503 on every route until the knowledge is loaded, then 200', async () => {
    const { startServer } = await import('../../src/bot/server.js');
    const { createLogger } = await import('../../src/platform/logger.js');
    const server = await startServer({ logger: createLogger('silent'), port: 0, host: '127.0.0.1' });
    try {
      expect((await fetch(`${server.url}/health`)).status).toBe(503);
      expect((await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"message"}' })).status).toBe(503);
      expect((await fetch(`${server.url}/api/notify`, { method: 'POST' })).status).toBe(503);
    } finally {
      await server.close();
    }
  });
});

describe('anonymous mode', () => {
  it('refuses to listen on a network interface without credentials unless told to', async () => {
    await expect(startHarness({ HOST: '0.0.0.0' })).rejects.toThrow(/refusing to run anonymous/);
  });
});
