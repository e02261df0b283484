// "Hur mycket får Mora?": the figure, its year and document, its parts, and how sure it is.
import { Decimal } from 'decimal.js';
import type { AmountFact } from '../../knowledge/model.js';
import { fundName, placeName, t, type AnswerInput } from '../answer-context.js';
import { derivationFor } from '../derivation.js';
import { displayAmount, joinList, capitalise } from '../format.js';
import { lexiconOf } from '../lexicon.js';
import { Provenance } from '../provenance.js';
import { emptyReply, type Reply, type ReplyRow } from '../reply.js';
import { finishReply, sourceLine, sourcesOfClaims } from '../sources.js';
import { STOP_WORDS, KOMMUN } from '../vocabulary.js';
import { translatePhrases } from '../glossary.js';
import { quoteSwedish } from '../language.js';
import { foldText } from '../../text/normalize.js';
import { clarifyPlace, resolvePlace } from './resolve.js';
import { knownAboutPlace, knownPlaces, notFound } from './unknown.js';

const STATUS_RANK = { stated: 0, reconstructed: 1, derived: 2 } as const;

export function answerAmount(input: AnswerInput): Reply {
  const { u, store } = input;
  const item = u.fund ? undefined : matchItem(input);
  if (item) return amountReply(input, item, []);

  const resolved = resolvePlace(input);
  if (resolved.kind === 'ambiguous') return clarifyPlace(input, resolved.choices);
  if (resolved.kind === 'none') {
    if (u.fund) {
      // A fund that only one place has ("skånegemensamt"), or a national pot ("ungdomsmottagningar 2020").
      const facts = store.amounts({ fund: u.fund, ...(u.year ? { year: u.year } : {}) }).filter((fact) => !fact.label && !fact.part);
      const places = [...new Set(facts.map((fact) => fact.place))];
      // The national pot only when asked for ("nationellt"); a coordinator otherwise means a county.
      const national = facts.filter((fact) => store.place(fact.place)?.kind === 'country');
      if (places.length > 1) return clarifyPlace(input, places.map((id) => store.place(id)!).filter((place) => place.kind !== 'country'));
      if (places.length === 1) {
        const fact = [...(national.length > 0 ? national : facts)].sort(byPreference)[0]!;
        const note = t(input, `Ingen plats angavs: svaret gäller ${placeName(input, fact.place)}.`, `No place given: this is for ${placeName(input, fact.place)}.`);
        return amountReply(input, fact, [note]);
      }
    }
    if (u.unknownWords.length > 0) {
      const reply = notFound(input, `”${u.unknownWords.join(' ')}”`, `“${u.unknownWords.join(' ')}”`);
      reply.known = knownPlaces(input);
      return reply;
    }
    return clarifyPlace(input, store.placesWithAmounts().filter((place) => place.kind === 'county'));
  }

  const place = resolved.place;
  const name = placeName(input, place.id);
  const years = store.amountYears(place.id);
  if (years.length === 0) {
    const reply = notFound(input, `några belopp för ${name}`, `any amounts for ${name}`);
    reply.known = [...knownAboutPlace(input, place.id), ...knownPlaces(input)];
    return reply;
  }
  // A year carried from the conversation gives way to the years this place has.
  const carriedAway = u.yearFromContext && u.year !== undefined && !years.includes(u.year);
  const year = carriedAway ? years[years.length - 1]! : (u.year ?? years[years.length - 1]!);
  if (!years.includes(year)) {
    const reply = notFound(input, `något belopp för ${name} ${year}`, `an amount for ${name} in ${year}`);
    reply.known = knownAboutPlace(input, place.id);
    return reply;
  }
  const notes: string[] = [...resolved.notes];
  if (carriedAway) notes.push(t(input, `Dokumenten har inga belopp för ${name} ${u.year}; svaret gäller ${year}.`, `The documents have no amounts for ${name} in ${u.year}; this is ${year}.`));
  if ((!u.year || carriedAway) && years.length > 1) {
    const others = joinList(years.filter((y) => y !== year).map(String), input.lang);
    notes.push(t(input, `Inget år angavs: svaret gäller ${year}, det senaste året i dokumenten (det finns också ${others}).`, `No year given: this is ${year}, the latest year in the documents (there is also ${others}).`));
  }
  if (KOMMUN.test(u.folded) && place.kind !== 'municipality' && place.kind !== 'county') {
    notes.push(t(input, `${name} är en delregion i dokumenten, inte en kommun; svaret gäller delregionen.`, `${name} is a sub-region in the documents, not a municipality; the answer is for the sub-region.`));
  }

  const facts = store.amounts({ place: place.id, year }).filter((fact) => !fact.label);
  // "enligt ÖK": the agreement as a whole is what every fund is under; a place without a figure of
  // that name is answered with its total.
  const fund = u.fund && store.fund(u.fund)?.aggregate && !facts.some((fact) => fact.fund === u.fund) ? undefined : u.fund;
  // "vad får Avesta för utvecklingsinsatser resp. den kunskapsbaserade delen?": each fund asked, or none.
  const asked = u.operation === 'value' || u.operation === 'parts' ? u.funds.filter((id) => !store.fund(id)?.aggregate) : [];
  if (fund && asked.length > 1) return severalFunds(input, place.id, year, asked, facts, notes);
  if (fund) {
    const ofFund = facts.filter((fact) => fact.fund === fund).sort(byPreference);
    // "Sydost suicidprevention, inte basen": the part asked for, when the row has parts.
    const forFund = u.part && ofFund.some((fact) => fact.part === u.part) ? ofFund.filter((fact) => fact.part === u.part) : ofFund;
    if (forFund.length === 0) {
      const reply = notFound(input, `något belopp för ${fundName(input, fund).toLowerCase()} till ${name} ${year}`, `an amount for ${fundName(input, fund).toLowerCase()} for ${name} in ${year}`);
      const funds = [...new Set(facts.map((fact) => fundName(input, fact.fund)))];
      reply.known = [t(input, `För ${name} ${year} finns: ${joinList(funds, 'sv')}`, `For ${name} in ${year} there is: ${joinList(funds, 'en')}`)];
      return reply;
    }
    return amountReply(input, forFund[0]!, notes);
  }
  const elsewhere = itemElsewhere(input, place.id, year);
  if (elsewhere) return elsewhere;
  const aggregates = facts.filter((fact) => store.fund(fact.fund)?.aggregate).sort(byPreference);
  const primary = aggregates[0] ?? facts.filter((fact) => !fact.part).sort(byPreference)[0];
  if (!primary) return notFound(input, `något belopp för ${name} ${year}`, `an amount for ${name} in ${year}`);
  return amountReply(input, primary, notes);
}

