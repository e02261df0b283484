// Deadline reminders end to end: subscribing in a chat, POST /api/notify, proactive sends through the
// real adapter to a loopback connector that can fail like Teams does (429, 412, 5xx, 403, slow).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startHarness, type Harness } from './harness.js';
import { conversation, message, uninstall, type Conversation } from './teams.js';

const TOKEN = 'test-notify-token';
// Skåne's invoicing period ends 31 May 2023; the 1-day reminder is due 2023-05-30 09:00 in Stockholm.
const AS_OF = '2023-05-30T07:05:00Z';

let bot: Harness;
beforeAll(async () => {
  bot = await startHarness({ NOTIFY_TOKEN: TOKEN, SCHEDULER: 'off' });
});
afterAll(async () => {
  await bot.close();
  removeDir(bot.storageDir);
});

const plain = (value: unknown) => JSON.stringify(value).replace(/\\u00a0|\u00a0/g, ' ');

async function say(c: Conversation, text: string) {
  const before = bot.connector.sent.filter((s) => s.conversationId === c.id).length;
  await bot.post(message(c, text));
  return (await bot.connector.waitFor(c.id, before + 1))[before]!.activity;
}

function notify(body: unknown, authorization = `Bearer ${TOKEN}`) {
  return fetch(`${bot.app.server.url}/api/notify`, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify(body) });
}

async function subscribed(region = 'Skåne') {
  const c = conversation(bot.connector.url, 'groupChat');
  const reply = await say(c, `prenumerera på påminnelser för ${region}`);
  expect(plain(reply)).toContain('Klart');
  return c;
}

describe('subscribing in a chat', () => {
  it('subscribes, lists and unsubscribes in plain Swedish', async () => {
    const c = await subscribed('Skåne');
    expect(plain(await say(c, 'bevaka Dalarna'))).toContain('Dalarna');
    expect(plain(await say(c, 'mina prenumerationer'))).toMatch(/Skåne.*Dalarna|Dalarna.*Skåne/);
    expect(plain(await say(c, 'avsluta prenumerationen för Skåne'))).toContain('inga fler påminnelser för Skåne');
    const list = plain(await say(c, 'mina prenumerationer'));
    expect(list).toContain('Dalarna');
    expect(list).not.toContain('påminnelser för: Skåne');
  });

  it('subscribes in English too, and subscribing twice is harmless', async () => {
    const c = conversation(bot.connector.url, 'personal', { locale: 'en-US' });
    expect(plain(await say(c, 'subscribe to reminders for Jämtland'))).toContain('Done');
    expect(plain(await say(c, 'subscribe to reminders for Jämtland'))).toContain('already');
  });

  it('asks which region when none is named', async () => {
    const c = conversation(bot.connector.url);
    const reply = plain(await say(c, 'prenumerera på påminnelser'));
    expect(reply).toContain('Vilken region');
    expect(reply).toContain('Skåne');
  });
});

describe('POST /api/notify', () => {
  it('requires the bearer token', async () => {
    expect((await notify({ asOf: AS_OF }, '')).status).toBe(401);
    expect((await notify({ asOf: AS_OF }, 'Bearer wrong')).status).toBe(401);
  });

  it('refuses a body it does not understand, and a moment in the future', async () => {
    expect((await notify({ asOf: new Date(Date.now() + 24 * 3600_000).toISOString() })).status).toBe(400);
    expect((await notify({ asOf: 'yesterday' })).status).toBe(400);
    expect((await notify({ asOf: AS_OF, extra: 1 })).status).toBe(400);
  });

  it('refuses every call when NOTIFY_TOKEN is not set', async () => {
    const other = await startHarness({ SCHEDULER: 'off' });
    try {
      const res = await fetch(`${other.app.server.url}/api/notify`, { method: 'POST', headers: { authorization: 'Bearer anything' } });
      expect(res.status).toBe(403);
    } finally {
      await other.close();
      removeDir(other.storageDir);
    }
  });

  it('sends the due reminder as a card, once, and counts it', async () => {
    const c = await subscribed();
    const before = bot.connector.sent.filter((s) => s.conversationId === c.id).length;
    const res = await notify({ asOf: AS_OF });
    expect(res.status).toBe(200);
    const counts = (await res.json()) as Record<string, number>;
    expect(counts.sent).toBeGreaterThanOrEqual(1);
    const sent = await bot.connector.waitFor(c.id, before + 1);
    const reminder = plain(sent[before]!.activity);
    expect(reminder).toContain('Påminnelse');
    expect(reminder).toContain('31 maj 2023');
    expect(reminder).toContain('i morgon');
    expect(reminder).toContain('854877');
    const again = (await (await notify({ asOf: AS_OF })).json()) as Record<string, number>;
    expect(again.sent).toBe(0);
    expect(again.alreadySent).toBeGreaterThanOrEqual(1);
    expect(bot.connector.sent.filter((s) => s.conversationId === c.id)).toHaveLength(before + 1);
  });
});

