// The command menu and the suggestion buttons in any conversation state: a complete question asked
// after another is answered exactly as when asked first, and every suggestion a reply offers answers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ConversationContext } from '../../src/brain/context.js';
import type { Reply, ReplyKind } from '../../src/brain/reply.js';
import { brain } from './ask.js';
import { questionCases } from './questions.js';

const appPackage = new URL('../../appPackage/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', appPackage), 'utf8')) as { bots: { commandLists: { commands: { title: string }[] }[] }[] };
const english = JSON.parse(readFileSync(new URL('en.json', appPackage), 'utf8')) as Record<string, string>;

/** The command menu as Teams shows it: the manifest's Swedish titles and their English (en) localisation. */
const menu = {
  sv: [...new Set(manifest.bots.flatMap((bot) => bot.commandLists.flatMap((list) => list.commands.map((command) => command.title))))],
  en: [...new Set(Object.entries(english).filter(([key]) => /^bots\[\d+\]\.commandLists\[\d+\]\.commands\[\d+\]\.title$/.test(key)).map(([, title]) => title))],
};
const menuQuestions = [...menu.sv, ...menu.en];

/** What each menu command must answer with, asked first in a conversation. */
const expectedKind: Record<string, ReplyKind> = {
  'Hur mycket får Mora?': 'amount',
  'How much does Mora get?': 'amount',
  'Vilka kommuner får mest?': 'list',
  'Which municipalities get the most?': 'list',
  'Hur mycket får Skåne totalt?': 'amount',
  'How much does Skåne get in total?': 'amount',
  'Vilka deadlines är på gång?': 'deadline',
  'What deadlines are coming up?': 'deadline',
  'När ska fakturan skickas?': 'deadline',
  'When should the invoice be sent?': 'deadline',
  'Vilken referenskod ska stå på fakturan?': 'invoice',
  'Which reference code goes on the invoice?': 'invoice',
  'När ska slutredovisningen in för Dalarna 2020?': 'deadline',
  'When is the final report due for Dalarna 2020?': 'deadline',
  'Vilka fokusområden finns?': 'focusArea',
  'What are the focus areas?': 'focusArea',
  'Hur fördelas pengarna mellan delregionerna i Skåne?': 'key',
  'How is the money split between the sub-regions in Skåne?': 'key',
  hjälp: 'help',
  help: 'help',
};

/**
 * Conversation states other than "one menu question asked": a year, a fund and a place said; a
 * follow-up; a clarifier; a turn that was not answered; an invoice and a contact question.
 */
const earlierTurns: string[][] = [
  ['Hur mycket får Dalarna 2022?'],
  ['suicidprevention jämtland 2020'],
  ['Hur mycket får Mora?', 'och Falun?'],
  ['Dalarna 2020 samsjuklighet', 'och 2022?'],
  ['vart skickar vi fakturan för Skåne?'],
  ['When must Skåne invoice?'],
  ['kontakt Sydost'],
  ['vem är kontaktperson?'],
  ['Vem vinner Allsvenskan i år?'],
  ['How much does Borlänge get?', 'what about 2022?'],
];

function contextAfter(turns: string[]): ConversationContext {
  let context: ConversationContext = {};
  for (const turn of turns) context = brain.answer(turn, context).context;
  return context;
}

/** Everything a person sees of a reply, and what it does. */
function seen(reply: Reply) {
  return {
    kind: reply.kind,
    lang: reply.lang,
    title: reply.title,
    text: reply.text,
    figure: reply.figure,
    rows: reply.rows,
    notes: reply.notes,
    derivation: reply.derivation,
    known: reply.known,
    suggestions: reply.suggestions,
    action: reply.action,
  };
}

const fresh = new Map(menuQuestions.map((question) => [question, brain.answer(question, {}).reply]));

const states: [string, ConversationContext][] = [
  ['a new conversation', {}],
  ...menuQuestions.map((question): [string, ConversationContext] => [`“${question}”`, contextAfter([question])]),
  ...earlierTurns.map((turns): [string, ConversationContext] => [turns.map((turn) => `“${turn}”`).join(' → '), contextAfter(turns)]),
];

