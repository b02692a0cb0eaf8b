/**
 * `realise(world, rng)`: the one place where the figures given as distributions become numbers
 * (../shared/DESIGN.md, "Uncertainty"), before the baseline and the network are built. Without
 * a generator every figure takes its central value (`central`: the mode, the midpoint, the
 * median), so a realised world compiles to exactly the network of the world itself; with one,
 * each distribution is drawn once, in the order the world lists its figures:
 * - uniform: low + u (high − low); triangular: the inverse of its distribution function;
 * - PERT: low + (high − low) B with B ~ Beta(1 + 4 (mode − low)/(high − low),
 *   1 + 4 (high − mode)/(high − low)), from two gamma draws (Marsaglia & Tsang 2000) over normal
 *   draws (Box–Muller);
 * - lognormal: exp(mu + sigma z);
 * - a figure in a correlation group (`corr: { group, rho }`): a one-factor Gaussian copula, the
 *   group's common normal z_g drawn at its first figure, the figure's z = √rho z_g + √(1 − rho) ε,
 *   and its value the Φ(z)-quantile of its distribution (`quantileOf`).
 * With `{ byQuantile: true }` every figure takes exactly one uniform, its value the quantile
 * of its distribution at that uniform (`quantileOf`), and a correlation group's common normal one
 * more, Φ⁻¹ of the uniform drawn just before the group's first figure: the i-th uniform is then
 * always the same figure, which a quasi-random point needs (`random/sobol-sequence.ts`: its
 * coordinate i is figure i). `drawDimensions` counts them. (The pseudo-random draws above keep
 * Box–Muller and gamma draws, which take several uniforms a figure, so that their results do
 * not change.)
 * The supplier shares of a good and the final-demand shares of a good then keep their central
 * sum: each drawn set is scaled to it, so shares still add up as the data wrote them
 * (docs/model.md).
 * Every realised figure is a plain figure, `{ value, source, year, note }`.
 * @module
 */

import { betaQuantile, normalCdf, normalQuantile } from "../random/quantiles.js";
import type { LoadedScenario } from "../scenario/load.js";
import type { LoadedWorld } from "../world/load.js";
import { central, type Quantity } from "../world/quantity.js";
import type { RealWorld } from "../world/realised.js";
import type { World } from "../world/schema.js";

/** Uniform draws in [0, 1), e.g. `mulberry32(seed)` (random/mulberry32.ts). */
export type Uniform = () => number;

export interface RealiseOptions {
  /** One uniform a figure, by its quantile function (a correlation group's common factor one
   * more): what quasi-random points need. Else pseudo-random draws (`drawer`). */
  byQuantile?: boolean;
}

export function realise(world: World, rng?: Uniform, opts: RealiseOptions = {}): RealWorld {
  const draw = rng ? (opts.byQuantile ? quantileDrawer(rng) : drawer(rng)) : undefined;
  const out = walk(world, (q) => (draw ? draw(q) : central(q))) as RealWorld;
  if (draw) keepBalance(world, out);
  return out;
}

/** A loaded world whose figures are realised. */
export type RealisedWorld = Omit<LoadedWorld, "world"> & { world: RealWorld };

/** A loaded scenario on a realised world (scenarios themselves carry no distributions). */
export type RealisedScenario = Omit<LoadedScenario, "world"> & { world: RealisedWorld };

/** `realise` applied to a loaded world, keeping its warnings and sources. */
export function realiseLoaded(loaded: LoadedWorld, rng?: Uniform): RealisedWorld {
  return { ...loaded, world: realise(loaded.world, rng) };
}

/** `realise` applied to a loaded scenario's world. */
export function realiseScenario(loaded: LoadedScenario, rng?: Uniform): RealisedScenario {
  return { ...loaded, world: realiseLoaded(loaded.world, rng) };
}

function isDistribution(x: unknown): x is Quantity & { dist: string } {
  return typeof x === "object" && x !== null && "dist" in x && typeof x.dist === "string";
}

function isFixed(x: unknown): x is { value: number } {
  return (
    typeof x === "object" &&
    x !== null &&
    typeof (x as { value?: unknown }).value === "number" &&
    Object.keys(x).every((k) => ["value", "source", "year", "note"].includes(k))
  );
}

/** Where a figure is in the world: its keys from the top (`["suppliers", 12, "share"]`). */
export type FigurePath = readonly (string | number)[];

