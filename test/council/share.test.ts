import { describe, expect, it } from "vitest";
import { formatShare, minimumCount, parseShare } from "../../src/council/share.js";

describe("parseShare", () => {
  it("reads decimals, decimal texts, percentages and fractions exactly", () => {
    expect(parseShare(0.55)).toEqual({ num: 11n, den: 20n });
    expect(parseShare("0.65")).toEqual({ num: 13n, den: 20n });
    expect(parseShare("72%")).toEqual({ num: 18n, den: 25n });
    expect(parseShare("1/3")).toEqual({ num: 1n, den: 3n });
    expect(parseShare(1)).toEqual({ num: 1n, den: 1n });
  });

  it("refuses zero, values above 1, negative, exponent and malformed input", () => {
    for (const v of [0, 1.5, -0.2, 1e-7, "0", "2/1", "1/0", "abc", "55", "", "0.5.5"])
      expect(parseShare(v), String(v)).toBeUndefined();
  });

  it("formats shares as percentages where exact, fractions otherwise", () => {
    expect(formatShare({ num: 11n, den: 20n })).toBe("55%");
    expect(formatShare({ num: 1n, den: 3n })).toBe("1/3");
    expect(formatShare({ num: 1n, den: 8n })).toBe("12.50%");
  });
});

describe("minimumCount: the whole-number thresholds of the treaty", () => {
  const share = (v: string) => parseShare(v) as NonNullable<ReturnType<typeof parseShare>>;
  it("55% of 27 members is 15; 72% is 20; more than half is 14", () => {
    expect(minimumCount({ share: share("0.55"), strict: false }, 27)).toBe(15);
    expect(minimumCount({ share: share("0.72"), strict: false }, 27)).toBe(20);
    expect(minimumCount({ share: share("0.5"), strict: true }, 27)).toBe(14);
    expect(minimumCount({ share: share("0.5"), strict: true }, 28)).toBe(15);
  });

  it("65% of the 2025 Union population is 293,168,773 persons (Agence Europe, 12 Dec 2024)", () => {
    expect(minimumCount({ share: share("0.65"), strict: false }, 451_028_881)).toBe(293_168_773);
  });

  it("an exact multiple needs no rounding: at least 1/3 of 27 is 9, more than 1/3 is 10", () => {
    expect(minimumCount({ share: share("1/3"), strict: false }, 27)).toBe(9);
    expect(minimumCount({ share: share("1/3"), strict: true }, 27)).toBe(10);
  });
});
