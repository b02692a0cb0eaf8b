/**
 * Vertices of a best-response polytope {u ∈ R^k : u ≥ 0, C u ≤ 1} with C > 0, each with its
 * labels (von Stengel 2002, "Computing equilibria for two-person games", Handbook of Game
 * Theory 3, §3): the tight inequalities, numbered in the game's label space. The origin is left
 * out. The polytope is homogenised as the cone {(u, t) : u ≥ 0, t ≥ 0, t − C u ≥ 0}, whose
 * extreme rays other than (0, …, 0, 1) are the vertices u/t.
 * @module
 */
import { type ConeOptions, coneRays, type Ray } from "./cone-rays.js";
import { hasBit, setBit } from "./zero-sets.js";

export interface LabelledVertex {
  /** Homogeneous integer coordinates (u_1, …, u_k, t), primitive; the vertex is u/t. */
  ray: Ray;
  /** Labels in the game's label space (bit ℓ set when label ℓ is tight). */
  labels: Uint32Array;
}

export interface PolytopeVertices {
  vertices: LabelledVertex[];
  /** Words per label mask. */
  words: number;
  stats: { maxRays: number; bigintRays: number };
}

/**
 * @param C the r×k positive integer constraint matrix
 * @param varLabel label of "u_i = 0"
 * @param rowLabel label of "(C u)_j = 1"
 * @param labelCount size of the label space
 */
export function polytopeVertices(
  C: readonly (readonly bigint[])[],
  k: number,
  varLabel: (i: number) => number,
  rowLabel: (j: number) => number,
  labelCount: number,
  options: ConeOptions = {},
): PolytopeVertices {
  const dim = k + 1;
  const rows: bigint[][] = [];
  for (let i = 0; i < dim; i++)
    rows.push(Array.from({ length: dim }, (_, c) => (c === i ? 1n : 0n)));
  for (const c of C) rows.push([...c.map((v) => -v), 1n]);
  const cone = coneRays(dim, rows, options);
  const words = Math.ceil(labelCount / 32);
  const vertices: LabelledVertex[] = [];
  cone.rays.forEach((ray, r) => {
    const at = r * cone.words;
    if (isOrigin(cone.masks, at, k)) return;
    const labels = new Uint32Array(words);
    for (let i = 0; i < k; i++) if (hasBit(cone.masks, at, i)) setBit(labels, 0, varLabel(i));
    for (let j = 0; j < C.length; j++)
      if (hasBit(cone.masks, at, dim + j)) setBit(labels, 0, rowLabel(j));
    vertices.push({ ray, labels });
  });
  return {
    vertices,
    words,
    stats: { maxRays: cone.stats.maxRays, bigintRays: cone.stats.bigintRays },
  };
}

/** The ray (0, …, 0, 1): all of u_1 … u_k are tight. */
function isOrigin(masks: Uint32Array, at: number, k: number): boolean {
  for (let i = 0; i < k; i++) if (!hasBit(masks, at, i)) return false;
  return true;
}