/** A deep copy of `x` with every figure given as a distribution or fixed value realised. */
function walk(
  x: unknown,
  value: (q: Quantity, path: FigurePath) => number,
  path: (string | number)[] = [],
): unknown {
  if (Array.isArray(x)) return x.map((v, i) => walk(v, value, [...path, i]));
  if (isDistribution(x) || isFixed(x)) {
    const q = x as Quantity & { source?: string; year?: number; note?: string };
    const fixed: Record<string, unknown> = { value: value(q, path) };
    for (const k of ["source", "year", "note"] as const) if (q[k] !== undefined) fixed[k] = q[k];
    return fixed;
  }
  if (typeof x === "object" && x !== null) {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) o[k] = walk(v, value, [...path, k]);
    return o;
  }
  return x;
}

/** The u-quantile (0 < u < 1) of a figure's distribution; a plain figure is its value. */
export function quantileOf(q: Quantity, u: number): number {
  if (typeof q === "number" || !("dist" in q)) return central(q);
  switch (q.dist) {
    case "uniform":
      return q.low + u * (q.high - q.low);
    case "triangular": {
      const { low: a, mode: c, high: b } = q;
      if (b === a) return a;
      const f = (c - a) / (b - a);
      return u < f
        ? a + Math.sqrt(u * (b - a) * (c - a))
        : b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }
    case "pert": {
      const { low: a, mode: c, high: b } = q;
      if (b === a) return a;
      const alpha = 1 + (4 * (c - a)) / (b - a);
      const beta = 1 + (4 * (b - c)) / (b - a);
      return a + (b - a) * betaQuantile(u, alpha, beta);
    }
    case "lognormal":
      return Math.exp(q.mu + q.sigma * normalQuantile(u));
  }
}

/** The world with each figure given as a distribution at the quantile `factor` names for it
 * (sensitivity analysis: a group of figures moved together), or at its central value where
 * `factor` gives none; shares are then scaled back to their central sums, as for a draw. */
export function realiseAt(
  world: World,
  factor: (path: FigurePath, q: Quantity) => number | undefined,
): RealWorld {
  const out = walk(world, (q, path) => {
    const u = typeof q === "object" && "dist" in q ? factor(path, q) : undefined;
    return u === undefined ? central(q) : quantileOf(q, u);
  }) as RealWorld;
  keepBalance(world, out);
  return out;
}

/** What keeps a drawn world at rest: shares keep their central sums, and each good's
 * intermediate use its central share of the good's output. */
function keepBalance(world: World, out: RealWorld) {
  keepSums(world.suppliers, out.suppliers);
  keepSums(world.demand, out.demand);
  keepIntermediateShares(world, out);
}

/** Each good's world output (its suppliers' shares of its global output, summed) and its
 * intermediate use (Σ over the goods j whose recipes take it: units per unit of j × j's output),
 * figures read at their central values (a realised world's figures are their own). */
function inputOutput(world: World | RealWorld): { output: number[]; intermediate: number[] } {
  const index = new Map(world.goods.map((g, i) => [g.id, i]));
  const output = world.goods.map(() => 0);
  for (const s of world.suppliers) {
    const i = index.get(s.good);
    if (i === undefined) continue;
    const total = central(world.goods[i]!.globalOutput);
    if (s.share !== undefined) output[i]! += central(s.share) * total;
    else if (s.output !== undefined) output[i]! += central(s.output);
  }
  const intermediate = world.goods.map(() => 0);
  world.goods.forEach((g, j) => {
    for (const r of g.recipe ?? []) {
      const i = index.get(r.input);
      if (i !== undefined) intermediate[i]! += central(r.perUnit) * output[j]!;
    }
  });
  return { output, intermediate };
}

/**
 * Scales the drawn recipe coefficients of each input good so that its intermediate use keeps
 * the share of its output that it has at central values. Outputs and recipe coefficients are
 * drawn apart, yet they are tied: a good whose whole output goes to other goods' recipes (silicon
 * wafers, AI compute) would otherwise, in about half the draws, be needed more than it is made,
 * and the drawn world would start short of it, before any measure. The drawn coefficients still
 * set how the good's use is spread over the goods that take it.
 */
function keepIntermediateShares(world: World, out: RealWorld) {
  const c = inputOutput(world);
  const d = inputOutput(out);
  const scale = c.output.map((x, i) => {
    const share = x > 0 ? Math.min(1, c.intermediate[i]! / x) : 0;
    return d.intermediate[i]! > 0 ? (share * d.output[i]!) / d.intermediate[i]! : 1;
  });
  const index = new Map(out.goods.map((g, i) => [g.id, i]));
  for (const g of out.goods)
    for (const r of g.recipe ?? []) {
      const i = index.get(r.input);
      if (i === undefined || scale[i] === 1) continue;
      scaleFigure(r as unknown as Record<string, Quantity>, "perUnit", scale[i]!);
    }
}

