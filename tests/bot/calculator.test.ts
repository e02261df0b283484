// The what-if calculator card over real HTTP: a what-if question gets a card with the pot and "Räkna om";
// the card's adaptiveCard/action invoke (Universal Actions) returns the same card recomputed with the new
// pot. Expected figures are worked out here from the figures the Skåne 2023 memo prints (base per
// sub-region, the rest by each sub-region's share of the printed column), never by the code under test.
import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness, type Harness } from './harness.js';
import { composeQuery, conversation, execute, message, submit, type Conversation } from './teams.js';

const harness = useHarness();
let bot: Harness;
beforeAll(() => {
  bot = harness();
});

// Skåne 2023, "Fördelning av länsgemensamma medel … per delregionalt samverkansorgan": the printed share
// columns (Nordväst, Mellersta and Sydväst suicidprevention cells as reconstructed from their OCR text,
// Malmö brukarmedverkan likewise) and the bases the memo's model states (1 mkr, 1 mkr, 0,3 mkr).
const SUBREGIONS = ['Nordost', 'Nordväst', 'Mellersta', 'Malmö', 'Sydost', 'Sydväst'] as const;
const SUICID = [2646478, 5111884, 4246828, 5052438, 1425859, 1524645];
const SAMVERKAN = [1142432, 2206699, 1833271, 2181037, 615515, 658159];
const BRUKAR = [26454, 51098, 42451, 50504, 14253, 15240];
const SUICID_BASE = 1_000_000;
const ALL_BASES = 1_000_000 + 1_000_000 + 300_000;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const MALMO = SUBREGIONS.indexOf('Malmö');

/** Each row's whole kronor: the base, and the rest by weight rounded by largest remainder (ties in row order). */
function split(pot: number, base: number, weights: number[]): number[] {
  const rest = BigInt(pot - base * weights.length);
  const total = BigInt(sum(weights));
  const exact = weights.map((w) => ({ floor: (rest * BigInt(w)) / total, remainder: (rest * BigInt(w)) % total }));
  let left = rest - exact.reduce((a, e) => a + e.floor, 0n);
  const order = exact.map((e, i) => i).sort((a, b) => (exact[b]!.remainder > exact[a]!.remainder ? 1 : exact[b]!.remainder < exact[a]!.remainder ? -1 : a - b));
  const parts = exact.map((e) => e.floor);
  for (const i of order) if (left-- > 0n) parts[i]! += 1n;
  return parts.map((part) => Number(part) + base);
}

/** "11 104 876 kr" as the bot writes it (no-break spaces made plain). */
const kr = (value: number) => `${String(value).replace(/\B(?=(\d{3})+$)/g, ' ')} kr`;
const plain = (value: unknown) => JSON.stringify(value).replace(/\\u00a0|\u00a0/g, ' ');
type Json = Record<string, any>;

function* nodes(value: unknown): Generator<Json> {
  if (Array.isArray(value)) for (const item of value) yield* nodes(item);
  else if (value && typeof value === 'object') {
    yield value as Json;
    for (const [key, child] of Object.entries(value)) if (key !== 'data') yield* nodes(child);
  }
}
const ofType = (card: unknown, type: string) => [...nodes(card)].filter((node) => node.type === type);
const recalculateAction = (card: unknown) => ofType(card, 'Action.Execute').find((a) => a.verb === 'recalculate')!;
const bigFigure = (card: unknown) => ofType(card, 'TextBlock').find((t) => t.size === 'ExtraLarge')?.text?.replace(/\u00a0/g, ' ');
const amountField = (card: unknown) => ofType(card, 'Input.Number')[0];

async function ask(c: Conversation, text: string): Promise<Json> {
  const before = bot.connector.sent.filter((s) => s.conversationId === c.id).length;
  const res = await bot.post(message(c, text));
  expect(res.status).toBe(200);
  const sent = await bot.connector.waitFor(c.id, before + 1);
  return sent[before]!.activity.attachments[0].content;
}

