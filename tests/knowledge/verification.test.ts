// The verification report: every published table, stated key and stated sum is checked with the
// allocation core, and what the report claims holds when recomputed here by hand.
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { impliedShare, parseSek } from '../../src/allocation/index.js';
import { checkKnowledge, recipientsOfFixedKey, type CheckResult } from '../../src/knowledge/checks.js';
import { loadKnowledge, type KeyFact, type Knowledge, type TableFact } from '../../src/knowledge/index.js';
import { factById } from './helpers.js';

const { store, report } = loadKnowledge();
const knowledge = store.knowledge;

const resultsFor = (tableId: string) => report.results.filter((result) => result.subject.startsWith(`${tableId} (`));
const verdict = (result: CheckResult) =>
  result.discrepancies.some((d) => !d.explanation) ? 'DISCREPANCY' : result.discrepancies.length > 0 ? 'EXPLAINED' : 'VERIFIED';

function key(fund: string): KeyFact {
  const keys = store.keys({ place: 'sverige', year: 2020, fund });
  expect(keys).toHaveLength(1);
  return keys[0]!;
}

function stated(place: string, fund: string, year = 2020): Decimal {
  const facts = store.amounts({ place, fund, year }).filter((fact) => fact.status === 'stated');
  expect(facts).toHaveLength(1);
  return facts[0]!.amount;
}

describe('the report covers every table', () => {
  const checked = knowledge.tables;

  it('checks every table of the documents that have tables (000, 001, 002 and 003)', () => {
    expect(checked.every((table) => table.checks.length > 0)).toBe(true);
    expect(new Set(checked.map((table) => table.document.file))).toEqual(new Set(['000_afe9e734d6b1f6f8.txt', '001_74a662b3024a3357.txt', '002_095eae0b221900fb.txt', '003_200551ed2178d4fe.txt']));
    expect(checked.map((table) => table.id).sort()).toEqual(['dalarna-2020-kommuner', 'dalarna-2020-lansgemensamt', 'dalarna-2022-lansgemensamt', 'jamtland-2020-lansgemensamt', 'skane-2023-delregioner']);
  });

  it.each(checked.map((table) => [table.id, table] as const))('%s: one result per declared check, each verified or explained', (_, table) => {
    const results = resultsFor(table.id);
    expect(results.map((result) => result.check)).toEqual(table.checks.map((check) => check.kind));
    for (const result of results) {
      expect(result.document).toBe(table.document.file);
      expect(result.agreements).toBeGreaterThan(0);
      expect(['VERIFIED', 'EXPLAINED']).toContain(verdict(result));
    }
  });

  it('checks every row total that is printed', () => {
    for (const table of checked) {
      const rowTotals = resultsFor(table.id).find((result) => result.check === 'rowTotals');
      if (!rowTotals) continue;
      expect(rowTotals.agreements + rowTotals.discrepancies.length, table.id).toBe(table.rows.filter((row) => row.total !== undefined).length);
    }
  });

  it('has four explained discrepancies in all five documents, each a krona of rounding in the Skåne table', () => {
    const explained = report.results.flatMap((result) => result.discrepancies.map((d) => ({ check: result.check, subject: result.subject, ...d })));
    // Printed total minus the sum of the rounded figures it totals: the document rounds each total
    // from unrounded amounts. Mellersta: 1 000 000 + 1 833 271 + 300 000 + 42 451 + 1 000 000 +
    // 4 246 828 = 8 422 550, printed 8 422 551. Malmö: 1 000 000 + 2 181 037 + 300 000 + 50 504 +
    // 1 000 000 + 5 052 438 = 9 583 979, printed 9 583 978. Samverkan: 1 142 432 + 2 206 699 +
    // 1 833 271 + 2 181 037 + 615 515 + 658 159 = 8 637 113, printed 8 637 112. Totalt Skåne: the six
    // row totals 6 115 364 + 9 669 681 + 8 422 551 + 9 583 978 + 4 355 627 + 4 498 044 = 42 645 245,
    // printed 42 645 244.
    expect(explained.map((d) => [d.check, d.where, d.expected, d.actual, d.difference])).toEqual([
      ['rowTotals', 'skane-mellersta/total', '8422550', '8422551', '1'],
      ['rowTotals', 'skane-malmo/total', '9583979', '9583978', '-1'],
      ['columnTotals', 'total/samverkan', '8637113', '8637112', '-1'],
      ['columnTotals', 'total/total', '42645245', '42645244', '-1'],
    ]);
    expect(explained.every((d) => d.subject.startsWith('skane-2023-delregioner (') && /avrundning/.test(d.explanation ?? ''))).toBe(true);
  });

  it('verifies all four 2020 keys and the Skåne-wide sum', () => {
    const subjects = report.results.filter((result) => !knowledge.tables.some((table) => result.subject.startsWith(`${table.id} (`)));
    expect(subjects.map((result) => result.check)).toEqual(['key basePlusProRata', 'key fixed', 'key notStated', 'key proRata', 'sum of the parts']);
    for (const result of subjects) expect(verdict(result), result.subject).toBe('VERIFIED');
  });
});

