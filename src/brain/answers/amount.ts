// "Hur mycket får Mora?": the figure, its year and document, its parts, and how sure it is.
import { Decimal } from 'decimal.js';
import type { AmountFact } from '../../knowledge/model.js';
import { fundName, placeName, source, t, type AnswerInput } from '../answer-context.js';
import { derivationFor } from '../derivation.js';
import { displayAmount, joinList, money } from '../format.js';
import { emptyReply, type Reply, type ReplyRow } from '../reply.js';
import { lexiconOf } from '../lexicon.js';
import { STOP_WORDS, KOMMUN } from '../vocabulary.js';
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
  const year = u.year ?? years[years.length - 1]!;
  if (!years.includes(year)) {
    const reply = notFound(input, `något belopp för ${name} ${year}`, `an amount for ${name} in ${year}`);
    reply.known = knownAboutPlace(input, place.id);
    return reply;
  }
  const notes: string[] = [...resolved.notes];
  if (!u.year && years.length > 1) {
    const others = joinList(years.filter((y) => y !== year).map(String), input.lang);
    notes.push(t(input, `Inget år angavs: svaret gäller ${year}, det senaste året i dokumenten (det finns också ${others}).`, `No year given: this is ${year}, the latest year in the documents (there is also ${others}).`));
  }
  if (KOMMUN.test(u.folded) && place.kind !== 'municipality' && place.kind !== 'county') {
    notes.push(t(input, `${name} är en delregion i dokumenten, inte en kommun; svaret gäller delregionen.`, `${name} is a sub-region in the documents, not a municipality; the answer is for the sub-region.`));
  }

  const facts = store.amounts({ place: place.id, year }).filter((fact) => !fact.label);
  if (u.fund) {
    const forFund = facts.filter((fact) => fact.fund === u.fund).sort(byPreference);
    if (forFund.length === 0) {
      const reply = notFound(input, `något belopp för ${fundName(input, u.fund).toLowerCase()} till ${name} ${year}`, `an amount for ${fundName(input, u.fund).toLowerCase()} for ${name} in ${year}`);
      const funds = [...new Set(facts.map((fact) => fundName(input, fact.fund)))];
      reply.known = [t(input, `För ${name} ${year} finns: ${joinList(funds, 'sv')}`, `For ${name} in ${year} there is: ${joinList(funds, 'en')}`)];
      return reply;
    }
    return amountReply(input, forFund[0]!, notes);
  }
  const aggregates = facts.filter((fact) => store.fund(fact.fund)?.aggregate).sort(byPreference);
  const primary = aggregates[0] ?? facts.filter((fact) => !fact.part).sort(byPreference)[0];
  if (!primary) return notFound(input, `något belopp för ${name} ${year}`, `an amount for ${name} in ${year}`);
  return amountReply(input, primary, notes);
}

function byPreference(a: AmountFact, b: AmountFact): number {
  return Number(Boolean(a.part)) - Number(Boolean(b.part)) || Number(a.approximate) - Number(b.approximate) || STATUS_RANK[a.status] - STATUS_RANK[b.status] || b.components.length - a.components.length;
}

/** The answer for one amount fact, with its parts or the related amounts of the same place and year. */
export function amountReply(input: AnswerInput, fact: AmountFact, notes: string[]): Reply {
  const { store } = input;
  const name = placeName(input, fact.place);
  const what = fact.label ?? fundName(input, fact.fund);
  const shown = displayAmount(fact.amount, fact.printed, input.lang);
  const figure = fact.approximate ? `${t(input, 'drygt', 'just over')} ${shown}` : shown;
  const reply = emptyReply('amount', input.lang, `${name} ${fact.year}: ${what}`, '');
  reply.figure = figure;
  reply.notes = [...notes, ...statusNotes(input, fact)];
  let rows: AmountFact[] = fact.components;
  if (rows.length === 0 && store.fund(fact.fund)?.aggregate) {
    rows = store.amounts({ place: fact.place, year: fact.year }).filter((other) => other !== fact && !other.label && !other.part && other.status !== 'derived' && !store.fund(other.fund)?.aggregate);
    if (rows.length > 1 && fact.approximate) {
      const sum = rows.reduce((acc, row) => acc.plus(row.amount), new Decimal(0));
      reply.notes.push(t(input, `Summan av beloppen nedan är ${money(sum, 'sv')} (beräknad, inte en siffra i dokumentet).`, `The amounts below add up to ${money(sum, 'en')} (derived, not a figure printed in the document).`));
    }
  }
  reply.rows = rows.map((row) => rowFor(input, row));
  reply.derivation = derivationFor(input, fact);
  reply.sources = [source(input, fact.source)];
  const parts = rows.length > 0 ? ` ${t(input, 'Fördelat på', 'Made up of')}: ${rows.map((row) => `${displayAmount(row.amount, row.printed, input.lang)} ${t(input, 'för', 'for')} ${rowLabel(input, row)}`).join('; ')}.` : '';
  const statusWord = fact.status === 'reconstructed' ? t(input, ' (rekonstruerat)', ' (reconstructed)') : fact.status === 'derived' ? t(input, ' (beräknat)', ' (derived)') : '';
  reply.text =
    `${name} ${fact.year}: ${figure}${statusWord} – ${what.charAt(0).toLowerCase()}${what.slice(1)}.${parts}` +
    (reply.notes.length > 0 ? ` ${reply.notes.join(' ')}` : '') +
    ` ${t(input, 'Källa', 'Source')}: ${reply.sources[0]!.title} (${reply.sources[0]!.origin}), ${reply.sources[0]!.section}.`;
  reply.suggestions = [
    ...(reply.derivation.length > 0 ? [{ title: t(input, 'Visa beräkning', 'Show calculation'), question: t(input, `Hur räknades beloppet för ${name} ${fact.year} ut?`, `How was the amount for ${name} in ${fact.year} calculated?`) }] : []),
    ...parentSuggestion(input, fact),
  ];
  return reply;
}

