// "Vilka kommuner får mest?", "alla delregioner i Skåne", "jämför Mora och Falun", "jämför 2020 och
// 2022", "vilka skånegemensamma satsningar finns?", "vilka län finns med?".
import { Decimal } from 'decimal.js';
import type { AmountFact } from '../../knowledge/model.js';
import type { Place, PlaceKind } from '../../knowledge/schema.js';
import { fundName, placeName, source, t, type AnswerInput } from '../answer-context.js';
import { displayAmount, joinList, money } from '../format.js';
import { emptyReply, type Reply, type ReplyRow } from '../reply.js';
import { rowFor } from './amount.js';
import { countyOf } from './resolve.js';
import { knownPlaces, notFound } from './unknown.js';

/** How many entries a "who gets the most" answer ranks. */
const TOP = 5;

export function answerList(input: AnswerInput): Reply {
  const { u, store } = input;
  if (u.fund && store.amounts({ fund: u.fund }).some((fact) => fact.label)) return listItems(input, u.fund);
  const named = u.places.map((match) => match.place);
  if (u.coverage && !u.fund) return coverage(input);
  if (named.length === 1 && u.years.length >= 2) return compareYears(input, named[0]!, u.years);
  const kind = kindAsked(input, named);
  let places: Place[];
  if (named.length >= 2) places = named;
  else {
    const scope = named[0] ? countyOf(input, named[0]) : u.place ? countyOf(input, store.place(u.place)!) : undefined;
    places = store.knowledge.places.filter((place) => place.kind === kind && (!scope || kind === 'county' || place.parent === scope.id));
  }
  const years = [...new Set(places.flatMap((place) => store.amountYears(place.id)))].sort();
  const year = u.year ?? years[years.length - 1];
  if (!year || !years.includes(year)) {
    const reply = notFound(input, `belopp att jämföra${u.year ? ` för ${u.year}` : ''}`, `amounts to compare${u.year ? ` for ${u.year}` : ''}`);
    reply.known = years.length > 0 ? [t(input, `År med belopp: ${years.join(', ')}`, `Years with amounts: ${years.join(', ')}`)] : [];
    return reply;
  }
  const entries: { place: Place; fact: AmountFact }[] = [];
  for (const place of places) {
    const fact = pick(input, place.id, year);
    if (fact) entries.push({ place, fact });
  }
  if (entries.length === 0) return notFound(input, `belopp att jämföra för ${year}`, `amounts to compare for ${year}`);
  if (u.together) return sum(input, entries, year);
  const ascending = u.order === 'least';
  entries.sort((a, b) => (ascending ? a.fact.amount.comparedTo(b.fact.amount) : b.fact.amount.comparedTo(a.fact.amount)));
  const shown = u.order && named.length < 2 ? entries.slice(0, TOP) : entries;
  const what = fundName(input, u.fund ?? entries[0]!.fact.fund);
  const top = shown[0]!;
  const reply = emptyReply('list', input.lang, `${what} ${year}`, '');
  reply.rows = shown.map(({ place, fact }) => ({ ...rowFor(input, fact), label: place.name }));
  reply.figure = money(top.fact.amount, input.lang);
  const lead = u.order
    ? t(input, `${top.place.name} får ${ascending ? 'minst' : 'mest'}: ${money(top.fact.amount, 'sv')} (${year}).`, `${top.place.name} gets the ${ascending ? 'least' : 'most'}: ${money(top.fact.amount, 'en')} (${year}).`)
    : `${what} ${year}, ${ascending ? t(input, 'minst först', 'smallest first') : t(input, 'störst först', 'largest first')}:`;
  reply.text = `${lead} ${shown.map(({ place, fact }, i) => `${i + 1}. ${place.name} ${money(fact.amount, input.lang)}${statusWord(input, fact)}`).join(', ')}.`;
  if (shown.length < entries.length) reply.text += t(input, ` (de ${shown.length} första av ${entries.length})`, ` (the first ${shown.length} of ${entries.length})`);
  finish(input, reply, entries.map((entry) => entry.fact));
  reply.suggestions = [{ title: t(input, `Mer om ${top.place.name}`, `More about ${top.place.name}`), question: t(input, `Hur mycket får ${top.place.name} ${year}?`, `How much does ${top.place.name} get in ${year}?`) }];
  return reply;
}

