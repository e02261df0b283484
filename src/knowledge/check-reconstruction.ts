// The basePlusShare check: the table solved from everything legible in it (allocation core,
// solve-base-plus-share.ts), held against what the data stores. Every reconstructed cell must be
// stored with the value the solution gives, a range only where the solution leaves several values,
// and the legible digits it keeps; the report says, per cell, which constraints it satisfies.
import { Decimal } from 'decimal.js';
import {
  formatSek,
  keepsDigits,
  parseSek,
  ReconstructionError,
  solveBasePlusShare,
  type Figure,
  type Solution,
  type SolvedCell,
  type Span,
} from '../allocation/index.js';
import type { CheckResult, ReconstructedCellReport } from './checks.js';
import type { TableFact } from './model.js';
import type { Cell, TableCheck } from './schema.js';

type BasePlusShareCheck = Extract<TableCheck, { kind: 'basePlusShare' }>;

const TOTAL = 'total';
const sek = (value: Decimal.Value) => formatSek(value, 'sv');
const count = (value: Decimal.Value) => new Decimal(value).toNumber().toLocaleString('sv-SE');
const spanText = (span: Span, format: (value: Decimal) => string) =>
  span.min.equals(span.max) ? format(span.min) : `${format(span.min)}–${format(span.max)}`;

export function checkBasePlusShare(table: TableFact, check: BasePlusShareCheck, result: CheckResult): void {
  const printedTotals = table.columnTotals?.cells ?? {};
  // Each fund is a base column (the same for every row) and a share column: the population share of
  // its pot, which is the printed column total.
  const columns = check.columns.flatMap((column) => {
    const pot = typeof printedTotals[column.share] === 'string' ? parseSek(printedTotals[column.share] as string) : undefined;
    if (!pot) throw new Error(`${table.id}: basePlusShare needs a legible column total for ${column.share}`);
    const share = { id: column.share, base: new Decimal(0), pot };
    return column.base ? [{ id: column.base, base: parseSek(column.baseAmount), pot: new Decimal(0) }, share] : [share];
  });

  let solution: Solution;
  try {
    solution = solveBasePlusShare({
      columns,
      rows: table.rows.map((row) => ({
        id: row.place,
        cells: Object.fromEntries(columns.map((column) => [column.id, figureOf(row.cells[column.id])])),
        total: figureOf(row.total),
      })),
      weightTotal: check.population,
    });
  } catch (error) {
    if (!(error instanceof ReconstructionError)) throw error;
    const where = error.where.length > 0 ? error.where : ['table'];
    for (const place of where) {
      result.discrepancies.push({ where: place, expected: 'whole-number populations that print every legible figure', actual: error.message, difference: 'n/a' });
    }
    return;
  }

  const range = `${count(check.population.min)}–${count(check.population.max)}`;
  const legible = table.rows.flatMap((row) => [...columns.map((column) => row.cells[column.id]), row.total]).filter((cell) => typeof cell === 'string');
  // Every legible figure is printed exactly by every fitting population set: that is what "fits" means.
  result.agreements += legible.length;
  result.notes.push(
    `${solution.weightSets === 1 ? 'En enda uppsättning' : `${solution.weightSets} uppsättningar`} heltal för invånarantalen (summa ${spanText(solution.weightTotal, count)}, sökt i ${range}: ${check.population.reason}) ger alla ${legible.length} läsbara celler och radsummor exakt och behåller de läsbara siffrorna i varje oläslig cell.`,
    `Invånarantal som modellen ger (härledda, inte angivna i dokumentet): ${solution.rows.map((row) => `${row.id} ${spanText(row.weight, count)}`).join(', ')}.`,
  );

  // The model's own totals (the sums of unrounded amounts, rounded) against the printed ones.
  const modelTotals = [
    ...solution.columns.map((column) => ({ where: `${TOTAL}/${column.id}`, printed: printedTotals[column.id], model: column.total })),
    { where: `${TOTAL}/${TOTAL}`, printed: table.columnTotals?.total, model: solution.grandTotal.total },
  ];
  for (const { where, printed, model } of modelTotals) {
    if (typeof printed !== 'string') continue;
    const value = parseSek(printed);
    if (model.min.equals(value) && model.max.equals(value)) result.agreements++;
    else result.discrepancies.push({ where, expected: spanText(model, (v) => v.toFixed()), actual: value.toFixed(), difference: value.minus(model.min).toFixed() });
  }

  result.reconstructed = [];
  for (const row of table.rows) {
    const solved = solution.rows.find((candidate) => candidate.id === row.place)!;
    const places = [...columns.map((column) => ({ column: column.id, stored: row.cells[column.id], cell: solved.cells[column.id]! })), { column: TOTAL, stored: row.total, cell: solved.total }];
    for (const { column, stored, cell } of places) {
      if (stored === undefined || typeof stored === 'string') continue;
      const where = `${row.place}/${column}`;
      const storedValue = parseSek(stored.value);
      if (storedValue.equals(cell.value)) result.agreements++;
      else result.discrepancies.push({ where, expected: cell.value.toFixed(), actual: storedValue.toFixed(), difference: storedValue.minus(cell.value).toFixed() });
      // The stored range must be the one the solution leaves: none when the value is determined.
      const [storedMin, storedMax] = stored.range ? [parseSek(stored.range.min), parseSek(stored.range.max)] : [storedValue, storedValue];
      if (storedMin.equals(cell.min) && storedMax.equals(cell.max)) result.agreements++;
      else result.discrepancies.push({ where: `${where} (range)`, expected: `${cell.min.toFixed()}–${cell.max.toFixed()}`, actual: `${storedMin.toFixed()}–${storedMax.toFixed()}`, difference: 'n/a' });
      // A stored value that contradicts a digit the document prints is wrong whatever else it fits.
      if (stored.kept !== undefined) {
        if (storedValue.isInteger() && keepsDigits(BigInt(storedValue.toFixed()), stored.kept)) result.agreements++;
        else result.discrepancies.push({ where: `${where} (digits)`, expected: `digits ${stored.kept}`, actual: storedValue.toFixed(), difference: 'n/a' });
      }
      result.reconstructed.push(report(where, stored, cell, constraints(table, solution, row.place, column, cell)));
    }
  }
}

