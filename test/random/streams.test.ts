/**
 * Per-draw streams: xoshiro128** against its reference outputs, each stream a pure function of
 * (seed, draw) whatever the order it is used in, and uniform draws with the moments of U(0, 1).
 */
import { describe, expect, it } from "vitest";
import { drawStream, next, streamState } from "../../src/random/streams.js";

describe("xoshiro128**", () => {
  it("gives the reference outputs from the state (1, 2, 3, 4)", () => {
    // Blackman & Vigna's reference implementation from s = {1, 2, 3, 4} (worked by hand for
    // the first three: rotl(2·5, 7)·9 = 11520, then 0, then rotl(1029·5, 7)·9 = 5927040).
    const s = new Uint32Array([1, 2, 3, 4]);
    expect([next(s), next(s), next(s), next(s), next(s), next(s)]).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492,
    ]);
  });
});

describe("draw streams", () => {
  const take = (u: () => number, n: number) => Array.from({ length: n }, u);

  it("are a pure function of (seed, draw), whatever order draws are made in", () => {
    const forward = [0, 1, 2, 3].map((k) => take(drawStream(42, k), 5));
    const backward = [3, 2, 1, 0].map((k) => take(drawStream(42, k), 5)).reverse();
    expect(backward).toEqual(forward);
    // Interleaving two streams changes neither.
    const a = drawStream(42, 0);
    const b = drawStream(42, 1);
    const mixed = [a(), b(), a(), b(), a(), b(), a(), b(), a(), b()];
    expect(mixed.filter((_, i) => i % 2 === 0)).toEqual(forward[0]);
    expect(mixed.filter((_, i) => i % 2 === 1)).toEqual(forward[1]);
  });

  it("differ between draws and between seeds", () => {
    const states = new Set<string>();
    for (let seed = 0; seed < 20; seed++)
      for (let k = 0; k < 200; k++) states.add(streamState(seed, k).join(","));
    expect(states.size).toBe(20 * 200);
    expect(take(drawStream(1, 0), 3)).not.toEqual(take(drawStream(2, 0), 3));
  });

  it("are uniform on [0, 1): mean, variance and a chi-square test of 20 bins", () => {
    const n = 200_000;
    const u = drawStream(7, 3);
    const bins = new Array(20).fill(0);
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const x = u();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
      sq += x * x;
      bins[Math.floor(x * 20)]++;
    }
    const mean = sum / n;
    const variance = sq / n - mean * mean;
    // Standard errors: sqrt(1/12/n) ≈ 0.00065 for the mean; 4 of them.
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
    const e = n / 20;
    const chi2 = bins.reduce((s, o) => s + (o - e) ** 2 / e, 0);
    // 19 degrees of freedom: the 99.9th percentile is 43.8.
    expect(chi2).toBeLessThan(43.8);
  });

  it("refuse seeds and draw numbers outside 32 bits", () => {
    expect(() => drawStream(-1, 0)).toThrow(/seed/);
    expect(() => drawStream(0, 2 ** 32)).toThrow(/draw/);
  });
});
