// "Vad får Naloxon-posten?", "summa skånegemensamt under 3.3 samsjuklighet", "vilka skånegemensamma
// satsningar finns?": the named items a fund is made of (Skåne-wide work): one item, the items of one
// focus area added up, or all of them.
import type { AmountFact } from '../../knowledge/model.js';
import type { KnowledgeStore } from '../../knowledge/store.js';
import { sumOf } from '../../allocation/combine.js';
import { fundName, placeName, t, type AnswerInput } from '../answer-context.js';
import { displayAmount, money } from '../format.js';
import { Provenance } from '../provenance.js';
import { emptyReply, type Reply } from '../reply.js';
import { finishReply } from '../sources.js';
import { foldText } from '../../text/normalize.js';
import { amountReply, matchItem, rowFor } from './amount.js';

/** Asking for the items themselves: "vilka …", "lista", "alla". */
const LIST_WORDS = /\b(vilka|which|what are|alla|all|lista|list|finns)\b/;

/** The named items of a fund, in the document's order. */
export function itemsOf(store: KnowledgeStore, fund: string): AmountFact[] {
  return store.amounts({ fund }).filter((fact) => fact.label);
}

export function answerItems(input: AnswerInput): Reply | undefined {
  const { u, store } = input;
  if (!['amount', 'list', 'search'].includes(u.intent)) return undefined;
  const pool = u.funds.find((fund) => itemsOf(store, fund).length > 0);
  if (pool) {
    const items = itemsOf(store, pool);
    // "skånegemensamt under samsjuklighet": the pool's items that serve the other fund named.
    const focus = u.funds.find((fund) => fund !== pool && items.some((item) => item.focus === fund));
    if (focus) return itemsReply(input, pool, items.filter((item) => item.focus === focus), focus);
    // A pool added to another figure ("lägg ihop delregionerna och skånegemensamma medel") is a sum, not a list.
    if (LIST_WORDS.test(u.folded) && !(u.operation === 'sum' && u.funds.length > 1)) return itemsReply(input, pool, items);
  }
  // "How much for Naloxon?": an item named by its own words (the search intent finds items itself);
  // an item's share of its fund is a calculation.
  // "Naloxon och MHFA tillsammans": several items named and added up.
  const together = u.operation === 'whatif' || u.operation === 'share' ? undefined : itemsTogether(input);
  if (together) return together;
  // A what-if ("om suicidpotten i Skåne vore 28 mkr …") is worked out with its key, not answered by an item it names.
  if (u.intent !== 'amount' || u.operation === 'share' || u.operation === 'whatif') return undefined;
  const item = matchItem(input);
  if (!item) return undefined;
  const fund = u.fund ? store.fund(u.fund) : undefined;
  const fits = !fund || fund.aggregate || fund.id === item.fund || fund.id === item.focus;
  return fits ? amountReply(input, item, []) : undefined;
}

/** "inkl gamingprojektet", "och naloxon", "plus MHFA": where the next item of a sum is named. */
const NEXT_ITEM = /\s(?:inkl\.?|inklusive|including|incl\.?|plus|samt|och|and|\+)\s/;

/**
 * "Mariamottagningarna sammanlagt, inkl gamingprojektet": the items each part of the question names,
 * added up; undefined unless two or more different items are named and a sum is asked.
 */
function itemsTogether(input: AnswerInput): Reply | undefined {
  const { u } = input;
  if (u.operation !== 'sum' && !/\b(inkl|inklusive|including|incl|sammanlagt|tillsammans|together|in total|totalt)\b/.test(u.folded)) return undefined;
  const parts = u.text.split(NEXT_ITEM).filter((part) => part.trim() !== '');
  if (parts.length < 2) return undefined;
  const named = parts.map((part) => matchItem({ ...input, u: { ...u, text: part, folded: foldText(part) } }));
  if (named.some((item) => item === undefined)) return undefined;
  const items = [...new Set(named as AmountFact[])];
  if (items.length < 2 || new Set(items.map((item) => `${item.place} ${item.year}`)).size > 1) return undefined;
  const say = new Provenance(input);
  const first = items[0]!;
  const reply = emptyReply('amount', input.lang, t(input, `Summa ${first.year}`, `Total ${first.year}`), '');
  reply.rows = items.map((item) => ({ ...rowFor(input, say, item), label: item.label! }));
  reply.figure = money(sumOf(items.map((item) => item.amount)), input.lang);
  const labels = items.map((item) => (input.lang === 'en' ? `“${item.label}”` : item.label!));
  reply.text = t(
    input,
    `${labels.join(' och ')} (${placeName(input, first.place)} ${first.year}) är tillsammans ${say.computed(items)}.`,
    `${labels.join(' and ')} (${placeName(input, first.place)} ${first.year}) come to ${say.computed(items)} together.`,
  );
  return finishReply(input.store, reply, say, items);
}

/** The items listed; for one focus area also added up, since the document prints no total for them. */
export function itemsReply(input: AnswerInput, pool: string, items: AmountFact[], focus?: string): Reply {
  const { store } = input;
  const whole = focus ? undefined : store.amounts({ fund: pool }).find((fact) => !fact.label && !fact.part);
  const first = items[0]!;
  const place = placeName(input, first.place);
  const say = new Provenance(input);
  const under = focus ? ` ${t(input, 'för', 'for')} ${fundName(input, focus).toLowerCase()}` : '';
  const title = `${fundName(input, pool)}${under} ${first.year}`;
  const reply = emptyReply('list', input.lang, title, '');
  reply.rows = items.map((item) => ({ ...rowFor(input, say, item), label: item.label! }));
  let head = '';
  if (whole) {
    reply.figure = displayAmount(whole.amount, whole.printed, input.lang);
    head = `: ${say.figure(whole)}`;
  } else if (focus) {
    reply.kind = 'amount';
    reply.figure = money(sumOf(items.map((item) => item.amount)), input.lang);
    head = `: ${say.computed(items)}`;
  }
  reply.text = `${fundName(input, pool)}${under} (${place} ${first.year})${head}. ${items.map((item) => `${item.label} ${say.marked(item)}`).join('; ')}.`;
  return finishReply(store, reply, say, whole ? [whole, ...items] : items);
}
