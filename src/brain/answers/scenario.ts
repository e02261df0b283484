// What-ifs and parts that are worked out, not re-run through a key: a pot split equally ("delat
// lika mellan de sex delregionerna"), a unit cost times a count or a count derived from a total
// ("om varje Mariamottagning fått 300 000 kr i stället för 250 000 kr"), a percentage of an amount
// ("10 % av kommunernas medel"), the Skåne model's structure (a seventh sub-region's base, the bases
// together, a row without its bases), a county's part under the key its memo states ("5 Mkr per län
// och resten efter befolkning") and one printed part alone ("om bara utvecklingsinsatsdelen betalades
// ut"). Every unit cost, amount and key comes from the knowledge store; the question only changes them.
import { Decimal } from 'decimal.js';
import { parseSek, tryParseSek } from '../../allocation/index.js';
import { percentOf, scaledBy, splitEqually, timesCount, unitsInTotal } from '../../allocation/whatif.js';
import type { AmountFact, FactSource, FigureFact, TableFact } from '../../knowledge/model.js';
import type { Place, TableCheck } from '../../knowledge/schema.js';
import { foldText } from '../../text/normalize.js';
import { fundName, t, type AnswerInput } from '../answer-context.js';
import { joinList, money } from '../format.js';
import { NUMBER_WORDS, readChange, readHypothetical, type QuestionChange } from '../hypothetical.js';
import { Provenance, type Claim } from '../provenance.js';
import { emptyReply, type Reply } from '../reply.js';
import { finishReply, sourceLine, sourceOf } from '../sources.js';
import { translate } from '../glossary.js';
import { stem } from '../swedish.js';
import { understand, type Understanding } from '../understand.js';
import { matchItem, rowLabel } from './amount.js';
import type { KnowledgeStore } from '../../knowledge/store.js';
import * as v from '../vocabulary.js';

// ---------------------------------------------------------------------------------------------
// The what-if a follow-up carries, and the replies that carry one on.

const carried = new WeakMap<Reply, string>();

/** The what-if question a reply answered, to be carried to the follow-ups. */
export function whatIfOf(reply: Reply): string | undefined {
  return carried.get(reply);
}

export function rememberWhatIf(reply: Reply, question: string): Reply {
  carried.set(reply, question);
  return reply;
}

const INTENTS = new Set(['amount', 'list', 'search', 'key']);
const PERCENT = /(\d+(?:[.,]\d+)?) ?(?:%|procent|percent)/;

/**
 * The understanding with a follow-up's carried what-if read into it: "och vad hade Jämtlands totala
 * belopp då blivit?" after "om Jämtland räknats som storstadslän" keeps the category; "samma för
 * Jämtland" keeps the key and the part. A follow-up with a hypothetical of its own is its own what-if.
 */
export function withCarriedWhatIf(u: Understanding, store: KnowledgeStore): Understanding & { carried: boolean; borrowed?: boolean } {
  if (!u.carriedWhatIf || !INTENTS.has(u.intent)) return { ...u, carried: false };
  const own = readHypothetical(u.text, u.lang);
  if (own.pot || own.base || own.category || own.count || PERCENT.test(u.text)) {
    // "och om potten var kvar på 200 mkr men grundbeloppet var 6 mkr per län?": new terms, and the what-if's
    // fund, places and year when the follow-up names none of its own.
    if (u.funds.length > 0 || u.places.length > 0) return { ...u, carried: false };
    const before = understand(u.carriedWhatIf, {}, store, { lang: u.lang });
    if (before.funds.length === 0) return { ...u, carried: false };
    return {
      ...u,
      funds: before.funds,
      fund: before.funds[0]!,
      places: before.places,
      ...(before.place ? { place: before.place } : {}),
      ...(u.years.length === 0 && before.year ? { year: before.year } : {}),
      operation: 'whatif',
      carried: false,
      borrowed: true,
    };
  }
  // What the follow-up leaves unsaid is the what-if's: its funds, year, place and part.
  const before = understand(u.carriedWhatIf, {}, store, { lang: u.lang });
  const text = `${u.carriedWhatIf} ${u.text}`;
  const funds = u.funds.length > 0 ? u.funds : before.funds;
  const place = u.places.length > 0 ? u.place : (before.place ?? u.place);
  const year = u.years.length > 0 ? u.year : (before.year ?? u.year);
  const part = u.part ?? before.part;
  return {
    ...u,
    text,
    folded: foldText(text),
    funds,
    ...(funds[0] ? { fund: funds[0] } : {}),
    ...(place ? { place } : {}),
    ...(year ? { year } : {}),
    ...(part ? { part } : {}),
    operation: 'whatif',
    carried: true,
  };
}

export function answerScenario(input: AnswerInput): Reply | undefined {
  const u = withCarriedWhatIf(input.u, input.store);
  const inner: AnswerInput = { ...input, u };
  const reply = unitCost(inner) ?? equalSplit(inner) ?? changedBy(inner) ?? oneRecipientPart(inner) ?? percentage(inner) ?? modelStructure(inner) ?? partUnderKey(inner) ?? partAlone(inner);
  return reply ? rememberWhatIf(reply, whatIfAsked(input.u, u)) : undefined;
}

/**
 * The what-if a reply answers, for the next follow-up: the carried one; the follow-up's own, with the
 * carried one after it when it borrowed its fund and places (its own amounts are read first).
 */
export function whatIfAsked(outer: Understanding, u: Understanding & { carried: boolean; borrowed?: boolean }): string {
  if (u.carried) return outer.carriedWhatIf!;
  return u.borrowed ? `${outer.text} (${outer.carriedWhatIf!})`.slice(0, 800) : outer.text;
}

/** Records a claim and gives its words. */
function claim(say: Provenance, entry: Claim): string {
  say.add([entry]);
  return entry.words;
}

// ---------------------------------------------------------------------------------------------
// Words.

/** Two folded words that name the same thing: the same stem, or one stem the start of the other. */
function sameWord(a: string, b: string): boolean {
  if (a.length < 4 || b.length < 4) return a === b;
  const [x, y] = [stem(a), stem(b)];
  return x === y || (x.length >= 6 && y.length >= 6 && (x.startsWith(y) || y.startsWith(x)));
}

function wordsOf(text: string): string[] {
  return foldText(text)
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= 3 && !v.STOP_WORDS.has(word));
}

/** The words, with each run of two joined ("maria mottagning" → "mariamottagning"), for compounds. */
function withCompounds(words: string[]): string[] {
  return [...words, ...words.slice(1).map((word, i) => `${words[i]}${word}`)];
}

/** How many of the words asked meet one of the words of a text (`words`, compounds included). */
function overlap(asked: string[], words: readonly string[]): number {
  return asked.filter((word) => words.some((other) => sameWord(word, other))).length;
}

const COST = /\b(kost\w*|pris\w*|cost\w*|price\w*|blir det|bli det|blivit|totalt|total\w*|sammanlagt|belopp\w*|spend\w*)\b/;
const HOW_MANY = /\b(hur manga|how many|antal\w*|number of)\b(?! (kr|kronor|procent|sek|miljoner|mkr|percent|million))/;
const PER_YEAR = /\b(per ar|om aret|arligen|varje ar|per year|a year|each year|every year|annually)\b/;

// ---------------------------------------------------------------------------------------------
// Unit costs: "250 000 kr per Maria mottagning", "ca 20 000 kr per person".

interface UnitCost {
  amount: Decimal;
  /** As the document prints it: "ca 20 000 kr per person". */
  printed: string;
  noun: string;
  topic: string;
  approximate: boolean;
  source: FactSource;
  year: number;
  /** The total the unit cost is part of ("Totalt 1,5 mkr"), when an amount of the store. */
  fact?: AmountFact;
  /** The words of the noun, of the noun and topic, and of the topic, compounds included. */
  nounWords: string[];
  nounAndTopicWords: string[];
  topicWords: string[];
}

const ABOUT = /^(ca|cirka|omkring|ungefar|ungefär)\s+/i;

/** The unit costs of a store, read once: the knowledge does not change while the process runs. */
const unitCostsOf = new WeakMap<KnowledgeStore, UnitCost[]>();

