/**
 * The threshold cascade (src/diffusion/cascade.ts) on small hand-made networks whose rounds,
 * final adoption sets and tipping points are computed by hand in the comments; its
 * monotonicity (a larger compliance cost never speeds adoption, conditioning more goods never
 * slows it: both when V is non-decreasing in the adopters) and determinism on seeded random
 * networks.
 */
import { describe, expect, it } from "vitest";
import { adoptedWeight, type CascadeProblem, runCascade } from "../../src/diffusion/cascade.js";
import { leastCostCut, leastGoods } from "../../src/diffusion/tipping.js";
import { mulberry32 } from "../../src/random/mulberry32.js";

/** A line a—b—c—d: a trades only with the conditioning actor (b_a = 1), the pull λ = 1 and the
 * access values are 0, so i adopts once Σ of its ties to adopters exceeds c_i. */
function line(scale = 1): CascadeProblem {
  const ids = ["a", "b", "c", "d"];
  const ties = new Float64Array(16);
  const set = (i: number, j: number, w: number) => {
    ties[i * 4 + j] = w;
  };
  set(1, 0, 0.7); // w_ba
  set(1, 2, 0.3); // w_bc
  set(2, 1, 0.5); // w_cb
  set(2, 3, 0.5); // w_cd
  set(3, 2, 1); // w_dc
  return {
    ids,
    cost: Float64Array.from([0.5, 0.6, 0.4, 0.9], (c) => c * scale),
    pull: Float64Array.from([1, 1, 1, 1]),
    ties,
    base: Float64Array.from([1, 0, 0, 0]),
    rounds: 10,
  };
}
const zero = () => new Float64Array(4);

describe("the cascade on a line", () => {
  it("adopts one link a round: a (1 > 0.5), b (0.7 > 0.6), c (0.5 > 0.4), d (1 > 0.9)", async () => {
    const r = await runCascade(line(), zero);
    expect(Array.from(r.adoptedRound)).toEqual([1, 2, 3, 4]);
    expect(r.rounds.map((x) => x.adopters)).toEqual([["a"], ["b"], ["c"], ["d"]]);
  });

  it("stops where a threshold is not exceeded: d's cost at 1 = its tie, so d never adopts", async () => {
    const p = line();
    p.cost[3] = 1;
    const r = await runCascade(p, zero);
    expect(Array.from(r.adoptedRound)).toEqual([1, 2, 3, -1]);
    // The cascade ends with a round that adds no one.
    expect(r.rounds.at(-1)!.adopters).toEqual([]);
  });

  it("is cut at b when b's cost exceeds its tie to a (0.75 > 0.7): nothing beyond it moves", async () => {
    const p = line();
    p.cost[1] = 0.75;
    expect(Array.from((await runCascade(p, zero)).adoptedRound)).toEqual([1, -1, -1, -1]);
  });

  it("a seed starts it elsewhere: seeding d makes c adopt in round 1 (w_cd 0.5 > 0.4)", async () => {
    const p = line();
    p.base[0] = 0;
    const r = await runCascade(p, zero, [3]);
    // c: 0.5 > 0.4 in round 1; b: w_bc 0.3 < 0.6 even with c, and a has no tie to anyone.
    expect(Array.from(r.adoptedRound)).toEqual([-1, -1, 1, 0]);
  });

  it("the access value adds to the pull: V_b = 0.2 lets b adopt at cost 0.75 (0.7 + 0.2 > 0.75)", async () => {
    const p = line();
    p.cost[1] = 0.75;
    const r = await runCascade(p, () => Float64Array.from([0, 0.2, 0, 0]));
    expect(Array.from(r.adoptedRound)).toEqual([1, 2, 3, 4]);
  });

  it("tips at the least cost cut computed by hand: costs 1.2c reach everyone once 1.2(1−x)·0.9 < 1, x > 1 − 1/1.08 = 0.0741", async () => {
    // All four adopt iff 1.2 s c_i < its tie for every i: s < 1/(1.2·0.9) (d binds, then
    // b: s < 0.7/(1.2·0.6) = 0.972); a cut x = 1 − s.
    const shareAt = async (s: number) =>
      adoptedWeight(await runCascade(line(1.2 * s), zero), [0.25, 0.25, 0.25, 0.25]);
    const r = await leastCostCut(shareAt, 1, 1e-4);
    const exact = 1 - 1 / (1.2 * 0.9);
    expect(r.cut).toBeGreaterThanOrEqual(exact);
    expect(r.cut! - exact).toBeLessThan(2e-4);
    expect(r.share).toBe(1);
    // Half of the actors: a and b adopt, c needs b and 1.2·s·0.4 < 0.5 — b binds: s < 0.972.
    const half = await leastCostCut(shareAt, 0.5, 1e-4);
    expect(half.cut! - (1 - 0.7 / 0.72)).toBeLessThan(2e-4);
    expect(half.cut).toBeGreaterThanOrEqual(1 - 0.7 / 0.72);
    // No cut is needed at the costs as given.
    expect((await leastCostCut(async (s) => shareAt(s / 1.2), 1)).cut).toBe(0);
  });

  it("an unreachable target has no cut: with no tie to the conditioner nobody ever moves", async () => {
    const p = line();
    p.base[0] = 0;
    const r = await leastCostCut(async (s) => {
      const q = { ...p, cost: Float64Array.from(p.cost, (c) => c * s) };
      return adoptedWeight(await runCascade(q, zero), [1, 1, 1, 1]);
    }, 1);
    // At a free rule the strict inequality 0 > 0 still fails.
    expect(r.cut).toBeUndefined();
    expect(r.share).toBe(0);
  });

  it("the least set of goods: a good worth 0.3 to b is the one that gets the cascade past b", async () => {
    // b's cost 0.75: its tie to a gives 0.7; good x gives b 0.3 (1.0 > 0.75), good y gives a
    // 0.3 (a adopts anyway), so {y} leaves the line cut at b and {x} is the least set. (A good
    // worth 1 to c would do as well: c adopts on it, and b then has 0.7 + 0.3 = 1 > 0.75.)
    const p = line();
    p.cost[1] = 0.75;
    const v: Record<string, number[]> = { x: [0, 0.3, 0, 0], y: [0.3, 0, 0, 0] };
    const shareWith = async (goods: readonly string[]) => {
      const values = () =>
        Float64Array.from([0, 1, 2, 3], (i) => goods.reduce((s, g) => s + v[g]![i]!, 0));
      return adoptedWeight(await runCascade(p, values), [0.25, 0.25, 0.25, 0.25]);
    };
    const r = await leastGoods(shareWith, ["y", "x"], 1);
    expect(r.goods).toEqual(["x"]);
    expect(r.tried.map((t) => [t.goods.join("+"), t.share])).toEqual([
      ["", 0.25],
      ["y", 0.25],
      ["x", 1],
    ]);
  });
});

