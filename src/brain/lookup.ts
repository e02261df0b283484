// Quick lookups from the compose box: a few words in, a ranked list of answers out, each one a reply
// the chat would give. The question as typed comes first; then what else is known about its place.
import type { KnowledgeStore } from '../knowledge/store.js';
import type { Brain } from './brain.js';
import type { Lang } from './format.js';
import type { Reply } from './reply.js';

export interface LookupResult {
  question: string;
  reply: Reply;
}

/** The follow-up questions worth offering for a place, in the language of the lookup. */
const ABOUT_PLACE: Record<Lang, ((place: string) => string)[]> = {
  sv: [
    (p) => `Hur mycket får ${p}?`,
    (p) => `Vilka deadlines gäller för ${p}?`,
    (p) => `Fakturauppgifter för ${p}`,
    (p) => `Vem är kontaktperson för ${p}?`,
    (p) => `Vilka fokusområden har ${p}?`,
  ],
  en: [
    (p) => `How much does ${p} get?`,
    (p) => `Which deadlines apply to ${p}?`,
    (p) => `Invoice details for ${p}`,
    (p) => `Who is the contact for ${p}?`,
    (p) => `Which focus areas does ${p} have?`,
  ],
};

export function lookup(brain: Brain, store: KnowledgeStore, query: string, locale?: string): LookupResult[] {
  const text = query.trim();
  const first = brain.answer(text === '' ? 'hjälp' : text, {}, locale ? { locale } : {});
  const results: LookupResult[] = [];
  const seen = new Set<string>();
  const add = (question: string, reply: Reply) => {
    const key = `${reply.kind}|${reply.title}|${reply.figure ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    results.push({ question, reply });
  };
  if (first.reply.kind !== 'unknown' || text === '') add(text, first.reply);
  const place = first.context.place ? store.place(first.context.place) : undefined;
  if (place && text !== '') {
    const placeName = place.name;
    for (const ask of ABOUT_PLACE[first.reply.lang]) {
      const question = ask(placeName);
      const answer = brain.answer(question, {}, { lang: first.reply.lang });
      if (answer.reply.kind !== 'unknown' && answer.reply.kind !== 'clarify') add(question, answer.reply);
    }
  }
  if (results.length === 0) add(text, first.reply);
  return results;
}
