/** Random weighted games for the power tests, from a seeded generator. */
import type { WeightedGame } from "../../src/council/game.js";
import type { Rng } from "./seeded.js";

export interface GameShape {
  n: number;
  criteria: number;
  maxWeight: number;
  /** Give some games the "deemed attained" clause. */
  deemed?: boolean;
}

export function randomGame(rng: Rng, shape: GameShape): WeightedGame {
  const { n, criteria, maxWeight } = shape;
  const weights: number[][] = [];
  const quotas: number[] = [];
  for (let c = 0; c < criteria; c++) {
    const row = Array.from({ length: n }, () => rng.int(0, maxWeight));
    const total = row.reduce((a, b) => a + b, 0);
    weights.push(row);
    quotas.push(Math.floor(total * (0.3 + 0.6 * rng.next())));
  }
  const game: WeightedGame = { n, weights, quotas, minMembers: rng.int(0, n) };
  if (shape.deemed && rng.next() < 0.5) game.deemedAttainedAt = rng.int(game.minMembers, n);
  return game;
}
