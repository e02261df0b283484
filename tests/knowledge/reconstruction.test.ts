// The Skåne 2023 sub-region table (003_200551ed2178d4fe.txt) is an OCR'd image: some cells are
// garbled or misread. The store holds them reconstructed, marked as such, with the printed text and
// the digits that are legible in it. Here the table is solved again, independently of the allocation
// core, from what the document prints: the stated model (1 mkr / 0,3 mkr / 1 mkr base per
// sub-region, the rest of each column's printed total by population 2022), every legible cell and
// row total, and the legible digits of the garbled cells.
//
// The search by hand: for a population total W, a sub-region with a legible samverkan cell c has
// w inhabitants with round(8 637 112 · w / W) = c, which leaves at most one or two whole w; the one
// sub-region whose samverkan cell is garbled (Mellersta) has what the others leave. Every W from 1 to
// 2 million is tried; a set of populations fits when it prints every legible figure exactly (row
// totals rounded from the unrounded parts, as a spreadsheet does) and keeps every legible digit.
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { parseSek } from '../../src/allocation/index.js';
import { loadKnowledge, type AmountFact } from '../../src/knowledge/index.js';
import { collapse, factById } from './helpers.js';

const { store } = loadKnowledge();
const TABLE_ID = 'skane-2023-delregioner';
const table = store.knowledge.tables.find((t) => t.id === TABLE_ID)!;
const model = table.checks.find((check) => check.kind === 'basePlusShare')!;
if (model.kind !== 'basePlusShare') throw new Error('the Skåne table has no basePlusShare check');
const SUBREGIONS = ['skane-nordost', 'skane-nordvast', 'skane-mellersta', 'skane-malmo', 'skane-sydost', 'skane-sydvast'] as const;

const fact = (place: string, column: string): AmountFact => factById(
  store.amounts({ place, year: 2023 }).filter((f) => f.status !== 'derived'),
  `${TABLE_ID}/${place}/${column}`,
);

// The table as printed (source text lines "Nordost …" to "Totalt Skane …"), read from the document
// here, not from the store: null where the print is garbled.
const POTS = { samverkan: 8_637_112, brukarmedverkan: 200_000, suicidprevention: 20_008_132 } as const;
const BASES = 1_000_000 + 300_000 + 1_000_000;
type Fund = keyof typeof POTS;
const FUNDS = Object.keys(POTS) as Fund[];
const PRINTED: Record<(typeof SUBREGIONS)[number], Record<Fund | 'total', number | null>> = {
  'skane-nordost': { samverkan: 1_142_432, brukarmedverkan: 26_454, suicidprevention: 2_646_478, total: 6_115_364 },
  'skane-nordvast': { samverkan: 2_206_699, brukarmedverkan: null, suicidprevention: null, total: 9_669_681 },
  'skane-mellersta': { samverkan: null, brukarmedverkan: null, suicidprevention: null, total: 8_422_551 },
  'skane-malmo': { samverkan: 2_181_037, brukarmedverkan: null, suicidprevention: 5_052_438, total: 9_583_978 },
  'skane-sydost': { samverkan: 615_515, brukarmedverkan: 14_253, suicidprevention: 1_425_859, total: 4_355_627 },
  'skane-sydvast': { samverkan: 658_159, brukarmedverkan: null, suicidprevention: null, total: null },
};

// place, column, the printed text, its legible digits in place ("_" for one solved), the value.
const RECONSTRUCTED: [place: (typeof SUBREGIONS)[number], column: Fund | 'total', printed: string, kept: string, value: number][] = [
  ['skane-nordvast', 'brukarmedverkan', 's1098', '_1098', 51_098],
  ['skane-nordvast', 'suicidprevention', 's11188', '_11188_', 5_111_884],
  ['skane-mellersta', 'samverkan', '183271', '18_3271', 1_833_271],
  ['skane-mellersta', 'brukarmedverkan', '22451', '_2451', 42_451],
  ['skane-mellersta', 'suicidprevention', '2206828', '_2_6828', 4_246_828],
  ['skane-malmo', 'brukarmedverkan', '50508', '5050_', 50_504],
  ['skane-sydvast', 'brukarmedverkan', '15200', '152_0', 15_240],
  ['skane-sydvast', 'suicidprevention', '1520685', '152_6_5', 1_524_645],
  ['skane-sydvast', 'total', '2438048', '_4_804_', 4_498_044],
];
const KEPT = new Map(RECONSTRUCTED.map(([place, column, , kept]) => [`${place}/${column}`, kept]));

