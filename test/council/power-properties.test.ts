// Properties every exact power computation must have, on arbitrary small games (fast-check).
// Chosen to hold in every game of levier's form; not "more weight, more power after a change"
// (the paradoxes of new members and of donation break it), but desirability within one game.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coalitionWins, type WeightedGame } from "../../src/council/game.js";
import { countSwings, powerIndices } from "../../src/council/power/index.js";

const gameArb: fc.Arbitrary<WeightedGame> = fc
  .record({
    n: fc.integer({ min: 1, max: 9 }),
    criteria: fc.integer({ min: 0, max: 2 }),
    seed: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 18, maxLength: 18 }),
    quotaShare: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
      minLength: 2,
      maxLength: 2,
    }),
    minShare: fc.double({ min: 0, max: 1, noNaN: true }),
    deemed: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
  })
  .map(({ n, criteria, seed, quotaShare, minShare, deemed }) => {
    const weights = Array.from({ length: criteria }, (_, c) =>
      Array.from({ length: n }, (_, i) => seed[(c * 9 + i) % seed.length] as number),
    );
    const quotas = weights.map((row, c) =>
      Math.round(row.reduce((a, b) => a + b, 0) * (quotaShare[c] as number)),
    );
    const game: WeightedGame = { n, weights, quotas, minMembers: Math.round(minShare * n) };
    if (deemed !== undefined) game.deemedAttainedAt = Math.min(deemed, n);
    return game;
  });

const methods = ["meet-in-the-middle", "generating-function", "enumeration"] as const;

function factorial(n: number): bigint {
  let f = 1n;
  for (let k = 2; k <= n; k++) f *= BigInt(k);
  return f;
}

describe("power index properties", () => {
  it("normalised Banzhaf and Shapley–Shubik indices each sum to 1", () => {
    fc.assert(
      fc.property(gameArb, (game) => {
        const p = powerIndices(game);
        if (p.banzhaf) expect(p.banzhaf.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        if (p.shapleyShubik) expect(p.shapleyShubik.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      }),
    );
  });

  it("Shapley efficiency, exactly: Σ_i Σ_k c_ik k!(n−k−1)! = n!·(v(N) − v(∅))", () => {
    fc.assert(
      fc.property(gameArb, (game) => {
        const { n } = game;
        const counts = countSwings(game);
        let sum = 0n;
        for (let i = 0; i < n; i++)
          for (let k = 0; k < n; k++)
            sum +=
              BigInt(counts.swingsBySize[i * n + k] as number) *
              factorial(k) *
              factorial(n - 1 - k);
        const all = Array.from({ length: n }, (_, i) => i);
        const v = (coalition: number[]) => (coalitionWins(game, coalition) ? 1n : 0n);
        expect(sum).toBe(factorial(n) * (v(all) - v([])));
      }),
    );
  });

  it("players with the same weights have the same power (symmetry)", () => {
    fc.assert(
      fc.property(gameArb, (game) => {
        const p = powerIndices(game);
        for (let i = 0; i < game.n; i++)
          for (let j = i + 1; j < game.n; j++)
            if (game.weights.every((row) => row[i] === row[j])) {
              expect(p.swings[i]).toBe(p.swings[j]);
              expect(p.shapleyShubikExact?.[i]).toBe(p.shapleyShubikExact?.[j]);
            }
      }),
    );
  });

  it("a player at least as heavy on every criterion has at least as much power (desirability)", () => {
    fc.assert(
      fc.property(gameArb, (game) => {
        const p = powerIndices(game);
        for (let i = 0; i < game.n; i++)
          for (let j = 0; j < game.n; j++)
            if (i !== j && game.weights.every((row) => (row[i] as number) >= (row[j] as number))) {
              expect(p.swings[i]).toBeGreaterThanOrEqual(p.swings[j] as number);
              if (p.shapleyShubik)
                expect(p.shapleyShubik[i]).toBeGreaterThanOrEqual(
                  (p.shapleyShubik[j] as number) - 1e-15,
                );
            }
      }),
    );
  });

  it("a player without weight is a dummy when the members count does not matter", () => {
    fc.assert(
      fc.property(gameArb, (g) => {
        if (g.weights.length === 0) return;
        const game: WeightedGame = { n: g.n, weights: g.weights, quotas: g.quotas, minMembers: 0 };
        const p = powerIndices(game);
        for (let i = 0; i < game.n; i++)
          if (game.weights.every((row) => row[i] === 0)) expect(p.swings[i]).toBe(0);
      }),
    );
  });

  it("raising a quota never lets more coalitions pass", () => {
    fc.assert(
      fc.property(gameArb, fc.integer({ min: 1, max: 10 }), (game, extra) => {
        if (game.quotas.length === 0) return;
        const higher = { ...game, quotas: game.quotas.map((q, c) => (c === 0 ? q + extra : q)) };
        expect(powerIndices(higher).winningCoalitions).toBeLessThanOrEqual(
          powerIndices(game).winningCoalitions,
        );
      }),
    );
  });

  it("the three methods agree wherever each applies", () => {
    fc.assert(
      fc.property(gameArb, (game) => {
        const reference = countSwings(game, "enumeration");
        for (const method of methods) {
          if (method === "meet-in-the-middle" && game.quotas.length > 1) continue;
          const counts = countSwings(game, method);
          expect(counts.winning).toBe(reference.winning);
          expect(Array.from(counts.swingsBySize)).toEqual(Array.from(reference.swingsBySize));
        }
      }),
    );
  });
});
