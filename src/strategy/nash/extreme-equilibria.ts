/**
 * All extreme Nash equilibria of a two-player game, exactly.
 *
 * Reference: D. Avis, G. D. Rosenberg, R. Savani and B. von Stengel, "Enumeration of Nash
 * equilibria for two-player games", Economic Theory 42 (2010) 9–37. With payoffs made positive,
 * player 1's best-response polytope is P = {x ≥ 0 : Bᵀx ≤ 1} and player 2's is
 * Q = {y ≥ 0 : Ay ≤ 1}. A pair of vertices (x, y) ≠ (0, 0) that is completely labelled (every
 * pure strategy is either unplayed or a best response) is, after normalisation, an extreme
 * equilibrium; in a degenerate game the equilibria form convex components whose extreme points
 * are exactly these pairs. This is the set `lrsnash` (lrslib) reports, compared pair by pair.
 *
 * Method: the vertices of P and Q are enumerated exactly by the double description method
 * (`cone-rays.ts`), then matched by their label sets (bit masks), looking up candidates in Q
 * through the label that the fewest Q vertices carry.
 * @module
 */

import { bimatrix, type NormalFormGame } from "../game.js";
import { Rational } from "../rational.js";
import { type LabelledVertex, polytopeVertices } from "./best-response-polytope.js";
import { bigOf, type ConeOptions } from "./cone-rays.js";
import { positiveIntegers, transpose } from "./integer-payoffs.js";
import { hasBit, popcount, setBit } from "./zero-sets.js";

export interface MixedEquilibrium {
  /** strategies[p][s]: the probability that player p plays strategy s. */
  strategies: Rational[][];
  /** Expected payoff of each player. */
  payoffs: Rational[];
}

export interface ExtremeEquilibria {
  equilibria: MixedEquilibrium[];
  diagnostics: {
    /** Vertices of P and Q, origin excluded. */
    vertices: [number, number];
    /** Largest intermediate ray set of the double description runs. */
    maxRays: [number, number];
    /** Rays that needed BigInt because some coordinate passed 2^52. */
    bigintRays: [number, number];
  };
}

/**
 * Every extreme Nash equilibrium of a two-player game, in a deterministic order (by player 1's
 * strategy, then player 2's, each compared lexicographically from the first strategy, larger
 * probabilities first).
 * @example
 * extremeEquilibria(battleOfTheSexes).equilibria.length // 3
 */
export function extremeEquilibria(
  game: NormalFormGame,
  options: ConeOptions = {},
): ExtremeEquilibria {
  const { A, B } = bimatrix(game);
  const m = A.length;
  const n = A[0]?.length ?? 0;
  const Ai = positiveIntegers(A).values;
  const Bi = positiveIntegers(B).values;
  const labelCount = m + n;
  // P: x ≥ 0 (label i), (Bᵀx)_j ≤ 1 (label m + j). Q: y ≥ 0 (label m + j), (Ay)_i ≤ 1 (label i).
  const P = polytopeVertices(
    transpose(Bi),
    m,
    (i) => i,
    (j) => m + j,
    labelCount,
    options,
  );
  const Q = polytopeVertices(
    Ai,
    n,
    (j) => m + j,
    (i) => i,
    labelCount,
    options,
  );
  const pairs = completePairs(P.vertices, Q.vertices, m, n, P.words);
  const equilibria = pairs.map(([p, q]) => {
    const x = normalise(bigOf(p.ray), m);
    const y = normalise(bigOf(q.ray), n);
    return { strategies: [x, y], payoffs: [bilinear(x, A, y), bilinear(x, B, y)] };
  });
  equilibria.sort(compareEquilibria);
  return {
    equilibria,
    diagnostics: {
      vertices: [P.vertices.length, Q.vertices.length],
      maxRays: [P.stats.maxRays, Q.stats.maxRays],
      bigintRays: [P.stats.bigintRays, Q.stats.bigintRays],
    },
  };
}

