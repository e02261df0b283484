// "Vad ska pengarna för suicidprevention användas till i Dalarna?": focus areas and their activities.
import { fundName, placeName, source, t, type AnswerInput } from '../answer-context.js';
import { joinList } from '../format.js';
import { quoteSwedish } from '../language.js';
import { emptyReply, type Reply } from '../reply.js';
import { sourceLine } from '../sources.js';
import { clarifyPlace, countyOf, resolvePlace } from './resolve.js';
import { notFound } from './unknown.js';

export function answerFocusArea(input: AnswerInput): Reply {
  const { u, store } = input;
  const resolved = resolvePlace(input);
  if (resolved.kind === 'ambiguous') return clarifyPlace(input, resolved.choices);
  const county = resolved.kind === 'place' ? countyOf(input, resolved.place) : undefined;
  // A fund made of the others ("länsgemensamma medel", "överenskommelsen") has their focus areas.
  const fund = u.fund ? store.fund(u.fund) : undefined;
  const parts = fund?.aggregate ? store.knowledge.funds.filter((other) => !other.aggregate && (fund.recipients === 'national' || other.recipients === fund.recipients)).map((other) => other.id) : undefined;
  const wanted = (area: { fund: string }) => !u.fund || area.fund === u.fund || (parts !== undefined && parts.includes(area.fund));
  let areas = store.focusAreas(county ? { place: county.id } : {}).filter(wanted);
  const where = county ? ` ${t(input, 'för', 'for')} ${placeName(input, county.id)}` : '';
  const what = u.fund ? fundName(input, u.fund).toLowerCase() : t(input, 'fokusområden', 'focus areas');
  if (areas.length === 0) {
    const reply = notFound(input, `${what}${where}${u.year ? ` ${u.year}` : ''}`, `${what}${where}${u.year ? ` in ${u.year}` : ''}`);
    const years = [...new Set(store.focusAreas(county ? { place: county.id } : {}).map((area) => area.year))].sort();
    if (years.length > 0) reply.known = [t(input, `Fokusområden${where} finns för ${joinList(years.map(String), 'sv')}.`, `Focus areas${where} exist for ${joinList(years.map(String), 'en')}.`)];
    return reply;
  }
  const years = [...new Set(areas.map((area) => area.year))].sort();
  const year = u.year ?? years[years.length - 1]!;
  if (!years.includes(year)) {
    const reply = notFound(input, `${what}${where} ${year}`, `${what}${where} in ${year}`);
    reply.known = [t(input, `Det finns för ${joinList(years.map(String), 'sv')}.`, `They exist for ${joinList(years.map(String), 'en')}.`)];
    return reply;
  }
  areas = areas.filter((area) => area.year === year);
  // Several counties without a place named: answer the first and say which.
  const placeOfAnswer = areas[0]!.place;
  areas = areas.filter((area) => area.place === placeOfAnswer);
  const placeTitle = store.place(placeOfAnswer)?.name ?? placeOfAnswer;
  // In English the documents' Swedish headings and activities are quoted, as they are printed.
  const q = (text: string) => (input.lang === 'en' && text !== '' ? quoteSwedish(text) : text);
  const reply = emptyReply('focusArea', input.lang, areas.length === 1 ? areas[0]!.title : t(input, `Fokusområden ${placeTitle} ${year}`, `Focus areas ${placeTitle} ${year}`), '');
  reply.rows = areas.flatMap((area) => [
    { label: q(area.title), value: q(area.summary ?? '') },
    ...area.activities.map((activity) => ({ label: activity.area ? q(activity.area) : '•', value: q(activity.text) })),
  ]);
  const headline =
    areas.length === 1
      ? `${placeTitle} ${year}: ${q(areas[0]!.title)}.${areas[0]!.summary ? ` ${q(areas[0]!.summary)}` : ''} ${t(input, 'Planerade insatser och exempel', 'Planned measures and examples')}: ${areas[0]!.activities.map((a) => q(a.text)).join('; ')}.`
      : `${placeTitle} ${year}: ${areas.map((area) => q(area.title)).join('; ')}.`;
  reply.text = headline;
  if (!county && !u.place) reply.notes.push(t(input, `Ingen plats angavs; svaret gäller ${placeTitle}.`, `No place given; this is ${placeTitle}.`));
  if (input.lang === 'en') reply.notes.push('The focus areas are quoted in Swedish, as the documents write them.');
  reply.sources = areas.map((area) => source(input, { document: area.document, ...area.source }));
  reply.text += `${reply.notes.length ? ` ${reply.notes.join(' ')}` : ''} ${sourceLine(reply.sources, input.lang)}.`;
  reply.suggestions = areas.length > 1 ? areas.slice(0, 3).map((area) => ({ title: fundName(input, area.fund), question: t(input, `Vilka insatser för ${fundName(input, area.fund).toLowerCase()} i ${placeTitle} ${year}?`, `Which activities for ${fundName(input, area.fund).toLowerCase()} in ${placeTitle} ${year}?`) })) : [];
  return reply;
}
