// "Vilka kommuner får mest?", "alla delregioner i Skåne", "jämför Mora och Falun", "jämför 2020 och
// 2022", "vilka skånegemensamma satsningar finns?", "vilka län finns med?".
import { Decimal } from 'decimal.js';
import type { AmountFact } from '../../knowledge/model.js';
import type { Place, PlaceKind } from '../../knowledge/schema.js';
import { fundName, placeName, source, t, type AnswerInput } from '../answer-context.js';
import { derivationFor } from '../derivation.js';
import { displayAmount, joinList, money, capitalise } from '../format.js';
import { Provenance } from '../provenance.js';
import { emptyReply, type Reply } from '../reply.js';
import { finishReply, printedRowName, sourceLine } from '../sources.js';
import { rowFor, rowLabel } from './amount.js';
import { itemsOf, itemsReply } from './items.js';
import { countyOf } from './resolve.js';
import { knownPlaces, notFound } from './unknown.js';
import { LEAST, MOST } from '../vocabulary.js';

/** How many entries a "who gets the most" answer ranks. */
const TOP = 5;

export function answerList(input: AnswerInput): Reply {
  const { u, store } = input;
  if (u.fund && itemsOf(store, u.fund).length > 0) return itemsReply(input, u.fund, itemsOf(store, u.fund));
  const named = u.places.map((match) => match.place);
  if (u.coverage && !u.fund) return coverage(input);
  if (u.countPlaces) return countOfPlaces(input);
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
  // "Hur stor är basen per delregion?": the base of every fund together, when no fund is named.
  if (u.part && (!u.fund || store.fund(u.fund)?.aggregate)) {
    const parts = basesOf(input, places, year);
    if (parts) return parts;
  }
  const entries: { place: Place; fact: AmountFact }[] = [];
  for (const place of places) {
    const fact = pick(input, place.id, year);
    if (fact) entries.push({ place, fact });
  }
  if (entries.length === 0) return notFound(input, `belopp att jämföra för ${year}`, `amounts to compare for ${year}`);
  if (u.together && u.order) {
    // "de fem största kommunerna tillsammans": the top (or bottom) n of the ranking, added up.
    const n = topCount(u.folded);
    if (n !== undefined && n < entries.length) {
      const ranked = [...entries].sort((a, b) => (u.order === 'least' ? a.fact.amount.comparedTo(b.fact.amount) : b.fact.amount.comparedTo(a.fact.amount)));
      return topSum(input, ranked.slice(0, n), entries.length, year);
    }
  }
  if (u.together) return sum(input, entries, year);
  if (u.threshold) return overThreshold(input, entries, year, u.threshold);
  const ascending = u.order === 'least';
  entries.sort((a, b) => (ascending ? a.fact.amount.comparedTo(b.fact.amount) : b.fact.amount.comparedTo(a.fact.amount)));
  // "vilken får mest och vilken får minst?": both ends, and every place between them.
  const bothEnds = MOST.test(u.folded) && LEAST.test(u.folded);
  const shown = u.order && !bothEnds && named.length < 2 ? entries.slice(0, TOP) : entries;
  const what = capitalise(rowLabel(input, entries[0]!.fact));
  const top = shown[0]!;
  const say = new Provenance(input);
  const reply = emptyReply('list', input.lang, `${what} ${year}`, '');
  reply.rows = shown.map(({ place, fact }) => ({ ...rowFor(input, say, fact), label: place.name }));
  reply.figure = displayAmount(top.fact.amount, top.fact.printed, input.lang);
  const last = shown[shown.length - 1]!;
  const lead = bothEnds
    ? t(input, `${top.place.name} får mest: ${say.marked(top.fact)}; ${last.place.name} får minst: ${say.marked(last.fact)} (${year}).`, `${top.place.name} gets the most: ${say.marked(top.fact)}; ${last.place.name} gets the least: ${say.marked(last.fact)} (${year}).`)
    : u.order
    ? t(input, `${top.place.name} får ${ascending ? 'minst' : 'mest'}: ${say.marked(top.fact)} (${year}).`, `${top.place.name} gets the ${ascending ? 'least' : 'most'}: ${say.marked(top.fact)} (${year}).`)
    : `${what} ${year}, ${ascending ? t(input, 'minst först', 'smallest first') : t(input, 'störst först', 'largest first')}:`;
  reply.text = `${lead} ${shown.map(({ place, fact }, i) => `${i + 1}. ${place.name} ${say.marked(fact)}`).join(', ')}.`;
  if (shown.length < entries.length) reply.text += t(input, ` (de ${shown.length} första av ${entries.length})`, ` (the first ${shown.length} of ${entries.length})`);
  finish(input, reply, say, shown.map((entry) => entry.fact));
  if (u.order && !bothEnds) reply.subject = top.place.id;
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
  // "länsgemensamma medel till delregionerna": of the funds named, the one this place has.
  const fund = [u.fund, ...u.funds].find((id) => facts.some((fact) => fact.fund === id)) ?? u.fund;
  // "basen för brukarmedverkan": that part of the fund, or nothing (the whole fund is another question).
  if (u.part) return facts.find((fact) => fact.fund === fund && fact.part === u.part);
  return facts.find((fact) => fact.fund === fund && !fact.part && fact.status !== 'derived') ?? facts.find((fact) => fact.fund === fund && !fact.part);
}

