// What a subscription card says: the change made, the conversation's subscriptions after it and when reminders
// go out; and the language the conversation subscribed in is kept for its reminders.
import { beforeAll, describe, expect, it } from 'vitest';
import { replyTo, useHarness, type Harness } from './harness.js';
import { conversation, install, message, type Conversation } from './teams.js';

const harness = useHarness();
let bot: Harness;
beforeAll(() => {
  bot = harness();
});

type Json = Record<string, any>;
const plain = (value: unknown) => JSON.stringify(value).replace(/\\u00a0|\u00a0/g, ' ');

const say = (c: Conversation, text: string): Promise<Json> => replyTo(bot, c.id, message(c, text));

/** The card's facts as "label: value". */
function facts(activity: Json): string[] {
  const card = activity.attachments[0].content;
  return JSON.parse(plain(card))
    .body.filter((node: Json) => node.type === 'FactSet')
    .flatMap((set: Json) => set.facts.map((fact: Json) => `${fact.title}: ${fact.value}`));
}

describe('a subscription card', () => {
  it('says what was added, what the conversation follows now and when reminders are sent', async () => {
    const c = conversation(bot.connector.url, 'groupChat');
    await say(c, 'prenumerera på påminnelser för Dalarna');
    const added = await say(c, 'prenumerera på påminnelser för Skåne');
    expect(added.text).toBe('Klart: den här konversationen får nu påminnelser om deadlines för Skåne.');
    expect(facts(added)).toEqual(['Ändring: Skåne tillagd', 'Prenumerationer: Dalarna och Skåne', 'Skickas: 30, 7 och 1 dagar före varje deadline, kl. 09.00 (svensk tid)']);
    // Not the help card's "Det här vet jag" list.
    expect(plain(added)).not.toContain('Det här vet jag');
  });

  it('says what was removed and what is left after unsubscribing', async () => {
    const c = conversation(bot.connector.url, 'groupChat');
    await say(c, 'prenumerera på påminnelser för Dalarna');
    await say(c, 'prenumerera på påminnelser för Skåne');
    const removed = await say(c, 'avsluta prenumerationen för Skåne');
    expect(removed.text).toBe('Klart: inga fler påminnelser för Skåne i den här konversationen.');
    expect(facts(removed)).toEqual(['Ändring: Skåne borttagen', 'Prenumerationer: Dalarna', 'Skickas: 30, 7 och 1 dagar före varje deadline, kl. 09.00 (svensk tid)']);
    const last = await say(c, 'avsluta prenumerationen för Dalarna');
    expect(facts(last)).toEqual(['Ändring: Dalarna borttagen', 'Prenumerationer: Inga']);
  });

  it('says when nothing changed', async () => {
    const c = conversation(bot.connector.url);
    await say(c, 'bevaka Skåne');
    const again = await say(c, 'bevaka Skåne');
    expect(plain(again.text)).toContain('Ingen ändring');
    expect(facts(again)[0]).toBe('Ändring: Ingen (Skåne fanns redan)');
    const absent = await say(c, 'avsluta prenumerationen för Dalarna');
    expect(facts(absent)[0]).toBe('Ändring: Ingen (Dalarna fanns inte)');
  });

  it('in English, in English', async () => {
    const c = conversation(bot.connector.url, 'personal', { locale: 'en-US' });
    const added = await say(c, 'subscribe to reminders for Jämtland');
    expect(facts(added)).toEqual(['Change: Jämtland added', 'Subscriptions: Jämtland', 'Sent: 30, 7 and 1 days before each deadline, at 09:00 (Swedish time)']);
  });

  it('stores the language the conversation subscribed in, and an install event later keeps it', async () => {
    const c = conversation(bot.connector.url, 'personal', { locale: 'en-US' });
    const added = await say(c, 'subscribe to reminders for Skåne');
    expect((await bot.app.subscriptions.conversation(c.id))?.lang).toBe('en');
    const sv = conversation(bot.connector.url, 'personal', { locale: 'sv-SE' });
    await say(sv, 'prenumerera på påminnelser för Skåne');
    expect((await bot.app.subscriptions.conversation(sv.id))?.lang).toBe('sv');
    await bot.post(install(sv));
    await bot.connector.waitFor(sv.id, 2);
    expect((await bot.app.subscriptions.conversation(sv.id))?.lang).toBe('sv');
    expect(added.attachments[0].content.fallbackText).toBe(added.text);
  });
});