/** Each of several funds asked for one place and year, or the ones it lacks named and no figure. */
function severalFunds(input: AnswerInput, placeId: string, year: number, funds: string[], facts: AmountFact[], notes: string[]): Reply {
  const name = placeName(input, placeId);
  const found = funds.map((id) => facts.filter((fact) => fact.fund === id && (!input.u.part || fact.part === input.u.part || !facts.some((other) => other.fund === id && other.part === input.u.part))).sort(byPreference)[0]);
  const lacking = funds.filter((_, i) => !found[i]);
  if (lacking.length > 0) {
    const names = lacking.map((id) => fundName(input, id).toLowerCase());
    const reply = notFound(input, `något belopp för ${joinList(names, 'sv')} till ${name} ${year}`, `an amount for ${joinList(names, 'en')} for ${name} in ${year}`);
    reply.known = [t(input, `För ${name} ${year} finns: ${joinList([...new Set(facts.map((fact) => fundName(input, fact.fund)))], 'sv')}`, `For ${name} in ${year} there is: ${joinList([...new Set(facts.map((fact) => fundName(input, fact.fund)))], 'en')}`)];
    return reply;
  }
  const shown = found as AmountFact[];
  const say = new Provenance(input);
  const labels = shown.map((fact) => rowLabel(input, fact));
  const reply = emptyReply('list', input.lang, `${name} ${year}: ${capitalise(joinList(labels, input.lang))}`, '');
  reply.rows = shown.map((fact) => rowFor(input, say, fact));
  reply.notes = [...notes, ...shown.flatMap((fact) => statusNotes(say, fact))];
  reply.text = `${name} ${year}: ${shown.map((fact) => `${say.marked(fact)} ${t(input, 'för', 'for')} ${rowLabel(input, fact)}`).join('; ')}.`;
  return finishReply(input.store, reply, say, shown);
}

function byPreference(a: AmountFact, b: AmountFact): number {
  return Number(Boolean(a.part)) - Number(Boolean(b.part)) || Number(a.approximate) - Number(b.approximate) || STATUS_RANK[a.status] - STATUS_RANK[b.status] || b.components.length - a.components.length;
}