function figureOf(cell: Cell | undefined): Figure {
  if (cell === undefined) return { kind: 'absent' };
  if (typeof cell === 'string') return { kind: 'legible', value: parseSek(cell) };
  return { kind: 'garbled', printed: cell.printed, ...(cell.kept === undefined ? {} : { kept: cell.kept }) };
}

function report(where: string, stored: Exclude<Cell, string>, cell: SolvedCell, satisfied: string[]): ReconstructedCellReport {
  return {
    where,
    printed: stored.printed,
    value: cell.value,
    ...(cell.certainty === 'range' ? { range: { min: cell.min, max: cell.max } } : {}),
    ...(cell.kept === undefined ? {} : { kept: cell.kept }),
    ...(cell.solved === undefined ? {} : { solved: cell.solved }),
    bounds: cell.bounds,
    constraints: satisfied,
  };
}

/** In words: the model, the legible digits, the row total and the column total, each as it holds. */
function constraints(table: TableFact, solution: Solution, place: string, column: string, cell: SolvedCell): string[] {
  const row = solution.rows.find((candidate) => candidate.id === place)!;
  const sets = solution.weightSets === 1 ? 'den enda uppsättning heltal för invånarantalen' : `alla ${solution.weightSets} uppsättningar heltal för invånarantalen`;
  const value = spanText({ min: cell.min, max: cell.max }, sek);
  const lines = [
    `modellen (bas + andel efter invånarantal): ${sets} som ger varje läsbar cell ger här ${value}`,
    cell.kept === undefined ? 'läsbara siffror: inga' : `läsbara siffror: ${cell.kept} behålls`,
  ];
  const printedRowTotal = table.rows.find((candidate) => candidate.place === place)?.total;
  if (column === TOTAL) {
    lines.push(`radsumman: radens avrundade celler summerar till ${spanText(row.cellSum, sek)}${agreement(row.cellSum, cell)}`);
    const grand = table.columnTotals?.total;
    if (typeof grand === 'string') {
      lines.push(`totalen ${sek(parseSek(grand))}: summan av alla oavrundade belopp; radsummorna summerar till ${spanText(solution.grandTotal.rowTotalSum, sek)}${difference(solution.grandTotal.rowTotalSum, parseSek(grand))}`);
    }
    return lines;
  }
  if (typeof printedRowTotal === 'string') {
    const printed = parseSek(printedRowTotal);
    lines.push(`radsumman ${sek(printed)}: avrundad summa av radens oavrundade belopp; radens avrundade celler summerar till ${spanText(row.cellSum, sek)}${difference(row.cellSum, printed)}`);
  } else if (printedRowTotal !== undefined) {
    const total = spanText({ min: row.total.min, max: row.total.max }, sek);
    lines.push(`radsumman (oläslig, tryckt ”${printedRowTotal.printed}”) rekonstruerad till ${total}; radens avrundade celler summerar till ${spanText(row.cellSum, sek)}${agreement(row.cellSum, row.total)}`);
  }
  const printedColumnTotal = table.columnTotals?.cells[column];
  const solvedColumn = solution.columns.find((candidate) => candidate.id === column)!;
  if (typeof printedColumnTotal === 'string') {
    const printed = parseSek(printedColumnTotal);
    lines.push(`kolumnsumman ${sek(printed)}: summan av kolumnens oavrundade belopp; kolumnens avrundade celler summerar till ${spanText(solvedColumn.cellSum, sek)}${difference(solvedColumn.cellSum, printed)}`);
  }
  return lines;
}

/** " (lika)" or " (tryckt −1 kr, avrundning)": how a printed total stands to a sum of rounded figures. */
function difference(sum: Span, printed: Decimal): string {
  if (sum.min.equals(printed) && sum.max.equals(printed)) return ' (lika)';
  if (!sum.min.equals(sum.max)) return ` (tryckt ${sek(printed)}, avrundning)`;
  const size = printed.minus(sum.min);
  return ` (tryckt ${size.isNegative() ? '−' : '+'}${sek(size.abs())}, avrundning)`;
}

/** A reconstructed row total against its own rounded cells. */
function agreement(sum: Span, cell: SolvedCell): string {
  return sum.min.equals(cell.min) && sum.max.equals(cell.max) ? ' (lika)' : ` (rekonstruerad ${spanText({ min: cell.min, max: cell.max }, sek)}, avrundning)`;
}
