import { describe, expect, it } from 'vitest';
import { planReminders, dueReminders } from '../../src/notifications/reminders.js';
import { store } from '../brain/ask.js';

const reminders = planReminders(store.knowledge.deadlines);
const of = (deadline: string, days: number) => reminders.find((r) => r.deadline.id === deadline && r.daysBefore === days)!;

describe('the reminder calendar', () => {
  it('reminds of every dated obligation, not of decisions or plan milestones', () => {
    const kinds = new Set(reminders.map((r) => r.deadline.kind));
    expect([...kinds].sort()).toEqual(['finalReport', 'invoicing', 'statusReport', 'useOfFunds']);
    expect(reminders.map((r) => r.deadline.id)).toContain('skane-2023-fakturering');
    expect(reminders.some((r) => r.deadline.id === 'skane-2023-beslut-fordelning')).toBe(false);
  });

  it.each([
    // Skåne's invoicing period ends 31 May 2023: summer time (UTC+2), so 09:00 is 07:00Z.
    ['skane-2023-fakturering', 1, '2023-05-30T07:00:00.000Z'],
    ['skane-2023-fakturering', 7, '2023-05-24T07:00:00.000Z'],
    ['skane-2023-fakturering', 30, '2023-05-01T07:00:00.000Z'],
    // The status report is due in September 2023: its last day.
    ['skane-2023-lagesrapport', 1, '2023-09-29T07:00:00.000Z'],
    // Dalarna's final report, 31 March 2021: summer time began on 28 March, so 1 and 7 days before differ in UTC.
    ['dalarna-2020-slutredovisning', 1, '2021-03-30T07:00:00.000Z'],
    ['dalarna-2020-slutredovisning', 7, '2021-03-24T08:00:00.000Z'],
    // The funds must be used during 2023: due 31 December, winter time (UTC+1).
    ['skane-2023-anvandning', 30, '2023-12-01T08:00:00.000Z'],
  ])('%s, %i days before, is sent at 09:00 in Stockholm (%s)', (deadline, days, instant) => {
    expect(of(deadline, days).sendAt).toBe(instant);
  });

  it('follows the configured days and hour', () => {
    const custom = planReminders(store.knowledge.deadlines, { daysBefore: [14], hour: 8, zone: 'Europe/Stockholm' });
    expect(custom.every((r) => r.daysBefore === 14)).toBe(true);
    expect(custom.find((r) => r.deadline.id === 'skane-2023-fakturering')!.sendAt).toBe('2023-05-17T06:00:00.000Z');
  });

  it('sends a reminder only within 24 hours of its time', () => {
    const reminder = of('skane-2023-fakturering', 1);
    const window = 24 * 60 * 60 * 1000;
    expect(dueReminders([reminder], new Date('2023-05-30T06:59:59Z'), window).sendable).toHaveLength(0);
    expect(dueReminders([reminder], new Date('2023-05-30T07:00:00Z'), window).sendable).toHaveLength(1);
    expect(dueReminders([reminder], new Date('2023-05-31T07:00:00Z'), window).sendable).toHaveLength(1);
    expect(dueReminders([reminder], new Date('2023-05-31T07:00:01Z'), window).tooLate).toHaveLength(1);
  });
});

describe('missed reminders', () => {
  it('are recorded as skipped only for the last week, so a pass never walks all of history', () => {
    const reminder = planReminders(store.knowledge.deadlines).find((r) => r.id === 'skane-2023-fakturering@1d')!;
    const window = 24 * 60 * 60 * 1000;
    expect(dueReminders([reminder], new Date('2023-06-05T07:00:00Z'), window).tooLate).toHaveLength(1);
    expect(dueReminders([reminder], new Date('2023-06-07T07:00:01Z'), window).tooLate).toHaveLength(0);
    expect(dueReminders([reminder], new Date('2026-11-22T09:00:00Z'), window).tooLate).toHaveLength(0);
  });
});
