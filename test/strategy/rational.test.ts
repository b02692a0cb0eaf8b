/**
 * Rational arithmetic: normal form, parsing, and field laws checked by fast-check.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gcd, q, Rational } from "../../src/strategy/rational.js";

const r = fc
  .tuple(
    fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
    fc.bigInt({ min: 1n, max: 10n ** 12n }),
  )
  .map(([n, d]) => Rational.of(n, d));

describe("Rational", () => {
  it("keeps a positive denominator coprime with the numerator", () => {
    expect(String(Rational.of(6, -4))).toBe("-3/2");
    expect(String(Rational.of(0, -7))).toBe("0");
    expect(Rational.of(10, 5).isInteger()).toBe(true);
    expect(() => Rational.of(1, 0)).toThrow(RangeError);
  });

  it("parses integers, fractions, decimals and exponents exactly, and nothing else", () => {
    const cases: [string, string][] = [
      ["12", "12"],
      ["-3/6", "-1/2"],
      ["+7", "7"],
      ["0.25", "1/4"],
      [".5", "1/2"],
      ["-1.5e-3", "-3/2000"],
      ["2E3", "2000"],
      ["10.", "10"],
      ["0.1", "1/10"],
    ];
    for (const [text, want] of cases) expect(String(Rational.parse(text)), text).toBe(want);
    for (const bad of ["", ".", "1/0", "1/-2", "abc", "1.5/2", "1e", "--1", "0x10"])
      expect(Rational.parse(bad), bad).toBeUndefined();
  });

  it("reads a JavaScript number from its shortest decimal form", () => {
    expect(String(Rational.fromNumber(0.1))).toBe("1/10");
    expect(String(Rational.fromNumber(-2.5e-7))).toBe("-1/4000000");
    expect(() => Rational.fromNumber(Number.NaN)).toThrow(RangeError);
  });

  it("obeys the field laws exactly", () => {
    fc.assert(
      fc.property(r, r, r, (a, b, c) => {
        expect(a.add(b).eq(b.add(a))).toBe(true);
        expect(a.mul(b.add(c)).eq(a.mul(b).add(a.mul(c)))).toBe(true);
        expect(a.sub(b).add(b).eq(a)).toBe(true);
        if (!b.isZero()) expect(a.div(b).mul(b).eq(a)).toBe(true);
        expect(a.cmp(b)).toBe(-b.cmp(a) as -1 | 0 | 1);
        expect(gcd(a.num, a.den)).toBe(1n);
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it("orders consistently with the nearest doubles when they differ", () => {
    fc.assert(
      fc.property(r, r, (a, b) => {
        if (a.toNumber() < b.toNumber()) expect(a.lt(b)).toBe(true);
      }),
      { seed: 8, numRuns: 300 },
    );
  });

  it("serialises to JSON as an exact string", () => {
    expect(JSON.stringify({ x: q("3/2"), y: q(-4) })).toBe('{"x":"3/2","y":"-4"}');
  });
});
