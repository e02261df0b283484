// Dates and amounts as the people reading the answers write them.
import type { Decimal } from 'decimal.js';
import { formatSek } from '../allocation/money.js';

export type Lang = 'sv' | 'en';

const MONTHS: Record<Lang, string[]> = {
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** The parts of an ISO date ("2021-03-31"); the dates come validated from the knowledge store. */
function parts(iso: string): { year: number; month: number; day: number } {
  const [year, month, day] = iso.split('-').map(Number);
  return { year: year!, month: month!, day: day ?? 1 };
}

/** "31 mars 2021" / "31 March 2021". */
export function formatDate(iso: string, lang: Lang): string {
  const date = parts(iso);
  return `${date.day} ${MONTHS[lang][date.month - 1]} ${date.year}`;
}

/** "september 2023" / "September 2023". */
export function formatMonth(isoMonth: string, lang: Lang): string {
  const date = parts(isoMonth);
  return `${MONTHS[lang][date.month - 1]} ${date.year}`;
}

/** "1 mars–31 maj 2023" / "1 March–31 May 2023". */
export function formatPeriod(start: string, end: string, lang: Lang): string {
  const a = parts(start);
  const b = parts(end);
  const first = a.year === b.year ? `${a.day} ${MONTHS[lang][a.month - 1]}` : formatDate(start, lang);
  return `${first}–${formatDate(end, lang)}`;
}

/** Whole days from one ISO date to another. */
export function daysBetween(from: string, to: string): number {
  const a = parts(from);
  const b = parts(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

export function money(amount: Decimal, lang: Lang): string {
  return formatSek(amount, lang);
}

/** Joins "a, b och c" / "a, b and c". */
export function joinList(items: string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'sv' ? 'och' : 'and'} ${items[items.length - 1]}`;
}

const MILLIONS_EN = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/**
 * An amount as the reader expects it: what the document prints in millions ("200 Mkr", "1,5 mkr")
 * stays in millions ("SEK 200 million" in English); everything else in kronor.
 */
export function displayAmount(amount: Decimal, printed: string, lang: Lang): string {
  const millions = /^\s*(\d[\d\s]*(?:,\d+)?)\s*(mkr|Mkr|MKR|miljoner)\s*$/.exec(printed);
  if (!millions) return formatSek(amount, lang);
  if (lang === 'sv') return `${millions[1]!.trim().replace(/\s+/g, '\u00a0')}\u00a0${millions[2]}`;
  return `SEK ${MILLIONS_EN.format(amount.dividedBy(1_000_000).toNumber())} million`;
}

/** "beräknat …" → "Beräknat …": the first letter upper case, the rest as it is. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
