// "Mora och Orsa tillsammans", "skillnaden mellan Falun och Borlänge", "vem får mest, Mora eller
// Avesta", "hur stor andel av Dalarnas länsgemensamma medel går till suicidprevention", "vilket
// område fick mest": figures of the store combined exactly as asked. Every figure the question needs
// must be in the store, or the answer says which one is not, and gives no figure.
import { Decimal } from 'decimal.js';
import { differenceOf, formatPercent, shareOf, sumOf } from '../../allocation/index.js';
import type { AmountFact, FigureFact } from '../../knowledge/model.js';
import { foldText } from '../../text/normalize.js';
import type { Place } from '../../knowledge/schema.js';
import { fundName, placeName, source, t, type AnswerInput } from '../answer-context.js';
import { displayAmount, joinList, money, capitalise } from '../format.js';
import { amountsInText } from '../hypothetical.js';
import * as v from '../vocabulary.js';
import { Provenance } from '../provenance.js';
import { emptyReply, type Reply } from '../reply.js';
import { finishReply, sourceLine, uniqueSections } from '../sources.js';
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
/** "invånare", "befolkning", "population": a count of people, which the documents give as figures, not amounts. */
const MEASURE = /\b(befolkning\w*|folkmangd\w*|invanare\w*|invanarantal\w*|population|inhabitants?|residents?)\b/;
/** Money words: "the largest population-based amount" ranks amounts, not people. */
const MONEY_WORDS = /\b(amounts?|belopp\w*|medel|medlen|pengar\w*|money|funds?|kr|kronor|sek|mkr|far|gets?|receives?)\b/;

/** A question about counts of people, not about money shared by them. */
function asksPeople(folded: string): boolean {
  const rest = folded.replace(v.POPULATION_PART, ' ');
  return MEASURE.test(rest) && !MONEY_WORDS.test(rest);
}
/** The unit a count of people is printed in. */
const PEOPLE_UNIT = /^invanare$/;
/** "58 460", "6884", "ca 10,1": a figure's value as a number; "fem", "8/15" are not calculated with. */
const NUMBER = /^(ca\.? )?(\d[\d \u00a0]*(,\d+)?)$/i;
/** "kommunerna", "delregionerna": the whole is what the place's children get together. */
const CHILDREN_WORDS = /\b(kommuner\w*|delregion\w*|municipalit\w*|sub-?regions?)\b/;

export function answerCalculation(input: AnswerInput): Reply | undefined {
  const { u } = input;
  // "vad blir det totalt om man räknar med de 4 mkr som används skånegemensamt": a sum, whatever the money is used for.
  const sumOfUses = u.intent === 'focusArea' && u.operation === 'sum' && v.TOGETHER.test(u.folded);
  if (!['amount', 'list', 'search', 'key'].includes(u.intent) && !sumOfUses) return undefined;
  if (['share', 'difference', 'sum', 'compare'].includes(u.operation) && asksPeople(u.folded)) {
    const counted = figureCalculation(input);
    if (counted) return counted;
  }
  if (u.operation === 'share') return share(input);
  if (u.operation === 'rank' && asksPeople(u.folded)) return rankByCount(input);
  if (u.operation === 'rank') return rankFunds(input);
  if ((u.operation === 'value' || u.operation === 'parts') && u.part && !u.fund) return partsTogether(input);
  if (u.operation !== 'sum' && u.operation !== 'difference' && u.operation !== 'compare') return undefined;
  if (u.operation === 'sum' && v.INCLUDING.test(u.folded)) {
    const including = totalIncluding(input);
    if (including) return including;
  }
  const terms = termsOf(input);
  if (!terms) return undefined;
  if ('missing' in terms) return missing(input, terms.missing);
  if (terms.found.length < 2) return undefined;
  if (u.operation === 'sum') {
    const counted = alreadyCounted(input, terms.found);
    if (counted) return counted;
  }
  return combine(input, terms.found);
}

/**
 * "Dalarna samsjuklighet och länsgemensamt tillsammans": a figure that another term already holds is
 * not added twice. The answer says so and gives the holding total, which is the sum asked.
 */
