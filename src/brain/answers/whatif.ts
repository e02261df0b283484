// "Om potten vore 25 mkr, vad får Malmö?", "if the pot beyond the base were 25 MSEK", "om Jämtland
// vore ett storstadslän": a pot, base or category the documents do not have, run through the
// documents' own key (unit costs, equal splits, percentages and parts: scenario.ts). Every answer is an estimate, not a
// decision, with the key, the shares, the rounding and the source of each input. Where the
// documents give no key for the case, the planner says what is missing and no figure is given.
import { Decimal } from 'decimal.js';
import { formatPercent, parseSek } from '../../allocation/index.js';
import { allocateByTable, estimateOneRecipient, isWholeUnits, scaledBy, type WhatIfAllocation } from '../../allocation/whatif.js';
import type { RoundingUnit } from '../../allocation/money.js';
import { recipientsOfFixedKey } from '../../knowledge/checks.js';
import type { AmountFact, KeyFact, TableFact } from '../../knowledge/model.js';
import type { Place, TableCheck } from '../../knowledge/schema.js';
import { foldText } from '../../text/normalize.js';
import { fundName, t, type AnswerInput } from '../answer-context.js';
import { joinList, money } from '../format.js';
import { posesHypothetical, readChange, readHypothetical, type Hypothetical, type QuestionAmount } from '../hypothetical.js';
import { Provenance, type Claim } from '../provenance.js';
import { ALL_FUNDS, emptyReply, type Calculator, type Reply, type ReplyRow } from '../reply.js';
import { finishReply } from '../sources.js';
import * as v from '../vocabulary.js';
import { answerScenario, rememberWhatIf, whatIfAsked, withCarriedWhatIf } from './scenario.js';

/** What a what-if needs that the question or the documents do not give, in both languages. */
export interface WhatIfGap {
  sv: string;
  en: string;
}

const INTENTS = new Set(['amount', 'list', 'search', 'key']);

type BasePlusShare = Extract<TableCheck, { kind: 'basePlusShare' }>;

interface TablePlan {
  kind: 'table';
  table: TableFact;
  /** The stated model (Skåne), or none: the split by each row's share of the table (Dalarna). */
  model?: BasePlusShare;
  /** The funds whose columns are re-run; empty: the whole table. */
  funds: string[];
  h: Hypothetical;
  target?: Place;
  /** The new pot is only what is shared by population ("utöver basen"). */
  restOnly: boolean;
  /** "om potten ökade med 10 %": the document's pot times this, when the question gives no pot in kronor. */
  factor?: Decimal;
}

interface NationalPlan {
  kind: 'national';
  key: KeyFact;
  h: Hypothetical;
  targets: { place: Place; fact: AmountFact }[];
}

/** "om Falun fick 2 mkr totalt, samma fördelning": one row's new total split by its own printed parts. */
interface RowPlan {
  kind: 'row';
  table: TableFact;
  place: Place;
  pot: QuestionAmount;
  /** The columns the question asks for; empty: every part. */
  asked: string[];
}

/** "split in the same proportions", "samma princip": a national pot whose key gives no shares, scaled as the question says. */
interface ScaledPlan {
  kind: 'scaled';
  key: KeyFact;
  pot: QuestionAmount;
  targets: { place: Place; fact: AmountFact }[];
}

type Plan = TablePlan | NationalPlan | RowPlan | ScaledPlan | ({ kind: 'gap' } & WhatIfGap);


/** Why a what-if question cannot be computed, or undefined when it can (or is no what-if). */
export function whatIfGap(input: AnswerInput, override?: WhatIfOverride): WhatIfGap | undefined {
  // A split, unit cost, percentage or part worked out without re-running a key is no gap.
  if (!override && answerScenario(input)) return undefined;
  const plan = planWhatIf(carriedInput(input), override);
  return plan?.kind === 'gap' ? { sv: plan.sv, en: plan.en } : undefined;
}

/** A recalculation's amount (and funds) in place of the question's own (the card's "Räkna om"). */
export interface WhatIfOverride {
  kind: 'pot' | 'rest' | 'base';
  amount: Decimal;
  /** The table's funds to re-run; empty: the whole table. */
  funds?: string[];
}

export function answerWhatIf(outer: AnswerInput, override?: WhatIfOverride): Reply | undefined {
  const input = carriedInput(outer);
  const plan = planWhatIf(input, override);
  if (!plan) return undefined;
  const question = whatIfAsked(outer.u, input.u);
  switch (plan.kind) {
    case 'gap':
      // A follow-up of a what-if that cannot be worked out is said so, never answered without its hypothetical;
      // so is a question whose own words set up the terms ("anta att potten var 300 mkr"), which nothing before read as a what-if.
      if (input.u.carried) return carriedGap(input, plan);
      return input.u.operation !== 'whatif' && !override && posesHypothetical(input.u.text, input.u.lang) ? posedGap(input, plan) : undefined;
    case 'table':
      return rememberWhatIf(tableReply(input, plan), question);
    case 'national':
      return rememberWhatIf(nationalReply(input, plan), question);
    case 'row':
      return rememberWhatIf(rowReply(input, plan), question);
    case 'scaled':
      return rememberWhatIf(scaledReply(input, plan), question);
  }
}

/** The input with a follow-up's carried what-if read into its understanding. */
function carriedInput(input: AnswerInput): AnswerInput & { u: ReturnType<typeof withCarriedWhatIf> } {
  return { ...input, u: withCarriedWhatIf(input.u, input.store) };
}

/** The terms the question sets up cannot be worked out with the documents: said so, with no figure. */
function posedGap(input: AnswerInput, gap: WhatIfGap): Reply {
  const reply = emptyReply('unknown', input.lang, t(input, 'Kan inte räknas fram', 'Cannot be computed'), '');
  reply.text = t(input, `Jag kan inte räkna fram det: ${gap.sv}`, `I cannot work that out: ${gap.en}`);
  return reply;
}

function carriedGap(input: AnswerInput, gap: WhatIfGap): Reply {
  const reply = emptyReply('unknown', input.lang, t(input, 'Kan inte räknas fram', 'Cannot be computed'), '');
  reply.text = t(input, `Jag kan inte räkna fram det med antagandet från förra frågan: ${gap.sv}`, `I cannot work that out with the assumption of the previous question: ${gap.en}`);
  return reply;
}

// ---------------------------------------------------------------------------------------------
// Planning: which key, which figures, which terms.

