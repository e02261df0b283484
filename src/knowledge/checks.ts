// Verifies every published table, stated key and stated sum with the allocation core. Run at load:
// a discrepancy that is not recorded (with its explanation) in the data stops start-up.
import { Decimal } from 'decimal.js';
import { formatPercent, formatSek, impliedShare, parseSek, verifyTable } from '../allocation/index.js';
import { checkBasePlusShare } from './check-reconstruction.js';
import type { AmountFact, KeyFact, Knowledge, TableFact } from './model.js';
import type { Cell, TableCheck } from './schema.js';

export interface CheckDiscrepancy {
  where: string;
  expected: string;
  actual: string;
  difference: string;
  /** Set when the data records this discrepancy as one the document really contains. */
  explanation?: string;
}

export interface CheckResult {
  subject: string;
  document: string;
  check: string;
  agreements: number;
  discrepancies: CheckDiscrepancy[];
  notes: string[];
  /** basePlusShare: every reconstructed cell, what it was solved from and what it satisfies. */
  reconstructed?: ReconstructedCellReport[];
}

export interface ReconstructedCellReport {
  /** "skane-mellersta/suicidprevention" ("…/total" for a row total). */
  where: string;
  /** The garbled text as the document prints it. */
  printed: string;
  value: Decimal;
  /** Only when the constraints leave more than one value. */
  range?: { min: Decimal; max: Decimal };
  /** The digits printed in their place ("_2_6828") and those solved ("4_4____", when exact). */
  kept?: string;
  solved?: string;
  /** What the legible figures' intervals alone allow, before whole-number populations are sought. */
  bounds: { min: Decimal; max: Decimal };
  /** Each constraint the value satisfies, in words. */
  constraints: string[];
}

export interface CheckReport {
  results: CheckResult[];
  /** Discrepancies not explained in the data. */
  unexplained: number;
}

const sek = (value: Decimal.Value) => formatSek(value, 'sv');

export function checkKnowledge(knowledge: Knowledge): CheckReport {
  const results = [
    ...knowledge.tables.flatMap((table) => table.checks.map((check) => checkTable(table, check, knowledge))),
    ...knowledge.keys.map((key) => checkKey(key, knowledge)),
    ...knowledge.sums.map((sum) => {
      const byId = (id: string) => knowledge.amounts.find((amount) => amount.id === id)!;
      const total = byId(sum.total);
      const parts = sum.parts.map(byId);
      const added = parts.reduce((acc, part) => acc.plus(part.amount), new Decimal(0));
      const result: CheckResult = { subject: sum.id, document: sum.document.file, check: 'sum of the parts', agreements: 0, discrepancies: [], notes: [] };
      if (added.equals(total.amount)) result.agreements++;
      else result.discrepancies.push(discrepancy(sum.total, total.amount, added));
      result.notes.push(`${parts.length} delar: ${sek(added)} = ${sek(total.amount)}`);
      return result;
    }),
  ];
  return { results, unexplained: results.reduce((n, r) => n + r.discrepancies.filter((d) => !d.explanation).length, 0) };
}

function discrepancy(where: string, expected: Decimal, actual: Decimal): CheckDiscrepancy {
  return { where, expected: expected.toFixed(), actual: actual.toFixed(), difference: actual.minus(expected).toFixed() };
}

function cellValue(cell: Cell | undefined, legibleOnly: boolean): Decimal | null {
  if (cell === undefined) return null;
  if (typeof cell === 'string') return parseSek(cell);
  return legibleOnly ? null : parseSek(cell.value);
}

