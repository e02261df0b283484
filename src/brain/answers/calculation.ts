// "Mora och Orsa tillsammans", "skillnaden mellan Falun och Borlänge", "vem får mest, Mora eller
// Avesta", "hur stor andel av Dalarnas länsgemensamma medel går till suicidprevention", "vilket
// område fick mest": figures of the store combined exactly as asked. Every figure the question needs
// must be in the store, or the answer says which one is not, and gives no figure.
import { differenceOf, shareOf, sumOf } from '../../allocation/index.js';
import type { AmountFact } from '../../knowledge/model.js';
import type { Place } from '../../knowledge/schema.js';
import { fundName, placeName, t, type AnswerInput } from '../answer-context.js';
import { joinList, money, capitalise } from '../format.js';
import { amountsInText } from '../hypothetical.js';
import * as v from '../vocabulary.js';
import { Provenance } from '../provenance.js';
import { emptyReply, type Reply } from '../reply.js';
import { finishReply } from '../sources.js';
import { matchItem, rowFor, rowLabel } from './amount.js';
import { countyOf } from './resolve.js';
import { knownAboutPlace, notFound } from './unknown.js';

/** One figure the question names: a place's fund (or total) in a year, or a sum of its parts. */
interface Term {
  place: Place;
  fund?: string;
  year: number;
  facts: AmountFact[];
}

/** "område", "purpose": a ranking of one place's funds rather than of places. */
const FUND_NOUN = /\b(inriktningsomrade\w*|omrade\w*|fokusomrade\w*|andamal\w*|syfte\w*|satsning\w*|fond\w*|purposes?|funds?|areas?|streams?)\b/;
/** "kommunerna", "delregionerna": the whole is what the place's children get together. */
const CHILDREN_WORDS = /\b(kommuner\w*|delregion\w*|municipalit\w*|sub-?regions?)\b/;

export function answerCalculation(input: AnswerInput): Reply | undefined {
  const { u } = input;
  if (!['amount', 'list', 'search', 'key'].includes(u.intent)) return undefined;
  if (u.operation === 'share') return share(input);
  if (u.operation === 'rank') return rankFunds(input);
  if ((u.operation === 'value' || u.operation === 'parts') && u.part && !u.fund) return partsTogether(input);
  if (u.operation !== 'sum' && u.operation !== 'difference' && u.operation !== 'compare') return undefined;
  const terms = termsOf(input);
  if (!terms) return undefined;
  if ('missing' in terms) return missing(input, terms.missing);
  if (terms.found.length < 2) return undefined;
  return combine(input, terms.found);
}

/** The places named, in the order named; the conversation's place when none is. */
function placesOf(input: AnswerInput): Place[] {
  const { u, store } = input;
  const named = [...u.places].sort((a, b) => a.start - b.start).map((match) => match.place);
  // "Nordost och Sydost i Skåne": a place that holds another named place says where, it is not a term.
  const holds = (outer: Place, inner: Place): boolean => {
    const parent = inner.parent ? store.place(inner.parent) : undefined;
    return parent !== undefined && (parent.id === outer.id || holds(outer, parent));
  };
  const terms = named.filter((place) => !named.some((other) => other !== place && holds(place, other)));
  const carried = u.contextPlaces.flatMap((id) => store.place(id) ?? []);
  // "hur mycket mer än Orsa är det?" after Mora: the place just answered for comes first.
  if (terms.length > 0) return [...carried.filter((place) => !terms.includes(place)), ...terms];
  // "vad blir det tillsammans?" after "Orsa?", "och Älvdalen?": the places the conversation was about.
  if (carried.length >= 2) return carried;
  const single = u.place ? store.place(u.place) : undefined;
  return single ? [single] : [];
}

