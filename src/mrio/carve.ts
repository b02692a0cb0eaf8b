/**
 * The carve-out: the chain's goods are already goods of the world, so their output is taken
 * out of the table industry each belongs to, actor by actor, before the industries become
 * sectors. For actor a and industry i, with chain output value V and chain value added W
 * there (price × output and value added per unit × output of a's supplier rows):
 *
 *   x'' = max(0, x − V),   va'' = min(x'', max(0, va − W)),
 *
 * the industry's intermediate inputs (its column) become x'' − va'' (its inputs less the
 * chain's, V − W, where no floor binds), in the industry's mix, and what it sells (its row,
 * intermediate and final) is scaled by x''/x, so that what remains keeps the industry's buyers. Its buyers' purchases from it shrink with it: what they
 * bought of the chain's goods is the chain's (its final demand, or a recipe input where the
 * join puts it). Where V > x (or W > va) the floor binds: the chain's figures for that
 * actor exceed the table's industry, and the excess is reported.
 * @module
 */
import type { Accounts } from "./accounts.js";

export interface ChainOutput {
  actor: string;
  industry: string;
  good: string;
  /** USD bn a year. */
  value: number;
  valueAdded: number;
}

export interface FloorBinding {
  actor: string;
  industry: string;
  /** The industry's output and value added before the carve-out, USD bn. */
  output: number;
  valueAdded: number;
  /** The chain's output and value added there. */
  chainOutput: number;
  chainValueAdded: number;
  goods: string[];
}

export function carveOut(
  acc: Accounts,
  chain: readonly ChainOutput[],
): { accounts: Accounts; floors: FloorBinding[]; carved: { output: number; valueAdded: number } } {
  const A = acc.actors.length;
  const C = acc.codes.length;
  const m = A * C;
  const actorIndex = new Map(acc.actors.map((a, i) => [a, i]));
  const codeIndex = new Map(acc.codes.map((c, i) => [c, i]));
  const V = new Float64Array(m);
  const W = new Float64Array(m);
  const goods: string[][] = Array.from({ length: m }, () => []);
  for (const c of chain) {
    const p = actorIndex.get(c.actor)! * C + codeIndex.get(c.industry)!;
    V[p] = V[p]! + c.value;
    W[p] = W[p]! + c.valueAdded;
    if (!goods[p]!.includes(c.good)) goods[p]!.push(c.good);
  }
  const x = new Float64Array(m);
  const va = new Float64Array(m);
  const row = new Float64Array(m);
  const col = new Float64Array(m);
  const floors: FloorBinding[] = [];
  let carvedOutput = 0;
  let carvedVa = 0;
  for (let p = 0; p < m; p++) {
    const x0 = acc.x[p]!;
    const va0 = acc.va[p]!;
    x[p] = Math.max(0, x0 - V[p]!);
    va[p] = Math.min(x[p]!, Math.max(0, va0 - W[p]!));
    carvedOutput += x0 - x[p]!;
    carvedVa += va0 - va[p]!;
    row[p] = x0 > 0 ? x[p]! / x0 : 0;
    const inputs0 = x0 - va0;
    col[p] = inputs0 > 0 ? (x[p]! - va[p]!) / inputs0 : 0;
    if (V[p]! > x0 || W[p]! > va0)
      floors.push({
        actor: acc.actors[Math.floor(p / C)]!,
        industry: acc.codes[p % C]!,
        output: x0,
        valueAdded: va0,
        chainOutput: V[p]!,
        chainValueAdded: W[p]!,
        goods: goods[p]!,
      });
  }
  const z = new Float64Array(m * m);
  const y = new Float64Array(m * A);
  for (let p = 0; p < m; p++) {
    const r = row[p]!;
    for (let q = 0; q < m; q++) z[p * m + q] = acc.z[p * m + q]! * r * col[q]!;
    for (let b = 0; b < A; b++) y[p * A + b] = acc.y[p * A + b]! * r;
  }
  return {
    accounts: { actors: acc.actors, codes: acc.codes, z, y, x, va },
    floors,
    carved: { output: carvedOutput, valueAdded: carvedVa },
  };
}
