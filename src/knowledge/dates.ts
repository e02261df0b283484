// The days a dated statement covers, at the precision the document gives: "våren 2019" is a season,
// "vecka 41" a week, "2018 – 2020" a period of years. The first and the last day order the statements
// and date the reminders; the precision itself is kept in the data and shown as the document gives it.
import { DateTime } from 'luxon';
import type { DatePoint, Deadline } from './schema.js';

/**
 * The months a season covers, as Swedish work plans use them: spring and autumn are terms (vårterminen
 * January–June, hösten August–December), summer June–August, winter December–February.
 */
const SEASONS: Record<Extract<DatePoint, { type: 'season' }>['season'], { from: [number, number]; to: [number, number] }> = {
  spring: { from: [0, 1], to: [0, 6] },
  summer: { from: [0, 6], to: [0, 8] },
  autumn: { from: [0, 8], to: [0, 12] },
  winter: { from: [-1, 12], to: [0, 2] },
};

/** "början av" takes the first two months of a season, "slutet av" the last two. */
function seasonMonths(point: Extract<DatePoint, { type: 'season' }>): { from: DateTime; to: DateTime } {
  const { from, to } = SEASONS[point.season];
  let start = DateTime.fromObject({ year: point.year + from[0], month: from[1], day: 1 });
  let end = DateTime.fromObject({ year: point.year + to[0], month: to[1], day: 1 }).endOf('month');
  if (point.part === 'early') end = start.plus({ months: 1 }).endOf('month');
  if (point.part === 'late') start = end.minus({ months: 1 }).startOf('month');
  return { from: start, to: end };
}

function range(point: DatePoint | string): { from: DateTime; to: DateTime } {
  if (typeof point === 'string') return { from: DateTime.fromISO(point), to: DateTime.fromISO(point) };
  switch (point.type) {
    case 'day':
      return { from: DateTime.fromISO(point.date), to: DateTime.fromISO(point.date) };
    case 'month': {
      const first = DateTime.fromISO(`${point.month}-01`);
      return { from: first, to: first.endOf('month') };
    }
    case 'week': {
      const monday = DateTime.fromObject({ weekYear: point.year, weekNumber: point.week, weekday: 1 });
      return { from: monday, to: monday.plus({ days: 6 }) };
    }
    case 'season':
      return seasonMonths(point);
    case 'year': {
      const first = DateTime.fromObject({ year: point.year, month: 1, day: 1 });
      return { from: first, to: first.endOf('year') };
    }
    case 'yearEnd': {
      const last = DateTime.fromObject({ year: point.year, month: 12, day: 31 });
      return { from: last, to: last };
    }
  }
}

const iso = (date: DateTime) => (date.isValid ? (date.toISODate() ?? undefined) : undefined);

/**
 * The first and last day a statement covers, as ISO dates: the last is the day it is due (a month's
 * last day, a period's end). A period with only a start is due at its start's end; with only an end,
 * it starts on that end's first day. Undefined when a date is not real or a period runs backwards.
 */
export function spanOf(when: Deadline['when']): { start: string; due: string } | undefined {
  if (when.type !== 'period') {
    const { from, to } = range(when);
    const start = iso(from);
    const due = iso(to);
    return start && due ? { start, due } : undefined;
  }
  const first = when.start === undefined ? undefined : range(when.start);
  const last = when.end === undefined ? undefined : range(when.end);
  const start = iso((first ?? last)!.from);
  const due = iso((last ?? first)!.to);
  if (!start || !due || start > due) return undefined;
  return { start, due };
}
