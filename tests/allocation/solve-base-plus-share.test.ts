// The solver on tables small enough to work out by hand: every expected figure below is derived in
// the comments from the printed figures, not taken from the code.
import { describe, expect, it } from 'vitest';
import {
  ReconstructionError,
  solveBasePlusShare,
  type Figure,
  type ShareColumn,
  type SolveInput,
  type Solution,
} from '../../src/allocation/index.js';

const legible = (value: number): Figure => ({ kind: 'legible', value });
const garbled = (printed: string, kept?: string): Figure => ({ kind: 'garbled', printed, ...(kept === undefined ? {} : { kept }) });
const absent: Figure = { kind: 'absent' };

const numbers = (values: { toNumber(): number }[]) => values.map((value) => value.toNumber());
const cell = (solution: Solution, row: string, column: string) => {
  const found = solution.rows.find((candidate) => candidate.id === row);
  const solved = column === 'total' ? found?.total : found?.cells[column];
  if (!solved) throw new Error(`no cell ${row}/${column}`);
  return solved;
};

/** The error a solve throws, to look at what it names. */
function failure(input: SolveInput): ReconstructionError {
  try {
    solveBasePlusShare(input);
  } catch (error) {
    if (error instanceof ReconstructionError) return error;
    throw error;
  }
  throw new Error('expected the solve to fail');
}

describe('a garbled cell that every fitting population set prints the same', () => {
  // Base 50 and a pot of 600 shared by weight. Printed: A 100 (total 150), B illegible, C 300
  // (total 350). A's share lies in [99.5, 100.5) / 600, within 1/1200 of 1/6; a fraction a/W with
  // W ≤ 20 that is not 1/6 is at least 1/120 away from it, so W is 6, 12 or 18 and A has W/6.
  // C likewise has W/2, B the remaining W/3: 600 / 3 = 200, total 250, whichever W.
  const columns: ShareColumn[] = [
    { id: 'bas', base: 50, pot: 0 },
    { id: 'andel', base: 0, pot: 600 },
  ];
  const solution = solveBasePlusShare({
    columns,
    rows: [
      { id: 'A', cells: { bas: legible(50), andel: legible(100) }, total: legible(150) },
      { id: 'B', cells: { bas: legible(50), andel: garbled('2#0') }, total: garbled('2#0') },
      { id: 'C', cells: { bas: legible(50), andel: legible(300) }, total: legible(350) },
    ],
    weightTotal: { min: 1, max: 20 },
  });

  it('finds the three population sets 1:2:3, 2:4:6 and 3:6:9', () => {
    expect(solution.weightSets).toBe(3);
    expect(numbers([solution.weightTotal.min, solution.weightTotal.max])).toEqual([6, 18]);
    expect(solution.rows.map((row) => numbers([row.weight.min, row.weight.max]))).toEqual([
      [1, 3],
      [2, 6],
      [3, 9],
    ]);
  });

  it('calls the cell exact: 200, and its row total 250, because the values agree, not the populations', () => {
    const share = cell(solution, 'B', 'andel');
    expect([share.value.toNumber(), share.certainty, numbers(share.values)]).toEqual([200, 'exact', [200]]);
    const total = cell(solution, 'B', 'total');
    expect([total.value.toNumber(), total.certainty]).toEqual([250, 'exact']);
  });
});

