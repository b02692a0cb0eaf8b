/**
 * Exact extreme rays of a pointed polyhedral cone {z : a_k·z ≥ 0 for all k} by the double
 * description method.
 *
 * Reference: K. Fukuda and A. Prodon, "Double description method revisited", in Combinatorics
 * and Computer Science, LNCS 1120 (1996), 91–111. The cone is built one constraint at a time;
 * when constraint a is added, the rays with a·r > 0 stay, those with a·r = 0 stay and are marked
 * tight, those with a·r < 0 go, and every *adjacent* pair (r⁺, r⁻) yields the new ray
 * (a·r⁺)r⁻ − (a·r⁻)r⁺ on the hyperplane.
 *
 * Adjacency is decided combinatorially (their Prop. 7): r and s are adjacent iff their common
 * zero set Z has at least d − 2 constraints and no other ray is tight on all of Z. When one of
 * the two rays is *simple* (exactly d − 1 tight constraints, which are then independent), the
 * face cut out by Z is 2-dimensional and holds exactly r and s, so |Z| = d − 2 already decides.
 * Simple rays are paired through an index of their (d − 2)-subsets instead of testing all
 * pairs; only pairs of two degenerate rays get the full test. Nothing assumes general position,
 * so degenerate cones are handled exactly.
 *
 * Arithmetic is exact on integers (`ray-arithmetic.ts`); rays are kept primitive.
 * @module
 */
import { combine, dot, makeRow, type Ray, type Row, unitRay } from "./ray-arithmetic.js";
import { MaskList, popcount, SubsetIndex, setBit } from "./zero-sets.js";

export type { Ray } from "./ray-arithmetic.js";
export { bigOf } from "./ray-arithmetic.js";

export interface ConeOptions {
  /** "hybrid" (default): doubles where provably exact, BigInt otherwise. "bigint": BigInt only. */
  arithmetic?: "hybrid" | "bigint";
}

export interface ConeResult {
  rays: Ray[];
  /** Zero sets, `words` words per ray, in the order of `rays`. */
  masks: Uint32Array;
  words: number;
  stats: { constraints: number; maxRays: number; bigintRays: number };
}

/**
 * Extreme rays of {z ∈ R^dim : rows[k]·z ≥ 0}. The first `dim` rows must be the unit vectors
 * e_0 … e_{dim−1} in that order: they define the starting orthant, which makes the cone
 * pointed. Rows hold integers.
 */
export function coneRays(
  dim: number,
  rowsIn: readonly (readonly bigint[])[],
  options: ConeOptions = {},
): ConeResult {
  const hybrid = (options.arithmetic ?? "hybrid") === "hybrid";
  const W = Math.max(1, Math.ceil(rowsIn.length / 32));
  for (let i = 0; i < dim; i++) {
    const row = rowsIn[i];
    if (!row || row.length !== dim || row.some((v, j) => v !== (i === j ? 1n : 0n)))
      throw new RangeError(`coneRays: row ${i} must be the unit vector e_${i}`);
  }
  const rows = rowsIn.map((r) => makeRow(r, hybrid));
  let rays: Ray[] = [];
  let masks = new MaskList(W, dim);
  const scratch = new Uint32Array(W);
  for (let i = 0; i < dim; i++) {
    rays.push(unitRay(dim, i, hybrid));
    scratch.fill(0);
    for (let k = 0; k < dim; k++) if (k !== i) setBit(scratch, 0, k);
    masks.push(scratch, 0);
  }
  let maxRays = rays.length;
  let bigintRays = 0;
  for (let k = dim; k < rows.length; k++) {
    const step = addConstraint(rays, masks.data, rows[k] as Row, k, dim, W, hybrid);
    if (!step) continue;
    rays = step.rays;
    masks = step.masks;
    bigintRays += step.bigintRays;
    if (rays.length > maxRays) maxRays = rays.length;
  }
  return {
    rays,
    masks: masks.data.slice(0, rays.length * W),
    words: W,
    stats: { constraints: rows.length, maxRays, bigintRays },
  };
}

