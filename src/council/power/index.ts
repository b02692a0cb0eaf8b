/**
 * Exact power indices of a game, by the fastest exact method that applies: meet in the middle
 * for one weight criterion (every Council rule), generating functions for several, enumeration
 * on request (the reference).
 * @module
 */
import { gameProblems, type WeightedGame } from "../game.js";
import type { SwingCounts } from "./counts.js";
import { countByEnumeration } from "./enumeration.js";
import { countByGeneratingFunction } from "./generating-function.js";
import { indicesFromCounts, type PowerIndices } from "./indices.js";
import { countByMeetInTheMiddle } from "./meet-in-the-middle.js";

export type PowerMethod = "meet-in-the-middle" | "generating-function" | "enumeration";

export interface PowerResult extends PowerIndices {
  method: PowerMethod;
}

export function countSwings(game: WeightedGame, method?: PowerMethod): SwingCounts {
  const problems = gameProblems(game);
  if (problems.length > 0) throw new RangeError(`countSwings: ${problems.join("; ")}`);
  switch (method ?? chooseMethod(game)) {
    case "meet-in-the-middle":
      return countByMeetInTheMiddle(game);
    case "generating-function":
      return countByGeneratingFunction(game);
    case "enumeration":
      return countByEnumeration(game);
  }
}

export function chooseMethod(game: WeightedGame): PowerMethod {
  return game.quotas.length <= 1 ? "meet-in-the-middle" : "generating-function";
}

export function powerIndices(game: WeightedGame, method?: PowerMethod): PowerResult {
  const chosen = method ?? chooseMethod(game);
  return { method: chosen, ...indicesFromCounts(countSwings(game, chosen)) };
}