function alreadyCounted(input: AnswerInput, terms: Term[]): Reply | undefined {
  const held = terms.filter((term) => terms.some((other) => other !== term && other.place.id === term.place.id && other.year === term.year && term.fund !== undefined && other.facts.some((fact) => holdsFund(input, fact, term.fund!))));
  if (held.length === 0) return undefined;
  const holders = terms.filter((term) => !held.includes(term));
  if (holders.length !== 1) return undefined;
  const holder = holders[0]!;
  const say = new Provenance(input);
  const total = termWords(say, holder);
  const name = (term: Term) => (term.fund ? fundName(input, term.fund).toLowerCase() : term.place.name);
  const reply = emptyReply('amount', input.lang, t(input, `${holder.place.name} ${holder.year}: ${name(holder)}`, `${holder.place.name} ${holder.year}: ${name(holder)}`), '');
  reply.figure = money(termValue(holder), input.lang);
  const parts = held.map((term) => `${name(term)} (${termWords(say, term)})`);
  reply.text = t(
    input,
    `${capitalise(joinList(parts, 'sv'))} ingår redan i ${name(holder)} för ${holder.place.name} ${holder.year}, ${total}; tillsammans är det alltså ${total}, inte mer.`,
    `${capitalise(joinList(parts, 'en'))} ${held.length > 1 ? 'are' : 'is'} already part of ${name(holder)} for ${holder.place.name} ${holder.year}, ${total}; together it is ${total}, no more.`,
  );
  return finish(input, reply, say, [...holder.facts, ...held.flatMap((term) => term.facts)]);
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
  const named = placesOf(input);
  // "lägg ihop delregionerna och skånegemensamma medel": funds only one place has name that place.
  const owners = named.length === 0 ? [...new Set(u.funds.flatMap((fund) => store.amounts({ fund }).map((fact) => fact.place)))].flatMap((id) => store.place(id) ?? []).filter((place) => place.kind === 'county') : [];
  // "de fyra potterna 2020 sammanlagt": funds the whole country has a pot for, when no county is named.
  const nation = store.knowledge.places.find((place) => place.kind === 'country');
  const national = named.length === 0 && owners.length !== 1 && nation && u.funds.length >= 2 && u.funds.every((fund) => store.amounts({ place: nation.id, fund }).length > 0) ? [nation] : [];
  // "alla fyra posterna ihop", "all the pots together": every national pot of the year.
  const allPots = named.length === 0 && u.funds.length === 0 && nation && v.ALL_POTS.test(u.folded)
    ? [...new Set(store.amounts({ place: nation.id, ...(u.year ? { year: u.year } : {}) }).filter((fact) => !fact.label && !store.fund(fact.fund)?.aggregate).map((fact) => fact.fund))]
    : [];
  const places = named.length > 0 ? named : owners.length === 1 ? owners : allPots.length >= 2 ? [nation!] : national;
  if (places.length === 0) return undefined;
  const funds: (string | undefined)[] = allPots.length >= 2 ? allPots : u.funds.length > 0 ? u.funds : [u.fund];
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

/**
 * "Totalt Skåne 2023 inkl de skånegemensamma 4 mkr": the place's total and a fund it does not hold,
 * added up. A fund the total already holds is not added twice: then this is no sum to make.
 */
function totalIncluding(input: AnswerInput): Reply | undefined {
  const { u, store } = input;
  const places = placesOf(input);
  const place = places.length === 1 ? places[0]! : undefined;
  const added = u.funds.filter((id) => !store.fund(id)?.aggregate);
  if (!place || added.length === 0) return undefined;
  const year = u.year ?? store.amountYears(place.id).at(-1);
  if (!year) return undefined;
  const totalFund = u.funds.find((id) => store.fund(id)?.aggregate);
  const total = figureFor(input, place, totalFund, year);
  if (!total || total.some((fact) => !store.fund(fact.fund)?.aggregate)) return undefined;
  const terms: Term[] = [{ place, fund: total[0]!.fund, year, facts: total }];
  for (const fund of added) {
    const facts = figureFor(input, place, fund, year);
    if (!facts || total.some((fact) => holdsFund(input, fact, fund))) return undefined;
    terms.push({ place, fund, year, facts });
  }
  return combine(input, terms);
}

/** Whether a total is made (at any depth) of figures of the fund: Skåne's sub-regional total holds their suicide prevention. */
function holdsFund(input: AnswerInput, total: AmountFact, fund: string): boolean {
  const parts = total.components.length > 0 ? total.components : total.approximate ? input.store.approximatedBy(total) : input.store.columnCells(total);
  return parts.some((part) => part.fund === fund || holdsFund(input, part, fund));
}

/** The facts that make up one figure: one amount, or the parts asked for added up ("basbeloppen"). */
function figureFor(input: AnswerInput, place: Place, fundId: string | undefined, year: number): AmountFact[] | undefined {
  const { u, store } = input;
  const facts = store.amounts({ place: place.id, year }).filter((fact) => !fact.label);
  // "kommunmedel i Dalarna": a total of the county's municipalities is what they get together.
  const ofChildren = fundId && !u.part ? childrenFigure(input, place, fundId, year, facts) : undefined;
  if (ofChildren) return ofChildren;
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

/**
 * A total paid to a place's municipalities or sub-regions ("kommunmedel", "delregionala medel") that
 * the place itself has no figure for: each child's figure, when every child of that kind has one.
 */
function childrenFigure(input: AnswerInput, place: Place, fundId: string, year: number, own: AmountFact[]): AmountFact[] | undefined {
  const { store } = input;
  const fund = store.fund(fundId);
  if (!fund?.aggregate || own.some((fact) => fact.fund === fundId)) return undefined;
  const children = store.children(place.id).filter((child) => child.kind === fund.recipients);
  if (children.length === 0) return undefined;
  const figures = children.map((child) => {
    const facts = store.amounts({ place: child.id, year, fund: fundId }).filter((fact) => !fact.label && !fact.part);
    return facts.find((fact) => fact.status !== 'derived' && !fact.approximate) ?? facts[0];
  });
  if (!figures.every((fact) => fact !== undefined)) return undefined;
  // The table's own total of these rows, when it prints one.
  const printed = store.columnTotal(figures[0]!);
  return printed && store.columnCells(printed).length === figures.length ? [printed] : (figures as AmountFact[]);
}

/** "kommunerna", "the sub-regions": what a term made of a place's children's figures is called. */
function childrenWords(input: AnswerInput, term: Term): string | undefined {
  const child = term.facts[0] ? input.store.place(term.facts[0].place) : undefined;
  if (!child || child.id === term.place.id || child.parent !== term.place.id) return undefined;
  const count = term.facts.length;
  return child.kind === 'subregion' ? t(input, `de ${count} delregionerna`, `the ${count} sub-regions`) : t(input, `de ${count} kommunerna`, `the ${count} municipalities`);
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
  const children = childrenWords(input, term);
  const parts = [places || (!funds && !years) ? placeName(input, term.place.id) : '', children ?? (funds && term.fund ? fundName(input, term.fund).toLowerCase() : ''), years ? String(term.year) : ''].filter(Boolean);
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
  return [samePlace ? placeName(input, first.place.id) : '', fund, part, sameYear ? String(first.year) : ''].filter(Boolean).join(' ');
}

function termValue(term: Term) {
  return sumOf(term.facts.map((fact) => fact.amount));
}

/** One term's figure in words: the amount as printed, or its parts added up. */
function termWords(say: Provenance, term: Term): string {
  if (term.facts.length === 1) return say.marked(term.facts[0]!);
  // "de 15 kommunerna": many rows of a table are said as their sum, not listed.
  return term.facts.length > 4 ? say.unprintedSum(term.facts) : say.computed(term.facts);
}

function combine(input: AnswerInput, terms: Term[]): Reply | undefined {
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
    const sum = terms.some((term) => term.facts.length > 4) ? sumOfTerms(input, say, terms) : say.computed(all);
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
    const asked = askedAs(input);
    if (asked.ratio) {
      // "Hur många gånger mer får Falun än Mora?": the first figure over the second.
      const times = ratioWords(input, say, a, b);
      if (!times) return undefined;
      reply.figure = times.split(' (')[0]!;
      reply.text = t(input, `${capitalise(labels[0]!)} får ${times} så mycket som ${labels[1]}. ${side}`, `${capitalise(labels[0]!)} gets ${times} as much as ${labels[1]}. ${side}`);
    } else if (overYears && !difference.isZero()) {
      // "Ökade eller minskade det från 2020 till 2022?": the change, from the earlier year to the later;
      // "… i procent": as a percentage of the earlier year's figure.
      const [early, late] = a.year < b.year ? [a, b] : [b, a];
      const fell = termValue(late).lessThan(termValue(early));
      const percent = asked.percent ? percentWords(input, say, late, early) : undefined;
      if (percent) {
        reply.figure = asked.kronor ? `${reply.figure}, ${percent.split(' (')[0]}` : percent.split(' (')[0]!;
        const kronor = asked.kronor ? t(input, `${by}, det vill säga `, `${by}, that is `) : '';
        reply.text = t(
          input,
          `Från ${early.year} till ${late.year} ${fell ? 'minskade' : 'ökade'} beloppet med ${kronor}${percent}. ${side}`,
          `From ${early.year} to ${late.year} the amount ${fell ? 'decreased' : 'increased'} by ${kronor}${percent}. ${side}`,
        );
      } else {
        reply.text = t(
          input,
          `Från ${early.year} till ${late.year} ${fell ? 'minskade' : 'ökade'} beloppet med ${by}. ${side}`,
          `From ${early.year} to ${late.year} the amount ${fell ? 'decreased' : 'increased'} by ${by}. ${side}`,
        );
      }
    } else if (asked.percent && !difference.isZero() && !termValue(b).isZero()) {
      // "Hur mycket mer får Ludvika än Avesta, i kr och procent?": the difference over the second figure.
      const percent = percentWords(input, say, a, b)!;
      const more = !difference.isNegative();
      reply.figure = asked.kronor ? `${reply.figure}, ${percent.split(' (')[0]}` : percent.split(' (')[0]!;
      const [mer, more_] = more ? ['mer', 'more'] : ['mindre', 'less'];
      reply.text = asked.kronor
        ? t(input, `${capitalise(labels[0]!)} får ${by} ${mer} än ${labels[1]}, det vill säga ${percent} ${mer}. ${side}`, `${capitalise(labels[0]!)} gets ${by} ${more_} than ${labels[1]}, that is ${percent} ${more_}. ${side}`)
        : t(input, `${capitalise(labels[0]!)} får ${percent} ${mer} än ${labels[1]}. ${side}`, `${capitalise(labels[0]!)} gets ${percent} ${more_} than ${labels[1]}. ${side}`);
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

/** "26 538 801 kr (beräknat: 8 366 562 kr + 18 172 239 kr)": the terms' figures added up, each as one figure. */
function sumOfTerms(input: AnswerInput, say: Provenance, terms: Term[]): string {
  const all = terms.flatMap((term) => term.facts);
  const total = sumOf(all.map((fact) => fact.amount));
  const words = `${money(total, input.lang)} (${t(input, 'beräknat', 'derived')}: ${terms.map((term) => shownValue(input, term)).join(' + ')})`;
  say.add([{ status: 'derived', facts: all.map((fact) => fact.id), value: total.toFixed(), words }]);
  return words;
}

/** What form the calculation is asked in: a ratio ("hur många gånger"), a percentage, kronor too. */
function askedAs(input: AnswerInput): { ratio: boolean; percent: boolean; kronor: boolean } {
  const { u } = input;
  const percent = v.PERCENT.test(u.folded) || u.text.includes('%');
  return { ratio: v.RATIO_OP.test(u.folded), percent, kronor: !percent || v.IN_KRONOR.test(u.folded) };
}

/** A term's figure for a calculation's words: as printed when it is one amount, else its sum. */
function shownValue(input: AnswerInput, term: Term): string {
  const [only] = term.facts;
  return term.facts.length === 1 && only ? displayAmount(only.amount, only.printed, input.lang) : money(termValue(term), input.lang);
}

/** "16,1 % (beräknat: 108 610 kr / 674 017 kr)": how much `a` differs from `base`, as a percentage of `base`. */
function percentWords(input: AnswerInput, say: Provenance, a: Term, base: Term): string | undefined {
  const change = differenceOf(termValue(a), termValue(base));
  const fraction = shareOf(change.abs(), termValue(base));
  if (!fraction) return undefined;
  const words = `${formatPercent(fraction, input.lang, 1)} (${t(input, 'beräknat', 'derived')}: ${money(change.abs(), input.lang)} / ${shownValue(input, base)})`;
  say.add([{ status: 'derived', facts: a.facts.map((fact) => fact.id), minus: base.facts.map((fact) => fact.id), words }]);
  return words;
}

/** "2,9 gånger (beräknat: 1 726 309 kr / 593 461 kr)": `a` over `b`, to one decimal (two below 1). */
function ratioWords(input: AnswerInput, say: Provenance, a: Term, b: Term): string | undefined {
  const ratio = shareOf(termValue(a), termValue(b));
  if (!ratio) return undefined;
  const digits = ratio.toDecimalPlaces(ratio.lessThan(1) ? 2 : 1, Decimal.ROUND_HALF_UP).toFixed(ratio.lessThan(1) ? 2 : 1);
  const shown = input.lang === 'sv' ? digits.replace('.', ',') : digits;
  const words = `${shown} ${t(input, 'gånger', 'times')} (${t(input, 'beräknat', 'derived')}: ${shownValue(input, a)} / ${shownValue(input, b)})`;
  say.add([{ status: 'derived', facts: a.facts.map((fact) => fact.id), of: b.facts.map((fact) => fact.id), words }]);
  return words;
}

/**
 * "Hur stor andel av Dalarnas länsgemensamma medel går till suicidprevention?": a part over its
 * whole, both from the store, the whole said in words (the place's total, or what its
 * municipalities or sub-regions get together).
 */
function share(input: AnswerInput): Reply | undefined {
  const { u, store } = input;
  const places = placesOf(input);
  if (places.length === 0) return potsShare(input) ?? itemShare(input);
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

/**
 * "Of the 1,716 Mkr in 2020, what share went to the four county pots?": national pots over the
 * agreement's whole, when the amount said is the agreement's total of a year the store has.
 */
function potsShare(input: AnswerInput): Reply | undefined {
  const { u, store } = input;
  const nation = store.knowledge.places.find((candidate) => candidate.kind === 'country');
  const pots = u.funds.filter((id) => !store.fund(id)?.aggregate);
  if (!nation || pots.length === 0) return undefined;
  const said = amountsInText(u.text, u.lang);
  const wholes = store.amounts({ place: nation.id }).filter((fact) => !fact.label && store.fund(fact.fund)?.aggregate && (u.year === undefined || fact.year === u.year) && said.some((amount) => amount.amount.equals(fact.amount)));
  const whole = wholes[0];
  if (!whole || wholes.length > 1) return undefined;
  const parts = pots.map((fund) => figureFor(input, nation, fund, whole.year));
  if (parts.some((part) => part === undefined)) return missing(input, pots.filter((_, i) => !parts[i]).map((fund) => `${nation.name} (${fundName(input, fund).toLowerCase()}) ${whole.year}`));
  const part = (parts as AmountFact[][]).flat();
  const say = new Provenance(input);
  const sum = part.length > 1 ? say.computed(part) : say.marked(part[0]!);
  const words = say.computed(part, { of: [whole] });
  const reply = emptyReply('amount', input.lang, t(input, `Andel ${whole.year}`, `Share ${whole.year}`), '');
  reply.figure = words.split(' (')[0]!;
  reply.rows = [
    ...part.map((fact) => ({ ...rowFor(input, say, fact), label: fundName(input, fact.fund) })),
    { label: t(input, 'Helheten', 'The whole'), value: say.marked(whole) },
  ];
  const names = joinList(part.map((fact) => fundName(input, fact.fund).toLowerCase()), input.lang);
  reply.text = t(
    input,
    `De nationella potterna för ${names} är ${sum} tillsammans, ${words} av ${fundName(input, whole.fund).toLowerCase()} ${whole.year} (${say.marked(whole)}).`,
    `The national pots for ${names} come to ${sum}, ${words} of ${fundName(input, whole.fund).toLowerCase()} in ${whole.year} (${say.marked(whole)}).`,
  );
  return finish(input, reply, say, [...part, whole]);
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

interface Counted {
  place: Place;
  figure: FigureFact;
  value: Decimal;
}

/** A place's count of people in the year asked (or the latest the documents give), if they give one. */
function countFor(input: AnswerInput, place: Place): Counted | undefined {
  const { u, store } = input;
  const figures = (store.figures({ place: place.id }) as FigureFact[])
    .filter((figure) => PEOPLE_UNIT.test(foldText(figure.unit)) && NUMBER.test(figure.value.trim()))
    .filter((figure) => u.years.length === 0 || u.years.includes(figure.year))
    .sort((a, b) => b.year - a.year);
  const figure = figures[0];
  if (!figure) return undefined;
  const digits = NUMBER.exec(figure.value.trim())![2]!.replace(/[\s\u00a0]/g, '').replace(',', '.');
  return { place, figure, value: new Decimal(digits) };
}

/** "58 460" / "58,460": a count, grouped as the reader's language groups digits. */
function countWords(value: Decimal, lang: 'sv' | 'en'): string {
  const [whole, decimals] = value.toFixed().split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'sv' ? '\u00a0' : ',');
  return decimals ? `${grouped}${lang === 'sv' ? ',' : '.'}${decimals}` : grouped;
}

/**
 * "Faluns andel av länets befolkning", "skillnad i invånare mellan Falun och Orsa": the documents'
 * counts of people, calculated with as amounts are; a place without a count is said to lack one.
 */
function figureCalculation(input: AnswerInput): Reply | undefined {
  const { u } = input;
  const named = placesOf(input);
  if (named.length === 0) return undefined;
  const whole = u.operation === 'share' ? (named.find((place) => place.kind === 'county') ?? countyOf(input, named[0]!)) : undefined;
  const places = u.operation === 'share' ? [named.find((place) => place.kind !== 'county') ?? named[0]!, whole!] : named;
  if (new Set(places.map((place) => place.id)).size < 2) return undefined;
  const counts = places.map((place) => countFor(input, place));
  const lacking = places.filter((_, i) => !counts[i]);
  const what = t(input, 'invånare', 'inhabitants');
  if (lacking.length > 0) {
    const reply = notFound(input, `antalet invånare för ${joinList(lacking.map((place) => place.name), 'sv')}${u.year ? ` ${u.year}` : ''}`, `the number of inhabitants of ${joinList(lacking.map((place) => place.name), 'en')}${u.year ? ` in ${u.year}` : ''}`);
    reply.text += t(input, ' Därför räknar jag inte fram något.', ' So I have not computed anything.');
    reply.known = [...new Set(places.flatMap((place) => knownAboutPlace(input, place.id)))];
    return reply;
  }
  const [a, b] = counts as [Counted, Counted];
  const shown = (c: Counted) => `${countWords(c.value, input.lang)} ${what}`;
  const derived = t(input, 'beräknat', 'derived');
  const reply = emptyReply('amount', input.lang, '', '');
  reply.rows = (counts as Counted[]).map((c) => ({ label: `${c.place.name} ${c.figure.year}`, value: shown(c) }));
  let words: string;
  if (u.operation === 'share') {
    const fraction = shareOf(a.value, b.value);
    if (!fraction) return undefined;
    words = `${formatPercent(fraction, input.lang, 1)} (${derived}: ${countWords(a.value, input.lang)} / ${countWords(b.value, input.lang)})`;
    reply.title = t(input, `Andel av befolkningen ${b.figure.year}`, `Share of the population ${b.figure.year}`);
    reply.text = t(input, `${a.place.name} har ${words} av ${b.place.name}s invånare.`, `${a.place.name} has ${words} of ${b.place.name}'s inhabitants.`);
  } else if (u.operation === 'sum') {
    const total = sumOf((counts as Counted[]).map((c) => c.value));
    words = `${shown({ ...a, value: total })} (${derived}: ${(counts as Counted[]).map((c) => countWords(c.value, input.lang)).join(' + ')})`;
    reply.title = t(input, 'Invånare tillsammans', 'Inhabitants together');
    reply.text = t(input, `${joinList(places.map((place) => place.name), 'sv')} har tillsammans ${words}.`, `${joinList(places.map((place) => place.name), 'en')} have ${words} together.`);
  } else {
    const difference = differenceOf(a.value, b.value);
    const ratio = askedAs(input).ratio ? shareOf(a.value, b.value) : undefined;
    words = ratio
      ? `${ratio.toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1).replace('.', input.lang === 'sv' ? ',' : '.')} ${t(input, 'gånger', 'times')} (${derived}: ${countWords(a.value, input.lang)} / ${countWords(b.value, input.lang)})`
      : `${shown({ ...a, value: difference.abs() })} (${derived}: ${difference.isNegative() ? `${countWords(b.value, input.lang)} − ${countWords(a.value, input.lang)}` : `${countWords(a.value, input.lang)} − ${countWords(b.value, input.lang)}`})`;
    reply.title = t(input, `${a.place.name} jämfört med ${b.place.name}`, `${a.place.name} compared with ${b.place.name}`);
    reply.text = ratio
      ? t(input, `${a.place.name} har ${words} så många invånare som ${b.place.name}.`, `${a.place.name} has ${words} as many inhabitants as ${b.place.name}.`)
      : t(input, `Skillnaden i invånare mellan ${a.place.name} och ${b.place.name} är ${words}.`, `The difference in inhabitants between ${a.place.name} and ${b.place.name} is ${words}.`);
  }
  reply.figure = words.split(' (')[0]!;
  reply.text += ` ${(counts as Counted[]).map((c) => `${c.place.name} ${c.figure.year}: ${shown(c)}`).join(', ')}.`;
  reply.provenance = [{ status: 'derived', facts: (counts as Counted[]).map((c) => c.figure.id), words }];
  reply.sources = uniqueSections((counts as Counted[]).map((c) => source(input, { document: c.figure.document, ...c.figure.source })));
  reply.text += ` ${sourceLine(reply.sources, input.lang)}.`;
  return reply;
}

/** "den största kommunen", "the smallest municipality": the document's own words for the extreme it names. */
const LARGEST_SAID = /\b(storsta|largest|biggest)\b/;
const SMALLEST_SAID = /\b(minsta|smallest)\b/;

/**
 * "Vilken kommun i Dalarna har minst invånare?": places ranked by their counts of people, never by
 * amounts. The documents count only some places, so a place is called the smallest or largest only
 * where the document itself says so; otherwise the counts it has are given and the gap is named.
 */
function rankByCount(input: AnswerInput): Reply {
  const { u, store } = input;
  const scope = placesOf(input)[0];
  const county = scope ? (scope.kind === 'county' ? scope : countyOf(input, scope)) : undefined;
  const places = store.knowledge.places.filter((place) => place.kind === 'municipality' && (!county || place.parent === county.id));
  const counted = places.flatMap((place) => countFor(input, place) ?? []);
  const what = t(input, 'invånare', 'inhabitants');
  if (counted.length === 0) {
    return notFound(input, `antalet invånare för ${county ? `kommunerna i ${county.name}` : 'kommunerna'}`, `the number of inhabitants of ${county ? `the municipalities of ${county.name}` : 'the municipalities'}`);
  }
  const said = (c: Counted, pattern: RegExp) => pattern.test(foldText(c.figure.source.quote.split(c.figure.value)[0]!.split(/[.;]/).at(-1) ?? ''));
  const smallest = counted.find((c) => said(c, SMALLEST_SAID));
  const largest = counted.find((c) => said(c, LARGEST_SAID));
  const shown = (c: Counted) => `${c.place.name} ${countWords(c.value, input.lang)} ${what} (${c.figure.year})`;
  const reply = emptyReply('list', input.lang, t(input, `Invånare${county ? ` i ${county.name}` : ''}`, `Inhabitants${county ? ` in ${county.name}` : ''}`), '');
  reply.rows = counted.map((c) => ({ label: `${c.place.name} ${c.figure.year}`, value: `${countWords(c.value, input.lang)} ${what}` }));
  const wantsLeast = v.LEAST.test(u.folded);
  const wantsMost = v.MOST.test(u.folded);
  const lines: string[] = [];
  if (wantsLeast || !wantsMost) lines.push(smallest ? t(input, `Minst enligt dokumentet: ${shown(smallest)}.`, `Smallest according to the document: ${shown(smallest)}.`) : '');
  if (wantsMost || !wantsLeast) lines.push(largest ? t(input, `Störst enligt dokumentet: ${shown(largest)}.`, `Largest according to the document: ${shown(largest)}.`) : '');
  const answered = lines.filter(Boolean);
  if (answered.length === 0) {
    const reply = notFound(input, `antalet invånare för alla kommuner${county ? ` i ${county.name}` : ''}`, `the number of inhabitants of every municipality${county ? ` in ${county.name}` : ''}`);
    reply.known = [t(input, `Dokumenten anger invånare för ${joinList(counted.map(shown), 'sv')}`, `The documents give inhabitants for ${joinList(counted.map(shown), 'en')}`)];
    return reply;
  }
  reply.figure = (wantsLeast && smallest ? shown(smallest) : largest ? shown(largest) : shown(smallest!)).split(' (')[0]!;
  reply.text = `${answered.join(' ')} ${t(input, 'Dokumentet anger inte invånarantalet för de andra kommunerna.', 'The document does not give the number of inhabitants of the other municipalities.')}`;
  reply.provenance = [{ status: 'stated', facts: counted.map((c) => c.figure.id), words: answered.join(' ') }];
  reply.sources = uniqueSections(counted.map((c) => source(input, { document: c.figure.document, ...c.figure.source })));
  reply.text += ` ${sourceLine(reply.sources, input.lang)}.`;
  return reply;
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