function unitCosts(store: KnowledgeStore): UnitCost[] {
  let costs = unitCostsOf.get(store);
  if (!costs) unitCostsOf.set(store, (costs = readUnitCosts(store)));
  return costs;
}

function readUnitCosts(store: KnowledgeStore): UnitCost[] {
  const costs: Omit<UnitCost, 'nounWords' | 'nounAndTopicWords' | 'topicWords'>[] = [];
  for (const figure of store.figures() as FigureFact[]) {
    const per = /^kr per (.+)$/i.exec(figure.unit.trim());
    if (!per) continue;
    const amount = tryParseSek(figure.value.replace(ABOUT, ''));
    if (!amount) continue;
    costs.push({ amount, printed: `${figure.value} ${figure.unit}`, noun: per[1]!, topic: figure.topic, approximate: ABOUT.test(figure.value), source: { document: figure.document, ...figure.source }, year: figure.year });
  }
  for (const fact of store.amounts()) {
    const quoted = /(\d[\d \u00a0]*(?:,\d+)?) ?kr per (\p{L}+(?: \p{L}+)?)/iu.exec(fact.source.quote);
    if (!quoted) continue;
    const amount = tryParseSek(`${quoted[1]!.trim()} kr`);
    if (!amount) continue;
    costs.push({ amount, printed: `${quoted[1]!.trim()} kr per ${quoted[2]}`, noun: quoted[2]!, topic: fact.label ?? fact.source.quote, approximate: false, source: fact.source, year: fact.year, fact });
  }
  return costs.map((cost) => ({
    ...cost,
    nounWords: withCompounds(wordsOf(cost.noun)),
    nounAndTopicWords: withCompounds(wordsOf(`${cost.noun} ${cost.topic}`)),
    topicWords: withCompounds(wordsOf(cost.topic)),
  }));
}

function unitCost(input: AnswerInput): Reply | undefined {
  const { u } = input;
  if (!INTENTS.has(u.intent) && u.intent !== 'focusArea' && u.intent !== 'contact') return undefined;
  const h = readHypothetical(u.text, u.lang);
  const amounts = h.amounts.filter((amount) => !amount.perRecipient);
  const howMany = HOW_MANY.test(u.folded) && !h.count;
  if (!h.count && amounts.length === 0 && !howMany) return undefined;
  if (h.count && !COST.test(u.folded) && u.operation !== 'whatif') return undefined;
  if (!h.count && !howMany && u.operation !== 'whatif') return undefined;
  // English words read through the glossary: the unit costs are in Swedish ("clinics" → "mottagningar").
  const asked = [...wordsOf(u.text), ...(u.lang === 'en' ? wordsOf(translate(u.text, 'en')) : [])];
  const countWords = [...(h.count?.words ?? []), ...(u.lang === 'en' && h.count ? wordsOf(translate(h.count.words.join(' '), 'en')) : [])].filter((word) => word.length >= 4 && !/^(per|varje|each)$/.test(word));
  // "per person", "per mottagning": the unit the question names after an amount.
  const perNouns = [...u.folded.matchAll(/\b(?:kr|kronor|sek|\d) per (\w+)/g)].map((match) => match[1]!);
  const scored = unitCosts(input.store)
    .filter((cost) => !u.year || cost.year === u.year || cost.source.document.year === u.year)
    .map((cost) => {
      const nounWords = cost.nounWords;
      const nounHit = [...countWords, ...asked].some((word) => nounWords.some((noun) => sameWord(word, noun)));
      const countHit = overlap(countWords, cost.nounAndTopicWords);
      const amountHit = amounts.some((amount) => amount.amount.equals(cost.amount));
      const unitHit = perNouns.some((word) => nounWords.some((noun) => sameWord(word, noun)));
      return { cost, nounHit, amountHit, score: 3 * countHit + (nounHit ? 2 : 0) + (amountHit ? 3 : 0) + (unitHit ? 2 : 0) + overlap(asked, cost.topicWords) };
    })
    // A unit cost the question names: by the thing counted, or by its own amount and unit.
    .filter((entry) => (h.count ? overlap(countWords, entry.cost.nounAndTopicWords) > 0 || (entry.amountHit && perNouns.length > 0) : entry.nounHit))
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best) return undefined;
  if (scored.length > 1 && scored[1]!.score === best.score && !scored[1]!.cost.amount.equals(best.cost.amount)) return undefined;
  const cost = best.cost;
  // The total the unit cost is part of ("och 1,5 mkr totalt") is the document's figure, not a new amount.
  const others = amounts.filter((amount) => !amount.amount.equals(cost.amount) && !(cost.fact && amount.amount.equals(cost.fact.amount)));
  if (h.count) {
    // "om kursen kostar 25 000 kr per person": the question's own unit cost, beside the document's.
    const stated = others.find((amount) => !amount.replaced);
    if (others.length > 0 && !stated) return undefined;
    return countTimesCost(input, cost, h.count.count, stated?.amount, PER_YEAR.test(u.folded));
  }
  if (!cost.fact) return undefined;
  const count = unitsInTotal(cost.fact.amount, cost.amount);
  if (count === undefined) return undefined;
  if (howMany && others.length === 0) return derivedCount(input, cost, count);
  const changed = others.filter((amount) => !amount.replaced);
  if (changed.length !== 1 || !best.amountHit) return undefined;
  return changedUnitCost(input, cost, count, changed[0]!.amount);
}

function costSource(input: AnswerInput, cost: UnitCost, reply: Reply, say?: Provenance): Reply {
  if (cost.fact && say) return finishReply(input.store, reply, say, []);
  reply.sources = [sourceOf(input.store, cost.source)];
  if (reply.notes.length > 0) reply.text += ` ${reply.notes.join(' ')}`;
  reply.text += ` ${sourceLine(reply.sources, input.lang)}.`;
  return reply;
}

function countTimesCost(input: AnswerInput, cost: UnitCost, count: number, stated: Decimal | undefined, perYear: boolean): Reply {
  const unit = stated ?? cost.amount;
  const total = timesCount(unit, count);
  const about = cost.approximate && !stated ? t(input, 'ca ', 'about ') : '';
  const yearly = perYear ? t(input, ' per år', ' a year') : '';
  const reply = emptyReply('figure', input.lang, t(input, `Uppskattning: ${count} × ${money(unit, 'sv')}`, `Estimate: ${count} × ${money(unit, 'en')}`), '');
  reply.figure = `${about}${money(total, input.lang)}`;
  const quoted = t(input, `”${cost.printed}”`, `“${cost.printed}”`);
  reply.text = t(
    input,
    `Uppskattning, inget beslut: ${count} × ${about}${money(unit, 'sv')} = ${about}${money(total, 'sv')}${yearly}.`,
    `Estimate, not a decision: ${count} × ${about}${money(unit, 'en')} = ${about}${money(total, 'en')}${yearly}.`,
  );
  if (stated) {
    const printed = timesCount(cost.amount, count);
    reply.text += t(
      input,
      ` Kostnaden per enhet är den du anger; dokumentet skriver ${quoted} (${cost.topic}), vilket ger ${count} × ${money(cost.amount, 'sv')} = ${money(printed, 'sv')}.`,
      ` The cost per unit is the one you give; the document prints (in Swedish) ${quoted} (${cost.topic}), which gives ${count} × ${money(cost.amount, 'en')} = ${money(printed, 'en')}.`,
    );
  } else {
    reply.text += t(input, ` Kostnaden per enhet är den dokumentet skriver: ${quoted} (${cost.topic}).`, ` The cost per unit is the one the document prints (in Swedish): ${quoted} (${cost.topic}).`);
  }
  reply.rows = [
    { label: t(input, 'Kostnad per enhet', 'Cost per unit'), value: `${about}${money(unit, input.lang)}` },
    { label: t(input, 'Antal', 'Count'), value: String(count) },
    { label: t(input, 'Uppskattning', 'Estimate'), value: `${about}${money(total, input.lang)}${yearly}` },
  ];
  reply.derivation = [`${count} × ${money(unit, input.lang)} = ${money(total, input.lang)}`];
  reply.notes.push(t(input, 'Produkten räknar med samma kostnad för varje enhet; verkliga kostnader kan avvika.', 'The product assumes the same cost for every unit; real costs may differ.'));
  if (about) reply.notes.push(t(input, 'Kostnaden står som ungefärlig (”ca”) i dokumentet, så även uppskattningen är ungefärlig.', 'The cost is given as approximate (“ca”) in the document, so the estimate is approximate too.'));
  return costSource(input, cost, reply);
}

