// Every card template, expanded with real replies of the brain (Swedish and English, with the
// "Beräkning" and "Källa" sections closed and open), checked with the adaptivecards package itself.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ConversationContext } from '../../src/brain/context.js';
import type { Reply } from '../../src/brain/reply.js';
import { CARD_NAMES, type AdaptiveCardJson, type CardName } from '../../src/cards/expand.js';
import { attachmentFor, cardForReply, cardSize, errorCard, MAX_CARD_UTF16, slowDownCard, TEMPLATE, templateOf, welcomeCard } from '../../src/cards/view.js';
import { summaryLine } from '../../src/cards/summary.js';
import { money } from '../../src/brain/format.js';
import { brain, store } from '../brain/ask.js';
import { questionCases } from '../brain/questions.js';
import { nodes, sdkProblems, type Json } from '../support/adaptive-cards.js';

// The package's lib/ build is ES modules that Node cannot load as they are; the webpack bundle in dist/
// is UMD and parses and validates cards in plain Node (rendering would need a DOM; parsing does not).

// ───────────── Realistic data: real replies to real questions ─────────────

interface Case {
  say: string[];
  locale?: 'sv' | 'en';
}

/** Questions chosen to cover every kind, both languages and the hard cases (reconstructed, derived, long). */
const CURATED: Case[] = [
  // amount
  { say: ['Hur mycket får Mora?'] },
  { say: ['How much does Mora get?'] },
  { say: ['Hur mycket får Falun?'] },
  { say: ['mellersta skåne belopp'] },
  { say: ['How much does Mellersta get?'] },
  { say: ['Mellerstas brukarmedverkan'] },
  { say: ['vad får sydväst?'] },
  { say: ['delregion Nordväst brukarmedverkan'] },
  { say: ['hur mycket får kommunerna i dalarna totalt 2020?'] },
  { say: ['hur mycket får Dalarna 2022?'] },
  { say: ['How much does Dalarna get?'] },
  { say: ['vad fick Dalarnas län 2020?'] },
  { say: ['hur stor är hela överenskommelsen 2020?'] },
  { say: ['How big was the 2020 agreement in total?'] },
  { say: ['naloxon'] },
  { say: ['Case Management Skåne amount'] },
  { say: ['hur mycket får Malmö kommun?'] },
  { say: ['Hur mycket får Nordost?', 'och Mellersta?'] },
  { say: ['What does Orsa get?', 'and Älvdalen?'] },
  { say: ['hur mycket får Orsa?'], locale: 'en' },
  // list
  { say: ['alla kommuner i Dalarna'] },
  { say: ['list all municipalities in Dalarna'] },
  { say: ['vilka kommuner får mest?'] },
  { say: ['which sub-region in Skåne gets the least?'] },
  { say: ['vilka skånegemensamma satsningar finns?'] },
  { say: ['What are the Skåne-wide investments?'] },
  { say: ['jämför Dalarna och Jämtland 2020'] },
  { say: ['jämför samsjuklighet dalarna 2020 och 2022'] },
  { say: ['vilka län finns med?'] },
  { say: ['what counties do you have data for?'] },
  { say: ['lista delregionerna i skåne'] },
  // deadline
  { say: ['när ska fakturan skickas?'] },
  { say: ['when is the final report due for Dalarna 2020?'] },
  { say: ['när ska slutredovisningen in för Dalarna 2020?', 'och Skåne?'] },
  { say: ['when is the status report due in Skåne?'] },
  { say: ['när beslutades fördelningen i Skåne?'] },
  // invoice
  { say: ['GLN?'] },
  { say: ['vad måste fakturan innehålla?'] },
  { say: ['fakturauppgifter skåne'] },
  { say: ['invoice address?'] },
  { say: ['What heading should the invoice have?'] },
  { say: ['vem rekvirerade medlen i Dalarna 2020?'] },
  { say: ["What's the reference code for invoices in Skåne?", 'and the GLN?'] },
  // focus areas
  { say: ['vilka prioriterade områden har Skåne 2023?'] },
  { say: ['vad ska samsjuklighetsmedlen i jämtland gå till'] },
  { say: ['suicidprevention dalarna 2022 insatser'] },
  { say: ['vilka fokusområden fanns 2018?'] },
  { say: ["What are Jämtland's suicide prevention funds for?"] },
  { say: ['examples of user participation activities in Skåne'] },
  // key
  { say: ['hur räknades Dalarnas samsjuklighetsbelopp ut?'] },
  { say: ['hur fördelas samsjuklighetsmedlen 2020?'] },
  { say: ['hur fördelas pengarna mellan delregionerna i Skåne?'] },
  { say: ["how was Dalarna's comorbidity amount calculated?"] },
  { say: ['How is the user participation money split between counties?'] },
  // contact
  { say: ['kontakt skåne'] },
  { say: ['vem är kontaktperson för Sydost?'] },
  { say: ['vem samordnar i Jämtland?'] },
  { say: ['contact person for psychiatry in Skåne'] },
  { say: ['who convenes the Skåne group?'] },
  // figure and passage (quote.json)
  { say: ['vad kostar MHFA-instruktörsutbildning?'] },
  { say: ['hur många invånare har Dalarna?'] },
  { say: ['how many inhabitants does Dalarna have?'] },
  { say: ['vad är BISAM?'] },
  { say: ['vad är Bostad först?'] },
  { say: ['What is Mini-Maria?'] },
  { say: ['Can we use the Skåne money for ongoing work?'] },
  { say: ['När ska Jämtland återredovisa?'] },
  // unknown
  { say: ['Hur mycket får Uppsala?'] },
  { say: ['How much does Uppsala get?'] },
  { say: ['Hur mycket får Mora 2023?'] },
  { say: ['GLN för Jämtland'] },
  { say: ["What's the GLN for Dalarna?"] },
  { say: ['asdfgh'] },
  { say: ["what's the weather tomorrow?"] },
  { say: ['Vansbro kontakt'] },
  // clarify
  { say: ['hur mkt pengar till suicidprevention?'] },
  { say: ['how much for youth clinics?'] },
  { say: ['Hur mycket får vi?'] },
  { say: ['vem är kontaktperson?'] },
  // what-if (the calculator card)
  { say: ['vad får Malmö om potten är 25 mkr'] },
  { say: ['vad får Malmö för suicidprevention om potten är 25 mkr'] },
  { say: ['If the Skåne suicide prevention money beyond the base were 25 MSEK, how much would Sydost get from that part?'] },
  { say: ['Om kommunernas medel i Dalarna vore 10 mkr, vad skulle Mora få?'] },
  { say: ['Om samsjuklighetspotten 2020 vore 300 mkr, med 5 mkr per län, vad får Jämtland?'] },
  { say: ['Om brukarmedverkansmedlen 2020 vore 1,5 mkr per län, vad får Jämtland?'] },
  { say: ['Om potten till delregionerna i Skåne vore 30 mkr, hur fördelas den?'] },
  { say: ['If the national youth clinic pot were SEK 200 million, how much would Jämtland get?'] },
  // help and greeting
  { say: ['hjälp'] },
  { say: ['help'] },
  { say: ['hej'] },
  { say: ['hello'] },
];