const keeps = (value: number, kept: string) => {
  const digits = String(value);
  return digits.length === kept.length && [...kept].every((char, i) => char === '_' || char === digits[i]);
};

/** round half up of pot · w / W, exact: every product here is below 2^53. */
const rounded = (pot: number, w: number, W: number) => Math.floor((2 * pot * w + W) / (2 * W));
/** A row's total: the bases plus the unrounded shares of the three pots, rounded once. */
const rowTotal = (w: number, W: number) => BASES + rounded(POTS.samverkan + POTS.brukarmedverkan + POTS.suicidprevention, w, W);

/** Every population set in 1..2 000 000 that prints the table, with the garbled cells it gives. */
function search(): { W: number; weights: number[]; values: Map<string, number> }[] {
  const found: { W: number; weights: number[]; values: Map<string, number> }[] = [];
  const others = SUBREGIONS.filter((place) => PRINTED[place].samverkan !== null);
  const prints = (place: (typeof SUBREGIONS)[number], w: number, W: number, values: Map<string, number>) => {
    for (const column of [...FUNDS, 'total'] as const) {
      const value = column === 'total' ? rowTotal(w, W) : rounded(POTS[column], w, W);
      const printed = PRINTED[place][column];
      if (printed !== null) {
        if (value !== printed) return false;
      } else {
        if (!keeps(value, KEPT.get(`${place}/${column}`)!)) return false;
        values.set(`${place}/${column}`, value);
      }
    }
    return true;
  };
  for (let W = 1; W <= 2_000_000; W++) {
    // round(S · w / W) = c  ⇔  (2c − 1) · W ≤ 2 · S · w < (2c + 1) · W.
    const choices = others.map((place) => {
      const c = PRINTED[place].samverkan!;
      const lowest = Math.ceil(((2 * c - 1) * W) / (2 * POTS.samverkan));
      const weights: number[] = [];
      for (let w = lowest; 2 * POTS.samverkan * w < (2 * c + 1) * W; w++) if (2 * POTS.samverkan * w >= (2 * c - 1) * W) weights.push(w);
      return weights;
    });
    if (choices.some((weights) => weights.length === 0)) continue;
    const walk = (k: number, chosen: number[]) => {
      if (k < others.length) {
        for (const w of choices[k]!) walk(k + 1, [...chosen, w]);
        return;
      }
      const mellersta = W - chosen.reduce((sum, w) => sum + w, 0);
      if (mellersta <= 0) return;
      const weights = SUBREGIONS.map((place) => (place === 'skane-mellersta' ? mellersta : chosen[others.indexOf(place)]!));
      const values = new Map<string, number>();
      if (SUBREGIONS.every((place, i) => prints(place, weights[i]!, W, values))) found.push({ W, weights, values });
    };
    walk(0, []);
  }
  return found;
}

describe('the model as stated in the document', () => {
  it('is quoted from the document: 1 mkr, 1 mkr and 0,3 mkr in base, the rest by population 2022', () => {
    const text = collapse(store.knowledge.texts['003_200551ed2178d4fe.txt']!);
    expect(text).toContain(collapse(model.statedIn.quote));
    expect(model.statedIn.quote).toMatch(/1mkr i bas.*1 mkr.*0,3 mkr.*invånarantal 2022/);
  });

  it('has the printed column totals as its pots and the printed grand total as bases plus pots', () => {
    const totals = table.columnTotals!;
    for (const fund of FUNDS) expect(parseSek(totals.cells[fund] as string).toNumber(), fund).toBe(POTS[fund]);
    // 6 × 2,3 mkr in bases + 8 637 112 + 200 000 + 20 008 132 = 42 645 244, as printed.
    expect(6 * BASES + POTS.samverkan + POTS.brukarmedverkan + POTS.suicidprevention).toBe(42_645_244);
    expect(totals.total).toBe('42645244');
  });

  it('lists the six sub-regions with the legible figures read here from the document', () => {
    expect(table.rows.map((row) => row.place)).toEqual([...SUBREGIONS]);
    for (const row of table.rows) {
      const printed = PRINTED[row.place as (typeof SUBREGIONS)[number]];
      for (const column of [...FUNDS, 'total'] as const) {
        const cell = column === 'total' ? row.total : row.cells[column];
        expect(typeof cell === 'string' ? parseSek(cell).toNumber() : null, `${row.place}/${column}`).toBe(printed[column]);
      }
    }
  });
});

