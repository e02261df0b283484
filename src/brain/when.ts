// A dated statement's date in words, at the precision the document gives it: "18 december 2020",
// "hösten 2018" / "autumn 2018", "vecka 41", "2018–2020", "till utgången av 2023" / "until the end of 2023".
import type { DeadlineFact } from '../knowledge/model.js';
import type { DatePoint } from '../knowledge/schema.js';
import { foldText } from '../text/normalize.js';
import { formatDate, formatMonth, formatPeriod, type Lang } from './format.js';

const SEASONS: Record<Lang, Record<Extract<DatePoint, { type: 'season' }>['season'], string>> = {
  sv: { spring: 'våren', summer: 'sommaren', autumn: 'hösten', winter: 'vintern' },
  en: { spring: 'spring', summer: 'summer', autumn: 'autumn', winter: 'winter' },
};

/** One point: "18 december 2020", "juni 2019", "vecka 41 2022", "början av hösten 2018", "2017", "utgången av 2023". */
export function describePoint(point: DatePoint | string, lang: Lang, withYear = true): string {
  if (typeof point === 'string') return withYear ? formatDate(point, lang) : formatDate(point, lang).replace(/ \d{4}$/, '');
  const year = (text: string, y: number) => (withYear ? `${text} ${y}` : text);
  switch (point.type) {
    case 'day':
      return describePoint(point.date, lang, withYear);
    case 'month':
      return withYear ? formatMonth(point.month, lang) : formatMonth(point.month, lang).replace(/ \d{4}$/, '');
    case 'week':
      return year(lang === 'sv' ? `vecka ${point.week}` : `week ${point.week}`, point.year);
    case 'season': {
      const season = SEASONS[lang][point.season];
      const part = point.part === 'early' ? (lang === 'sv' ? 'början av ' : 'early ') : point.part === 'late' ? (lang === 'sv' ? 'slutet av ' : 'late ') : '';
      return year(`${part}${season}`, point.year);
    }
    case 'year':
      return String(point.year);
    case 'yearEnd':
      return lang === 'sv' ? `utgången av ${point.year}` : `the end of ${point.year}`;
  }
}

/** "31 mars 2021", "september 2023", "1 mars–31 maj 2023", "hösten 2016 – våren 2019", "från och med hösten 2020". */
export function describeWhen(fact: Pick<DeadlineFact, 'when' | 'yearStated'>, lang: Lang): string {
  const when = fact.when;
  const withYear = fact.yearStated !== false;
  if (when.type !== 'period') return describePoint(when, lang, withYear);
  const { start, end } = when;
  if (start === undefined) return `${lang === 'sv' ? 'till' : 'until'} ${describePoint(end!, lang, withYear)}`;
  if (end === undefined) return `${lang === 'sv' ? 'från och med' : 'from'} ${describePoint(start, lang, withYear)}`;
  const day = (point: DatePoint | string) => (typeof point === 'string' ? point : point.type === 'day' ? point.date : undefined);
  const [a, b] = [day(start), day(end)];
  if (a && b) return formatPeriod(a, b, lang);
  const from = describePoint(start, lang, withYear);
  const to = describePoint(end, lang, withYear);
  return from.includes(' ') || to.includes(' ') ? `${from} – ${to}` : `${from}–${to}`;
}

/**
 * The date in words, and as printed when the print is not the same words ("18 december 2020
 * (tryckt ”201218”)"); without the year, what the document leaves open is said in the note.
 */
export function describeDated(fact: Pick<DeadlineFact, 'when' | 'yearStated' | 'printed'>, lang: Lang): string {
  const words = describeWhen(fact, lang);
  if (!fact.printed || samePrint(fact.printed, describeWhen(fact, 'sv'))) return words;
  return lang === 'sv' ? `${words} (tryckt ”${fact.printed}”)` : `${words} (printed “${fact.printed}”)`;
}

/** "Hösten 2018" is the words of "hösten 2018"; "201218" and "Ht 2016" are not the words they stand for. */
function samePrint(printed: string, words: string): boolean {
  const fold = (text: string) => foldText(text).replace(/-/g, ' ').replace(/\b(under|sedan|fran och med|fran|till|t o m|vid|bade|och)\b/g, ' ').replace(/\s+/g, ' ').trim();
  return fold(words).includes(fold(printed)) || fold(printed).includes(fold(words));
}
