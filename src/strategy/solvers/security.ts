/**
 * Security (maximin) strategies and values: what a player can guarantee whatever the others
 * do. The pure security value is max over own strategies of the min over the others' pure
 * profiles. The mixed security value is max over own mixed strategies of the min over the
 * others' profiles, an LP solved exactly (`zero-sum.ts`); pure profiles of the others suffice,
 * for n players too, because the payoff is linear in each opponent's mixture, so the minimum
 * over independent mixtures is reached at a pure profile.
 * @module
 */
import type { NormalFormGame } from "../game.js";
import { min, type Rational } from "../rational.js";
import { playerMatrix } from "./player-matrix.js";
import { solveZeroSum } from "./zero-sum.js";

export interface Security {
  player: number;
  /** Pure maximin: the value and every strategy that guarantees it. */
  pure: { value: Rational; strategies: number[] };
  /** Mixed maximin: the value and one optimal mixed strategy (a basic optimal solution). */
  mixed: { value: Rational; strategy: Rational[] };
}

export function security(game: NormalFormGame, player: number): Security {
  const { M } = playerMatrix(game, player);
  const worst = M.map((row) => min(row));
  let value = worst[0] as Rational;
  for (const w of worst) if (w.gt(value)) value = w;
  const strategies = worst.flatMap((w, s) => (w.eq(value) ? [s] : []));
  const sol = solveZeroSum(M);
  return { player, pure: { value, strategies }, mixed: { value: sol.value, strategy: sol.row } };
}
