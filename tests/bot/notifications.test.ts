// Deadline reminders end to end: subscribing in a chat, POST /api/notify, proactive sends through the
// real adapter to a loopback connector that can fail like Teams does (429, 412, 5xx, 403, slow).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockFrom, removeDir, startHarness, type Harness } from './harness.js';
import { conversation, message, TENANT, uninstall, type Conversation } from './teams.js';

const TOKEN = 'test-notify-token';
// Skåne's invoicing period ends 31 May 2023; the 1-day reminder is due 2023-05-30 09:00 in Stockholm.
const AS_OF = '2023-05-30T07:05:00Z';
// Conversations subscribe before it is due; the pass runs at AS_OF.
const BEFORE = '2023-05-30T06:50:00Z';
const clock = clockFrom(BEFORE);

let bot: Harness;
beforeAll(async () => {
  bot = await startHarness({ NOTIFY_TOKEN: TOKEN, SCHEDULER: 'off' }, undefined, { now: clock });
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
  if (clock().getTime() < Date.parse(AS_OF)) clock.set(AS_OF);
  return fetch(`${bot.app.server.url}/api/notify`, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify(body) });
}

async function subscribed(region = 'Skåne') {
  clock.set(BEFORE);
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

  it('sends a reminder in the language the subscriber wrote in, whatever the Teams client\'s language', async () => {
    clock.set(BEFORE);
    const swedish = conversation(bot.connector.url, 'groupChat', { locale: 'en-US' });
    expect(plain(await say(swedish, 'prenumerera på påminnelser för Skåne'))).toContain('Klart');
    const english = conversation(bot.connector.url, 'groupChat', { locale: 'sv-SE' });
    expect(plain(await say(english, 'subscribe to reminders for Skåne'))).toContain('Done');
    const counts = [swedish, english].map((c) => bot.connector.sent.filter((s) => s.conversationId === c.id).length);
    expect((await notify({ asOf: AS_OF })).status).toBe(200);
    const inSwedish = plain((await bot.connector.waitFor(swedish.id, counts[0]! + 1))[counts[0]!]!.activity);
    const inEnglish = plain((await bot.connector.waitFor(english.id, counts[1]! + 1))[counts[1]!]!.activity);
    expect(inSwedish).toContain('Påminnelse');
    expect(inSwedish).not.toContain('Reminder');
    expect(inEnglish).toContain('Reminder');
    expect(inEnglish).not.toContain('Påminnelse');
  });
});