function termsOf(input: AnswerInput): { found: Term[] } | { missing: string[] } | undefined {
  const { u, store } = input;
  const places = placesOf(input);
  if (places.length === 0) return undefined;
  const funds: (string | undefined)[] = u.funds.length > 0 ? u.funds : [u.fund];
  const found: Term[] = [];
  const absent: string[] = [];
  for (const place of places) {
    const years = u.years.length > 0 ? [...new Set(u.years)] : u.year ? [u.year] : store.amountYears(place.id).slice(-1);
    if (years.length === 0) absent.push(place.name);
    for (const year of years) {
      for (const fund of funds) {
        const facts = figureFor(input, place, fund, year);
        if (facts) found.push({ place, ...(fund ? { fund } : {}), year, facts });
        else absent.push(`${place.name}${fund ? ` (${fundName(input, fund).toLowerCase()})` : ''} ${year}`);
      }
    }
  }
  return absent.length > 0 ? { missing: absent } : { found };
}

/** The facts that make up one figure: one amount, or the parts asked for added up ("basbeloppen"). */
function figureFor(input: AnswerInput, place: Place, fundId: string | undefined, year: number): AmountFact[] | undefined {
  const { u, store } = input;
  const facts = store.amounts({ place: place.id, year }).filter((fact) => !fact.label);
  // "enligt ÖK": the agreement as a whole is what every fund is under, not a fund of its own.
  const fund = fundId && store.fund(fundId)?.aggregate && !facts.some((fact) => fact.fund === fundId) ? undefined : fundId;
  if (u.part) {
    const parts = facts.filter((fact) => fact.part === u.part && (!fund || fact.fund === fund));
    return parts.length > 0 ? parts : undefined;
  }
  if (fund) {
    const forFund = facts.filter((fact) => fact.fund === fund && !fact.part);
    const best = forFund.find((fact) => fact.status !== 'derived' && !fact.approximate) ?? forFund[0];
    if (best?.approximate && store.fund(fund)?.aggregate) return exactParts(input, facts) ?? [best];
    return best ? [best] : undefined;
  }
  const total = facts.find((fact) => store.fund(fact.fund)?.aggregate && !fact.approximate) ?? facts.find((fact) => store.fund(fact.fund)?.aggregate);
  if (total?.approximate) return exactParts(input, facts) ?? [total];
  return total ? [total] : undefined;
}

/** "drygt 18 mkr": a rough total is not calculated with when the document prints its parts exactly. */
function exactParts(input: AnswerInput, facts: AmountFact[]): AmountFact[] | undefined {
  const parts = facts.filter((fact) => !fact.part && !fact.approximate && fact.status !== 'derived' && !input.store.fund(fact.fund)?.aggregate);
  return parts.length > 1 ? parts : undefined;
}

/** "Mora 2020", "Dalarna, suicidprevention 2020": what tells the terms apart. */
function labelOf(input: AnswerInput, term: Term, terms: Term[]): string {
  const places = new Set(terms.map((other) => other.place.id)).size > 1;
  const funds = new Set(terms.map((other) => other.fund ?? '')).size > 1;
  const years = new Set(terms.map((other) => other.year)).size > 1;
  const parts = [places || (!funds && !years) ? term.place.name : '', funds && term.fund ? fundName(input, term.fund).toLowerCase() : '', years ? String(term.year) : ''].filter(Boolean);
  return parts.join(', ');
}

/** What all the terms share, for the heading: "2020", "suicidprevention 2020", "Dalarna". */
function commonOf(input: AnswerInput, terms: Term[]): string {
  const first = terms[0]!;
  const samePlace = terms.every((term) => term.place.id === first.place.id);
  const sameFund = terms.every((term) => term.fund === first.fund);
  const sameYear = terms.every((term) => term.year === first.year);
  const fund = sameFund && first.fund && !input.store.fund(first.fund)?.aggregate ? fundName(input, first.fund).toLowerCase() : '';
  const part = input.u.part ? (input.u.part === 'base' ? t(input, 'basbelopp', 'base amounts') : t(input, 'del efter befolkning', 'share by population')) : '';
  return [samePlace ? first.place.name : '', fund, part, sameYear ? String(first.year) : ''].filter(Boolean).join(' ');
}

function termValue(term: Term) {
  return sumOf(term.facts.map((fact) => fact.amount));
}

/** One term's figure in words: the amount as printed, or its parts added up. */
function termWords(say: Provenance, term: Term): string {
  return term.facts.length === 1 ? say.marked(term.facts[0]!) : say.computed(term.facts);
}

