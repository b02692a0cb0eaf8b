/**
 * realise (src/run/realise.ts): central values compile to the world's own network bit for bit;
 * draws are reproducible from the seed, stay in each distribution's support, match its mean
 * over many draws (textbook means), and keep each good's supplier shares at their central sum.
 */
import { describe, expect, it } from "vitest";
import { compileWorld } from "../../src/network/compile-world.js";
import { mulberry32 } from "../../src/random/mulberry32.js";
import { realise } from "../../src/run/realise.js";
import { central } from "../../src/world/quantity.js";
import type { World } from "../../src/world/schema.js";
import { defaultContext } from "../analysis/world.js";
import { loadFixture } from "../helpers/world.js";

const world = defaultContext().world;

describe("realise", () => {
  it("gives central values that compile to the world's own network, bit for bit", () => {
    const a = compileWorld(world);
    const b = compileWorld(realise(world));
    for (const key of ["edgeBase", "linkCoef", "linkCrit", "nodeCapacity", "poolFinal"] as const)
      expect(Buffer.from(b[key].buffer).equals(Buffer.from(a[key].buffer)), key).toBe(true);
  });

  it("draws the same world from the same seed, and another from another", () => {
    const x = JSON.stringify(realise(world, mulberry32(7)));
    expect(JSON.stringify(realise(world, mulberry32(7)))).toBe(x);
    expect(JSON.stringify(realise(world, mulberry32(8)))).not.toBe(x);
  });

  it("keeps each draw in its support and each good's supplier shares at their central sum", () => {
    const drawn = realise(world, mulberry32(11));
    world.goods.forEach((g, i) => {
      const q = g.valueAddedPerUnit;
      const v = central(drawn.goods[i]!.valueAddedPerUnit);
      if (typeof q === "object" && "dist" in q && q.dist !== "lognormal") {
        expect(v).toBeGreaterThanOrEqual(q.low);
        expect(v).toBeLessThanOrEqual(q.high);
      }
    });
    for (const good of new Set(world.suppliers.map((s) => s.good))) {
      const sum = (w: World) =>
        w.suppliers
          .filter((s) => s.good === good && s.share !== undefined)
          .reduce((t, s) => t + central(s.share!), 0);
      expect(sum(drawn)).toBeCloseTo(sum(world), 12);
    }
  });

  it("matches each distribution's mean over many draws", () => {
    const fixture = loadFixture("worlds/three-node.yaml").world!.world;
    const cases = [
      [{ dist: "uniform", low: 2, high: 6 }, 4],
      [{ dist: "triangular", low: 0, mode: 1, high: 5 }, 2],
      [{ dist: "pert", low: 0, mode: 1, high: 5 }, (0 + 4 * 1 + 5) / 6],
      [{ dist: "lognormal", mu: 0.5, sigma: 0.4 }, Math.exp(0.5 + 0.08)],
    ] as const;
    const r = mulberry32(2026);
    for (const [q, mean] of cases) {
      const w = { ...fixture, goods: [{ ...fixture.goods[0]!, valueAddedPerUnit: q }] } as World;
      let s = 0;
      const n = 4000;
      for (let k = 0; k < n; k++) s += central(realise(w, r).goods[0]!.valueAddedPerUnit);
      expect(Math.abs(s / n - mean), q.dist).toBeLessThan(0.05 * mean);
    }
  });
});