function checkTable(table: TableFact, check: TableCheck, knowledge: Knowledge): CheckResult {
  const result: CheckResult = { subject: `${table.id} (${table.title}, ${table.year})`, document: table.document.file, check: check.kind, agreements: 0, discrepancies: [], notes: [] };
  const columns = table.columns.map((column) => column.id);
  if (check.kind === 'approximateTotal') {
    const stated = knowledge.amounts.find((amount) => amount.id === check.amount);
    if (!stated) throw new Error(`${table.id}: approximateTotal names an unknown amount "${check.amount}"`);
    const within = parseSek(check.within);
    for (const row of table.rows) {
      const sum = columns.reduce((acc, c) => acc.plus(cellValue(row.cells[c], false) ?? 0), new Decimal(0));
      if (sum.gte(stated.amount) && sum.lte(stated.amount.plus(within))) result.agreements++;
      else result.discrepancies.push(discrepancy(`${row.place}/sum`, stated.amount, sum));
      result.notes.push(`${row.place}: summan ${sek(sum)} stämmer med ”${stated.source.quote}” (${sek(stated.amount)}–${sek(stated.amount.plus(within))})`);
    }
  } else if (check.kind === 'basePlusShare') {
    checkBasePlusShare(table, check, result);
  } else {
    const verification = verifyTable({
      columns,
      rows: table.rows.map((row) => ({ id: row.place, cells: Object.fromEntries(columns.map((c) => [c, cellValue(row.cells[c], false)])), total: cellValue(row.total, false) })),
      ...(check.kind === 'columnTotals' && table.columnTotals
        ? { columnTotals: Object.fromEntries(columns.map((c) => [c, cellValue(table.columnTotals!.cells[c], false)])), grandTotal: cellValue(table.columnTotals.total, false) }
        : {}),
      rowTotalRounding: check.kind === 'rowTotals' ? check.rounding : 'none',
      tolerance: 'tolerance' in check ? check.tolerance : '0',
      ...(check.kind === 'ratio' ? { ratio: { columns: check.columns, weights: check.ratio, tolerance: check.tolerance } } : {}),
    });
    const relevant = verification.discrepancies.filter((d) => (check.kind === 'rowTotals' ? d.check === 'rowTotal' : check.kind === 'ratio' ? d.check === 'ratio' : d.check === 'columnTotal' || d.check === 'grandTotal'));
    const relevantChecks = countChecks(table, check);
    result.agreements = relevantChecks - relevant.length;
    result.discrepancies = relevant.map((d) => discrepancy(`${d.row ?? 'total'}/${d.column ?? 'total'}`, d.expected, d.actual));
    if (check.kind === 'ratio') result.notes.push(`${check.stated ? 'Stated' : 'Observed (not stated in the document)'} ratio ${check.ratio.join(':')} between ${check.columns.join(' and ')}, tolerance ${check.tolerance} kr`);
  }
  explainKnown(table, check, result);
  return result;
}

/**
 * A discrepancy is explained only by a recorded one at the same place and, when the record states
 * it, of the same size. A record that matches nothing is stale: the data claims something about
 * the document that the check no longer finds, so it is reported and left unexplained.
 */
function explainKnown(table: TableFact, check: TableCheck, result: CheckResult): void {
  const records = table.knownDiscrepancies.filter((known) => known.check === check.kind);
  const used = new Set<(typeof records)[number]>();
  for (const d of result.discrepancies) {
    const known = records.find((k) => k.where === d.where && (k.difference === undefined || new Decimal(k.difference).toFixed() === d.difference));
    if (!known) continue;
    d.explanation = known.explanation;
    used.add(known);
  }
  for (const known of records.filter((record) => !used.has(record))) {
    const size = known.difference === undefined ? '' : ` of ${known.difference}`;
    result.discrepancies.push({ where: known.where, expected: `the recorded discrepancy${size}`, actual: 'not found', difference: 'n/a' });
  }
}

function countChecks(table: TableFact, check: TableCheck): number {
  if (check.kind === 'rowTotals') return table.rows.filter((row) => row.total !== undefined).length;
  if (check.kind === 'ratio' || check.kind === 'approximateTotal') return table.rows.length;
  if (check.kind === 'columnTotals') return table.columnTotals ? Object.keys(table.columnTotals.cells).length + (table.columnTotals.total ? 2 : 0) : 0;
  return 0;
}

function amountFor(knowledge: Knowledge, place: string, fund: string, year: number): AmountFact | undefined {
  return knowledge.amounts.find((fact) => fact.place === place && fact.fund === fund && fact.year === year && fact.status === 'stated');
}