describe('the 2020 keys (002_095eae0b221900fb.txt, Bakgrund)', () => {
  const POT = new Decimal(200_000_000);
  const COUNTIES = 21;
  const samsjuklighetKey = { type: 'basePlusProRata' as const, base: parseSek('5 Mkr'), weight: 'population' };
  const shareOf = (amount: Decimal, counties = COUNTIES) => impliedShare(amount, samsjuklighetKey, POT, counties);

  it('derives 21 counties from the brukarmedverkan key: 24 Mkr as 1 Mkr per county, 2 Mkr for the three metropolitan ones', () => {
    const brukarmedverkan = key('brukarmedverkan');
    expect(brukarmedverkan.pot).toBe('24 Mkr');
    expect(recipientsOfFixedKey(brukarmedverkan)?.equals(COUNTIES)).toBe(true);
    const fixed = report.results.find((result) => result.check === 'key fixed')!;
    expect(fixed.notes).toContain('Potten 24\u00a0000\u00a0000\u00a0kr ger 21 mottagare (härlett ur nyckeln)');
  });

  it('states the samsjuklighet key as 5 Mkr per county and the rest by population, out of 200 Mkr', () => {
    const samsjuklighet = key('samsjuklighet');
    expect(samsjuklighet.key).toEqual({ type: 'basePlusProRata', base: '5 Mkr', weight: 'population' });
    expect(parseSek(samsjuklighet.pot).equals(POT)).toBe(true);
    expect(samsjuklighet.verifyAgainst).toEqual(['dalarna', 'jamtland']);
  });

  it.each([
    ['dalarna', '7649410.97', /dalarna: 7 649 410,97 kr motsvarar en befolkningsandel på 2,7889 %/],
    ['jamtland', '6203183.05', /jamtland: 6 203 183,05 kr motsvarar en befolkningsandel på 1,2665 %/],
  ])('reproduces %s\'s samsjuklighet amount %s from a population share in (0, 1)', (place, printed, note) => {
    const amount = stated(place, 'samsjuklighet');
    expect(amount.equals(new Decimal(printed))).toBe(true);
    const share = shareOf(amount);
    expect(share.gt(0) && share.lt(1)).toBe(true);
    // 5 Mkr + share × (200 Mkr − 21 × 5 Mkr), rounded to öre, is the printed amount.
    const rebuilt = new Decimal(5_000_000).plus(share.times(POT.minus(new Decimal(5_000_000).times(COUNTIES)))).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    expect(rebuilt.toFixed(2)).toBe(printed);
    const result = report.results.find((r) => r.check === 'key basePlusProRata')!;
    expect(result.notes.some((n) => note.test(n.replace(/\u00a0/g, ' ')))).toBe(true);
  });

  it.each([
    ['dalarna', '5577707.31'],
    ['jamtland', '2533016.95'],
  ])('observes that %s\'s suicidprevention %s is the samsjuklighet population share of 200 Mkr, to the öre', (place, printed) => {
    const suicidprevention = stated(place, 'suicidprevention');
    expect(suicidprevention.toFixed(2)).toBe(printed);
    expect(key('suicidprevention').key.type).toBe('notStated');
    const share = shareOf(stated(place, 'samsjuklighet'));
    expect(share.times(POT).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)).toBe(printed);
    // The observation depends on the 21 counties: with 20 the shares no longer match.
    expect(shareOf(stated(place, 'samsjuklighet'), 20).times(POT).toDecimalPlaces(2).toFixed(2)).not.toBe(printed);
    const result = report.results.find((r) => r.check === 'key notStated')!;
    expect(result.notes).toContain(
      `${place}: observation (inte angiven i dokumentet): beloppet är exakt samma befolkningsandel av 200\u00a0000\u00a0000\u00a0kr som samsjuklighetsnyckeln ger`,
    );
  });
});