function combine(input: AnswerInput, terms: Term[]): Reply {
  const { u } = input;
  const say = new Provenance(input);
  const common = commonOf(input, terms);
  const labels = terms.map((term) => labelOf(input, term, terms));
  const reply = emptyReply('amount', input.lang, '', '');
  reply.rows = terms.flatMap((term, i) =>
    term.facts.length === 1 ? [{ ...rowFor(input, say, term.facts[0]!), label: labels[i]! }] : [{ label: labels[i]!, value: termWords(say, term) }],
  );
  const each = terms.map((term, i) => `${labels[i]} ${termWords(say, term)}`).join(t(input, ', ', ', '));
  const all = terms.flatMap((term) => term.facts);
  if (u.operation === 'sum') {
    reply.title = t(input, `Summa: ${joinList(labels, 'sv')}`, `Total: ${joinList(labels, 'en')}`);
    const sum = say.computed(all);
    reply.figure = money(sumOf(all.map((fact) => fact.amount)), input.lang);
    reply.text = t(input, `${capitalise(joinList(labels, 'sv'))}${common && !labels.includes(common) ? ` (${common})` : ''} får tillsammans ${sum}.`, `${capitalise(joinList(labels, 'en'))}${common && !labels.includes(common) ? ` (${common})` : ''} get ${sum} together.`);
  } else if (terms.length === 2) {
    const [a, b] = terms as [Term, Term];
    const difference = differenceOf(termValue(a), termValue(b));
    const [more, less] = difference.isNegative() ? [1, 0] : [0, 1];
    const by = say.computed(a.facts, { minus: b.facts });
    reply.kind = 'list';
    reply.figure = money(difference.abs(), input.lang);
    reply.title = t(input, `${labels[0]} jämfört med ${labels[1]}`, `${labels[0]} compared with ${labels[1]}`);
    const scope = common && !labels.includes(common) ? `${capitalise(common)}: ` : '';
    const side = `${scope}${each}.`;
    const overYears = a.place.id === b.place.id && a.fund === b.fund && a.year !== b.year;
    if (overYears && !difference.isZero()) {
      // "Ökade eller minskade det från 2020 till 2022?": the change, from the earlier year to the later.
      const [early, late] = a.year < b.year ? [a, b] : [b, a];
      const fell = termValue(late).lessThan(termValue(early));
      reply.text = t(
        input,
        `Från ${early.year} till ${late.year} ${fell ? 'minskade' : 'ökade'} beloppet med ${by}. ${side}`,
        `From ${early.year} to ${late.year} the amount ${fell ? 'decreased' : 'increased'} by ${by}. ${side}`,
      );
    } else if (u.operation === 'difference') {
      reply.text = t(input, `Skillnaden mellan ${labels[0]} och ${labels[1]} är ${by}. ${side}`, `The difference between ${labels[0]} and ${labels[1]} is ${by}. ${side}`);
    } else if (difference.isZero()) {
      reply.text = t(input, `${labels[0]} och ${labels[1]} är lika stora: ${side}`, `${labels[0]} and ${labels[1]} are the same: ${side}`);
    } else {
      reply.text = t(input, `${capitalise(labels[more]!)} får mer, ${by} mer än ${labels[less]}. ${side}`, `${capitalise(labels[more]!)} gets more, ${by} more than ${labels[less]}. ${side}`);
    }
  } else {
    // Three or more: ranked, with what the first gets more than the last.
    const ranked = terms.map((term, i) => ({ term, label: labels[i]! })).sort((x, y) => termValue(y.term).comparedTo(termValue(x.term)));
    reply.kind = 'list';
    reply.title = t(input, `Jämförelse${common ? ` ${common}` : ''}`, `Comparison${common ? ` ${common}` : ''}`);
    reply.figure = money(termValue(ranked[0]!.term), input.lang);
    reply.text = t(input, `${common ? `${capitalise(common)}, störst först` : 'Störst först'}: `, `${common ? `${capitalise(common)}, largest first` : 'Largest first'}: `) + ranked.map(({ term, label }, i) => `${i + 1}. ${label} ${termWords(say, term)}`).join(', ') + '.';
  }
  return finish(input, reply, say, all);
}

