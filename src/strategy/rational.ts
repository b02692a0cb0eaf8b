/**
 * Exact rational numbers on BigInt. Every value is normalised: the denominator is positive and
 * coprime with the numerator, so equal numbers have equal fields and `toString` is canonical
 * (`"3/2"`, `"-1"`, `"0"`). Integers (denominator 1) take a fast path without gcd.
 *
 * Values are immutable; `toJSON` gives the canonical string, so games and results that hold
 * rationals serialise to JSON as exact strings.
 * @module
 */

/** Greatest common divisor of two BigInts, always ≥ 0 (gcd(0, 0) = 0). */
export function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

export class Rational {
  /** Use `Rational.of` or the arithmetic methods; the fields are already normalised. */
  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  /** num/den in lowest terms. Throws RangeError when den is 0 or a number is not an integer. */
  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    const n = toBig(num);
    const d = toBig(den);
    if (d === 0n) throw new RangeError("Rational.of: zero denominator");
    if (d === 1n) return Rational.int(n);
    return Rational.reduce(n, d);
  }

  /** The integer n. */
  static int(n: bigint): Rational {
    if (n === 0n) return Rational.ZERO;
    if (n === 1n) return Rational.ONE;
    return new Rational(n, 1n);
  }

  private static reduce(n: bigint, d: bigint): Rational {
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    if (n === 0n) return Rational.ZERO;
    const g = gcd(n, d);
    return g === 1n ? new Rational(n, d) : new Rational(n / g, d / g);
  }

  /**
   * Parses an exact decimal or fraction: `12`, `-3`, `+7`, `3/2`, `-1/3`, `0.25`, `.5`, `1.5e-3`,
   * `2E4`. Returns undefined for anything else (including a zero denominator).
   */
  static parse(text: string): Rational | undefined {
    const frac = /^([+-]?)(\d+)\/(\d+)$/.exec(text);
    if (frac) {
      const d = BigInt(frac[3] as string);
      if (d === 0n) return undefined;
      const n = BigInt(frac[2] as string);
      return Rational.of(frac[1] === "-" ? -n : n, d);
    }
    const dec = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
    if (!dec) return undefined;
    const whole = dec[2] ?? "";
    const part = dec[3] ?? "";
    if (whole === "" && part === "") return undefined;
    const exp = dec[4] === undefined ? 0 : Number.parseInt(dec[4], 10);
    if (Math.abs(exp) > 10_000) return undefined;
    let n = BigInt(`${whole}${part}` || "0");
    if (dec[1] === "-") n = -n;
    const shift = exp - part.length;
    return shift >= 0
      ? Rational.int(n * 10n ** BigInt(shift))
      : Rational.of(n, 10n ** BigInt(-shift));
  }

  /** The exact value of a finite JavaScript number, read from its shortest decimal form. */
  static fromNumber(x: number): Rational {
    if (!Number.isFinite(x)) throw new RangeError(`Rational.fromNumber: ${x} is not finite`);
    if (Number.isInteger(x) && Number.isSafeInteger(x)) return Rational.int(BigInt(x));
    const r = Rational.parse(String(x));
    if (!r) throw new RangeError(`Rational.fromNumber: cannot read ${x}`);
    return r;
  }

  add(o: Rational): Rational {
    if (this.den === 1n && o.den === 1n) return Rational.int(this.num + o.num);
    if (this.den === o.den) return Rational.reduce(this.num + o.num, this.den);
    return Rational.reduce(this.num * o.den + o.num * this.den, this.den * o.den);
  }

  sub(o: Rational): Rational {
    if (this.den === 1n && o.den === 1n) return Rational.int(this.num - o.num);
    if (this.den === o.den) return Rational.reduce(this.num - o.num, this.den);
    return Rational.reduce(this.num * o.den - o.num * this.den, this.den * o.den);
  }

  mul(o: Rational): Rational {
    if (this.den === 1n && o.den === 1n) return Rational.int(this.num * o.num);
    return Rational.reduce(this.num * o.num, this.den * o.den);
  }

  /** this / o; throws RangeError when o is zero. */
  div(o: Rational): Rational {
    if (o.num === 0n) throw new RangeError("Rational.div: division by zero");
    return Rational.reduce(this.num * o.den, this.den * o.num);
  }

  neg(): Rational {
    return this.num === 0n ? this : new Rational(-this.num, this.den);
  }

  abs(): Rational {
    return this.num < 0n ? new Rational(-this.num, this.den) : this;
  }

  /** 1 / this; throws RangeError when this is zero. */
  inv(): Rational {
    return Rational.ONE.div(this);
  }

  /** -1, 0 or 1. */
  sign(): -1 | 0 | 1 {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }

  isZero(): boolean {
    return this.num === 0n;
  }

  isInteger(): boolean {
    return this.den === 1n;
  }

  /** -1, 0 or 1 as this is less than, equal to or greater than o. */
  cmp(o: Rational): -1 | 0 | 1 {
    if (this.den === o.den) return this.num < o.num ? -1 : this.num > o.num ? 1 : 0;
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  eq(o: Rational): boolean {
    return this.num === o.num && this.den === o.den;
  }

  lt(o: Rational): boolean {
    return this.cmp(o) < 0;
  }

  le(o: Rational): boolean {
    return this.cmp(o) <= 0;
  }

  gt(o: Rational): boolean {
    return this.cmp(o) > 0;
  }

  ge(o: Rational): boolean {
    return this.cmp(o) >= 0;
  }

  /** The nearest double, for display and plotting only. */
  toNumber(): number {
    if (this.den === 1n) return Number(this.num);
    const n = Number(this.num);
    const d = Number(this.den);
    if (Number.isFinite(n) && Number.isFinite(d)) return n / d;
    // Both huge: scale down while keeping about 17 significant digits.
    const shift = BigInt(Math.max(0, this.den.toString(2).length - 1000));
    return Number(this.num >> shift) / Number(this.den >> shift);
  }

  /** `"p/q"`, or `"p"` for an integer. */
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }

  toJSON(): string {
    return this.toString();
  }
}

function toBig(x: bigint | number): bigint {
  if (typeof x === "bigint") return x;
  if (!Number.isSafeInteger(x)) throw new RangeError(`Rational: ${x} is not a safe integer`);
  return BigInt(x);
}

/** Shorthand for `Rational.of`, or `Rational.parse` of a string (throws when unreadable). */
export function q(num: bigint | number | string, den: bigint | number = 1n): Rational {
  if (typeof num === "string") {
    const r = Rational.parse(num);
    if (!r) throw new RangeError(`q: cannot read ${JSON.stringify(num)} as a rational`);
    return den === 1n || den === 1 ? r : r.div(Rational.of(den));
  }
  return Rational.of(num, den);
}

/** Sum of a list (0 for an empty one). */
export function sum(values: readonly Rational[]): Rational {
  let s = Rational.ZERO;
  for (const v of values) s = s.add(v);
  return s;
}

/** The largest of a non-empty list; throws RangeError on an empty one. */
export function max(values: readonly Rational[]): Rational {
  let best = values[0];
  if (!best) throw new RangeError("max of an empty list");
  for (const v of values) if (v.gt(best)) best = v;
  return best;
}

/** The smallest of a non-empty list; throws RangeError on an empty one. */
export function min(values: readonly Rational[]): Rational {
  let best = values[0];
  if (!best) throw new RangeError("min of an empty list");
  for (const v of values) if (v.lt(best)) best = v;
  return best;
}
