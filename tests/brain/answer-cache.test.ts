import { describe, expect, it } from 'vitest';
import { createBrain } from '../../src/brain/brain.js';
import { fixedClock } from '../../src/platform/clock.js';
import { store } from './ask.js';

describe('remembered answers', () => {
  it('gives the same question in the same context the same frozen answer', () => {
    const brain = createBrain(store, fixedClock('2026-11-22'), { cacheSize: 10 });
    const first = brain.answer('Hur mycket får Mora?');
    expect(brain.answer('Hur mycket får Mora?')).toBe(first);
    expect(Object.isFrozen(first.reply.rows)).toBe(true);
    expect(() => (first.reply.rows as { value: string }[]).push({ value: 'x' })).toThrow();
  });

  it('answers anew when the context, the language or the day differs', () => {
    let today = '2026-11-22';
    const brain = createBrain(store, { today: () => today }, { cacheSize: 10 });
    const first = brain.answer('och Falun?', { intent: 'amount', place: 'mora' });
    expect(brain.answer('och Falun?', { intent: 'amount', place: 'mora', year: 2020 })).not.toBe(first);
    expect(brain.answer('och Falun?', { intent: 'amount', place: 'mora' }, { lang: 'en' })).not.toBe(first);
    today = '2026-11-23';
    expect(brain.answer('och Falun?', { intent: 'amount', place: 'mora' })).not.toBe(first);
  });

  it('forgets the least recently used answer when full', () => {
    const brain = createBrain(store, fixedClock('2026-11-22'), { cacheSize: 2 });
    const mora = brain.answer('Hur mycket får Mora?');
    brain.answer('Hur mycket får Falun?');
    brain.answer('Hur mycket får Mora?');
    brain.answer('Hur mycket får Säter?');
    expect(brain.answer('Hur mycket får Mora?')).toBe(mora);
    expect(brain.answer('Hur mycket får Falun?')).not.toBe(brain.answer('Hur mycket får Säter?'));
  });

  it('remembers nothing when the cache is off', () => {
    const brain = createBrain(store, fixedClock('2026-11-22'));
    expect(brain.answer('Hur mycket får Mora?')).not.toBe(brain.answer('Hur mycket får Mora?'));
  });
});
