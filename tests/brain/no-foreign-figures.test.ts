// The promise behind every amount answer: it shows the asked place, year and fund, and no figure of
// another. Generated from the store, so every amount the documents print is asked about.
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { AmountFact } from '../../src/knowledge/model.js';
import { converse, store } from './ask.js';

/** Every money figure in a text: "593 461 kr", "395 640,36 kr", "SEK 593,461", "200 Mkr", "SEK 1.5 million". */
function moneyIn(text: string): Decimal[] {
  const plain = text.replace(/[\u00a0\u202f]/g, ' ');
  const found: Decimal[] = [];
  for (const m of plain.matchAll(/(\d{1,3}(?: \d{3})*|\d+)(?:,(\d{1,2}))? ?(kr|mkr|Mkr)\b/g)) {
    const value = new Decimal(`${m[1]!.replace(/ /g, '')}.${m[2] ?? '0'}`);
    found.push(/mkr/i.test(m[3]!) ? value.times(1_000_000) : value);
  }
  for (const m of plain.matchAll(/SEK ([\d,]+(?:\.\d+)?)( million)?/g)) {
    const value = new Decimal(m[1]!.replace(/,/g, ''));
    found.push(m[2] ? value.times(1_000_000) : value);
  }
  return found;
}

const asked = store.knowledge.amounts.filter((fact) => !fact.label && !fact.part && !fact.approximate && fact.place !== 'sverige');
const cases = asked.map((fact) => [`${fact.place} ${fact.year} ${fact.fund}`, fact] as const);

function allowed(fact: AmountFact): Decimal[] {
  const same = store.amounts({ place: fact.place, year: fact.year, fund: fact.fund });
  const facts = [fact, ...fact.components, ...same, ...same.flatMap((other) => other.components)];
  // A reconstructed amount may state the range the model allows.
  const ranges = facts.flatMap((f) => (f.reconstruction?.range ? [f.reconstruction.range.min, f.reconstruction.range.max] : []));
  return [...facts.map((f) => f.amount), ...ranges];
}

describe('an amount answer never shows a figure of another place, year or fund', () => {
  it.each(cases)('%s', (_name, fact) => {
    const place = store.place(fact.place)!.name;
    const fund = store.fund(fact.fund)!.name.sv.toLowerCase();
    for (const question of [`Hur mycket får ${place} ${fact.year} för ${fund}?`, `How much does ${place} get for ${store.fund(fact.fund)!.name.en.toLowerCase()} in ${fact.year}?`]) {
      const reply = converse([question]);
      expect(reply.kind, question).toBe('amount');
      const shown = moneyIn([reply.text, ...reply.rows.map((row) => row.value)].join('\n'));
      expect(shown.some((value) => value.equals(fact.amount)), `${question} → ${reply.text}`).toBe(true);
      const permitted = allowed(fact);
      for (const value of shown) expect(permitted.some((p) => p.equals(value)), `${question} shows ${value.toFixed()} → ${reply.text}`).toBe(true);
    }
  });
});

/** Each place's amount facts of one fund and year, two places at a time (neighbours in the store's order). */
const pairs = asked.flatMap((fact, i) => {
  const next = asked.slice(i + 1).find((other) => other.fund === fact.fund && other.year === fact.year && other.place !== fact.place && store.place(other.place)!.kind === store.place(fact.place)!.kind);
  return next ? [[`${fact.place} + ${next.place} ${fact.year} ${fact.fund}`, fact, next] as const] : [];
});

function showsOnly(question: string[], reply: ReturnType<typeof converse>, permitted: Decimal[]) {
  const shown = moneyIn([reply.text, ...reply.rows.map((row) => row.value)].join('\n'));
  for (const value of shown) expect(permitted.some((p) => p.equals(value)), `${question.join(' → ')} shows ${value.toFixed()} → ${reply.text}`).toBe(true);
  return shown;
}

describe('a question about two places shows their figures and what is computed from them, nothing else', () => {
  it.each(pairs)('%s', (_name, a, b) => {
    const [nameA, nameB] = [store.place(a.place)!.name, store.place(b.place)!.name];
    const fund = store.fund(a.fund)!.name.sv.toLowerCase();
    const sum = a.amount.plus(b.amount);
    const difference = a.amount.minus(b.amount).abs();
    for (const [question, computed] of [
      [`Hur mycket får ${nameA} och ${nameB} tillsammans ${a.year} för ${fund}?`, sum],
      [`Skillnaden mellan ${nameA} och ${nameB} ${a.year} för ${fund}?`, difference],
    ] as const) {
      const reply = converse([question]);
      const shown = showsOnly([question], reply, [...allowed(a), ...allowed(b), computed]);
      // The figure asked for, to the krona (rounding of öre aside).
      expect(shown.some((value) => value.minus(computed).abs().lessThan(1)), `${question} → ${reply.text}`).toBe(true);
    }
  });
});

describe('a follow-up about another place shows that place’s figures only', () => {
  it.each(pairs)('%s', (_name, a, b) => {
    const fund = store.fund(a.fund)!.name.sv.toLowerCase();
    const turns = [`Hur mycket får ${store.place(a.place)!.name} ${a.year} för ${fund}?`, `och ${store.place(b.place)!.name}?`];
    const reply = converse(turns);
    const shown = showsOnly(turns, reply, allowed(b));
    expect(shown.some((value) => value.equals(b.amount)), `${turns.join(' → ')} → ${reply.text}`).toBe(true);
  });
});
