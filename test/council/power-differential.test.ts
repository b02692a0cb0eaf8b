// The exact power methods against enumeration of every coalition, on seeded random councils of
// up to 20 members with one, two and three criteria (members always count).
import { describe, expect, it } from "vitest";
import type { WeightedGame } from "../../src/council/game.js";
import type { SwingCounts } from "../../src/council/power/counts.js";
import { countByEnumeration } from "../../src/council/power/enumeration.js";
import { countByGeneratingFunction } from "../../src/council/power/generating-function.js";
import { countByMeetInTheMiddle, pairsWithin } from "../../src/council/power/meet-in-the-middle.js";
import { type GameShape, randomGame } from "./games.js";
import { seeded } from "./seeded.js";

function same(a: SwingCounts, b: SwingCounts) {
  expect(a.winning).toBe(b.winning);
  expect(Array.from(a.swingsBySize)).toEqual(Array.from(b.swingsBySize));
}

function games(seed: number, count: number, shape: (i: number) => GameShape): WeightedGame[] {
  const rng = seeded(seed);
  return Array.from({ length: count }, (_, i) => randomGame(rng, shape(i)));
}

describe("meet in the middle equals enumeration (members + one weight criterion)", () => {
  it("on 60 councils of 1 to 20 members with populations up to 10^8", () => {
    for (const game of games(20251, 60, (i) => ({
      n: 1 + (i % 20),
      criteria: 1,
      maxWeight: 1e8,
      deemed: true,
    })))
      same(countByMeetInTheMiddle(game), countByEnumeration(game));
  });

  it("on councils with many equal weights (ties at the quota)", () => {
    for (const game of games(7, 30, (i) => ({
      n: 4 + (i % 15),
      criteria: 1,
      maxWeight: 3,
      deemed: true,
    })))
      same(countByMeetInTheMiddle(game), countByEnumeration(game));
  });

  it("on councils with the members criterion only (no weights)", () => {
    for (const game of games(11, 20, (i) => ({
      n: 1 + i,
      criteria: 0,
      maxWeight: 0,
      deemed: true,
    })))
      same(countByMeetInTheMiddle(game), countByEnumeration(game));
  });
});

describe("generating functions equal enumeration", () => {
  it("with two criteria (members and one weight) on 40 councils of up to 16 members", () => {
    for (const game of games(42, 40, (i) => ({
      n: 2 + (i % 15),
      criteria: 1,
      maxWeight: 30,
      deemed: true,
    })))
      same(countByGeneratingFunction(game), countByEnumeration(game));
  });

  it("with three criteria (members and two weights) on 40 councils of up to 16 members", () => {
    for (const game of games(43, 40, (i) => ({
      n: 2 + (i % 15),
      criteria: 2,
      maxWeight: 25,
      deemed: true,
    })))
      same(countByGeneratingFunction(game), countByEnumeration(game));
  });

  it("with four criteria on councils of 20 members", () => {
    for (const game of games(44, 3, () => ({ n: 20, criteria: 3, maxWeight: 6, deemed: true })))
      same(countByGeneratingFunction(game), countByEnumeration(game));
  });

  it("refuses a state space it cannot index exactly", () => {
    const game: WeightedGame = {
      n: 3,
      weights: [
        [4e8, 4e8, 4e8],
        [4e8, 4e8, 4e8],
      ],
      quotas: [6e8, 6e8],
      minMembers: 0,
    };
    expect(() => countByGeneratingFunction(game)).toThrow(RangeError);
  });
});

describe("pairsWithin(x, y, lower, upper)", () => {
  it("counts pairs with lower ≤ x + y < upper, as a double loop does", () => {
    const rng = seeded(5);
    for (let trial = 0; trial < 200; trial++) {
      const x = Float64Array.from({ length: rng.int(0, 12) }, () => rng.int(0, 20)).sort();
      const y = Float64Array.from({ length: rng.int(0, 12) }, () => rng.int(0, 20)).sort();
      const lower = rng.pick([Number.NEGATIVE_INFINITY, rng.int(-5, 40)]);
      const upper = rng.pick([Number.POSITIVE_INFINITY, rng.int(-5, 45)]);
      let expected = 0;
      for (const a of x) for (const b of y) if (a + b >= lower && a + b < upper) expected++;
      expect(pairsWithin(x, y, lower, upper)).toBe(expected);
    }
  });
});
