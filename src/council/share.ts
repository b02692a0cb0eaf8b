/**
 * Shares written in data ("0.55", 0.65, "1/3") as exact fractions, and the whole-number
 * thresholds they imply: "at least 55% of 27 members" is 15 members, "65% of 451,028,881
 * persons" is 293,168,773 persons. Integer arithmetic (BigInt) so that no threshold is off by
 * one through floating-point rounding.
 * @module
 */

/** A fraction num/den with 0 < num/den ≤ 1. */
export interface Share {
  num: bigint;
  den: bigint;
}

/** A share of a whole that a count must reach: at least (≥) or more than (>) it. */
export interface Threshold {
  share: Share;
  strict: boolean;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;
const FRACTION = /^(\d+)\s*\/\s*(\d+)$/;
const PERCENT = /^(\d+(?:\.\d+)?)\s*%$/;

/**
 * Reads a share written as a decimal number (0.55), a decimal text ("0.55"), a percentage
 * ("55%") or a fraction ("1/3"). Returns undefined for anything else or a value outside (0, 1].
 */
export function parseShare(value: number | string): Share | undefined {
  const text = typeof value === "number" ? decimalText(value) : value.trim();
  if (text === undefined) return undefined;
  let share: Share | undefined;
  const pct = PERCENT.exec(text);
  const frac = FRACTION.exec(text);
  const dec = DECIMAL.exec(text);
  if (pct?.[1]) {
    const d = fromDecimal(pct[1]);
    share = d && { num: d.num, den: d.den * 100n };
  } else if (frac?.[1] && frac[2]) share = { num: BigInt(frac[1]), den: BigInt(frac[2]) };
  else if (dec) share = fromDecimal(text);
  if (!share || share.den === 0n || share.num <= 0n || share.num > share.den) return undefined;
  return reduce(share);
}

/** The smallest whole number c with c ≥ share·whole (or c > share·whole when strict). */
export function minimumCount(threshold: Threshold, whole: number): number {
  const { num, den } = threshold.share;
  const product = num * BigInt(whole);
  const floor = product / den;
  if (threshold.strict) return Number(floor + 1n);
  return Number(product % den === 0n ? floor : floor + 1n);
}

export function shareToNumber(share: Share): number {
  return Number(share.num) / Number(share.den);
}

/** "55%", "1/3", "50%" as a reader would write it. */
export function formatShare(share: Share): string {
  const pct = (share.num * 10000n) / share.den;
  if ((share.num * 10000n) % share.den === 0n) {
    const whole = pct / 100n;
    const frac = pct % 100n;
    return frac === 0n ? `${whole}%` : `${whole}.${frac.toString().padStart(2, "0")}%`;
  }
  return `${share.num}/${share.den}`;
}

export function formatThreshold(t: Threshold): string {
  return `${t.strict ? "more than" : "at least"} ${formatShare(t.share)}`;
}

function decimalText(x: number): string | undefined {
  if (!Number.isFinite(x) || x < 0) return undefined;
  const s = String(x);
  return /e/i.test(s) ? undefined : s;
}

function fromDecimal(text: string): Share | undefined {
  const m = DECIMAL.exec(text);
  if (!m?.[1]) return undefined;
  const frac = m[2] ?? "";
  return { num: BigInt(m[1] + frac), den: 10n ** BigInt(frac.length) };
}

function reduce(s: Share): Share {
  const g = gcd(s.num, s.den);
  return { num: s.num / g, den: s.den / g };
}

export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}
