// Answer cards kept per distinct reply: every card is exactly the one cardForReply makes for the same
// reply, question and context, while a reply asked again (in other words, in another context) costs
// no expansion.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConversationContext } from '../../src/brain/context.js';
import type { Reply } from '../../src/brain/reply.js';
import { ReplyCards, type CardMaker } from '../../src/bot/reply-cards.js';
import { cardForReply, cardSize, MAX_CARD_UTF16, type CardOptions } from '../../src/cards/view.js';
import { brain } from '../brain/ask.js';
import { questionCases } from '../brain/questions.js';

/** Every reply of the acceptance questions, each with the question and the context it was asked in. */
function askedReplies(): { reply: Reply; question: string; context: string }[] {
  const asked: { reply: Reply; question: string; context: string }[] = [];
  for (const questionCase of questionCases) {
    let context: ConversationContext = {};
    for (const question of questionCase.say) {
      const answer = brain.answer(question, context, questionCase.locale ? { lang: questionCase.locale } : {});
      asked.push({ reply: answer.reply, question, context: JSON.stringify(context) });
      context = answer.context;
    }
  }
  return asked;
}

function counting(make: CardMaker = cardForReply): CardMaker & { calls: number } {
  const counted = Object.assign((reply: Reply, options: CardOptions) => {
    counted.calls++;
    return make(reply, options);
  }, { calls: 0 });
  return counted;
}

describe('ReplyCards', () => {
  const asked = askedReplies();

  it('gives every acceptance reply the card cardForReply gives it, asked once and then again in other words and another context', () => {
    const make = counting();
    const cards = new ReplyCards(4096, make);
    for (const { reply, question, context } of asked) expect(cards.card(reply, { question, context })).toEqual(cardForReply(reply, { question, context }));
    for (const [i, { reply, question }] of asked.entries()) {
      const again: CardOptions = { question: `och ${question}?`, context: JSON.stringify({ turn: i, place: 'mora' }) };
      const before = make.calls;
      expect(cards.card(reply, again)).toEqual(cardForReply(reply, again));
      // Asked before: served from the kept card, no expansion; except a card so near Teams' size limit that
      // the stand-ins' length changes where it is cut into pages (that one is expanded every time).
      if (cardSize(cardForReply(reply, { question, context: '{}' })) < MAX_CARD_UTF16 - 2048) expect(make.calls).toBe(before);
      const open: CardOptions = { ...again, showDerivation: i % 2 === 0, showSource: i % 2 === 1 };
      expect(cards.card(reply, open)).toEqual(cardForReply(reply, open));
    }
  });

  it('fills in any question and context as cardForReply would (template syntax, quotes, control characters, emoji)', () => {
    const cards = new ReplyCards();
    const replies = asked.filter((_, i) => i % 25 === 0).map(({ reply }) => reply);
    const text = fc.string({ unit: 'grapheme', maxLength: 60 });
    const tricky = fc.constantFrom('', '${question}', '${context}', '${$root.title}', '{"a":"b"}', '\u0000', '"\\\'', '$', '}', 'null', '2022', 'true');
    fc.assert(
      fc.property(fc.nat(replies.length - 1), fc.oneof(text, tricky), fc.oneof(text, tricky), (index, question, context) => {
        const reply = replies[index]!;
        expect(cards.card(reply, { question, context })).toEqual(cardForReply(reply, { question, context }));
      }),
      { numRuns: 300 },
    );
  });

  it('expands a reply once (with the stand-ins, and once to check them) however often it is asked', () => {
    const make = counting();
    const cards = new ReplyCards(16, make);
    const { reply } = asked.find(({ reply }) => reply.kind === 'amount')!;
    for (let i = 0; i < 50; i++) cards.card(reply, { question: `Hur mycket får Mora? (${i})`, context: JSON.stringify({ i }) });
    expect(make.calls).toBe(2);
    // An equal reply made anew (not the same object) is the same reply.
    cards.card(structuredClone(reply), { question: 'Mora', context: '{}' });
    expect(make.calls).toBe(2);
  });

  it('gives each use its own question and context, and shares nothing that can be changed', () => {
    const cards = new ReplyCards();
    // A what-if's "Räkna om" carries the question and the context.
    const { reply } = brain.answer('vad får Malmö för suicidprevention om potten är 25 mkr');
    expect(reply.calculator).toBeDefined();
    cards.card(reply, { question: 'first', context: '{}' });
    const one = cards.card(reply, { question: 'one', context: '{"n":1}' });
    const two = cards.card(reply, { question: 'two', context: '{"n":2}' });
    expect(JSON.stringify(one)).toContain('"question":"one"');
    expect(JSON.stringify(one)).not.toContain('"question":"two"');
    expect(JSON.stringify(two)).toContain('"context":"{\\"n\\":2}"');
    // What the two share is frozen: no use can change what another gets.
    const nodes = (node: unknown, into = new Set<object>()): Set<object> => {
      if (node && typeof node === 'object') {
        into.add(node);
        for (const child of Object.values(node)) nodes(child, into);
      }
      return into;
    };
    const ofTwo = nodes(two);
    const shared = [...nodes(one)].filter((node) => ofTwo.has(node));
    expect(shared.length).toBeGreaterThan(10);
    for (const node of shared) expect(Object.isFrozen(node)).toBe(true);
  });

  it('never serves a card whose question is not simply filled in: such a reply is expanded every time', () => {
    // A template that shouts the question: filling in the stand-in would not make that.
    const shouting: CardMaker = (reply, options) => ({ ...cardForReply(reply, options), speak: options.question.toUpperCase() });
    const make = counting(shouting);
    const cards = new ReplyCards(16, make);
    const { reply } = asked[0]!;
    for (const question of ['hej', 'hallå', 'tjena']) expect(cards.card(reply, { question, context: '{}' })).toEqual(shouting(reply, { question, context: '{}' }));
    expect(make.calls).toBe(4);
  });

  it('keeps at most its size of replies, the least recently used going first', () => {
    const make = counting();
    const cards = new ReplyCards(2, make);
    const seen = new Set<string>();
    const [a, b, c] = asked.map(({ reply }) => reply).filter((reply) => !seen.has(JSON.stringify(reply)) && seen.add(JSON.stringify(reply)));
    const ask = (reply: Reply) => cards.card(reply, { question: 'q', context: '{}' });
    ask(a!);
    ask(b!);
    ask(a!); // b is now the least recently used
    ask(c!); // b goes
    expect(make.calls).toBe(6);
    ask(a!);
    ask(c!);
    expect(make.calls).toBe(6);
    ask(b!);
    expect(make.calls).toBe(8);
  });
});
