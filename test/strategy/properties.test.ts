/**
 * Invariants driven by fast-check (seeded, so every run checks the same cases):
 * - every extreme equilibrium is a mutual best response, checked exactly against every pure
 *   deviation, and the hybrid (double/BigInt) kernel agrees with the BigInt-only one;
 * - pure equilibria of n-player games equal those found by brute force;
 * - writing a game as .nfg (either version) or JSON and reading it back is the identity;
 * - the Nash bargaining solution is individually rational and Pareto-optimal.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Deal,
  nashBargainingFinite,
  nashBargainingHull,
} from "../../src/strategy/bargaining/nash-bargaining.js";
import { readJsonGame } from "../../src/strategy/formats/json-read.js";
import { normalToJson } from "../../src/strategy/formats/json-write.js";
import { readNfg } from "../../src/strategy/formats/nfg-read.js";
import { writeNfg } from "../../src/strategy/formats/nfg-write.js";
import { forEachProfile, type NormalFormGame, payoff } from "../../src/strategy/game.js";
import { extremeEquilibria } from "../../src/strategy/nash/extreme-equilibria.js";
import { Rational } from "../../src/strategy/rational.js";
import { isNashEquilibrium } from "../../src/strategy/solvers/best-response.js";
import { pureEquilibria } from "../../src/strategy/solvers/pure-equilibria.js";
import { solveZeroSum } from "../../src/strategy/solvers/zero-sum.js";
import { keysOfOurs } from "./helpers/lrsnash.js";

const SEED = 20260601;
const rational = fc
  .tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 4 }))
  .map(([n, d]) => Rational.of(n, d));
const label = fc.string({ maxLength: 6 }).filter((s) => !s.endsWith("\\"));

/** An n-player game with the given sizes, labels and payoffs drawn from `value`. */
function gameArb(sizes: fc.Arbitrary<number[]>, value: fc.Arbitrary<Rational>) {
  return sizes.chain((shape) => {
    const total = shape.reduce((a, b) => a * b, 1);
    return fc.record({
      title: label,
      comment: label,
      players: fc.array(label, { minLength: shape.length, maxLength: shape.length }),
      strategies: fc.tuple(...shape.map((s) => fc.array(label, { minLength: s, maxLength: s }))),
      payoffs: fc.array(fc.array(value, { minLength: total, maxLength: total }), {
        minLength: shape.length,
        maxLength: shape.length,
      }),
    }) as fc.Arbitrary<NormalFormGame>;
  });
}

const bimatrixArb = gameArb(
  fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })),
  fc.integer({ min: -2, max: 2 }).map((v) => Rational.of(v)),
);