/** "6 (härlett: 1,5 mkr / 250 000 kr)": the count a total pays for at its printed unit cost. */
function countWords(input: AnswerInput, say: Provenance, cost: UnitCost, count: number): string {
  const fact = cost.fact!;
  return claim(say, {
    status: 'derived',
    facts: [fact.id],
    words: t(
      input,
      `${count} (härlett ur dokumentet: ${money(fact.amount, 'sv')} / ${money(cost.amount, 'sv')} = ${count}; ”${cost.printed}”)`,
      `${count} (derived from the document: ${money(fact.amount, 'en')} / ${money(cost.amount, 'en')} = ${count}; “${cost.printed}”, in Swedish)`,
    ),
  });
}

function derivedCount(input: AnswerInput, cost: UnitCost, count: number): Reply {
  const say = new Provenance(input);
  const reply = emptyReply('figure', input.lang, t(input, `Antal: ${cost.noun}`, `Count: ${cost.noun}`), '');
  reply.figure = String(count);
  const what = cost.fact!.label ?? cost.topic;
  reply.text = t(input, `${what}: ${countWords(input, say, cost, count)}. Antalet står inte i dokumentet; det följer av totalen och kostnaden per enhet.`, `${what}: ${countWords(input, say, cost, count)}. The document does not print the count; it follows from the total and the cost per unit.`);
  reply.derivation = [`${money(cost.fact!.amount, input.lang)} / ${money(cost.amount, input.lang)} = ${count}`];
  return costSource(input, cost, reply, say);
}

function changedUnitCost(input: AnswerInput, cost: UnitCost, count: number, unit: Decimal): Reply {
  const say = new Provenance(input);
  const total = timesCount(unit, count);
  const fact = cost.fact!;
  const reply = emptyReply('figure', input.lang, t(input, `Uppskattning: ${count} × ${money(unit, 'sv')}`, `Estimate: ${count} × ${money(unit, 'en')}`), '');
  reply.figure = money(total, input.lang);
  const counted = countWords(input, say, cost, count);
  reply.text = t(
    input,
    `Uppskattning, inget beslut: med ${money(unit, 'sv')} i stället för ${money(cost.amount, 'sv')} per enhet blir det ${money(total, 'sv')} totalt (${count} × ${money(unit, 'sv')}), mot ${say.marked(fact)} i dokumentet. Antalet: ${counted}.`,
    `Estimate, not a decision: with ${money(unit, 'en')} instead of ${money(cost.amount, 'en')} per unit it comes to ${money(total, 'en')} in total (${count} × ${money(unit, 'en')}), against ${say.marked(fact)} in the document. The count: ${counted}.`,
  );
  reply.rows = [
    { label: t(input, 'Antal (härlett)', 'Count (derived)'), value: String(count) },
    { label: t(input, 'Ny kostnad per enhet', 'New cost per unit'), value: money(unit, input.lang) },
    { label: t(input, 'Uppskattning totalt', 'Estimate in total'), value: money(total, input.lang), note: t(input, `i dag ${money(fact.amount, 'sv')}`, `now ${money(fact.amount, 'en')}`) },
  ];
  reply.derivation = [`${money(fact.amount, input.lang)} / ${money(cost.amount, input.lang)} = ${count}`, `${count} × ${money(unit, input.lang)} = ${money(total, input.lang)}`];
  return costSource(input, cost, reply, say);
}

// ---------------------------------------------------------------------------------------------
// Equal splits: "delat lika mellan de sex delregionerna", "split equally among the sub-regions".

const EQUAL = /\b(lika|jamnt|equally|evenly|equal (parts|shares|amounts?)|same amount)\b/;
const SPLIT = /\b(delat?s?|delades|delas|dela|fordela\w*|fordelat?s?|split|shared?|divided|each|var|vardera|per)\b/;
const KINDS: [Place['kind'], RegExp][] = [
  ['subregion', /^(delregion\w*|sub-?regions?|subregion\w*)$/],
  ['municipality', /^(\w*kommun(er|erna|ernas)?|kommun\w*|municipal\w*)$/],
  ['county', /^(lan|lanen|counties|county)$/],
];

/** The kind of recipient the words name and the number said before it ("de sex delregionerna": 6). */
function recipientsNamed(folded: string): { kind: Place['kind']; count?: number } | undefined {
  const words = folded.split(/[^a-z0-9-]+/);
  for (let i = 0; i < words.length; i++) {
    const kind = KINDS.find(([, pattern]) => pattern.test(words[i]!))?.[0];
    if (!kind) continue;
    const before = [words[i - 1], words[i - 2]].map((word) => (word && /^\d+$/.test(word) ? Number(word) : word ? NUMBER_WORDS[word] : undefined)).find((n) => n !== undefined);
    return before ? { kind, count: before } : { kind };
  }
  return undefined;
}

function equalSplit(input: AnswerInput): Reply | undefined {
  const { u, store } = input;
  if (!EQUAL.test(u.folded) || !SPLIT.test(u.folded)) return undefined;
  const named = recipientsNamed(u.folded);
  if (!named) return undefined;
  const h = readHypothetical(u.text, u.lang);
  // The amount split: the question's, checked against the store's amount of the fund it names.
  const funds = u.funds.filter((id) => !store.fund(id)?.aggregate || u.funds.length === 1);
  const candidates = funds.flatMap((fund) => store.amounts({ fund, ...(u.place ? { place: u.place } : {}), ...(u.year ? { year: u.year } : {}) }).filter((fact) => !fact.label && !fact.part && !fact.table));
  const pot = h.pot?.amount;
  const fact = pot ? candidates.find((candidate) => candidate.amount.equals(pot)) : candidates.length === 1 ? candidates[0] : undefined;
  const say = new Provenance(input);
  // "om alla 15 dalakommuner fick lika mycket": what they get together, when no pot or fund is said.
  const together = !pot && !fact ? wholeAsked(input, say) : undefined;
  const amount = pot ?? fact?.amount ?? together?.amount;
  if (!amount) return undefined;
  const county = fact?.place ?? u.place;
  const inStore = county ? store.children(county).filter((place) => place.kind === named.kind) : [];
  const count = named.count ?? (inStore.length > 0 ? inStore.length : undefined);
  if (!count) return undefined;
  const unit = amount.isInteger() ? 'krona' : 'ore';
  const split = splitEqually(amount, count, unit);
  const kindWord = { subregion: t(input, 'delregion', 'sub-region'), municipality: t(input, 'kommun', 'municipality'), county: t(input, 'län', 'county') }[named.kind as 'subregion'] ?? '';
  const each = split.exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const exactWords = split.exact.equals(each) ? money(each, input.lang) : t(input, `${money(each, 'sv')} (avrundat)`, `${money(each, 'en')} (rounded)`);
  const reply = emptyReply('amount', input.lang, t(input, `Uppskattning: ${money(amount, 'sv')} delat lika på ${count}`, `Estimate: ${money(amount, 'en')} split equally by ${count}`), '');
  reply.figure = money(each, input.lang);
  const whose = fact ? ` (${fundName(input, fact.fund).toLowerCase()} ${fact.year}: ${say.marked(fact)})` : together ? ` ${together.words.slice(together.words.indexOf('('))}` : '';
  reply.text = t(
    input,
    `Uppskattning, inget beslut: ${money(amount, 'sv')}${whose} delat lika på ${count} blir ${exactWords} per ${kindWord}.`,
    `Estimate, not a decision: ${money(amount, 'en')}${whose} split equally by ${count} is ${exactWords} per ${kindWord}.`,
  );
  const groups = [...new Set(split.parts.map((part) => part.toFixed()))].map((value) => ({ value: new Decimal(value), n: split.parts.filter((part) => part.toFixed() === value).length }));
  if (groups.length > 1) {
    const spread = joinList(groups.map((group) => t(input, `${money(group.value, 'sv')} till ${group.n}`, `${money(group.value, 'en')} to ${group.n}`)), input.lang);
    reply.text += t(input, ` I hela kronor med största resten: ${spread}, tillsammans exakt ${money(amount, 'sv')}; vilka som får den extra kronan bestämmer dokumentet inte.`, ` In whole kronor by largest remainder: ${spread}, exactly ${money(amount, 'en')} together; the document does not decide who gets the extra krona.`);
  }
  if (named.count && inStore.length > 0 && inStore.length !== named.count) {
    reply.notes.push(t(input, `Du skriver ${named.count}; dokumenten har ${inStore.length} (${joinList(inStore.map((place) => place.name), 'sv')}).`, `You write ${named.count}; the documents have ${inStore.length} (${joinList(inStore.map((place) => place.name), 'en')}).`));
  }
  if (pot && candidates.length > 0 && !fact) {
    reply.notes.push(t(input, `Dokumentet anger ${joinList(candidates.map((c) => say.marked(c)), 'sv')}, inte ${money(pot, 'sv')}.`, `The document gives ${joinList(candidates.map((c) => say.marked(c)), 'en')}, not ${money(pot, 'en')}.`));
  }
  reply.rows = groups.map((group) => ({ label: t(input, `${group.n} × ${kindWord}`, `${group.n} × ${kindWord}`), value: money(group.value, input.lang) }));
  reply.derivation = [`${money(amount, input.lang)} / ${count} = ${money(each, input.lang)}`];
  reply.notes.push(t(input, 'Dokumentet delar inte medlen lika; det här är bara räkningen på ditt antagande.', 'The document does not split the money equally; this is only the arithmetic of your assumption.'));
  if (together) return finishReply(store, reply, say, together.facts);
  if (!fact) {
    reply.text += ` ${reply.notes.join(' ')}`;
    return reply;
  }
  return finishReply(store, reply, say, []);
}