/** The marks' legend, the claims, the sources and the source line. */
function finish(input: AnswerInput, reply: Reply, say: Provenance, facts: AmountFact[]): Reply {
  return finishReply(input.store, reply, say, facts);
}

/**
 * "Hur mycket går totalt till delregionerna i Skåne?": the total the table prints for these rows
 * when it prints one (or the sum of its printed totals), set against what the rows add up to; a sum
 * of the rows, said to be computed, only where the document prints none.
 */
const COUNT_WORDS: Record<string, number> = { tva: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, atta: 8, nio: 9, tio: 10, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** "de fem största", "the three smallest", "topp 3": how many of a ranking are asked for. */
function topCount(folded: string): number | undefined {
  const match = /\b(\d{1,2}|tva|tre|fyra|fem|sex|sju|atta|nio|tio|two|three|four|five|six|seven|eight|nine|ten) (storsta|minsta|largest|biggest|smallest|hogsta|lagsta|highest|lowest|forsta|first)\b|\b(?:topp|top) (\d{1,2}|tre|fem|tio|three|five|ten)\b/.exec(folded);
  const word = match?.[1] ?? match?.[3];
  if (!word) return undefined;
  return /^\d+$/.test(word) ? Number(word) : COUNT_WORDS[word];
}

/** The top n places added up, each named with its amount. */
function topSum(input: AnswerInput, entries: { place: Place; fact: AmountFact }[], of: number, year: number): Reply {
  const say = new Provenance(input);
  const facts = entries.map((entry) => entry.fact);
  const most = input.u.order !== 'least';
  const reply = emptyReply('amount', input.lang, t(input, `De ${entries.length} ${most ? 'största' : 'minsta'} ${year}`, `The ${entries.length} ${most ? 'largest' : 'smallest'} ${year}`), '');
  reply.figure = money(facts.reduce((acc, fact) => acc.plus(fact.amount), new Decimal(0)), input.lang);
  const names = joinList(entries.map(({ place }) => place.name), input.lang);
  reply.text = t(
    input,
    `De ${entries.length} som får ${most ? 'mest' : 'minst'} av ${of} (${names}) får tillsammans ${say.computed(facts)} för ${year}.`,
    `The ${entries.length} of ${of} that get the ${most ? 'most' : 'least'} (${names}) get ${say.computed(facts)} together for ${year}.`,
  );
  reply.rows = entries.map(({ place, fact }) => ({ ...rowFor(input, say, fact), label: place.name }));
  return finish(input, reply, say, facts);
}

function sum(input: AnswerInput, entries: { place: Place; fact: AmountFact }[], year: number): Reply {
  const say = new Provenance(input);
  const facts = entries.map((entry) => entry.fact);
  const parent = countyOf(input, entries[0]!.place);
  const kind = entries[0]!.place.kind === 'municipality' ? t(input, 'kommunerna', 'the municipalities') : entries[0]!.place.kind === 'subregion' ? t(input, 'delregionerna', 'the sub-regions') : t(input, 'länen', 'the counties');
  const reply = emptyReply('amount', input.lang, t(input, `Summa för ${kind} ${year}`, `Total for ${kind} ${year}`), '');
  const fund = input.u.fund ? input.store.fund(input.u.fund) : undefined;
  const what = fund && !fund.aggregate ? ` ${t(input, 'för', 'for')} ${fund.name[input.lang].toLowerCase()}` : '';
  const whole = printedTotal(input, facts);
  if (whole) {
    reply.figure = displayAmount(whole.amount, whole.printed, input.lang);
    const row = printedRowName(input.store.tableLine(whole)!);
    const at = row ? t(input, ` på raden ”${row}”`, ` on the row “${row}”`) : '';
    const figure = say.figure(whole);
    const printed = whole.status === 'stated' ? ` (${say.statement(whole)}${at})` : `: ${whole.components.map((part) => say.figure(part)).join(t(input, ' och ', ' and '))}${at}`;
    reply.text = t(input, `${capitalise(kind)} i ${parent.name} får sammanlagt ${figure}${what || ' för'} ${year}${printed}.`, `${capitalise(kind)} in ${parent.name} get ${figure} in total${what} in ${year}${printed}.`);
    const added = say.addUp(whole, facts);
    if (added) reply.text += ` ${capitalise(added)}.`;
    const derivation = derivationFor(input, whole);
    say.add(derivation.claims);
    reply.derivation = derivation.lines;
  } else {
    const words = say.unprintedSum(facts);
    const rounded = facts.reduce((acc, fact) => acc.plus(fact.amount), new Decimal(0));
    reply.figure = money(rounded, input.lang);
    reply.text = t(input, `${capitalise(kind)} i ${parent.name} får sammanlagt ${words}${what} för ${year}.`, `${capitalise(kind)} in ${parent.name} get ${words} in total${what} for ${year}.`);
    const exact = facts.reduce((acc, fact) => acc.plus(fact.components.reduce((c, part) => c.plus(part.amount), new Decimal(0))), new Decimal(0));
    if (facts.every((fact) => fact.components.length > 0) && !exact.equals(rounded)) {
      reply.derivation.push(t(input, `Summan av de oavrundade delbeloppen: ${money(exact, 'sv')}; av de avrundade beloppen: ${money(rounded, 'sv')}.`, `Sum of the unrounded parts: ${money(exact, 'en')}; of the rounded amounts: ${money(rounded, 'en')}.`));
    }
  }
  reply.rows = entries.map(({ place, fact }) => ({ ...rowFor(input, say, fact), label: place.name }));
  finish(input, reply, say, facts);
  return reply;
}

/** The figure a table's column-total row gives for exactly these rows of one column. */
function printedTotal(input: AnswerInput, facts: AmountFact[]): AmountFact | undefined {
  const whole = input.store.columnTotal(facts[0]!);
  if (!whole) return undefined;
  const cells = input.store.columnCells(whole);
  return cells.length === facts.length && facts.every((fact) => cells.includes(fact)) ? whole : undefined;
}

/** "Jämför samsjuklighet Dalarna 2020 och 2022". */
function compareYears(input: AnswerInput, place: Place, years: number[]): Reply {
  const facts: AmountFact[] = [];
  const missing: number[] = [];
  for (const year of years) {
    const fact = pick(input, place.id, year) ?? (input.u.fund ? undefined : input.store.amounts({ place: place.id, year }).find((f) => input.store.fund(f.fund)?.aggregate));
    if (!fact) missing.push(year);
    else facts.push(fact);
  }
  if (facts.length === 0) return notFound(input, `belopp för ${place.name} ${joinList(years.map(String), 'sv')}`, `amounts for ${place.name} in ${joinList(years.map(String), 'en')}`);
  const what = fundName(input, input.u.fund ?? facts[0]!.fund);
  const say = new Provenance(input);
  const reply = emptyReply('list', input.lang, `${place.name}: ${what}`, '');
  reply.rows = facts.map((fact) => ({ ...rowFor(input, say, fact), label: String(fact.year) }));
  reply.text = `${place.name}, ${what.toLowerCase()}: ${facts.map((fact) => `${fact.year} ${say.marked(fact)}`).join(', ')}.`;
  if (missing.length > 0) reply.text += ` ${t(input, `Jag hittar inget belopp för ${joinList(missing.map(String), 'sv')}.`, `I could not find an amount for ${joinList(missing.map(String), 'en')}.`)}`;
  finish(input, reply, say, facts);
  return reply;
}

/** "Vilka län finns med?": what the documents cover. */
/** The parts of one kind (the bases) of each place, of every fund: said once when every place has the same. */
function basesOf(input: AnswerInput, places: Place[], year: number): Reply | undefined {
  const { u, store } = input;
  const partsOf = (place: Place) => store.amounts({ place: place.id, year }).filter((fact) => fact.part === u.part && !fact.label);
  const first = places.map(partsOf).find((parts) => parts.length > 0);
  if (!first) return undefined;
  const key = (parts: AmountFact[]) => parts.map((fact) => `${fact.fund}:${fact.amount.toFixed()}`).sort().join(' ');
  const same = places.every((place) => key(partsOf(place)) === key(first));
  if (!same) return undefined;
  const say = new Provenance(input);
  const kind = places[0]!.kind === 'subregion' ? t(input, 'delregion', 'sub-region') : places[0]!.kind === 'municipality' ? t(input, 'kommun', 'municipality') : t(input, 'län', 'county');
  const what = u.part === 'base' ? t(input, 'i bas', 'in base') : t(input, 'efter befolkning', 'by population');
  const totalWords = say.computed(first);
  if (u.together) {
    // "baspengarna totalt till delregionerna": every place's bases added up.
    const all = places.flatMap(partsOf);
    const sum = all.reduce((total, fact) => total.plus(fact.amount), new Decimal(0));
    const reply = emptyReply('amount', input.lang, t(input, `Alla ${places.length}: ${what} ${year}`, `All ${places.length}: ${what} ${year}`), '');
    reply.figure = money(sum, input.lang);
    say.add([{ status: 'derived', facts: all.map((fact) => fact.id), value: sum.toFixed(), words: reply.figure }]);
    reply.rows = first.map((fact) => ({ ...rowFor(input, say, fact), label: fundName(input, fact.fund) }));
    reply.text = t(
      input,
      `De ${places.length} får tillsammans ${reply.figure} ${what} ${year}: ${places.length} × ${totalWords}.`,
      `The ${places.length} get ${reply.figure} ${what} together in ${year}: ${places.length} × ${totalWords}.`,
    );
    return finish(input, reply, say, all);
  }
  const reply = emptyReply('amount', input.lang, t(input, `Per ${kind} ${year}: ${what}`, `Per ${kind} ${year}: ${what}`), '');
  reply.figure = totalWords.split(' (')[0]!;
  reply.rows = first.map((fact) => ({ ...rowFor(input, say, fact), label: fundName(input, fact.fund) }));
  reply.text = t(
    input,
    `Varje ${kind} får ${totalWords} ${what} ${year}: ${joinList(first.map((fact) => `${say.marked(fact)} för ${fundName(input, fact.fund).toLowerCase()}`), 'sv')}.`,
    `Each ${kind} gets ${totalWords} ${what} in ${year}: ${joinList(first.map((fact) => `${say.marked(fact)} for ${fundName(input, fact.fund).toLowerCase()}`), 'en')}.`,
  );
  return finish(input, reply, say, first);
}

/** "Hur många kommuner får mer än 500 000 kr?": the places on the asked side of an amount, counted and listed. */
function overThreshold(input: AnswerInput, entries: { place: Place; fact: AmountFact }[], year: number, threshold: { amount: Decimal; above: boolean }): Reply {
  const say = new Provenance(input);
  const sorted = [...entries].sort((a, b) => b.fact.amount.comparedTo(a.fact.amount));
  const chosen = sorted.filter(({ fact }) => (threshold.above ? fact.amount.greaterThan(threshold.amount) : fact.amount.lessThan(threshold.amount)));
  const what = `${countyOf(input, entries[0]!.place).name}, ${rowLabel(input, entries[0]!.fact)}`;
  const limit = money(threshold.amount, input.lang);
  const side = threshold.above ? t(input, `mer än ${limit}`, `more than ${limit}`) : t(input, `mindre än ${limit}`, `less than ${limit}`);
  const reply = emptyReply('list', input.lang, `${what} ${year}: ${side}`, '');
  reply.figure = String(chosen.length);
  reply.rows = chosen.map(({ place, fact }) => ({ ...rowFor(input, say, fact), label: place.name }));
  reply.text = chosen.length === 0
    ? t(input, `Ingen av de ${entries.length} får ${side} (${what}, ${year}).`, `None of the ${entries.length} gets ${side} (${what}, ${year}).`)
    : t(input, `${chosen.length} av ${entries.length} får ${side} (${what}, ${year}): `, `${chosen.length} of ${entries.length} get ${side} (${what}, ${year}): `) + chosen.map(({ place, fact }) => `${place.name} ${say.marked(fact)}`).join(', ') + '.';
  return finish(input, reply, say, entries.map((entry) => entry.fact));
}

/** "Hur många kommuner finns i Dalarna?": the places of that kind the documents list for the county, counted, with the table that lists them. */
function countOfPlaces(input: AnswerInput): Reply {
  const { u, store } = input;
  const named = u.places[0]?.place ?? (u.place ? store.place(u.place) : undefined);
  const kind = /\b(delregion\w*|samverkansorgan|sub-?regions?|subregions)\b/.test(u.folded) ? 'subregion' : /\b(lan|counties)\b/.test(u.folded) ? 'county' : 'municipality';
  const county = named ? countyOf(input, named) : undefined;
  const places = store.knowledge.places.filter((place) => place.kind === kind && (kind === 'county' || !county || place.parent === county.id));
  const word = { municipality: t(input, 'kommuner', 'municipalities'), subregion: t(input, 'delregioner', 'sub-regions'), county: t(input, 'län', 'counties') }[kind];
  if (places.length === 0 || (kind !== 'county' && !county)) {
    return notFound(input, `hur många ${word}${county ? ` ${county.name} har` : ''}`, `how many ${word}${county ? ` ${county.name} has` : ''}`);
  }
  // The table that lists them is the source: the count is the documents' rows, not a fact about the world.
  const table = store.knowledge.tables.find((candidate) => places.every((place) => candidate.rows.some((row) => row.place === place.id)));
  const names = joinList(places.map((place) => place.name), input.lang);
  const reply = emptyReply('list', input.lang, t(input, `${word} i ${county?.name ?? 'dokumenten'}`, `${word} in ${county?.name ?? 'the documents'}`), '');
  reply.figure = String(places.length);
  reply.rows = places.map((place) => ({ label: place.name, value: '' }));
  const where = table ? t(input, `tabellen ”${table.title}” (${table.year})`, `the table “${table.title}” (${table.year})`) : t(input, 'dokumenten', 'the documents');
  reply.text = county && kind !== 'county'
    ? t(input, `${county.name} har ${places.length} ${word} i ${where}: ${names}.`, `${county.name} has ${places.length} ${word} in ${where}: ${names}.`)
    : t(input, `Dokumenten har belopp för ${places.length} ${word}: ${names}.`, `The documents have amounts for ${places.length} ${word}: ${names}.`);
  if (table) {
    reply.sources = [source(input, { document: table.document, section: table.section, quote: table.rows[0]!.quote })];
    reply.text += ` ${sourceLine(reply.sources, input.lang)}.`;
  }
  return reply;
}

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
  reply.text += ` ${sourceLine(reply.sources, input.lang)}.`;
  return reply;
}