/** The answer for one amount fact, with its parts or the related amounts of the same place and year. */
export function amountReply(input: AnswerInput, fact: AmountFact, notes: string[]): Reply {
  const say = new Provenance(input);
  const name = placeName(input, fact.place);
  const label = rowLabel(input, fact);
  const what = capitalise(label);
  const reply = emptyReply('amount', input.lang, `${name} ${fact.year}: ${what}`, '');
  const figure = say.figure(fact);
  reply.figure = displayAmount(fact.amount, fact.printed, input.lang);
  if (fact.approximate) reply.figure = `${t(input, 'drygt', 'just over')} ${reply.figure}`;
  const shown = shownRows(input, fact);
  reply.rows = shown.rows.map((row) => rowFor(input, say, row));
  reply.notes = [...notes, ...statusNotes(say, fact), ...say.legend(shown.rows)];
  if (shown.role === 'related') reply.notes.push(...relatedNote(input, fact, shown.rows, reply.figure));
  if (shown.rows.length > 1 && fact.approximate) reply.notes.push(say.rowsAddUp(shown.rows));
  const derivation = derivationFor(input, fact);
  say.add(derivation.claims);
  reply.derivation = derivation.lines;
  const heading = shown.role === 'parts' ? t(input, 'Fördelat på', 'Made up of') : relatedHeading(input, fact, shown.rows);
  const parts = shown.rows.length > 0 ? ` ${heading}: ${shown.rows.map((row) => `${say.marked(row)} ${t(input, 'för', 'for')} ${rowLabel(input, row)}`).join('; ')}.` : '';
  reply.provenance = say.claims;
  reply.sources = sourcesOfClaims(input.store, say.claims);
  reply.text = `${name} ${fact.year}: ${figure} – ${fact.label ? fact.label.replace(/\.$/, '') : label}.${parts}` + (reply.notes.length > 0 ? ` ${reply.notes.join(' ')}` : '') + ` ${sourceLine(reply.sources, input.lang)}.`;
  reply.suggestions = [
    ...(reply.derivation.length > 0 ? [{ title: t(input, 'Visa beräkning', 'Show calculation'), question: t(input, `Hur räknades beloppet för ${name} ${fact.year} ut?`, `How was the amount for ${name} in ${fact.year} calculated?`) }] : []),
    ...parentSuggestion(input, fact),
  ];
  return reply;
}

/**
 * The amounts shown under a figure, and what they are to it: its parts (the cells of its row, or the
 * row that adds up to a rough total), or, for a total with no known parts, the other amounts of the
 * same place and year.
 */
function shownRows(input: AnswerInput, fact: AmountFact): { rows: AmountFact[]; role: 'parts' | 'related' } {
  const { store } = input;
  if (fact.components.length > 0) return { rows: fact.components, role: 'parts' };
  if (!store.fund(fact.fund)?.aggregate) return { rows: [], role: 'parts' };
  const approximated = store.approximatedBy(fact);
  if (approximated.length > 0) return { rows: approximated, role: 'parts' };
  const related = store.amounts({ place: fact.place, year: fact.year }).filter((other) => other !== fact && !other.label && !other.part && other.status !== 'derived' && !store.fund(other.fund)?.aggregate);
  return { rows: related, role: 'related' };
}

/** "Till länen fördelas": what the related amounts are, from the recipients of their funds. */
function relatedHeading(input: AnswerInput, fact: AmountFact, rows: AmountFact[]): string {
  if (toCounties(input, rows)) return t(input, 'Till länen fördelas', 'Distributed to the counties');
  return t(input, `Också för ${placeName(input, fact.place)} ${fact.year}`, `Also for ${placeName(input, fact.place)} in ${fact.year}`);
}

/** Related amounts that do not add up to the figure are said not to be its breakdown. */
function relatedNote(input: AnswerInput, fact: AmountFact, rows: AmountFact[], shown: string): string[] {
  const sum = rows.reduce((acc, row) => acc.plus(row.amount), new Decimal(0));
  if (rows.length === 0 || sum.equals(fact.amount)) return [];
  return toCounties(input, rows)
    ? [t(input, `De ${rows.length} beloppen är det som fördelas till länen, inte en uppdelning av ${shown}.`, `The ${rows.length} amounts are what goes to the counties, not a breakdown of ${shown}.`)]
    : [t(input, `De ${rows.length} beloppen är andra belopp, inte en uppdelning av ${shown}.`, `The ${rows.length} amounts are other amounts, not a breakdown of ${shown}.`)];
}

function toCounties(input: AnswerInput, rows: AmountFact[]): boolean {
  return rows.length > 0 && rows.every((row) => input.store.fund(row.fund)?.recipients === 'county');
}

function parentSuggestion(input: AnswerInput, fact: AmountFact) {
  const place = input.store.place(fact.place);
  const parent = place?.parent ? input.store.place(place.parent) : undefined;
  if (!place || !parent || parent.kind !== 'county') return [];
  const kind = place.kind === 'municipality' ? t(input, 'kommuner', 'municipalities') : t(input, 'delregioner', 'sub-regions');
  return [{ title: t(input, `Alla ${kind} i ${parent.name}`, `All ${kind} in ${parent.name}`), question: t(input, `Alla ${kind} i ${parent.name} ${fact.year}`, `All ${kind} in ${parent.name} ${fact.year}`) }];
}