// ---------------------------------------------------------------------------------------------
// Percentages: "10 % av kommunernas medel för utvecklingsinsatser 2020".

function percentage(input: AnswerInput): Reply | undefined {
  const { u, store } = input;
  const match = new RegExp(`${PERCENT.source}\\s+(av|of)\\b`).exec(u.text.toLowerCase());
  if (!match || !/\b(hur mycket|vad blir|vad ar|vilket belopp|how much|what is|what would|what does|belopp|amount)\b/.test(u.folded)) return undefined;
  const percent = new Decimal(match[1]!.replace(',', '.'));
  const h = readHypothetical(u.text, u.lang);
  const say = new Provenance(input);
  let whole: Decimal;
  let words: string;
  let facts: AmountFact[] = [];
  if (h.pot) {
    whole = h.pot.amount;
    words = money(whole, input.lang);
  } else {
    // The same amount a change by a percentage works on: the place's own, or its municipalities' together.
    const asked = wholeAsked(input, say);
    if (!asked) return undefined;
    ({ amount: whole, words, facts } = asked);
  }
  const exact = percentOf(whole, percent);
  const shown = exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const pct = `${percent.toFixed().replace('.', input.lang === 'sv' ? ',' : '.')}${input.lang === 'sv' ? ' %' : '%'}`;
  const reply = emptyReply('amount', input.lang, t(input, `Uppskattning: ${pct} av ${money(whole, 'sv')}`, `Estimate: ${pct} of ${money(whole, 'en')}`), '');
  reply.figure = money(shown, input.lang);
  reply.text = t(
    input,
    `Uppskattning, inget beslut: ${pct} av ${words} är ${money(shown, 'sv')}${exact.equals(shown) ? '' : ' (avrundat till hela ören)'}.`,
    `Estimate, not a decision: ${pct} of ${words} is ${money(shown, 'en')}${exact.equals(shown) ? '' : ' (rounded to whole öre)'}.`,
  );
  reply.derivation = [
    ...(facts.length > 1 ? [`${facts.map((fact) => money(fact.amount, input.lang)).join(' + ')} = ${money(whole, input.lang)}`] : []),
    `${pct} × ${money(whole, input.lang)} = ${money(shown, input.lang)}`,
  ];
  if (facts.length === 0) {
    reply.text += t(input, ' Beloppet är det du anger.', ' The amount is the one you give.');
    return reply;
  }
  return finishReply(store, reply, say, []);
}

// ---------------------------------------------------------------------------------------------
// An amount changed by a percentage or a multiple: "om Mora fick 20 % mer", "if it were doubled".

/** The amount a question is about: a place's own (of the fund asked, else its total), or what its municipalities or sub-regions get together. */
interface Whole {
  amount: Decimal;
  words: string;
  facts: AmountFact[];
  /** A recipient's own amount, named but not shown. */
  own?: boolean;
}

function wholeAsked(input: AnswerInput, say: Provenance, options: { nameOwn?: boolean } = {}): Whole | undefined {
  const { u, store } = input;
  const place = u.place ? store.place(u.place) : undefined;
  if (!place) return undefined;
  const fund = u.funds.find((id) => !store.fund(id)?.aggregate) ?? u.funds[0] ?? u.fund;
  // An approximate figure ("drygt 18 mkr") is not an amount to calculate with.
  const plain = (fact: AmountFact) => !fact.label && !fact.part && !fact.approximate && (!fund || fact.fund === fund) && (!u.year || fact.year === u.year);
  const named = recipientsNamed(u.folded);
  if (!named || named.kind === place.kind) {
    const own = primaryOf(store, store.amounts({ place: place.id }).filter(plain));
    if (!own) return undefined;
    if (!options.nameOwn) return { amount: own.amount, words: `${say.marked(own)} (${place.name}, ${fundName(input, own.fund).toLowerCase()} ${own.year})`, facts: [own] };
    // In a what-if the recipient's own amount today is no part of the answer: it is named, not shown.
    const owner = input.lang === 'sv' ? (/[sxz]$/.test(place.name) ? place.name : `${place.name}s`) : `${place.name}'s`;
    const fund = fundName(input, own.fund).toLowerCase();
    const words = t(input, `${owner} belopp för ${fund} ${own.year} enligt tabellen`, `${owner} amount for ${fund} ${own.year} in the table`);
    say.add([{ status: own.status === 'derived' ? 'derived' : own.status, facts: [own.id], words }]);
    return { amount: own.amount, words, facts: [own], own: true };
  }
  const children = store.children(place.id).filter((child) => child.kind === named.kind);
  const facts = children.map((child) => primaryOf(store, store.amounts({ place: child.id }).filter(plain)));
  if (facts.length === 0 || facts.some((fact) => fact === undefined)) return undefined;
  const all = facts as AmountFact[];
  if (new Set(all.map((fact) => `${fact.year} ${fact.fund}`)).size !== 1) return undefined;
  const amount = all.reduce((sum, fact) => sum.plus(fact.amount), new Decimal(0));
  const [sv, en] = named.kind === 'municipality' ? ['kommunernas', 'municipalities'] : ['delregionernas', 'sub-regions'];
  const name = fundName(input, all[0]!.fund).toLowerCase();
  const words = t(input, `${money(amount, 'sv')} (de ${all.length} ${sv} belopp för ${name} ${all[0]!.year} i ${place.name} tillsammans, beräknat ur tabellen)`, `${money(amount, 'en')} (the ${all.length} ${en}' amounts for ${name} ${all[0]!.year} in ${place.name} together, derived from the table)`);
  say.add([{ status: 'derived', facts: all.map((fact) => fact.id), value: amount.toFixed(), words }]);
  return { amount, words, facts: all };
}

/** A place's one amount for a year: the only one, else its total (the aggregate fund's); the latest year unless one was asked. */
function primaryOf(store: KnowledgeStore, facts: AmountFact[]): AmountFact | undefined {
  if (facts.length === 0) return undefined;
  const latest = Math.max(...facts.map((fact) => fact.year));
  const ofYear = facts.filter((fact) => fact.year === latest);
  if (ofYear.length === 1) return ofYear[0];
  const totals = ofYear.filter((fact) => store.fund(fact.fund)?.aggregate);
  return totals.length === 1 ? totals[0] : undefined;
}

