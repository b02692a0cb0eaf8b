/**
 * A voting rule applied to a council, as a simple game: every member votes yes or not, and a
 * set of yes voters (a coalition) wins or loses. Power indices are defined on this yes/no game;
 * abstention (a third option) matters only for the vote itself (`vote.ts`).
 *
 * The games levier needs are all of one form, a multi-criteria weighted game with a
 * members-count criterion and an optional "deemed attained" clause:
 *
 *   S wins  ⇔  (|S| ≥ minMembers  ∧  w_c(S) ≥ quota_c for every criterion c)
 *              ∨  |S| ≥ deemedAttainedAt
 *
 * where w_c(S) is the sum of the members' weights on criterion c (population for the Council).
 * @module
 */
import { type Member, type Rule, thresholdsOf } from "./rule.js";

export interface WeightedGame {
  /** Number of players. */
  n: number;
  /** weights[c][i]: player i's weight on criterion c; non-negative safe integers. */
  weights: readonly (readonly number[])[];
  /** quotas[c]: the sum a winning coalition must reach on criterion c. */
  quotas: readonly number[];
  /** Members a winning coalition needs. */
  minMembers: number;
  /** A coalition of at least this many members wins whatever the weights. */
  deemedAttainedAt?: number;
}

/** The yes/no game of `rule` among `members` (in their order). */
export function gameOf(rule: Rule, members: readonly Member[]): WeightedGame {
  const t = thresholdsOf(rule, members);
  const game: WeightedGame = { n: members.length, weights: [], quotas: [], minMembers: t.minYes };
  if (t.populationQuota !== undefined) {
    game.weights = [members.map((m) => m.population)];
    game.quotas = [t.populationQuota];
  }
  if (t.deemedAttainedAt !== undefined) game.deemedAttainedAt = t.deemedAttainedAt;
  return game;
}

/** Whether a coalition of `size` members with criterion sums `sums` wins. */
export function wins(game: WeightedGame, size: number, sums: ArrayLike<number>): boolean {
  if (game.deemedAttainedAt !== undefined && size >= game.deemedAttainedAt) return true;
  if (size < game.minMembers) return false;
  for (let c = 0; c < game.quotas.length; c++)
    if ((sums[c] ?? 0) < (game.quotas[c] ?? 0)) return false;
  return true;
}

/** Whether the coalition `members` (player indices) wins. */
export function coalitionWins(game: WeightedGame, members: Iterable<number>): boolean {
  const sums = new Array<number>(game.quotas.length).fill(0);
  let size = 0;
  for (const i of members) {
    size++;
    for (let c = 0; c < sums.length; c++) sums[c] = (sums[c] ?? 0) + (game.weights[c]?.[i] ?? 0);
  }
  return wins(game, size, sums);
}

/**
 * For games with at most one weight criterion: the least weight a coalition of `size` members
 * needs to win; −∞ when it wins whatever its weight, +∞ when it cannot win.
 */
export function weightThreshold(game: WeightedGame, size: number): number {
  if (game.deemedAttainedAt !== undefined && size >= game.deemedAttainedAt) return -Infinity;
  if (size < game.minMembers) return Infinity;
  return game.quotas[0] ?? -Infinity;
}

/** Problems that make a game unusable, as messages (empty when it is sound). */
export function gameProblems(game: WeightedGame): string[] {
  const out: string[] = [];
  if (!Number.isInteger(game.n) || game.n < 1 || game.n > MAX_PLAYERS)
    out.push(`expected 1 to ${MAX_PLAYERS} players, found ${game.n}`);
  if (game.weights.length !== game.quotas.length)
    out.push(
      `expected one quota per weight criterion, found ${game.quotas.length} for ${game.weights.length}`,
    );
  game.weights.forEach((row, c) => {
    if (row.length !== game.n)
      out.push(`criterion ${c}: expected ${game.n} weights, found ${row.length}`);
    let sum = 0;
    for (const w of row) {
      if (!Number.isSafeInteger(w) || w < 0) {
        out.push(`criterion ${c}: expected non-negative whole weights, found ${w}`);
        break;
      }
      sum += w;
    }
    if (!Number.isSafeInteger(sum))
      out.push(`criterion ${c}: the weights' sum is not a safe integer`);
  });
  return out;
}

/** Coalition counts must stay exact in doubles: 2^n < 2^53. */
export const MAX_PLAYERS = 52;
