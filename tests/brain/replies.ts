// Test helper: every reply the brain gives to the project's question set, plus the questions about
// totals that the set does not ask (each table's printed totals, in both languages), and what a
// person sees of each reply: its text, its rows as shown, and its card with every section open.
import type { ConversationContext } from '../../src/brain/context.js';
import type { Reply } from '../../src/brain/reply.js';
import { cardForReply } from '../../src/cards/view.js';
import { brain, store } from './ask.js';
import { questionCases } from './questions.js';

export interface Asked {
  name: string;
  reply: Reply;
  /** Everything the chat and the card show, one text per line. */
  shown: string[];
  /** The card's source line ("Källa: …"), when it has one. */
  cardSourceLine: string | undefined;
}

/** "Hur mycket går totalt till delregionerna i Skåne 2023?" for every table with a column-total row, per fund and in all. */
function totalQuestions(): string[][] {
  const questions: string[][] = [];
  for (const table of store.knowledge.tables) {
    if (!table.columnTotals) continue;
    const place = store.place(table.columnTotals.place)!;
    const kind = store.place(table.rows[0]!.place)!.kind === 'subregion' ? ['delregionerna', 'sub-regions'] : ['kommunerna', 'municipalities'];
    questions.push([`Hur mycket går totalt till ${kind[0]} i ${place.name} ${table.year}?`], [`How much do the ${kind[1]} in ${place.name} get in total in ${table.year}?`]);
    for (const fund of new Set(table.columns.map((column) => column.fund))) {
      const name = store.fund(fund)!.name;
      questions.push(
        [`Hur mycket går totalt till ${kind[0]} i ${place.name} för ${name.sv.toLowerCase()} ${table.year}?`],
        [`Hur mycket får ${place.name} för ${name.sv.toLowerCase()} ${table.year}?`],
        [`How much does ${place.name} get for ${name.en.toLowerCase()} in ${table.year}?`],
      );
    }
  }
  return [...questions, ['Hur mycket får kommunerna i Dalarna totalt 2020?'], ['How much do the municipalities in Dalarna get in total?']];
}

function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

/** Every text of a card: TextBlocks, TextRuns and facts, hidden sections included. */
function cardTexts(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) cardTexts(item, out);
  else if (value && typeof value === 'object') {
    const node = value as Record<string, unknown>;
    if ((node.type === 'TextBlock' || node.type === 'TextRun') && typeof node.text === 'string') out.push(plain(node.text));
    if (typeof node.title === 'string' && typeof node.value === 'string') out.push(plain(`${node.title}: ${node.value}`));
    for (const [key, child] of Object.entries(node)) if (key !== 'actions' && key !== 'data') cardTexts(child, out);
  }
  return out;
}

function ask(say: string[], locale?: 'sv' | 'en'): Asked {
  let context: ConversationContext = {};
  let reply: Reply | undefined;
  for (const turn of say) {
    const answer = brain.answer(turn, context, locale ? { lang: locale } : {});
    context = answer.context;
    reply = answer.reply;
  }
  const card = cardTexts(cardForReply(reply!, { question: say[say.length - 1]!, context: '{}', showDerivation: true, showSource: true }));
  const shown = [
    reply!.title,
    reply!.text,
    reply!.figure ?? '',
    ...reply!.rows.map((row) => `${row.label}: ${row.value}${row.note ? ` (${row.note})` : ''}`),
    ...reply!.notes,
    ...reply!.derivation,
    ...reply!.known,
    ...card,
  ].map(plain);
  const source = reply!.lang === 'sv' ? 'Källa: ' : 'Source: ';
  return { name: `${say.join(' → ')}${locale ? ` [${locale}]` : ''}`, reply: reply!, shown, cardSourceLine: card.find((text) => text.startsWith(source)) };
}

/** The acceptance set and the total questions, each conversation once. */
export const allReplies: Asked[] = (() => {
  const seen = new Set<string>();
  return [...questionCases.map((c) => ({ say: c.say, locale: c.locale })), ...totalQuestions().map((say) => ({ say, locale: undefined }))]
    .map(({ say, locale }) => ask(say, locale))
    .filter((asked) => !seen.has(asked.name) && seen.add(asked.name));
})();
