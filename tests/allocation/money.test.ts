import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  formatPercent,
  formatSek,
  MoneyParseError,
  parseSek,
  roundTo,
  tryParseSek,
} from '../../src/allocation/index.js';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

describe('parseSek', () => {
  it.each([
    ['7 649 410,97 kr', '7649410.97'],
    ['6 203 183, 05', '6203183.05'],
    ['18 172 239 kr', '18172239'],
    ['1 000 000,00 kr', '1000000'],
    ['1000 000', '1000000'],
    ['250 000kr', '250000'],
    ['20 000 kr', '20000'],
    ['1 mkr', '1000000'],
    ['1mkr', '1000000'],
    ['0,3 mkr', '300000'],
    ['1,5 mkr', '1500000'],
    ['200 Mkr', '200000000'],
    ['4 mkr', '4000000'],
    ['1 716 Mkr', '1716000000'],
    ['593 461', '593461'],
    ['1,5 miljoner kronor', '1500000'],
    ['250 tkr', '250000'],
    ['197 452 kronor', '197452'],
    [`593${NBSP}461${NBSP}kr`, '593461'],
    [`7${NNBSP}649${NNBSP}410,97${NNBSP}kr`, '7649410.97'],
    ['  20 000 kr ', '20000'],
    ['SEK 593,461', '593461'],
    ['SEK 395,640.36', '395640.36'],
    ['SEK 1,000,000', '1000000'],
    ['SEK 20000', '20000'],
  ])('reads %j as %s kr', (text, kronor) => {
    expect(parseSek(text).toFixed()).toBe(kronor);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['kr', 'no digits'],
    ['ca 20 000 kr', 'words'],
    ['20 000 euro', 'another currency'],
    ['1,000,00 kr', 'two commas'],
    ['593,461', 'three decimals (a Swedish comma is a decimal comma)'],
    ['1 000,001 kr', 'more than two decimals'],
    ['1,123456789 mkr', 'millions that leave a fraction of an öre'],
    ['-20 000 kr', 'a negative amount'],
    ['−20 000 kr', 'a negative amount with a minus sign'],
    ['12 34', 'a digit group that is not three digits'],
    ['1.5 mkr', 'a decimal point in Swedish'],
    ['SEK 395,640.365', 'three decimals in English'],
    ['SEK 59,3461', 'a misplaced thousands comma'],
  ])('rejects %j (%s)', (text) => {
    expect(() => parseSek(text)).toThrow(MoneyParseError);
    expect(tryParseSek(text)).toBeUndefined();
  });

  it('names the text it could not read', () => {
    expect(() => parseSek('ca 20 000 kr')).toThrow(/"ca 20 000 kr"/);
  });

  it('tryParseSek returns the amount when it can read it', () => {
    expect(tryParseSek('1,5 mkr')?.toFixed()).toBe('1500000');
  });
});

describe('formatSek', () => {
  it.each([
    ['593461', 'sv', undefined, `593${NBSP}461${NBSP}kr`],
    ['395640.36', 'sv', undefined, `395${NBSP}640,36${NBSP}kr`],
    ['1000000', 'sv', undefined, `1${NBSP}000${NBSP}000${NBSP}kr`],
    ['1000000', 'sv', 2, `1${NBSP}000${NBSP}000,00${NBSP}kr`],
    ['1000000.5', 'sv', 'auto', `1${NBSP}000${NBSP}000,50${NBSP}kr`],
    ['395640.5', 'sv', 0, `395${NBSP}641${NBSP}kr`],
    ['395640.49', 'sv', 0, `395${NBSP}640${NBSP}kr`],
    ['999.999', 'sv', 'auto', `1${NBSP}000${NBSP}kr`],
    ['0', 'sv', undefined, `0${NBSP}kr`],
    ['-1500', 'sv', undefined, `-1${NBSP}500${NBSP}kr`],
    ['-0.4', 'sv', 0, `0${NBSP}kr`],
    ['593461', 'en', undefined, 'SEK 593,461'],
    ['395640.36', 'en', undefined, 'SEK 395,640.36'],
    ['1000000', 'en', 2, 'SEK 1,000,000.00'],
    ['-2.5', 'en', 0, '-SEK 3'],
    ['123', 'en', undefined, 'SEK 123'],
  ] as const)('formats %s in %s (decimals %s) as %j', (amount, lang, decimals, expected) => {
    expect(formatSek(amount, lang, decimals === undefined ? {} : { decimals })).toBe(expected);
  });

  it('formats what parseSek reads back to the same amount', () => {
    for (const text of ['7 649 410,97 kr', '1 716 Mkr', '0,3 mkr', 'SEK 395,640.36']) {
      const amount = parseSek(text);
      expect(parseSek(formatSek(amount, 'sv')).equals(amount)).toBe(true);
      expect(parseSek(formatSek(amount, 'en')).equals(amount)).toBe(true);
    }
  });
});

describe('formatPercent', () => {
  it.each([
    ['0.0278885365', 'sv', 2, `2,79${NBSP}%`],
    ['0.0278885365', 'en', 2, '2.79%'],
    ['0.5', 'sv', 0, `50${NBSP}%`],
    ['0.00125', 'en', 1, '0.1%'],
    ['0.00125', 'en', 3, '0.125%'],
    ['0.000005', 'en', 3, '0.001%'],
    ['-0.1', 'sv', 2, `-10,00${NBSP}%`],
  ] as const)('formats %s in %s with %i decimals as %j', (fraction, lang, decimals, expected) => {
    expect(formatPercent(fraction, lang, decimals)).toBe(expected);
  });

  it('shows two decimals unless told otherwise', () => {
    expect(formatPercent(new Decimal('0.2'), 'en')).toBe('20.00%');
  });
});

describe('roundTo', () => {
  it.each([
    ['131634.625', 'ore', '131634.63'],
    ['131634.624', 'ore', '131634.62'],
    ['197451.5', 'krona', '197452'],
    ['197451.49', 'krona', '197451'],
    ['-0.5', 'krona', '-1'],
    ['-0.005', 'ore', '-0.01'],
  ] as const)('rounds %s to the %s as %s (halves away from zero)', (amount, unit, expected) => {
    expect(roundTo(amount, unit).toFixed()).toBe(expected);
  });
});
