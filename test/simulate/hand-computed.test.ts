/**
 * A three-node chain computed by hand (docs/model.md, "The monthly step"):
 *
 * Month 1: AA still makes its planned 0.125 tools but may not ship them (cap 0), so they stay
 * in its inventory and it plans nothing more. BB holds 2 months of tools (0.25) and needs 0.125
 * a month: it draws its stock to 0.125 in month 2 and 0 in month 3, all at full output; in
 * month 4 it has no tools, φ = 0 and output = 1 − 1·(1 − 0) = 0. CC gets month 3's chips in
 * month 4 (full output) and nothing from month 5: output = 1 − 0.5·(1 − 0) = 0.5.
 * Value added lost: AA 0.125 × 8 a month from month 2; BB 1 × 1 a month from month 4;
 * CC 0.5 × 4 a month from month 5.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { realiseScenario } from "../../src/run/realise.js";
import { runScenario } from "../../src/run/scenario-run.js";
import { loadScenario } from "../../src/scenario/load.js";
import { FIXTURES, loadFixture } from "../helpers/world.js";

const EXPECTED = {
  "AA:tool": [0.125, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  "BB:chip": [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  "CC:van": [1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
};

describe("a hand-computed three-node run", () => {
  const world = loadFixture("worlds/three-node.yaml").world!;
  const file = join(FIXTURES, "scenarios/three-node-cut.yaml");
  const { loaded } = loadScenario(readFileSync(file, "utf8"), file, world);
  const run = runScenario(realiseScenario(loaded!));
  const N = run.net.nodeCount;

  it("matches the hand computation to 1e-12 in every month", () => {
    for (const [id, series] of Object.entries(EXPECTED)) {
      const k = run.net.nodeId.indexOf(id);
      expect(k).toBeGreaterThanOrEqual(0);
      series.forEach((y, t) =>
        expect(Math.abs(run.trace.output[t * N + k]! - y)).toBeLessThanOrEqual(1e-12),
      );
    }
  });

  it("draws BB's tool stock down 0.25 → 0.125 → 0", () => {
    const q = run.net.poolGood.findIndex(
      (g, i) => run.net.goods[g] === "tool" && run.net.actors[run.net.poolActor[i]!] === "BB",
    );
    const Q = run.net.poolCount;
    const stock = [0, 1, 2, 3].map((t) => run.trace.stock[t * Q + q]!);
    [0.25, 0.125, 0, 0].forEach((x, t) =>
      expect(Math.abs(stock[t]! - x)).toBeLessThanOrEqual(1e-12),
    );
  });

  it("totals value added lost as computed by hand", () => {
    const lost = Object.fromEntries(run.result.actors.map((a) => [a.id, a.valueAddedLost]));
    expect(Math.abs(lost.AA! - 11 * 0.125 * 8)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(lost.BB! - 9 * 1)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(lost.CC! - 8 * 0.5 * 4)).toBeLessThanOrEqual(1e-12);
  });
});