/** One double-description step; undefined when the constraint cuts nothing off. */
function addConstraint(
  rays: Ray[],
  masks: Uint32Array,
  row: Row,
  k: number,
  dim: number,
  W: number,
  hybrid: boolean,
): { rays: Ray[]; masks: MaskList; bigintRays: number } | undefined {
  const n = rays.length;
  const vals: (number | bigint)[] = new Array(n);
  const sign = new Int8Array(n);
  const posSimple: number[] = [];
  const posDegen: number[] = [];
  const negSimple: number[] = [];
  const negDegen: number[] = [];
  for (let r = 0; r < n; r++) {
    const v = dot(row, rays[r] as Ray);
    vals[r] = v;
    const sg = v > 0 ? 1 : v < 0 ? -1 : 0;
    sign[r] = sg;
    let z = 0;
    for (let w = 0; w < W; w++) z += popcount(masks[r * W + w] as number);
    if (sg === 1) (z === dim - 1 ? posSimple : posDegen).push(r);
    else if (sg === -1) (z === dim - 1 ? negSimple : negDegen).push(r);
  }
  if (negSimple.length + negDegen.length === 0) {
    for (let r = 0; r < n; r++) if (sign[r] === 0) setBit(masks, r * W, k);
    return undefined;
  }
  const next: Ray[] = [];
  const nextMasks = new MaskList(W, n + 16);
  const common = new Uint32Array(W);
  let bigintRays = 0;
  const emit = (r: number, s: number) => {
    const ray = combine(
      rays[r] as Ray,
      vals[r] as number | bigint,
      rays[s] as Ray,
      vals[s] as number | bigint,
      dim,
      hybrid,
    );
    if (!ray.f) bigintRays++;
    for (let w = 0; w < W; w++)
      common[w] = ((masks[r * W + w] as number) & (masks[s * W + w] as number)) >>> 0;
    setBit(common, 0, k);
    next.push(ray);
    nextMasks.push(common, 0);
  };
  const commonCount = (r: number, s: number) => {
    let c = 0;
    for (let w = 0; w < W; w++)
      c += popcount(((masks[r * W + w] as number) & (masks[s * W + w] as number)) >>> 0);
    return c;
  };
  // Simple positive rays meet simple negative rays through their shared (d − 2)-subsets.
  const index = new SubsetIndex(masks, W, negSimple.length * (dim - 1));
  for (const s of negSimple) forEachBit(masks, s * W, W, (b) => index.add(s, b));
  for (const r of posSimple) {
    forEachBit(masks, r * W, W, (b) => index.forEach(masks, r * W, b, (s) => emit(r, s)));
    for (const s of negDegen) if (commonCount(r, s) >= dim - 2) emit(r, s);
  }
  for (const r of posDegen) {
    for (const s of negSimple) if (commonCount(r, s) >= dim - 2) emit(r, s);
    for (const s of negDegen) {
      if (commonCount(r, s) < dim - 2) continue;
      if (onlyPair(masks, n, W, r, s)) emit(r, s);
    }
  }
  for (let r = 0; r < n; r++) {
    if (sign[r] === -1) continue;
    next.push(rays[r] as Ray);
    const i = nextMasks.push(masks, r * W);
    if (sign[r] === 0) setBit(nextMasks.data, i * W, k);
  }
  return { rays: next, masks: nextMasks, bigintRays };
}

/** True when no ray other than r and s is tight on every constraint tight at both. */
function onlyPair(masks: Uint32Array, n: number, W: number, r: number, s: number): boolean {
  outer: for (let t = 0; t < n; t++) {
    if (t === r || t === s) continue;
    for (let w = 0; w < W; w++) {
      const c = ((masks[r * W + w] as number) & (masks[s * W + w] as number)) >>> 0;
      if (((masks[t * W + w] as number) & c) >>> 0 !== c) continue outer;
    }
    return false;
  }
  return true;
}

function forEachBit(masks: Uint32Array, offset: number, W: number, f: (b: number) => void): void {
  for (let w = 0; w < W; w++) {
    let x = masks[offset + w] as number;
    while (x !== 0) {
      const low = x & -x;
      f(w * 32 + 31 - Math.clz32(low));
      x = (x ^ low) >>> 0;
    }
  }
}
