// The reminder calendar: every dated obligation in the knowledge, reminded a set number of days
// before it is due, at a set hour in Sweden. Adding next year's deadlines is a data change only.
import { DateTime } from 'luxon';
import type { DeadlineFact } from '../knowledge/model.js';
import { OBLIGATION_KINDS } from '../knowledge/schema.js';

/**
 * The kinds of deadline people can be reminded of. Only an obligation is reminded of: a proposal
 * ("SVOM föreslås besluta …"), a plan, a decision or a hire never is, whatever its kind.
 */
export const REMINDED_KINDS = new Set<string>(OBLIGATION_KINDS);

export interface ReminderSettings {
  /** Days before the due day, e.g. [30, 7, 1]. */
  daysBefore: number[];
  /** Local hour in the zone, e.g. 9. */
  hour: number;
  zone: string;
}

export const DEFAULT_REMINDERS: ReminderSettings = { daysBefore: [30, 7, 1], hour: 9, zone: 'Europe/Stockholm' };

export interface Reminder {
  /** Stable across restarts and instances: the deadline and how many days before. */
  id: string;
  deadline: DeadlineFact;
  /** The county the deadline belongs to: what people subscribe to. */
  region: string;
  daysBefore: number;
  /** When it is due to be sent, as an ISO instant (UTC). */
  sendAt: string;
}

/** All reminders of the calendar, earliest first. Wall-clock 09:00 in Stockholm, right across DST. */
export function planReminders(deadlines: DeadlineFact[], settings: ReminderSettings = DEFAULT_REMINDERS): Reminder[] {
  const reminders: Reminder[] = [];
  for (const deadline of deadlines) {
    if (!deadline.obligation || !REMINDED_KINDS.has(deadline.kind)) continue;
    const due = DateTime.fromISO(deadline.due, { zone: settings.zone });
    for (const daysBefore of settings.daysBefore) {
      const sendAt = due.minus({ days: daysBefore }).set({ hour: settings.hour, minute: 0, second: 0, millisecond: 0 });
      reminders.push({ id: `${deadline.id}@${daysBefore}d`, deadline, region: deadline.place, daysBefore, sendAt: sendAt.toUTC().toISO()! });
    }
  }
  return reminders.sort((a, b) => a.sendAt.localeCompare(b.sendAt) || a.id.localeCompare(b.id));
}

/** How far back missed reminders are recorded as skipped; older ones were settled long ago. */
export const MISSED_HORIZON_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Reminders due at `asOf`: those not older than the window (24 hours) may be sent; those missed within
 * the last week are recorded as skipped. Every pass reads the ledger only for these, not for all history.
 */
export function dueReminders(reminders: Reminder[], asOf: Date, windowMs: number, horizonMs = MISSED_HORIZON_MS): { sendable: Reminder[]; tooLate: Reminder[] } {
  const now = asOf.getTime();
  const sendable: Reminder[] = [];
  const tooLate: Reminder[] = [];
  for (const reminder of reminders) {
    const at = Date.parse(reminder.sendAt);
    if (at > now || now - at > horizonMs) continue;
    (now - at <= windowMs ? sendable : tooLate).push(reminder);
  }
  return { sendable, tooLate };
}
