// The digits of a garbled figure that can still be read. A template has one character per digit
// of the true value: the digit as printed where the print is legible, "_" where it is not and the
// digit has to be solved. "2206828" read as "_2_6828" says: seven digits, the second is 2 and the
// last four are 6828, as printed. A reconstruction that contradicts one of them is not accepted.
import { ReconstructionError } from './reconstruct.js';

const SOLVED = '_';
const TEMPLATE = /^[0-9_]+$/;

/**
 * Throws unless `kept` is a template whose digits are, in order, characters of the printed text:
 * a kept digit must be one the document prints. The print may be shorter than the value (a digit
 * lost) or carry letters for digits ("s1098").
 */
export function validateKept(printed: string, kept: string, where: string): void {
  if (!TEMPLATE.test(kept)) {
    throw new ReconstructionError(`${where}: the kept digits "${kept}" must be digits and "${SOLVED}"`);
  }
  if (kept.startsWith('0')) throw new ReconstructionError(`${where}: the kept digits "${kept}" start with 0`);
  const digits = [...kept].filter((char) => char !== SOLVED);
  let at = 0;
  for (const digit of digits) {
    at = printed.indexOf(digit, at) + 1;
    if (at === 0) {
      throw new ReconstructionError(`${where}: the kept digits "${kept}" are not all in the printed text "${printed}"`);
    }
  }
}

/** Whether a whole, non-negative value has exactly the template's length and kept digits. */
export function keepsDigits(value: bigint, kept: string): boolean {
  const digits = value.toString();
  return digits.length === kept.length && [...kept].every((char, i) => char === SOLVED || char === digits[i]);
}

/** The digits the reconstruction supplied: "4246828" under "_2_6828" → "4_4____". */
export function solvedDigits(value: bigint, kept: string): string {
  const digits = value.toString();
  return [...kept].map((char, i) => (char === SOLVED ? (digits[i] ?? SOLVED) : SOLVED)).join('');
}
