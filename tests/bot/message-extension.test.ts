// Quick lookups from the compose box: real composeExtension/query invokes over HTTP.
import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness, type Harness } from './harness.js';
import { composeQuery, conversation, message } from './teams.js';

const harness = useHarness();
let bot: Harness;
beforeAll(() => {
  bot = harness();
});

async function query(text: string | undefined, options?: { skip?: number; count?: number }) {
  const res = await bot.post(composeQuery(conversation(bot.connector.url), text, options));
  expect(res.status).toBe(200);
  return ((await res.json()) as any).composeExtension;
}

const plain = (value: unknown) => JSON.stringify(value).replace(/\\u00a0|\u00a0/g, ' ');

describe('looking things up from the compose box', () => {
  it.each([
    ['Mora', '593 461 kr'],
    ['faktura Skåne', '7368376009106'],
    ['referenskod', '854877'],
    ['deadline Dalarna', '31 mars 2021'],
  ])('"%s" lists results in the shape Teams requires, best match first', async (text, expected) => {
    const result = await query(text);
    expect(result.type).toBe('result');
    expect(result.attachmentLayout).toBe('list');
    expect(result.attachments.length).toBeGreaterThan(0);
    for (const attachment of result.attachments) {
      expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(attachment.content.type).toBe('AdaptiveCard');
      expect(attachment.preview.contentType).toBe('application/vnd.microsoft.card.thumbnail');
      expect(attachment.preview.content.title.length).toBeGreaterThan(0);
    }
    expect(plain(result.attachments[0])).toContain(expected);
  });

  it('offers more about the place after the best match', async () => {
    const result = await query('Mora');
    const titles = result.attachments.map((a: any) => a.preview.content.title as string);
    expect(titles.length).toBeGreaterThan(1);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('pages with skip and count', async () => {
    const all = await query('Mora', { skip: 0, count: 25 });
    const second = await query('Mora', { skip: 1, count: 1 });
    expect(second.attachments).toHaveLength(1);
    expect(plain(second.attachments[0])).toBe(plain(all.attachments[1]));
  });

  it.each([[undefined], [''], ['   ']])('opening it (%s: initialRun or an empty box) lists the deadlines and the popular questions answered, not "true" searched for', async (text) => {
    const result = await query(text);
    expect(result.type).toBe('result');
    const titles = result.attachments.map((a: any) => a.preview.content.title as string);
    expect(titles.length).toBeGreaterThanOrEqual(3);
    expect(titles.join(' | ')).toMatch(/deadline/i);
    // The help's example question, answered: Mora's amount.
    expect(result.attachments.some((a: any) => plain(a).includes('593 461 kr'))).toBe(true);
    expect(plain(result)).not.toMatch(/Finns inte|Jag hittar inte|”true”/);
  });

  it.each([[undefined], ['']])('in an English client (en-US) the start list (%s) is in English', async (text) => {
    const res = await bot.post(composeQuery(conversation(bot.connector.url, 'personal', { locale: 'en-US' }), text));
    const result = ((await res.json()) as any).composeExtension;
    const titles = result.attachments.map((a: any) => a.preview.content.title as string).join(' | ');
    expect(titles).toMatch(/deadline/i);
    expect(plain(result)).toContain('Source ▾');
    expect(plain(result)).not.toMatch(/Källa|Hur mycket|Vilka deadlines/);
  });

  it('inserts cards with no button that needs the bot (they may go to a chat without it)', async () => {
    for (const text of ['Mora', 'faktura Skåne', undefined]) {
      const result = await query(text);
      for (const attachment of result.attachments) {
        expect(plain(attachment.content)).not.toMatch(/Action\.(Execute|Submit)|messageBack|imBack|Input\./);
        expect(attachment.content.fallbackText.length).toBeGreaterThan(0);
      }
    }
  });

  it('does not answer a card inserted into its own chat', async () => {
    const c = conversation(bot.connector.url);
    const [inserted] = (await query('Mora')).attachments;
    const res = await bot.post(message(c, '', { attachments: [{ contentType: inserted.contentType, content: inserted.content }] }));
    expect(res.status).toBe(200);
    // A question typed after it is answered: nothing is stuck.
    await bot.post(message(c, 'Hur mycket får Falun?'));
    const [reply] = await bot.connector.waitFor(c.id, 1);
    expect(plain(reply!.activity)).toContain('Falun');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bot.connector.sent.filter((sent) => sent.conversationId === c.id)).toHaveLength(1);
  });

  it('an unknown query gets a hint with what the bot knows', async () => {
    const result = await query('asdfgh');
    expect(result.attachments).toHaveLength(1);
    expect(plain(result.attachments[0])).toContain('Jag hittar inte');
    expect(plain(result.attachments[0])).toContain('Dalarna');
  });

  it('garbage query options do not break it', async () => {
    const result = await query('Mora', { skip: -5, count: 10_000 });
    expect(result.attachments.length).toBeGreaterThan(0);
  });
});
