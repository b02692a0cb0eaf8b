/**
 * Dominance, security levels, zero-sum games, best responses and pure equilibria on games
 * whose answers are worked out by hand in the comments.
 */
import { describe, expect, it } from "vitest";
import { fromBimatrix } from "../../src/strategy/game.js";
import { Rational } from "../../src/strategy/rational.js";
import { bestResponses } from "../../src/strategy/solvers/best-response.js";
import { iteratedDominance } from "../../src/strategy/solvers/dominance.js";
import { pureEquilibria } from "../../src/strategy/solvers/pure-equilibria.js";
import { security } from "../../src/strategy/solvers/security.js";
import { solveZeroSum } from "../../src/strategy/solvers/zero-sum.js";
import { bimatrix, matrix } from "./helpers/games.js";

const strs = (xs: readonly Rational[]) => xs.map(String);

describe("iteratedDominance", () => {
  it("removes a strategy dominated by a pure strategy (Prisoner's Dilemma, round 1 for both)", () => {
    const pd = bimatrix(
      [
        [3, 0],
        [5, 1],
      ],
      [
        [3, 5],
        [0, 1],
      ],
      ["C", "D"],
      ["C", "D"],
    );
    const r = iteratedDominance(pd);
    expect(
      r.eliminated.map((e) => [e.round, e.player, e.strategy, e.kind, e.by.map((b) => b.strategy)]),
    ).toEqual([
      [1, 0, 0, "pure", [1]],
      [1, 1, 0, "pure", [1]],
    ]);
    expect(r.surviving).toEqual([[1], [1]]);
  });

  it("finds domination by a mixed strategy only: B < (T + M)/2 against both columns", () => {
    // Row payoffs T = (3, 0), M = (0, 3), B = (1, 1): no pure strategy beats B everywhere, but
    // the mixture 1/2 T + 1/2 M gives 3/2 > 1 against each column.
    const game = bimatrix(
      [
        [3, 0],
        [0, 3],
        [1, 1],
      ],
      [
        [0, 0],
        [0, 0],
        [0, 0],
      ],
    );
    const r = iteratedDominance(game);
    expect(r.eliminated).toHaveLength(1);
    expect(r.eliminated[0]?.kind).toBe("mixed");
    expect(r.eliminated[0]?.by.map((b) => [b.strategy, String(b.prob)])).toEqual([
      [0, "1/2"],
      [1, "1/2"],
    ]);
    expect(iteratedDominance(game, { mixed: false }).eliminated).toEqual([]);
  });

  it("iterates: a strategy becomes dominated only after another player's is removed", () => {
    // Column R is strictly dominated by L (2 > 1, 1 > 0). Without R, row D (0 vs 1 for U under
    // L) is dominated; before that, D was better against R.
    const game = bimatrix(
      [
        [1, 0],
        [0, 3],
      ],
      [
        [2, 1],
        [1, 0],
      ],
    );
    const r = iteratedDominance(game);
    expect(r.eliminated.map((e) => [e.round, e.player, e.strategy])).toEqual([
      [1, 1, 1],
      [2, 0, 1],
    ]);
    expect(r.surviving).toEqual([[0], [0]]);
  });

  it("never removes a weakly dominated strategy", () => {
    const game = bimatrix(
      [
        [1, 1],
        [1, 0],
      ],
      [
        [0, 0],
        [0, 0],
      ],
    );
    expect(iteratedDominance(game).eliminated).toEqual([]);
  });
});

describe("solveZeroSum", () => {
  it("solves a 2×2 game without a saddle point by the closed form", () => {
    // [[2, -1], [-1, 1]]: value (ad − bc)/(a − b − c + d) = 1/5, x = y = (2/5, 3/5).
    const s = solveZeroSum(
      matrix([
        [2, -1],
        [-1, 1],
      ]),
    );
    expect(String(s.value)).toBe("1/5");
    expect(strs(s.row)).toEqual(["2/5", "3/5"]);
    expect(strs(s.col)).toEqual(["2/5", "3/5"]);
  });

  it("finds a saddle point", () => {
    const s = solveZeroSum(
      matrix([
        [4, 2, 3],
        [1, 0, -1],
      ]),
    );
    expect(String(s.value)).toBe("2");
    expect(strs(s.row)).toEqual(["1", "0"]);
    expect(strs(s.col)).toEqual(["0", "1", "0"]);
  });

  it("gives Rock-Paper-Scissors value 0 and uniform strategies", () => {
    const s = solveZeroSum(
      matrix([
        [0, -1, 1],
        [1, 0, -1],
        [-1, 1, 0],
      ]),
    );
    expect(String(s.value)).toBe("0");
    expect(strs(s.row)).toEqual(["1/3", "1/3", "1/3"]);
  });
});

describe("security", () => {
  it("Matching Pennies: the mixed security value is 0, the pure one −1", () => {
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
    const s = security(mp, 1);
    expect(String(s.mixed.value)).toBe("0");
    expect(strs(s.mixed.strategy)).toEqual(["1/2", "1/2"]);
    expect(String(s.pure.value)).toBe("-1");
    expect(s.pure.strategies).toEqual([0, 1]);
  });

  it("works for three players against the others' pure profiles", () => {
    // Player 1's payoff is 1 if it matches player 2, else 0, whatever player 3 does.
    const payoffs = [0, 1, 2].map(() => [] as Rational[]);
    for (let k = 0; k < 8; k++) {
      const [a, b] = [k % 2, Math.floor(k / 2) % 2];
      payoffs[0]?.push(Rational.of(a === b ? 1 : 0));
      payoffs[1]?.push(Rational.ZERO);
      payoffs[2]?.push(Rational.ZERO);
    }
    const game = {
      title: "",
      comment: "",
      players: ["1", "2", "3"],
      strategies: [
        ["a", "b"],
        ["a", "b"],
        ["x", "y"],
      ],
      payoffs,
    };
    const s = security(game, 0);
    expect(String(s.mixed.value)).toBe("1/2");
    expect(String(s.pure.value)).toBe("0");
  });
});

describe("best responses and pure equilibria", () => {
  it("lists every best response against a mixed strategy, with exact payoffs", () => {
    const bos = fromBimatrix(
      matrix([
        [2, 0],
        [0, 1],
      ]),
      matrix([
        [1, 0],
        [0, 2],
      ]),
    );
    const r = bestResponses(bos, 0, [[], [Rational.of(1, 3), Rational.of(2, 3)]]);
    expect(strs(r.payoffs)).toEqual(["2/3", "2/3"]);
    expect(r.strategies).toEqual([0, 1]);
  });

  it("finds the pure equilibria of a three-player coordination game", () => {
    // Everyone gets 1 when all three choose the same action, else 0.
    const payoffs = [0, 1, 2].map(() => [] as Rational[]);
    for (let k = 0; k < 8; k++) {
      const same = k === 0 || k === 7;
      for (const t of payoffs) t.push(same ? Rational.ONE : Rational.ZERO);
    }
    const game = {
      title: "",
      comment: "",
      players: ["1", "2", "3"],
      strategies: [
        ["a", "b"],
        ["a", "b"],
        ["a", "b"],
      ],
      payoffs,
    };
    // In every split profile the lone dissenter gains by joining the others, so only the two
    // unanimous profiles are equilibria.
    expect(pureEquilibria(game).map((e) => e.profile.join(""))).toEqual(["000", "111"]);
  });
});
