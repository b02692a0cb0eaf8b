/**
 * The differential suite: our exact enumeration against lrsnash (lrslib 7.1) on 360 seeded
 * random bimatrix games from 2×2 to 8×8, with small integer payoff ranges (many degenerate
 * games) and deliberately repeated payoffs. The unit of comparison is the set of extreme
 * equilibrium pairs (x, y) with both payoffs, compared as exact rational strings.
 */
import { afterAll, describe, expect, it } from "vitest";
import { extremeEquilibria } from "../../src/strategy/nash/extreme-equilibria.js";
import { Rational } from "../../src/strategy/rational.js";
import { requireTool, skipReason } from "../helpers/tools.js";
import { keysOfLrsnash, keysOfOurs, LrsnashRunner } from "./helpers/lrsnash.js";
import { randomBimatrix, randomInt, seededRng } from "./helpers/random-games.js";

const lrsnash = requireTool("lrsnash", "lrslib", ["/usr/bin/lrsnash"]);

/** [seed, games, payoff range, probability of repeating an earlier payoff] */
const BATCHES: [number, number, [number, number], number][] = [
  [101, 90, [0, 1], 0],
  [202, 90, [-2, 2], 0.3],
  [303, 90, [0, 4], 0.5],
  [404, 90, [-9, 9], 0],
];

describe.skipIf(!lrsnash)(
  lrsnash ? "extreme equilibria agree with lrsnash" : skipReason("lrsnash", "lrslib"),
  () => {
    const runner = new LrsnashRunner(lrsnash ?? "lrsnash");
    afterAll(() => runner.dispose());

    for (const [seed, count, [lo, hi], repeat] of BATCHES) {
      it(`seed ${seed}: ${count} games, payoffs in [${lo}, ${hi}], repeat ${repeat}`, () => {
        const rng = seededRng(seed);
        let degenerate = 0;
        for (let t = 0; t < count; t++) {
          const rows = randomInt(rng, 2, 8);
          const cols = randomInt(rng, 2, 8);
          const game = randomBimatrix(rng, { rows, cols, lo, hi, repeat });
          const ref = runner.equilibria(game);
          const ours = extremeEquilibria(game).equilibria;
          expect(keysOfOurs(ours), `game ${t} of seed ${seed} (${rows}×${cols})`).toEqual(
            keysOfLrsnash(ref),
          );
          // Several y vertices for one x (or x for one y): degeneracy in lrsnash's output.
          const xs = new Set(ref.map((e) => e.x.join(" "))).size;
          const ys = new Set(ref.map((e) => e.y.join(" "))).size;
          if (xs < ref.length || ys < ref.length) degenerate++;
        }
        // The small ranges are chosen to make degenerate games common; check that they are.
        if (hi - lo <= 4) expect(degenerate).toBeGreaterThan(count / 10);
      });
    }

    it("covers at least 300 games", () => {
      expect(BATCHES.reduce((n, b) => n + b[1], 0)).toBeGreaterThanOrEqual(300);
    });

    it("agrees on a few larger games with a wide payoff range (BigInt paths)", () => {
      const rng = seededRng(505);
      for (let t = 0; t < 4; t++) {
        const game = randomBimatrix(rng, { rows: 9, cols: 9, lo: -1000, hi: 1000 });
        const ours = extremeEquilibria(game);
        expect(ours.diagnostics.bigintRays[0] + ours.diagnostics.bigintRays[1]).toBeGreaterThan(0);
        expect(keysOfOurs(ours.equilibria)).toEqual(keysOfLrsnash(runner.equilibria(game)));
      }
    });

    it("agrees on rational payoffs", () => {
      const rng = seededRng(606);
      for (let t = 0; t < 20; t++) {
        const base = randomBimatrix(rng, { rows: 3, cols: 4, lo: -6, hi: 6 });
        const game = {
          ...base,
          payoffs: base.payoffs.map((t, p) =>
            t.map((v, k) => v.div(Rational.of(((k + p) % 3) + 1))),
          ),
        };
        expect(keysOfOurs(extremeEquilibria(game).equilibria)).toEqual(
          keysOfLrsnash(runner.equilibria(game)),
        );
      }
    });
  },
);
