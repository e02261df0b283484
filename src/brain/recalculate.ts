// "Räkna om" on a what-if card: the same question, understood the same way, answered by the same
// what-if answerer with the amount (and fund) the card sends instead of the question's own. What
// the user typed is checked first; anything that gives no figure is said on the card, beside the
// field to correct it in, never as an error.
import { Decimal } from 'decimal.js';
import type { KnowledgeStore } from '../knowledge/store.js';
import { answerWhatIf, whatIfGap, type WhatIfOverride } from './answers/whatif.js';
import type { AnswerInput } from './answer-context.js';
import type { ConversationContext } from './context.js';
import { money, type Lang } from './format.js';
import { amountsInText } from './hypothetical.js';
import { ALL_FUNDS, emptyReply, type Calculator, type CalculatorFrame, type Reply } from './reply.js';
import { understand } from './understand.js';

/** No pot of these funds comes near this; a larger number is a typing slip. */
export const MAX_AMOUNT = new Decimal('100000000000');

export interface Recalculation {
  /** The question the card answers, as first asked. */
  question: string;
  /** The conversation context it was answered in. */
  context: ConversationContext;
  /** The what-if the card is, as it carries it. */
  frame: CalculatorFrame;
  /** What the user typed in the amount field: a number, a numeric string, "25 mkr", or anything. */
  amount: unknown;
  /** The fund chosen (ALL_FUNDS: the whole table), when the card offers a choice. */
  fund?: unknown;
  /** Today as an ISO date, as for any answer. */
  today: string;
}

/** The recomputed what-if reply, or a reply that says on the card why there is no figure. */
export function recalculate(store: KnowledgeStore, request: Recalculation): Reply {
  const { frame } = request;
  const lang = frame.lang;
  const u = understand(request.question, request.context, store, { lang });
  const input: AnswerInput = { u, store, lang, today: request.today };
  const stale = say(lang, 'Det här kortet går inte att räkna om längre. Ställ frågan igen.', 'This card can no longer be recalculated. Please ask the question again.');
  // The card as it was (its last amount): the choices it offers stay on a card that says what went wrong.
  const previous = answerWhatIf(input, { kind: frame.kind, amount: new Decimal(frame.amount), funds: frame.funds });
  const sameWhatIf = (reply: Reply | undefined): reply is Reply & { calculator: Calculator } => {
    const now = reply?.calculator?.frame;
    return now !== undefined && now.place === frame.place && now.year === frame.year && now.kind === frame.kind;
  };
  if (!sameWhatIf(previous)) return problem(frame, [], stale);
  const choices = previous.calculator.funds;
  const amount = readAmount(request.amount, lang);
  if (typeof amount === 'string') return problem(frame, choices, amount);
  const funds = chosenFunds(request.fund, frame, choices);
  if (!funds) return problem(frame, choices, say(lang, 'Välj medel i listan.', 'Choose funds from the list.'));
  const override: WhatIfOverride = { kind: frame.kind, amount, funds };
  const reply = answerWhatIf(input, override);
  if (!reply) return problem(frame, choices, whatIfGap(input, override)?.[lang] ?? stale);
  // No figure (a pot below the bases): the answerer's words say why; the field keeps the last amount that worked.
  if (!reply.calculator) return problem(frame, choices, reply.text || stale, reply.title);
  return sameWhatIf(reply) ? reply : problem(frame, choices, stale);
}

/** The funds to re-run: one of the card's choices, or the card's own when it offers none; undefined: not a choice. */
function chosenFunds(fund: unknown, frame: CalculatorFrame, choices: Calculator['funds']): string[] | undefined {
  if (typeof fund !== 'string' || choices.length === 0) return frame.funds;
  const id = fund.trim();
  if (!choices.some((choice) => choice.value === id)) return undefined;
  return id === ALL_FUNDS ? [] : [id];
}

/** Exact kronor, or what is wrong with the input, in words for the card. */
export function readAmount(value: unknown, lang: Lang): Decimal | string {
  const what = (sv: string, en: string) => say(lang, sv, en);
  const example = what('till exempel 25000000 eller ”25 mkr”', 'for example 25000000 or “25 million”');
  let amount: Decimal | undefined;
  if (typeof value === 'number') amount = Number.isFinite(value) ? new Decimal(value) : undefined;
  else if (typeof value === 'string') {
    const text = value.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
    if (text === '') return what(`Skriv ett belopp i kronor, ${example}.`, `Enter an amount in kronor, ${example}.`);
    const plain = text.replace(/ /g, '');
    if (/^[-−]/.test(plain) && /\d/.test(plain)) return what('Beloppet kan inte vara negativt. Skriv ett belopp större än 0 kr.', 'The amount cannot be negative. Enter an amount above SEK 0.');
    // A number field may send an exponent ("1e15"): a number all the same, checked like any other.
    if (/^\d+([.,]\d+)?(e\+?\d{1,3})?$/i.test(plain)) amount = new Decimal(plain.replace(',', '.'));
    else {
      // As people write amounts: "25 mkr", "3,5 miljoner", "2 500 000 kr", the same reading as in a question.
      const found = amountsInText(text, lang);
      if (found.length === 1 && found[0]!.text.length >= text.length - 1) amount = found[0]!.amount;
    }
  } else if (value === undefined || value === null) return what(`Skriv ett belopp i kronor, ${example}.`, `Enter an amount in kronor, ${example}.`);
  if (amount === undefined) return what(`”${String(value).slice(0, 40)}” är inget belopp. Skriv ett belopp i kronor, ${example}.`, `“${String(value).slice(0, 40)}” is not an amount. Enter an amount in kronor, ${example}.`);
  if (amount.isNegative()) return what('Beloppet kan inte vara negativt. Skriv ett belopp större än 0 kr.', 'The amount cannot be negative. Enter an amount above SEK 0.');
  if (amount.isZero()) return what('Med 0 kr finns inget att fördela. Skriv ett belopp större än 0 kr.', 'With SEK 0 there is nothing to split. Enter an amount above SEK 0.');
  if (amount.decimalPlaces() > 2) return what('Skriv beloppet i kronor med högst två decimaler (ören).', 'Enter the amount in kronor with at most two decimals (öre).');
  if (amount.greaterThan(MAX_AMOUNT)) return what(`${money(amount, 'sv')} är orimligt mycket: skriv ett belopp på högst ${money(MAX_AMOUNT, 'sv')}.`, `${money(amount, 'en')} is implausibly large: enter an amount of at most ${money(MAX_AMOUNT, 'en')}.`);
  return amount;
}

/** A card without a figure: what is wrong, and the field to try again in. */
function problem(frame: CalculatorFrame, funds: Calculator['funds'], text: string, title = say(frame.lang, 'Kan inte räkna om', 'Cannot recalculate')): Reply {
  const reply = emptyReply('unknown', frame.lang, title, text);
  reply.calculator = { frame, funds, problem: text };
  return reply;
}

function say(lang: Lang, sv: string, en: string): string {
  return lang === 'sv' ? sv : en;
}