interface Asked {
  name: string;
  question: string;
  /** The context the last turn was asked in: asking `question` again in it gives the same reply. */
  context: string;
  reply: Reply;
}

function ask({ say, locale }: Case): Asked {
  let context: ConversationContext = {};
  let before: ConversationContext = {};
  let reply: Reply | undefined;
  for (const turn of say) {
    before = context;
    const answer = brain.answer(turn, context, locale ? { lang: locale } : {});
    context = answer.context;
    reply = answer.reply;
  }
  return { name: `${say.join(' → ')}${locale ? ` [${locale}]` : ''}`, question: say[say.length - 1]!, context: JSON.stringify(before), reply: reply! };
}

const curated = CURATED.map(ask);
const byName = new Map(curated.map((asked) => [asked.name, asked]));
function asked(name: string): Asked {
  const found = byName.get(name);
  if (!found) throw new Error(`not in CURATED: ${name}`);
  return found;
}

// The whole acceptance set too (tests/brain/questions.ts), for breadth.
const seen = new Set(curated.map((a) => a.name));
const acceptance = questionCases
  .map((c) => ask({ say: c.say, ...(c.locale ? { locale: c.locale } : {}) }))
  .filter((a) => !seen.has(a.name) && seen.add(a.name));

const SHOW = [
  { showDerivation: false, showSource: false },
  { showDerivation: true, showSource: false },
  { showDerivation: false, showSource: true },
  { showDerivation: true, showSource: true },
];

const TEMPLATE_OF = (reply: Reply): CardName => templateOf(reply);

// ───────────── Walking a card ─────────────

function ofType(card: AdaptiveCardJson, type: string): Json[] {
  return [...nodes(card)].filter((node) => node.type === type);
}

function byId(card: AdaptiveCardJson, id: string): Json | undefined {
  return [...nodes(card)].find((node) => node.id === id);
}

/** Amounts are formatted with no-break spaces; the literals in these tests use plain ones. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

/** The card's visible texts (no-break spaces made plain): TextBlocks and TextRuns, skipping hidden elements and everything inside them. */
function visibleTexts(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) visibleTexts(item, out);
  else if (value && typeof value === 'object') {
    const node = value as Json;
    if (node.isVisible === false) return out;
    if ((node.type === 'TextBlock' || node.type === 'TextRun') && typeof node.text === 'string') out.push(plain(node.text));
    for (const [key, child] of Object.entries(node)) if (key !== 'actions' && key !== 'selectAction') visibleTexts(child, out);
  }
  return out;
}

function actions(card: AdaptiveCardJson): Json[] {
  return (card.actions ?? []) as Json[];
}

function activitySize(reply: Reply, card: AdaptiveCardJson): { utf8: number; utf16: number } {
  const json = JSON.stringify({ type: 'message', text: reply.text, attachments: [attachmentFor(card)] });
  return { utf8: Buffer.byteLength(json, 'utf8'), utf16: json.length * 2 };
}

// ───────────── Validation ─────────────

/** Everything wrong with a card; empty when it is fine. */
function problems(card: AdaptiveCardJson): string[] {
  const found: string[] = [];
  const json = JSON.stringify(card);
  if (json.includes('${')) found.push('unexpanded ${…} left in the card');
  if (card.type !== 'AdaptiveCard' || card.version !== '1.5' || card.$schema !== 'http://adaptivecards.io/schemas/adaptive-card.json') found.push('not an Adaptive Card 1.5 with $schema');

  // What Teams renders everywhere (desktop, web, mobile).
  const allowed = new Set(['AdaptiveCard', 'TextBlock', 'RichTextBlock', 'TextRun', 'FactSet', 'ColumnSet', 'Column', 'Container', 'ActionSet', 'Action.Execute', 'Action.Submit', 'Action.ToggleVisibility', 'Input.Number', 'Input.ChoiceSet']);
  const ids = new Set<string>();
  for (const node of nodes(card)) {
    if (typeof node.type !== 'string') continue;
    if (node.type === 'Table') found.push('Table element');
    else if (!allowed.has(node.type)) found.push(`element type ${node.type}`);
    if (typeof node.id === 'string') ids.add(node.id);
    if (node.type === 'TextBlock' && (node.wrap !== true || typeof node.text !== 'string' || node.text === '')) found.push(`TextBlock without wrap or text: ${JSON.stringify(node).slice(0, 100)}`);
    if (node.type === 'TextRun' && (typeof node.text !== 'string' || node.text === '')) found.push('empty TextRun');
    if (node.type === 'Container' && !(Array.isArray(node.items) && node.items.length > 0)) found.push('empty Container');
    if (node.type === 'FactSet' && !(Array.isArray(node.facts) && node.facts.length > 0)) found.push('empty FactSet');
    if ((node.type === 'Action.Execute' || node.type === 'Action.Submit') && !(typeof node.title === 'string' && node.title !== '')) found.push(`${node.type} without title`);
  }
  for (const node of nodes(card)) {
    if (node.type !== 'Action.ToggleVisibility') continue;
    for (const target of node.targetElements as string[]) if (!ids.has(target)) found.push(`ToggleVisibility targets missing id ${target}`);
  }

  // The SDK: parse, its events, validateProperties(), nothing lost on the way, the fallbacks.
  found.push(...sdkProblems(card));
  return found;
}