describe('the command menu', () => {
  it('has the same commands in Swedish and English', () => {
    expect(menu.sv.length).toBeGreaterThan(0);
    expect(menu.en.length).toBe(menu.sv.length);
  });

  it.each(menuQuestions)('“%s” asked first answers with its kind', (question) => {
    expect(expectedKind[question], `no expected kind for the menu command “${question}”`).toBeDefined();
    const reply = fresh.get(question)!;
    expect(reply.kind).toBe(expectedKind[question]);
    expect(reply.lang).toBe(menu.sv.includes(question) ? 'sv' : 'en');
  });

  describe.each(states)('after %s', (_state, context) => {
    it.each(menuQuestions)('“%s” answers as when asked first', (question) => {
      expect(seen(brain.answer(question, context).reply)).toEqual(seen(fresh.get(question)!));
    });
  });
});

/** Complete questions that are not menu commands, each once said to inherit a year or a place. */
const completeQuestions = ['vart skickar vi fakturan för Skåne?', 'Hur mycket får Leksand och Rättvik tillsammans?', 'Vem är kontaktperson i Jämtland?', 'Which municipalities get the least?', 'What is the GLN?'];

describe('a complete question that is not on the menu', () => {
  describe.each(states)('after %s', (_state, context) => {
    it.each(completeQuestions)('“%s” answers as when asked first', (question) => {
      expect(seen(brain.answer(question, context).reply)).toEqual(seen(brain.answer(question, {}).reply));
    });
  });
});

/** Follow-ups that point back ("där", "their", "de", "there") still take the place and year they leave unsaid. */
const followUps: [earlier: string, followUp: string, kind: ReplyKind, title: string][] = [
  ['Hur mycket får Skåne?', 'vem är kontaktperson där?', 'contact', 'Skåne'],
  ['How much does Jämtland get?', 'who is their contact person?', 'contact', 'Jämtland'],
  ['Hur mycket får Dalarna 2022?', 'vilka fokusområden har de?', 'focusArea', 'Dalarna 2022'],
  ['When is the final report due for Dalarna 2020?', 'what are the focus areas there?', 'focusArea', 'Dalarna 2020'],
];

describe('a follow-up that points back', () => {
  it.each(followUps)('“%s” → “%s” answers about what was asked before', (earlier, followUp, kind, about) => {
    const reply = brain.answer(followUp, contextAfter([earlier])).reply;
    expect(reply.kind).toBe(kind);
    expect(reply.text.startsWith(about) || reply.title.includes(about), reply.text).toBe(true);
  });
});

/**
 * Every suggestion reachable from the menu in any of the states above and from the project's
 * questions, three clicks deep, with the reply that offered it: clicking it in that reply's context
 * must answer (a suggestion is never a dead end), and answer as the same question asked first.
 */
function offeredSuggestions(): { offeredBy: string; question: string; context: ConversationContext }[] {
  const found = new Map<string, { offeredBy: string; question: string; context: ConversationContext }>();
  let frontier = [
    ...states.flatMap(([, context]) => menuQuestions.map((question) => ({ offeredBy: question, question, context }))),
    ...questionCases.map((c) => ({ offeredBy: c.say.at(-1)!, question: c.say.at(-1)!, context: contextAfter(c.say.slice(0, -1)) })),
  ];
  for (let depth = 0; depth < 3 && frontier.length > 0; depth++) {
    const next: typeof frontier = [];
    for (const turn of frontier) {
      const answer = brain.answer(turn.question, turn.context);
      for (const suggestion of answer.reply.suggestions) {
        const key = `${suggestion.question}\u0000${JSON.stringify(answer.context)}`;
        if (found.has(key)) continue;
        const clicked = { offeredBy: turn.question, question: suggestion.question, context: answer.context };
        found.set(key, clicked);
        next.push(clicked);
      }
    }
    frontier = depth < 2 ? next : [];
  }
  return [...found.values()];
}

const suggestions = offeredSuggestions();

describe('the suggestions a reply offers', () => {
  it('are many: the menu leads to suggestions of every answer kind that offers them', () => {
    expect(new Set(suggestions.map((s) => s.question)).size).toBeGreaterThan(10);
  });

  it.each(suggestions.map((s) => [s.question, s.offeredBy, s] as const))('“%s” (offered by “%s”) answers', (_question, _offeredBy, s) => {
    const reply = brain.answer(s.question, s.context).reply;
    expect(reply.kind, reply.text).not.toBe('unknown');
    expect(reply.kind, reply.text).not.toBe('clarify');
    expect(seen(reply)).toEqual(seen(brain.answer(s.question, {}).reply));
  });
});
