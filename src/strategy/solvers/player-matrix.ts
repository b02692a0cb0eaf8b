/**
 * One player's payoffs as a matrix: a row per own strategy, a column per profile of the other
 * players, optionally restricted to surviving strategies. Dominance, security levels and best
 * responses of n-player games all reduce to questions about this matrix.
 * @module
 */
import { forEachProfile, type NormalFormGame, profileIndex } from "../game.js";
import type { Rational } from "../rational.js";

export interface PlayerMatrix {
  /** The player's strategies, one per row (indices into game.strategies[player]). */
  rows: number[];
  /** Each column's profile of the others' strategies, as full profiles with the player's slot 0. */
  cols: number[][];
  M: Rational[][];
}

/** `alive[p]` lists the strategies still in play for each player (all when omitted). */
export function playerMatrix(
  game: NormalFormGame,
  player: number,
  alive: readonly (readonly number[])[] = game.strategies.map((s) => s.map((_, i) => i)),
): PlayerMatrix {
  const others = alive.map((a, p) => (p === player ? [0] : [...a]));
  const cols: number[][] = [];
  forEachProfile(
    others.map((a) => a.length),
    (idx) => {
      cols.push(idx.map((k, p) => (others[p] as number[])[k] as number));
    },
  );
  const rows = [...(alive[player] as number[])];
  const table = game.payoffs[player] as Rational[];
  const M = rows.map((s) =>
    cols.map((col) => {
      const profile = [...col];
      profile[player] = s;
      return table[profileIndex(game, profile)] as Rational;
    }),
  );
  return { rows, cols, M };
}
