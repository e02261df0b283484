// Exact rational arithmetic on bigints. Every amount, share and rounding decision in this module
// goes through here, so results never depend on Decimal's global precision setting and a
// division never loses the digits that decide which way a cent rounds.
import { Decimal } from 'decimal.js';

export type DecimalRounding = 'floor' | 'ceil' | 'halfUp';

/** Digits kept after the decimal point when a non-terminating value is shown as a Decimal. */
const DISPLAY_PLACES = 30;

export class Rational {
  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  /** Always in lowest terms with a positive denominator, so equal values have equal fields. */
  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  static of(value: Decimal.Value | Rational): Rational {
    if (value instanceof Rational) return value;
    const decimal = Decimal.isDecimal(value) ? value : new Decimal(value);
    if (!decimal.isFinite()) throw new RangeError(`Not a finite number: ${String(value)}`);
    const [whole, fraction = ''] = decimal.abs().toFixed().split('.');
    const magnitude = BigInt(`${whole}${fraction}`);
    return Rational.fraction(decimal.isNegative() ? -magnitude : magnitude, 10n ** BigInt(fraction.length));
  }

  static fraction(num: bigint, den: bigint): Rational {
    if (den === 0n) throw new RangeError('Division by zero');
    const sign = den < 0n ? -1n : 1n;
    const divisor = gcd(num, den);
    return new Rational((sign * num) / divisor, (sign * den) / divisor);
  }

  static integer(value: bigint): Rational {
    return new Rational(value, 1n);
  }

  static sum(values: readonly Rational[]): Rational {
    return values.reduce((total, value) => total.plus(value), Rational.ZERO);
  }

  plus(other: Rational): Rational {
    return Rational.fraction(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  minus(other: Rational): Rational {
    return this.plus(other.negated());
  }

  times(other: Rational): Rational {
    return Rational.fraction(this.num * other.num, this.den * other.den);
  }

  div(other: Rational): Rational {
    return Rational.fraction(this.num * other.den, this.den * other.num);
  }

  negated(): Rational {
    return new Rational(-this.num, this.den);
  }

  abs(): Rational {
    return this.num < 0n ? this.negated() : this;
  }

  compare(other: Rational): -1 | 0 | 1 {
    const difference = this.num * other.den - other.num * this.den;
    return difference < 0n ? -1 : difference > 0n ? 1 : 0;
  }

  eq(other: Rational): boolean {
    return this.compare(other) === 0;
  }

  lt(other: Rational): boolean {
    return this.compare(other) < 0;
  }

  lte(other: Rational): boolean {
    return this.compare(other) <= 0;
  }

  isNegative(): boolean {
    return this.num < 0n;
  }

  isZero(): boolean {
    return this.num === 0n;
  }

  isInteger(): boolean {
    return this.den === 1n;
  }

  /** The largest integer not above this value. */
  floor(): bigint {
    return floorDiv(this.num, this.den);
  }

  /** Nearest integer; exact halves go away from zero. */
  roundHalfUp(): bigint {
    const magnitude = floorDiv(2n * (this.num < 0n ? -this.num : this.num) + this.den, 2n * this.den);
    return this.num < 0n ? -magnitude : magnitude;
  }

  /** A Decimal with at most `places` decimals (exact whenever the value terminates within them). */
  toDecimal(places = DISPLAY_PLACES, rounding: DecimalRounding = 'halfUp'): Decimal {
    const scaled = this.times(Rational.integer(10n ** BigInt(places)));
    const digits =
      rounding === 'floor' ? scaled.floor() : rounding === 'ceil' ? -scaled.negated().floor() : scaled.roundHalfUp();
    // Exponent notation makes the constructor place the point exactly, whatever the precision setting.
    return new Decimal(`${digits}e-${places}`);
  }
}

function floorDiv(num: bigint, den: bigint): bigint {
  const quotient = num / den;
  return num % den !== 0n && num < 0n !== den < 0n ? quotient - 1n : quotient;
}

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}