function changedBy(input: AnswerInput): Reply | undefined {
  const { u, store } = input;
  const change = readChange(u.text);
  // One place: with two ("om den nationella potten ökade med 10 %, vad får Jämtland?") the change is to a pot shared by a key.
  if (!change || u.operation !== 'whatif' || u.places.length > 1) return undefined;
  const h = readHypothetical(u.text, u.lang);
  if (h.pot || h.base || h.count || h.category) return undefined;
  const say = new Provenance(input);
  const whole = wholeAsked(input, say, { nameOwn: true });
  if (!whole) return undefined;
  // A row of a table with a base per recipient does not change in proportion to its pot: that is the model's what-if.
  const modelled = whole.facts.some((fact) => fact.table && store.knowledge.tables.find((table) => table.id === fact.table!.id)?.checks.some((check) => check.kind === 'basePlusShare'));
  if (modelled && POT_WORD.test(u.folded)) return undefined;
  // "om MHFA-utbildningen fick dubbelt så mycket, vad blir skånegemensamt totalt?": the change is an
  // item's, and the total it is part of grows by the item's change alone.
  const item = itemChanged(input);
  if (item && !whole.facts.includes(item) && !(whole.facts.length === 1 && whole.facts[0]!.fund === item.fund && whole.facts[0]!.place === item.place)) return undefined;
  if (item && !whole.facts.includes(item)) return itemInTotal(input, say, change, item, whole);
  // "om Jämtlands befolkningsdel av samsjuklighetsmedlen ökade med 10 % men basen låg kvar": the key's base as it is, the rest changed.
  const ofShare = u.part === 'byPopulation' && whole.facts.length === 1 ? shareUnderKeyChanged(input, say, change, whole.facts[0]!) : undefined;
  if (ofShare) return ofShare;
  // "om brukarmedverkan i Dalarna dubblades och resten var som nu, vad blir totalen?": the row's total with the one part changed.
  const inRow = TOTAL_WORD.test(u.folded) && whole.facts.length === 1 ? partInRowTotal(input, say, change, whole.facts[0]!) : undefined;
  if (inRow) return inRow;
  const exact = scaledBy(whole.amount, change.factor);
  const shown = exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const how = (lang: 'sv' | 'en') => changeWords(change, lang);
  const factor = change.factor.toFixed().replace('.', input.lang === 'sv' ? ',' : '.');
  const rounded = exact.equals(shown) ? '' : t(input, ' (avrundat till hela ören)', ' (rounded to whole öre)');
  const reply = emptyReply('amount', input.lang, t(input, `Uppskattning: ${how('sv')}`, `Estimate: ${how('en')}`), '');
  reply.figure = money(shown, input.lang);
  reply.text = t(
    input,
    `Uppskattning, inget beslut: ${how('sv')} ${change.percent ? 'än' : 'som'} ${whole.words} blir ${money(shown, 'sv')}${rounded}.`,
    `Estimate, not a decision: ${how('en')} ${change.percent ? 'than' : 'as'} ${whole.words} is ${money(shown, 'en')}${rounded}.`,
  );
  reply.derivation = [`${whole.own ? whole.words : money(whole.amount, input.lang)} × ${factor} = ${money(shown, input.lang)}${rounded}`];
  say.add([{ status: 'derived', facts: whole.facts.map((fact) => fact.id), words: reply.derivation[0]! }]);
  reply.notes.push(t(input, 'Det här är en uppskattning, inte ett beslut om medel.', 'This is an estimate, not a decision on funds.'));
  return finishReply(store, reply, say, whole.facts);
}

/** The total of a row asked: "vad blir totalen", "hur mycket blir det sammanlagt", "what would the total be". */
const TOTAL_WORD = /\b(totalen|totala|totalt|total|summan|summa|totalsumm\w*|totalbelopp\w*|sammanlagt|in total|altogether|overall|hela beloppet)\b/;

/** One part of a table row changed, the others as printed: the row's total moves by the part's change alone. */
function partInRowTotal(input: AnswerInput, say: Provenance, change: QuestionChange, part: AmountFact): Reply | undefined {
  const { store } = input;
  const table = part.table ? (store.table(part.table.id) as TableFact | undefined) : undefined;
  if (!table || table.columns.length < 2 || store.fund(part.fund)?.aggregate) return undefined;
  const inRow = (label: string) => store.amounts({ place: part.place, year: table.year }).find((fact) => fact.table?.id === table.id && fact.table.column === label);
  const cells = table.columns.map((column) => inRow(column.label)).filter((fact): fact is AmountFact => fact !== undefined);
  if (cells.length !== table.columns.length || !cells.includes(part)) return undefined;
  // The parts as printed, the one changed: their sum is the new total (the row's printed total is rounded, and today's amount is no answer here).
  const changed = scaledBy(part.amount, change.factor).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const shown = cells.reduce((sum, fact) => sum.plus(fact === part ? changed : fact.amount), new Decimal(0));
  const place = store.place(part.place)?.name ?? part.place;
  const name = fundName(input, part.fund).toLowerCase();
  const reply = emptyReply('amount', input.lang, t(input, `Uppskattning: ${place} totalt ${table.year}`, `Estimate: ${place} in total ${table.year}`), '');
  reply.figure = money(shown, input.lang);
  const words = claim(say, {
    status: 'derived',
    facts: cells.map((fact) => fact.id),
    words: t(input, `${money(shown, 'sv')} (uppskattning)`, `${money(shown, 'en')} (estimate)`),
  });
  reply.text = t(
    input,
    `Uppskattning, inget beslut: om ${name} fick ${changeWords(change, 'sv')} (${money(changed, 'sv')}) och de andra delarna var som i tabellen, skulle ${place} få ${words} totalt ${table.year}.`,
    `Estimate, not a decision: if ${name} got ${changeWords(change, 'en')} (${money(changed, 'en')}) and the other parts stayed as in the table, ${place} would get ${words} in total in ${table.year}.`,
  );
  reply.rows = cells.map((fact) => ({ label: fundName(input, fact.fund), value: money(fact === part ? changed : fact.amount, input.lang), ...(fact === part ? { note: t(input, 'ändrad', 'changed') } : {}) }));
  const factor = change.factor.toFixed().replace('.', input.lang === 'sv' ? ',' : '.');
  reply.derivation = [
    `${fundName(input, part.fund)}: ${money(part.amount, input.lang)} × ${factor} = ${money(changed, input.lang)}`,
    `${cells.map((fact) => money(fact === part ? changed : fact.amount, input.lang)).join(' + ')} = ${money(shown, input.lang)}`,
  ];
  reply.notes.push(t(input, 'Det här är en uppskattning, inte ett beslut om medel: de andra delarna är oförändrade, så totalen ändras bara med den ändrade delen.', 'This is an estimate, not a decision on funds: the other parts are unchanged, so the total moves by the changed part alone.'));
  return finishReply(store, reply, say, [part]);
}

/** A county's fund under a national key "base per county + the rest by population", its population part changed. */
function shareUnderKeyChanged(input: AnswerInput, say: Provenance, change: QuestionChange, fact: AmountFact): Reply | undefined {
  const { store } = input;
  const place = store.place(fact.place);
  if (!place || place.kind !== 'county') return undefined;
  const key = store.keys().find((candidate) => candidate.fund === fact.fund && candidate.year === fact.year && candidate.recipients === 'county' && candidate.key.type === 'basePlusProRata');
  if (!key || key.key.type !== 'basePlusProRata') return undefined;
  const base = parseSek(key.key.base);
  if (base.greaterThan(fact.amount)) return undefined;
  const share = fact.amount.minus(base);
  const changed = scaledBy(share, change.factor).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const total = base.plus(changed);
  const name = fundName(input, fact.fund).toLowerCase();
  const reply = emptyReply('amount', input.lang, t(input, `Uppskattning: ${place.name}, ${name} ${fact.year}`, `Estimate: ${place.name}, ${name} ${fact.year}`), '');
  reply.figure = money(total, input.lang);
  const words = claim(say, { status: 'derived', facts: [fact.id, key.id], words: t(input, `${money(total, 'sv')} (uppskattning)`, `${money(total, 'en')} (estimate)`) });
  reply.text = t(
    input,
    `Uppskattning, inget beslut: om delen efter befolkning fick ${changeWords(change, 'sv')} (${money(changed, 'sv')}) och basen enligt nyckeln låg kvar (${money(base, 'sv')}), skulle ${place.name} få ${words} för ${name} ${fact.year}.`,
    `Estimate, not a decision: if the part by population got ${changeWords(change, 'en')} (${money(changed, 'en')}) and the key's base stayed (${money(base, 'en')}), ${place.name} would get ${words} for ${name} in ${fact.year}.`,
  );
  reply.rows = [
    { label: t(input, 'Bas enligt nyckeln', "The key's base"), value: money(base, input.lang) },
    { label: t(input, 'Efter befolkning', 'By population'), value: money(changed, input.lang), note: t(input, 'ändrad', 'changed') },
  ];
  const factor = change.factor.toFixed().replace('.', input.lang === 'sv' ? ',' : '.');
  reply.derivation = [`${money(share, input.lang)} × ${factor} = ${money(changed, input.lang)}`, `${money(base, input.lang)} + ${money(changed, input.lang)} = ${money(total, input.lang)}`];
  reply.notes.push(t(input, 'Det här är en uppskattning, inte ett beslut om medel.', 'This is an estimate, not a decision on funds.'));
  return finishReply(store, reply, say, []);
}

