// The clock port: the real one reads the system time in Sweden; tests pass a fixed one.
import { DateTime } from 'luxon';
import type { Clock } from '../brain/brain.js';

export const STOCKHOLM = 'Europe/Stockholm';

export const systemClock: Clock = {
  today: () => DateTime.now().setZone(STOCKHOLM).toISODate()!,
};

export function fixedClock(isoDate: string): Clock {
  return { today: () => isoDate };
}