/**
 * "Hur stor andel av Dalarnas länsgemensamma medel går till suicidprevention?": a part over its
 * whole, both from the store, the whole said in words (the place's total, or what its
 * municipalities or sub-regions get together).
 */
function share(input: AnswerInput): Reply | undefined {
  const { u, store } = input;
  const places = placesOf(input);
  if (places.length === 0) return itemShare(input);
  // The part is the most specific place named; a county named with it is the whole's scope.
  const place = places.find((candidate) => candidate.kind !== 'county' && candidate.kind !== 'country') ?? places[0]!;
  const aggregateFunds = u.funds.filter((id) => store.fund(id)?.aggregate);
  const partFund = u.funds.find((id) => !store.fund(id)?.aggregate);
  // "Jämtlands andel av de 150 mkr till ungdomsmottagningar": the amount said is a national pot, of its own year.
  const nation = store.knowledge.places.find((candidate) => candidate.kind === 'country');
  const said = amountsInText(u.text, u.lang);
  const potYear = nation && partFund ? store.amountYears(nation.id).find((y) => (u.year === undefined || y === u.year) && said.some((amount) => figureFor(input, nation, partFund, y)?.every((fact) => fact.amount.equals(amount.amount)))) : undefined;
  const years = u.years.length > 0 ? u.years : u.year ? [u.year] : potYear ? [potYear] : store.amountYears(place.id).slice(-1);
  const year = years[0];
  if (!year) return missing(input, [place.name]);
  const say = new Provenance(input);
  let part: AmountFact[] | undefined;
  let whole: AmountFact[] | undefined;
  let wholeWords: string;
  const sibling = place.kind === 'municipality' || place.kind === 'subregion';
  // "What share of the national 150 Mkr for youth clinics did Dalarna get?": a county's amount over the national pot.
  const named = u.places.map((match) => match.place).find((candidate) => candidate.kind === 'country');
  const country = named ?? (potYear === year ? nation : undefined);
  if (country && place.kind === 'county' && partFund) {
    const pot = figureFor(input, country, partFund, year);
    const own = figureFor(input, place, partFund, year);
    if (!pot || !own) return missing(input, [`${(pot ? place : country).name} (${fundName(input, partFund).toLowerCase()}) ${year}`]);
    const words = say.computed(own, { of: pot });
    const reply = emptyReply('amount', input.lang, t(input, `Andel ${year}`, `Share ${year}`), '');
    reply.figure = words.split(' (')[0]!;
    reply.rows = [
      { label: place.name, value: own.length === 1 ? say.marked(own[0]!) : say.computed(own) },
      { label: t(input, 'Den nationella potten', 'The national pot'), value: pot.length === 1 ? say.marked(pot[0]!) : say.computed(pot) },
    ];
    const fund = fundName(input, partFund).toLowerCase();
    reply.text = t(input, `${place.name} får ${words} av den nationella potten för ${fund} ${year}.`, `${place.name} gets ${words} of the national pot for ${fund} in ${year}.`);
    return finish(input, reply, say, [...own, ...pot]);
  }
  const ofChildren = sibling && (places.length > 1 || CHILDREN_WORDS.test(u.folded) || (!partFund && !u.part));
  if (ofChildren) {
    // "Hur stor andel av kommunernas belopp får Falun?": the place's figure over its siblings' together;
    // "Falun och Borlänge tillsammans": the named siblings' figures added up.
    const named = places.filter((candidate) => candidate.kind === place.kind);
    const together = named.length > 1 && (v.SUM_OP.test(u.folded) || v.TOGETHER.test(u.folded));
    const parts = (together ? named : [place]).map((candidate) => figureFor(input, candidate, partFund, year));
    part = parts.every((figure) => figure !== undefined) ? (parts as AmountFact[][]).flat() : undefined;
    const county = countyOf(input, place);
    const siblings = store.children(county.id).filter((child) => child.kind === place.kind);
    const figures = siblings.map((child) => figureFor(input, child, partFund, year));
    if (part && figures.every((figure) => figure !== undefined)) {
      const cells = figures.flat();
      const printed = part.length >= 1 ? store.columnTotal(part[0]!) : undefined;
      whole = printed && store.columnCells(printed).length === cells.length ? [printed] : cells;
    }
    const kind = place.kind === 'municipality' ? t(input, `de ${siblings.length} kommunerna i ${county.name}`, `the ${siblings.length} municipalities of ${county.name}`) : t(input, `de ${siblings.length} delregionerna i ${county.name}`, `the ${siblings.length} sub-regions of ${county.name}`);
    wholeWords = t(input, `av det ${kind} får tillsammans`, `of what ${kind} get together`);
  } else {
    // "Hur stor andel av Jämtlands medel går till suicidprevention?": a fund (or part) over the place's total.
    if (!partFund && !u.part) return undefined;
    part = figureFor(input, place, partFund, year);
    const totals = store.amounts({ place: place.id, year }).filter((fact) => !fact.label && store.fund(fact.fund)?.aggregate && (aggregateFunds.length === 0 || aggregateFunds.includes(fact.fund)));
    const total = totals.find((fact) => !fact.approximate) ?? totals[0];
    // A total the document gives only roughly ("drygt 18 mkr") is replaced by its parts added up.
    whole = total ? (total.approximate ? store.approximatedBy(total) : [total]) : undefined;
    if (whole && whole.length === 0) whole = undefined;
    const name = total ? (total.label ?? fundName(input, total.fund)).toLowerCase() : '';
    wholeWords = t(input, `av ${place.name}s ${name} ${year}`, `of ${place.name}'s ${name} in ${year}`);
  }
  if (!part || !whole) return missing(input, [`${place.name}${partFund ? ` (${fundName(input, partFund).toLowerCase()})` : ''} ${year}`]);
  const fraction = shareOf(sumOf(part.map((fact) => fact.amount)), sumOf(whole.map((fact) => fact.amount)));
  if (!fraction) return undefined;
  const what = u.part ? (u.part === 'base' ? t(input, 'basbeloppen', 'the base amounts') : t(input, 'delarna efter befolkning', 'the shares by population')) : partFund ? fundName(input, partFund).toLowerCase() : place.name;
  const words = say.computed(part, { of: whole });
  const reply = emptyReply('amount', input.lang, t(input, `Andel ${year}`, `Share ${year}`), '');
  reply.figure = words.split(' (')[0]!;
  const partWords = part.length === 1 ? say.marked(part[0]!) : say.computed(part);
  const wholeFigure = whole.length === 1 ? say.marked(whole[0]!) : say.computed(whole);
  reply.rows = [
    { label: capitalise(what), value: partWords },
    { label: t(input, 'Helheten', 'The whole'), value: wholeFigure },
  ];
  const several = ofChildren && part.length > 1 && new Set(part.map((fact) => fact.place)).size > 1;
  const who = several ? joinList([...new Set(part.map((fact) => placeName(input, fact.place)))], input.lang) : ofChildren ? place.name : `${capitalise(what)}${u.part ? ` (${place.name})` : ''}`;
  reply.text = several
    ? t(input, `${who} får tillsammans ${words} ${wholeWords}.`, `${who} get ${words} together ${wholeWords}.`)
    : t(input, `${who} ${ofChildren ? 'får' : 'är'} ${words} ${wholeWords}.`, `${who} ${ofChildren ? 'gets' : 'is'} ${words} ${wholeWords}.`);
  return finish(input, reply, say, [...part, ...whole]);
}

