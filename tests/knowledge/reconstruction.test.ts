// The Skåne 2023 sub-region table (003_200551ed2178d4fe.txt) is an OCR'd image: some cells are
// garbled or misread. The store holds them reconstructed with the stated model (1 mkr / 0,3 mkr /
// 1 mkr base per sub-region, the rest by population 2022), marked as such, with the printed text
// kept. Here the reconstruction is redone from the legible cells alone and held against the store.
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { parseSek, reconstructBasePlusShare, type Reconstruction } from '../../src/allocation/index.js';
import { loadKnowledge, type AmountFact } from '../../src/knowledge/index.js';
import type { Cell } from '../../src/knowledge/schema.js';
import { collapse, factById } from './helpers.js';

const { store } = loadKnowledge();
const TABLE_ID = 'skane-2023-delregioner';
const table = store.knowledge.tables.find((t) => t.id === TABLE_ID)!;
const model = table.checks.find((check) => check.kind === 'basePlusShare')!;
if (model.kind !== 'basePlusShare') throw new Error('the Skåne table has no basePlusShare check');
const columnTotals = table.columnTotals!;
const SUBREGIONS = ['skane-nordost', 'skane-nordvast', 'skane-mellersta', 'skane-malmo', 'skane-sydost', 'skane-sydvast'];

const fact = (place: string, column: string): AmountFact => factById(
  store.amounts({ place, year: 2023 }).filter((f) => f.status !== 'derived'),
  `${TABLE_ID}/${place}/${column}`,
);

const legible = (cell: Cell | undefined): Decimal | null => (typeof cell === 'string' ? parseSek(cell) : null);

/** The model's columns: each fund a base-only column and a share-only column of the printed column total. */
const COLUMNS = model.columns.flatMap((column) => [
  { id: column.base!, base: parseSek(column.baseAmount), pot: new Decimal(0) },
  { id: column.share, base: new Decimal(0), pot: parseSek(columnTotals.cells[column.share] as string) },
]);

/** Reconstructs from the cells printed legibly (plain strings); `override` feeds a printed text back in. */
function reconstruct(override?: { place: string; column: string; printed: string }): Reconstruction {
  return reconstructBasePlusShare({
    columns: COLUMNS,
    rows: table.rows.map((row) => {
      const printed = (column: string) => (override && override.place === row.place && override.column === column ? parseSek(override.printed) : null);
      return {
        id: row.place,
        cells: Object.fromEntries(COLUMNS.map((column) => [column.id, printed(column.id) ?? legible(row.cells[column.id])])),
        total: printed('total') ?? legible(row.total),
      };
    }),
    cellTolerance: model.cellTolerance,
    totalTolerance: model.totalTolerance,
    unit: 'krona',
    sharesSumToOne: true,
  });
}

const reconstruction = reconstruct();
const recRow = (place: string) => reconstruction.rows.find((row) => row.id === place)!;
const recCell = (place: string, column: string) => (column === 'total' ? recRow(place).total : recRow(place).cells[column]!);

describe('the model as stated in the document', () => {
  it('is quoted from the document: 1 mkr, 1 mkr and 0,3 mkr in base, the rest by population 2022', () => {
    const text = collapse(store.knowledge.texts['003_200551ed2178d4fe.txt']!);
    expect(text).toContain(collapse(model.statedIn.quote));
    expect(model.statedIn.quote).toMatch(/1mkr i bas.*1 mkr.*0,3 mkr.*invånarantal 2022/);
    expect(COLUMNS.map((c) => [c.id, c.base.toFixed(), c.pot.toFixed()])).toEqual([
      ['samverkan-bas', '1000000', '0'],
      ['samverkan', '0', '8637112'],
      ['brukarmedverkan-bas', '300000', '0'],
      ['brukarmedverkan', '0', '200000'],
      ['suicidprevention-bas', '1000000', '0'],
      ['suicidprevention', '0', '20008132'],
    ]);
  });

  it('lists the six sub-regions', () => {
    expect(table.rows.map((row) => row.place)).toEqual(SUBREGIONS);
  });
});

// place, column, printed OCR text, reconstructed value, range (when the legible figures do not pin the krona).
const RECONSTRUCTED: [place: string, column: string, printed: string, value: string, range?: [string, string]][] = [
  ['skane-nordvast', 'brukarmedverkan', 's1098', '51098'],
  ['skane-nordvast', 'suicidprevention', 's11188', '5111884', ['5111884', '5111885']],
  ['skane-mellersta', 'samverkan', '183271', '1833271'],
  ['skane-mellersta', 'brukarmedverkan', '22451', '42451'],
  ['skane-mellersta', 'suicidprevention', '2206828', '4246829', ['4246828', '4246829']],
  ['skane-malmo', 'brukarmedverkan', '50508', '50504'],
  ['skane-sydvast', 'brukarmedverkan', '15200', '15240'],
  ['skane-sydvast', 'suicidprevention', '1520685', '1524645', ['1524644', '1524646']],
  ['skane-sydvast', 'total', '2438048', '4498045', ['4498043', '4498046']],
];

