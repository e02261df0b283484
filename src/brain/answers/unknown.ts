// Honest refusals: say plainly what is not in the documents, then show what is known nearby.
import { t, placeName, type AnswerInput } from '../answer-context.js';
import { joinList } from '../format.js';
import { emptyReply, type Reply } from '../reply.js';

/** The refusal phrases tests and people can rely on. */
export const NOT_FOUND = { sv: 'Jag hittar inte', en: 'I could not find' } as const;

export function notFound(input: AnswerInput, whatSv: string, whatEn: string): Reply {
  const reply = emptyReply('unknown', input.lang, t(input, 'Finns inte i dokumenten', 'Not in the documents'), '');
  reply.text = `${NOT_FOUND[input.lang]} ${t(input, whatSv, whatEn)} ${t(input, 'i dokumenten.', 'in the documents.')}`;
  return reply;
}

/** "Mora: 2020 (belopp, deadlines)": the years the store has facts for a place. */
export function knownAboutPlace(input: AnswerInput, placeId: string): string[] {
  const years = input.store.yearsAbout(placeId);
  const amountYears = input.store.amountYears(placeId);
  const name = placeName(input, placeId);
  const lines: string[] = [];
  if (amountYears.length > 0) lines.push(t(input, `Belopp för ${name}: ${joinList(amountYears.map(String), 'sv')}`, `Amounts for ${name}: ${joinList(amountYears.map(String), 'en')}`));
  const other = years.filter((year) => !amountYears.includes(year));
  if (other.length > 0) lines.push(t(input, `Annat om ${name}: ${joinList(other.map(String), 'sv')}`, `Other facts about ${name}: ${joinList(other.map(String), 'en')}`));
  const place = input.store.place(placeId);
  if (lines.length === 0 && place?.parent) {
    lines.push(...knownAboutPlace(input, place.parent));
  }
  return lines;
}

const knownCache = new WeakMap<object, Record<string, string[]>>();

/** The counties the documents cover and their years, with their municipalities or sub-regions. */
export function knownPlaces(input: Pick<AnswerInput, 'store' | 'lang'>): string[] {
  const cached = knownCache.get(input.store)?.[input.lang];
  if (cached) return [...cached];
  const lines = coveredPlaces(input);
  knownCache.set(input.store, { ...knownCache.get(input.store), [input.lang]: lines });
  return [...lines];
}

function coveredPlaces(input: Pick<AnswerInput, 'store' | 'lang'>): string[] {
  const store = input.store;
  const lines: string[] = [];
  for (const county of store.knowledge.places.filter((place) => place.kind === 'county')) {
    const years = store.yearsAbout(county.id);
    if (years.length === 0) continue;
    const children = store.children(county.id).filter((child) => store.amountYears(child.id).length > 0);
    const kinds = children.length === 0 ? '' : children[0]!.kind === 'municipality' ? t(input, ` och dess ${children.length} kommuner`, ` and its ${children.length} municipalities`) : t(input, ` och dess ${children.length} delregioner`, ` and its ${children.length} sub-regions`);
    // The documents' own years, and the years with amounts: the other years are only mentioned in them.
    const documentYears = [...new Set(store.knowledge.documents.filter((document) => document.place === county.id).map((document) => document.year))].sort();
    const amountYears = [...new Set([county, ...children].flatMap((place) => store.amountYears(place.id)))].sort();
    const amounts = amountYears.length > 0 ? t(input, ` (belopp för ${joinList(amountYears.map(String), 'sv')})`, ` (amounts for ${joinList(amountYears.map(String), 'en')})`) : '';
    lines.push(`${county.name}${kinds}: ${t(input, 'dokument från', 'documents from')} ${joinList(documentYears.map(String), input.lang)}${amounts}`);
  }
  const national = store.knowledge.places.filter((place) => place.kind === 'country' && store.amountYears(place.id).length > 0);
  for (const country of national) {
    lines.push(t(input, `Nationella potter (${country.name}): ${joinList(store.amountYears(country.id).map(String), 'sv')}`, `National pots (${country.nameEn ?? country.name}): ${joinList(store.amountYears(country.id).map(String), 'en')}`));
  }
  return lines;
}
