// Quick lookups from the compose box: real composeExtension/query invokes over HTTP.
import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness, type Harness } from './harness.js';
import { composeQuery, conversation } from './teams.js';

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

  it.each([[undefined], [''], ['   ']])('an empty query (%s) gets a helpful hint, not an error', async (text) => {
    const result = await query(text);
    expect(result.type).toBe('result');
    expect(result.attachments).toHaveLength(1);
    expect(plain(result.attachments[0])).toContain('Hur mycket får Mora?');
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
