/**
 * Compensation by trying every set of losers to buy: the obviously correct reference the MILP
 * is tested against. For each subset Z of the losers it settles (settle.ts), keeps the
 * settlements whose check vote passes, and returns the cheapest (the first in subset order
 * among equals). Exponential in the number of losers: at most 20.
 * @module
 */
import { type CompensationInput, sidesOf } from "./problem.js";
import { type Settlement, settle } from "./settle.js";

export const MAX_ENUMERATED_LOSERS = 20;

export interface EnumeratedCompensation {
  /** The cheapest passing settlement, or undefined when none passes. */
  best?: Settlement;
  bought: number[];
}

export function compensateByEnumeration(input: CompensationInput): EnumeratedCompensation {
  const sides = sidesOf(input);
  const { losers } = sides;
  if (losers.length > MAX_ENUMERATED_LOSERS)
    throw new RangeError(
      `compensateByEnumeration: ${losers.length} losers; the limit is ${MAX_ENUMERATED_LOSERS}`,
    );
  let best: Settlement | undefined;
  let bought: number[] = [];
  const first = input.allGain ? 2 ** losers.length - 1 : 0;
  for (let mask = first; mask < 2 ** losers.length; mask++) {
    const set = losers.filter((_, j) => (mask & (1 << j)) !== 0);
    const s = settle(input, sides, new Set(set));
    if (!s?.check.pass) continue;
    if (!best || s.received < best.received) {
      best = s;
      bought = set;
    }
  }
  return best ? { best, bought } : { bought };
}