function kindAsked(input: AnswerInput, named: Place[]): PlaceKind {
  const { u, store } = input;
  if (/\b(delregion\w*|sub-?regions?)\b/.test(u.folded)) return 'subregion';
  if (/\b(lan|lanen|counties|county|regioner|regions)\b/.test(u.folded)) return 'county';
  if (named.length >= 2) return named[0]!.kind;
  const scope = named[0] ?? (u.place ? store.place(u.place) : undefined);
  if (scope && (scope.kind === 'subregion' || store.children(countyOf(input, scope).id).some((child) => child.kind === 'subregion'))) return 'subregion';
  return 'municipality';
}

/** The amount a place is compared by: the fund asked, or its total. */
function pick(input: AnswerInput, place: string, year: number): AmountFact | undefined {
  const { u, store } = input;
  const facts = store.amounts({ place, year }).filter((fact) => !fact.label && !fact.approximate);
  if (!u.fund) return facts.find((fact) => store.fund(fact.fund)?.aggregate);
  return facts.find((fact) => fact.fund === u.fund && !fact.part && fact.status !== 'derived') ?? facts.find((fact) => fact.fund === u.fund && !fact.part);
}

function statusWord(input: AnswerInput, fact: AmountFact): string {
  if (fact.status === 'reconstructed') return t(input, ' (rekonstruerat)', ' (reconstructed)');
  if (fact.status === 'derived') return t(input, ' (beräknat)', ' (derived)');
  return '';
}

/** Notes on reconstructed and derived entries, and the sources, added to the text. */
function finish(input: AnswerInput, reply: Reply, facts: AmountFact[]): void {
  if (facts.some((fact) => fact.status === 'reconstructed' || fact.components.some((c) => c.status === 'reconstructed'))) {
    reply.notes.push(t(input, 'Belopp märkta rekonstruerat, eller med rekonstruerade delar, bygger på oläsliga tabellceller som räknats fram med dokumentets fördelningsmodell.', 'Amounts marked reconstructed, or with reconstructed parts, rest on illegible table cells solved from the document’s distribution model.'));
  }
  if (facts.some((fact) => fact.status === 'derived')) {
    reply.notes.push(t(input, 'Belopp märkta beräknat är summor av delbelopp, inte siffror i dokumentet.', 'Amounts marked derived are sums of parts, not figures printed in the document.'));
  }
  if (reply.notes.length > 0) reply.text += ` ${reply.notes.join(' ')}`;
  // One source per table, quoted by its first (top-ranked) row.
  const sources = new Map<string, AmountFact['source']>();
  for (const fact of facts) if (!sources.has(fact.source.document.file + fact.source.section)) sources.set(fact.source.document.file + fact.source.section, fact.source);
  reply.sources = [...sources.values()].map((s) => source(input, s));
  reply.text += ` ${t(input, 'Källa', 'Source')}: ${[...new Set(reply.sources.map((s) => `${s.title} (${s.origin})`))].join('; ')}.`;
}

/** "Hur mycket får kommunerna i Dalarna totalt?": a sum the documents do not print, so derived. */
function sum(input: AnswerInput, entries: { place: Place; fact: AmountFact }[], year: number): Reply {
  const total = entries.reduce((acc, { fact }) => acc.plus(fact.amount), new Decimal(0));
  const exact = entries.reduce((acc, { fact }) => acc.plus(fact.components.reduce((c, part) => c.plus(part.amount), new Decimal(0))), new Decimal(0));
  const parent = countyOf(input, entries[0]!.place);
  const kind = entries[0]!.place.kind === 'municipality' ? t(input, 'kommunerna', 'the municipalities') : entries[0]!.place.kind === 'subregion' ? t(input, 'delregionerna', 'the sub-regions') : t(input, 'länen', 'the counties');
  const reply = emptyReply('amount', input.lang, t(input, `Summa för ${kind} ${year}`, `Total for ${kind} ${year}`), '');
  reply.figure = money(total, input.lang);
  reply.rows = entries.map(({ place, fact }) => ({ ...rowFor(input, fact), label: place.name }));
  reply.text = t(
    input,
    `${capitalise(kind)} i ${parent.name} får sammanlagt ${money(total, 'sv')} för ${year} (beräknat: summan av ${entries.length} belopp i dokumentet, som inte själv anger summan).`,
    `${capitalise(kind)} in ${parent.name} get ${money(total, 'en')} in total for ${year} (derived: the sum of ${entries.length} amounts in the document, which does not print the sum itself).`,
  );
  if (entries.every(({ fact }) => fact.components.length > 0) && !exact.equals(total)) {
    reply.derivation.push(t(input, `Summan av de oavrundade delbeloppen: ${money(exact, 'sv')}; av de avrundade beloppen: ${money(total, 'sv')}.`, `Sum of the unrounded parts: ${money(exact, 'en')}; of the rounded amounts: ${money(total, 'en')}.`));
  }
  finish(input, reply, entries.map((entry) => entry.fact));
  return reply;
}

