// Asking a coordinator end to end over HTTP: the expert channel command in a team channel, "Fråga en
// samordnare" on an unanswerable question in a personal chat, the ticket in the channel, "Jag tar den"
// and "Skicka svar" there, the answer in the asker's chat, and 👍 / 👎 on answers. Real CloudAdapter,
// real adaptiveCard/action invokes, a loopback Teams connector.
import { describe, expect, it } from 'vitest';
import { FEEDBACK, feedbackIdOf } from '../../src/coordinator/feedback.js';
import { replyTo, useHarness } from './harness.js';
import { conversation, execute, mention, message, submit, TENANT, type Conversation } from './teams.js';

type Json = Record<string, any>;

const REPORT_TOKEN = 'test-report-token';
const bot = useHarness({ SCHEDULER: 'off', REPORT_TOKEN });
const plain = (value: unknown) => JSON.stringify(value).replace(/\\u00a0|\u00a0/g, ' ');
const UNANSWERABLE = 'Hur mycket får Uppsala 2030?';
const ANSWERABLE = 'Hur mycket får Mora?';

/** A team channel; Teams names a message in one of its threads '…;messageid=…'. */
function channel(tenant = TENANT, locale = 'sv-SE'): Conversation & { thread: Conversation } {
  const c = conversation(bot().connector.url, 'channel', { id: `19:${Math.random().toString(36).slice(2)}@thread.tacv2`, tenant, locale });
  return { ...c, thread: { ...c, id: `${c.id};messageid=1700000000000` } };
}

const say = (c: Conversation, activity: Json): Promise<Json> => replyTo(bot(), c.id, activity);

const cardOf = (activity: Json): Json => activity.attachments[0].content;
const actionsOf = (card: Json): Json[] => card.actions ?? [];
const titled = (card: Json, title: string) => actionsOf(card).find((a) => a.title === title);

/** An Action.Execute press on a card the bot sent (replyToId: that card's activity id), from someone. */
async function press(c: Conversation, action: Json, inputs: Json = {}, extra: { from?: Json; replyToId?: string } = {}): Promise<Json> {
  const invoke = { ...execute(c, action.verb, { ...action.data, ...inputs }), replyToId: extra.replyToId ?? 'card-1', ...(extra.from ? { from: extra.from } : {}) };
  const res = await bot().post(invoke);
  expect(res.status).toBe(200);
  const body = (await res.json()) as Json;
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  return body.value;
}

const EXPERT = { id: '29:expert-1', name: 'Erik Expert', aadObjectId: 'expert-1' };
const SECOND = { id: '29:expert-2', name: 'Sara Samordnare', aadObjectId: 'expert-2' };

async function registered(tenant: string): Promise<Conversation & { thread: Conversation }> {
  const c = channel(tenant);
  const confirmed = await say(c.thread, mention(c.thread, 'använd den här kanalen för frågor till samordnare'));
  expect(confirmed.text).toContain('Klart');
  return c;
}

describe('the expert channel command', () => {
  it('registers a channel in Swedish, says so again, and stops using it', async () => {
    const c = channel('tenant-command');
    expect((await say(c.thread, mention(c.thread, 'använd den här kanalen för frågor till samordnare'))).text).toBe('Klart: frågor till samordnare skickas hit till den här kanalen.');
    expect((await say(c.thread, mention(c.thread, 'Använd den här kanalen för frågor till samordnare!'))).text).toContain('tar redan emot');
    const p = conversation(bot().connector.url, 'personal', { tenant: 'tenant-command' });
    expect(titled(cardOf(await say(p, message(p, UNANSWERABLE))), 'Fråga en samordnare')).toBeDefined();
    expect((await say(c.thread, mention(c.thread, 'sluta använda den här kanalen för frågor till samordnare'))).text).toContain('tar inte längre emot');
    expect(titled(cardOf(await say(p, message(p, UNANSWERABLE))), 'Fråga en samordnare')).toBeUndefined();
  });

  it('answers in English when the command is English', async () => {
    const c = channel('tenant-english', 'en-US');
    expect((await say(c.thread, mention(c.thread, 'use this channel for coordinator questions'))).text).toBe('Done: coordinator questions will be posted to this channel.');
  });

  it('in a personal chat says it works only in a channel', async () => {
    const p = conversation(bot().connector.url, 'personal', { tenant: 'tenant-personal' });
    const reply = await say(p, message(p, 'använd den här kanalen för frågor till samordnare'));
    expect(reply.text).toContain('Skriv det i den kanal');
    expect(reply.attachments ?? []).toHaveLength(0);
  });
});