describe('when Teams fails', () => {
  async function isolated(env: Record<string, string> = {}) {
    const h = await startHarness({ NOTIFY_TOKEN: TOKEN, SCHEDULER: 'off', ...env });
    const c = conversation(h.connector.url, 'groupChat');
    await h.post(message(c, 'prenumerera på påminnelser för Skåne'));
    await h.connector.waitFor(c.id, 1);
    const run = async () => (await (await fetch(`${h.app.server.url}/api/notify`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ asOf: AS_OF }) })).json()) as Record<string, number>;
    return { h, c, run, done: async () => { await h.close(); removeDir(h.storageDir); } };
  }

  it('deactivates the subscription on 403 (the bot was removed)', async () => {
    const { h, c, run, done } = await isolated();
    try {
      h.connector.respond = (id) => (id === c.id ? { status: 403 } : undefined);
      expect(await run()).toMatchObject({ failed: 1 });
      expect(await h.app.subscriptions.active()).toHaveLength(0);
    } finally {
      await done();
    }
  });

  it('gets through a 502 and a slow answer', async () => {
    const { h, c, run, done } = await isolated();
    try {
      let calls = 0;
      h.connector.respond = (id) => (id !== c.id ? undefined : ++calls === 1 ? { status: 502 } : { delayMs: 1500 });
      expect(await run()).toMatchObject({ sent: 1 });
      expect(h.connector.requests.filter((r) => r.conversationId === c.id).map((r) => r.status)).toEqual([200, 502, 200]);
    } finally {
      await done();
    }
  });

  it('retries a 412 from Teams with backoff within the pass', async () => {
    const { h, c, run, done } = await isolated();
    try {
      let calls = 0;
      h.connector.respond = (id) => (id === c.id && ++calls <= 2 ? { status: 412 } : undefined);
      expect(await run()).toMatchObject({ sent: 1 });
      expect(h.connector.requests.filter((r) => r.conversationId === c.id).map((r) => r.status)).toEqual([200, 412, 412, 200]);
    } finally {
      await done();
    }
  });

  it('requeues a persistent 429 for a later pass instead of sending in a burst (delivery later: tests/notifications/pass.test.ts)', async () => {
    const { h, c, run, done } = await isolated();
    try {
      h.connector.respond = (id) => (id === c.id ? { status: 429, headers: { 'retry-after': '1' } } : undefined);
      expect(await run()).toMatchObject({ failed: 1, sent: 0 });
      h.connector.respond = undefined;
      // Right away: still waiting for its retry time (at least Retry-After, at least the backoff).
      expect(await run()).toMatchObject({ waiting: 1, sent: 0 });
    } finally {
      await done();
    }
  }, 30_000);

  it('forgets the conversation and its subscriptions when the bot is uninstalled', async () => {
    const { h, c, done } = await isolated();
    try {
      await h.post(uninstall(c));
      expect(await h.app.subscriptions.forConversation(c.id)).toHaveLength(0);
      expect(await h.app.subscriptions.conversation(c.id)).toBeUndefined();
    } finally {
      await done();
    }
  });
});
