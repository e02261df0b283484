import { describe, expect, it } from 'vitest';
import { converse, visible } from './ask.js';
import { questionCases } from './questions.js';

describe('a coordinator asking the brain', () => {
  it.each(questionCases.map((c) => [c.say.join(' → '), c] as const))('%s', (_name, c) => {
    const reply = converse(c.say, c.locale);
    const seen = visible(reply);
    expect({ kind: reply.kind, lang: reply.lang }, seen).toEqual({ kind: c.expect.kind, lang: c.expect.lang });
    for (const text of c.expect.includes ?? []) expect(seen, `should include "${text}"`).toContain(text);
    for (const text of c.expect.excludes ?? []) expect(seen, `should not include "${text}"`).not.toContain(text);
    // Each follow-up is offered once: two buttons that ask the same are one too many.
    const asked = reply.suggestions.map((suggestion) => suggestion.question);
    expect(asked).toEqual([...new Set(asked)]);
  });
});