describe('the Skåne-wide items (003_200551ed2178d4fe.txt, Medel att användas Skånegemensamt)', () => {
  const ITEMS: [id: string, printed: string][] = [
    ['skane-2023-case-management', '200 000kr'],
    ['skane-2023-mariamottagningarna', '1,5 mkr'],
    ['skane-2023-naloxon', '500 000kr'],
    ['skane-2023-samordning', '130 000kr'],
    ['skane-2023-anhorigstod', '100 000 kr'],
    ['skane-2023-brukarrevision', '200 000 kr'],
    ['skane-2023-gaming', '500 000kr'],
    ['skane-2023-mhfa', '600 000kr'],
    ['skane-2023-traumamedveten', '70 000kr'],
    ['skane-2023-samverkan-suicidprevention', '200 000kr'],
  ];

  it('adds up to the stated 4 mkr', () => {
    const sum = knowledge.sums.find((s) => s.id === 'skane-2023-skanegemensamt-delar')!;
    expect(sum.parts).toEqual(ITEMS.map(([id]) => id));
    const parts = ITEMS.map(([id, printed]) => {
      const fact = factById(knowledge.amounts, id);
      expect(fact.printed).toBe(printed);
      return fact.amount;
    });
    const total = factById(knowledge.amounts, 'skane-2023-skanegemensamt');
    expect(total.printed).toBe('4 mkr');
    expect(parts.reduce((a, b) => a.plus(b), new Decimal(0)).equals(total.amount)).toBe(true);
    expect(total.amount.toFixed(2)).toBe('4000000.00');
    const result = report.results.find((r) => r.subject === 'skane-2023-skanegemensamt-delar')!;
    expect(result).toMatchObject({ check: 'sum of the parts', agreements: 1, discrepancies: [] });
  });

  it('reports the difference when one item is changed', () => {
    const amounts = knowledge.amounts.map((fact) => (fact.id === 'skane-2023-gaming' ? { ...fact, amount: new Decimal(500_001) } : fact));
    const changed = checkKnowledge({ ...knowledge, amounts });
    expect(changed.unexplained).toBe(1);
    const result = changed.results.find((r) => r.subject === 'skane-2023-skanegemensamt-delar')!;
    expect(result.discrepancies).toEqual([{ where: 'skane-2023-skanegemensamt', expected: '4000000', actual: '4000001', difference: '1' }]);
  });
});