// ───────────── The tests ─────────────

describe('card templates', () => {
  const files = readdirSync(new URL('../../cards/', import.meta.url)).filter((file) => file.endsWith('.json'));

  it('has exactly one template per card name', () => {
    expect(files.map((file) => file.replace(/\.json$/, '')).sort()).toEqual([...CARD_NAMES].sort());
  });

  it.each(files)('%s is an Adaptive Card 1.5 template without Table and without language of its own', (file) => {
    const template = JSON.parse(readFileSync(new URL(`../../cards/${file}`, import.meta.url), 'utf8')) as AdaptiveCardJson;
    expect(template.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
    expect(template.version).toBe('1.5');
    expect(JSON.stringify(template)).not.toContain('"Table"');
    // Every shown text comes from the data: take the ${…} out and only punctuation and marks remain.
    for (const node of nodes(template)) {
      for (const key of ['text', 'title', 'value', 'displayText']) {
        const text = node[key];
        if (typeof text !== 'string') continue;
        expect(text.replace(/\$\{[^}]*\}/g, ''), `${file}: ${key} "${text}"`).toMatch(/^[\s·•▸▾:,()—–-]*$/);
      }
    }
  });

  // Teams' Warning (yellow, about 2:1 on white) and Good (light green) fail WCAG AA as text in the light theme;
  // Default, Accent and Attention are drawn by each theme (light, dark, high contrast) at AA contrast.
  it.each(files.filter((file) => !['ticket.json', 'ticketSent.json', 'coordinatorAnswer.json'].includes(file)))('%s colours text only with Default, Accent or Attention', (file) => {
    const template = JSON.parse(readFileSync(new URL(`../../cards/${file}`, import.meta.url), 'utf8')) as AdaptiveCardJson;
    for (const node of nodes(template)) if (node.color !== undefined) expect(['Default', 'Accent', 'Attention'], `${file}: ${JSON.stringify(node).slice(0, 80)}`).toContain(node.color);
  });
});