/** What Teams sends when "Räkna om" is clicked: the button's data with the card's inputs merged in. */
async function click(c: Conversation, action: Json, inputs: Record<string, unknown>): Promise<Json> {
  const res = await bot.post(execute(c, action.verb, { ...action.data, ...inputs }));
  expect(res.status).toBe(200);
  const body = (await res.json()) as Json;
  expect(body.statusCode).toBe(200);
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  expect(body.value.type).toBe('AdaptiveCard');
  return body.value;
}

const SUICIDE_QUESTION = 'vad får Malmö för suicidprevention om potten är 25 mkr';

describe('the what-if calculator card', () => {
  it('answers a what-if with the estimate, the pot it used in the field and a "Räkna om" button', async () => {
    const c = conversation(bot.connector.url);
    const card = await ask(c, SUICIDE_QUESTION);
    expect(bigFigure(card)).toBe(kr(split(25_000_000, SUICID_BASE, SUICID)[MALMO]!));
    expect(amountField(card)).toMatchObject({ id: 'amount', value: 25_000_000 });
    expect(recalculateAction(card)).toMatchObject({ title: 'Räkna om', verb: 'recalculate' });
  });

  it.each([
    // A pot whose rest is exactly twice the printed column: every row gets its base and twice its printed share.
    ['twice the printed shares', 6 * SUICID_BASE + 2 * sum(SUICID), SUICID_BASE + 2 * SUICID[MALMO]!],
    // The document's own pot gives the printed table back.
    ['the document\u2019s own pot', 6 * SUICID_BASE + sum(SUICID), SUICID_BASE + SUICID[MALMO]!],
    ['50 mkr', 50_000_000, split(50_000_000, SUICID_BASE, SUICID)[MALMO]!],
  ])('"Räkna om" with a new pot (%s) returns the same card recomputed', async (_name, pot, expected) => {
    const c = conversation(bot.connector.url);
    const card = await ask(c, SUICIDE_QUESTION);
    const updated = await click(c, recalculateAction(card), { amount: String(pot) });
    expect(bigFigure(updated)).toBe(kr(expected));
    expect(plain(updated)).toContain(`Uppskattning, inget beslut: med ${kr(pot)} för suicidprevention 2023`);
    // The sub-region asked about, with its new amount (no other recipient's), and the card ready to be recomputed again.
    const facts = ofType(updated, 'FactSet')[0]!.facts as { title: string; value: string }[];
    expect(facts.map((f) => f.title)).toEqual([SUBREGIONS[MALMO]]);
    const parts = split(pot, SUICID_BASE, SUICID);
    expect(facts[0]!.value.replace(/\u00a0/g, ' ').startsWith(kr(parts[MALMO]!))).toBe(true);
    expect(amountField(updated)).toMatchObject({ value: pot });
    expect(JSON.parse(recalculateAction(updated).data.whatIf)).toMatchObject({ place: 'skane-malmo', funds: ['suicidprevention'], year: 2023, kind: 'pot', amount: String(pot) });
    // The same question: no new message in the chat, the card is replaced in place.
    expect(bot.connector.sent.filter((s) => s.conversationId === c.id)).toHaveLength(1);
  });

  it('recomputes for the fund chosen in the card', async () => {
    const c = conversation(bot.connector.url);
    const card = await ask(c, 'vad får Malmö om potten är 25 mkr');
    // No fund named: the whole table, every fund's base and share.
    const rows = SAMVERKAN.map((v, i) => v + BRUKAR[i]! + SUICID[i]!);
    expect(bigFigure(card)).toBe(kr(split(25_000_000, ALL_BASES, rows)[MALMO]!));
    const pot = 6 * SUICID_BASE + 2 * sum(SUICID);
    const updated = await click(c, recalculateAction(card), { amount: String(pot), fund: 'suicidprevention' });
    expect(bigFigure(updated)).toBe(kr(SUICID_BASE + 2 * SUICID[MALMO]!));
    expect(ofType(updated, 'Input.ChoiceSet')[0]).toMatchObject({ value: 'suicidprevention' });
    const back = await click(c, recalculateAction(updated), { amount: '25000000', fund: 'all' });
    expect(bigFigure(back)).toBe(bigFigure(card));
  });

  it('recomputes the Dalarna 2020 municipal split by each municipality\u2019s share of the table', async () => {
    // "Medel till kommunerna", the rounded amount ("Avrundat belopp") of each of the 15 municipalities.
    const DALARNA = [197452, 293242, 299754, 459849, 318737, 201173, 204342, 316470, 593461, 1726309, 1526386, 323040, 449703, 674017, 782627];
    const MORA = 593461;
    const c = conversation(bot.connector.url);
    const card = await ask(c, 'Om kommunernas medel i Dalarna vore 10 mkr, vad skulle Mora få?');
    const updated = await click(c, recalculateAction(card), { amount: String(2 * sum(DALARNA)) });
    expect(bigFigure(updated)).toBe(kr(2 * MORA));
  });

  it('accepts the amount as a number and as people write it', async () => {
    const c = conversation(bot.connector.url);
    const card = await ask(c, SUICIDE_QUESTION);
    const expected = kr(split(50_000_000, SUICID_BASE, SUICID)[MALMO]!);
    for (const amount of [50_000_000, '50 000 000', '50 mkr', '50 miljoner']) {
      expect(bigFigure(await click(c, recalculateAction(card), { amount })), String(amount)).toBe(expected);
    }
  });

  it('"Beräkning ▾" on a recomputed card opens the calculation for the pot in the field', async () => {
    const c = conversation(bot.connector.url);
    const card = await ask(c, SUICIDE_QUESTION);
    const updated = await click(c, recalculateAction(card), { amount: '50000000' });
    // The section opens in the client: its toggle and the calculation it opens are on the recomputed card.
    const body = ofType(updated, 'Container').find((n) => n.id === 'derivationBody')!;
    expect(ofType(updated, 'Action.ToggleVisibility').find((a) => a.title === 'Beräkning ▾')).toMatchObject({ targetElements: ['derivationBody'] });
    expect(plain(body)).toContain(`50 000 000 kr = 6 × 1 000 000 kr i bas + ${kr(50_000_000 - 6 * SUICID_BASE)} efter befolkning`);
  });

  it('the Action.Submit fallback sends the recomputed card as a message', async () => {
    const c = conversation(bot.connector.url);
    const card = await ask(c, SUICIDE_QUESTION);
    const pot = 6 * SUICID_BASE + 2 * sum(SUICID);
    await bot.post(submit(c, { ...recalculateAction(card).fallback.data, amount: String(pot) }));
    const sent = await bot.connector.waitFor(c.id, 2);
    expect(bigFigure(sent[1]!.activity.attachments[0].content)).toBe(kr(SUICID_BASE + 2 * SUICID[MALMO]!));
  });

  it('recomputes in English for an English card', async () => {
    const c = conversation(bot.connector.url, 'personal', { locale: 'en-US' });
    const card = await ask(c, 'If the Skåne suicide prevention pot were SEK 25 million, how much would Malmö get?');
    const action = recalculateAction(card);
    expect(action.title).toBe('Recalculate');
    const updated = await click(c, action, { amount: String(6 * SUICID_BASE + 2 * sum(SUICID)) });
    expect(bigFigure(updated)).toBe(`SEK ${(SUICID_BASE + 2 * SUICID[MALMO]!).toLocaleString('en-US')}`);
    expect(plain(updated)).not.toContain('Räkna om');
  });

  describe('bad input gets a clear message on the card, never an error', () => {
    it.each([
      ['empty', '', 'Skriv ett belopp i kronor'],
      ['missing', undefined, 'Skriv ett belopp i kronor'],
      ['negative', '-5000000', 'kan inte vara negativt'],
      ['zero', '0', 'Med 0 kr finns inget att fördela'],
      ['not a number', 'mycket', '”mycket” är inget belopp'],
      ['an object', { $gt: 1 }, 'är inget belopp'],
      ['absurd', '1e15', 'är orimligt mycket'],
      ['absurd as a number', 5e14, 'är orimligt mycket'],
      ['fractions of öre', '25000000.123', 'högst två decimaler'],
      // 6 sub-regions × 1 000 000 kr base (the memo's model) = 6 000 000 kr: a pot below that cannot be split.
      ['a pot below the bases', '5999999', `räcker potten inte till basen: 6 × 1 000 000 kr = ${kr(6 * SUICID_BASE)}`],
    ])('%s', async (_name, amount, says) => {
      const c = conversation(bot.connector.url);
      const card = await ask(c, SUICIDE_QUESTION);
      const updated = await click(c, recalculateAction(card), amount === undefined ? {} : { amount });
      const warning = ofType(updated, 'TextBlock').find((t) => t.color === 'Attention');
      expect(warning?.text.replace(/\u00a0/g, ' ')).toContain(says);
      // No figure, and the field and the button to try again, with the last amount that worked.
      expect(bigFigure(updated)).toBeUndefined();
      expect(amountField(updated)).toMatchObject({ value: 25_000_000 });
      expect(recalculateAction(updated).title).toBe('Räkna om');
      expect(JSON.stringify(updated)).not.toMatch(/at .*\.ts:\d+|Error:/);
    });

    it('a fund the card does not offer is refused', async () => {
      const c = conversation(bot.connector.url);
      const card = await ask(c, 'vad får Malmö om potten är 25 mkr');
      const updated = await click(c, recalculateAction(card), { amount: '25000000', fund: 'ungdomsmottagningar' });
      expect(ofType(updated, 'TextBlock').find((t) => t.color === 'Attention')?.text).toBe('Välj medel i listan.');
    });

    it('a card whose what-if no longer matches its question is asked again, not recomputed for something else', async () => {
      const c = conversation(bot.connector.url);
      const card = await ask(c, SUICIDE_QUESTION);
      const action = recalculateAction(card);
      const otherPlace = JSON.stringify({ ...JSON.parse(action.data.whatIf), place: 'skane-sydost' });
      const updated = await click(c, { ...action, data: { ...action.data, whatIf: otherPlace } }, { amount: '50000000' });
      expect(plain(updated)).toContain('Det här kortet går inte att räkna om längre. Ställ frågan igen.');
      expect(bigFigure(updated)).toBeUndefined();
    });

    it.each([
      ['a what-if that is not JSON', 'nonsense'],
      ['a what-if with fields the bot never writes', JSON.stringify({ lang: 'sv', kind: 'pot', funds: [], year: 2023, amount: '1', extra: true })],
      ['an amount that is not a plain decimal', JSON.stringify({ lang: 'sv', kind: 'pot', funds: [], year: 2023, amount: '1e9' })],
      ['an unknown kind', JSON.stringify({ lang: 'sv', kind: 'everything', funds: [], year: 2023, amount: '1' })],
    ])('%s gets the polite error card', async (_name, whatIf) => {
      const c = conversation(bot.connector.url);
      const updated = await click(c, { verb: 'recalculate', data: { question: SUICIDE_QUESTION, context: '{}', whatIf } }, { amount: '50000000' });
      expect(plain(updated)).toContain('Något gick fel');
    });
  });
});

describe('the message extension', () => {
  it('answers "vad får Malmö om potten är 25 mkr" with the estimate, without the calculator a chat without the bot could not run', async () => {
    const c = conversation(bot.connector.url);
    const res = await bot.post(composeQuery(c, 'vad får Malmö om potten är 25 mkr'));
    expect(res.status).toBe(200);
    const [first] = ((await res.json()) as Json).composeExtension.attachments;
    const rows = SAMVERKAN.map((v, i) => v + BRUKAR[i]! + SUICID[i]!);
    expect(bigFigure(first.content)).toBe(kr(split(25_000_000, ALL_BASES, rows)[MALMO]!));
    expect(first.preview.content.title).toContain('Malmö');
    expect(amountField(first.content)).toBeUndefined();
    expect(ofType(first.content, 'Action.Execute')).toEqual([]);
  });
});