describe('when Teams fails', () => {
  async function isolated(env: Record<string, string> = {}) {
    const now = clockFrom(BEFORE);
    const h = await startHarness({ NOTIFY_TOKEN: TOKEN, SCHEDULER: 'off', ...env }, undefined, { now });
    const c = conversation(h.connector.url, 'groupChat');
    await h.post(message(c, 'prenumerera på påminnelser för Skåne'));
    await h.connector.waitFor(c.id, 1);
    now.set(AS_OF);
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

describe('late and replayed passes', () => {
  // Skåne's invoicing ends 31 May 2023: the 7-day reminder was due 24 May 09:00, the 1-day one 30 May 09:00.
  const SEVEN_DAYS_DUE = '2023-05-24T07:05:00Z';

  async function fresh(env: Record<string, string> = {}, start = '2023-05-23T08:00:00Z', storageDir?: string) {
    const now = clockFrom(start);
    const h = await startHarness({ NOTIFY_TOKEN: TOKEN, SCHEDULER: 'off', ...env }, storageDir, { now });
    const call = async (body: unknown) => {
      const res = await fetch(`${h.app.server.url}/api/notify`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as Record<string, any> };
    };
    return { h, now, call, done: async () => { await h.close(); removeDir(h.storageDir); } };
  }

  it('refuses an asOf further back than the 24-hour window unless it is a replay', async () => {
    const { h, now, call, done } = await fresh();
    try {
      const c = conversation(h.connector.url, 'groupChat');
      await h.post(message(c, 'prenumerera på påminnelser för Skåne'));
      await h.connector.waitFor(c.id, 1);
      // A timer that was down for six days: today is 30 May, the 7-day reminder of 24 May was never sent.
      now.set('2023-05-30T06:00:00Z');
      const refused = await call({ asOf: SEVEN_DAYS_DUE });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toContain('"replay": true');
      expect(h.connector.sent.filter((s) => s.conversationId === c.id)).toHaveLength(1);
      const replayed = await call({ asOf: SEVEN_DAYS_DUE, replay: true });
      expect(replayed.status).toBe(200);
      expect(replayed.body).toMatchObject({ replay: true, sent: 1 });
      const [, reminder] = await h.connector.waitFor(c.id, 2);
      // Counted from the real today (30 May), not from the replayed moment ("om 7 dagar").
      expect(plain(reminder!.activity)).toContain('i morgon');
      expect(plain(reminder!.activity)).not.toContain('om 7 dagar');
      // A second replay of the same moment sends nothing more.
      expect((await call({ asOf: SEVEN_DAYS_DUE, replay: true })).body).toMatchObject({ sent: 0 });
    } finally {
      await done();
    }
  });

  it('never sends a reminder whose deadline has passed, also in a replay (asOf 2023 today)', async () => {
    const { h, now, call, done } = await fresh();
    try {
      const c = conversation(h.connector.url, 'groupChat');
      await h.post(message(c, 'prenumerera på påminnelser för Skåne'));
      await h.connector.waitFor(c.id, 1);
      // The bot runs today (the deadline of 31 May 2023 is long gone); an operator replays 30 May 2023.
      now.set(new Date());
      expect((await call({ asOf: AS_OF })).status).toBe(400);
      const replayed = await call({ asOf: AS_OF, replay: true });
      expect(replayed.status).toBe(200);
      expect(replayed.body.sent).toBe(0);
      expect(replayed.body.skipped).toBeGreaterThanOrEqual(1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(h.connector.sent.filter((s) => s.conversationId === c.id)).toHaveLength(1);
    } finally {
      await done();
    }
  });

  it('answers 401 to a token that is a prefix of the real one, or longer, or empty', async () => {
    const { call: _unused, h, done } = await fresh();
    try {
      for (const token of [TOKEN.slice(0, 4), `${TOKEN}x`, ' ', TOKEN.toUpperCase()]) {
        const res = await fetch(`${h.app.server.url}/api/notify`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{}' });
        expect(res.status, token).toBe(401);
      }
    } finally {
      await done();
    }
  });
});

describe('tenants', () => {
  it('sends no reminder to a tenant removed from ALLOWED_TENANT_IDS', async () => {
    const now = clockFrom(BEFORE);
    const first = await startHarness({ NOTIFY_TOKEN: TOKEN, SCHEDULER: 'off', ALLOWED_TENANT_IDS: TENANT.toUpperCase() }, undefined, { now });
    const c = conversation(first.connector.url, 'groupChat');
    try {
      // Allowed, in whichever case the id is written.
      await first.post(message(c, 'prenumerera på påminnelser för Skåne'));
      expect(plain((await first.connector.waitFor(c.id, 1))[0]!.activity)).toContain('Klart');
    } finally {
      await first.close();
    }
    now.set(AS_OF);
    const second = await startHarness({ NOTIFY_TOKEN: TOKEN, SCHEDULER: 'off', ALLOWED_TENANT_IDS: 'another-tenant' }, first.storageDir, { now });
    try {
      const res = await fetch(`${second.app.server.url}/api/notify`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ asOf: AS_OF }) });
      const counts = (await res.json()) as Record<string, number>;
      expect(counts.sent).toBe(0);
      expect(counts.refused).toBeGreaterThanOrEqual(1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(second.connector.sent.filter((s) => s.conversationId === c.id)).toHaveLength(0);
      expect(second.logs.some((line) => line.event === 'reminder.tenant_refused')).toBe(true);
    } finally {
      await second.close();
      removeDir(second.storageDir);
    }
  });
});