/** How many recipients a fixed key implies: 24 Mkr as 1 Mkr each and 2 Mkr for three → 21. */
export function recipientsOfFixedKey(key: KeyFact): Decimal | undefined {
  if (key.key.type !== 'fixed') return undefined;
  const amount = parseSek(key.key.amount);
  let rest = parseSek(key.pot);
  let count = new Decimal(0);
  for (const exception of key.key.exceptions) {
    rest = rest.minus(parseSek(exception.amount).times(exception.count));
    count = count.plus(exception.count);
  }
  return rest.dividedBy(amount).plus(count);
}

function checkKey(key: KeyFact, knowledge: Knowledge): CheckResult {
  const result: CheckResult = { subject: `${key.id} (${key.fund} ${key.year}, ${key.pot})`, document: key.document.file, check: `key ${key.key.type}`, agreements: 0, discrepancies: [], notes: [] };
  const pot = parseSek(key.pot);
  const fixedKey = knowledge.keys.find((other) => other.place === key.place && other.year === key.year && other.key.type === 'fixed' && other.recipients === key.recipients);
  const recipients = fixedKey ? recipientsOfFixedKey(fixedKey) : undefined;
  if (key.key.type === 'fixed') {
    const count = recipients!;
    if (count.isInteger() && count.gt(0)) {
      result.agreements++;
      result.notes.push(`Potten ${sek(pot)} ger ${count.toFixed()} mottagare (härlett ur nyckeln)`);
    } else result.discrepancies.push({ where: 'pot', expected: 'a whole number of recipients', actual: count.toFixed(4), difference: 'n/a' });
  }
  for (const place of key.verifyAgainst) {
    const fact = amountFor(knowledge, place, key.fund, key.year);
    if (!fact) {
      result.notes.push(`${place}: inget belopp för ${key.fund} ${key.year} i kunskapsbasen`);
      continue;
    }
    const where = `${place}/${key.fund}`;
    if (key.key.type === 'fixed') {
      const allowed = [parseSek(key.key.amount), ...key.key.exceptions.map((e) => parseSek(e.amount))];
      if (allowed.some((value) => value.equals(fact.amount))) result.agreements++;
      else result.discrepancies.push(discrepancy(where, allowed[0]!, fact.amount));
      continue;
    }
    if (key.key.type === 'basePlusProRata' && !recipients) {
      result.notes.push(`${place}: antalet mottagare står inte i dokumenten; kan inte kontrolleras`);
      continue;
    }
    const share =
      key.key.type === 'basePlusProRata'
        ? impliedShare(fact.amount, { type: 'basePlusProRata', base: parseSek(key.key.base), weight: key.key.weight }, pot, recipients!.toNumber())
        : fact.amount.dividedBy(pot);
    if (share.gt(0) && share.lt(1)) result.agreements++;
    else result.discrepancies.push({ where, expected: 'a share between 0 and 1', actual: share.toFixed(6), difference: 'n/a' });
    const weight = key.key.type === 'notStated' ? 'en andel' : key.key.weight === 'population' ? 'en befolkningsandel' : 'en andel av befolkningen 0–25 år';
    result.notes.push(`${place}: ${sek(fact.amount)} motsvarar ${weight} på ${formatPercent(share, 'sv', 4)}`);
    if (key.key.type === 'notStated') {
      const populationShare = populationShareFor(knowledge, key, place, recipients);
      if (populationShare && populationShare.times(pot).toDecimalPlaces(2).minus(fact.amount).abs().lte('0.01')) {
        result.notes.push(`${place}: observation (inte angiven i dokumentet): beloppet är exakt samma befolkningsandel av ${sek(pot)} som samsjuklighetsnyckeln ger`);
      }
    }
  }
  return result;
}

function populationShareFor(knowledge: Knowledge, key: KeyFact, place: string, recipients: Decimal | undefined): Decimal | undefined {
  const populationKey = knowledge.keys.find((other) => other.year === key.year && other.place === key.place && other.key.type === 'basePlusProRata' && other.key.weight === 'population');
  if (!populationKey || populationKey.key.type !== 'basePlusProRata' || !recipients) return undefined;
  const fact = amountFor(knowledge, place, populationKey.fund, key.year);
  if (!fact) return undefined;
  return impliedShare(fact.amount, { type: 'basePlusProRata', base: parseSek(populationKey.key.base), weight: 'population' }, parseSek(populationKey.pot), recipients.toNumber());
}
