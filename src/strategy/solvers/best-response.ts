/**
 * Best responses: the pure strategies that maximise a player's expected payoff against given
 * mixed strategies of the others, computed exactly.
 * @module
 */
import { expectedPayoff, type NormalFormGame, pureAsMixed } from "../game.js";
import type { Rational } from "../rational.js";

export interface BestResponse {
  /** The best payoff attainable. */
  value: Rational;
  /** Every pure strategy that attains it, in order. */
  strategies: number[];
  /** The payoff of each pure strategy. */
  payoffs: Rational[];
}

/** `mixed[p]` is each player's mixed strategy; the player's own entry is ignored. */
export function bestResponses(
  game: NormalFormGame,
  player: number,
  mixed: readonly (readonly Rational[])[],
): BestResponse {
  const size = (game.strategies[player] as string[]).length;
  const payoffs: Rational[] = [];
  for (let s = 0; s < size; s++) {
    const profile = mixed.map((m, p) => (p === player ? pureAsMixed(size, s) : m));
    payoffs.push(expectedPayoff(game, player, profile));
  }
  let value = payoffs[0] as Rational;
  for (const v of payoffs) if (v.gt(value)) value = v;
  const strategies = payoffs.flatMap((v, s) => (v.eq(value) ? [s] : []));
  return { value, strategies, payoffs };
}

/**
 * True when no player gains by a pure deviation from the mixed profile (checking pure
 * deviations suffices: a mixed deviation's payoff is an average of pure ones).
 */
export function isNashEquilibrium(
  game: NormalFormGame,
  mixed: readonly (readonly Rational[])[],
): boolean {
  return game.players.every((_, p) =>
    bestResponses(game, p, mixed).value.eq(expectedPayoff(game, p, mixed)),
  );
}
