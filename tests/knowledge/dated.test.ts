// Every date or period the documents give for a decision, a hire, a meeting, an event, a milestone, a
// plan, a payment or an obligation is a dated statement with its quote; only obligations are reminded of.
import { describe, expect, it } from 'vitest';
import { describeWhen } from '../../src/brain/when.js';
import { planReminders } from '../../src/notifications/reminders.js';
import { store } from '../brain/ask.js';
import { collapse, rawDocuments, type JsonObject } from './helpers.js';

const documents = rawDocuments();
const statements = (doc: (typeof documents)[number]) => (doc.data['deadlines'] ?? []) as JsonObject[];

describe('dated statements', () => {
  it.each(documents.map((doc) => [doc.name, doc] as const))('%s: every quote is in the document, every printed date in its quote', (_, doc) => {
    const text = collapse(doc.text);
    for (const statement of statements(doc)) {
      const source = statement['source'] as JsonObject;
      expect(text, String(statement['id'])).toContain(collapse(String(source['quote'])));
      if (statement['printed'] !== undefined) expect(collapse(String(source['quote'])), String(statement['id'])).toContain(collapse(String(statement['printed'])));
    }
  });

  it('counts the statements of each document', () => {
    expect(Object.fromEntries(documents.map((doc) => [doc.name, statements(doc).length]))).toEqual({
      '000_afe9e734d6b1f6f8.json': 16,
      '001_74a662b3024a3357.json': 11,
      '002_095eae0b221900fb.json': 7,
      '003_200551ed2178d4fe.json': 6,
      '004_bf76aafa1196d6da.json': 139,
    });
    expect(store.deadlines()).toHaveLength(179);
  });

  const fact = (id: string) => store.knowledge.deadlines.find((d) => d.id === id)!;
  it.each([
    ['d2022-decemberbeslutet', 'day', '2020-12-18', '2020-12-18', '18 december 2020'],
    ['d2020-projektplan-brukarmedverkan-godkand', 'day', '2019-12-13', '2019-12-13', '13 december 2019'],
    ['d2018-um-verksamhetsutvecklare-tilltradde', 'day', '2018-08-01', '2018-08-01', '1 augusti 2018'],
    ['d2020-medel-2019-juni', 'month', '2019-06-01', '2019-06-30', 'juni 2019'],
    ['d2022-vecka-41', 'week', '2022-10-10', '2022-10-16', 'vecka 41'],
    ['d2018-suicidpreventionssamordnare-anstallning', 'season', '2018-08-01', '2018-09-30', 'början av hösten 2018'],
    ['d2018-suicidprevention-handlingsplan', 'season', '2019-01-01', '2019-06-30', 'våren 2019'],
    ['d2018-ungdomsstrategin-antogs', 'year', '2015-01-01', '2015-12-31', '2015'],
    ['d2018-samling-social-hallbarhet', 'period', '2016-08-01', '2019-06-30', 'hösten 2016 – våren 2019'],
    ['d2022-lanschefsnatverket-insatser-2023', 'period', '2023-12-31', '2023-12-31', 'till utgången av 2023'],
    ['d2020-lag-samsjuklighet-utvecklingsledare', 'period', '2020-08-01', '2020-12-31', 'från och med hösten 2020'],
    ['j2020-statsbidrag-nyttjande', 'period', '2020-01-01', '2021-12-31', '2020–2021'],
    ['skane-2023-fakturering', 'period', '2023-03-01', '2023-05-31', '1 mars–31 maj 2023'],
  ])('%s is a %s: %s to %s, "%s"', (id, precision, start, due, words) => {
    const statement = fact(id);
    expect(statement.when.type).toBe(precision);
    expect([statement.start, statement.due]).toEqual([start, due]);
    expect(describeWhen(statement, 'sv')).toBe(words);
  });

  it('reads "201218" and "191213" as year, month, day', () => {
    expect(fact('d2022-decemberbeslutet').printed).toBe('201218');
    expect(fact('d2020-projektplan-brukarmedverkan-godkand').printed).toBe('191213');
  });

  it('marks only real obligations, and no plan or proposal, as an obligation', () => {
    const obligations = store.knowledge.deadlines.filter((d) => d.obligation).map((d) => d.id);
    expect(obligations.sort()).toEqual(['dalarna-2020-slutredovisning', 'skane-2023-anvandning', 'skane-2023-fakturering', 'skane-2023-lagesrapport']);
    // "SVOM föreslås besluta: Att de nationella stadsbidragen nyttjas under perioden 2020-2021": a proposal.
    expect(fact('j2020-statsbidrag-nyttjande').obligation).toBe(false);
    expect(store.knowledge.deadlines.filter((d) => d.kind === 'plan' || d.kind === 'proposal').every((d) => !d.obligation)).toBe(true);
  });

  it('builds reminders from obligations only', () => {
    const reminded = new Set(planReminders(store.knowledge.deadlines).map((r) => r.deadline.id));
    expect([...reminded].sort()).toEqual(['dalarna-2020-slutredovisning', 'skane-2023-anvandning', 'skane-2023-fakturering', 'skane-2023-lagesrapport']);
  });

  it('gives every statement a label in Swedish and English, and an actor where the document names one', () => {
    for (const statement of store.knowledge.deadlines) {
      expect(statement.title.sv.length, statement.id).toBeGreaterThan(0);
      expect(statement.title.en.length, statement.id).toBeGreaterThan(0);
    }
    expect(fact('d2022-decemberbeslutet').actor).toMatch(/Länschefsnätverket/);
    expect(fact('d2020-projektplan-brukarmedverkan-godkand').actor).toBe('Chefsnätverket');
  });
});