describe('asking a coordinator', () => {
  it('is not offered when the tenant has no expert channel', async () => {
    const p = conversation(bot().connector.url, 'personal', { tenant: 'tenant-without-channel' });
    const card = cardOf(await say(p, message(p, UNANSWERABLE)));
    expect(plain(card)).not.toContain('Fråga en samordnare');
    expect(actionsOf(card).some((a) => a.verb === 'coordinator.ask')).toBe(false);
  });

  it('is offered in English as "Ask a coordinator", and the confirmation is English', async () => {
    await registered('tenant-asks-english');
    const p = conversation(bot().connector.url, 'personal', { tenant: 'tenant-asks-english', locale: 'en-US' });
    const ask = titled(cardOf(await say(p, message(p, 'How much does Uppsala get in 2030?'))), 'Ask a coordinator');
    expect(ask).toMatchObject({ verb: 'coordinator.ask' });
    expect(plain(await press(p, ask!))).toContain('Your question has been sent to the coordinators');
  });

  it('is not offered on an answer the documents give', async () => {
    await registered('tenant-answered');
    const p = conversation(bot().connector.url, 'personal', { tenant: 'tenant-answered' });
    const card = cardOf(await say(p, message(p, ANSWERABLE)));
    expect(titled(card, 'Fråga en samordnare')).toBeUndefined();
  });

  it('posts the ticket to the channel, and the expert’s answer reaches the asker’s chat once', async () => {
    const tenant = 'tenant-flow';
    const c = await registered(tenant);
    const p = conversation(bot().connector.url, 'personal', { tenant });

    const answerCard = cardOf(await say(p, message(p, UNANSWERABLE)));
    const ask = titled(answerCard, 'Fråga en samordnare');
    expect(ask).toMatchObject({ type: 'Action.Execute', verb: 'coordinator.ask', data: { question: UNANSWERABLE } });
    expect(typeof ask!.data.context).toBe('string');

    // The asker presses it: the confirmation replaces the card, the ticket goes to the channel itself.
    const inChannel = bot().connector.sent.filter((s) => s.conversationId === c.id).length;
    const confirmation = await press(p, ask!);
    expect(plain(confirmation)).toContain('Din fråga har skickats till samordnarna');
    const ticket = cardOf((await bot().connector.waitFor(c.id, inChannel + 1))[inChannel]!.activity);
    expect(plain(ticket)).toContain(UNANSWERABLE);
    expect(plain(ticket)).toContain('Anna Andersson');

    // Pressing again posts nothing more.
    await press(p, ask!);
    expect(bot().connector.sent.filter((s) => s.conversationId === c.id && s.method === 'POST')).toHaveLength(inChannel + 1);

    const actions = collectActions(ticket);
    const takeAction = actions.find((a) => a.verb === 'coordinator.take')!;
    const sendAction = actions.find((a) => a.verb === 'coordinator.answer')!;
    expect(takeAction.title).toBe('Jag tar den');
    expect(sendAction.title).toBe('Skicka svar');
    expect(JSON.stringify(ticket)).toContain('"Input.Text"');

    // "Jag tar den": the ticket card is updated in place for the channel, and shows who took it.
    const taken = await press(c.thread, takeAction, {}, { from: EXPERT });
    expect(plain(taken)).toContain('Tagen av Erik Expert');
    const updates = () => bot().connector.sent.filter((s) => s.method === 'PUT' && s.conversationId.startsWith(c.id));
    expect(updates()).toHaveLength(1);
    expect(plain(updates()[0]!.activity)).toContain('Tagen av Erik Expert');

    // "Skicka svar": the answer goes to the asker's chat, the ticket says who answered and keeps no inputs.
    const inChat = bot().connector.sent.filter((s) => s.conversationId === p.id).length;
    const answered = await press(c.thread, sendAction, { answer: 'Uppsala ingår inte i underlaget; fråga regionen direkt.' }, { from: EXPERT });
    expect(plain(answered)).toContain('Besvarad av Erik Expert');
    expect(JSON.stringify(answered)).not.toContain('"Input.Text"');
    const delivered = (await bot().connector.waitFor(p.id, inChat + 1))[inChat]!.activity;
    expect(plain(delivered)).toContain('Svar från Erik Expert');
    expect(plain(delivered)).toContain('Uppsala ingår inte i underlaget; fråga regionen direkt.');
    expect(plain(delivered)).toContain('inte från dokumenten');
    expect(plain(delivered)).toContain(UNANSWERABLE);
    expect(updates()).toHaveLength(2);
    expect(plain(updates()[1]!.activity)).toContain('Besvarad av Erik Expert');

    // A second expert's answer is refused; the first stands and nothing more reaches the asker.
    const refused = await press(c.thread, sendAction, { answer: 'Ett annat svar.' }, { from: SECOND });
    expect(plain(refused)).toContain('redan besvarad av Erik Expert');
    expect(plain(refused)).toContain('Uppsala ingår inte i underlaget');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bot().connector.sent.filter((s) => s.conversationId === p.id)).toHaveLength(inChat + 1);
    expect(plain(bot().connector.sent)).not.toContain('Ett annat svar.');
  });

  it('refuses a ticket button pressed outside the channel it was posted to', async () => {
    const tenant = 'tenant-elsewhere';
    const c = await registered(tenant);
    const p = conversation(bot().connector.url, 'personal', { tenant });
    const ask = titled(cardOf(await say(p, message(p, UNANSWERABLE))), 'Fråga en samordnare')!;
    const inChannel = bot().connector.sent.filter((s) => s.conversationId === c.id).length;
    await press(p, ask);
    const ticket = cardOf((await bot().connector.waitFor(c.id, inChannel + 1))[inChannel]!.activity);
    const sendAction = collectActions(ticket).find((a) => a.verb === 'coordinator.answer')!;
    const elsewhere = await press(p, sendAction, { answer: 'Från fel ställe' });
    expect(plain(elsewhere)).toContain('hör inte till den här kanalen');
    expect(plain(bot().connector.sent)).not.toContain('Från fel ställe');
  });
});

