/**
 * Automation paths on random worlds (fast-check): with no automation and no policy every year's
 * shares are the base year's exactly; a faster automation rate never raises the maker's own
 * share of its output's value; the year's outputs solve the year's input–output system; the
 * year's network runs at its baseline without measures.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileWorld } from "../../src/network/compile-world.js";
import { simulate } from "../../src/simulate/run.js";
import {
  type AutomationPlan,
  withAiInputs,
  yearStructure,
} from "../../src/valuechain/automation.js";
import { makerShare, yearCapture } from "../../src/valuechain/capture.js";
import { structureOf, valueCoefficients } from "../../src/valuechain/structure.js";
import { yearNetwork } from "../../src/valuechain/year-network.js";
import { consistentWorld } from "./networks.js";

/** A random world with its last good automated, buying the first good as its AI input. */
function setup(seed: number) {
  const w = consistentWorld(seed);
  const g = w.goods.length - 1;
  const input = 0;
  const world = withAiInputs(w, new Set([w.goods[g]!.id]), [w.goods[input]!.id]);
  const net = compileWorld(world);
  const base = structureOf(net);
  const plan = (rate: number, policies: AutomationPlan["policies"] = []): AutomationPlan => {
    const r = new Float64Array(net.goods.length);
    r[g] = rate;
    return {
      baseYear: 2025,
      rate: r,
      inputs: [{ good: input, share: 1, criticality: 0.5 }],
      policies,
    };
  };
  return { world, net, base, plan, g, input };
}

const seeds = fc.integer({ min: 1, max: 1_000_000 });
const followedOf = (g: number) => ({
  actors: new Set([0]),
  goods: new Set([g]),
  aiInputs: new Set([0]),
});

describe("automation paths", () => {
  it("with zero automation and no policy leave every share at baseline exactly", () => {
    fc.assert(
      fc.property(seeds, fc.integer({ min: 2026, max: 2040 }), (seed, year) => {
        const { world, net, base, plan, g } = setup(seed);
        fc.pre(world.goods.length >= 2);
        const s = yearStructure(base, plan(0), year);
        expect(s).toBe(base);
        const vc = valueCoefficients(base);
        const f = followedOf(g);
        const at = yearCapture(s, valueCoefficients(s), f, year);
        const at0 = yearCapture(base, vc, f, 2025);
        expect({ ...at, year: 0 }).toEqual({ ...at0, year: 0 });
        expect(yearNetwork(base, s)).toBe(net);
      }),
      { numRuns: 30 },
    );
  });

  it("never raise the maker's own share with a faster rate", () => {
    fc.assert(
      fc.property(
        seeds,
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.integer({ min: 2026, max: 2045 }),
        (seed, r1, r2, year) => {
          const { world, net, base, plan, g } = setup(seed);
          fc.pre(world.goods.length >= 2);
          const [slow, fast] = r1 <= r2 ? [r1, r2] : [r2, r1];
          const s1 = yearStructure(base, plan(slow), year);
          const s2 = yearStructure(base, plan(fast), year);
          const v1 = valueCoefficients(s1);
          const v2 = valueCoefficients(s2);
          for (let a = 0; a < net.actors.length; a++) {
            const m1 = makerShare(s1, v1, a, g);
            const m2 = makerShare(s2, v2, a, g);
            expect(m2).toBeLessThanOrEqual(m1 + 1e-12);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("give outputs that solve the year's input–output system, and a network at its baseline", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const { world, net, base, plan } = setup(seed);
        fc.pre(world.goods.length >= 2);
        const s = yearStructure(base, plan(0.1), 2030);
        const yn = yearNetwork(base, s);
        // Node output = what its edges carry = its share of each pool's need at those outputs.
        for (let k = 0; k < net.nodeCount; k++) {
          const tol = 1e-9 * Math.max(1, s.output[k]!);
          expect(Math.abs(yn.nodeBase[k]! - s.output[k]!)).toBeLessThanOrEqual(tol);
        }
        const trace = simulate(yn, { caps: [], guarantees: [], capacity: [], stocks: [] }, 6);
        for (let t = 0; t < 6; t++)
          for (let k = 0; k < yn.nodeCount; k++) {
            const y = trace.output[t * yn.nodeCount + k]!;
            expect(Math.abs(y - yn.nodeBase[k]!)).toBeLessThanOrEqual(
              1e-9 * Math.max(1, yn.nodeBase[k]!),
            );
          }
      }),
      { numRuns: 15 },
    );
  });

  it("raise the buyers' share from the policy's suppliers, linearly to its year", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const { world, net, base, plan, input } = setup(seed);
        fc.pre(world.goods.length >= 2);
        const policy = {
          id: "p",
          good: input,
          buyers: new Set([0]),
          from: new Set([0]),
          share: 0.9,
          start: 2025,
          by: 2035,
        };
        const shareIn = (s: ReturnType<typeof structureOf>) => {
          let own = 0;
          for (let q = 0; q < net.poolCount; q++) {
            if (net.poolGood[q] !== input || net.poolActor[q] !== 0) continue;
            for (let i = net.poolEdgeStart[q]!; i < net.poolEdgeStart[q + 1]!; i++) {
              const e = net.poolEdges[i]!;
              if (net.nodeActor[net.edgeNode[e]!] === 0) own += s.supply[e]!;
            }
          }
          return own;
        };
        const makes = [...Array(net.nodeCount).keys()].some(
          (k) => net.nodeActor[k] === 0 && net.nodeGood[k] === input && net.nodeBase[k]! > 0,
        );
        fc.pre(makes);
        const s0 = shareIn(base);
        const mid = shareIn(yearStructure(base, plan(0, [policy]), 2030));
        const end = shareIn(yearStructure(base, plan(0, [policy]), 2035));
        const want = Math.max(s0, 0.9);
        expect(Math.abs(end - want)).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(mid - (s0 + (want - s0) / 2))).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 30 },
    );
  });
});