function planWhatIf(input: AnswerInput, override?: WhatIfOverride): Plan | undefined {
  const { u, store } = input;
  if (!INTENTS.has(u.intent)) return undefined;
  const h = withOverride(readHypothetical(u.text, u.lang), override, input);
  // "om Falun fick 2 mkr totalt, …" is a what-if even where the question reads as a plain sum or value.
  // So is a question that sets up terms of its own ("say the pot were …", "300 mkr nationellt, 5 mkr per län", "om medlen höjts med 10 %").
  if (u.operation !== 'whatif' && !(h.pot && GOT_AMOUNT.test(u.folded)) && !(override === undefined && posesHypothetical(u.text, u.lang))) return undefined;
  const change = h.pot || h.base ? undefined : readChange(u.text);
  if (!h.pot && !h.base && !h.category && !change) {
    return gap(
      'Jag hittar inget nytt belopp i frågan (till exempel ”om potten vore 25 mkr” eller ”med 5 mkr per län”), så jag har inget att räkna om.',
      'I find no new amount in the question (for example “if the pot were SEK 25 million” or “with SEK 5 million per county”), so there is nothing to recompute.',
    );
  }
  const places = placesOf(input);
  // "med samma fördelning": a place's own new total, split as its row of a table is.
  const row = h.sameSplit && h.pot && !h.base && !change ? rowPlan(input, h.pot, places) : undefined;
  if (row) return row;
  const target = places.find((place) => place.kind === 'municipality' || place.kind === 'subregion') ?? places.find((place) => place.kind === 'county');
  // A follow-up's fund is the conversation's ("vad hade vi fått då?" after Jämtland's ungdomsmottagningar).
  const asked = u.funds.length > 0 ? u.funds : u.fund ? [u.fund] : [];
  const nonAggregate = asked.filter((id) => !store.fund(id)?.aggregate);

  // A county and a fund with a national key: the key of the memo that states it.
  const nationalKeys = store.keys().filter((key) => key.recipients === 'county' && nonAggregate.includes(key.fund));
  // National keys share among counties: not when the question speaks of sub-regions or municipalities.
  const ofCounties = h.recipients === undefined || h.recipients === 'county';
  if (target?.kind === 'county' && h.pot && potOfPlace(input, h.pot, target)) return countyTotalGap(input, target, nationalKeys);
  if ((target === undefined || target.kind === 'county') && ofCounties && nationalKeys.length > 0) {
    if (!change) return nationalPlan(input, h, nationalKeys, target);
    // "om den nationella potten ökade med 10 %": the national pot the store has, times the change.
    const fund = nationalKeys[0]!.fund;
    const national = store.amounts({ fund, ...(u.year ? { year: u.year } : {}) }).find((fact) => store.place(fact.place)?.kind === 'country' && !fact.part && !fact.label && !fact.approximate);
    if (!national) return gap('Säg den nya nationella potten i kronor (till exempel ”om potten vore 250 mkr”), så räknar jag med nyckeln.', 'Say the new national pot in kronor (for example “if the pot were SEK 250 million”) and I will work it out with the key.');
    const amount = scaledBy(national.amount, change.factor);
    return nationalPlan(input, { ...h, pot: { amount, text: money(amount, input.lang), index: 0, perRecipient: false, replaced: false } }, nationalKeys, target);
  }

  const tables = store.knowledge.tables.filter(
    (table) =>
      table.rows.length > 1 &&
      (!u.year || table.year === u.year) &&
      (!h.recipients || h.recipients === 'county' || store.place(table.rows[0]!.place)?.kind === h.recipients) &&
      (target
        ? table.rows.some((row) => row.place === target.id || store.place(row.place)?.parent === target.id)
        : u.funds.some((fund) => table.columns.some((column) => column.fund === fund) || table.total?.fund === fund)),
  );
  if (tables.length === 1) {
    const table = tables[0]!;
    const model = table.checks.find((check): check is BasePlusShare => check.kind === 'basePlusShare');
    const funds = override?.funds ?? nonAggregate.filter((fund) => table.columns.some((column) => column.fund === fund));
    if (override?.funds && !override.funds.every((fund) => fundsOfTable(table, model).includes(fund))) {
      return gap(`Tabellen ”${table.title}” (${table.year}) har inte de medlen.`, `The table “${table.title}” (${table.year}) does not have those funds.`);
    }
    if (!model && h.base) {
      return gap(
        `Tabellen ”${table.title}” (${table.year}) har ingen bas, och ingen fördelningsmodell för den finns i dokumentet: en ändrad bas går inte att räkna på.`,
        `The table “${table.title}” (${table.year}) has no base, and the document gives no distribution model for it: a changed base cannot be worked out.`,
      );
    }
    if (h.category) return categoryGap();
    // "om resten för samverkan vore 10 mkr", "if the remainder were 25 million": the part after the bases.
    const restOnly = model !== undefined && (u.part === 'byPopulation' || h.pot?.rest === true) && !h.base;
    if (!model && u.part === 'byPopulation') {
      return gap(`Tabellen ”${table.title}” har ingen bas, så det finns ingen del utöver basen att räkna om.`, `The table “${table.title}” has no base, so there is no part beyond a base to recompute.`);
    }
    return { kind: 'table', table, ...(model ? { model } : {}), funds, h, ...(target && table.rows.some((row) => row.place === target.id) ? { target } : {}), restOnly, ...(change ? { factor: change.factor } : {}) };
  }
  if (tables.length > 1) {
    return gap(
      `Frågan passar flera tabeller (${joinList(tables.map((table) => `${table.title} ${table.year}`), 'sv')}): säg vilket år eller vilka medel.`,
      `The question fits several tables (${joinList(tables.map((table) => `${table.title} ${table.year}`), 'en')}): say which year or which funds.`,
    );
  }
  const what = [target?.name, ...u.funds.map((fund) => fundName(input, fund).toLowerCase())].filter(Boolean).join(', ');
  // What can be recomputed, from the store: the tables with several rows and the stated national keys.
  const known = (lang: 'sv' | 'en') =>
    joinList(
      [
        ...store.knowledge.tables.filter((table) => table.rows.length > 1).map((table) => `${table.title} ${table.year}`),
        ...store.keys().filter((key) => key.key.type !== 'notStated').map((key) => `${store.fund(key.fund)?.name[lang] ?? key.fund} ${key.year}`),
      ],
      lang,
    );
  return gap(
    `Dokumenten ger ingen fördelningsnyckel eller tabell att räkna om för ${what || 'det du frågar om'}${u.year ? ` ${u.year}` : ''}, så jag kan inte uppskatta vad en annan pott skulle ge. Det som går att räkna om: ${known('sv')}.`,
    `The documents give no distribution key or table to recompute for ${what || 'what you ask about'}${u.year ? ` ${u.year}` : ''}, so I cannot estimate what another pot would give. What can be recomputed: ${known('en')}.`,
  );
}

/** "om Falun fick 2 mkr", "if Malmö got SEK 5 million", "Dalarna 2022: if it received …": a conditional clause that gives an amount. */
const GOT_AMOUNT = /^([a-z0-9]+ ){0,3}(om|if|anta att|antag att|suppose)\b.*\b(fick|far|finge|tilldelades|tilldelas|got|gets|received|receives|were given|was given)\b/;

/** "(bas + rest)", "base and remainder": the whole fund asked, its base with the part by population. */
const BASE_AND_REST = /\b(bas|basen|base) (och |and |plus )?(rest|resten|remainder|the rest)\b/;

/**
 * "om moras totala belopp blev 700 000 … med samma fördelning", "om Dalarnas länsgemensamma pott 2022 vore
 * 20 mkr med samma andelar": the amount is the place's own total (the clause names the place, or the
 * question names no other), and the place is a row of a table with several parts. The parts keep the
 * row's printed proportions. Undefined when the amount is a pot shared among places.
 */
function rowPlan(input: AnswerInput, pot: QuestionAmount, places: Place[]): Plan | undefined {
  const { u, store } = input;
  const before = u.text.slice(0, Math.max(pot.index, 0));
  const clause = before.slice(Math.max(before.search(/\b(om|if)\b(?![^]*\b(om|if)\b)/i), 0));
  // "med 8 miljoner totalt till kommunerna, …": the words after the amount, to the clause's end, say whose pot it is too.
  const after = u.text.slice(pot.index + pot.text.length).split(/[,;?]/)[0] ?? '';
  if (NATIONAL_POT.test(foldText(clause)) || RECIPIENTS_POT.test(foldText(`${clause} ${after}`))) return undefined;
  const named = [...new Map(store.placeIndex.mentions(clause).map((match) => [match.place.id, match.place])).values()];
  const owner = named.length === 1 ? named[0] : named.length === 0 && places.length === 1 ? places[0] : undefined;
  // Another place asked is a pot shared among places; a typo match beside the named owner ("delarna" for Dalarna) is no place asked.
  const others = u.places.length > 0 ? u.places.filter((match) => !(match.how === 'typo' && named.length === 1)).map((match) => match.place) : places;
  if (!owner || others.some((place) => place.id !== owner.id && place.kind !== 'country')) return undefined;
  const tables = store.knowledge.tables.filter((table) => table.columns.length > 1 && (!u.year || table.year === u.year) && table.rows.some((row) => row.place === owner.id));
  if (tables.length === 0) return undefined;
  if (tables.length > 1) {
    return gap(
      `${owner.name} har flera tabeller med delar (${joinList(tables.map((table) => `${table.title} ${table.year}`), 'sv')}): säg vilket år.`,
      `${owner.name} has several tables with parts (${joinList(tables.map((table) => `${table.title} ${table.year}`), 'en')}): say which year.`,
    );
  }
  const table = tables[0]!;
  const funds = u.funds.filter((id) => !store.fund(id)?.aggregate);
  const ofFunds = table.columns.filter((column) => funds.includes(column.fund));
  // A fund asked that the row has no part for is said so, never answered with the row's other parts.
  if (funds.length > 0 && ofFunds.length === 0) {
    const names = funds.map((id) => fundName(input, id).toLowerCase());
    return gap(
      `Tabellen ”${table.title}” ${table.year} har ingen del för ${joinList(names, 'sv')} i ${owner.name}s rad, så det finns inget att räkna om för den.`,
      `The table “${table.title}” ${table.year} has no part for ${joinList(names, 'en')} in ${owner.name}'s row, so there is nothing to recompute for it.`,
    );
  }
  const ofPart = u.part ? ofFunds.filter((column) => column.part === u.part) : [];
  const asked = (ofPart.length > 0 ? ofPart : ofFunds).map((column) => column.id);
  return { kind: 'row', table, place: owner, pot, asked };
}
function potOfPlace(input: AnswerInput, pot: QuestionAmount, place: Place): boolean {
  const before = input.u.text.slice(0, pot.index);
  const clause = before.slice(Math.max(before.search(/\b(om|if)\b[^]*$/i), 0));
  if (NATIONAL_POT.test(foldText(clause))) return false;
  const mentions = input.store.placeIndex.mentions(clause);
  if (!mentions.some((match) => match.place.id === place.id)) return false;
  // Only the place and words for all its money: "om dalarnas UM-pengar räknas om med en pott på …" names a fund's pot.
  const placeWords = new Set(mentions.flatMap((match) => match.text.split(' ')));
  return foldText(clause).split(' ').every((word) => word === '' || placeWords.has(word) || /^(19|20)\d\d$/.test(word) || WHOLE_OF_PLACE.has(word));
}

/** Words of a clause that speaks of all of a place's money ("om länsgemensamma medel i Jämtland var", "if Jämtland's county funds were"). */
const WHOLE_OF_PLACE = new Set('om if i in for of the s de det dess dess var vore blev hade skulle were was had would be lansgemensamma lansgemensamt lansgemensam medel medlen pengar pengarna totala totalt total totalen sammanlagda belopp beloppet hela whole all county countys county-wide countywide funds fund money budget allocation allocations get got fick far fatt'.split(' '));

