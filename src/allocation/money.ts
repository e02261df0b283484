// Amounts in kronor as printed in Swedish and English memos: parsing, formatting and rounding.
import { Decimal } from 'decimal.js';
import { Rational } from './rational.js';

export type Lang = 'sv' | 'en';

/** The smallest amount a result is rounded to: öre (0,01 kr) or whole kronor. */
export type RoundingUnit = 'ore' | 'krona';

export class MoneyParseError extends Error {
  constructor(
    readonly text: string,
    reason: string,
  ) {
    super(`Cannot read "${text}" as an amount in kronor: ${reason}`);
    this.name = 'MoneyParseError';
  }
}

const NBSP = '\u00A0';

/** Power of ten a unit word multiplies by ("1,5 mkr" is 1 500 000 kr). */
const SCALE_BY_UNIT_WORD: Record<string, number> = { '': 0, kr: 0, kronor: 0, tkr: 3, mkr: 6, miljoner: 6 };

// Swedish: space-grouped integer (the first group may be longer: "1000 000"), decimal comma,
// sometimes followed by a stray space ("6 203 183, 05"), then an optional unit word.
const SWEDISH =
  /^(?<whole>\d+(?: \d{3})*)(?:, ?(?<fraction>\d+))? ?(?<word>kr|kronor|tkr|mkr|miljoner(?: kr| kronor)?)?$/i;
// English: "SEK 395,640.36", comma-grouped or ungrouped, decimal point.
const ENGLISH = /^SEK ?(?<whole>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?<fraction>\d{1,2}))?$/i;

/** Kronor (at most two decimals) from an amount as printed in a memo; throws MoneyParseError. */
export function parseSek(text: string): Decimal {
  // JavaScript's \s covers the no-break spaces (U+00A0, U+202F) that typeset memos group digits with.
  const normalized = text.replace(/\s+/g, ' ').trim();
  if (normalized === '') throw new MoneyParseError(text, 'empty');
  const match = SWEDISH.exec(normalized) ?? ENGLISH.exec(normalized);
  if (!match?.groups) throw new MoneyParseError(text, 'not a recognised amount format');
  const { whole = '', fraction = '', word = '' } = match.groups;
  const scale = SCALE_BY_UNIT_WORD[word.toLowerCase().split(' ')[0] ?? ''] ?? 0;
  // Built in exponent notation so the constructor places the point exactly.
  const amount = new Decimal(`${whole.replace(/[ ,]/g, '')}.${fraction || '0'}e${scale}`);
  if (amount.decimalPlaces() > 2) throw new MoneyParseError(text, 'more than two decimals (öre)');
  return amount;
}

export function tryParseSek(text: string): Decimal | undefined {
  try {
    return parseSek(text);
  } catch (error) {
    if (error instanceof MoneyParseError) return undefined;
    throw error;
  }
}

export interface FormatSekOptions {
  /** 'auto' shows öre only when there are any; 0 rounds half-up to whole kronor. */
  decimals?: 'auto' | 0 | 2;
}

/** "593 461 kr" (no-break spaces) or "SEK 593,461". */
export function formatSek(amount: Decimal.Value, lang: Lang, options: FormatSekOptions = {}): string {
  const decimals = options.decimals ?? 'auto';
  const places = decimals === 'auto' ? (roundTo(amount, 'ore').isInteger() ? 0 : 2) : decimals;
  const rounded = new Decimal(amount).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  const sign = rounded.isNegative() && !rounded.isZero() ? '-' : '';
  const digits = groupDigits(rounded.abs().toFixed(places), lang);
  return lang === 'sv' ? `${sign}${digits}${NBSP}kr` : `${sign}SEK ${digits}`;
}

/** A fraction as a percentage: "2,79 %" (no-break space) or "2.79%". */
export function formatPercent(fraction: Decimal.Value, lang: Lang, decimals = 2): string {
  const percent = Rational.of(fraction).times(Rational.integer(100n)).toDecimal(decimals);
  const sign = percent.isNegative() && !percent.isZero() ? '-' : '';
  const digits = groupDigits(percent.abs().toFixed(decimals), lang);
  return lang === 'sv' ? `${sign}${digits}${NBSP}%` : `${sign}${digits}%`;
}

/** Rounds to öre or whole kronor; exact halves go away from zero. */
export function roundTo(amount: Decimal.Value, unit: RoundingUnit): Decimal {
  return new Decimal(amount).toDecimalPlaces(unit === 'ore' ? 2 : 0, Decimal.ROUND_HALF_UP);
}

/** `roundTo` for exact values. */
export function roundToUnit(amount: Rational, unit: RoundingUnit): Rational {
  const size = unitSize(unit);
  return Rational.integer(amount.div(size).roundHalfUp()).times(size);
}

/** The unit as an amount in kronor. */
export function unitSize(unit: RoundingUnit): Rational {
  return unit === 'ore' ? Rational.fraction(1n, 100n) : Rational.ONE;
}

/** "1234567.5" → "1 234 567,5" (sv) or "1,234,567.5" (en). */
function groupDigits(plain: string, lang: Lang): string {
  const [whole = '', fraction] = plain.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, lang === 'sv' ? NBSP : ',');
  if (fraction === undefined) return grouped;
  return `${grouped}${lang === 'sv' ? ',' : '.'}${fraction}`;
}