/** "20 % mer", "25 % less", "dubbelt så mycket", "half as much". */
function changeWords(change: QuestionChange, lang: 'sv' | 'en'): string {
  if (change.percent) {
    const pct = `${change.percent.abs().toFixed().replace('.', lang === 'sv' ? ',' : '.')}${lang === 'sv' ? ' %' : '%'}`;
    return `${pct} ${change.percent.isNegative() ? (lang === 'sv' ? 'mindre' : 'less') : lang === 'sv' ? 'mer' : 'more'}`;
  }
  const words = lang === 'sv' ? { 2: 'dubbelt så mycket', 3: 'tre gånger så mycket', 0.5: 'hälften så mycket' } : { 2: 'twice as much', 3: 'three times as much', 0.5: 'half as much' };
  return words[change.factor.toNumber() as 2 | 3 | 0.5];
}

const POT_WORD = /\b(pott\w*|pot|pots|ram\w*|hela|whole|entire|all)\b/;

/** The named item the conditional clause changes ("om mhfa-utbildningen fick dubbelt så mycket, …"), if it names one. */
function itemChanged(input: AnswerInput): AmountFact | undefined {
  const clause = input.u.text.split(/,|\b(vad|hur|vilket|what|how|which)\b/i)[0] ?? '';
  return matchItem({ ...input, u: { ...input.u, folded: foldText(clause) } });
}

/** A total with one of its items changed: the total plus the item's change. */
function itemInTotal(input: AnswerInput, say: Provenance, change: QuestionChange, item: AmountFact, whole: Whole): Reply {
  const total = whole.facts[0]!;
  const added = scaledBy(item.amount, change.factor.minus(1));
  const exact = whole.amount.plus(added);
  const shown = exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const factor = change.factor.toFixed().replace('.', input.lang === 'sv' ? ',' : '.');
  const itemName = rowLabel(input, item);
  const reply = emptyReply('amount', input.lang, t(input, `Uppskattning: ${itemName} × ${factor}`, `Estimate: ${itemName} × ${factor}`), '');
  reply.figure = money(shown, input.lang);
  reply.text = t(
    input,
    `Uppskattning, inget beslut: om ${itemName} (${say.marked(item)}) fick ${changeWords(change, 'sv')} blir ${fundName(input, total.fund).toLowerCase()} totalt ${money(shown, 'sv')} i stället för ${say.marked(total)}.`,
    `Estimate, not a decision: if ${itemName} (${say.marked(item)}) got ${changeWords(change, 'en')}, ${fundName(input, total.fund).toLowerCase()} in total would be ${money(shown, 'en')} instead of ${say.marked(total)}.`,
  );
  reply.derivation = [`${money(whole.amount, input.lang)} + ${money(item.amount, input.lang)} × (${factor} − 1) = ${money(shown, input.lang)}`];
  say.add([{ status: 'derived', facts: [total.id, item.id], words: reply.derivation[0]! }]);
  reply.notes.push(t(input, 'Det här är en uppskattning, inte ett beslut om medel.', 'This is an estimate, not a decision on funds.'));
  return finishReply(input.store, reply, say, [total, item]);
}

// ---------------------------------------------------------------------------------------------
// The Skåne model's structure: a base per sub-region and the rest by population.

type BasePlusShare = Extract<TableCheck, { kind: 'basePlusShare' }>;

const NEW_RECIPIENT = /\b(sjunde|attonde|nionde|tionde|ytterligare (en|ett)|en till|en ny|ett nytt|one more|another|a new|an additional|seventh|eighth|ninth|tenth|tillkom\w*|added)\b/;
const BASE_WORD = /\b(bas\w*|base\w*|grundbelopp\w*)\b/;
const NO_BASE = /\b(ingen bas\w*|inga bas\w*|utan (nagon |nagra )?bas\w*|no base\w*|without (any |the )?base\w*|had no base\w*)\b/;
const ALL_ROWS = /\b(alla|samtliga|totalt|total\w*|sammanlagt|tillsammans|all|across|together|altogether)\b/;

