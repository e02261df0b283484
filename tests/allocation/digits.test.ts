// The legible digits of a garbled figure: a template with one character per digit of the value,
// the printed digit where it stands in its place and "_" where the digit had to be solved.
import { describe, expect, it } from 'vitest';
import { keepsDigits, ReconstructionError, solvedDigits, validateKept } from '../../src/allocation/index.js';

describe('a template of kept digits', () => {
  it('accepts a value that has every kept digit in its place and the template’s length', () => {
    expect(keepsDigits(4_246_828n, '_2_6828')).toBe(true);
    expect(keepsDigits(4_246_828n, '_______')).toBe(true);
  });

  it('rejects a value that contradicts one kept digit, or has another number of digits', () => {
    expect(keepsDigits(4_246_829n, '_2_6828')).toBe(false);
    expect(keepsDigits(4_246_828n, '22_6828')).toBe(false);
    expect(keepsDigits(424_682n, '_2_6828')).toBe(false);
    expect(keepsDigits(42_468_280n, '_2_6828')).toBe(false);
  });

  it('names the digits the reconstruction supplied', () => {
    expect(solvedDigits(4_246_828n, '_2_6828')).toBe('4_4____');
    expect(solvedDigits(5_111_884n, '_11188_')).toBe('5_____4');
    expect(solvedDigits(51_098n, '51098')).toBe('_____');
  });

  it('must keep only digits the document prints, in the order it prints them', () => {
    // A print may carry a letter for a digit ("s1098") or have lost one ("183271" for 1 833 271).
    expect(() => validateKept('s1098', '_1098', 'cell')).not.toThrow();
    expect(() => validateKept('183271', '18_3271', 'cell')).not.toThrow();
    expect(() => validateKept('2206828', '_2_6828', 'cell')).not.toThrow();
    // 9 is not printed; a 0 after the 6 is not the printed order.
    expect(() => validateKept('2206828', '___6829', 'cell')).toThrow(/not all in the printed text "2206828"/);
    expect(() => validateKept('2206828', '6_0____', 'cell')).toThrow(ReconstructionError);
  });

  it('is digits and "_" only, and no number starts with 0', () => {
    expect(() => validateKept('2206828', '_2_6a28', 'skane/x')).toThrow(/skane\/x: the kept digits "_2_6a28" must be digits/);
    expect(() => validateKept('2206828', '', 'cell')).toThrow(ReconstructionError);
    expect(() => validateKept('0206828', '0206828', 'cell')).toThrow(/start with 0/);
  });
});
