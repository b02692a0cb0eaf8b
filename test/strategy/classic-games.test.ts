/**
 * Classic games with equilibria computed by hand: the solver must find exactly these.
 */
import { describe, expect, it } from "vitest";
import { readEfg } from "../../src/strategy/formats/efg-read.js";
import type { NormalFormGame } from "../../src/strategy/game.js";
import { extremeEquilibria as solve } from "../../src/strategy/nash/extreme-equilibria.js";
import {
  isCredible,
  subgamePerfect,
  threats,
} from "../../src/strategy/solvers/backward-induction.js";
import { pureEquilibria } from "../../src/strategy/solvers/pure-equilibria.js";
import { bimatrix, show } from "./helpers/games.js";

/** The same conformance suite for both kernels: doubles-where-exact and BigInt only. */
for (const arithmetic of ["hybrid", "bigint"] as const) {
  const extremeEquilibria = (game: NormalFormGame) => solve(game, { arithmetic });
  describe(`classic two-player games (${arithmetic} arithmetic)`, () => {
    it("Prisoner's Dilemma: the unique equilibrium is mutual defection", () => {
      // Strategies: cooperate, defect. Payoffs (years avoided): T=5 > R=3 > P=1 > S=0.
      const pd = bimatrix(
        [
          [3, 0],
          [5, 1],
        ],
        [
          [3, 5],
          [0, 1],
        ],
      );
      expect(extremeEquilibria(pd).equilibria.map(show)).toEqual([
        {
          x: [
            ["0", "1"],
            ["0", "1"],
          ],
          u: ["1", "1"],
        },
      ]);
    });

    it("Battle of the Sexes: two pure equilibria and the mixed (2/3, 1/3), (1/3, 2/3)", () => {
      const bos = bimatrix(
        [
          [2, 0],
          [0, 1],
        ],
        [
          [1, 0],
          [0, 2],
        ],
      );
      expect(extremeEquilibria(bos).equilibria.map(show)).toEqual([
        {
          x: [
            ["1", "0"],
            ["1", "0"],
          ],
          u: ["2", "1"],
        },
        {
          x: [
            ["2/3", "1/3"],
            ["1/3", "2/3"],
          ],
          u: ["2/3", "2/3"],
        },
        {
          x: [
            ["0", "1"],
            ["0", "1"],
          ],
          u: ["1", "2"],
        },
      ]);
    });

    it("Matching Pennies: the unique equilibrium is uniform with value 0", () => {
      const mp = bimatrix(
        [
          [1, -1],
          [-1, 1],
        ],
        [
          [-1, 1],
          [1, -1],
        ],
      );
      expect(extremeEquilibria(mp).equilibria.map(show)).toEqual([
        {
          x: [
            ["1/2", "1/2"],
            ["1/2", "1/2"],
          ],
          u: ["0", "0"],
        },
      ]);
    });

    it("Rock-Paper-Scissors: the unique equilibrium is uniform", () => {
      const A = [
        [0, -1, 1],
        [1, 0, -1],
        [-1, 1, 0],
      ];
      const rps = bimatrix(
        A,
        A.map((r) => r.map((v) => -v)),
      );
      const third = ["1/3", "1/3", "1/3"];
      expect(extremeEquilibria(rps).equilibria.map(show)).toEqual([
        { x: [third, third], u: ["0", "0"] },
      ]);
    });

    it("a continuum of equilibria is reported by its extreme points", () => {
      // Column player is indifferent between L and R when the row player plays T; T is a best
      // response iff y(L) ≥ 1/2. The component {T} × {y : y_L ≥ 1/2} has extreme points
      // y = (1, 0) and y = (1/2, 1/2); (B, R) is a second, isolated equilibrium.
      const game = bimatrix(
        [
          [1, 0],
          [0, 1],
        ],
        [
          [1, 1],
          [0, 2],
        ],
      );
      expect(extremeEquilibria(game).equilibria.map(show)).toEqual([
        {
          x: [
            ["1", "0"],
            ["1", "0"],
          ],
          u: ["1", "1"],
        },
        {
          x: [
            ["1", "0"],
            ["1/2", "1/2"],
          ],
          u: ["1/2", "1"],
        },
        {
          x: [
            ["0", "1"],
            ["0", "1"],
          ],
          u: ["1", "2"],
        },
      ]);
      expect(pureEquilibria(game).map((e) => e.profile)).toEqual([
        [0, 0],
        [1, 1],
      ]);
    });
  });
}

describe("entry deterrence", () => {
  const efg = `EFG 2 R "Entry deterrence" { "Entrant" "Incumbent" }
""
p "" 1 1 "Entrant" { "enter" "stay out" } 0
p "" 2 1 "Incumbent" { "fight" "accommodate" } 0
t "" 1 "war" { -1, -1 }
t "" 2 "share" { 1, 1 }
t "" 3 "monopoly" { 0, 2 }
`;
  const game = readEfg(efg, "entry.efg").game!;

  it("the subgame-perfect equilibrium is enter / accommodate", () => {
    const spe = subgamePerfect(game);
    expect(spe.payoffs.map(String)).toEqual(["1", "1"]);
    expect(spe.decisions.map((d) => d.actions[d.chosen])).toEqual(["enter", "accommodate"]);
    expect(spe.ties).toBe(false);
  });

  it("the incumbent's threat to fight is not credible", () => {
    const spe = subgamePerfect(game);
    expect(isCredible(spe, ["enter"], "fight")).toBe(false);
    expect(isCredible(spe, ["enter"], "accommodate")).toBe(true);
    const incumbent = threats(spe).find((t) => t.path.join() === "enter");
    expect(incumbent?.actions.map((a) => [a.action, String(a.payoff), a.credible])).toEqual([
      ["fight", "-1", false],
      ["accommodate", "1", true],
    ]);
  });

  it("the Nash equilibrium (stay out, fight) exists but rests on the incredible threat", () => {
    const pure = pureEquilibria(
      // Reduced normal form: rows enter/stay out, columns fight/accommodate.
      bimatrix(
        [
          [-1, 1],
          [0, 0],
        ],
        [
          [-1, 1],
          [2, 2],
        ],
      ),
    );
    expect(pure.map((e) => e.profile)).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });
});