/** Scales a realised figure (a number or `{ value, … }`) held at `holder[key]` by f / d. */
function scaleFigure(holder: Record<string, Quantity>, key: string, f: number, d = 1) {
  const q = holder[key]!;
  if (typeof q === "number") holder[key] = (q * f) / d;
  else (q as { value: number }).value = (central(q) * f) / d;
}

/** Scales the drawn shares of each good to the sum of their central values. */
interface ShareRow {
  good: string;
  share?: Quantity | undefined;
}

function keepSums(original: readonly ShareRow[], realised: readonly ShareRow[]) {
  const goods = new Set(original.map((r) => r.good));
  for (const good of goods) {
    let want = 0;
    let got = 0;
    original.forEach((r, i) => {
      if (r.good !== good || r.share === undefined) return;
      want += central(r.share);
      got += central(realised[i]!.share!);
    });
    if (!(got > 0)) continue;
    realised.forEach((r, i) => {
      if (r.good !== good || r.share === undefined || original[i]!.share === undefined) return;
      scaleFigure(r as unknown as Record<string, Quantity>, "share", want, got);
    });
  }
}

/** The uniforms a draw `byQuantile` takes: one per figure given as a distribution, and one per
 * correlation group. */
export function drawDimensions(world: World): number {
  let n = 0;
  const groups = new Set<string>();
  walk(world, (q) => {
    if (typeof q === "object" && "dist" in q) {
      n++;
      if (q.corr) groups.add(q.corr.group);
    }
    return 0;
  });
  return n + groups.size;
}

/** u clamped off 0 and 1, so that unbounded quantiles stay finite. */
const open = (u: number) => Math.min(1 - 1e-12, Math.max(1e-12, u));

/** Draws figures from `u` by their quantile functions: each figure given as a distribution takes
 * one uniform, the first figure of a correlation group one more (before its own) for the
 * group's common normal. */
export function quantileDrawer(u: Uniform): (q: Quantity) => number {
  const common = new Map<string, number>();
  return (q) => {
    if (typeof q === "number" || !("dist" in q)) return central(q);
    if (!q.corr) return quantileOf(q, open(u()));
    let zg = common.get(q.corr.group);
    if (zg === undefined) {
      zg = normalQuantile(open(u()));
      common.set(q.corr.group, zg);
    }
    const z = Math.sqrt(q.corr.rho) * zg + Math.sqrt(1 - q.corr.rho) * normalQuantile(open(u()));
    return quantileOf(q, open(normalCdf(z)));
  };
}

/** Draws figures from `u`: each call draws one figure (a plain figure gives its value). */
export function drawer(u: Uniform): (q: Quantity) => number {
  const normal = () => {
    // Box–Muller: 1 − u keeps the logarithm finite.
    const r = Math.sqrt(-2 * Math.log(1 - u()));
    return r * Math.cos(2 * Math.PI * u());
  };
  const gamma = (shape: number): number => {
    if (shape < 1) return gamma(shape + 1) * (1 - u()) ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const w = 1 - u();
      if (Math.log(w) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  // Correlation groups: each group's common factor, drawn at the group's first figure.
  const common = new Map<string, number>();
  return (q) => {
    if (typeof q === "number" || !("dist" in q)) return central(q);
    if (q.corr) {
      let zg = common.get(q.corr.group);
      if (zg === undefined) {
        zg = normal();
        common.set(q.corr.group, zg);
      }
      const z = Math.sqrt(q.corr.rho) * zg + Math.sqrt(1 - q.corr.rho) * normal();
      // Clamped off 0 and 1 so that unbounded quantiles stay finite.
      return quantileOf(q, Math.min(1 - 1e-12, Math.max(1e-12, normalCdf(z))));
    }
    switch (q.dist) {
      case "uniform":
        return q.low + u() * (q.high - q.low);
      case "triangular": {
        const { low: a, mode: c, high: b } = q;
        if (b === a) return a;
        const p = u();
        const f = (c - a) / (b - a);
        return p < f
          ? a + Math.sqrt(p * (b - a) * (c - a))
          : b - Math.sqrt((1 - p) * (b - a) * (b - c));
      }
      case "pert": {
        const { low: a, mode: c, high: b } = q;
        const x = gamma(1 + (4 * (c - a)) / (b - a));
        const y = gamma(1 + (4 * (b - c)) / (b - a));
        return a + ((b - a) * x) / (x + y);
      }
      case "lognormal":
        return Math.exp(q.mu + q.sigma * normal());
    }
  };
}