describe('the garbled cells, solved from everything legible', () => {
  const fits = search();

  it('has exactly one population set in 1–2 million that prints every legible figure and digit', () => {
    expect(fits).toHaveLength(1);
    // Near Skåne's 1,4 million inhabitants, as it should be.
    expect(fits[0]!.W).toBeGreaterThan(1_300_000);
    expect(fits[0]!.W).toBeLessThan(1_500_000);
  });

  it.each(RECONSTRUCTED)('%s %s: printed "%s", digits %s kept → %i kr', (place, column, printed, kept, value) => {
    expect(fits.map((fit) => fit.values.get(`${place}/${column}`))).toEqual([value]);
    // The kept digits are the print's own, in the print's order.
    let at = 0;
    for (const digit of [...kept].filter((char) => char !== '_')) {
      at = printed.indexOf(digit, at) + 1;
      expect(at, `${digit} of ${kept} in "${printed}"`).toBeGreaterThan(0);
    }
    expect(keeps(value, kept)).toBe(true);
    const stored = fact(place, column);
    expect(stored.status).toBe('reconstructed');
    expect(stored.amount.toNumber()).toBe(value);
    expect(stored.reconstruction).toMatchObject({ printed, kept });
    expect(stored.reconstruction?.range).toBeUndefined();
    expect(stored.reconstruction?.note).toMatch(/OCR-texten/);
    // The printed text is what the row's quote shows, and it is not the value.
    expect(table.rows.find((r) => r.place === place)!.quote.split(' ')).toContain(printed);
    expect(printed).not.toBe(String(value));
  });

  it('pins Mellersta’s suicide cell to 4 246 828, not 829: its legible tail is 6828', () => {
    // Mellersta's row total alone: 8 422 551 − 2 300 000 = 6 122 551 ± ½ of the three pots'
    // 28 845 244, so the share is 0,212253…; 20 008 132 × that share lies within 4 246 828–4 246 829.
    const low = (6_122_551 - 0.5) / 28_845_244;
    const high = (6_122_551 + 0.5) / 28_845_244;
    expect(Math.round(20_008_132 * low)).toBe(4_246_828);
    expect(Math.round(20_008_132 * high)).toBe(4_246_829);
    expect(keeps(4_246_829, '_2_6828')).toBe(false);
    expect(fact('skane-mellersta', 'suicidprevention').amount.toNumber()).toBe(4_246_828);
  });

  it('stores exactly these nine cells as reconstructed', () => {
    const marked = store.amounts({ year: 2023 }).filter((f) => f.table?.id === TABLE_ID && f.status === 'reconstructed');
    expect(marked.map((f) => f.id).sort()).toEqual(RECONSTRUCTED.map(([place, column]) => `${TABLE_ID}/${place}/${column}`).sort());
  });
});

describe('the legible cells', () => {
  const legibleCells = SUBREGIONS.flatMap((place) =>
    ([...FUNDS, 'total'] as const).filter((column) => PRINTED[place][column] !== null).map((column) => [place, column, PRINTED[place][column]!] as const),
  );

  it('are the other 15 share cells and row totals (the 18 base cells are all legible)', () => {
    expect(legibleCells).toHaveLength(6 * 4 - RECONSTRUCTED.length);
  });

  it.each(legibleCells)('%s %s is stored as printed, %i kr', (place, column, printed) => {
    const stored = fact(place, column);
    expect(stored.status).toBe('stated');
    expect(stored.amount.toNumber()).toBe(printed);
  });
});

describe('the totals the document prints against the completed table', () => {
  const stored = (column: string) => SUBREGIONS.reduce((sum, place) => sum.plus(fact(place, column).amount), new Decimal(0));

  it('adds each column up to its printed total, but for samverkan: 8 637 113 from the cells, printed 8 637 112', () => {
    expect(FUNDS.map((fund) => [fund, stored(fund).toNumber()])).toEqual([
      ['samverkan', 8_637_113],
      ['brukarmedverkan', 200_000],
      ['suicidprevention', 20_008_132],
    ]);
  });

  it('adds the row totals up to 42 645 245, printed 42 645 244: each total is rounded on its own', () => {
    expect(stored('total').toNumber()).toBe(42_645_245);
  });

  it('records every such rounding difference in the data with its size', () => {
    expect(table.knownDiscrepancies.map((known) => [known.check, known.where, known.difference])).toEqual([
      ['rowTotals', 'skane-mellersta/total', '1'],
      ['rowTotals', 'skane-malmo/total', '-1'],
      ['columnTotals', 'total/samverkan', '-1'],
      ['columnTotals', 'total/total', '-1'],
    ]);
    for (const known of table.knownDiscrepancies) expect(known.explanation).toMatch(/avrundning/);
  });
});
