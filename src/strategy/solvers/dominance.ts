/**
 * Iterated elimination of strictly dominated strategies (IESDS), exactly.
 *
 * A strategy s of player p is strictly dominated when some other strategy, pure or mixed, gives
 * p strictly more against every profile of the others' surviving strategies. Domination by a
 * pure strategy is checked by comparison; domination by a mixed strategy σ is an LP: s is
 * dominated iff the zero-sum game D[k][o] = u_p(k, o) − u_p(s, o) (rows: p's other surviving
 * strategies k, columns: the others' surviving profiles o) has a positive value, and then the
 * row player's optimal strategy is a dominating σ (`zero-sum.ts`, exact simplex). Checking pure
 * profiles suffices for n players too, as payoffs are linear in each opponent's mixture.
 *
 * Each round computes, for every player against the strategies that survived the previous
 * round, all strictly dominated strategies, and removes them together. For strict dominance
 * the surviving set does not depend on the order of elimination (Gilboa, Kalai & Zemel 1990,
 * "On the order of eliminating dominated strategies", Oper. Res. Letters 9), so this order is
 * as good as any; it is reported so that a reader can follow it.
 * @module
 */
import type { NormalFormGame } from "../game.js";
import { Rational } from "../rational.js";
import { playerMatrix } from "./player-matrix.js";
import { solveZeroSum } from "./zero-sum.js";

export interface Elimination {
  round: number;
  player: number;
  strategy: number;
  /** "pure": dominated by the single strategy in `by`; "mixed": only by the mixture in `by`. */
  kind: "pure" | "mixed";
  /** The dominating strategy, as strategies with positive probability. */
  by: { strategy: number; prob: Rational }[];
}

export interface DominanceResult {
  eliminated: Elimination[];
  /** surviving[p]: player p's strategies left at the end. */
  surviving: number[][];
}

export interface DominanceOptions {
  /** Also eliminate strategies dominated only by mixed strategies (default true). */
  mixed?: boolean;
}

export function iteratedDominance(
  game: NormalFormGame,
  options: DominanceOptions = {},
): DominanceResult {
  const mixed = options.mixed ?? true;
  let alive = game.strategies.map((s) => s.map((_, i) => i));
  const eliminated: Elimination[] = [];
  for (let round = 1; ; round++) {
    const found: Elimination[] = [];
    for (let p = 0; p < game.players.length; p++) {
      const { rows, M } = playerMatrix(game, p, alive);
      for (let r = 0; r < rows.length; r++) {
        const e = dominator(M, r, rows, mixed);
        if (e) found.push({ round, player: p, strategy: rows[r] as number, ...e });
      }
    }
    if (found.length === 0) return { eliminated, surviving: alive };
    eliminated.push(...found);
    alive = alive.map((a, p) =>
      a.filter((s) => !found.some((e) => e.player === p && e.strategy === s)),
    );
  }
}

function dominator(
  M: Rational[][],
  r: number,
  rows: number[],
  mixed: boolean,
): Pick<Elimination, "kind" | "by"> | undefined {
  const target = M[r] as Rational[];
  for (let k = 0; k < M.length; k++) {
    if (k === r) continue;
    const row = M[k] as Rational[];
    if (row.every((v, o) => v.gt(target[o] as Rational)))
      return { kind: "pure", by: [{ strategy: rows[k] as number, prob: Rational.ONE }] };
  }
  if (!mixed || M.length < 3) return undefined;
  const others = rows.map((_, k) => k).filter((k) => k !== r);
  // A mixture can only beat s in a column where some other strategy does: skip the LP when s
  // is a best strategy in some column.
  const beatable = target.every((v, o) => others.some((k) => (M[k] as Rational[])[o]?.gt(v)));
  if (!beatable) return undefined;
  const D = others.map((k) => (M[k] as Rational[]).map((v, o) => v.sub(target[o] as Rational)));
  const sol = solveZeroSum(D);
  if (sol.value.sign() <= 0) return undefined;
  const by = others
    .map((k, i) => ({ strategy: rows[k] as number, prob: sol.row[i] as Rational }))
    .filter((x) => !x.prob.isZero());
  return { kind: "mixed", by };
}
