// What every answer function gets: the question understood, the store, the language, today.
import type { FactSource } from '../knowledge/model.js';
import type { KnowledgeStore } from '../knowledge/store.js';
import type { Lang } from './format.js';
import type { SourceRef } from './reply.js';
import { sourceOf } from './sources.js';
import type { Understanding } from './understand.js';

export interface AnswerInput {
  u: Understanding;
  store: KnowledgeStore;
  lang: Lang;
  /** Today as an ISO date (from the clock port), for "passed" and "days left". */
  today: string;
}

export function placeName(input: Pick<AnswerInput, 'store' | 'lang'>, id: string): string {
  const place = input.store.place(id);
  return (input.lang === 'en' ? place?.nameEn : undefined) ?? place?.name ?? id;
}

export function fundName(input: AnswerInput, id: string): string {
  const fund = input.store.fund(id);
  return fund ? fund.name[input.lang] : id;
}

export function source(input: Pick<AnswerInput, 'store'>, fact: FactSource): SourceRef {
  return sourceOf(input.store, fact);
}

/** Swedish or English, chosen by the reply language. */
export function t(input: { lang: Lang }, sv: string, en: string): string {
  return input.lang === 'sv' ? sv : en;
}