describe('a deliberately wrong table in memory', () => {
  /** The report for the real knowledge with one table replaced by an edited copy. */
  function checkWith(tableId: string, edit: (table: TableFact) => void) {
    const table = structuredClone(knowledge.tables.find((t) => t.id === tableId)!);
    edit(table);
    const changed: Knowledge = { ...knowledge, tables: knowledge.tables.map((t) => (t.id === tableId ? table : t)) };
    return checkKnowledge(changed);
  }

  /** The results that differ from the real report. */
  function changedResults(changed: ReturnType<typeof checkKnowledge>) {
    expect(changed.results).toHaveLength(report.results.length);
    return changed.results.filter((result, i) => JSON.stringify(result) !== JSON.stringify(report.results[i]));
  }

  it('reports exactly the row total a changed Jämtland cell breaks', () => {
    const changed = checkWith('jamtland-2020-lansgemensamt', (table) => {
      table.rows[0]!.cells['ungdomsmottagningar'] = '1 800 966,91';
    });
    expect(changed.unexplained).toBe(1);
    const [result, ...others] = changedResults(changed);
    expect(others).toEqual([]);
    expect(result).toMatchObject({ check: 'rowTotals', document: '002_095eae0b221900fb.txt', agreements: 0 });
    expect(result!.discrepancies).toEqual([{ where: 'jamtland/total', expected: '11537166.91', actual: '11537156.91', difference: '-10' }]);
  });

  it('reports exactly the one municipality whose rounded total is changed, leaving the 2:1 ratio intact', () => {
    const changed = checkWith('dalarna-2020-kommuner', (table) => {
      table.rows.find((row) => row.place === 'mora')!.total = '593 462 kr';
    });
    expect(changed.unexplained).toBe(1);
    const [result, ...others] = changedResults(changed);
    expect(others).toEqual([]);
    expect(result).toMatchObject({ check: 'rowTotals', agreements: 14 });
    expect(result!.discrepancies).toEqual([{ where: 'mora/total', expected: '593461', actual: '593462', difference: '1' }]);
  });

  it('reports a changed legible Skåne cell against the population model', () => {
    const changed = checkWith('skane-2023-delregioner', (table) => {
      table.rows.find((row) => row.place === 'skane-nordost')!.cells['samverkan'] = '1142532';
    });
    const model = changed.results.find((r) => r.subject.startsWith('skane-2023-delregioner (') && r.check === 'basePlusShare')!;
    const open = model.discrepancies.filter((d) => !d.explanation);
    expect(open.map((d) => d.where)).toContain('skane-nordost/samverkan');
    expect(open.every((d) => d.where.startsWith('skane-nordost/') && /contradict each other within their row/.test(d.actual))).toBe(true);
    // The row total and the column total no longer add up either: 100 kr more in both.
    const sums = changed.results.filter((r) => r.subject.startsWith('skane-2023-delregioner (') && r.check !== 'basePlusShare');
    const unexplained = sums.flatMap((r) => r.discrepancies.filter((d) => !d.explanation).map((d) => [d.where, d.difference]));
    expect(unexplained).toContainEqual(['skane-nordost/total', '-100']);
    expect(unexplained).toContainEqual(['total/samverkan', '-101']);
  });

  it('stops explaining the four rounding differences once their recorded explanations are removed', () => {
    const changed = checkWith('skane-2023-delregioner', (table) => {
      table.knownDiscrepancies = [];
    });
    expect(changed.unexplained).toBe(4);
    const open = changedResults(changed).flatMap((result) => result.discrepancies.filter((d) => !d.explanation).map((d) => d.where));
    expect(open).toEqual(['skane-mellersta/total', 'skane-malmo/total', 'total/samverkan', 'total/total']);
  });

  it('reports a recorded explanation that no longer matches anything as stale', () => {
    const changed = checkWith('skane-2023-delregioner', (table) => {
      table.knownDiscrepancies = table.knownDiscrepancies.map((known) => (known.where === 'skane-mellersta/total' ? { ...known, difference: '2' } : known));
    });
    expect(changed.unexplained).toBe(2);
    const open = changedResults(changed).flatMap((result) => result.discrepancies.filter((d) => !d.explanation).map((d) => [d.where, d.actual]));
    expect(open).toEqual([
      ['skane-mellersta/total', '8422551'],
      ['skane-mellersta/total', 'not found'],
    ]);
  });

  it('reports a reconstructed value that breaks a printed digit and the column total', () => {
    const changed = checkWith('skane-2023-delregioner', (table) => {
      const cell = table.rows.find((row) => row.place === 'skane-mellersta')!.cells['suicidprevention'];
      if (typeof cell !== 'object') throw new Error('Mellersta suicidprevention is stored reconstructed');
      cell.value = '4246829';
    });
    const open = changedResults(changed).flatMap((result) => result.discrepancies.filter((d) => !d.explanation).map((d) => d.where));
    expect(open).toContain('skane-mellersta/suicidprevention (digits)');
    expect(open).toContain('total/suicidprevention');
  });
});
