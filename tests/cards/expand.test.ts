// expandCard: templates read and compiled once, fresh JSON on every expansion, clear errors.
import { readdirSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

const compiled = vi.hoisted(() => ({ payloads: [] as unknown[] }));

// Count the Template constructions (the expensive part) while keeping the real engine.
vi.mock('adaptivecards-templating/lib/template-engine.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('adaptivecards-templating/lib/template-engine.js')>();
  class CountingTemplate extends original.Template {
    constructor(payload: unknown) {
      super(payload);
      compiled.payloads.push(payload);
    }
  }
  return { ...original, Template: CountingTemplate };
});

const { CARD_NAMES, expandCard } = await import('../../src/cards/expand.js');
type CardName = Parameters<typeof expandCard>[0];

const errorData = { labels: { errorCode: 'Felkod' }, title: 'Något gick fel', text: 'Försök igen.', correlationId: 'abc-123' };

describe('expandCard', () => {
  it('compiles each template once, at its first use', () => {
    const before = compiled.payloads.length;
    const first = expandCard('error', errorData);
    expect(compiled.payloads.length).toBe(before + 1);
    for (let i = 0; i < 50; i++) expandCard('error', { ...errorData, correlationId: `id-${i}` });
    expect(compiled.payloads.length).toBe(before + 1);
    expandCard('unknown', { labels: { known: 'Det här vet jag' }, title: 'Finns inte i dokumenten', text: 'Jag hittar inte det i dokumenten.', notes: [], known: [], suggestions: [] });
    expect(compiled.payloads.length).toBe(before + 2);
    expect(first.type).toBe('AdaptiveCard');
  });

  it('returns a fresh card every time: changing one does not change the next', () => {
    const a = expandCard('error', errorData);
    a.body[0]!.text = 'changed';
    a.body.push({ type: 'TextBlock', text: 'extra' });
    const b = expandCard('error', errorData);
    expect(b.body[0]!.text).toBe('Något gick fel');
    expect(b.body).toHaveLength(3);
  });

  it('binds the data and leaves no ${…}', () => {
    const card = expandCard('error', errorData);
    const json = JSON.stringify(card);
    expect(json).toContain('abc-123');
    expect(json).toContain('Felkod');
    expect(json).not.toContain('${');
  });

  it('knows exactly the templates in cards/', () => {
    const files = readdirSync(new URL('../../cards/', import.meta.url)).filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -'.json'.length));
    expect([...CARD_NAMES].sort()).toEqual(files.sort());
  });

  it('throws a clear error for an unknown template', () => {
    expect(() => expandCard('nope' as CardName, {})).toThrow('Unknown card template "nope"; the templates are: amount, list, deadline');
    expect(() => expandCard('../package' as CardName, {})).toThrow(/Unknown card template/);
  });
});
