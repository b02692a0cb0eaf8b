// Power indices with values known in closed form or computed by hand.
import { describe, expect, it } from "vitest";
import { findRule } from "../../src/council/council.js";
import { gameOf, type WeightedGame } from "../../src/council/game.js";
import { powerIndices } from "../../src/council/power/index.js";
import { defaultCouncil } from "./data.js";

/**
 * The EEC of 1958–72: FR, DE, IT 4 votes, BE, NL 2, LU 1; a qualified majority is 12 of 17.
 * Luxembourg was a dummy: the others' weights are even, so no coalition sums to 11 (Felsenthal
 * and Machover 1998, The Measurement of Voting Power, Edward Elgar, discuss the case).
 *
 * By hand. FR is critical in S ⊆ {DE, IT, BE, NL, LU} with w(S) ∈ [8, 11]: {DE,IT}, {DE,IT,LU},
 * {DE,IT,BE}, {DE,IT,NL}, {DE,IT,BE,LU}, {DE,IT,NL,LU}, {DE,BE,NL}, {IT,BE,NL}, {DE,BE,NL,LU},
 * {IT,BE,NL,LU}: 10 swings (1 of size 2, 5 of size 3, 4 of size 4). BE is critical with
 * w(S) ∈ [10, 11]: two of the big three with NL (3), and with NL and LU (3): 6 swings (3 of
 * size 3, 3 of size 4). LU: none. Normalised Banzhaf 10/42 = 5/21, 6/42 = 1/7, 0.
 * Shapley–Shubik: FR (1·2!3! + 5·3!2! + 4·4!1!)/6! = 168/720 = 7/30; BE (3·3!2! + 3·4!1!)/6!
 * = 108/720 = 3/20; 3·7/30 + 2·3/20 = 1. A coalition wins when its complement weighs at most
 * 5; the subsets of weight ≤ 5 are {}, {LU}, {BE}, {NL}, {BE,LU}, {NL,LU}, {BE,NL},
 * {BE,NL,LU}, the three big ones alone and each with LU: 14, so 14 of 64 coalitions win.
 */
const EEC: WeightedGame = { n: 6, weights: [[4, 4, 4, 2, 2, 1]], quotas: [12], minMembers: 0 };

describe("EEC-6, weights 4 4 4 2 2 1, quota 12", () => {
  for (const method of ["meet-in-the-middle", "generating-function", "enumeration"] as const)
    it(`gives Luxembourg no power (${method})`, () => {
      const p = powerIndices(EEC, method);
      expect(p.swings).toEqual([10, 10, 10, 6, 6, 0]);
      expect(p.banzhaf?.map((b) => b * 21)).toEqual(
        [5, 5, 5, 3, 3, 0].map((x) => expect.closeTo(x, 12)),
      );
      expect(p.shapleyShubikExact).toEqual(["7/30", "7/30", "7/30", "3/20", "3/20", "0"]);
      expect(p.winningCoalitions).toBe(14);
      expect(p.passProbability).toBe(14 / 64);
    });
});

describe("symmetric rules", () => {
  const council = defaultCouncil();
  const rule = (name: string) => {
    const r = findRule(council, name);
    if (!r) throw new Error(name);
    return r;
  };

  it("unanimity: every member 1/27, and only the grand coalition passes", () => {
    const p = powerIndices(gameOf(rule("unanimity"), council.members));
    expect(p.swings).toEqual(new Array(27).fill(1));
    expect(p.shapleyShubikExact).toEqual(new Array(27).fill("1/27"));
    expect(p.winningCoalitions).toBe(1);
    expect(p.passProbability).toBe(2 ** -27);
  });

  it("simple majority (14 of 27): every member 1/27; half the coalitions pass", () => {
    const p = powerIndices(gameOf(rule("simple-majority"), council.members));
    // i is critical when exactly 13 of the other 26 vote yes: C(26, 13) = 10,400,600.
    expect(p.swings).toEqual(new Array(27).fill(10_400_600));
    expect(p.shapleyShubikExact).toEqual(new Array(27).fill("1/27"));
    expect(p.passProbability).toBe(0.5);
  });
});

describe("EU-27 qualified majority, 2025 populations", () => {
  const council = defaultCouncil();
  const qmv = findRule(council, "qmv");
  if (!qmv) throw new Error("qmv");
  const p = powerIndices(gameOf(qmv, council.members));

  it("passes about 13.2% of all coalitions (17,729,938 of 2^27)", () => {
    expect(p.winningCoalitions).toBe(17_729_938);
    expect(p.passProbability).toBeCloseTo(0.1321, 4);
  });

  it("orders members' power as their populations (members with more persons are more desirable)", () => {
    const order = (xs: readonly number[]) =>
      xs.every((x, i) => i === 0 || (xs[i - 1] as number) >= x);
    expect(order(p.banzhaf ?? [])).toBe(true);
    expect(order(p.shapleyShubik ?? [])).toBe(true);
  });

  it("gives Germany about 17.6% (Shapley–Shubik) and 12.0% (Banzhaf)", () => {
    expect(p.shapleyShubik?.[0]).toBeCloseTo(0.1756, 4);
    expect(p.banzhaf?.[0]).toBeCloseTo(0.1204, 4);
  });
});