function modelStructure(input: AnswerInput): Reply | undefined {
  const { u, store } = input;
  if (!BASE_WORD.test(u.folded)) return undefined;
  const place = u.place ? store.place(u.place) : undefined;
  const tables = store.knowledge.tables.filter((table) => table.checks.some((check) => check.kind === 'basePlusShare') && (!u.year || table.year === u.year) && (!place || table.rows.some((row) => row.place === place.id || store.place(row.place)?.parent === place.id)));
  if (tables.length !== 1) return undefined;
  const table = tables[0]!;
  const model = table.checks.find((check): check is BasePlusShare => check.kind === 'basePlusShare')!;
  const rows = table.rows.filter((row) => row.place !== table.columnTotals?.place);
  const funds = u.funds.filter((id) => !store.fund(id)?.aggregate);
  const pairs = model.columns
    .map((pair) => ({ pair, share: table.columns.find((column) => column.id === pair.share)!, base: table.columns.find((column) => column.id === pair.base)! }))
    .filter(({ share }) => funds.length === 0 || funds.includes(share.fund));
  if (pairs.length === 0) return undefined;
  const kind = store.place(rows[0]!.place)?.kind;
  const named = recipientsNamed(u.folded);
  const rowPlace = u.places.map((match) => match.place).find((named) => rows.some((row) => row.place === named.id)) ?? (place && rows.some((row) => row.place === place.id) ? place : undefined);
  const h = readHypothetical(u.text, u.lang);
  const cell = (row: string, label: string) => store.amounts({ place: row, year: table.year }).find((fact) => fact.table?.id === table.id && fact.table.column === label);
  const say = new Provenance(input);
  const what = funds.length === 0 ? t(input, 'alla medel i modellen', 'all funds of the model') : joinList(pairs.map(({ share }) => fundName(input, share.fund).toLowerCase()), input.lang);
  const perRow = pairs.reduce((sum, { pair }) => sum.plus(parseSek(pair.baseAmount)), new Decimal(0));
  const baseList = joinList(pairs.map(({ pair, share }) => t(input, `${money(parseSek(pair.baseAmount), 'sv')} för ${fundName(input, share.fund).toLowerCase()}`, `${money(parseSek(pair.baseAmount), 'en')} for ${fundName(input, share.fund).toLowerCase()}`)), input.lang);
  const kindWord = t(input, 'delregion', 'sub-region');

  if (NEW_RECIPIENT.test(u.folded) && named?.kind === kind && !rowPlace && h.amounts.length === 0) {
    const reply = emptyReply('amount', input.lang, t(input, `Uppskattning: bas för en ${kindWord} till`, `Estimate: the base of one more ${kindWord}`), '');
    reply.figure = money(perRow, input.lang);
    reply.text = t(
      input,
      `Uppskattning, inget beslut: med samma modell skulle en ${kindWord} till få ${money(perRow, 'sv')} i bas sammanlagt (${baseList}). Dess del efter befolkning går inte att räkna ut: invånarantalet per delregion står inte i dokumentet, och med samma pott skulle de andra delregionernas delar minska.`,
      `Estimate, not a decision: under the same model one more ${kindWord} would get ${money(perRow, 'en')} in base in total (${baseList}). Its part by population cannot be worked out: the document does not give the population per sub-region, and with the same pot the other sub-regions' parts would shrink.`,
    );
    reply.derivation = [say.model(table, model.statedIn.quote), `${pairs.map(({ pair }) => money(parseSek(pair.baseAmount), input.lang)).join(' + ')} = ${money(perRow, input.lang)}`];
    return finishReply(store, reply, say, []);
  }
  if (NO_BASE.test(u.folded) && rowPlace && h.amounts.length === 0) {
    const shares = pairs.map(({ share }) => cell(rowPlace.id, share.label)).filter((fact): fact is AmountFact => fact !== undefined);
    const bases = pairs.map(({ base }) => cell(rowPlace.id, base.label)).filter((fact): fact is AmountFact => fact !== undefined);
    if (shares.length !== pairs.length || bases.length !== pairs.length) return undefined;
    const rest = shares.reduce((sum, fact) => sum.plus(fact.amount), new Decimal(0));
    const totalFact = funds.length === 0 && table.total ? cell(rowPlace.id, table.total.label) : undefined;
    const reply = emptyReply('amount', input.lang, t(input, `Uppskattning: ${rowPlace.name} utan bas`, `Estimate: ${rowPlace.name} without the base`), '');
    reply.figure = money(rest, input.lang);
    const whole = totalFact ? say.marked(totalFact) : say.computed([...bases, ...shares]);
    const baseSum = say.computed(bases);
    reply.text = t(
      input,
      `Uppskattning, inget beslut: utan bas skulle ${rowPlace.name} få ${money(rest, 'sv')} (${what}), det som tabellen fördelar efter befolkning: ${whole} minus basen ${baseSum}.`,
      `Estimate, not a decision: without the base, ${rowPlace.name} would get ${money(rest, 'en')} (${what}), what the table shares by population: ${whole} less the base ${baseSum}.`,
    );
    reply.rows = shares.map((fact) => ({ label: fundName(input, fact.fund), ...say.row(fact) }));
    reply.derivation = [`${money(totalFact?.amount ?? rest.plus(perRow), input.lang)} − ${money(bases.reduce((sum, fact) => sum.plus(fact.amount), new Decimal(0)), input.lang)} = ${money(rest, input.lang)}`];
    reply.notes.push(t(input, 'Med samma pott skulle basen i stället fördelas efter befolkning; det här är bara delen efter befolkning som tabellen har den.', 'With the same pot the base would instead be shared by population; this is only the part by population as the table has it.'));
    return finishReply(store, reply, say, []);
  }
  if (u.operation === 'whatif' && ALL_ROWS.test(u.folded) && !rowPlace && u.part !== 'byPopulation' && h.amounts.length === 0) {
    const bases = rows.flatMap((row) => pairs.map(({ base }) => cell(row.place, base.label))).filter((fact): fact is AmountFact => fact !== undefined);
    if (bases.length !== rows.length * pairs.length) return undefined;
    // "om Skåne hade 7 delregioner med samma basbelopp": the model's base per row times the number said.
    if (named && named.kind === kind && named.count !== undefined && named.count !== rows.length) return basesForCount(input, say, { table, model, what, perRow, baseList, count: named.count, now: rows.length, bases });
    const total = bases.reduce((sum, fact) => sum.plus(fact.amount), new Decimal(0));
    const reply = emptyReply('amount', input.lang, t(input, `Bas totalt, ${what} ${table.year}`, `Base in total, ${what} ${table.year}`), '');
    reply.figure = money(total, input.lang);
    const words = t(input, `${money(total, 'sv')} (beräknat: ${rows.length} delregioner × ${money(perRow, 'sv')})`, `${money(total, 'en')} (derived: ${rows.length} sub-regions × ${money(perRow, 'en')})`);
    say.add([{ status: 'derived', facts: bases.map((fact) => fact.id), value: total.toFixed(), words }]);
    reply.text = t(input, `Basen för ${what} ${table.year} är sammanlagt ${words} i de ${rows.length} delregionerna (${baseList} var).`, `The base for ${what} ${table.year} comes to ${words} across the ${rows.length} sub-regions (${baseList} each).`);
    reply.derivation = [say.model(table, model.statedIn.quote), `${rows.length} × ${money(perRow, input.lang)} = ${money(total, input.lang)}`];
    return finishReply(store, reply, say, []);
  }
  return undefined;
}

/** The bases together with another number of sub-regions: an estimate, the model's base per row times the count. */
function basesForCount(
  input: AnswerInput,
  say: Provenance,
  c: { table: TableFact; model: BasePlusShare; what: string; perRow: Decimal; baseList: string; count: number; now: number; bases: AmountFact[] },
): Reply {
  const total = c.perRow.times(c.count);
  const today = c.perRow.times(c.now);
  const reply = emptyReply('amount', input.lang, t(input, `Uppskattning: bas totalt med ${c.count} delregioner`, `Estimate: base in total with ${c.count} sub-regions`), '');
  reply.figure = money(total, input.lang);
  const words = claim(say, {
    status: 'derived',
    facts: c.bases.map((fact) => fact.id),
    words: t(input, `${money(total, 'sv')} (uppskattning: ${c.count} × ${money(c.perRow, 'sv')})`, `${money(total, 'en')} (estimate: ${c.count} × ${money(c.perRow, 'en')})`),
  });
  reply.text = t(
    input,
    `Uppskattning, inget beslut: med ${c.count} delregioner och samma bas som i modellen (${c.baseList} per delregion) skulle basen för ${c.what} ${c.table.year} bli ${words}, mot ${money(today, 'sv')} med dokumentets ${c.now} delregioner. Med samma pott blir det ${money(total.minus(today).abs(), 'sv')} ${total.greaterThan(today) ? 'mindre' : 'mer'} kvar att fördela efter befolkning.`,
    `Estimate, not a decision: with ${c.count} sub-regions and the same base as in the model (${c.baseList} per sub-region), the base for ${c.what} ${c.table.year} would come to ${words}, against ${money(today, 'en')} with the document's ${c.now} sub-regions. With the same pot, ${money(total.minus(today).abs(), 'en')} ${total.greaterThan(today) ? 'less' : 'more'} would be left to share by population.`,
  );
  reply.derivation = [say.model(c.table, c.model.statedIn.quote), `${c.count} × ${money(c.perRow, input.lang)} = ${money(total, input.lang)}`];
  reply.notes.push(t(input, 'Det här är en uppskattning, inte ett beslut om medel.', 'This is an estimate, not a decision on funds.'));
  return finishReply(input.store, reply, say, []);
}

// ---------------------------------------------------------------------------------------------
// A county's part under its memo's key: "5 Mkr per län och resten efter befolkning".