/** "kommunernas pott", "the municipal pot", "medlen till delregionerna": a pot the table's recipients share, not one row's own total. */
const RECIPIENTS_POT = /\b(kommunerna\w*|alla kommuner\w*|delregionerna\w*|alla delregioner\w*|municipal|municipalities\w*|sub-?regional|sub-?regions\w*|subregions\w*)\b/;

const NATIONAL_POT = /\b(nationell\w*|national\w*|riket|landet|alla lan|lanen|all counties|the counties|country)\b/;

/** A county's own total is split among funds by no key in the documents: each fund's amount comes from a national key of its own. */
function countyTotalGap(input: AnswerInput, county: Place, keys: KeyFact[]): Plan {
  const stated = keys.filter((key) => key.key.type !== 'notStated');
  const funds = joinList([...new Set(stated.map((key) => `${fundName(input, key.fund).toLowerCase()} ${key.year}`))], input.lang);
  const example = stated[0] ? fundName(input, stated[0].fund).toLowerCase() : undefined;
  return gap(
    `Dokumenten fördelar inte ${county.name}s totala medel med någon nyckel: varje del kommer ur en egen nationell pott med sin egen nyckel, så vad en annan summa för ${county.name} skulle ge går inte att räkna ut.${stated.length > 0 ? ` Det som går att räkna om är de nationella potterna (${funds}), t.ex. ”om den nationella potten för ${example} vore 150 mkr, hur mycket får ${county.name}?”.` : ''}`,
    `The documents split ${county.name}'s total funds by no key: each part comes from a national pot with a key of its own, so what another total for ${county.name} would give cannot be worked out.${stated.length > 0 ? ` What can be recomputed are the national pots (${funds}), e.g. “if the national ${example} pot were SEK 150 million, how much would ${county.name} get?”.` : ''}`,
  );
}

/** The question's hypothetical with the recalculated amount in place of its pot or base. */
function withOverride(h: Hypothetical, override: WhatIfOverride | undefined, input: AnswerInput): Hypothetical {
  if (!override) return h;
  const amount = { amount: override.amount, text: money(override.amount, input.lang), index: -1, perRecipient: override.kind === 'base', replaced: false };
  return override.kind === 'base' ? { ...h, base: amount } : { ...h, pot: amount };
}

/** The funds a table's columns are re-run for: the stated model's, or the table's own columns'. */
function fundsOfTable(table: TableFact, model: BasePlusShare | undefined): string[] {
  const funds = model ? model.columns.map((pair) => table.columns.find((column) => column.id === pair.share)!.fund) : table.columns.map((column) => column.fund);
  return [...new Set(funds)];
}

/** The card's calculator: the what-if's essentials, the amount used, the table's funds to choose from. */
function calculatorOf(input: AnswerInput, frame: Omit<Calculator['frame'], 'lang'>, funds: string[], whole: boolean): Calculator {
  // A choice of one fund or all of them; a combination the question names is kept as it is.
  const choices = funds.length > 1 && frame.funds.length <= 1 ? [...(whole ? [{ value: ALL_FUNDS, title: t(input, 'Alla medel', 'All funds') }] : []), ...funds.map((fund) => ({ value: fund, title: fundName(input, fund) }))] : [];
  return { frame: { lang: input.lang, ...frame }, funds: choices };
}

function gap(sv: string, en: string): Plan {
  return { kind: 'gap', sv, en };
}

function categoryGap(): Plan {
  return gap(
    'Ingen nyckel i dokumenten ger den kategorin ett eget belopp för det du frågar om, så jag kan inte räkna på den.',
    'No key in the documents gives that category an amount of its own for what you ask about, so I cannot work with it.',
  );
}

/** The places named, in the order named; the conversation's place when none is. */
function placesOf(input: AnswerInput): Place[] {
  const { u, store } = input;
  const named = [...u.places].sort((a, b) => a.start - b.start).map((match) => match.place);
  if (named.length > 0) return named;
  const carried = u.place ? store.place(u.place) : undefined;
  return carried ? [carried] : [];
}

function nationalPlan(input: AnswerInput, h: Hypothetical, keys: KeyFact[], target: Place | undefined): Plan {
  const { u, store } = input;
  const fund = keys[0]!.fund;
  const inYear = keys.filter((key) => key.fund === fund && (!u.year || key.year === u.year));
  const key = inYear[0];
  const name = fundName(input, fund).toLowerCase();
  if (!key) {
    const years = joinList([...new Set(keys.filter((k) => k.fund === fund).map((k) => String(k.year)))], input.lang);
    return gap(`Dokumenten ger en nyckel för de nationella ${name}smedlen bara för ${years}, inte för ${u.year}.`, `The documents give a key for the national ${name} funds only for ${years}, not for ${u.year}.`);
  }
  const quote = key.source.quote;
  // The question's own principle: with no shares in the key (or fixed amounts), every county keeps its share of the pot.
  const scalable = key.key.type === 'notStated' || (key.key.type === 'fixed' && !h.base && !h.category);
  if (scalable && h.pot && (h.sameSplit || h.sameKey)) {
    const places = target ? [target] : key.verifyAgainst.map((id) => store.place(id)).filter((place): place is Place => place !== undefined);
    const targets = places.flatMap((place) => {
      const fact = store.amounts({ place: place.id, fund, year: key.year }).find((amount) => amount.status === 'stated' && !amount.part && !amount.label);
      return fact ? [{ place, fact }] : [];
    });
    if (targets.length > 0) return { kind: 'scaled', key, pot: h.pot, targets };
  }
  if (key.key.type === 'notStated') {
    return gap(
      `Dokumentet anger ingen fördelningsnyckel för de nationella medlen till ${name} ${key.year} (”${quote}”), så vad en annan pott skulle ge kan inte räknas ut. Om varje län ska behålla sin andel, fråga ”… fördelad i samma proportioner”.`,
      `The document gives no distribution key for the national ${name} funds of ${key.year} (“${quote}”, in Swedish), so what another pot would give cannot be worked out. If every county is to keep its share, ask “… split in the same proportions”.`,
    );
  }
  const places = target ? [target] : key.verifyAgainst.map((id) => store.place(id)).filter((place): place is Place => place !== undefined);
  const targets = places.flatMap((place) => {
    const fact = store.amounts({ place: place.id, fund, year: key.year }).find((amount) => amount.status === 'stated' && !amount.part && !amount.label);
    return fact ? [{ place, fact }] : [];
  });
  if (targets.length === 0) {
    const who = target?.name ?? t(input, 'något län', 'any county');
    return gap(
      `Dokumenten har inget belopp för ${who} under ${key.year} års nyckel för ${name}, så dess andel av potten kan inte räknas ut.`,
      `The documents have no amount for ${who} under the ${key.year} key for ${name}, so its share of the pot cannot be worked out.`,
    );
  }
  if (key.key.type === 'fixed') {
    if (h.category) {
      const exception = matchingException(key, h.category);
      if (!exception) return categoryGap();
    } else if (!h.base) {
      return gap(
        `Nyckeln för ${name} ${key.year} ger fasta belopp (”${quote}”), inte andelar: hur en pott på ${money(h.pot!.amount, input.lang)} skulle fördelas anger dokumentet inte. Fråga gärna med ett annat belopp per län.`,
        `The key for ${name} ${key.year} gives fixed amounts (“${quote}”, in Swedish), not shares: how a pot of ${money(h.pot!.amount, input.lang)} would be split the document does not say. You can ask with another amount per county.`,
      );
    }
  } else if (h.category) {
    return categoryGap();
  }
  if (key.key.type === 'proRata' && h.base) {
    return gap(
      `Nyckeln för ${name} ${key.year} har ingen bas per län (”${quote}”); en modell med bas anger dokumentet inte.`,
      `The key for ${name} ${key.year} has no base per county (“${quote}”, in Swedish); the document gives no model with a base.`,
    );
  }
  if (key.key.type === 'basePlusProRata' && !countiesOf(input, key)) {
    return gap('Antalet län som delar potten står inte i dokumenten, så andelen kan inte räknas ut.', 'The number of counties sharing the pot is not in the documents, so the share cannot be worked out.');
  }
  return { kind: 'national', key, h, targets };
}

/** The fixed key's exception a category names: "storstadslän" for "de tre storstadslänen". */
function matchingException(key: KeyFact, category: string[]) {
  if (key.key.type !== 'fixed') return undefined;
  return key.key.exceptions.find((exception) => {
    const words = foldText(exception.description).split(' ');
    return category.some((asked) => asked.length >= 6 && words.some((word) => word.startsWith(asked) || (word.length >= 6 && asked.startsWith(word))));
  });
}

