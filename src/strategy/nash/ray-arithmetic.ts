/**
 * Exact integer arithmetic on rays for the double description kernel: doubles (plain number
 * arrays, cheaper to allocate than typed arrays at this size) while provably
 * exact, BigInt otherwise. A double holds every integer of magnitude up to 2^53 exactly, so a
 * dot product or a combination αs + βr computed in doubles is exact when a bound on every
 * partial result (Σ|a_i||z_i|, or α·max|s| + β·max|r|) stays below 2^52; the bound is checked
 * before each operation, never after.
 * @module
 */
import { gcd } from "../rational.js";

/** Below this bound, integer sums of products computed in doubles are exact. */
export const EXACT = 2 ** 52;
const EXACT_BIG = BigInt(EXACT);

/** A ray's coordinates: doubles when small, BigInt otherwise (both may be present). */
export interface Ray {
  /** Exact integer coordinates in doubles, or null when some coordinate is too large. */
  f: number[] | null;
  /** BigInt coordinates; always set when f is null, filled lazily otherwise. */
  b: bigint[] | null;
  /** max |z_i| when f is set (exact), else Infinity. */
  max: number;
}

/** A constraint row in both forms. */
export interface Row {
  b: readonly bigint[];
  /** The row in doubles when every entry is small, else null. */
  f: number[] | null;
  /** Σ|a_i| (Infinity when f is null). */
  sumAbs: number;
}

export function makeRow(b: readonly bigint[], hybrid: boolean): Row {
  const small = hybrid && b.every((v) => v < EXACT_BIG && v > -EXACT_BIG);
  const f = small ? b.map(Number) : null;
  let sumAbs = Infinity;
  if (f) {
    sumAbs = 0;
    for (const v of f) sumAbs += Math.abs(v);
  }
  return { b, f, sumAbs };
}

export function unitRay(dim: number, i: number, hybrid: boolean): Ray {
  const f = new Array<number>(dim).fill(0);
  f[i] = 1;
  return hybrid ? { f, b: null, max: 1 } : { f: null, b: Array.from(f, BigInt), max: Infinity };
}

/** a·z exactly: a number when computed in doubles, a bigint otherwise. */
export function dot(row: Row, ray: Ray): number | bigint {
  if (row.f && ray.f && row.sumAbs * ray.max < EXACT) {
    let s = 0;
    const a = row.f;
    const z = ray.f;
    for (let i = 0; i < a.length; i++) s += (a[i] as number) * (z[i] as number);
    return s;
  }
  const a = row.b;
  const z = bigOf(ray);
  let s = 0n;
  for (let i = 0; i < a.length; i++) {
    const ai = a[i] as bigint;
    if (ai !== 0n) s += ai * (z[i] as bigint);
  }
  return s;
}

/**
 * The primitive integer vector on the ray α·s + β·r, where α = a·r > 0 and β = −(a·s) > 0 are
 * given as ar and as; it satisfies a·z = 0.
 */
export function combine(
  r: Ray,
  ar: number | bigint,
  s: Ray,
  as: number | bigint,
  dim: number,
  hybrid: boolean,
): Ray {
  if (typeof ar === "number" && typeof as === "number" && r.f && s.f) {
    let alpha = ar;
    let beta = -as;
    const g = gcdF(alpha, beta);
    alpha /= g;
    beta /= g;
    if (alpha * s.max + beta * r.max < EXACT) {
      const f = new Array<number>(dim);
      const rf = r.f;
      const sf = s.f;
      let least = 0;
      for (let i = 0; i < dim; i++) {
        const v = alpha * (sf[i] as number) + beta * (rf[i] as number);
        f[i] = v;
        const a = v < 0 ? -v : v;
        if (a !== 0 && (least === 0 || a < least)) least = a;
      }
      let h = least;
      for (let i = 0; i < dim && h !== 1; i++) {
        const rem = (f[i] as number) % h;
        if (rem !== 0) h = gcdF(h, rem);
      }
      let mx = 0;
      for (let i = 0; i < dim; i++) {
        const v = h === 1 ? (f[i] as number) : (f[i] as number) / h;
        f[i] = v;
        const a = v < 0 ? -v : v;
        if (a > mx) mx = a;
      }
      return { f, b: null, max: mx };
    }
  }
  let alpha = typeof ar === "bigint" ? ar : BigInt(ar);
  let beta = typeof as === "bigint" ? -as : BigInt(-as);
  const g = gcd(alpha, beta);
  if (g !== 1n) {
    alpha /= g;
    beta /= g;
  }
  const rb = bigOf(r);
  const sb = bigOf(s);
  const b: bigint[] = new Array(dim);
  let least = 0n;
  for (let i = 0; i < dim; i++) {
    const v = alpha * (sb[i] as bigint) + beta * (rb[i] as bigint);
    b[i] = v;
    const a = v < 0n ? -v : v;
    if (a !== 0n && (least === 0n || a < least)) least = a;
  }
  const h = vectorGcd(b, least);
  if (h > 1n) for (let i = 0; i < dim; i++) b[i] = (b[i] as bigint) / h;
  return fromBig(b, hybrid);
}

/**
 * gcd of a vector, starting from its least non-zero magnitude: most coordinates are then
 * multiples of the running gcd and cost one remainder each instead of a Euclid loop.
 */
function vectorGcd(b: readonly bigint[], least: bigint): bigint {
  let h = least;
  for (let i = 0; i < b.length && h !== 1n; i++) {
    const rem = (b[i] as bigint) % h;
    if (rem !== 0n) h = gcd(h, rem);
  }
  return h;
}

/** A ray from BigInt coordinates, held in doubles too when small enough (and allowed). */
function fromBig(b: bigint[], hybrid: boolean): Ray {
  if (hybrid && b.every((v) => v < EXACT_BIG && v > -EXACT_BIG)) {
    const f = b.map(Number);
    let mx = 0;
    for (const v of f) mx = Math.max(mx, Math.abs(v));
    return { f, b, max: mx };
  }
  return { f: null, b, max: Infinity };
}

/** The BigInt coordinates of a ray (computed once from its doubles when needed). */
export function bigOf(ray: Ray): bigint[] {
  if (!ray.b) ray.b = (ray.f as number[]).map((v) => BigInt(v));
  return ray.b;
}

/** gcd of two integers held exactly in doubles (|x| < 2^53); gcd(0, x) = |x|. */
function gcdF(a: number, b: number): number {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}
