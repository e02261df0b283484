// Printed first: a total the document prints (a total row, a column total, a row total, a stated pot)
// is answered as printed, never re-summed. Expectations come from the printed text of the tables, so
// they hold whatever a reconstruction of a garbled cell gives.
import { describe, expect, it } from 'vitest';
import { parseSek } from '../../src/allocation/index.js';
import { displayAmount } from '../../src/brain/format.js';
import type { AmountFact } from '../../src/knowledge/model.js';
import { converse, store } from './ask.js';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const kr = (printed: string) => plain(displayAmount(parseSek(printed), printed, 'sv'));
const tables = store.knowledge.tables.filter((table) => table.columnTotals);

/** "delregionerna" / "sub-regions": what the rows of a table are. */
function rowsOf(tableId: string, lang: 'sv' | 'en'): string {
  const sub = store.place(store.table(tableId)!.rows[0]!.place)!.kind === 'subregion';
  return lang === 'sv' ? (sub ? 'delregionerna' : 'kommunerna') : sub ? 'sub-regions' : 'municipalities';
}

/** The fact a table's column-total row gives for a column (or for the row-total column). */
function columnTotalFact(tableId: string, column: string): AmountFact {
  const table = store.table(tableId)!;
  return store.amounts({ place: table.columnTotals!.place, year: table.year }).find((fact) => fact.table?.id === tableId && fact.table.column === column)!;
}

function stated(reply: ReturnType<typeof converse>, fact: AmountFact): boolean {
  return reply.provenance.some((claim) => claim.status === 'stated' && claim.facts.length === 1 && claim.facts[0] === fact.id && claim.value === fact.amount.toFixed());
}

describe('a table’s total row is answered as printed', () => {
  it.each(tables.map((table) => [table.title, table] as const))('%s: the grand total', (_title, table) => {
    const printed = table.columnTotals!.total as string;
    const place = store.place(table.columnTotals!.place)!.name;
    const reply = converse([`Hur mycket går totalt till ${rowsOf(table.id, 'sv')} i ${place} ${table.year}?`]);
    expect(plain(reply.figure!)).toBe(kr(printed));
    expect(plain(reply.text)).toContain(`tabellen anger ${kr(printed)}`);
    expect(reply.text).not.toContain('som inte själv anger summan');
    expect(stated(reply, columnTotalFact(table.id, table.total!.label))).toBe(true);
    // The source quotes the total row, with its headings.
    expect(plain(reply.sources[0]!.quote)).toContain(`${table.total!.label} ${printed}`);
    const en = converse([`How much do the ${rowsOf(table.id, 'en')} in ${place} get in total in ${table.year}?`]);
    expect(plain(en.text)).toContain(`the table states ${plain(displayAmount(parseSek(printed), printed, 'en'))}`);
  });

  it.each(tables.flatMap((table) => table.columns.map((column) => [`${table.id}: ${column.label}`, table, column] as const)))('%s: the column total, among its fund’s parts', (_name, table, column) => {
    const printed = table.columnTotals!.cells[column.id] as string;
    const place = store.place(table.columnTotals!.place)!.name;
    const fund = store.fund(column.fund)!.name.sv.toLowerCase();
    const reply = converse([`Hur mycket får ${place} för ${fund} ${table.year}?`]);
    expect(reply.rows.map((row) => plain(row.value))).toContain(kr(printed));
    expect(stated(reply, columnTotalFact(table.id, column.label))).toBe(true);
  });

  it.each(tables.flatMap((table) => [...new Set(table.columns.map((column) => column.fund))].map((fund) => [`${table.id}: ${fund}`, table, fund] as const)))(
    '%s: all rows together are the printed column totals, or their sum said to be computed from them',
    (_name, table, fund) => {
      const columns = table.columns.filter((column) => column.fund === fund);
      const totals = columns.map((column) => parseSek(table.columnTotals!.cells[column.id] as string));
      const expected = totals.reduce((sum, total) => sum.plus(total));
      const place = store.place(table.columnTotals!.place)!.name;
      const reply = converse([`Hur mycket går totalt till ${rowsOf(table.id, 'sv')} i ${place} för ${store.fund(fund)!.name.sv.toLowerCase()} ${table.year}?`]);
      expect(plain(reply.figure!)).toBe(plain(displayAmount(expected, expected.toFixed(), 'sv')));
      if (columns.length === 1) expect(stated(reply, columnTotalFact(table.id, columns[0]!.label))).toBe(true);
      else {
        expect(plain(reply.text)).toContain('beräknat ur tabellens kolumnsummor');
        const claim = reply.provenance.find((c) => c.status === 'derived' && c.value === expected.toFixed() && c.derivedFact);
        expect(claim?.facts).toEqual(columns.map((column) => columnTotalFact(table.id, column.label).id));
      }
    },
  );
});

describe('a row’s printed total is answered as printed', () => {
  const rows = store.knowledge.tables.flatMap((table) => (table.total ? table.rows.map((row) => ({ table, row })) : []));

  it.each(rows.map(({ table, row }) => [`${table.id}: ${row.place}`, table, row] as const))('%s', (_name, table, row) => {
    const place = store.place(row.place)!.name;
    const reply = converse([`Hur mycket får ${place} ${table.year} för ${store.fund(table.total!.fund)!.name.sv.toLowerCase()}?`]);
    const fact = store.amounts({ place: row.place, year: table.year, fund: table.total!.fund }).find((f) => f.table?.id === table.id)!;
    if (typeof row.total === 'string') {
      expect(plain(reply.figure!)).toBe(kr(row.total));
      expect(fact.status).toBe('stated');
    } else {
      // Illegible: the reconstructed figure, with what is printed there.
      expect(plain(reply.text)).toContain(`tryckt som ”${row.total!.printed}”`);
      expect(reply.provenance.some((claim) => claim.status === 'reconstructed' && claim.facts[0] === fact.id)).toBe(true);
    }
  });
});

describe('a pot the document states is answered as printed', () => {
  const pots = store.knowledge.amounts.filter((fact) => !fact.table && !fact.label && !fact.approximate);

  it.each(pots.map((fact) => [fact.id, fact] as const))('%s', (_id, fact) => {
    const reply = converse([`Hur mycket får ${store.place(fact.place)!.name} ${fact.year} för ${store.fund(fact.fund)!.name.sv.toLowerCase()}?`]);
    expect(plain(reply.figure!)).toBe(kr(fact.printed));
  });
});