/** "Hur stor andel av de 4 mkr skånegemensamt är MHFA-instruktörsutbildningen?": a named item over its fund's total. */
function itemShare(input: AnswerInput): Reply | undefined {
  const { store } = input;
  const item = matchItem(input);
  if (!item) return undefined;
  const whole = store.amounts({ place: item.place, fund: item.fund, year: item.year }).find((fact) => !fact.label && !fact.part);
  if (!whole) return undefined;
  const say = new Provenance(input);
  const words = say.computed([item], { of: [whole] });
  const reply = emptyReply('amount', input.lang, t(input, `Andel ${item.year}`, `Share ${item.year}`), '');
  reply.figure = words.split(' (')[0]!;
  const name = rowLabel(input, item);
  const fund = fundName(input, whole.fund).toLowerCase();
  reply.rows = [
    { label: capitalise(name), value: say.marked(item) },
    { label: t(input, 'Helheten', 'The whole'), value: say.marked(whole) },
  ];
  reply.text = t(input, `${capitalise(name)} är ${words} av ${fund} (${placeName(input, whole.place)} ${whole.year}).`, `${capitalise(name)} is ${words} of ${fund} (${placeName(input, whole.place)} ${whole.year}).`);
  return finish(input, reply, say, [item, whole]);
}

/** "Hur mycket av det är basbelopp?": the parts of one kind in a place's row, added up. */
function partsTogether(input: AnswerInput): Reply | undefined {
  const terms = termsOf(input);
  if (!terms) return undefined;
  if ('missing' in terms) return missing(input, terms.missing);
  const [term] = terms.found;
  if (!term || terms.found.length !== 1) return undefined;
  const say = new Provenance(input);
  const what = input.u.part === 'base' ? t(input, 'basbelopp', 'base amounts') : t(input, 'delar efter befolkning', 'shares by population');
  const reply = emptyReply('amount', input.lang, `${term.place.name} ${term.year}: ${what}`, '');
  reply.rows = term.facts.map((fact) => rowFor(input, say, fact));
  const words = termWords(say, term);
  reply.figure = money(termValue(term), input.lang);
  reply.text = t(input, `${term.place.name} ${term.year}, ${what} sammanlagt: ${words}.`, `${term.place.name} ${term.year}, ${what} in total: ${words}.`);
  return finish(input, reply, say, term.facts);
}

