/**
 * realise (src/run/realise.ts): central values compile to the world's own network bit for bit;
 * draws are reproducible from the seed, stay in each distribution's support, match its mean
 * over many draws (textbook means), keep each good's supplier shares at their central sum and
 * each good's intermediate use at its central share of output; drawn by quantile (what Sobol
 * points need), figure i takes uniform i and nothing else.
 */
import { describe, expect, it } from "vitest";
import { fileReader } from "../../src/io/world-files.js";
import { compileWorld } from "../../src/network/compile-world.js";
import { mulberry32 } from "../../src/random/mulberry32.js";
import { normalCdf, normalQuantile } from "../../src/random/quantiles.js";
import { SOBOL_DIMENSIONS } from "../../src/random/sobol-sequence.js";
import { drawDimensions, quantileOf, realise } from "../../src/run/realise.js";
import { baselineOf } from "../../src/world/baseline.js";
import { loadWorld } from "../../src/world/load.js";
import { central, type Quantity } from "../../src/world/quantity.js";
import { type Figure, figure } from "../../src/world/realised.js";
import type { World } from "../../src/world/schema.js";
import { loadFixture } from "../helpers/world.js";

const loaded = loadWorld(fileReader()).world;
if (!loaded) throw new Error("the default world does not load");
const world = loaded.world;

/** Every figure of a world with its path, in document order (a figure: a number or an object
 * with `value` or `dist`). */
function figures(x: unknown, path = ""): [string, unknown][] {
  if (Array.isArray(x)) return x.flatMap((v, i) => figures(v, `${path}[${i}]`));
  if (typeof x === "object" && x !== null) {
    if ("dist" in x || "value" in x) return [[path, x]];
    return Object.entries(x).flatMap(([k, v]) => figures(v, `${path}.${k}`));
  }
  return typeof x === "number" ? [[path, x]] : [];
}

describe("realise", () => {
  it("without a generator gives every figure its central value and no distribution", () => {
    const real = realise(world);
    const a = figures(world);
    const b = figures(real);
    expect(b.map(([p]) => p)).toEqual(a.map(([p]) => p));
    expect(a.some(([, q]) => typeof q === "object" && q !== null && "dist" in q)).toBe(true);
    b.forEach(([path, f], i) => {
      expect(typeof f === "object" && f !== null && "dist" in f, path).toBe(false);
      expect(figure(f as Figure), path).toBe(central(a[i]![1] as Quantity));
    });
    // A realised world realises to itself, and its network is the same bit for bit.
    const again = compileWorld(realise(real));
    const net = compileWorld(real);
    for (const key of ["edgeBase", "linkCoef", "linkCrit", "nodeCapacity", "poolFinal"] as const)
      expect(Buffer.from(again[key].buffer).equals(Buffer.from(net[key].buffer)), key).toBe(true);
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

  it("keeps each good's intermediate use at its central share of output: drawn baselines balance", () => {
    // The reference is the baseline's own accounting (world/baseline.ts), not realise's,
    // without the standing controls (which move use the controls forbid out of the recipes).
    const shares = (b: ReturnType<typeof baselineOf>) =>
      new Map(
        b.goods.map((g) => {
          const out = g.output.reduce((a, x) => a + x, 0);
          const fin = g.finalUse.reduce((a, x) => a + x, 0);
          const use = g.use.reduce((a, x) => a + x, 0);
          return [g.good, { intermediate: out > 0 ? (use - fin) / out : 0, use, out }];
        }),
      );
    const want = shares(baselineOf(realise(world), { controls: false }));
    for (const seed of [1, 2, 3, 4, 5]) {
      const got = shares(baselineOf(realise(world, mulberry32(seed)), { controls: false }));
      for (const [good, w] of want) {
        const g = got.get(good)!;
        expect(g.intermediate, `${good}, seed ${seed}`).toBeCloseTo(w.intermediate, 9);
        expect(g.use, `${good}, seed ${seed}`).toBeLessThanOrEqual(g.out * (1 + 1e-9));
      }
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

describe("realise by quantile", () => {
  const uncertain = loadFixture("worlds/tiny-uncertain.yaml").world!.world;

  it("takes one uniform a figure, one more a correlation group: drawDimensions of them", () => {
    const count = (w: World) => {
      let n = 0;
      realise(w, () => (n++ % 100) / 100 + 0.005, { byQuantile: true });
      return n;
    };
    // tiny-uncertain: six figures given as distributions, one correlation group.
    expect(drawDimensions(uncertain)).toBe(7);
    expect(count(uncertain)).toBe(7);
    // The default world: about a thousand triangular figures, no group, within the Sobol
    // table's 2,048.
    const n = drawDimensions(world);
    expect(n).toBeGreaterThan(500);
    expect(n).toBeLessThanOrEqual(SOBOL_DIMENSIONS);
    expect(count(world)).toBe(n);
  });

  it("gives figure i the quantile of its distribution at uniform i, in the world's order", () => {
    // Uniform i is (i + 1) / 10: the figures in document order, the group's common factor
    // before its first figure.
    let i = 0;
    const real = realise(uncertain, () => ++i / 10, { byQuantile: true });
    const q = (id: string) => uncertain.goods.find((g) => g.id === id)!;
    const r = (id: string) => real.goods.find((g) => g.id === id)!;
    expect(central(r("tool").globalOutput)).toBeCloseTo(
      quantileOf(q("tool").globalOutput, 0.1),
      12,
    );
    expect(central(r("tool").stockMonths)).toBeCloseTo(
      Math.exp(1.8 + 0.2 * normalQuantile(0.2)),
      12,
    );
    const zg = normalQuantile(0.4);
    const rank = (u: number) => normalCdf(Math.sqrt(0.6) * zg + Math.sqrt(0.4) * normalQuantile(u));
    expect(central(r("chip").stockMonths)).toBeCloseTo(0.5 + rank(0.5), 12);
    expect(central(r("car").stockMonths)).toBeCloseTo(
      quantileOf(q("car").stockMonths, rank(0.6)),
      12,
    );
    expect(i).toBe(7);
  });
});
