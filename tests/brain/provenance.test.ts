// Every sentence that says where a figure comes from ("dokumentet anger", "the document states",
// "rekonstruerat", "beräknat", "derived", "härledd") is true of the facts it names: walked over every
// reply to the project's question set and to the total questions, text and card alike.
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { displayAmount } from '../../src/brain/format.js';
import type { Claim } from '../../src/brain/provenance.js';
import { cleanQuote } from '../../src/text/normalize.js';
import { store } from './ask.js';
import { allReplies } from './replies.js';

const STATES = /dokumente[tn] anger|tabellen anger|the (documents?|table) states?/i;
const RECONSTRUCTS = /rekonstruer|reconstruct/i;
const DERIVES = /beräkna[dt]|\bderived\b|härled|härlett|summerar till|add up to/i;
/** Any provenance word at all. */
const PROVENANCE = new RegExp(`${STATES.source}|${RECONSTRUCTS.source}|${DERIVES.source}`, 'i');

function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

/** What is wrong with a claim, held against the store; empty when it is true. */
function falsehoods(claim: Claim, lang: 'sv' | 'en'): string[] {
  const problems: string[] = [];
  const words = plain(claim.words);
  const amounts = claim.facts.map((id) => store.amount(id)).filter((fact) => fact !== undefined);
  const keys = claim.facts.map((id) => store.key(id)).filter((key) => key !== undefined);
  const tables = claim.facts.map((id) => store.table(id)).filter((table) => table !== undefined);
  if (amounts.length + keys.length + tables.length !== claim.facts.length) problems.push(`names facts the store does not have: ${claim.facts.join(', ')}`);
  if (claim.facts.length === 0) problems.push('names no fact');
  const value = claim.value === undefined ? undefined : new Decimal(claim.value);
  switch (claim.status) {
    case 'stated': {
      if (RECONSTRUCTS.test(words) || DERIVES.test(words)) problems.push('a printed figure worded as reconstructed or derived');
      for (const fact of amounts) if (fact.status !== 'stated') problems.push(`${fact.id} is ${fact.status}, not printed`);
      if (value) {
        const fact = amounts[0];
        if (amounts.length !== 1 || !fact) problems.push('a printed figure must name exactly one amount');
        else {
          if (!fact.amount.equals(value)) problems.push(`${fact.id} is ${fact.amount.toFixed()}, not ${value.toFixed()}`);
          if (!words.includes(plain(displayAmount(fact.amount, fact.printed, lang))) && !words.includes(cleanQuote(fact.source.quote))) problems.push(`the words do not give ${fact.id} as printed`);
        }
      } else if (amounts.length > 0 && STATES.test(words)) problems.push('"the document states" without the figure it states');
      for (const key of keys) {
        if (!words.includes(cleanQuote(key.source.quote)) && !/ingen fördelningsnyckel|no distribution key/.test(words)) problems.push(`the words do not quote key ${key.id}`);
        if (/ingen fördelningsnyckel|states no (distribution )?key/.test(words) && key.key.type !== 'notStated') problems.push(`${key.id} does state a key`);
      }
      for (const table of tables) {
        const model = table.checks.find((check) => check.kind === 'basePlusShare');
        if (!model || model.kind !== 'basePlusShare' || !words.includes(cleanQuote(model.statedIn.quote))) problems.push(`the words do not quote the model of ${table.id}`);
      }
      break;
    }
    case 'reconstructed': {
      if (!RECONSTRUCTS.test(words)) problems.push('a reconstructed figure not said to be reconstructed');
      if (STATES.test(words)) problems.push('a reconstructed figure said to be stated');
      if (amounts.length === 0) problems.push('names no amount');
      for (const fact of amounts) if (fact.status !== 'reconstructed') problems.push(`${fact.id} is ${fact.status}, not reconstructed`);
      if (value) {
        const fact = amounts[0];
        if (amounts.length !== 1 || !fact) problems.push('a reconstructed figure must name exactly one amount');
        else {
          if (!fact.amount.equals(value)) problems.push(`${fact.id} is ${fact.amount.toFixed()}, not ${value.toFixed()}`);
          const printed = fact.reconstruction!.printed;
          if (!words.includes(`”${printed}”`) && !words.includes(`“${printed}”`)) problems.push(`the words do not say ${fact.id} is printed as "${printed}"`);
        }
      }
      break;
    }
    case 'derived': {
      if (!DERIVES.test(words)) problems.push('a computed figure not said to be computed');
      if (STATES.test(words)) problems.push('a computed figure said to be stated');
      if (claim.derivedFact) {
        const fact = store.amount(claim.derivedFact);
        if (!fact || fact.status !== 'derived') problems.push(`${claim.derivedFact} is not a derived fact`);
        else {
          if (value && !fact.amount.equals(value)) problems.push(`${fact.id} is ${fact.amount.toFixed()}, not ${value.toFixed()}`);
          if (fact.components.map((part) => part.id).join() !== claim.facts.join()) problems.push(`${fact.id} is not computed from ${claim.facts.join(', ')}`);
        }
      }
      if (value && amounts.length === claim.facts.length) {
        const sum = amounts.reduce((acc, fact) => acc.plus(fact.amount), new Decimal(0));
        const sumOf = (ids: string[]) => ids.reduce((acc, id) => acc.plus(store.amount(id)?.amount ?? Number.NaN), new Decimal(0));
        if (claim.of) {
          // A share: the part over the whole, and the percentage shown is that fraction.
          const share = sum.dividedBy(sumOf(claim.of));
          if (!share.toSignificantDigits(12).equals(value.toSignificantDigits(12))) problems.push(`${claim.facts.join(' + ')} / ${claim.of.join(' + ')} = ${share.toFixed()}, not ${value.toFixed()}`);
          const percent = share.times(100).toFixed(1).replace('.', lang === 'sv' ? ',' : '.');
          if (!words.includes(percent)) problems.push(`the words do not give the share ${percent} %`);
        } else if (claim.minus) {
          const difference = sum.minus(sumOf(claim.minus));
          if (!difference.equals(value)) problems.push(`${claim.facts.join(' + ')} − ${claim.minus.join(' + ')} = ${difference.toFixed()}, not ${value.toFixed()}`);
        } else if (!sum.equals(value)) problems.push(`${claim.facts.join(' + ')} = ${sum.toFixed()}, not ${value.toFixed()}`);
      }
      break;
    }
  }
  return problems;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The provenance words left once every claim's words and every quoted document text is taken out. */
function unclaimed(shown: string[], claims: Claim[], quotes: string[]): string[] {
  const taken = [...claims.map((claim) => plain(claim.words)), ...quotes.map(plain)].filter((words) => words !== '').sort((a, b) => b.length - a.length);
  return shown
    .map((line) => taken.reduce((rest, words) => rest.replace(new RegExp(escape(words), 'gi'), ' '), line))
    .filter((rest) => PROVENANCE.test(rest));
}

describe('every provenance sentence is true of the facts it names', () => {
  it('walks the whole question set and the total questions, and finds claims of every kind', () => {
    expect(allReplies.length).toBeGreaterThan(330);
    const statuses = new Set(allReplies.flatMap(({ reply }) => reply.provenance.map((claim) => claim.status)));
    expect([...statuses].sort()).toEqual(['derived', 'reconstructed', 'stated']);
    const words = allReplies.flatMap(({ reply }) => reply.provenance.map((claim) => claim.words)).join('\n');
    for (const phrase of ['tabellen anger', 'the table states', 'dokumentet anger', 'rekonstruerat, tryckt som', 'beräknat ur tabellens kolumnsummor', 'summerar till']) expect(words).toContain(phrase);
  });

  it.each(allReplies.map((asked) => [asked.name, asked] as const))('%s', (_name, { reply, shown }) => {
    for (const claim of reply.provenance) expect(falsehoods(claim, reply.lang), `"${claim.words}"`).toEqual([]);
    // Each claim's words are what the reply shows.
    const all = shown.join('\n').toLowerCase();
    for (const claim of reply.provenance) expect(all, `claimed words not shown: "${claim.words}"`).toContain(plain(claim.words).toLowerCase());
    // No provenance words that no claim stands for (the documents' own words in quotes aside).
    const quotes = [...reply.sources.map((source) => source.quote), reply.quote?.quote ?? ''];
    const documentWords = reply.kind === 'focusArea' ? reply.rows.flatMap((row) => [row.label, row.value]) : [];
    expect(unclaimed(shown, reply.provenance, [...quotes, ...documentWords])).toEqual([]);
  });
});

describe('the figures the issue measured are worded truthfully', () => {
  const reply = (name: string) => allReplies.find((asked) => asked.name === name)!.reply;

  it('never says the document states a figure that is reconstructed', () => {
    for (const { reply: r } of allReplies) {
      for (const claim of r.provenance.filter((c) => STATES.test(c.words))) {
        for (const id of claim.facts) expect(store.amount(id)?.status ?? 'stated', claim.words).toBe('stated');
      }
    }
  });

  it('says a reconstructed Skåne total is reconstructed and quotes what is printed there', () => {
    const sydvast = store.amounts({ place: 'skane-sydvast', year: 2023, fund: 'delregion' })[0]!;
    const text = plain(reply('vad får sydväst?').text);
    if (sydvast.status === 'reconstructed') expect(text).toContain(`(rekonstruerat, tryckt som ”${sydvast.reconstruction!.printed}”)`);
    expect(text).not.toMatch(/Dokumentet anger 4 498/);
  });
});