describe('the validation itself', () => {
  const base = (body: unknown[], actions: unknown[] = []): AdaptiveCardJson =>
    ({ $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.5', body, actions }) as AdaptiveCardJson;
  const text = { type: 'TextBlock', text: 'x', wrap: true };

  it('passes a good card and catches each kind of broken one', () => {
    expect(problems(base([text]))).toEqual([]);
    expect(problems(base([{ ...text, text: '${missing}' }])).join()).toContain('unexpanded');
    expect(problems(base([{ type: 'Table', columns: [{ width: 1 }], rows: [] }])).join()).toContain('Table element');
    expect(problems(base([{ ...text, size: 'Huge' }])).join()).toContain('InvalidPropertyValue');
    expect(problems(base([{ ...text, isSubtel: true }])).join()).toContain('.body[0].isSubtel was dropped');
    expect(problems(base([{ ...text, id: 'a' }, { ...text, id: 'a' }])).join()).toContain('DuplicateId');
    expect(problems(base([text], [{ type: 'Action.ToggleVisibility', title: 't', targetElements: ['nowhere'] }])).join()).toContain('missing id nowhere');
    expect(problems(base([{ type: 'Container', items: [] }])).join()).toContain('empty Container');
    expect(problems(base([text], [{ type: 'Action.Execute', title: 't', verb: 'v', fallback: { type: 'Action.Bogus', title: 't' } }])).join()).toContain('fallback');
    expect(problems(base([text], [1, 2, 3, 4, 5, 6].map((i) => ({ type: 'Action.Submit', title: `${i}` })))).join()).toContain('TooManyActions');
  });
});

describe('cards for real replies', () => {
  const all = [...curated, ...acceptance];

  it('uses at least 60 curated questions covering every kind and template in both languages', () => {
    expect(curated.length).toBeGreaterThanOrEqual(60);
    const kinds = new Set(curated.map((a) => a.reply.kind));
    expect([...kinds].sort()).toEqual(['amount', 'clarify', 'contact', 'deadline', 'figure', 'focusArea', 'greeting', 'help', 'invoice', 'key', 'list', 'passage', 'unknown']);
    // Every template a reply is shown with (the coordinator's cards are tested with the coordinator).
    for (const template of new Set<CardName>([...Object.values(TEMPLATE), 'whatIf'])) {
      const langs = new Set(curated.filter((a) => TEMPLATE_OF(a.reply) === template).map((a) => a.reply.lang));
      expect([...langs].sort(), template).toEqual(['en', 'sv']);
    }
  });

  it('covers the hard cases: reconstructed Skåne amounts, derived sums, known-lists, choices, long lists', () => {
    expect(asked('mellersta skåne belopp').reply.rows.some((row) => row.status === 'reconstructed')).toBe(true);
    expect(asked('vad får sydväst?').reply.notes.join(' ')).toContain('rekonstru');
    expect(asked('hur mycket får kommunerna i dalarna totalt 2020?').reply.derivation.length).toBeGreaterThan(0);
    expect(asked('Hur mycket får Uppsala?').reply.known.length).toBeGreaterThan(0);
    expect(asked('hur mkt pengar till suicidprevention?').reply.suggestions.length).toBeGreaterThan(0);
    expect(asked('alla kommuner i Dalarna').reply.rows).toHaveLength(15);
    expect(asked('kontakt skåne').reply.rows).toHaveLength(17);
  });

  it.each(all.map((a) => [a.name, a] as const))('%s: valid with the sections closed and open', (_name, { reply, question, context }) => {
    for (const show of SHOW) {
      const card = cardForReply(reply, { question, context, ...show });
      expect(problems(card), JSON.stringify(show)).toEqual([]);
      // Teams' limit for a message-extension result, counted as UTF-16.
      expect(cardSize(card)).toBeLessThanOrEqual(MAX_CARD_UTF16);

      // Sections open exactly when asked.
      const derivationBody = byId(card, 'derivationBody');
      if (derivationBody) expect(derivationBody.isVisible).toBe(show.showDerivation);
      const sourceBody = byId(card, 'sourceBody');
      if (sourceBody) expect(sourceBody.isVisible).toBe(show.showSource);

      // Every button that reaches the bot is an Action.Execute with an Action.Submit fallback carrying the same
      // verb and data (no messageBack or imBack: the Agents Playground refuses them).
      expect(JSON.stringify(card)).not.toMatch(/messageBack|imBack/);
      for (const action of ofType(card, 'Action.Execute')) {
        expect(action.fallback).toEqual({ type: 'Action.Submit', title: action.title, data: { verb: action.verb, ...(action.data as object) } });
        if (action.verb === 'recalculate') expect(action.data).toEqual({ question, context, whatIf: JSON.stringify(reply.calculator!.frame) });
        else if (action.verb === 'more') expect(action.data).toEqual({ question, context, from: expect.stringMatching(/^\d+$/) });
        else if (action.verb === 'feedback.vote') expect(action.data).toEqual({ vote: expect.stringMatching(/^(up|down)$/), question, context });
        else {
          // A suggestion: the question, asked as if typed.
          expect(action.verb).toBe('ask');
          expect(reply.suggestions.map((s) => s.question)).toContain((action.data as { question: string }).question);
        }
      }
      expect(actions(card).filter((a) => a.verb === 'ask').length).toBeLessThanOrEqual(3);
      // 👍 / 👎 last on every answer; never "Fråga en samordnare" unless offered.
      if (!['help', 'greeting', 'subscription'].includes(reply.kind)) expect(actions(card).slice(-2).map((a) => [a.title, a.verb])).toEqual([['👍', 'feedback.vote'], ['👎', 'feedback.vote']]);
      expect(actions(card).some((a) => a.verb === 'coordinator.ask')).toBe(false);
      expect(card.fallbackText, 'the one line a client without cards shows').toBe(summaryLine(reply.text));
    }
  });

  it.each(all.map((a) => [a.name, a] as const))('%s: inserted from the compose box, no button needs the bot', (_name, { reply, question, context }) => {
    const card = cardForReply(reply, { question, context, insertable: true });
    expect(problems(card)).toEqual([]);
    expect([...nodes(card)].filter((node) => /^(Action\.(Execute|Submit)|Input\.)/.test(String(node.type)))).toEqual([]);
    // The sections still open in the client.
    if (reply.derivation.length > 0 && TEMPLATE_OF(reply) !== 'key') expect(byId(card, 'derivationBody')).toBeDefined();
  });

  it.each(all.filter((a) => a.reply.kind !== 'key').map((a) => [a.name, a] as const))('%s: the calculation has one control, "Beräkning ▾", iff there is a derivation', (_name, { reply, question, context }) => {
    const card = cardForReply(reply, { question, context });
    const labels = reply.lang === 'sv' ? { toggle: 'Beräkning ▾', heading: 'Beräkning', button: 'Visa beräkning' } : { toggle: 'Calculation ▾', heading: 'Calculation', button: 'Show calculation' };
    const controls = [...nodes(card)].filter((node) => typeof node.title === 'string' && [labels.toggle, labels.button].includes(node.title));
    if (reply.derivation.length === 0) {
      expect(controls).toEqual([]);
      expect(byId(card, 'derivationBody')).toBeUndefined();
      return;
    }
    // One control: the toggle, which opens and closes the section in place (no second "Visa beräkning" button).
    expect(controls).toEqual([{ type: 'Action.ToggleVisibility', title: labels.toggle, targetElements: ['derivationBody'] }]);
    expect(byId(card, 'derivationBody')?.isVisible).toBe(false);
    const open = cardForReply(reply, { question, context, showDerivation: true });
    expect(visibleTexts(open)).toEqual(expect.arrayContaining(reply.derivation.map(plain)));
    // The opened section does not repeat its heading.
    expect(visibleTexts(byId(open, 'derivationBody'))).not.toContain(labels.heading);
  });

  it.each(all.filter((a) => a.reply.sources.length > 0).map((a) => [a.name, a] as const))('%s: "Källa ▾" opens the source with the exact quote', (_name, { reply, question, context }) => {
    const closed = cardForReply(reply, { question, context });
    const labels = reply.lang === 'sv' ? { toggle: 'Källa ▾', heading: 'Källa', button: 'Visa källa' } : { toggle: 'Source ▾', heading: 'Source', button: 'Show source' };
    const controls = [...nodes(closed)].filter((node) => typeof node.title === 'string' && [labels.toggle, labels.button].includes(node.title));
    expect(controls).toEqual([{ type: 'Action.ToggleVisibility', title: labels.toggle, targetElements: ['sourceBody'] }]);
    expect(byId(closed, 'sourceBody')?.isVisible).toBe(false);
    const open = cardForReply(reply, { question, context, showSource: true });
    expect(visibleTexts(byId(open, 'sourceBody'))).not.toContain(labels.heading);
    const shown = visibleTexts(open);
    const source = reply.sources[0]!;
    expect(shown).toContain(plain(source.title));
    const quoteInline = TEMPLATE_OF(reply) !== 'quote';
    if (quoteInline && source.quote !== source.title) {
      const run = ofType(open, 'TextRun').find((r) => r.text === source.quote);
      expect(run, 'the quote as an italic TextRun').toMatchObject({ italic: true });
      expect(shown).toContain(plain(source.quote));
    }
  });
});

describe('what each card shows', () => {
  const card = (name: string, show: { showDerivation?: boolean; showSource?: boolean } = {}) => {
    const a = asked(name);
    return { ...a, card: cardForReply(a.reply, { question: a.question, context: a.context, ...show }) };
  };

  it.each(curated.filter((a) => a.reply.kind === 'amount' || a.reply.kind === 'list').map((a) => [a.name, a] as const))('%s: the figure big and the rows as a FactSet', (_name, { reply, question, context }) => {
    const result = cardForReply(reply, { question, context });
    const headline = reply.figure !== undefined && !(reply.kind === 'list' && reply.rows.some((row) => row.value === reply.figure));
    if (headline) expect(ofType(result, 'TextBlock').find((t) => t.text === reply.figure)).toMatchObject({ size: 'ExtraLarge', weight: 'Bolder' });
    if (reply.rows.length === 0) return;
    const factSet = ofType(result, 'FactSet')[0];
    if (factSet) {
      const facts = factSet.facts as { title: string; value: string }[];
      expect(facts.map((f) => f.title)).toEqual(reply.rows.map((row) => row.label));
      facts.forEach((fact, i) => expect(fact.value.startsWith(reply.rows[i]!.value)).toBe(true));
    } else {
      // Each label above its value: a word too wide for a FactSet's label column is not broken mid-word.
      const texts = visibleTexts(result);
      for (const row of reply.rows) expect(texts).toEqual(expect.arrayContaining([plain(row.label)]));
    }
  });

  it('calls a comparison’s figure the difference, never the total', () => {
    for (const question of ['jämför Dalarna och Jämtland 2020', 'jämför samsjuklighet dalarna 2020 och 2022']) {
      const texts = visibleTexts(card(question).card);
      expect(texts, question).toContain('Skillnad');
      expect(texts, question).not.toContain('Totalt');
    }
    expect(visibleTexts(card('vilka skånegemensamma satsningar finns?').card)).toContain('Totalt');
  });

  it('never lets Markdown turn a text starting "1. " or "- " into a list', () => {
    for (const a of [...curated, ...acceptance]) {
      const card = cardForReply(a.reply, { question: a.question, context: a.context, showDerivation: true, showSource: true });
      for (const node of nodes(card)) {
        if (node.type === 'TextRun') continue; // not Markdown
        for (const key of ['text', 'value'] as const) {
          if (typeof node[key] === 'string') expect(node[key] as string, a.name).not.toMatch(/^\s*(\d{1,3}[.)]|[-*+]) /m);
        }
      }
    }
    const reply = { ...asked('Hur mycket får Mora?').reply, derivation: ['1. Först basen', '- sedan resten'] };
    const texts = ofType(cardForReply(reply, { question: 'q', context: '{}', showDerivation: true }), 'TextBlock').map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining(['1.\u00a0Först basen', '-\u00a0sedan resten']));
  });

  it('never puts a word too wide for the label column ("Ungdomsmottagningar") in a FactSet', () => {
    const { card: narrow } = card('Hur mycket får Mora?');
    expect(ofType(narrow, 'FactSet')).toHaveLength(1);
    const { card: wide, reply } = card('hur stor är hela överenskommelsen 2020?');
    expect(reply.rows.some((row) => /Ungdomsmottagningar/.test(row.label))).toBe(true);
    expect(ofType(wide, 'FactSet')).toEqual([]);
    const label = ofType(wide, 'TextBlock').find((t) => /Ungdomsmottagningar/.test(String(t.text)));
    expect(label).toMatchObject({ weight: 'Bolder', wrap: true });
  });

  it('marks reconstructed rows and shows the notes in warning colour', () => {
    const sv = card('mellersta skåne belopp').card;
    const facts = ofType(sv, 'FactSet')[0]!.facts as { title: string; value: string }[];
    // The mark is the brain's provenance phrase for the cell, whatever value the reconstruction gives it.
    const cell = store.amount('skane-2023-delregioner/skane-mellersta/brukarmedverkan')!;
    expect(cell.status).toBe('reconstructed');
    expect(plain(facts.find((f) => f.title === 'Stärkt brukarmedverkan (efter befolkning)')!.value)).toBe(plain(`${money(cell.amount, 'sv')} (rekonstruerat, tryckt som ”${cell.reconstruction!.printed}”)`));
    // Notes on the theme's emphasis background in the default text colour: no yellow text on white.
    const notes = ofType(sv, 'Container').find((c) => c.style === 'emphasis')!;
    expect(ofType({ type: 'AdaptiveCard', version: '1.5', body: [notes as never] }, 'TextBlock').map((t) => t.text)).toEqual(asked('mellersta skåne belopp').reply.notes);
    expect(JSON.stringify(sv)).not.toContain('"Warning"');
    const en = card('How much does Mellersta get?').card;
    expect(JSON.stringify(en)).toContain('(reconstructed, printed as');
    const sydvast = card('vad får sydväst?');
    expect(visibleTexts(sydvast.card)).toEqual(expect.arrayContaining(sydvast.reply.notes.map(plain)));
  });

  it('names every document of a two-document answer in the source line', () => {
    const { card: result, reply } = card('hur räknades Dalarnas samsjuklighetsbelopp ut?');
    const line = visibleTexts(result).find((text) => text.startsWith('Källa: '))!;
    expect(new Set(reply.sources.map((source) => source.file)).size).toBe(2);
    for (const source of reply.sources) expect(line).toContain(plain(source.title));
  });

  it('lists all 15 Dalarna municipalities, the largest first and not again as a headline', () => {
    const { card: result, reply } = card('alla kommuner i Dalarna');
    const facts = ofType(result, 'FactSet')[0]!.facts as { title: string; value: string }[];
    expect(facts).toHaveLength(15);
    expect(facts[0]).toEqual({ title: 'Falun', value: reply.rows[0]!.value });
    expect(visibleTexts(result).filter((text) => text === '1 726 309 kr')).toEqual([]);
    expect(ofType(result, 'TextBlock').filter((t) => t.size === 'ExtraLarge')).toEqual([]);
    expect(visibleTexts(card('vilka skånegemensamma satsningar finns?').card)).toEqual(expect.arrayContaining(['4 mkr', 'Totalt']));
  });

  it('shows the derived Dalarna sum with its calculation behind "Visa beräkning"', () => {
    const { card: closed, reply } = card('hur mycket får kommunerna i dalarna totalt 2020?');
    expect(visibleTexts(closed)).toContain('8 366 562 kr');
    expect(visibleTexts(closed)).not.toContain(plain(reply.derivation[0]!));
    const { card: open } = card('hur mycket får kommunerna i dalarna totalt 2020?', { showDerivation: true });
    expect(visibleTexts(open)).toContain('Summan av de oavrundade delbeloppen: 8 366 560,96 kr; av de avrundade beloppen: 8 366 562 kr.');
  });

  it.each(curated.filter((a) => a.reply.kind === 'invoice').map((a) => [a.name, a] as const))('%s: one copyable element per invoice field, its text exactly the value, monospace only for codes', (_name, { reply, question, context }) => {
    const result = cardForReply(reply, { question, context });
    const shown = ofType(result, 'TextBlock').filter((t) => reply.rows.some((row) => row.value === t.text && row.value !== ''));
    expect(new Set(shown.map((t) => t.text))).toEqual(new Set(reply.rows.map((row) => row.value).filter((value) => value !== '')));
    for (const value of shown) {
      const code = /^\d[\d\s-]+$/.test(String(value.text));
      expect(value, String(value.text)).toMatchObject({ fontType: code ? 'Monospace' : 'Default', weight: code ? 'Bolder' : 'Default', wrap: true });
    }
    const labels = ofType(result, 'TextBlock').filter((t) => t.isSubtle === true && reply.rows.some((row) => row.label === t.text));
    expect(labels.length).toBeGreaterThanOrEqual(new Set(reply.rows.map((row) => row.label)).size);
  });

  it('shows all 17 Skåne contacts, each address on its own', () => {
    const { card: result, reply } = card('kontakt skåne');
    const texts = visibleTexts(result);
    expect(reply.rows).toHaveLength(17);
    for (const row of reply.rows) expect(texts).toContain(plain(row.value));
    expect(texts).toContain('carola.teirfolk@simrishamn.se');
  });

  it('groups focus-area activities under their heading', () => {
    const { card: result } = card('vilka prioriterade områden har Skåne 2023?');
    const texts = visibleTexts(result);
    expect(texts).toContain('Exempel på aktiviteter');
    expect(texts).toContain('• Case Management');
    expect(texts.filter((t) => t === 'Exempel på aktiviteter').length).toBe(3);
  });

  it('shows a key calculation in the card itself, not behind a button', () => {
    const { card: result, reply } = card('hur räknades Dalarnas samsjuklighetsbelopp ut?');
    expect(reply.kind).toBe('key');
    expect(visibleTexts(result)).toEqual(expect.arrayContaining(['Beräkning', ...reply.derivation.map(plain)]));
    expect(actions(result).filter((a) => a.verb === 'showDerivation' || a.title === 'Visa beräkning')).toEqual([]);
    expect(ofType(result, 'TextBlock').find((t) => plain(String(t.text)) === '7 649 410,97 kr')).toMatchObject({ size: 'ExtraLarge' });
  });

  it.each(curated.filter((a) => a.reply.kind === 'passage' || a.reply.kind === 'figure').map((a) => [a.name, a] as const))('%s: marked as a quote from the document', (_name, { reply, question, context }) => {
    const result = cardForReply(reply, { question, context });
    const texts = visibleTexts(result);
    expect(texts).toContain(reply.lang === 'sv' ? 'Citat ur dokumentet' : 'Quote from the document (in Swedish)');
    expect(ofType(result, 'TextRun').find((r) => r.text === reply.quote!.quote)).toMatchObject({ italic: true });
    expect(texts).toContain(plain(reply.quote!.quote));
    if (reply.kind === 'figure') expect(ofType(result, 'TextBlock').find((t) => t.text === reply.figure)).toMatchObject({ size: 'ExtraLarge', weight: 'Bolder' });
  });

  it.each(curated.filter((a) => a.reply.kind === 'unknown').map((a) => [a.name, a] as const))('%s: the plain refusal and what I do know', (_name, { reply, question, context }) => {
    const result = cardForReply(reply, { question, context });
    const texts = visibleTexts(result);
    // The refusal is the message's text; the card shows what comes after it and what the bot does know.
    expect(plain(summaryLine(reply.text))).toMatch(reply.lang === 'sv' ? /Jag hittar inte/ : /I could not find/);
    expect(texts.join(' ')).not.toContain(plain(summaryLine(reply.text)));
    expect(visibleTexts(cardForReply(reply, { question, context, insertable: true }))).toContain(plain(reply.text.replace(/\s+/g, ' ').trim()));
    if (reply.known.length > 0) {
      expect(texts).toContain(reply.lang === 'sv' ? 'Det här vet jag' : 'What I do know');
      for (const line of reply.known) expect(texts).toContain(plain(`• ${line}`));
    } else expect(texts).not.toContain(reply.lang === 'sv' ? 'Det här vet jag' : 'What I do know');
    // Only questions to ask instead and 👍 / 👎: nothing to open.
    expect(actions(result).filter((a) => a.verb !== 'ask' && a.verb !== 'feedback.vote')).toEqual([]);
  });

  it('asks back with the choices as buttons', () => {
    const { card: result, reply } = card('hur mkt pengar till suicidprevention?');
    expect(reply.kind).toBe('clarify');
    // The message says the question in full; the card asks it short, over its choices.
    expect(visibleTexts(result)[0]).toBe('Vilken plats menar du?');
    expect(plain(summaryLine(reply.text))).toMatch(/^Vilken plats menar du: Dalarna/);
    expect(visibleTexts(cardForReply(reply, { question: 'q', context: '{}', insertable: true }))[0]).toBe(plain(reply.text));
    const suggestions = (c: AdaptiveCardJson) => actions(c).filter((a) => a.verb === 'ask');
    expect(suggestions(result).map((a) => a.title)).toEqual(reply.suggestions.slice(0, 3).map((s) => s.title));
    const en = card('how much for youth clinics?');
    expect(suggestions(en.card).map((a) => (a.data as { question: string }).question)).toEqual(en.reply.suggestions.slice(0, 3).map((s) => s.question));
  });

  it('greets and helps with what the bot knows and example questions', () => {
    for (const name of ['hjälp', 'hej', 'help']) {
      const { card: result, reply } = card(name);
      const texts = visibleTexts(result);
      // The message's text says the first sentence; the card goes on with what the bot knows.
      expect(texts.join(' ')).not.toContain(plain(summaryLine(reply.text)));
      for (const line of reply.known) expect(texts).toContain(plain(`• ${line}`));
      expect(actions(result)).toHaveLength(3);
    }
  });

  it('puts labels in the reply’s language only', () => {
    for (const a of curated.filter((x) => x.reply.lang === 'en')) {
      const json = JSON.stringify(cardForReply(a.reply, { question: a.question, context: a.context, showDerivation: true, showSource: true }));
      for (const swedish of ['Visa beräkning', 'Visa källa', 'Det här vet jag', '"Beräkning', '"Källa', 'avsnitt:', 'Citat ur dokumentet', '"Totalt"', 'Räkna om', 'i kronor', 'Alla medel']) expect(json, a.name).not.toContain(swedish);
    }
  });

  it('reports the largest reply activity', () => {
    let largest = { name: '', utf8: 0, utf16: 0 };
    for (const a of [...curated, ...acceptance]) {
      const size = activitySize(a.reply, cardForReply(a.reply, { question: a.question, context: a.context, showDerivation: true, showSource: true }));
      if (size.utf16 > largest.utf16) largest = { name: a.name, ...size };
    }
    console.info(`largest reply activity: "${largest.name}" ${largest.utf8} bytes UTF-8, ${largest.utf16} bytes UTF-16`);
    expect(largest.utf16).toBeLessThan(MAX_CARD_UTF16 + 4 * 1024);
  });

  it('pages the 2018 focus areas (49 KB whole) under 28 KB, with "Visa fler" for the rest and where the card is in them', () => {
    const question = 'vilka fokusområden fanns 2018?';
    const { reply } = asked(question);
    const first = cardForReply(reply, { question, context: '{}' });
    expect(cardSize(first)).toBeLessThanOrEqual(MAX_CARD_UTF16);
    expect(problems(first)).toEqual([]);
    const more = actions(first).find((a) => a.verb === 'more')!;
    expect(more).toMatchObject({ type: 'Action.Execute', title: 'Visa fler', fallback: { type: 'Action.Submit', data: { verb: 'more' } } });
    const from = Number((more.data as { from: string }).from);
    expect(visibleTexts(first)).toContain(`Visar 1–${from} av ${reply.rows.length}.`);
    // The pages together show every row once.
    const shownRows = new Set<string>();
    let page = first;
    for (let guard = 0; guard < 10; guard++) {
      for (const text of visibleTexts(page)) shownRows.add(text);
      const next = actions(page).find((a) => a.verb === 'more');
      if (!next) break;
      page = cardForReply(reply, { question, context: '{}', from: Number((next.data as { from: string }).from) });
      expect(cardSize(page)).toBeLessThanOrEqual(MAX_CARD_UTF16);
      expect(problems(page)).toEqual([]);
    }
    expect(actions(page).find((a) => a.verb === 'more')).toBeUndefined();
    for (const row of reply.rows) if (row.value !== '') expect([...shownRows].some((text) => text.includes(plain(row.value)))).toBe(true);
    // Inserted from the compose box: shortened the same way, without the button that needs the bot.
    const inserted = cardForReply(reply, { question, context: '{}', insertable: true });
    expect(cardSize(inserted)).toBeLessThanOrEqual(MAX_CARD_UTF16);
    expect(actions(inserted).filter((a) => a.verb === 'more')).toEqual([]);
  });
});