/** "Vilket område fick mest i Dalarna 2022?": one place's funds ranked. */
function rankFunds(input: AnswerInput): Reply | undefined {
  const { u, store } = input;
  const places = placesOf(input);
  if (places.length !== 1 || !FUND_NOUN.test(u.folded)) return undefined;
  const place = places[0]!;
  const year = u.year ?? store.amountYears(place.id).at(-1);
  if (!year) return missing(input, [place.name]);
  const funds = store.amounts({ place: place.id, year }).filter((fact) => !fact.label && !fact.part && !fact.approximate && !store.fund(fact.fund)?.aggregate);
  const distinct = [...new Map(funds.map((fact) => [fact.fund, fact])).values()];
  if (distinct.length < 2) return undefined;
  const least = u.order === 'least';
  distinct.sort((a, b) => (least ? a.amount.comparedTo(b.amount) : b.amount.comparedTo(a.amount)));
  const say = new Provenance(input);
  const top = distinct[0]!;
  const reply = emptyReply('list', input.lang, `${place.name} ${year}`, '');
  reply.figure = say.marked(top);
  reply.rows = distinct.map((fact) => ({ ...rowFor(input, say, fact), label: fundName(input, fact.fund) }));
  const lead = t(input, `${fundName(input, top.fund)} får ${least ? 'minst' : 'mest'} av ${place.name}s medel ${year}: ${say.marked(top)}.`, `${fundName(input, top.fund)} gets the ${least ? 'least' : 'most'} of ${place.name}'s funds in ${year}: ${say.marked(top)}.`);
  reply.text = `${lead} ${distinct.map((fact, i) => `${i + 1}. ${fundName(input, fact.fund)} ${say.marked(fact)}`).join(', ')}.`;
  return finish(input, reply, say, distinct);
}

function missing(input: AnswerInput, absent: string[]): Reply {
  const reply = notFound(input, `något belopp för ${joinList(absent, 'sv')}`, `an amount for ${joinList(absent, 'en')}`);
  reply.text += t(input, ' Därför räknar jag inte fram något.', ' So I have not computed anything.');
  reply.known = [...new Set(placesOf(input).flatMap((place) => knownAboutPlace(input, place.id)))];
  return reply;
}

function finish(input: AnswerInput, reply: Reply, say: Provenance, facts: AmountFact[]): Reply {
  return finishReply(input.store, reply, say, facts);
}

