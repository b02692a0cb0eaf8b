/**
 * The goods-level input–output view of a world's recipes: the technical coefficients matrix and
 * the check that recipes are productive (every cycle of inputs has spectral radius below 1, so
 * that producing a unit of anything needs finitely much of everything).
 * @module
 */
import { figure, type RealWorld } from "./realised.js";

export interface Coefficients {
  ids: string[];
  /** a[i * n + j]: units of good i needed per unit of good j. */
  a: Float64Array;
}

export function coefficients(world: RealWorld): Coefficients {
  const ids = world.goods.map((g) => g.id);
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  const a = new Float64Array(n * n);
  world.goods.forEach((g, j) => {
    for (const r of g.recipe ?? []) {
      const i = index.get(r.input);
      if (i !== undefined) a[i * n + j] = (a[i * n + j] ?? 0) + figure(r.perUnit);
    }
  });
  return { ids, a };
}

/** Strongly connected components of the graph with an edge i→j where a[i*n+j] > 0 (Tarjan). */
export function stronglyConnected(n: number, a: Float64Array): number[][] {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const work: [number, number][] = [[root, 0]];
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [v, next] = frame;
      if (next === 0) {
        index[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = 1;
      }
      let pushed = false;
      for (let w = next; w < n; w++) {
        if (a[v * n + w]! <= 0) continue;
        if (index[w] === -1) {
          frame[1] = w + 1;
          work.push([w, 0]);
          pushed = true;
          break;
        }
        if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
      }
      if (pushed) continue;
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]]!, low[v]!);
      if (low[v] === index[v]) {
        const comp: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          comp.push(w);
        } while (w !== v);
        out.push(comp.reverse());
      }
    }
  }
  return out;
}

/**
 * Bounds on the spectral radius of the non-negative matrix restricted to `nodes`, by power
 * iteration on I + A (primitive when A is irreducible) with Collatz–Wielandt bounds
 * min (Bx)_i / x_i <= rho(B) <= max (Bx)_i / x_i. Stops as soon as the bounds settle
 * whether rho(A) < 1.
 */
export function spectralRadiusBounds(
  n: number,
  a: Float64Array,
  nodes: readonly number[],
  maxIterations = 10_000,
  /** When set, iterate until the bounds are this close instead of stopping once decided. */
  precision?: number,
): { lower: number; upper: number } {
  const k = nodes.length;
  let x = new Float64Array(k).fill(1);
  let lower = 0;
  let upper = Number.POSITIVE_INFINITY;
  for (let it = 0; it < maxIterations; it++) {
    const y = new Float64Array(k);
    for (let r = 0; r < k; r++) {
      let s = x[r]!;
      const i = nodes[r]!;
      for (let c = 0; c < k; c++) s += a[i * n + nodes[c]!]! * x[c]!;
      y[r] = s;
    }
    let lo = Number.POSITIVE_INFINITY;
    let hi = 0;
    let norm = 0;
    for (let r = 0; r < k; r++) {
      const ratio = y[r]! / x[r]!;
      if (ratio < lo) lo = ratio;
      if (ratio > hi) hi = ratio;
      if (y[r]! > norm) norm = y[r]!;
    }
    lower = Math.max(lower, lo - 1);
    upper = Math.min(upper, hi - 1);
    const settled = precision !== undefined ? upper - lower < precision : upper < 1 || lower >= 1;
    if (settled || upper - lower < 1e-12) break;
    for (let r = 0; r < k; r++) y[r] = y[r]! / norm;
    x = y;
  }
  return { lower, upper };
}

/** The cycles of inputs (components with a loop) whose spectral radius is not below 1. */
export function unproductiveCycles(world: RealWorld): { goods: string[]; radius: number }[] {
  const { ids, a } = coefficients(world);
  const n = ids.length;
  const out: { goods: string[]; radius: number }[] = [];
  for (const comp of stronglyConnected(n, a)) {
    const only = comp[0]!;
    if (comp.length === 1 && a[only * n + only]! <= 0) continue;
    const { upper } = spectralRadiusBounds(n, a, comp);
    if (upper < 1) continue;
    const tight = spectralRadiusBounds(n, a, comp, 100_000, 1e-9);
    out.push({ goods: comp.map((i) => ids[i]!), radius: (tight.lower + tight.upper) / 2 });
  }
  return out;
}

/** Units of each good used per year as inputs to the world output of all goods: Σ_j a_ij X_j. */
export function intermediateUse(world: RealWorld): Float64Array {
  const { ids, a } = coefficients(world);
  const n = ids.length;
  const x = world.goods.map((g) => figure(g.globalOutput));
  const use = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += a[i * n + j]! * x[j]!;
    use[i] = s;
  }
  return use;
}