describe("equilibria", () => {
  it("every extreme equilibrium is a mutual best response (no pure deviation gains)", () => {
    fc.assert(
      fc.property(bimatrixArb, (game) => {
        const { equilibria } = extremeEquilibria(game);
        expect(equilibria.length).toBeGreaterThan(0);
        for (const e of equilibria) {
          expect(isNashEquilibrium(game, e.strategies)).toBe(true);
          for (const s of e.strategies)
            expect(s.reduce((a, b) => a.add(b), Rational.ZERO).eq(Rational.ONE)).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it("the hybrid kernel and the BigInt-only kernel find the same equilibria", () => {
    fc.assert(
      fc.property(
        gameArb(
          fc.tuple(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 2, max: 6 })),
          fc.integer({ min: -1_000_000, max: 1_000_000 }).map((v) => Rational.of(v)),
        ),
        (game) => {
          expect(keysOfOurs(extremeEquilibria(game).equilibria)).toEqual(
            keysOfOurs(extremeEquilibria(game, { arithmetic: "bigint" }).equilibria),
          );
        },
      ),
      { seed: SEED, numRuns: 60 },
    );
  });

  it("pure equilibria of n-player games match brute force", () => {
    const nPlayer = gameArb(
      fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }),
      fc.integer({ min: 0, max: 2 }).map((v) => Rational.of(v)),
    );
    fc.assert(
      fc.property(nPlayer, (game) => {
        const sizes = game.strategies.map((s) => s.length);
        const brute: string[] = [];
        forEachProfile(sizes, (profile) => {
          const stable = game.players.every((_, p) => {
            const mine = payoff(game, p, profile);
            for (let s = 0; s < (sizes[p] as number); s++) {
              const deviation = profile.map((x, i) => (i === p ? s : x));
              if (payoff(game, p, deviation).gt(mine)) return false;
            }
            return true;
          });
          if (stable) brute.push(profile.join(","));
        });
        expect(pureEquilibria(game).map((e) => e.profile.join(","))).toEqual(brute);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe("zero-sum games", () => {
  it("the row strategy guarantees the value and the column strategy holds the row player to it", () => {
    const matrixArb = fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
      .chain(([m, n]) =>
        fc.array(fc.array(rational, { minLength: n, maxLength: n }), {
          minLength: m,
          maxLength: m,
        }),
      );
    fc.assert(
      fc.property(matrixArb, (M) => {
        const { value, row, col } = solveZeroSum(M);
        const sum = (xs: Rational[]) => xs.reduce((a, b) => a.add(b), Rational.ZERO);
        expect(sum(row).eq(Rational.ONE) && sum(col).eq(Rational.ONE)).toBe(true);
        expect([...row, ...col].every((p) => p.sign() >= 0)).toBe(true);
        // min over columns of xᵀM e_j = value = max over rows of e_iᵀ M y (minimax theorem).
        const against = M[0]!.map((_, j) => sum(M.map((r, i) => row[i]!.mul(r[j]!))));
        const rowsVs = M.map((r) => sum(r.map((v, j) => v.mul(col[j]!))));
        expect(against.reduce((a, b) => (b.lt(a) ? b : a)).eq(value)).toBe(true);
        expect(rowsVs.reduce((a, b) => (b.gt(a) ? b : a)).eq(value)).toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe("formats", () => {
  const anyGame = gameArb(
    fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
    rational,
  );

  it(".nfg write → read is the identity (payoff and outcome versions)", () => {
    fc.assert(
      fc.property(
        anyGame,
        fc.constantFrom("payoff" as const, "outcome" as const),
        (game, version) => {
          const back = readNfg(writeNfg(game, { version }), "g.nfg");
          expect(back.issues).toEqual([]);
          expect(JSON.stringify(back.game)).toBe(JSON.stringify(game));
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it("JSON write → read is the identity", () => {
    fc.assert(
      fc.property(anyGame, (game) => {
        const back = readJsonGame(JSON.stringify(normalToJson(game)), "g.json");
        expect(back.issues).toEqual([]);
        expect(JSON.stringify(back.game?.game)).toBe(JSON.stringify(game));
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});

describe("Nash bargaining", () => {
  const point = fc.tuple(rational, rational);
  const deals = fc
    .array(point, { minLength: 1, maxLength: 7 })
    .map((ps) => ps.map((payoffs, i): Deal => ({ label: `d${i}`, payoffs })));
  const dominates = (a: [Rational, Rational], b: [Rational, Rational]) =>
    a[0].ge(b[0]) && a[1].ge(b[1]) && (a[0].gt(b[0]) || a[1].gt(b[1]));

  it("over a finite set: individually rational and not dominated by any deal", () => {
    fc.assert(
      fc.property(deals, point, (ds, d) => {
        const r = nashBargainingFinite(ds, d);
        if (!r.agreement) {
          expect(ds.every((x) => x.payoffs[0].le(d[0]) || x.payoffs[1].le(d[1]))).toBe(true);
          return;
        }
        expect(r.point[0].gt(d[0]) && r.point[1].gt(d[1])).toBe(true);
        for (const x of ds) expect(dominates(x.payoffs, r.point)).toBe(false);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("over the convex hull: individually rational, undominated, and at least as good as every deal", () => {
    fc.assert(
      fc.property(deals, point, (ds, d) => {
        const r = nashBargainingHull(ds, d);
        const finite = nashBargainingFinite(ds, d);
        if (!r.agreement) {
          expect(finite.agreement).toBe(false);
          return;
        }
        expect(r.point[0].gt(d[0]) && r.point[1].gt(d[1])).toBe(true);
        if (finite.agreement) expect(r.product.ge(finite.product)).toBe(true);
        // No deal, and no midpoint of two deals, dominates the solution.
        for (const x of ds) {
          expect(dominates(x.payoffs, r.point)).toBe(false);
          for (const y of ds) {
            const mid: [Rational, Rational] = [
              x.payoffs[0].add(y.payoffs[0]).div(Rational.of(2)),
              x.payoffs[1].add(y.payoffs[1]).div(Rational.of(2)),
            ];
            expect(dominates(mid, r.point)).toBe(false);
          }
        }
        const weights = r.mix.reduce((a, m) => a.add(m.weight), Rational.ZERO);
        expect(weights.eq(Rational.ONE)).toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