/** A random network whose values rise with the adopters: V_i(S) = v_i + Σ_{j∈S} u_ij. */
function randomCase(seed: number, n: number) {
  const rng = mulberry32(seed);
  const p: CascadeProblem = {
    ids: Array.from({ length: n }, (_, i) => `x${i}`),
    cost: Float64Array.from({ length: n }, () => rng() * 2),
    pull: Float64Array.from({ length: n }, () => rng()),
    ties: Float64Array.from({ length: n * n }, () => (rng() < 0.4 ? rng() : 0)),
    base: Float64Array.from({ length: n }, () => (rng() < 0.3 ? rng() : 0)),
    rounds: 2 * n,
  };
  const v = Float64Array.from({ length: n }, () => (rng() < 0.5 ? rng() : 0));
  const u = Float64Array.from({ length: n * n }, () => (rng() < 0.2 ? rng() * 0.5 : 0));
  const values = (extra: Float64Array) => (adopted: Uint8Array) =>
    Float64Array.from({ length: n }, (_, i) => {
      let s = v[i]! + extra[i]!;
      for (let j = 0; j < n; j++) if (adopted[j] === 1) s += u[i * n + j]!;
      return s;
    });
  return { p, values, rng };
}

/** Round of adoption with "never" as +∞. */
const when = (r: Int32Array) => Array.from(r, (x) => (x < 0 ? Infinity : x));

describe("monotonicity and determinism on 200 seeded random networks", () => {
  it("raising one compliance cost never makes anyone adopt sooner", async () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { p, values, rng } = randomCase(seed, 8);
      const none = new Float64Array(8);
      const before = when((await runCascade(p, values(none))).adoptedRound);
      const k = Math.floor(rng() * 8);
      const q = { ...p, cost: p.cost.slice() };
      q.cost[k] = q.cost[k]! + rng();
      const after = when((await runCascade(q, values(none))).adoptedRound);
      after.forEach((t, i) =>
        expect(t, `seed ${seed}, actor ${i}`).toBeGreaterThanOrEqual(before[i]!),
      );
    }
  });

  it("conditioning one more good (a value added to every V_i) never makes anyone adopt later", async () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { p, values, rng } = randomCase(seed, 8);
      const before = when((await runCascade(p, values(new Float64Array(8)))).adoptedRound);
      const good = Float64Array.from({ length: 8 }, () => rng() * 0.5);
      const after = when((await runCascade(p, values(good))).adoptedRound);
      after.forEach((t, i) =>
        expect(t, `seed ${seed}, actor ${i}`).toBeLessThanOrEqual(before[i]!),
      );
    }
  });

  it("the same input gives the same rounds", async () => {
    const { p, values } = randomCase(7, 10);
    const none = new Float64Array(10);
    expect(await runCascade(p, values(none))).toEqual(await runCascade(p, values(none)));
  });
});
