/**
 * Several caps on one edge combine as the tightest allowance (docs/model.md, step 5): the edge
 * may carry the least over its caps of L + λ·max(0, d − L), whatever their order. Checked by
 * hand on the first month (where what is asked of every edge is its baseline flow) and, on
 * random networks, by permuting a set of caps (identical traces, bit for bit) and by adding a
 * cap to a set in the middle of a run (no edge's allowance rises).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileWorld } from "../../src/network/compile-world.js";
import type { Network } from "../../src/network/network.js";
import { realise } from "../../src/run/realise.js";
import { boundaries, type Controls, type EdgeCap } from "../../src/simulate/controls.js";
import { simulate } from "../../src/simulate/run.js";
import { initialState } from "../../src/simulate/state.js";
import { step } from "../../src/simulate/step.js";
import { mulberry32, randomWorld } from "../helpers/random-world.js";

const MONTHS = 18;

const withCaps = (caps: EdgeCap[]): Controls => ({
  caps,
  guarantees: [],
  capacity: [],
  stocks: [],
});

function fraction(edges: number[], value: number, leakage: number): EdgeCap {
  const e = Int32Array.from(edges);
  return { start: 1, end: MONTHS, edges: e, kind: "fraction", value, leakage, label: "f" };
}

/** The allowance of every edge after the first month under `caps`. */
function firstMonth(net: Network, caps: EdgeCap[]): Float64Array {
  const s = initialState(net);
  const c = withCaps(caps);
  step(net, c, s, boundaries(c));
  return s.allowed;
}

/** A random world's network and an edge that carries flow between two different actors. */
function tradedEdge(seed: number): { net: Network; e: number } {
  const net = compileWorld(realise(randomWorld(seed)));
  for (let e = 0; e < net.edgePool.length; e++)
    if (net.edgeBase[e]! > 0 && net.edgeHome[e] === 0) return { net, e };
  throw new Error(`random world ${seed} has no traded edge`);
}

describe("caps on the same edge", () => {
  const { net, e } = tradedEdge(12345);
  const v0 = net.edgeBase[e]!;

  it("a leaky full ban does not loosen a 0.2 cap, in either order", () => {
    // Asked v0: the ban allows 0 + 0.3·v0, the 0.2 cap 0.2·v0; the tighter is 0.2·v0.
    const ban = fraction([e], 0, 0.3);
    const cap = fraction([e], 0.2, 0);
    expect(firstMonth(net, [ban, cap])[e]).toBe(0.2 * v0);
    expect(firstMonth(net, [cap, ban])[e]).toBe(0.2 * v0);
  });

  it("two caps with the same limit and different leakage give the lower allowance, in either order", () => {
    // Limit 0.5·v0 for both; leakage 0.4 lets 0.5·v0 + 0.4·0.5·v0 = 0.7·v0 through, 0 lets none.
    const leaky = fraction([e], 0.5, 0.4);
    const tight = fraction([e], 0.5, 0);
    expect(firstMonth(net, [leaky, tight])[e]).toBe(0.5 * v0);
    expect(firstMonth(net, [tight, leaky])[e]).toBe(0.5 * v0);
    expect(firstMonth(net, [leaky])[e]).toBeCloseTo(0.7 * v0, 14);
  });

  it("a quantity budget and a fraction cap: the least of the two allowances", () => {
    // A budget of 0.25·v0 a month on this edge alone (leakage 0.2): 0.25·v0 + 0.2·0.75·v0 =
    // 0.4·v0; a 0.3 cap with leakage 0.5: 0.3·v0 + 0.5·0.7·v0 = 0.65·v0. Least: 0.4·v0.
    const budget: EdgeCap = { ...fraction([e], 0.25 * v0, 0.2), kind: "budget" };
    const cap = fraction([e], 0.3, 0.5);
    const a = firstMonth(net, [cap, budget])[e]!;
    expect(a).toBeCloseTo(0.4 * v0, 14);
    expect(firstMonth(net, [budget, cap])[e]).toBe(a);
  });
});

const capSpec = fc.record({
  kind: fc.constantFrom("fraction" as const, "budget" as const),
  value: fc.double({ min: 0, max: 1.2, noNaN: true }),
  leakage: fc.double({ min: 0, max: 1, noNaN: true }),
  pick: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  start: fc.integer({ min: 1, max: 6 }),
  length: fc.integer({ min: 0, max: MONTHS }),
});
type CapSpec = typeof capSpec extends fc.Arbitrary<infer T> ? T : never;

/** A cap on a random subset of the traded edges (about 40% of them; budgets: `value` × their
 * baseline flow a month, shared). */
function makeCap(net: Network, c: CapSpec, i: number): EdgeCap {
  const r = mulberry32(c.pick);
  const edges: number[] = [];
  for (let e = 0; e < net.edgePool.length; e++)
    if (net.edgeHome[e] === 0 && r() < 0.4) edges.push(e);
  const base = edges.reduce((s, e) => s + net.edgeBase[e]!, 0);
  return {
    start: c.start,
    end: Math.min(MONTHS, c.start + c.length),
    edges: Int32Array.from(edges),
    kind: c.kind,
    value: c.kind === "fraction" ? c.value : c.value * base,
    leakage: c.leakage,
    label: `cap ${i}`,
  };
}

const same = (a: Float64Array, b: Float64Array) =>
  Buffer.from(a.buffer).equals(Buffer.from(b.buffer));

describe("stacked caps on random networks", () => {
  it("give identical traces, bit for bit, in any order", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.array(capSpec, { minLength: 2, maxLength: 5 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (seed, specs, shuffle) => {
          const net = compileWorld(realise(randomWorld(seed)));
          const caps = specs.map((c, i) => makeCap(net, c, i));
          const r = mulberry32(shuffle + 1);
          const order = caps.map((_, i) => i);
          for (let i = order.length - 1; i > 0; i--) {
            const j = Math.floor(r() * (i + 1));
            [order[i], order[j]] = [order[j]!, order[i]!];
          }
          const a = simulate(net, withCaps(caps), MONTHS);
          const b = simulate(net, withCaps(order.map((i) => caps[i]!)), MONTHS);
          return (
            same(a.output, b.output) &&
            same(a.stock, b.stock) &&
            same(a.used, b.used) &&
            same(a.capacity, b.capacity)
          );
        },
      ),
      { numRuns: 80 },
    );
  });

  it("never raise an edge's allowance when one more cap is added, at any month of a run", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.array(capSpec, { minLength: 0, maxLength: 3 }),
        capSpec,
        fc.integer({ min: 0, max: MONTHS - 1 }),
        (seed, specs, extra, month) => {
          const net = compileWorld(realise(randomWorld(seed)));
          const caps = specs.map((c, i) => makeCap(net, c, i));
          const more = [...caps, { ...makeCap(net, extra, caps.length), start: 1, end: MONTHS }];
          // Run `month` months under `caps`, then one more month from the same state with and
          // without the extra cap (the rules re-applied in that month either way).
          const s = initialState(net);
          const c = withCaps(caps);
          const changes = boundaries(c);
          for (let t = 0; t < month; t++) step(net, c, s, changes);
          const without = structuredClone(s);
          const withOne = structuredClone(s);
          const now = new Set([month + 1]);
          step(net, c, without, now);
          step(net, withCaps(more), withOne, now);
          for (let e = 0; e < net.edgePool.length; e++)
            if (withOne.allowed[e]! > without.allowed[e]!) return false;
          return true;
        },
      ),
      { numRuns: 150 },
    );
  });
});
