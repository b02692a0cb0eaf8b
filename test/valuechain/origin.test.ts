/**
 * Value added by origin: a hand-computed three-country, two-good case to 1e-12, and the
 * accounting identities on random worlds (fast-check): what a value embodies adds up to the
 * value; world value added (with the unlisted inputs) equals world final demand; the sparse
 * decomposition agrees with the dense Leontief inverse of the network's input–output table.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { identityMinus, invert } from "../../src/analysis/io/dense.js";
import { compileWorld } from "../../src/network/compile-world.js";
import {
  byActorAndGood,
  embodied,
  finalDemandValue,
  outputValue,
  total,
} from "../../src/valuechain/origin.js";
import { structureOf, valueCoefficients } from "../../src/valuechain/structure.js";
import { consistentWorld, handNetwork } from "./networks.js";

const close = (a: number, b: number, tol = 1e-12) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));

describe("value added by origin, by hand (three countries, two goods)", () => {
  const s = structureOf(handNetwork());
  const vc = valueCoefficients(s);

  it("has the value coefficients of the recipes and the pools' shares", () => {
    // Own shares: chips 0.6, cars 0.4; unlisted inputs: chips 0.4, cars 1 − 0.4 − 0.2 = 0.4.
    expect([...vc.own]).toEqual([0.6, 0.6, 0.4, 0.4]);
    [0.4, 0.4, 0.4, 0.4].forEach((x, k) => close(vc.untraced[k]!, x));
    // B's cars: 2 chips of $1 per $10, half from A and half from B; C's: 60% A, 40% B.
    const a = new Map<string, number>();
    for (let k = 0; k < 4; k++)
      for (let p = vc.a.rowStart[k]!; p < vc.a.rowStart[k + 1]!; p++)
        a.set(`${k},${vc.a.col[p]}`, vc.a.val[p]!);
    close(a.get("0,2")!, 0.1);
    close(a.get("1,2")!, 0.1);
    close(a.get("0,3")!, 0.12);
    close(a.get("1,3")!, 0.08);
    expect(a.size).toBe(4);
  });

  it("decomposes A's final demand as computed by hand", () => {
    const f = finalDemandValue(s, new Set([0]));
    // A buys 4 of B's cars, 2 of C's, 5 of its own chips a month: USD 480, 240, 60 a year.
    [60, 0, 480, 240].forEach((x, k) => close(f[k]!, x));
    const e = embodied(vc, f);
    const { byActor, byGood } = byActorAndGood(s, e.valueAdded);
    // A: 480 × 0.06 + 240 × 0.072 + 60 × 0.6; B: 480 × 0.46 + 240 × 0.048; C: 240 × 0.4.
    close(byActor[0]!, 82.08);
    close(byActor[1]!, 232.32);
    close(byActor[2]!, 96);
    close(total(e.untraced), 369.6);
    // By good of origin: chips 480 × 0.12 + 240 × 0.12 + 36, cars 480 × 0.4 + 240 × 0.4.
    close(byGood[0]!, 122.4);
    close(byGood[1]!, 288);
    close(total(e.valueAdded) + total(e.untraced), 780);
  });

  it("decomposes the output of cars by origin", () => {
    const f = outputValue(s, (k) => s.net.nodeGood[k] === 1);
    // 10 cars of B and 5 of C a month at $10: 1200 and 600 a year.
    const e = embodied(vc, f);
    const { byActor } = byActorAndGood(s, e.valueAdded);
    close(byActor[0]!, 1200 * 0.06 + 600 * 0.072);
    close(byActor[1]!, 1200 * 0.46 + 600 * 0.048);
    close(byActor[2]!, 600 * 0.4);
    close(total(e.valueAdded) + total(e.untraced), 1800);
  });

  it("buys the unlisted inputs from a proxy node when one is named", () => {
    // Cars' unlisted inputs bought from their maker's chips (B) or from A's chips (C).
    const proxied = valueCoefficients(s, Int32Array.from([-1, -1, 1, 0]));
    close(proxied.untraced[2]!, 0);
    const e = embodied(proxied, finalDemandValue(s, new Set([0])));
    const { byActor } = byActorAndGood(s, e.valueAdded);
    // B's car: B 0.46 + 0.4 × 0.6; A 0.06. C's car: C 0.4; A 0.072 + 0.4 × 0.6; B 0.048.
    close(byActor[1]!, 480 * (0.46 + 0.24) + 240 * 0.048);
    close(byActor[0]!, 480 * 0.06 + 240 * (0.072 + 0.24) + 36);
    close(total(e.valueAdded) + total(e.untraced), 780);
  });
});

describe("value added by origin on random worlds", () => {
  const worlds = fc.integer({ min: 1, max: 1_000_000 });

  it("adds up: by origin to the value, and world value added to world final demand", () => {
    fc.assert(
      fc.property(worlds, (seed) => {
        const net = compileWorld(consistentWorld(seed));
        const s = structureOf(net);
        const vc = valueCoefficients(s);
        expect(vc.excess.every((x) => x === 0)).toBe(true);
        // Every column of A, own and unlisted adds up to 1.
        const col = Float64Array.from(vc.own, (o, j) => o + vc.untraced[j]!);
        for (let k = 0; k < net.nodeCount; k++)
          for (let p = vc.a.rowStart[k]!; p < vc.a.rowStart[k + 1]!; p++)
            col[vc.a.col[p]!] += vc.a.val[p]!;
        for (const c of col) close(c, 1, 1e-12);
        const world = finalDemandValue(s);
        const e = embodied(vc, world);
        close(total(e.valueAdded) + total(e.untraced), total(world), 1e-10);
        // By every actor's final demand, and every good's output.
        for (let a = 0; a < net.actors.length; a++) {
          const f = finalDemandValue(s, new Set([a]));
          const x = embodied(vc, f);
          close(total(x.valueAdded) + total(x.untraced), total(f), 1e-10);
        }
        for (let g = 0; g < net.goods.length; g++) {
          const f = outputValue(s, (k) => net.nodeGood[k] === g);
          const x = embodied(vc, f);
          close(total(x.valueAdded) + total(x.untraced), total(f), 1e-10);
        }
        // World value added produced (own + unlisted at baseline output) = world final demand.
        let produced = 0;
        for (let k = 0; k < net.nodeCount; k++)
          produced +=
            (vc.own[k]! + vc.untraced[k]!) * 12 * s.output[k]! * net.goodPrice[net.nodeGood[k]!]!;
        close(produced, total(world), 1e-8);
      }),
      { numRuns: 40 },
    );
  });

  it("agrees with the dense Leontief inverse, ω̂ (I − A)⁻¹ f", () => {
    fc.assert(
      fc.property(worlds, (seed) => {
        const net = compileWorld(consistentWorld(seed));
        const s = structureOf(net);
        const vc = valueCoefficients(s);
        const n = net.nodeCount;
        const dense = new Float64Array(n * n);
        for (let k = 0; k < n; k++)
          for (let p = vc.a.rowStart[k]!; p < vc.a.rowStart[k + 1]!; p++)
            dense[k * n + vc.a.col[p]!] += vc.a.val[p]!;
        const L = invert(identityMinus(dense, n), n);
        const f = finalDemandValue(s, new Set([0]));
        const e = embodied(vc, f);
        for (let i = 0; i < n; i++) {
          let x = 0;
          for (let j = 0; j < n; j++) x += L[i * n + j]! * f[j]!;
          close(e.valueAdded[i]!, vc.own[i]! * x, 1e-10);
        }
      }),
      { numRuns: 25 },
    );
  });
});
