// "Vilka kommuner får mest?", "alla delregioner i Skåne", "jämför Mora och Falun".
import type { AmountFact } from '../../knowledge/model.js';
import type { Place, PlaceKind } from '../../knowledge/schema.js';
import { fundName, source, t, type AnswerInput } from '../answer-context.js';
import { money } from '../format.js';
import { emptyReply, type Reply } from '../reply.js';
import { rowFor } from './amount.js';
import { countyOf } from './resolve.js';
import { notFound } from './unknown.js';

export function answerList(input: AnswerInput): Reply {
  const { u, store } = input;
  const named = u.places.map((match) => match.place);
  const kind: PlaceKind = /\b(delregion\w*|sub-?regions?)\b/.test(u.folded)
    ? 'subregion'
    : /\b(lan|lanen|counties|county|regioner|regions)\b/.test(u.folded)
      ? 'county'
      : named.length >= 2
        ? named[0]!.kind
        : named[0]?.kind === 'subregion' || (named[0] && store.children(countyOf(input, named[0]).id).some((c) => c.kind === 'subregion'))
          ? 'subregion'
          : 'municipality';
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
    const facts = store.amounts({ place: place.id, year }).filter((fact) => !fact.label && !fact.approximate);
    const fact = u.fund
      ? (facts.find((f) => f.fund === u.fund && !f.part && f.status !== 'derived') ?? facts.find((f) => f.fund === u.fund && !f.part))
      : facts.find((f) => store.fund(f.fund)?.aggregate);
    if (fact) entries.push({ place, fact });
  }
  if (entries.length === 0) return notFound(input, `belopp att jämföra för ${year}`, `amounts to compare for ${year}`);
  const ascending = u.order === 'least';
  entries.sort((a, b) => (ascending ? a.fact.amount.comparedTo(b.fact.amount) : b.fact.amount.comparedTo(a.fact.amount)));
  const what = u.fund ? fundName(input, u.fund) : fundName(input, entries[0]!.fact.fund);
  const top = entries[0]!;
  const reply = emptyReply('list', input.lang, t(input, `${what} ${year}`, `${what} ${year}`), '');
  reply.rows = entries.map(({ place, fact }) => ({ ...rowFor(input, fact), label: place.name }));
  reply.figure = money(top.fact.amount, input.lang);
  const order = ascending ? t(input, 'minst först', 'smallest first') : t(input, 'störst först', 'largest first');
  const lead = u.order
    ? t(input, `${top.place.name} får ${ascending ? 'minst' : 'mest'}: ${money(top.fact.amount, 'sv')} (${year}).`, `${top.place.name} gets the ${ascending ? 'least' : 'most'}: ${money(top.fact.amount, 'en')} (${year}).`)
    : `${what} ${year}, ${order}:`;
  reply.text = `${lead} ${entries.map(({ place, fact }, i) => `${i + 1}. ${place.name} ${money(fact.amount, input.lang)}${fact.status === 'reconstructed' ? t(input, ' (rekonstruerat)', ' (reconstructed)') : fact.status === 'derived' ? t(input, ' (beräknat)', ' (derived)') : ''}`).join(', ')}.`;
  if (entries.some(({ fact }) => fact.status === 'reconstructed' || fact.components.some((c) => c.status === 'reconstructed'))) {
    reply.notes.push(t(input, 'Belopp märkta rekonstruerat bygger på oläsliga tabellceller som räknats fram med dokumentets fördelningsmodell.', 'Amounts marked reconstructed rest on illegible table cells solved from the document’s distribution model.'));
  }
  if (entries.some(({ fact }) => fact.status === 'derived')) {
    reply.notes.push(t(input, 'Belopp märkta beräknat är summor av bas och befolkningsdel, inte siffror i dokumentet.', 'Amounts marked derived are sums of base and population share, not figures printed in the document.'));
  }
  if (reply.notes.length > 0) reply.text += ` ${reply.notes.join(' ')}`;
  const sources = new Map(entries.map(({ fact }) => [fact.source.document.file + fact.source.section, fact.source]));
  reply.sources = [...sources.values()].map((s) => source(input, { ...s, quote: s.quote }));
  reply.text += ` ${t(input, 'Källa', 'Source')}: ${reply.sources.map((s) => `${s.title} (${s.origin})`).join('; ')}.`;
  reply.suggestions = [{ title: t(input, `Mer om ${top.place.name}`, `More about ${top.place.name}`), question: t(input, `Hur mycket får ${top.place.name} ${year}?`, `How much does ${top.place.name} get in ${year}?`) }];
  return reply;
}