function partUnderKey(input: AnswerInput): Reply | undefined {
  const { u, store } = input;
  const population = v.POPULATION_PART.test(u.folded);
  // "hur mycket får Dalarna i bas för samsjuklighet?": the key's base is the county's part, the rest by population.
  const asksBase = !population && u.part === 'base';
  if (!population && !asksBase) return undefined;
  const h = readHypothetical(u.text, u.lang);
  if (h.pot || h.category) return undefined;
  const place = u.place ? store.place(u.place) : undefined;
  if (!place || place.kind !== 'county') return undefined;
  const keys = store.keys().filter((key) => key.recipients === 'county' && key.key.type === 'basePlusProRata' && u.funds.includes(key.fund) && (!u.year || key.year === u.year));
  if (keys.length !== 1) return undefined;
  const key = keys[0]!;
  if (key.key.type !== 'basePlusProRata') return undefined;
  const fact = store.amounts({ place: place.id, fund: key.fund, year: key.year }).find((amount) => amount.status === 'stated' && !amount.part && !amount.label);
  if (!fact) return undefined;
  const keyBase = parseSek(key.key.base);
  const base = h.base?.amount ?? keyBase;
  if (base.greaterThan(fact.amount)) return undefined;
  const rest = fact.amount.minus(base);
  const say = new Provenance(input);
  const name = fundName(input, key.fund).toLowerCase();
  const amount = say.marked(fact);
  const quote = say.keyQuote(key);
  const reply = emptyReply('amount', input.lang, '', '');
  if (asksBase && !h.base) {
    // The key's base is the figure asked; the rest is said beside it.
    reply.title = t(input, `${place.name}, ${name} ${key.year}: bas`, `${place.name}, ${name} ${key.year}: base`);
    reply.figure = money(keyBase, input.lang);
    const baseWords = claim(say, { status: 'stated', facts: [key.id], words: t(input, `${money(keyBase, 'sv')} i bas`, `${money(keyBase, 'en')} in base`) });
    const restWords = claim(say, { status: 'derived', facts: [fact.id, key.id], words: t(input, `${money(rest, 'sv')} (härlett: ${money(fact.amount, 'sv')} − ${money(keyBase, 'sv')})`, `${money(rest, 'en')} (derived: ${money(fact.amount, 'en')} − ${money(keyBase, 'en')})`) });
    reply.text = t(
      input,
      `Av ${place.name}s ${amount} för ${name} ${key.year} är ${baseWords}, basen per län enligt nyckeln ${quote}; resten, ${restWords}, är fördelat efter befolkning.`,
      `Of ${place.name}'s ${amount} for ${name} ${key.year}, ${baseWords} is the base per county under the key ${quote}; the rest, ${restWords}, is shared by population.`,
    );
  } else {
    reply.title = t(input, `${place.name}, ${name} ${key.year}: efter befolkning`, `${place.name}, ${name} ${key.year}: by population`);
    reply.figure = money(rest, input.lang);
    const derived = claim(say, { status: 'derived', facts: [fact.id, key.id], words: t(input, `${money(rest, 'sv')} (härlett ur nyckeln: ${money(fact.amount, 'sv')} − ${money(base, 'sv')})`, `${money(rest, 'en')} (derived from the key: ${money(fact.amount, 'en')} − ${money(base, 'en')})`) });
    reply.text = base.equals(keyBase)
      ? t(input, `Av ${place.name}s ${amount} för ${name} ${key.year} är ${derived} befolkningsbaserat; ${money(base, 'sv')} är basen per län enligt nyckeln ${quote}.`, `Of ${place.name}'s ${amount} for ${name} ${key.year}, ${derived} is population-based; ${money(base, 'en')} is the base per county under the key ${quote}.`)
      : t(
          input,
          `Uppskattning, inget beslut: med ${money(base, 'sv')} i bas skulle ${derived} av ${place.name}s ${amount} för ${name} ${key.year} vara befolkningsbaserat. Nyckeln anger ${money(keyBase, 'sv')} per län ${quote}, vilket ger ${money(fact.amount.minus(keyBase), 'sv')}.`,
          `Estimate, not a decision: with a base of ${money(base, 'en')}, ${derived} of ${place.name}'s ${amount} for ${name} ${key.year} would be population-based. The key gives ${money(keyBase, 'en')} per county ${quote}, which gives ${money(fact.amount.minus(keyBase), 'en')}.`,
        );
  }
  reply.rows = [
    { label: t(input, 'Bas', 'Base'), value: money(base, input.lang) },
    { label: t(input, 'Efter befolkning', 'By population'), value: money(rest, input.lang) },
  ];
  reply.derivation = [`${money(fact.amount, input.lang)} − ${money(base, input.lang)} = ${money(rest, input.lang)}`];
  if (input.lang === 'en') reply.notes.push('The key is quoted in Swedish, as the document writes it.');
  return finishReply(store, reply, say, []);
}

// ---------------------------------------------------------------------------------------------
// One printed part alone: "om bara utvecklingsinsatsdelen betalades ut".

const ONLY = /\b(bara|endast|enbart|only|just|solely)\b/;

/** "… om resten är oförändrat", "the rest unchanged": one recipient's part changes, nothing else. */
const REST_UNCHANGED = /\b(resten|ovriga|de andra|allt annat|befolkningsdel\w*|rorliga delen|the rest|others|everything else|the population (part|share))\b.*\b(oforandra\w*|samma|lika|kvar|unchanged|the same|as before)\b/;

/**
 * "Om Sydost fick 1,5 mkr i bas för suicidprevention i stället för 1 mkr, vad blir Sydost totalt om resten är
 * oförändrat?": one recipient's printed part replaced, its total moved by the difference alone.
 */
function oneRecipientPart(input: AnswerInput): Reply | undefined {
  const { u, store } = input;
  if (u.operation !== 'whatif' || !REST_UNCHANGED.test(u.folded) || u.places.length !== 1) return undefined;
  const h = readHypothetical(u.text, u.lang);
  if (!h.base) return undefined;
  // "2 mkr i bas … och befolkningsdelen oförändrad": the amount given in base is the part that changes.
  const asked = u.part ?? 'base';
  const place = u.places[0]!.place;
  const fund = u.funds.find((id) => !store.fund(id)?.aggregate);
  const facts = store.amounts({ place: place.id, ...(u.year ? { year: u.year } : {}) }).filter((fact) => !fact.label);
  const part = facts.find((fact) => fact.fund === fund && fact.part === asked);
  const total = facts.filter((fact) => fact.year === part?.year && store.fund(fact.fund)?.aggregate && !fact.approximate)[0];
  if (!part || !total) return undefined;
  const say = new Provenance(input);
  const exact = total.amount.plus(h.base.amount).minus(part.amount);
  const reply = emptyReply('amount', input.lang, t(input, `Uppskattning: ${place.name} med ${money(h.base.amount, 'sv')}`, `Estimate: ${place.name} with ${money(h.base.amount, 'en')}`), '');
  reply.figure = money(exact, input.lang);
  const what = `${fundName(input, part.fund).toLowerCase()}${asked === 'base' ? t(input, ' (bas)', ' (base)') : ''}`;
  reply.text = t(
    input,
    `Uppskattning, inget beslut: med ${money(h.base.amount, 'sv')} för ${what} och resten oförändrat får ${place.name} ${money(exact, 'sv')} totalt ${part.year}.`,
    `Estimate, not a decision: with ${money(h.base.amount, 'en')} for ${what} and the rest unchanged, ${place.name} gets ${money(exact, 'en')} in total in ${part.year}.`,
  );
  reply.derivation = [`${money(total.amount, input.lang)} − ${money(part.amount, input.lang)} + ${money(h.base.amount, input.lang)} = ${money(exact, input.lang)}`];
  say.add([{ status: 'derived', facts: [total.id], minus: [part.id], words: reply.derivation[0]! }]);
  reply.notes.push(t(input, 'Då räcker dokumentets pott inte: de andra får lika mycket som förut, så potten växer med skillnaden.', "The document's pot would not cover it: the others keep what they get, so the pot grows by the difference."));
  return finishReply(store, reply, say, [total, part]);
}

function partAlone(input: AnswerInput): Reply | undefined {
  const { u, store } = input;
  if (u.operation !== 'whatif' || !ONLY.test(u.folded)) return undefined;
  // "om UM-potten bara var 100 mkr": a new pot, not one part alone.
  if (readHypothetical(u.text, u.lang).pot) return undefined;
  const place = u.place ? store.place(u.place) : undefined;
  const funds = u.funds.filter((id) => !store.fund(id)?.aggregate);
  if (!place || funds.length !== 1) return undefined;
  const facts = store.amounts({ place: place.id, fund: funds[0]!, ...(u.year ? { year: u.year } : {}) }).filter((fact) => fact.table && !fact.label && !fact.part);
  if (facts.length !== 1) return undefined;
  const fact = facts[0]!;
  const table = store.table(fact.table!.id) as TableFact | undefined;
  const total = table?.total ? store.amounts({ place: place.id, year: fact.year }).find((other) => other.table?.id === table.id && other.table.column === table.total!.label) : undefined;
  if (!total) return undefined;
  const say = new Provenance(input);
  const name = fundName(input, fact.fund).toLowerCase();
  const reply = emptyReply('amount', input.lang, t(input, `${place.name}: bara ${name} ${fact.year}`, `${place.name}: ${name} alone ${fact.year}`), '');
  reply.figure = money(fact.amount, input.lang);
  reply.text = t(
    input,
    `Om bara den delen betalades ut skulle ${place.name} få ${say.marked(fact)}: tabellens del för ${name} ${fact.year}, av ${say.marked(total)} totalt.`,
    `If only that part were paid, ${place.name} would get ${say.marked(fact)}: the table's part for ${name} ${fact.year}, of ${say.marked(total)} in total.`,
  );
  return finishReply(store, reply, say, []);
}
