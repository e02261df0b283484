// Suggestion buttons (welcome examples, "Alla kommuner i Dalarna", "Påminn oss", a reminder's "Visa detaljer"
// and "Avsluta"): an Action.Execute, or its Action.Submit fallback, asks the question exactly as if it were typed.
import { beforeAll, describe, expect, it } from 'vitest';
import { removeDir, replyTo, startHarness, useHarness, type Harness } from './harness.js';
import { conversation, execute, message, submit, type Conversation } from './teams.js';

const harness = useHarness();
let bot: Harness;
beforeAll(() => {
  bot = harness();
});

type Json = Record<string, any>;
const plain = (value: unknown) => JSON.stringify(value).replace(/\\u00a0|\u00a0/g, ' ');

const typed = (c: Conversation, text: string): Promise<Json> => replyTo(bot, c.id, message(c, text));

/** The suggestion buttons of a card: title and the question each asks. */
function suggestions(card: Json): { title: string; question: string; fallback: Json }[] {
  return (card.actions ?? []).filter((a: Json) => a.verb === 'ask').map((a: Json) => ({ title: a.title, question: a.data.question, fallback: a.fallback }));
}

async function clickExecute(c: Conversation, question: string): Promise<{ invoke: Json; reply: Json }> {
  const before = bot.connector.sent.filter((s) => s.conversationId === c.id).length;
  const res = await bot.post(execute(c, 'ask', { question }));
  expect(res.status).toBe(200);
  const invoke = (await res.json()) as Json;
  const reply = (await bot.connector.waitFor(c.id, before + 1)).at(-1)!.activity;
  return { invoke, reply };
}

describe('a suggestion button', () => {
  it('"Alla kommuner i Dalarna" under Mora’s amount answers with the list, as the typed question does', async () => {
    const c = conversation(bot.connector.url);
    const amount = await typed(c, 'Hur mycket får Mora?');
    const all = suggestions(amount.attachments[0].content).find((s) => /Alla kommuner i Dalarna/.test(s.title));
    expect(all, 'the county suggestion on a municipality’s amount card').toBeDefined();
    const { invoke, reply } = await clickExecute(c, all!.question);
    // The card clicked stays; the answer is a new message with its one line.
    expect(invoke.type).toBe('application/vnd.microsoft.activity.message');
    // Where the answer is, not the answer a second time.
    expect(invoke.value).toBe('Svaret kommer nedan.');
    const asTyped = await typed(conversation(bot.connector.url), all!.question);
    // The same card, but for the context its 👍 / 👎 carry (the conversation's, to answer the same again).
    const withoutVotes = (card: Json) => plain({ ...card, actions: card.actions.filter((a: Json) => a.verb !== 'feedback.vote') });
    expect(withoutVotes(reply.attachments[0].content)).toBe(withoutVotes(asTyped.attachments[0].content));
    expect(reply.attachments[0].content.actions.find((a: Json) => a.title === '👍').data.context).toContain('mora');
    expect(reply.text).toBe(asTyped.text);
    expect(plain(reply)).toContain('Mora');
    expect(plain(reply)).toContain('Falun');
  });

  it('the Action.Submit fallback (a plain data submit) answers the same way', async () => {
    const c = conversation(bot.connector.url);
    const welcome = await typed(c, 'hjälp');
    const [first] = suggestions(welcome.attachments[0].content);
    expect(first!.fallback).toEqual({ type: 'Action.Submit', title: first!.title, data: { verb: 'ask', question: first!.question } });
    const before = bot.connector.sent.filter((s) => s.conversationId === c.id).length;
    await bot.post(submit(c, first!.fallback.data));
    const reply = (await bot.connector.waitFor(c.id, before + 1)).at(-1)!.activity;
    expect(plain(reply)).toContain('593 461 kr');
    expect(reply.text.length).toBeGreaterThan(0);
  });

  it('keeps the conversation: a follow-up after a clicked suggestion is about its place', async () => {
    const c = conversation(bot.connector.url);
    await clickExecute(c, 'Hur mycket får Mora?');
    const followUp = await typed(c, 'och 2020?');
    expect(plain(followUp)).toContain('Mora');
  });

  it('"Påminn oss" subscribes, and "Avsluta prenumerationen" on its confirmation unsubscribes', async () => {
    const c = conversation(bot.connector.url);
    const deadlines = await typed(c, 'Vilka deadlines gäller för Skåne?');
    const remind = suggestions(deadlines.attachments[0].content).find((s) => s.title === 'Påminn oss');
    expect(remind).toBeDefined();
    const { reply: subscribed } = await clickExecute(c, remind!.question);
    expect(plain(subscribed)).toContain('Skåne');
    expect((await bot.app.subscriptions.forConversation(c.id)).filter((s) => s.active).map((s) => s.region)).toEqual(['skane']);
    const stop = suggestions(subscribed.attachments[0].content).find((s) => /Avsluta/.test(s.title));
    expect(stop).toBeDefined();
    const { reply: unsubscribed } = await clickExecute(c, stop!.question);
    expect(plain(unsubscribed)).toContain('Skåne');
    expect((await bot.app.subscriptions.forConversation(c.id)).filter((s) => s.active)).toEqual([]);
  });

  it('"Visa fler" on a long card replaces it with its next rows', async () => {
    const c = conversation(bot.connector.url);
    const first = (await typed(c, 'vilka fokusområden fanns 2018?')).attachments[0].content;
    expect(JSON.stringify(first).length * 2).toBeLessThanOrEqual(28 * 1024);
    const more = first.actions.find((a: Json) => a.verb === 'more');
    const res = await bot.post(execute(c, 'more', more.data));
    const next = ((await res.json()) as Json).value;
    expect(next.type).toBe('AdaptiveCard');
    expect(plain(next)).toMatch(new RegExp(`Visar ${Number(more.data.from) + 1}–\\d+ av \\d+`));
  });

  it('counts against the conversation’s rate limit like a typed question', async () => {
    const limited = await startHarness({ RATE_LIMIT_BURST: '2', RATE_LIMIT_PER_MINUTE: '1' });
    try {
      const c = conversation(limited.connector.url);
      const click = async () => (await (await limited.post(execute(c, 'ask', { question: 'Hur mycket får Mora?' }))).json()) as Json;
      await click();
      await click();
      const refused = await click();
      expect(refused.value).toMatch(/Många frågor|Many questions/);
      await new Promise((resolve) => setTimeout(resolve, 200));
      // Two answers and the one notice; the third question was not answered.
      expect(limited.connector.sent.filter((sent) => sent.conversationId === c.id && plain(sent.activity).includes('593 461 kr'))).toHaveLength(2);
    } finally {
      await limited.close();
      removeDir(limited.storageDir);
    }
  });

  it('is refused garbage: an ask without a question gets the error card, no answer', async () => {
    const c = conversation(bot.connector.url);
    const res = await bot.post(execute(c, 'ask', { question: '' }));
    expect(res.status).toBe(200);
    expect(plain(await res.json())).toMatch(/Något gick fel|Something went wrong/);
  });
});