describe('the what-if calculator', () => {
  const whatIfs = curated.filter((a) => a.reply.calculator !== undefined);
  const inputs = (card: AdaptiveCardJson) => ofType(card, 'Input.Number');
  const choices = (card: AdaptiveCardJson) => ofType(card, 'Input.ChoiceSet');
  const recalculateButton = (card: AdaptiveCardJson) => ofType(card, 'Action.Execute').filter((a) => a.verb === 'recalculate');

  it('is on every curated what-if in both languages', () => {
    expect(new Set(whatIfs.map((a) => a.reply.lang))).toEqual(new Set(['sv', 'en']));
    expect(whatIfs.length).toBeGreaterThanOrEqual(6);
  });

  it.each(whatIfs.map((a) => [a.name, a] as const))('%s: the amount field prefilled with the amount used and a "Räkna om" button under it', (_name, { reply, question, context }) => {
    const card = cardForReply(reply, { question, context });
    const [field] = inputs(card);
    expect(inputs(card)).toHaveLength(1);
    expect(field).toMatchObject({ id: 'amount', isRequired: true, value: Number(reply.calculator!.frame.amount) });
    expect(String(field!.label)).toMatch(reply.lang === 'sv' ? /i kronor$/ : /in kronor$/);
    expect(String(field!.errorMessage).length).toBeGreaterThan(10);
    const [button] = recalculateButton(card);
    expect(recalculateButton(card)).toHaveLength(1);
    expect(button).toMatchObject({ title: reply.lang === 'sv' ? 'Räkna om' : 'Recalculate', associatedInputs: 'auto', data: { question, context, whatIf: JSON.stringify(reply.calculator!.frame) } });
    // The button is in the card body, right under the fields (not among the card's own actions).
    expect(actions(card).filter((a) => a.verb === 'recalculate')).toEqual([]);
    expect(JSON.parse(String((button!.data as Json).whatIf))).toEqual(reply.calculator!.frame);
  });

  it('prefills the pot the question names, and offers the table\u2019s funds when the question names none', () => {
    const { reply, question, context } = asked('vad får Malmö om potten är 25 mkr');
    const card = cardForReply(reply, { question, context });
    expect(inputs(card)[0]!.value).toBe(25_000_000);
    const [choice] = choices(card);
    expect(choice).toMatchObject({ id: 'fund', value: 'all' });
    const titles = (choice!.choices as { title: string; value: string }[]).map((c) => c.title);
    // All the table's funds and all of them together: every fund of the Skåne 2023 sub-region table.
    const table = store.knowledge.tables.find((t) => t.id === 'skane-2023-delregioner')!;
    const funds = [...new Set(table.columns.map((c) => c.fund))].map((id) => store.fund(id)!.name.sv);
    expect(titles).toEqual(['Alla medel', ...funds]);
  });

  it('says the terms of the estimate under the figure, without repeating the rows', () => {
    const single = asked('vad får Malmö för suicidprevention om potten är 25 mkr');
    const texts = visibleTexts(cardForReply(single.reply, { question: single.question, context: single.context }));
    expect(texts[2]).toMatch(/^Uppskattning, inget beslut: med 25 000 000 kr för suicidprevention 2023 och samma bas som i dokumentet \(1 000 000 kr per delregion\) skulle Malmö få /);
    const split = asked('Om potten till delregionerna i Skåne vore 30 mkr, hur fördelas den?');
    expect(split.reply.kind).toBe('list');
    const lead = visibleTexts(cardForReply(split.reply, { question: split.question, context: split.context }))[2]!;
    expect(lead).toContain('30 000 000 kr');
    for (const row of split.reply.rows) expect(lead).not.toContain(plain(row.value));
  });

  it('keeps the fund the question names as the one chosen', () => {
    const { reply, question, context } = asked('vad får Malmö för suicidprevention om potten är 25 mkr');
    expect(choices(cardForReply(reply, { question, context }))[0]).toMatchObject({ value: 'suicidprevention' });
  });

  it('offers no fund choice where the key is for one fund (a national key)', () => {
    const { reply, question, context } = asked('If the national youth clinic pot were SEK 200 million, how much would Jämtland get?');
    const card = cardForReply(reply, { question, context });
    expect(choices(card)).toEqual([]);
    expect(inputs(card)[0]).toMatchObject({ label: 'Pot in kronor', value: 200_000_000 });
  });

  it('asks for the amount per county where the key is fixed amounts per county', () => {
    const { reply, question, context } = asked('Om brukarmedverkansmedlen 2020 vore 1,5 mkr per län, vad får Jämtland?');
    const card = cardForReply(reply, { question, context });
    expect(reply.calculator!.frame.kind).toBe('base');
    expect(inputs(card)[0]).toMatchObject({ label: 'Belopp per län, i kronor', value: 1_500_000 });
    // A key of a pot and a base per county keeps the base the question gives and asks for the pot.
    const withBase = asked('Om samsjuklighetspotten 2020 vore 300 mkr, med 5 mkr per län, vad får Jämtland?');
    expect(inputs(cardForReply(withBase.reply, { question: withBase.question, context: withBase.context }))[0]).toMatchObject({ label: 'Pott i kronor', value: 300_000_000 });
  });

  it.each(['sv', 'en'] as const)('a recalculation that gives no figure (%s) says why in attention colour, with the field to correct it in', (lang) => {
    const base = asked(lang === 'sv' ? 'vad får Malmö om potten är 25 mkr' : 'If the Skåne suicide prevention money beyond the base were 25 MSEK, how much would Sydost get from that part?');
    const text = lang === 'sv' ? '”abc” är inget belopp.' : '“abc” is not an amount.';
    const reply: Reply = { ...base.reply, kind: 'unknown', title: lang === 'sv' ? 'Kan inte räkna om' : 'Cannot recalculate', text, figure: undefined as never, rows: [], notes: [], derivation: [], sources: [], calculator: { ...base.reply.calculator!, problem: text } };
    delete (reply as { figure?: string }).figure;
    const card = cardForReply(reply, { question: base.question, context: base.context });
    expect(problems(card)).toEqual([]);
    expect(ofType(card, 'TextBlock').find((t) => t.text === text)).toMatchObject({ color: 'Attention' });
    expect(inputs(card)[0]!.value).toBe(Number(base.reply.calculator!.frame.amount));
    expect(recalculateButton(card)).toHaveLength(1);
    expect(ofType(card, 'FactSet')).toEqual([]);
  });
});