describe('👍 / 👎 on answers', () => {
  it('stores a 👍 with the question, the reply kind and the facts used, and says thanks on the card', async () => {
    const p = conversation(bot().connector.url, 'personal', { tenant: 'tenant-votes' });
    const card = cardOf(await say(p, message(p, ANSWERABLE)));
    const up = actionsOf(card).find((a) => a.title === '👍')!;
    expect(up).toMatchObject({ type: 'Action.Execute', verb: 'feedback.vote', data: { vote: 'up', question: ANSWERABLE } });
    const after = await press(p, up, {}, { replyToId: 'answer-up' });
    expect(plain(after)).toContain('Tack! Det är sparat att svaret hjälpte.');
    expect(plain(after)).toContain('593 461 kr');
    const stored = await bot().app.documents.get<Json>(FEEDBACK + feedbackIdOf('tenant-votes', p.id, 'answer-up', 'user-1'));
    expect(stored?.value).toMatchObject({ vote: 'up', question: ANSWERABLE, replyKind: 'amount' });
    expect(stored!.value.facts.length).toBeGreaterThan(0);
  });

  it('after a 👎 offers "Fråga en samordnare" and an optional comment, which is stored', async () => {
    const tenant = 'tenant-thumbs-down';
    const c = await registered(tenant);
    const p = conversation(bot().connector.url, 'personal', { tenant });
    const card = cardOf(await say(p, message(p, ANSWERABLE)));
    const down = actionsOf(card).find((a) => a.title === '👎')!;
    const followUp = await press(p, down, {}, { replyToId: 'answer-down' });
    expect(JSON.stringify(followUp)).toContain('"Input.Text"');
    const ask = titled(followUp, 'Fråga en samordnare')!;
    expect(ask.data).toMatchObject({ question: ANSWERABLE, reason: 'thumbsDown' });
    const id = feedbackIdOf(tenant, p.id, 'answer-down', 'user-1');
    expect((await bot().app.documents.get<Json>(FEEDBACK + id))?.value).toMatchObject({ vote: 'down', replyKind: 'amount', comment: null });

    const comment = titled(followUp, 'Skicka kommentar')!;
    const thanks = await press(p, comment, { comment: 'Jag ville veta beloppet för 2024.' }, { replyToId: 'answer-down' });
    expect(plain(thanks)).toContain('Tack för kommentaren');
    expect((await bot().app.documents.get<Json>(FEEDBACK + id))?.value.comment).toBe('Jag ville veta beloppet för 2024.');

    // Asking from the 👎: the ticket says the answer did not help, with the comment.
    const inChannel = bot().connector.sent.filter((s) => s.conversationId === c.id).length;
    await press(p, { ...ask, data: { ...ask.data, comment: 'Jag ville veta beloppet för 2024.' } }, {}, { replyToId: 'answer-down' });
    const ticket = plain((await bot().connector.waitFor(c.id, inChannel + 1))[inChannel]!.activity);
    expect(ticket).toContain('tyckte inte att svaret hjälpte');
    expect(ticket).toContain('Jag ville veta beloppet för 2024.');
  });

  it('answers the Action.Submit fallback of 👍 (clients without universal actions) with the thanked card as a message', async () => {
    const p = conversation(bot().connector.url, 'personal', { tenant: 'tenant-submit' });
    const up = actionsOf(cardOf(await say(p, message(p, ANSWERABLE)))).find((a) => a.title === '👍')!;
    expect(up.fallback).toMatchObject({ type: 'Action.Submit', data: { verb: 'feedback.vote', vote: 'up', question: ANSWERABLE } });
    const sent = await say(p, { ...submit(p, up.fallback.data), replyToId: 'answer-submit' });
    expect(plain(cardOf(sent))).toContain('Tack! Det är sparat att svaret hjälpte.');
    expect((await bot().app.documents.get<Json>(FEEDBACK + feedbackIdOf('tenant-submit', p.id, 'answer-submit', 'user-1')))?.value.vote).toBe('up');
  });

  it('after a 👎 offers no coordinator when the tenant has no expert channel', async () => {
    const p = conversation(bot().connector.url, 'personal', { tenant: 'tenant-down-alone' });
    const down = actionsOf(cardOf(await say(p, message(p, ANSWERABLE)))).find((a) => a.title === '👎')!;
    const followUp = await press(p, down);
    expect(plain(followUp)).not.toContain('Fråga en samordnare');
    expect(titled(followUp, 'Skicka kommentar')).toBeDefined();
  });

  it('does not store a comment from someone other than the person who voted', async () => {
    const p = conversation(bot().connector.url, 'personal', { tenant: 'tenant-comment-other' });
    const down = actionsOf(cardOf(await say(p, message(p, ANSWERABLE)))).find((a) => a.title === '👎')!;
    const followUp = await press(p, down, {}, { replyToId: 'answer-x' });
    await press(p, titled(followUp, 'Skicka kommentar')!, { comment: 'Inte min röst' }, { from: SECOND, replyToId: 'answer-x' });
    const id = feedbackIdOf('tenant-comment-other', p.id, 'answer-x', 'user-1');
    expect((await bot().app.documents.get<Json>(FEEDBACK + id))?.value.comment).toBeNull();
  });
});

