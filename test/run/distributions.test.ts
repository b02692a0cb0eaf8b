/**
 * The distributions `realise` draws from, against their formulas: sample mean and variance of
 * each (uniform, triangular, PERT, lognormal) within four standard errors, and a quantile of
 * each at its known value, on fixed seeds.
 */
import { describe, expect, it } from "vitest";
import { drawStream } from "../../src/random/streams.js";
import { drawer } from "../../src/run/realise.js";
import type { Quantity } from "../../src/world/quantity.js";

const N = 100_000;

function sample(q: Quantity, seed: number): number[] {
  const draw = drawer(drawStream(seed, 0));
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

describe("drawn figures follow their distributions", () => {
  it("uniform(2, 5): mean 3.5, variance 0.75, P(X ≤ 3) = 1/3", () => {
    const x = sample({ dist: "uniform", low: 2, high: 5 }, 1);
    expectMoments(x, 3.5, 9 / 12);
    expectCdf(x, 3, 1 / 3);
    expect(Math.min(...x)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...x)).toBeLessThan(5);
  });

  it("triangular(1, 2, 6): mean 3, variance 7/6, P(X ≤ mode) = 1/5", () => {
    const [a, c, b] = [1, 2, 6];
    const x = sample({ dist: "triangular", low: a, mode: c, high: b }, 2);
    expectMoments(x, (a + b + c) / 3, (a * a + b * b + c * c - a * b - a * c - b * c) / 18);
    expectCdf(x, c, (c - a) / (b - a));
  });

  it("PERT(0, 1, 10): mean (a + 4m + b)/6, variance (μ − a)(b − μ)/7", () => {
    const [a, m, b] = [0, 1, 10];
    const x = sample({ dist: "pert", low: a, mode: m, high: b }, 3);
    const mu = (a + 4 * m + b) / 6;
    expectMoments(x, mu, ((mu - a) * (b - mu)) / 7);
    expect(Math.min(...x)).toBeGreaterThanOrEqual(a);
    expect(Math.max(...x)).toBeLessThanOrEqual(b);
  });

  it("lognormal(mu 1, sigma 0.5): mean e^(mu + σ²/2), variance (e^σ² − 1) e^(2mu + σ²), median e^mu", () => {
    const [mu, s] = [1, 0.5];
    const x = sample({ dist: "lognormal", mu, sigma: s }, 4);
    expectMoments(x, Math.exp(mu + (s * s) / 2), (Math.exp(s * s) - 1) * Math.exp(2 * mu + s * s));
    expectCdf(x, Math.exp(mu), 0.5);
  });
});