describe('welcome and error cards', () => {
  const known = { sv: asked('hjälp').reply.known, en: asked('help').reply.known };
  const examples = { sv: asked('hjälp').reply.suggestions, en: asked('help').reply.suggestions };

  it.each(['sv', 'en'] as const)('welcome (%s): regions and years, and exactly three example questions as buttons', (lang) => {
    const result = welcomeCard(lang, known[lang], examples[lang]);
    expect(problems(result)).toEqual([]);
    const texts = visibleTexts(result);
    expect(texts[0]).toBe(lang === 'sv' ? 'Välkommen till Stimulansboten' : 'Welcome to Stimulansboten');
    for (const line of known[lang]) expect(texts).toContain(plain(`• ${line}`));
    expect(texts.join('\n')).toMatch(/Dalarna[^\n]*2020/);
    const buttons = actions(result);
    expect(buttons).toHaveLength(3);
    buttons.forEach((button, i) => {
      const { title, question } = examples[lang][i]!;
      expect(button).toEqual({ type: 'Action.Execute', title, verb: 'ask', data: { question }, fallback: { type: 'Action.Submit', title, data: { verb: 'ask', question } } });
    });
    expect(welcomeCard(lang, known[lang], [...examples[lang], { title: 'Fjärde', question: 'En fjärde fråga?' }]).actions).toHaveLength(3);
  });

  it.each(['sv', 'en'] as const)('error (%s): a short apology and the correlation id, nothing like a stack', (lang) => {
    const id = '7f3c2a9e-41d2-4c8b-9a55-0e1d2c3b4a59';
    const result = errorCard(lang, id);
    expect(problems(result)).toEqual([]);
    const texts = visibleTexts(result);
    expect(texts).toContain(id);
    expect(ofType(result, 'TextBlock').find((t) => t.text === id)).toMatchObject({ fontType: 'Monospace' });
    expect(texts[0]).toBe(lang === 'sv' ? 'Något gick fel' : 'Something went wrong');
    expect(actions(result)).toEqual([]);
    const leaked = errorCard(lang, `${id}\nTypeError: Cannot read properties of undefined\n    at cardForReply (src/cards/view.ts:1:1)`);
    const json = JSON.stringify(leaked);
    expect(json).toContain(id);
    expect(json).not.toMatch(/TypeError|\bat \w+ \(|\.ts:\d|\\n/);
  });

  it.each(['sv', 'en'] as const)('slow down (%s): a title and one sentence of what to do, no buttons', (lang) => {
    const result = slowDownCard(lang);
    expect(problems(result)).toEqual([]);
    const texts = visibleTexts(result);
    expect(texts[0]).toBe(lang === 'sv' ? 'Många frågor på kort tid' : 'Many questions in a short time');
    expect(texts[1]).toMatch(lang === 'sv' ? /Vänta en minut/ : /wait a minute/);
    expect(actions(result)).toEqual([]);
  });
});