describe('GET /api/report', () => {
  const report = async (query = '?since=2026-01-01', authorization = `Bearer ${REPORT_TOKEN}`) => fetch(`${bot().app.server.url}/api/report${query}`, { headers: { authorization } });

  it('requires the token and a first day', async () => {
    expect((await report(undefined, '')).status).toBe(401);
    expect((await report(undefined, 'Bearer wrong')).status).toBe(401);
    expect((await report('')).status).toBe(400);
  });

  it('counts the unanswered question, the 👎 with its comment and the 👍 given in chats', async () => {
    const before = (await (await report()).json()) as Json;
    const p = conversation(bot().connector.url, 'personal', { tenant: 'tenant-report' });
    await say(p, message(p, 'Hur mycket får Gotland 2031?'));
    const card = cardOf(await say(p, message(p, ANSWERABLE)));
    await press(p, actionsOf(card).find((a) => a.title === '👍')!, {}, { replyToId: 'report-up' });
    const followUp = await press(p, actionsOf(card).find((a) => a.title === '👎')!, {}, { replyToId: 'report-down' });
    await press(p, titled(followUp, 'Skicka kommentar')!, { comment: 'Saknar Gotland.' }, { replyToId: 'report-down' });
    const res = await report();
    expect(res.status).toBe(200);
    const after = (await res.json()) as Json;
    expect(after.unanswered.total).toBe(before.unanswered.total + 1);
    expect(plain(after.unanswered.groups)).toContain('Hur mycket får Gotland 2031?');
    expect(after.thumbsUp.total).toBe(before.thumbsUp.total + 1);
    expect(after.thumbsDown.total).toBe(before.thumbsDown.total + 1);
    expect(after.thumbsDown.comments).toContain('Saknar Gotland.');
  });
});

/** Every action on a card: its own, and those in ActionSets and show-cards in its body. */
function collectActions(node: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(node)) node.forEach((child) => collectActions(child, out));
  else if (node && typeof node === 'object') {
    const n = node as Json;
    if (typeof n.type === 'string' && n.type.startsWith('Action.') && n.verb) out.push(n);
    for (const value of Object.values(n)) collectActions(value, out);
  }
  return out;
}
