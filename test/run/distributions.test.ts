/**
 * The distributions `realise` draws from, against their formulas: sample mean and variance of
 * each (uniform, triangular, PERT, lognormal) within four standard errors, and a quantile of
 * each at its known value, on fixed seeds; for both ways of drawing: pseudo-random (`drawer`:
 * Box–Muller normals, gamma draws for PERT) and by quantile, one uniform a figure
 * (`quantileDrawer`, what Sobol points use).
 */
import { describe, expect, it } from "vitest";
import { normalQuantile } from "../../src/random/quantiles.js";
import { drawStream } from "../../src/random/streams.js";
import { drawer, quantileDrawer } from "../../src/run/realise.js";
import type { Quantity } from "../../src/world/quantity.js";

const N = 100_000;

const DRAWERS = [
  ["pseudo-random", drawer],
  ["by quantile", quantileDrawer],
] as const;

function sample(q: Quantity, seed: number, make: typeof drawer): number[] {
  const draw = make(drawStream(seed, 0));
  return Array.from({ length: N }, () => draw(q));
}

function moments(x: readonly number[]) {
  const mean = x.reduce((s, v) => s + v, 0) / x.length;
  const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / (x.length - 1);
  return { mean, variance };
}

/** Checks the sample's mean (within 4 standard errors) and variance (within 4 standard errors
 * of the sample variance, from the fourth moment). */
function expectMoments(x: readonly number[], mean: number, variance: number) {
  const m = moments(x);
  expect(Math.abs(m.mean - mean)).toBeLessThan(4 * Math.sqrt(variance / x.length));
  const m4 = x.reduce((s, v) => s + (v - m.mean) ** 4, 0) / x.length;
  const seVar = Math.sqrt((m4 - variance ** 2) / x.length);
  expect(Math.abs(m.variance - variance)).toBeLessThan(4 * seVar);
}

/** The share of the sample at or below `v`, against its probability within 4 standard errors. */
function expectCdf(x: readonly number[], v: number, p: number) {
  const share = x.filter((y) => y <= v).length / x.length;
  expect(Math.abs(share - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / x.length));
}

describe.each(DRAWERS)("drawn figures follow their distributions (%s)", (_, make) => {
  it("uniform(2, 5): mean 3.5, variance 0.75, P(X ≤ 3) = 1/3", () => {
    const x = sample({ dist: "uniform", low: 2, high: 5 }, 1, make);
    expectMoments(x, 3.5, 9 / 12);
    expectCdf(x, 3, 1 / 3);
    expect(Math.min(...x)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...x)).toBeLessThan(5);
  });

  it("triangular(1, 2, 6): mean 3, variance 7/6, P(X ≤ mode) = 1/5", () => {
    const [a, c, b] = [1, 2, 6];
    const x = sample({ dist: "triangular", low: a, mode: c, high: b }, 2, make);
    expectMoments(x, (a + b + c) / 3, (a * a + b * b + c * c - a * b - a * c - b * c) / 18);
    expectCdf(x, c, (c - a) / (b - a));
  });

  it("PERT(0, 1, 10): mean (a + 4m + b)/6, variance (μ − a)(b − μ)/7", () => {
    const [a, m, b] = [0, 1, 10];
    const x = sample({ dist: "pert", low: a, mode: m, high: b }, 3, make);
    const mu = (a + 4 * m + b) / 6;
    expectMoments(x, mu, ((mu - a) * (b - mu)) / 7);
    expect(Math.min(...x)).toBeGreaterThanOrEqual(a);
    expect(Math.max(...x)).toBeLessThanOrEqual(b);
  });

  it("lognormal(mu 1, sigma 0.5): mean e^(mu + σ²/2), variance (e^σ² − 1) e^(2mu + σ²), median e^mu", () => {
    const [mu, s] = [1, 0.5];
    const x = sample({ dist: "lognormal", mu, sigma: s }, 4, make);
    expectMoments(x, Math.exp(mu + (s * s) / 2), (Math.exp(s * s) - 1) * Math.exp(2 * mu + s * s));
    expectCdf(x, Math.exp(mu), 0.5);
  });
});

describe.each(DRAWERS)("figures in a correlation group (%s)", (_, make) => {
  const tri = (group: string, rho: number): Quantity => ({
    dist: "triangular",
    low: 0,
    mode: 1,
    high: 4,
    corr: { group, rho },
  });
  /** The triangular(0, 1, 4) distribution function, to read a draw's rank. */
  const cdf = (x: number) => (x <= 1 ? (x * x) / 4 : 1 - ((4 - x) * (4 - x)) / 12);

  it("with rho 1 move in lockstep: equal ranks in every draw", () => {
    for (let k = 0; k < 200; k++) {
      const draw = make(drawStream(5, k));
      const a = draw(tri("g", 1));
      const b = draw({ dist: "uniform", low: 10, high: 20, corr: { group: "g", rho: 1 } });
      expect(cdf(a)).toBeCloseTo((b - 10) / 10, 6);
    }
  });

  it("with rho 0.64 have normal-score correlation 0.64, and keep their distribution", () => {
    const n = 20_000;
    const za: number[] = [];
    const zb: number[] = [];
    const xs: number[] = [];
    for (let k = 0; k < n; k++) {
      const draw = make(drawStream(6, k));
      const a = draw(tri("g", 0.8 * 0.8));
      const b = draw(tri("g", 0.8 * 0.8));
      // An independent figure between them changes nothing of the group's.
      draw(tri("other", 0.5));
      xs.push(a);
      za.push(normalQuantile(cdf(a)));
      zb.push(normalQuantile(cdf(b)));
    }
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    const ma = mean(za);
    const mb = mean(zb);
    let cov = 0;
    let va = 0;
    let vb = 0;
    for (let i = 0; i < n; i++) {
      cov += (za[i]! - ma) * (zb[i]! - mb);
      va += (za[i]! - ma) ** 2;
      vb += (zb[i]! - mb) ** 2;
    }
    // Standard error of a correlation near 0.64 with n = 20,000: (1 − r²)/√n ≈ 0.004.
    expect(cov / Math.sqrt(va * vb)).toBeGreaterThan(0.62);
    expect(cov / Math.sqrt(va * vb)).toBeLessThan(0.66);
    expectMoments(xs, 5 / 3, (0 + 16 + 1 - 0 - 0 - 4) / 18);
  });
});
