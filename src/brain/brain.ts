// The brain: a question and the conversation so far in, a structured reply and the new context out.
// No bot SDK here: the Teams adapter, the CLI and the tests all call answer().
import type { KnowledgeStore } from '../knowledge/store.js';
import type { AnswerInput } from './answer-context.js';
import { answerAmount } from './answers/amount.js';
import { answerContact } from './answers/contact.js';
import { answerDeadline } from './answers/deadline.js';
import { answerFocusArea } from './answers/focus.js';
import { answerHelp } from './answers/help.js';
import { answerInvoice } from './answers/invoice.js';
import { answerKey } from './answers/key.js';
import { answerList } from './answers/list.js';
import { answerSearch, PassageSearch } from './answers/search.js';
import type { ConversationContext } from './context.js';
import type { Answer, Reply } from './reply.js';
import { understand, type Understanding } from './understand.js';

export interface Clock {
  /** Today's date in Sweden, as YYYY-MM-DD. */
  today(): string;
}

export interface AskOptions {
  /** The Teams (or CLI) locale, e.g. "sv-SE", "en-US": used when the text does not tell. */
  locale?: string;
}

export interface Brain {
  answer(text: string, context?: ConversationContext, options?: AskOptions): Answer;
}

const MAX_QUESTION_LENGTH = 500;

export function createBrain(store: KnowledgeStore, clock: Clock): Brain {
  const search = new PassageSearch(store);
  return {
    answer(text, context = {}, options = {}) {
      const question = text.slice(0, MAX_QUESTION_LENGTH);
      const u = understand(question, context, store, options.locale);
      const input: AnswerInput = { u, store, lang: u.lang, today: clock.today() };
      const reply = route(input, search);
      return { reply, context: nextContext(u, reply) };
    },
  };
}

function route(input: AnswerInput, search: PassageSearch): Reply {
  switch (input.u.intent) {
    case 'greeting':
    case 'help':
      return answerHelp(input, input.u.intent);
    case 'amount':
      return answerAmount(input);
    case 'list':
      return answerList(input);
    case 'deadline':
      return answerDeadline(input);
    case 'invoice':
      return answerInvoice(input);
    case 'contact':
      return answerContact(input);
    case 'focusArea':
      return answerFocusArea(input);
    case 'key':
      return answerKey(input);
    case 'search':
      return answerSearch(input, search);
  }
}

function nextContext(u: Understanding, reply: Reply): ConversationContext {
  return {
    lang: u.lang,
    intent: u.intent,
    ...(u.place ? { place: u.place } : {}),
    ...(u.fund ? { fund: u.fund } : {}),
    ...(u.year && !u.yearFromContext ? { year: u.year } : u.yearFromContext && u.year ? { year: u.year } : {}),
    ...(u.invoiceField ? { invoiceField: u.invoiceField } : {}),
    ...(u.deadlineKind ? { deadlineKind: u.deadlineKind } : {}),
    ...(reply.kind === 'clarify' ? {} : {}),
  };
}