function parentSuggestion(input: AnswerInput, fact: AmountFact) {
  const place = input.store.place(fact.place);
  const parent = place?.parent ? input.store.place(place.parent) : undefined;
  if (!place || !parent || parent.kind !== 'county') return [];
  const kind = place.kind === 'municipality' ? t(input, 'kommuner', 'municipalities') : t(input, 'delregioner', 'sub-regions');
  return [{ title: t(input, `Alla ${kind} i ${parent.name}`, `All ${kind} in ${parent.name}`), question: t(input, `Alla ${kind} i ${parent.name} ${fact.year}`, `All ${kind} in ${parent.name} ${fact.year}`) }];
}

/** How a part reads in a sentence: the fund in the reader's language, and which part of it. */
function rowLabel(input: AnswerInput, fact: AmountFact): string {
  if (fact.label) return fact.label;
  const fund = fundName(input, fact.fund).toLowerCase();
  if (fact.part === 'base') return `${fund} (${t(input, 'bas', 'base')})`;
  if (fact.part === 'byPopulation') return `${fund} (${t(input, 'efter befolkning', 'by population')})`;
  return fund;
}

export function rowFor(input: AnswerInput, fact: AmountFact): ReplyRow {
  const label = rowLabel(input, fact);
  return {
    label: label.charAt(0).toUpperCase() + label.slice(1),
    value: displayAmount(fact.amount, fact.printed, input.lang),
    status: fact.approximate ? 'approximate' : fact.status,
    ...(fact.reconstruction ? { note: t(input, `rekonstruerat, tryckt som ”${fact.reconstruction.printed}”`, `reconstructed, printed as “${fact.reconstruction.printed}”`) } : {}),
  };
}

/** Plain words for anything that is not simply printed in the document. */
export function statusNotes(input: AnswerInput, fact: AmountFact): string[] {
  const notes: string[] = [];
  if (fact.status === 'reconstructed' && fact.reconstruction) {
    notes.push(
      t(
        input,
        `Beloppet är rekonstruerat: tabellcellen är oläslig i dokumentet (tryckt som ”${fact.reconstruction.printed}”) och har räknats fram med dokumentets fördelningsmodell.`,
        `This amount is reconstructed: the table cell is illegible in the document (printed as “${fact.reconstruction.printed}”) and was solved from the document's distribution model.`,
      ),
    );
    const range = fact.reconstruction.range;
    if (range) {
      notes.push(
        t(
          input,
          `De läsbara siffrorna bestämmer inte sista kronan: beloppet ligger mellan ${money(range.min, 'sv')} och ${money(range.max, 'sv')}.`,
          `The legible figures do not pin the last krona: the amount lies between ${money(range.min, 'en')} and ${money(range.max, 'en')}.`,
        ),
      );
    }
  }
  if (fact.status === 'derived') {
    notes.push(t(input, 'Beloppet är beräknat som summan av delarna nedan, inte en siffra som står i dokumentet.', 'This amount is derived as the sum of the parts below, not a figure printed in the document.'));
  }
  const reconstructedParts = fact.components.filter((component) => component.status === 'reconstructed');
  if (fact.status !== 'reconstructed' && reconstructedParts.length > 0) {
    notes.push(t(input, `${reconstructedParts.length} av delarna är rekonstruerade ur oläsliga tabellceller.`, `${reconstructedParts.length} of the parts are reconstructed from illegible table cells.`));
  }
  if (fact.approximate) {
    notes.push(t(input, `Dokumentet anger beloppet ungefärligt: ”${fact.source.quote}”.`, `The document gives this amount approximately: “${fact.source.quote}”.`));
  }
  return notes;
}

/** A named item within a fund ("Case Management", "MHFA instruktörsutbildning") the question mentions. */
export function matchItem(input: AnswerInput): AmountFact | undefined {
  const { u, store } = input;
  const { fundWords, placeWords, items } = lexiconOf(store);
  const question = u.folded.split(/[ -]/).filter((word) => word.length >= 4 && !STOP_WORDS.has(word) && !fundWords.has(word) && !placeWords.has(word));
  if (question.length === 0) return undefined;
  const close = (q: string, w: string) => q === w || (q.length >= 7 && w.startsWith(q.slice(0, 7))) || (w.length >= 7 && q.startsWith(w.slice(0, 7))) || (w.length >= 8 && q.includes(w)) || (q.length >= 8 && w.includes(q));
  // The item that explains most of the question's own words ("gamingprojektet på mariamottagningarna").
  let best: { fact: AmountFact; score: number } | undefined;
  for (const { fact, words } of items) {
    if (u.place && u.place !== fact.place) continue;
    if (u.year && u.year !== fact.year) continue;
    const score = question.filter((q) => words.some((w) => close(q, w))).length;
    if (score > 0 && (!best || score > best.score)) best = { fact, score };
  }
  return best?.fact;
}