/** The fixed key that says how many counties there are (24 Mkr as 1 Mkr each and 2 Mkr for three). */
function countiesOf(input: AnswerInput, key: KeyFact): { count: number; counted: KeyFact } | undefined {
  const counted = input.store.keys({ year: key.year, place: key.place }).find((entry) => entry.key.type === 'fixed' && entry.recipients === key.recipients);
  const count = counted ? recipientsOfFixedKey(counted) : undefined;
  return counted && count && count.isInteger() ? { count: count.toNumber(), counted } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Tables: the Skåne sub-region model and the split by each row's share of the table.

interface TableColumnPair {
  fund: string;
  base?: { amount: Decimal };
  share: { id: string; label: string };
}

function tableReply(input: AnswerInput, plan: TablePlan): Reply {
  const { store } = input;
  const { table, model, h } = plan;
  const say = new Provenance(input);
  const factsOf = (place: string, label: string) => store.amounts({ place, year: table.year }).find((fact) => fact.table?.id === table.id && fact.table.column === label);
  const columnTotalPlace = table.columnTotals?.place;

  // The columns re-run: a fund's share column (with its base), every such column, or the row total.
  let pairs: TableColumnPair[];
  if (model) {
    pairs = model.columns
      .map((pair) => {
        const share = table.columns.find((column) => column.id === pair.share)!;
        return { fund: share.fund, base: { amount: parseSek(pair.baseAmount) }, share: { id: share.id, label: share.label } };
      })
      .filter((pair) => plan.funds.length === 0 || plan.funds.includes(pair.fund));
  } else {
    const columns = table.columns.filter((column) => plan.funds.includes(column.fund));
    pairs = columns.length > 0 ? columns.map((column) => ({ fund: column.fund, share: { id: column.id, label: column.label } })) : [{ fund: table.total!.fund, share: { id: 'total', label: table.total!.label } }];
  }
  const rows = table.rows.map((row) => {
    const facts = pairs.map((pair) => factsOf(row.place, pair.share.label)).filter((fact): fact is AmountFact => fact !== undefined);
    return { place: store.place(row.place)!, facts, weight: facts.reduce((sum, fact) => sum.plus(fact.amount), new Decimal(0)) };
  });
  const totals = columnTotalPlace ? pairs.map((pair) => factsOf(columnTotalPlace, pair.share.label)).filter((fact): fact is AmountFact => fact !== undefined) : [];
  const documentBase = pairs.reduce((sum, pair) => sum.plus(pair.base?.amount ?? 0), new Decimal(0));
  const weightTotal = rows.reduce((sum, row) => sum.plus(row.weight), new Decimal(0));
  const count = rows.length;
  // The pot as the document has it: the printed totals of what is shared, plus the bases.
  const printedShared = totals.length === pairs.length ? totals.reduce((sum, fact) => sum.plus(fact.amount), new Decimal(0)) : weightTotal;
  const documentPot = printedShared.plus(documentBase.times(count));

  const base = plan.restOnly ? undefined : model ? (h.base?.amount ?? documentBase) : undefined;
  // A changed base alone keeps the document's pot: the rest shrinks or grows.
  const documentOrRest = plan.restOnly ? printedShared : documentPot;
  const pot = h.pot ? h.pot.amount : plan.factor ? scaledBy(documentOrRest, plan.factor) : documentOrRest;
  const wholeKronor = rows.every((row) => row.weight.isInteger());
  const unit: RoundingUnit = wholeKronor && isWholeUnits(pot, 'krona') ? 'krona' : 'ore';
  // A changed base alone has two readings: (a) the document's pot re-split, (b) the parts by
  // population as printed and the pot growing. Only (b) when the pot cannot cover the new bases.
  const baseOnly = model !== undefined && h.base !== undefined && !h.pot && !plan.restOnly;
  if (base && pot.lessThan(base.times(count))) {
    return baseOnly ? keptSharesReply(input, say, plan, rows, base, documentPot, printedShared) : tooSmall(input, pot, base, count, table);
  }
  const allocation = allocateByTable({ rows: rows.map((row) => ({ id: row.place.id, weight: row.weight })), pot, ...(base ? { base } : {}), unit });

  const what = whatName(input, plan, pairs);
  const targetIndex = plan.target ? rows.findIndex((row) => row.place.id === plan.target!.id) : -1;
  const target = targetIndex >= 0 ? { row: rows[targetIndex]!, part: allocation.parts[targetIndex]! } : undefined;
  const inputs = [...rows.flatMap((row) => row.facts), ...totals];
  const reply = emptyReply(target ? 'amount' : 'list', input.lang, '', '');
  const lead = leadOf(input, plan, what, pot, documentBase);
  const estimate = (amount: Decimal) => estimateWords(say, input, amount, inputs.map((fact) => fact.id), model ? t(input, 'dokumentets modell', "the document's model") : t(input, 'tabellens andelar', "the table's shares"));

  // The figure asked for: the target's amount (or its part by share), or the bases together.
  const asksBaseTotal = !target && input.u.part === 'base' && h.base !== undefined;
  if (target) {
    // A new rest with the base asked too ("inkl. basen", "bas + rest"): the document's base on top of the new part.
    const restWithBase = plan.restOnly && model !== undefined && (v.WITH_BASE.test(input.u.folded) || BASE_AND_REST.test(input.u.folded));
    const byShareOnly = !restWithBase && (plan.restOnly || (input.u.part === 'byPopulation' && !h.base));
    const amount = restWithBase ? documentBase.plus(target.part.byShare) : byShareOnly ? target.part.byShare : target.part.amount;
    reply.figure = money(amount, input.lang);
    reply.title = t(input, `Uppskattning: ${target.row.place.name}, ${what}`, `Estimate: ${target.row.place.name}, ${what}`);
    reply.text = t(input, `${lead} skulle ${target.row.place.name} få ${estimate(amount)}`, `${lead}, ${target.row.place.name} would get ${estimate(amount)}`);
    if (restWithBase) {
      reply.text += t(
        input,
        `: ${money(target.part.byShare, 'sv')} efter befolkning och ${money(documentBase, 'sv')} i bas som i dokumentet.`,
        `: ${money(target.part.byShare, 'en')} by population and ${money(documentBase, 'en')} in base as in the document.`,
      );
    } else if (base && !byShareOnly) reply.text += t(input, `: ${money(base, 'sv')} i bas och ${money(target.part.byShare, 'sv')} efter befolkning.`, `: ${money(base, 'en')} in base and ${money(target.part.byShare, 'en')} by population.`);
    else reply.text += '.';
  } else if (asksBaseTotal) {
    const bases = base!.times(count);
    reply.figure = money(bases, input.lang);
    reply.title = t(input, `Uppskattning: bas totalt, ${what}`, `Estimate: base in total, ${what}`);
    reply.text = t(
      input,
      `${lead} blir basen totalt ${money(bases, 'sv')} (uppskattning: ${count} × ${money(base!, 'sv')}), mot ${money(documentBase.times(count), 'sv')} enligt dokumentets modell. Med samma pott, ${money(pot, 'sv')}, återstår ${money(allocation.rest, 'sv')} att fördela efter befolkning.`,
      `${lead}, the base in total is ${money(bases, 'en')} (estimate: ${count} × ${money(base!, 'en')}), against ${money(documentBase.times(count), 'en')} under the document's model. With the same pot, ${money(pot, 'en')}, ${money(allocation.rest, 'en')} is left to share by population.`,
    );
  } else {
    reply.figure = money(pot, input.lang);
    reply.title = t(input, `Uppskattning: ${what}`, `Estimate: ${what}`);
    reply.text = t(input, `${lead} skulle fördelningen bli (uppskattning): `, `${lead}, the split would be (estimate): `) + rows.map((row, i) => `${row.place.name} ${money(allocation.parts[i]!.amount, input.lang)}`).join(', ') + '.';
  }
  if (baseOnly && !asksBaseTotal) {
    const [head, ...terms] = reply.text.split(': ');
    reply.text = `${head}, ${t(input, 'två läsningar. (a) Samma pott:', 'two readings. (a) The same pot:')} ${terms.join(': ')} ${t(input, '(b) Delen efter befolkning som i tabellen:', '(b) The part by population as printed:')} ${keptSharesWords(input, say, plan, rows, base!, printedShared)}`;
  }
  // The rows asked: the target alone when one is asked, each with its share, never its amount today.
  reply.rows = rows.flatMap((row, i): ReplyRow[] =>
    target && row !== target.row
      ? []
      : [{ label: row.place.name, value: money(allocation.parts[i]!.amount, input.lang), note: shareNote(input, allocation.parts[i]!.share, model !== undefined && !plan.restOnly) }],
  );
  reply.derivation = tableSteps(input, say, plan, allocation, rows, totals, target?.row.place.id, pot);
  if (target && plan.restOnly && model && (v.WITH_BASE.test(input.u.folded) || BASE_AND_REST.test(input.u.folded))) {
    reply.derivation.push(t(input, `${target.row.place.name} med bas: ${money(target.part.byShare, 'sv')} + ${money(documentBase, 'sv')} = ${money(documentBase.plus(target.part.byShare), 'sv')}`, `${target.row.place.name} with the base: ${money(target.part.byShare, 'en')} + ${money(documentBase, 'en')} = ${money(documentBase.plus(target.part.byShare), 'en')}`));
  }
  // A total of bases does not depend on the pot: nothing to recompute with another one.
  if (!asksBaseTotal) {
    const frame = { kind: plan.restOnly ? ('rest' as const) : ('pot' as const), ...(plan.target ? { place: plan.target.id } : {}), funds: plan.funds, year: table.year, amount: pot.toFixed() };
    reply.calculator = calculatorOf(input, frame, fundsOfTable(table, model), model !== undefined || table.total !== undefined);
  }
  reply.notes.push(...estimateNotes(input));
  const reconstructed = inputs.filter((fact) => fact.status === 'reconstructed');
  if (reconstructed.length > 0) {
    const sentence = reconstructedNote(input, reconstructed);
    say.add([{ status: 'reconstructed', facts: reconstructed.map((fact) => fact.id), words: sentence }]);
    reply.notes.push(sentence);
  }
  return finishReply(store, reply, say, []);
}

/** A row's note: its share of what is shared ("13,2270 % av delen efter befolkning"), not what it gets today. */
function shareNote(input: AnswerInput, share: Decimal, byPopulation: boolean): string {
  return byPopulation
    ? t(input, `${formatPercent(share, 'sv', 4)} av delen efter befolkning`, `${formatPercent(share, 'en', 4)} of the part by population`)
    : t(input, `andel ${formatPercent(share, 'sv', 4)}`, `share ${formatPercent(share, 'en', 4)}`);
}

/** "Andelarna bygger på 3 rekonstruerade celler: Nordväst (tryckt som ”s11188”), …": the places and the printed text, not the amounts. */
function reconstructedNote(input: AnswerInput, facts: AmountFact[]): string {
  const { store } = input;
  const n = facts.length;
  const cells = facts.map((fact) => {
    const place = store.place(fact.place)?.name ?? fact.place;
    const column = fact.table?.column ? `, ${fact.table.column.toLowerCase()}` : '';
    const printed = fact.reconstruction?.printed ?? '';
    return t(input, `${place}${column} (tryckt som ”${printed}”)`, `${place}${column} (printed as “${printed}”)`);
  });
  return t(
    input,
    `Andelarna bygger på ${n} ${n === 1 ? 'rekonstruerad cell' : 'rekonstruerade celler'}: ${cells.join(', ')}.`,
    `The shares rest on ${n} reconstructed ${n === 1 ? 'cell' : 'cells'}: ${cells.join(', ')}.`,
  );
}

// ---------------------------------------------------------------------------------------------
// One row with a new total: each part keeps its printed share of the row.

function rowReply(input: AnswerInput, plan: RowPlan): Reply {
  const { store } = input;
  const { table, place, pot } = plan;
  const say = new Provenance(input);
  const factOf = (label: string) => store.amounts({ place: place.id, year: table.year }).find((fact) => fact.table?.id === table.id && fact.table.column === label);
  const parts = table.columns.flatMap((column) => {
    const fact = factOf(column.label);
    return fact ? [{ column, fact }] : [];
  });
  const printedTotal = table.total ? factOf(table.total.label) : undefined;
  const unit: RoundingUnit = isWholeUnits(pot.amount, 'krona') ? 'krona' : 'ore';
  // The shares are each part over the parts together, so that they add up to one; a printed total rounded to kronor is said beside.
  const allocation = allocateByTable({ rows: parts.map(({ column, fact }) => ({ id: column.id, weight: fact.amount })), pot: pot.amount, unit });
  const weightTotal = allocation.weightTotal;
  const partName = (column: TableFact['columns'][number]) => {
    const name = fundName(input, column.fund);
    return column.part ? `${name} ${column.part === 'base' ? t(input, '(bas)', '(base)') : t(input, '(efter befolkning)', '(by population)')}` : name;
  };
  const asked = parts.map((part, index) => ({ ...part, result: allocation.parts[index]! })).filter(({ column }) => plan.asked.includes(column.id));
  const amount = asked.reduce((sum, { result }) => sum.plus(result.amount), new Decimal(0));
  const facts = parts.map(({ fact }) => fact);
  const how = t(input, `samma andelar som i tabellen ”${table.title}” ${table.year}`, `the same shares as in the table “${table.title}” ${table.year}`);
  const reply = emptyReply(asked.length > 0 ? 'amount' : 'list', input.lang, '', '');
  const askedName = joinList(asked.map(({ column }) => partName(column).toLowerCase()), input.lang);
  const lead = t(input, `Uppskattning, inget beslut: med ${money(pot.amount, 'sv')} totalt för ${place.name} ${table.year} och samma andelar som i dokumentet`, `Estimate, not a decision: with ${money(pot.amount, 'en')} in total for ${place.name} ${table.year} and the same shares as in the document`);
  if (asked.length > 0) {
    reply.figure = money(amount, input.lang);
    reply.title = t(input, `Uppskattning: ${place.name}, ${askedName} ${table.year}`, `Estimate: ${place.name}, ${askedName} ${table.year}`);
    reply.text = t(
      input,
      `${lead} blir ${askedName} ${estimateWords(say, input, amount, facts.map((fact) => fact.id), how)}.`,
      `${lead}, ${askedName} would be ${estimateWords(say, input, amount, facts.map((fact) => fact.id), how)}.`,
    );
  } else {
    reply.figure = money(pot.amount, input.lang);
    reply.title = t(input, `Uppskattning: ${place.name} ${table.year}, samma andelar`, `Estimate: ${place.name} ${table.year}, the same shares`);
    reply.text = t(input, `${lead} blir delarna (uppskattning): `, `${lead}, the parts would be (estimate): `) + parts.map(({ column }, index) => `${partName(column).toLowerCase()} ${money(allocation.parts[index]!.amount, input.lang)}`).join(', ') + '.';
    say.add([{ status: 'derived', facts: facts.map((fact) => fact.id), words: reply.text }]);
  }
  reply.rows = parts.map(({ column }, index) => ({ label: partName(column), value: money(allocation.parts[index]!.amount, input.lang), note: shareNote(input, allocation.parts[index]!.share, false) }));
  const steps = [
    t(
      input,
      `Ingen nyckel för hur ${place.name}s belopp delas står i dokumentet; enligt frågan behåller delarna sina andelar av raden i tabellen ${table.year} (av delarna tillsammans).`,
      `No key for how ${place.name}'s amount is split is given in the document; as the question says, the parts keep their shares of the row in the ${table.year} table (of the parts together).`,
    ),
  ];
  if (printedTotal && !printedTotal.amount.equals(weightTotal)) {
    steps.push(t(input, 'Tabellens total för raden är avrundad; andelarna räknas på delarnas summa.', "The table's total for the row is rounded; the shares are worked out of the parts' sum."));
  }
  const shown = asked.length > 0 ? asked.map(({ column }) => column.id) : parts.map(({ column }) => column.id);
  parts.forEach(({ column, fact }, index) => {
    if (!shown.includes(column.id)) return;
    const part = allocation.parts[index]!;
    steps.push(`${partName(column)}: ${claimWords(say, [fact], `${formatPercent(part.share, input.lang, 4)} ${t(input, 'av raden', 'of the row')}`)}; ${formatPercent(part.share, input.lang, 4)} × ${money(pot.amount, input.lang)} = ${money(new Decimal(part.exact).toDecimalPlaces(2, Decimal.ROUND_HALF_UP), input.lang)} → ${money(part.amount, input.lang)}`);
  });
  steps.push(roundingStep(input, unit, pot.amount));
  reply.derivation = steps;
  reply.notes.push(...estimateNotes(input));
  const reconstructed = facts.filter((fact) => fact.status === 'reconstructed');
  if (reconstructed.length > 0) {
    const sentence = reconstructedNote(input, reconstructed);
    say.add([{ status: 'reconstructed', facts: reconstructed.map((fact) => fact.id), words: sentence }]);
    reply.notes.push(sentence);
  }
  return finishReply(store, reply, say, []);
}

/** "suicidprevention utöver basen", "medlen till kommunerna": what the new pot is. */
function whatName(input: AnswerInput, plan: TablePlan, pairs: TableColumnPair[]): string {
  const funds = pairs.map((pair) => (input.store.fund(pair.fund)?.aggregate ? plan.table.title : fundName(input, pair.fund)).toLowerCase());
  const scope = plan.model ? t(input, 'delregionerna', 'the sub-regions') : t(input, 'kommunerna', 'the municipalities');
  const whole = plan.funds.length === 0 ? t(input, `alla medel till ${scope} ${plan.table.year}`, `all funds to ${scope} ${plan.table.year}`) : `${joinList(funds, input.lang)} ${plan.table.year}`;
  return plan.restOnly ? t(input, `${whole} utöver basen`, `${whole} beyond the base`) : whole;
}

/** "Uppskattning, inget beslut: med 25 000 000 kr till …": the terms of the estimate. */
function leadOf(input: AnswerInput, plan: TablePlan, what: string, pot: Decimal, documentBase: Decimal): string {
  const { h } = plan;
  const baseWords = !plan.model
    ? ''
    : plan.restOnly
      ? ''
      : h.base
        ? t(input, ` och ${money(h.base.amount, 'sv')} i bas per delregion`, ` and ${money(h.base.amount, 'en')} base per sub-region`)
        : t(input, ` och samma bas som i dokumentet (${money(documentBase, 'sv')} per delregion)`, ` and the same base as in the document (${money(documentBase, 'en')} per sub-region)`);
  const factor = plan.factor?.toFixed().replace('.', input.lang === 'sv' ? ',' : '.');
  const potWords = h.pot
    ? money(pot, input.lang)
    : factor
      ? t(input, `dokumentets pott × ${factor} (${money(pot, 'sv')})`, `the document's pot × ${factor} (${money(pot, 'en')})`)
      : t(input, `samma pott som i dokumentet (${money(pot, 'sv')})`, `the same pot as in the document (${money(pot, 'en')})`);
  return t(input, `Uppskattning, inget beslut: med ${potWords} för ${what}${baseWords}`, `Estimate, not a decision: with ${potWords} for ${what}${baseWords}`);
}

function estimateWords(say: Provenance, input: AnswerInput, amount: Decimal, facts: string[], how: string): string {
  const words = t(input, `${money(amount, 'sv')} (uppskattning, beräknad med ${how})`, `${money(amount, 'en')} (estimate, derived with ${how})`);
  const claim: Claim = { status: 'derived', facts, words };
  say.add([claim]);
  return words;
}

/** The steps: the model, the pot split into bases and rest, the shares, the rounding. */
function tableSteps(
  input: AnswerInput,
  say: Provenance,
  plan: TablePlan,
  allocation: WhatIfAllocation,
  rows: { place: Place; facts: AmountFact[]; weight: Decimal }[],
  totals: AmountFact[],
  targetId: string | undefined,
  pot: Decimal,
): string[] {
  const { table, model } = plan;
  const lang = input.lang;
  const steps: string[] = [];
  if (model) steps.push(say.model(table, model.statedIn.quote));
  else {
    steps.push(
      t(
        input,
        `Ingen fördelningsnyckel för ”${table.title}” står i dokumentet; uppskattningen fördelar potten efter varje rads andel av tabellen ${table.year}.`,
        `No distribution key for “${table.title}” is given in the document; the estimate shares the pot by each row's share of the ${table.year} table.`,
      ),
    );
  }
  const count = rows.length;
  if (allocation.base.gt(0)) {
    steps.push(t(input, `${money(pot, 'sv')} = ${count} × ${money(allocation.base, 'sv')} i bas + ${money(allocation.rest, 'sv')} efter befolkning`, `${money(pot, 'en')} = ${count} × ${money(allocation.base, 'en')} base + ${money(allocation.rest, 'en')} by population`));
  }
  const rowFacts = rows.flatMap((row) => row.facts);
  const printedTotal = totals.reduce((sum, fact) => sum.plus(fact.amount), new Decimal(0));
  let whole: string;
  if (totals.length === 0) whole = say.unprintedSum(rowFacts);
  else if (!printedTotal.equals(allocation.weightTotal)) {
    // The rows' figures, not the printed totals, are shared out: where the two differ by rounding, say so.
    const words = t(
      input,
      `${money(allocation.weightTotal, 'sv')} (beräknat: radernas ${rowFacts.length} belopp tillsammans; tabellens kolumnsummor ger ${money(printedTotal, 'sv')}, skillnaden är avrundning i tabellen)`,
      `${money(allocation.weightTotal, 'en')} (derived: the rows' ${rowFacts.length} amounts together; the table's column totals give ${money(printedTotal, 'en')}, the difference is the table's rounding)`,
    );
    say.add([{ status: 'derived', facts: rowFacts.map((fact) => fact.id), value: allocation.weightTotal.toFixed(), words }]);
    whole = words;
  } else whole = totals.length === 1 ? say.marked(totals[0]!) : say.computed(totals);
  steps.push(t(input, `Andelarna är radernas del av ${whole}${model ? ', det som tabellen fördelar efter befolkning' : ''}.`, `The shares are each row's part of ${whole}${model ? ', what the table shares by population' : ''}.`));
  const shown = targetId ? rows.filter((row) => row.place.id === targetId) : rows;
  const ofWhat = model ? t(input, 'tabellens del efter befolkning', "the table's part by population") : t(input, 'tabellens summa', "the table's sum");
  for (const row of shown) {
    const index = rows.indexOf(row);
    const part = allocation.parts[index]!;
    const shareWords = claimWords(say, row.facts, `${formatPercent(part.share, lang, 4)} ${t(input, 'av', 'of')} ${money(allocation.weightTotal, lang)} (${ofWhat})`);
    steps.push(
      `${row.place.name}: ${shareWords}; ${formatPercent(part.share, lang, 4)} × ${money(allocation.rest, lang)} = ${money(new Decimal(part.exact).minus(part.base).toDecimalPlaces(2, Decimal.ROUND_HALF_UP), lang)}${allocation.base.gt(0) ? ` + ${money(part.base, lang)} ${t(input, 'bas', 'base')}` : ''} → ${money(part.amount, lang)}`,
    );
  }
  steps.push(roundingStep(input, allocation.unit, pot));
  return steps;
}

/** Words derived from the facts, recorded as a claim. */
function claimWords(say: Provenance, facts: AmountFact[], words: string): string {
  say.add([{ status: 'derived', facts: facts.map((fact) => fact.id), words }]);
  return words;
}

function roundingStep(input: AnswerInput, unit: RoundingUnit, pot: Decimal): string {
  return unit === 'krona'
    ? t(input, `Avrundat till hela kronor med största resten, så att delarna tillsammans blir exakt ${money(pot, 'sv')}.`, `Rounded to whole kronor by largest remainder, so that the parts make up exactly ${money(pot, 'en')}.`)
    : t(input, `Avrundat till hela ören med största resten, så att delarna tillsammans blir exakt ${money(pot, 'sv')}.`, `Rounded to whole öre by largest remainder, so that the parts make up exactly ${money(pot, 'en')}.`);
}

type ShareRows = { place: Place; facts: AmountFact[]; weight: Decimal }[];

/** Reading (b) of a changed base: each row's printed part by population plus the new base; the pot grows. */
function keptSharesWords(input: AnswerInput, say: Provenance, plan: TablePlan, rows: ShareRows, base: Decimal, printedShared: Decimal): string {
  const count = rows.length;
  const newPot = printedShared.plus(base.times(count));
  const shown = plan.target ? rows.filter((row) => row.place.id === plan.target!.id) : rows;
  const how = t(input, 'tabellens del efter befolkning och den nya basen', "the table's part by population and the new base");
  const parts = shown.map((row) => {
    const printed = row.facts.length === 1 ? say.marked(row.facts[0]!) : say.computed(row.facts);
    return `${row.place.name} ${money(base, input.lang)} + ${printed} = ${estimateWords(say, input, base.plus(row.weight), row.facts.map((fact) => fact.id), how)}`;
  });
  return t(
    input,
    `${parts.join('; ')}. Potten blir då ${count} × ${money(base, 'sv')} + ${money(printedShared, 'sv')} = ${money(newPot, 'sv')}.`,
    `${parts.join('; ')}. The pot then becomes ${count} × ${money(base, 'en')} + ${money(printedShared, 'en')} = ${money(newPot, 'en')}.`,
  );
}

/** A changed base the document's pot cannot cover: only reading (b), the parts by population kept. */
function keptSharesReply(input: AnswerInput, say: Provenance, plan: TablePlan, rows: ShareRows, base: Decimal, documentPot: Decimal, printedShared: Decimal): Reply {
  const { table } = plan;
  const count = rows.length;
  const target = plan.target ? rows.find((row) => row.place.id === plan.target!.id) : undefined;
  const funds = joinList(plan.funds.map((fund) => fundName(input, fund).toLowerCase()), input.lang);
  const reply = emptyReply(target ? 'amount' : 'list', input.lang, t(input, `Uppskattning: ${target ? `${target.place.name}, ` : ''}${funds} ${table.year} med ny bas`, `Estimate: ${target ? `${target.place.name}, ` : ''}${funds} ${table.year} with a new base`), '');
  reply.figure = money(target ? base.plus(target.weight) : printedShared.plus(base.times(count)), input.lang);
  reply.text = t(
    input,
    `Uppskattning, inget beslut, med ${money(base, 'sv')} i bas per delregion och delen efter befolkning som i tabellen ${table.year}: ${keptSharesWords(input, say, plan, rows, base, printedShared)} Med dokumentets pott, ${money(documentPot, 'sv')}, går det inte: basen blir ${count} × ${money(base, 'sv')} = ${money(base.times(count), 'sv')}.`,
    `Estimate, not a decision, with ${money(base, 'en')} base per sub-region and the part by population as in the ${table.year} table: ${keptSharesWords(input, say, plan, rows, base, printedShared)} With the document's pot, ${money(documentPot, 'en')}, it cannot be done: the bases come to ${count} × ${money(base, 'en')} = ${money(base.times(count), 'en')}.`,
  );
  reply.rows = rows.map((row) => ({ label: row.place.name, value: money(base.plus(row.weight), input.lang), note: t(input, `efter befolkning ${money(row.weight, 'sv')}`, `by population ${money(row.weight, 'en')}`) }));
  reply.derivation = [say.model(table, plan.model!.statedIn.quote), ...rows.map((row) => `${row.place.name}: ${money(base, input.lang)} + ${money(row.weight, input.lang)} = ${money(base.plus(row.weight), input.lang)}`)];
  reply.notes.push(...estimateNotes(input));
  return finishReply(input.store, reply, say, []);
}

function tooSmall(input: AnswerInput, pot: Decimal, base: Decimal, count: number, table: TableFact): Reply {
  const reply = emptyReply('unknown', input.lang, t(input, 'Potten räcker inte till basen', 'The pot does not cover the bases'), '');
  reply.text = t(
    input,
    `Med ${money(pot, 'sv')} räcker potten inte till basen: ${count} × ${money(base, 'sv')} = ${money(base.times(count), 'sv')} (${table.title} ${table.year}). Ange en större pott eller en mindre bas.`,
    `With ${money(pot, 'en')} the pot does not cover the bases: ${count} × ${money(base, 'en')} = ${money(base.times(count), 'en')} (${table.title} ${table.year}). Give a larger pot or a smaller base.`,
  );
  return reply;
}

/** Each county's printed amount scaled by the new pot over the printed one: the shares kept, as the question asks. */
function scaledReply(input: AnswerInput, plan: ScaledPlan): Reply {
  const { store } = input;
  const { key, pot, targets } = plan;
  const say = new Provenance(input);
  const printedPot = parseSek(key.pot);
  const name = fundName(input, key.fund).toLowerCase();
  const results = targets.map(({ place, fact }) => ({ place, fact, share: fact.amount.dividedBy(printedPot), amount: fact.amount.times(pot.amount).dividedBy(printedPot).toDecimalPlaces(2, Decimal.ROUND_HALF_UP) }));
  const first = results[0]!;
  const reply = emptyReply('amount', input.lang, t(input, `Uppskattning: ${results.map((r) => r.place.name).join(', ')}, ${name} ${key.year}`, `Estimate: ${results.map((r) => r.place.name).join(', ')}, ${name} ${key.year}`), '');
  reply.figure = money(first.amount, input.lang);
  const lines = results.map((r) =>
    t(
      input,
      `skulle ${r.place.name} få ${estimateWords(say, input, r.amount, [r.fact.id, key.id], `${r.place.name}s andel av den nationella potten`)}`,
      `${r.place.name} would get ${estimateWords(say, input, r.amount, [r.fact.id, key.id], `${r.place.name}'s share of the national pot`)}`,
    ),
  );
  reply.text = t(
    input,
    `Uppskattning, inget beslut: om den nationella potten för ${name} ${key.year} vore ${money(pot.amount, 'sv')} och fördelades i samma proportioner som i dokumentet, ${lines.join('; ')}.`,
    `Estimate, not a decision: if the national ${name} pot for ${key.year} were ${money(pot.amount, 'en')} and split in the same proportions as in the document, ${lines.join('; ')}.`,
  );
  reply.rows = results.map((r) => ({ label: r.place.name, value: money(r.amount, input.lang), note: t(input, `${formatPercent(r.share, 'sv', 4)} av potten`, `${formatPercent(r.share, 'en', 4)} of the pot`) }));
  reply.derivation = [
    t(
      input,
      `Enligt frågan behåller varje län sin andel av den nationella potten (${money(printedPot, 'sv')}, ”${key.source.quote}”); dokumentet ger ingen nyckel för en annan pott.`,
      `As the question says, every county keeps its share of the national pot (${money(printedPot, 'en')}, in Swedish “${key.source.quote}”); the document gives no key for another pot.`,
    ),
    ...results.map((r) => `${r.place.name}: ${formatPercent(r.share, input.lang, 4)} × ${money(pot.amount, input.lang)} = ${money(r.amount, input.lang)}`),
  ];
  reply.notes.push(...estimateNotes(input));
  return finishReply(store, reply, say, []);
}

/** What every estimate says of itself. */
function estimateNotes(input: AnswerInput): string[] {
  return [t(input, 'Det här är en uppskattning med dokumentets egen fördelning, inte ett beslut om medel.', "This is an estimate with the document's own split, not a decision on funds.")];
}

// ---------------------------------------------------------------------------------------------
// National keys: one county's share of a national pot, implied by its printed amount.

function nationalReply(input: AnswerInput, plan: NationalPlan): Reply {
  const { store } = input;
  const { key, h } = plan;
  const say = new Provenance(input);
  const name = fundName(input, key.fund).toLowerCase();
  const pot = parseSek(key.pot);
  const reply = emptyReply(plan.targets.length === 1 ? 'amount' : 'list', input.lang, '', '');
  const lines: string[] = [];
  const steps: string[] = [t(input, `Fördelningsnyckel ${key.year}: ${say.keyQuote(key)}`, `Distribution key ${key.year}: ${say.keyQuote(key)}`)];
  let newPot = h.pot?.amount ?? pot;
  const results: { place: Place; amount: Decimal; fact: AmountFact }[] = [];

  if (key.key.type === 'fixed') {
    const fixedKey = key.key;
    const exception = h.category ? matchingException(key, h.category) : undefined;
    // "och de tre storstadslänen 3 mkr var": the question's own amount for a category the key names.
    const asked = h.categoryBase && !h.category ? matchingException(key, [h.categoryBase.category!]) : undefined;
    const exceptionAmount = (e: (typeof fixedKey.exceptions)[number]) => (asked === e ? h.categoryBase!.amount : parseSek(e.amount));
    for (const { place, fact } of plan.targets) {
      // A county printed with a category's amount is one of that category; the others get the amount per county.
      const own = !exception ? fixedKey.exceptions.find((e) => parseSek(e.amount).equals(fact.amount) && !parseSek(fixedKey.amount).equals(fact.amount)) : undefined;
      const amount = exception ? parseSek(exception.amount) : own ? exceptionAmount(own) : h.base!.amount;
      results.push({ place, amount, fact });
      const words = estimateWords(say, input, amount, [fact.id, key.id], t(input, 'nyckelns fasta belopp', "the key's fixed amounts"));
      lines.push(
        exception
          ? t(input, `om ${place.name} vore ett av ${exception.description} skulle ${place.name} enligt nyckeln få ${words}.`, `if ${place.name} were one of the counties with their own amount (“${exception.description}”), ${place.name} would get ${words} under the key.`)
          : t(input, `med ${money(amount, 'sv')} per län skulle ${place.name} få ${words}.`, `with ${money(amount, 'en')} per county, ${place.name} would get ${words}.`),
      );
    }
    const counties = countiesOf(input, key);
    if (exception && counties) {
      const extra = parseSek(exception.amount).minus(parseSek(fixedKey.amount));
      steps.push(
        t(
          input,
          `Med ett storstadslän till skulle potten behöva bli ${money(pot.plus(extra), 'sv')} i stället för ${money(pot, 'sv')}, om inte ett annat län slutade vara det; det säger dokumentet inget om. ${counties.count} län ${say.counties(key)}.`,
          `With one more such county the pot would have to be ${money(pot.plus(extra), 'en')} instead of ${money(pot, 'en')}, unless another county stopped being one; the document says nothing about that. ${counties.count} counties ${say.counties(key)}.`,
        ),
      );
    } else if (counties) {
      const others = fixedKey.exceptions.reduce((sum, e) => sum.plus(exceptionAmount(e).times(e.count)), new Decimal(0));
      const othersWords = fixedKey.exceptions.map((e) => `${e.count} × ${money(exceptionAmount(e), input.lang)}`).join(' + ');
      const regular = counties.count - fixedKey.exceptions.reduce((n, e) => n + e.count, 0);
      const newPot = h.base!.amount.times(regular).plus(others);
      const potLine = t(
        input,
        `Potten skulle bli ${regular} × ${money(h.base!.amount, 'sv')} + ${othersWords} = ${money(newPot, 'sv')} ${say.counties(key)}.`,
        `The pot would be ${regular} × ${money(h.base!.amount, 'en')} + ${othersWords} = ${money(newPot, 'en')} ${say.counties(key)}.`,
      );
      steps.push(potLine);
      lines.push(
        t(
          input,
          `Den nationella potten skulle bli ${money(newPot, 'sv')} (${regular} län × ${money(h.base!.amount, 'sv')} och ${joinList(fixedKey.exceptions.map((e) => `${e.count} × ${money(exceptionAmount(e), 'sv')} för ${e.description}`), 'sv')}).`,
          `The national pot would be ${money(newPot, 'en')} (${regular} counties × ${money(h.base!.amount, 'en')} and ${joinList(fixedKey.exceptions.map((e) => `${e.count} × ${money(exceptionAmount(e), 'en')} for “${e.description}”`), 'en')}).`,
        ),
      );
      say.add([{ status: 'derived', facts: [key.id], words: potLine }]);
    }
  } else {
    const counties = key.key.type === 'basePlusProRata' ? countiesOf(input, key)! : undefined;
    const printedBase = key.key.type === 'basePlusProRata' ? parseSek(key.key.base) : undefined;
    const newBase = printedBase === undefined ? undefined : (h.base?.amount ?? printedBase);
    const recipients = counties?.count ?? 1;
    // "if the population-based remainder had been 120 Mkr": the pot is that remainder and the bases.
    if (h.pot?.rest && newBase) {
      newPot = h.pot.amount.plus(newBase.times(recipients));
      steps.push(t(input, `Potten: ${money(h.pot.amount, 'sv')} efter befolkning + ${recipients} × ${money(newBase, 'sv')} i bas = ${money(newPot, 'sv')}`, `The pot: ${money(h.pot.amount, 'en')} by population + ${recipients} × ${money(newBase, 'en')} in base = ${money(newPot, 'en')}`));
    }
    if (newBase && newPot.lessThan(newBase.times(recipients))) {
      const reply = emptyReply('unknown', input.lang, t(input, 'Potten räcker inte till basen', 'The pot does not cover the bases'), '');
      reply.text = t(input, `Med ${money(newPot, 'sv')} räcker potten inte till basen: ${recipients} län × ${money(newBase, 'sv')} = ${money(newBase.times(recipients), 'sv')}.`, `With ${money(newPot, 'en')} the pot does not cover the bases: ${recipients} counties × ${money(newBase, 'en')} = ${money(newBase.times(recipients), 'en')}.`);
      return reply;
    }
    const weight = key.key.type === 'proRata' && key.key.weight === 'population0to25' ? t(input, 'andel av befolkningen 0–25 år', 'share of the population aged 0–25') : t(input, 'befolkningsandel', 'population share');
    for (const { place, fact } of plan.targets) {
      const estimate = estimateOneRecipient({
        printed: fact.amount,
        printedPot: pot,
        ...(printedBase ? { printedBase } : {}),
        recipients,
        pot: newPot,
        ...(newBase ? { base: newBase } : {}),
        unit: 'ore',
      });
      results.push({ place, amount: estimate.amount, fact });
      const words = estimateWords(say, input, estimate.amount, [fact.id, key.id, ...(counties ? [counties.counted.id] : [])], t(input, `dokumentets nyckel och ${place.name}s andel`, `the document's key and ${place.name}'s share`));
      lines.push(t(input, `skulle ${place.name} få ${words}`, `${place.name} would get ${words}`));
      const inferred = counties ? say.shareAndCounties(fact, key, counties.counted) : say.share(fact, key, weight);
      if (printedBase && counties && newBase) {
        steps.push(
          t(
            input,
            `${place.name}: ${formatPercent(estimate.share, 'sv', 4)} av delen efter befolkning, ${money(pot, 'sv')} − ${recipients} × ${money(printedBase, 'sv')} = ${money(pot.minus(printedBase.times(recipients)), 'sv')} ${inferred}; ${money(newBase, 'sv')} + ${formatPercent(estimate.share, 'sv', 4)} × (${money(newPot, 'sv')} − ${recipients} × ${money(newBase, 'sv')}) = ${money(new Decimal(estimate.exact).toDecimalPlaces(4, Decimal.ROUND_HALF_UP), 'sv')} → ${money(estimate.amount, 'sv')}`,
            `${place.name}: ${formatPercent(estimate.share, 'en', 4)} of the part by population, ${money(pot, 'en')} − ${recipients} × ${money(printedBase, 'en')} = ${money(pot.minus(printedBase.times(recipients)), 'en')} ${inferred}; ${money(newBase, 'en')} + ${formatPercent(estimate.share, 'en', 4)} × (${money(newPot, 'en')} − ${recipients} × ${money(newBase, 'en')}) = ${money(new Decimal(estimate.exact).toDecimalPlaces(4, Decimal.ROUND_HALF_UP), 'en')} → ${money(estimate.amount, 'en')}`,
          ),
        );
      } else {
        steps.push(
          `${place.name}: ${formatPercent(estimate.share, input.lang, 4)} ${t(input, 'av', 'of')} ${money(pot, input.lang)} ${inferred}; ${formatPercent(estimate.share, input.lang, 4)} × ${money(newPot, input.lang)} = ${money(new Decimal(estimate.exact).toDecimalPlaces(4, Decimal.ROUND_HALF_UP), input.lang)} → ${money(estimate.amount, input.lang)}`,
        );
      }
    }
    steps.push(
      t(
        input,
        `Avrundat till hela ören med största resten mot de övriga länen tillsammans, så att delarna blir exakt ${money(newPot, 'sv')}. De andra länens belopp står inte i dokumenten; bara andelen för ${joinList(plan.targets.map((target) => target.place.name), 'sv')} kan räknas fram.`,
        `Rounded to whole öre by largest remainder against the other counties together, so that the parts make up exactly ${money(newPot, 'en')}. The other counties' amounts are not in the documents; only the share of ${joinList(plan.targets.map((target) => target.place.name), 'en')} can be worked out.`,
      ),
    );
  }

  const terms = termsWords(input, key, h, pot, newPot);
  const first = results[0]!;
  reply.figure = money(first.amount, input.lang);
  reply.title = t(input, `Uppskattning: ${results.map((r) => r.place.name).join(', ')}, ${name} ${key.year}`, `Estimate: ${results.map((r) => r.place.name).join(', ')}, ${name} ${key.year}`);
  reply.text = key.key.type === 'fixed' ? `${t(input, 'Uppskattning, inget beslut:', 'Estimate, not a decision:')} ${lines.join(' ')}` : `${terms} ${lines.join(t(input, '; ', '; '))}.`;
  reply.rows = results.map(({ place, amount }) => ({ label: place.name, value: money(amount, input.lang) }));
  if (h.replaced && !h.replaced.amount.equals(pot) && !h.pot?.rest) {
    reply.notes.push(t(input, `Du skriver att potten i dag är ${h.replaced.text}, men dokumentet har ${money(pot, 'sv')}; jag räknar från dokumentets pott.`, `You write that the pot is now ${h.replaced.text}, but the document has ${money(pot, 'en')}; I work from the document's pot.`));
  }
  reply.derivation = steps;
  // "what would Jämtland get in total": the county's total with this fund changed, unless a remainder was given (then the total is the fund's own, base and remainder).
  const fundTotal = h.pot?.rest === true;
  if (results.length === 1 && TOTAL_ASKED.test(input.u.folded) && !fundTotal) withChangedTotal(input, say, reply, results[0]!);
  // A fixed key is recomputed with another amount per county; a category's own amount has nothing to change.
  const place = plan.targets.length === 1 ? { place: plan.targets[0]!.place.id } : {};
  if (key.key.type !== 'fixed') reply.calculator = calculatorOf(input, { kind: 'pot', ...place, funds: [key.fund], year: key.year, amount: newPot.toFixed() }, [], false);
  else if (!h.category && h.base) reply.calculator = calculatorOf(input, { kind: 'base', per: 'county', ...place, funds: [key.fund], year: key.year, amount: h.base.amount.toFixed() }, [], false);
  reply.notes.push(...estimateNotes(input));
  if (input.lang === 'en') reply.notes.push('The key is quoted in Swedish, as the document writes it.');
  return finishReply(store, reply, say, results.map((r) => r.fact));
}

const TOTAL_ASKED = /\b(totala?|totalt|totalbelopp\w*|sammanlagt|sammanlagda|hela beloppet|allt som allt|in total|total|altogether|overall)\b/;

/** "och vad hade Jämtlands totala belopp då blivit?": the place's printed total with the one part changed. */
function withChangedTotal(input: AnswerInput, say: Provenance, reply: Reply, result: { place: Place; amount: Decimal; fact: AmountFact }): void {
  const { store } = input;
  const { place, amount, fact } = result;
  const total = store
    .amounts({ place: place.id, year: fact.year })
    .find((other) => store.fund(other.fund)?.aggregate && other.table && store.table(other.table.id)?.total?.label === other.table.column && store.table(other.table.id)?.columns.some((column) => column.fund === fact.fund));
  if (!total) return;
  const changed = total.amount.minus(fact.amount).plus(amount);
  const words = estimateWords(say, input, changed, [total.id, fact.id], t(input, 'den tryckta totalen och den ändrade delen', 'the printed total and the changed part'));
  reply.figure = money(changed, input.lang);
  reply.title = t(input, `Uppskattning: ${place.name} totalt ${fact.year}`, `Estimate: ${place.name} in total ${fact.year}`);
  reply.text = t(
    input,
    `${reply.text} Totalt skulle ${place.name} då få ${words}: ${say.marked(total)} − ${say.marked(fact)} + ${money(amount, 'sv')}.`,
    `${reply.text} In total ${place.name} would then get ${words}: ${say.marked(total)} − ${say.marked(fact)} + ${money(amount, 'en')}.`,
  );
  reply.rows.push({ label: t(input, `${place.name} totalt`, `${place.name} in total`), value: money(changed, input.lang) });
  reply.derivation.push(`${money(total.amount, input.lang)} − ${money(fact.amount, input.lang)} + ${money(amount, input.lang)} = ${money(changed, input.lang)}`);
}

function termsWords(input: AnswerInput, key: KeyFact, h: Hypothetical, pot: Decimal, newPot: Decimal): string {
  const name = fundName(input, key.fund).toLowerCase();
  const potWords = h.pot && !newPot.equals(pot) ? t(input, `${money(newPot, 'sv')} i stället för ${money(pot, 'sv')}`, `${money(newPot, 'en')} instead of ${money(pot, 'en')}`) : t(input, `samma pott (${money(pot, 'sv')})`, `the same pot (${money(pot, 'en')})`);
  const baseWords = h.base ? t(input, ` och ${money(h.base.amount, 'sv')} per län`, ` and ${money(h.base.amount, 'en')} per county`) : '';
  // A changed base alone keeps the document's pot ("och om potten var kvar på 200 mkr men grundbeloppet var 6 mkr").
  if (!h.pot || newPot.equals(pot)) {
    return t(input, `Uppskattning, inget beslut: med samma nationella pott för ${name} ${key.year} som i dokumentet (${money(pot, 'sv')})${baseWords}`, `Estimate, not a decision: with the same national ${name} pot for ${key.year} as in the document (${money(pot, 'en')})${baseWords},`);
  }
  return t(input, `Uppskattning, inget beslut: med en nationell pott för ${name} ${key.year} på ${potWords}${baseWords}`, `Estimate, not a decision: with a national ${name} pot for ${key.year} of ${potWords}${baseWords},`);
}