/** How a part reads in a sentence: the fund in the reader's language, and which part of it. */
export function rowLabel(input: AnswerInput, fact: AmountFact): string {
  // An item's name is the document's Swedish: an English answer shows it as a quote.
  if (fact.label) return input.lang === 'en' ? quoteSwedish(fact.label) : fact.label;
  const fund = fundName(input, fact.fund).toLowerCase();
  if (fact.part === 'base') return `${fund} (${t(input, 'bas', 'base')})`;
  if (fact.part === 'byPopulation') return `${fund} (${t(input, 'efter befolkning', 'by population')})`;
  return fund;
}

export function rowFor(input: AnswerInput, say: Provenance, fact: AmountFact): ReplyRow {
  const label = rowLabel(input, fact);
  return { label: capitalise(label), ...say.row(fact), status: fact.approximate ? 'approximate' : fact.status };
}

/** Plain words for a figure that is not simply printed in the document. */
function statusNotes(say: Provenance, fact: AmountFact): string[] {
  return [...say.reconstruction(fact), ...(fact.approximate ? [say.approximation(fact)] : [])];
}

/** A named item within a fund ("Case Management", "MHFA instruktörsutbildning") the question mentions. */
export function matchItem(input: AnswerInput, options: { anywhere?: boolean } = {}): AmountFact | undefined {
  return bestItem(input, options)?.fact;
}

/** The item that explains most of the question's own words, with the words it explains. */
function bestItem(input: AnswerInput, { anywhere = false }: { anywhere?: boolean } = {}): { fact: AmountFact; score: number; asked: string[] } | undefined {
  const { u, store } = input;
  const { fundWords, placeWords, items } = lexiconOf(store);
  // English compounds are read in Swedish too: the items are named in Swedish ("gaming project" → "gamingprojekt").
  const asked = u.lang === 'en' ? `${u.folded} ${foldText(translatePhrases(u.text, 'en'))}` : u.folded;
  const question = [...new Set(asked.split(/[ -]/))].filter((word) => word.length >= 4 && !STOP_WORDS.has(word) && !fundWords.has(word) && !placeWords.has(word));
  if (question.length === 0) return undefined;
  const close = (q: string, w: string) => q === w || (q.length >= 7 && w.startsWith(q.slice(0, 7))) || (w.length >= 7 && q.startsWith(w.slice(0, 7))) || (w.length >= 8 && q.includes(w)) || (q.length >= 8 && w.includes(q));
  // The item that explains most of the question's own words ("gamingprojektet på mariamottagningarna").
  let best: { fact: AmountFact; score: number; asked: string[] } | undefined;
  for (const { fact, words } of items) {
    if (!anywhere && u.place && u.place !== fact.place) continue;
    if (!anywhere && u.year && u.year !== fact.year) continue;
    const asked = question.filter((q) => words.some((w) => close(q, w)));
    if (asked.length > 0 && (!best || asked.length > best.score)) best = { fact, score: asked.length, asked };
  }
  return best;
}

/**
 * "Hur mycket får gamingprojektet i Jämtland?": the question names an item another place's
 * documents list, not this place's. Never the place's total for it: the item is said to be elsewhere.
 */
function itemElsewhere(input: AnswerInput, placeId: string, year: number): Reply | undefined {
  const found = bestItem(input, { anywhere: true });
  if (!found || (found.fact.place === placeId && found.fact.year === year)) return undefined;
  const words = input.u.text.split(/\s+/).filter((word) => found.asked.includes(foldText(word).replace(/[^a-z0-9-]/g, ''))).map((word) => word.replace(/[?!.,;:]+$/, ''));
  const what = words.length > 0 ? words.join(' ') : found.asked.join(' ');
  const name = placeName(input, placeId);
  const reply = notFound(input, `något belopp för ”${what}” till ${name} ${year}`, `an amount for “${what}” for ${name} in ${year}`);
  const printed = found.fact.label ?? fundName(input, found.fact.fund);
  const label = input.lang === 'en' ? quoteSwedish(printed) : `”${printed}”`;
  reply.known = [
    t(input, `${label} finns för ${placeName(input, found.fact.place)} ${found.fact.year}`, `${label} is listed for ${placeName(input, found.fact.place)} in ${found.fact.year}`),
    ...knownAboutPlace(input, placeId),
  ];
  return reply;
}