/**
 * Pairs whose labels together cover 0 … labelCount − 1. A Q vertex with exactly n labels can
 * only complete a P vertex with exactly m labels whose labels are its complement, so those are
 * found by exact lookup of the complement; every pair involving a degenerate vertex (more
 * labels than its dimension) is checked directly, through the label carried by fewest Q
 * vertices.
 */
function completePairs(
  ps: readonly LabelledVertex[],
  qs: readonly LabelledVertex[],
  m: number,
  n: number,
  words: number,
): [LabelledVertex, LabelledVertex][] {
  const labelCount = m + n;
  const full = new Uint32Array(words);
  for (let l = 0; l < labelCount; l++) setBit(full, 0, l);
  const simpleQ = new Map<string, LabelledVertex>();
  const degenerateQ: LabelledVertex[] = [];
  const byLabel: LabelledVertex[][] = Array.from({ length: labelCount }, () => []);
  for (const q of qs) {
    if (countBits(q.labels) === n) simpleQ.set(maskKey(q.labels), q);
    else degenerateQ.push(q);
    for (let l = 0; l < labelCount; l++) if (hasBit(q.labels, 0, l)) byLabel[l]?.push(q);
  }
  const out: [LabelledVertex, LabelledVertex][] = [];
  const need = new Uint32Array(words);
  for (const p of ps) {
    for (let w = 0; w < words; w++)
      need[w] = ((full[w] as number) & ~(p.labels[w] as number)) >>> 0;
    if (countBits(p.labels) === m) {
      const q = simpleQ.get(maskKey(need));
      if (q) out.push([p, q]);
      for (const d of degenerateQ) if (covers(d.labels, need, words)) out.push([p, d]);
      continue;
    }
    let bucket: LabelledVertex[] | undefined;
    for (let l = 0; l < labelCount; l++) {
      if (!hasBit(need, 0, l)) continue;
      const b = byLabel[l] as LabelledVertex[];
      if (!bucket || b.length < bucket.length) bucket = b;
    }
    // p carries every label: only the origin of Q would complete it, and that is excluded.
    if (!bucket) continue;
    for (const q of bucket) if (covers(q.labels, need, words)) out.push([p, q]);
  }
  return out;
}

function covers(labels: Uint32Array, need: Uint32Array, words: number): boolean {
  for (let w = 0; w < words; w++) {
    const nw = need[w] as number;
    if (((labels[w] as number) & nw) >>> 0 !== nw) return false;
  }
  return true;
}

function countBits(mask: Uint32Array): number {
  let c = 0;
  for (const w of mask) c += popcount(w);
  return c;
}

function maskKey(mask: Uint32Array): string {
  return mask.length === 1 ? String(mask[0]) : mask.join(",");
}

/** u/Σu as exact probabilities from homogeneous coordinates (u_1 … u_k, t). */
function normalise(z: readonly bigint[], k: number): Rational[] {
  let total = 0n;
  for (let i = 0; i < k; i++) total += z[i] as bigint;
  return Array.from({ length: k }, (_, i) => Rational.of(z[i] as bigint, total));
}

function bilinear(
  x: readonly Rational[],
  M: readonly (readonly Rational[])[],
  y: readonly Rational[],
) {
  let s = Rational.ZERO;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as Rational;
    if (xi.isZero()) continue;
    let row = Rational.ZERO;
    const Mi = M[i] as Rational[];
    for (let j = 0; j < y.length; j++) {
      const yj = y[j] as Rational;
      if (!yj.isZero()) row = row.add((Mi[j] as Rational).mul(yj));
    }
    s = s.add(xi.mul(row));
  }
  return s;
}

function compareEquilibria(a: MixedEquilibrium, b: MixedEquilibrium): number {
  for (let p = 0; p < a.strategies.length; p++) {
    const sa = a.strategies[p] as Rational[];
    const sb = b.strategies[p] as Rational[];
    for (let i = 0; i < sa.length; i++) {
      const c = (sb[i] as Rational).cmp(sa[i] as Rational);
      if (c !== 0) return c;
    }
  }
  return 0;
}
