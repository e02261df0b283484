// The clock port: the real one reads the system time in Sweden; tests pass a fixed one.
import type { Clock } from '../brain/brain.js';

export const STOCKHOLM = 'Europe/Stockholm';

// The Swedish locale writes dates as YYYY-MM-DD; one formatter, made once (time-zone math is costly).
const stockholmDateFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: STOCKHOLM, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The date in Sweden (YYYY-MM-DD) at an instant. */
export function stockholmDate(at: Date | number): string {
  return stockholmDateFormat.format(at);
}

let computedAt = 0;
let computed = '';

/** Today in Sweden, worked out at most once a second. */
export const systemClock: Clock = {
  today: () => {
    const now = Date.now();
    if (now - computedAt >= 1000) {
      computed = stockholmDate(now);
      computedAt = now;
    }
    return computed;
  },
};

export function fixedClock(isoDate: string): Clock {
  return { today: () => isoDate };
}