describe('the reconstructed cells', () => {
  it('are exactly the nine garbled or misread ones', () => {
    const marked = store.amounts({ year: 2023 }).filter((f) => f.table?.id === TABLE_ID && f.status === 'reconstructed');
    expect(marked.map((f) => f.id).sort()).toEqual(RECONSTRUCTED.map(([place, column]) => `${TABLE_ID}/${place}/${column}`).sort());
  });

  it.each(RECONSTRUCTED)('%s %s: printed "%s" → %s', (place, column, printed, value, range) => {
    const stored = fact(place, column);
    expect(stored.status).toBe('reconstructed');
    expect(stored.amount.equals(new Decimal(value))).toBe(true);
    expect(stored.printed).toBe(value);
    expect(stored.reconstruction?.printed).toBe(printed);
    expect(stored.reconstruction?.note).toMatch(/OCR-texten/);
    if (range) {
      expect([stored.reconstruction?.range?.min.toFixed(), stored.reconstruction?.range?.max.toFixed()]).toEqual(range);
    } else {
      expect(stored.reconstruction?.range).toBeUndefined();
    }
    // The printed text is what the row's quote shows, and it is not the reconstructed value.
    const row = table.rows.find((r) => r.place === place)!;
    expect(row.quote.split(' ')).toContain(printed);
    expect(printed).not.toBe(value);
  });

  it.each(RECONSTRUCTED)('%s %s: the store holds what the model gives from the legible cells alone', (place, column, _printed, value, range) => {
    const cell = recCell(place, column);
    expect(cell.legible).toBe(false);
    expect(cell.value.toFixed()).toBe(value);
    expect([cell.min.toFixed(), cell.max.toFixed()]).toEqual(range ?? [value, value]);
    expect(cell.certainty).toBe(range ? 'range' : 'exact');
    expect(fact(place, column).amount.equals(cell.value)).toBe(true);
  });

  // A cell whose OCR text reads as a number was judged misread: fed back in, the row stops agreeing.
  it.each(RECONSTRUCTED.filter(([, , printed]) => /^\d+$/.test(printed)))('%s %s: the OCR text "%s" read as a figure contradicts the legible ones', (place, column, printed) => {
    const contradicted = reconstruct({ place, column, printed });
    expect(contradicted.inconsistent.map((i) => i.row)).toEqual([place]);
    expect(contradicted.inconsistent[0]!.cells).toContain(column);
  });
});

describe('the legible cells', () => {
  const legibleCells = table.rows.flatMap((row) => [
    ...COLUMNS.filter((column) => typeof row.cells[column.id] === 'string').map((column) => [row.place, column.id, row.cells[column.id] as string] as const),
    ...(typeof row.total === 'string' ? [[row.place, 'total', row.total] as const] : []),
  ]);

  it('are the other 33 cells and totals of the six rows', () => {
    expect(legibleCells).toHaveLength(6 * 7 - RECONSTRUCTED.length);
  });

  it('give every row one consistent population share', () => {
    expect(reconstruction.inconsistent).toEqual([]);
    for (const place of SUBREGIONS) {
      const { low, high } = recRow(place).share;
      expect(low.gt(0) && high.lt(1) && low.lte(high), place).toBe(true);
    }
  });

  it.each(legibleCells)('%s %s (printed "%s") agrees with the model and is stored as printed', (place, column, printed) => {
    const cell = recCell(place, column);
    expect(cell.legible).toBe(true);
    expect(cell.agrees).toBe(true);
    expect(cell.printed?.equals(parseSek(printed))).toBe(true);
    // Whole kronor: the model's value is the printed figure itself.
    expect(cell.value.equals(parseSek(printed))).toBe(true);
    const stored = fact(place, column);
    expect(stored.status).toBe('stated');
    expect(stored.printed).toBe(printed);
    expect(stored.amount.equals(parseSek(printed))).toBe(true);
  });
});

describe('the column totals', () => {
  const stored = (column: string) => SUBREGIONS.reduce((sum, place) => sum.plus(fact(place, column).amount), new Decimal(0));

  it.each(COLUMNS.map((column) => [column.id] as const))('%s: the stored cells add up to what the reconstruction adds up to', (column) => {
    expect(stored(column).equals(reconstruction.columnTotals[column]!.value)).toBe(true);
  });

  it.each(COLUMNS.map((column) => [column.id, columnTotals.cells[column.id] as string] as const))('%s: the reconstructed sum is within 1 kr of the printed %s', (column, printed) => {
    const { min, max } = reconstruction.columnTotals[column]!;
    const total = parseSek(printed);
    expect(total.gte(min.minus(1)) && total.lte(max.plus(1))).toBe(true);
  });

  it('agrees within ½ kr everywhere but in the samverkan column: 8 637 113 reconstructed, 8 637 112 printed', () => {
    const off = COLUMNS.filter((column) => {
      const { min, max } = reconstruction.columnTotals[column.id]!;
      const printed = parseSek(columnTotals.cells[column.id] as string);
      return printed.lt(min.minus('0.5')) || printed.gt(max.plus('0.5'));
    }).map((column) => column.id);
    expect(off).toEqual(['samverkan']);
    expect(reconstruction.columnTotals['samverkan']!.value.toFixed()).toBe('8637113');
    expect(stored('samverkan').toFixed()).toBe('8637113');
    expect(columnTotals.cells['samverkan']).toBe('8637112');
  });

  it('records that one discrepancy in the data, with its explanation', () => {
    expect(table.knownDiscrepancies).toHaveLength(1);
    expect(table.knownDiscrepancies[0]).toMatchObject({ check: 'basePlusShare', where: 'total/samverkan' });
    expect(table.knownDiscrepancies[0]!.explanation).toMatch(/8 637 113 kr.*8 637 112 kr.*avrundning/s);
  });

  it('puts the printed grand total 42 645 244 within the range of the reconstructed row totals', () => {
    const grand = reconstruction.grandTotal;
    expect([grand.min.toFixed(), grand.max.toFixed()]).toEqual(['42645244', '42645247']);
    expect(columnTotals.total).toBe('42645244');
    const storedTotals = SUBREGIONS.reduce((sum, place) => sum.plus(fact(place, 'total').amount), new Decimal(0));
    expect(storedTotals.equals(grand.value)).toBe(true);
  });
});