/** "Jämför samsjuklighet Dalarna 2020 och 2022". */
function compareYears(input: AnswerInput, place: Place, years: number[]): Reply {
  const rows: ReplyRow[] = [];
  const facts: AmountFact[] = [];
  const missing: number[] = [];
  for (const year of years) {
    const fact = pick(input, place.id, year) ?? (input.u.fund ? undefined : input.store.amounts({ place: place.id, year }).find((f) => input.store.fund(f.fund)?.aggregate));
    if (!fact) missing.push(year);
    else {
      facts.push(fact);
      rows.push({ ...rowFor(input, fact), label: String(year) });
    }
  }
  if (facts.length === 0) return notFound(input, `belopp för ${place.name} ${joinList(years.map(String), 'sv')}`, `amounts for ${place.name} in ${joinList(years.map(String), 'en')}`);
  const what = fundName(input, input.u.fund ?? facts[0]!.fund);
  const reply = emptyReply('list', input.lang, `${place.name}: ${what}`, '');
  reply.rows = rows;
  reply.text = `${place.name}, ${what.toLowerCase()}: ${facts.map((fact) => `${fact.year} ${displayAmount(fact.amount, fact.printed, input.lang)}${statusWord(input, fact)}`).join(', ')}.`;
  if (missing.length > 0) reply.text += ` ${t(input, `Jag hittar inget belopp för ${joinList(missing.map(String), 'sv')}.`, `I could not find an amount for ${joinList(missing.map(String), 'en')}.`)}`;
  finish(input, reply, facts);
  return reply;
}

/** "Vilka skånegemensamma satsningar finns?": the named items of a fund, with the whole they add up to. */
function listItems(input: AnswerInput, fund: string): Reply {
  const { store } = input;
  const items = store.amounts({ fund }).filter((fact) => fact.label);
  const whole = store.amounts({ fund }).find((fact) => !fact.label && !fact.part);
  const place = placeName(input, items[0]!.place);
  const reply = emptyReply('list', input.lang, `${fundName(input, fund)} ${items[0]!.year}`, '');
  reply.rows = items.map((item) => ({ ...rowFor(input, item), label: item.label! }));
  if (whole) reply.figure = displayAmount(whole.amount, whole.printed, input.lang);
  reply.text =
    `${fundName(input, fund)} (${place} ${items[0]!.year})${whole ? `: ${displayAmount(whole.amount, whole.printed, input.lang)}` : ''}. ` +
    `${items.map((item) => `${item.label} ${displayAmount(item.amount, item.printed, input.lang)}`).join('; ')}.`;
  finish(input, reply, whole ? [whole, ...items] : items);
  return reply;
}

/** "Vilka län finns med?": what the documents cover. */
function coverage(input: AnswerInput): Reply {
  const known = knownPlaces(input);
  const reply = emptyReply('list', input.lang, t(input, 'Det här finns i dokumenten', 'What the documents cover'), '');
  reply.rows = known.map((line) => {
    const [label, value] = line.split(': ');
    return { label: label!, value: value ?? '' };
  });
  reply.text = t(input, `Dokumenten täcker: ${known.join('; ')}.`, `The documents cover: ${known.join('; ')}.`);
  reply.known = known;
  reply.sources = input.store.knowledge.documents.map((document) => source(input, { document, section: document.kind, quote: document.title }));
  return reply;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

