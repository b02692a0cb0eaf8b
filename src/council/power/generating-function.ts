/**
 * Exact swing counts for games with any number of weight criteria, by multiplying generating
 * functions: the polynomial Π_j (1 + x·z^{w_j}) over the players, with one variable for the
 * members count (x) and one per criterion (z_c), stored sparsely in a Map from state to number
 * of coalitions. Sums are capped at their quotas (min(w_c(S), q_c)), which loses nothing, since
 * a coalition only needs to know whether it reached each quota; so the number of states is at
 * most (n+1)·Π_c (q_c+1), and in practice far less for small weights (voting weights, seats,
 * random test councils).
 *
 * Player i's swings come from the product over the other players: a state (k, s) is a swing of
 * size k when it loses and (k+1, cap(s + w_i)) wins. One product per player: O(n² · states).
 * Large quotas (populations in persons) make the state space too large to index; such games
 * with one criterion go to `meet-in-the-middle.ts`, and this method refuses games whose state
 * index would not be exact.
 *
 * Reference: Bilbao, Fernández, Jiménez López and López (2000), "Generating functions for
 * computing power indices efficiently", TOP 8(2):191–213; for several criteria, Algaba,
 * Bilbao, Fernández García and López (2003), Mathematical Social Sciences 46:63–80.
 * @module
 */
import { type WeightedGame, wins } from "../game.js";
import { emptyCounts, type SwingCounts } from "./counts.js";

export function countByGeneratingFunction(game: WeightedGame): SwingCounts {
  const { n } = game;
  const d = game.quotas.length;
  const caps = game.quotas.map((q) => Math.max(0, q));
  const radix: number[] = [n + 1];
  for (const cap of caps) radix.push(cap + 1);
  let span = 1;
  for (const r of radix) span *= r;
  if (!Number.isSafeInteger(span))
    throw new RangeError(
      `countByGeneratingFunction: the state space (${radix.join(" × ")}) is too large to index exactly; use one weight criterion (meet in the middle) or smaller weights`,
    );
  const stride: number[] = [1];
  for (let c = 0; c < d; c++) stride.push((stride[c] as number) * (radix[c] as number));
  const w = (c: number, j: number) => game.weights[c]?.[j] ?? 0;

  const decode = (key: number, sums: number[]): number => {
    let rest = key;
    const k = rest % (n + 1);
    rest = (rest - k) / (n + 1);
    for (let c = 0; c < d; c++) {
      const r = radix[c + 1] as number;
      sums[c] = rest % r;
      rest = (rest - (sums[c] as number)) / r;
    }
    return k;
  };
  const add = (key: number, j: number, sums: number[]): number => {
    decode(key, sums);
    let next = key + 1;
    for (let c = 0; c < d; c++) {
      const s = sums[c] as number;
      const t = Math.min(caps[c] as number, s + w(c, j));
      next += (t - s) * (stride[c + 1] as number);
    }
    return next;
  };
  const product = (skip: number): Map<number, number> => {
    let poly = new Map<number, number>([[0, 1]]);
    const sums = new Array<number>(d).fill(0);
    for (let j = 0; j < n; j++) {
      if (j === skip) continue;
      const next = new Map(poly);
      for (const [key, count] of poly) {
        const to = add(key, j, sums);
        next.set(to, (next.get(to) ?? 0) + count);
      }
      poly = next;
    }
    return poly;
  };

  const out = emptyCounts(n);
  const sums = new Array<number>(d).fill(0);
  for (const [key, count] of product(-1)) {
    const k = decode(key, sums);
    if (wins(game, k, sums)) out.winning += count;
  }
  const after = new Array<number>(d).fill(0);
  for (let i = 0; i < n; i++) {
    for (const [key, count] of product(i)) {
      const k = decode(key, sums);
      if (wins(game, k, sums)) continue;
      for (let c = 0; c < d; c++)
        after[c] = Math.min(caps[c] as number, (sums[c] as number) + w(c, i));
      if (wins(game, k + 1, after))
        out.swingsBySize[i * n + k] = (out.swingsBySize[i * n + k] as number) + count;
    }
  }
  return out;
}