describe('a garbled cell the constraints leave open', () => {
  // A pot of 10, no base. Printed: A 2, B illegible, C 5; populations summing to 1–12.
  // A needs a/W in [0.15, 0.25), C needs c/W in [0.45, 0.55), and B gets W − a − c:
  //   W = 6: a 1, c 3, b 2 → 10 · 2/6 = 3.33 → 3      W = 10: a 2, c 5, b 3 → 3
  //   W = 11: a 2, c 5, b 4 → 10 · 4/11 = 3.64 → 4   W = 11: a 2, c 6 (6/11 < 0.55), b 3 → 2.73 → 3
  //   W = 12: a 2, c 6, b 4 → 3.33 → 3
  // Every other W fails A or C (W = 9: c would need 4.05–4.95; W = 8: a would need 1.2–2).
  const table = (b: Figure, max = 12): SolveInput => ({
    columns: [{ id: 'x', base: 0, pot: 10 }],
    rows: [
      { id: 'A', cells: { x: legible(2) }, total: absent },
      { id: 'B', cells: { x: b }, total: absent },
      { id: 'C', cells: { x: legible(5) }, total: absent },
    ],
    weightTotal: { min: 1, max },
  });

  it('keeps a range, 3–4, where five population sets print 3, 3, 4, 3 and 3', () => {
    const solution = solveBasePlusShare(table(garbled('#')));
    expect(solution.weightSets).toBe(5);
    const b = cell(solution, 'B', 'x');
    expect([b.certainty, numbers(b.values), b.min.toNumber(), b.max.toNumber()]).toEqual(['range', [3, 4], 3, 4]);
    // Of two middle values, the lower one stands for the range.
    expect(b.value.toNumber()).toBe(3);
  });

  it('narrows what the share intervals alone allow: B takes what A and C leave, 0.20–0.40, so 2–4', () => {
    const b = cell(solveBasePlusShare(table(garbled('#'))), 'B', 'x');
    expect(numbers([b.bounds.min, b.bounds.max])).toEqual([2, 4]);
  });

  it('is pinned by a legible digit: a printed 4 leaves only W = 11', () => {
    const solution = solveBasePlusShare(table(garbled('4,', '4')));
    expect(solution.weightSets).toBe(1);
    const b = cell(solution, 'B', 'x');
    expect([b.value.toNumber(), b.certainty, b.kept, b.solved]).toEqual([4, 'exact', '4', '_']);
    expect(solution.rows.map((row) => row.weight.min.toNumber())).toEqual([2, 4, 5]);
  });

  it('rejects a legible digit no population set prints, and names the cell', () => {
    const error = failure(table(garbled('5,', '5')));
    expect(error.where).toEqual(['B/x']);
    expect(error.message).toMatch(/keep the legible digits of B\/x/);
  });

  it('rejects a kept digit the document does not print', () => {
    expect(failure(table(garbled('#', '4'))).message).toMatch(/B\/x: the kept digits "4" are not all in the printed text "#"/);
  });

  it('fails when no population in the range gives the legible figures: W up to 5', () => {
    // W = 1–5: only W = 5 gives A a weight (1), and then C would need 2.25–2.75.
    expect(failure(table(garbled('#'), 5)).message).toMatch(/No whole-number weights adding up to 1–5/);
  });
});

describe('legible figures that contradict each other', () => {
  it('names them: A’s 2 of 10 needs a share of 0.15–0.25, its 50 of 100 one of 0.495–0.505', () => {
    const error = failure({
      columns: [
        { id: 'x', base: 0, pot: 10 },
        { id: 'y', base: 0, pot: 100 },
      ],
      rows: [
        { id: 'A', cells: { x: legible(2), y: legible(50) }, total: absent },
        { id: 'B', cells: { x: garbled('#'), y: garbled('#') }, total: absent },
      ],
      weightTotal: { min: 1, max: 100 },
    });
    expect(error.where).toEqual(['A/x', 'A/y']);
  });

  it('rejects a legible figure that is not whole kronor', () => {
    const error = failure({
      columns: [{ id: 'x', base: 0, pot: 10 }],
      rows: [{ id: 'A', cells: { x: legible(2.5) }, total: absent }],
      weightTotal: { min: 1, max: 10 },
    });
    expect(error.where).toEqual(['A/x']);
  });
});

describe('totals printed from unrounded parts', () => {
  // Base 100 and two pots of 10, three rows of one inhabitant each: every share is 10/3 = 3.33,
  // printed 3. A row total is 100 + 6.67 = 106.67, printed 107, while its rounded cells give 106.
  // With W ≤ 5 only 1:1:1 gives every share in [2.5, 3.5)/10 (W = 4 and 5 have no such weight).
  const row = (id: string, total: Figure) => ({ id, cells: { bas: legible(100), a: legible(3), b: legible(3) }, total });
  const solution = solveBasePlusShare({
    columns: [
      { id: 'bas', base: 100, pot: 0 },
      { id: 'a', base: 0, pot: 10 },
      { id: 'b', base: 0, pot: 10 },
    ],
    rows: [row('A', legible(107)), row('B', garbled('1#7', '1_7')), row('C', legible(107))],
    weightTotal: { min: 1, max: 5 },
  });

  it('reproduces a printed row total of 107 although the row’s rounded cells add up to 106', () => {
    expect(solution.weightSets).toBe(1);
    const a = solution.rows[0]!;
    expect([a.total.value.toNumber(), a.cellSum.min.toNumber()]).toEqual([107, 106]);
    expect([cell(solution, 'B', 'total').value.toNumber(), cell(solution, 'B', 'total').solved]).toEqual([107, '_0_']);
  });

  it('prints a column total of 10, the pot, where the column’s rounded cells add up to 9', () => {
    const column = solution.columns.find((candidate) => candidate.id === 'a')!;
    expect(numbers([column.total.min, column.cellSum.min])).toEqual([10, 9]);
  });

  it('prints the grand total 320 (300 in bases + 20): the row totals add up to 321, the cells to 318', () => {
    const { total, rowTotalSum, cellSum } = solution.grandTotal;
    expect(numbers([total.min, rowTotalSum.min, cellSum.min])).toEqual([320, 321, 318]);
  });
});
