/**
 * Exact swing counts for games with a members criterion and at most one weight criterion (all
 * the Council's rules: members and population), by meet in the middle.
 *
 * Why not a dynamic programme over (members, population): head-counts are large integers whose
 * subset sums almost never repeat, so a table keyed by exact population has up to 2^26 entries
 * for EU-27. Instead the players are split into two halves A and B; the subsets of each half
 * are listed once (2^14 and 2^13 for EU-27) and sorted by weight within each size. For a game
 * of this form a coalition of k members wins iff its weight is at least θ(k)
 * (`weightThreshold`), so player i is critical in S ⊆ N∖{i}, |S| = k, iff
 *
 *   θ(k+1) − w_i  ≤  w(S)  <  θ(k).
 *
 * S splits into a part of A and a part of B, and the pairs (a, b) with a + b in a half-open
 * interval are counted with two pointers over the two sorted lists, in O(|A_k1| + |B_k2|) for
 * each pair of sizes. Lists without player i are the full lists filtered, which keeps them
 * sorted. Time O(n² · 2^(n/2)), memory O(2^(n/2)); exact, as every sum is an integer below
 * 2^53.
 *
 * Reference: Horowitz and Sahni (1974), "Computing partitions with applications to the knapsack
 * problem", Journal of the ACM 21(2):277–292 (the split into halves with sorted subset sums).
 * @module
 */
import { type WeightedGame, weightThreshold } from "../game.js";
import { emptyCounts, type SwingCounts } from "./counts.js";

/** Subsets of one half: for each size, sums ascending with their masks (local bits). */
interface Half {
  players: number[];
  sums: Float64Array[];
  masks: Int32Array[];
}

export const MAX_MITM_PLAYERS = 40;

export function countByMeetInTheMiddle(game: WeightedGame): SwingCounts {
  const { n } = game;
  if (game.quotas.length > 1)
    throw new RangeError(
      `countByMeetInTheMiddle: ${game.quotas.length} weight criteria; this method handles one`,
    );
  if (n > MAX_MITM_PLAYERS)
    throw new RangeError(`countByMeetInTheMiddle: ${n} players; the limit is ${MAX_MITM_PLAYERS}`);
  const w = game.weights[0] ?? new Array<number>(n).fill(0);
  const theta = new Float64Array(n + 2);
  for (let k = 0; k <= n + 1; k++) theta[k] = weightThreshold(game, k);
  const split = Math.ceil(n / 2);
  const all = Array.from({ length: n }, (_, i) => i);
  const a = half(all.slice(0, split), w);
  const b = half(all.slice(split), w);
  const out = emptyCounts(n);

  let winning = 0;
  for (let ka = 0; ka < a.sums.length; ka++)
    for (let kb = 0; kb < b.sums.length; kb++)
      winning += pairsWithin(
        a.sums[ka] as Float64Array,
        b.sums[kb] as Float64Array,
        theta[ka + kb] as number,
        Number.POSITIVE_INFINITY,
      );
  out.winning = winning;

  const scratch = { a: buffers(a), b: buffers(b) };
  for (let i = 0; i < n; i++) {
    const inA = i < split;
    const local = inA ? i : i - split;
    const own = without(inA ? a : b, local, inA ? scratch.a : scratch.b);
    const other = inA ? b : a;
    const wi = w[i] ?? 0;
    for (let k1 = 0; k1 < own.length; k1++)
      for (let k2 = 0; k2 < other.sums.length; k2++) {
        const k = k1 + k2;
        const upper = theta[k] as number;
        const lower = (theta[k + 1] as number) - wi;
        if (!(lower < upper)) continue;
        const c = pairsWithin(
          own[k1] as Float64Array,
          other.sums[k2] as Float64Array,
          lower,
          upper,
        );
        if (c > 0) out.swingsBySize[i * n + k] = (out.swingsBySize[i * n + k] as number) + c;
      }
  }
  return out;
}

/**
 * Pairs (x_p, y_q) with lower ≤ x_p + y_q < upper; x and y ascending. Only the x that can
 * reach the interval are visited (found by binary search), with one pointer into y for each
 * bound, started by binary search and moving down as x grows.
 */
export function pairsWithin(
  x: Float64Array,
  y: Float64Array,
  lower: number,
  upper: number,
): number {
  const nx = x.length;
  const ny = y.length;
  if (nx === 0 || ny === 0 || !(lower < upper)) return 0;
  const yMin = y[0] as number;
  const yMax = y[ny - 1] as number;
  const xMin = x[0] as number;
  const xMax = x[nx - 1] as number;
  if (xMin + yMin >= upper || xMax + yMax < lower) return 0;
  if (xMin + yMin >= lower && xMax + yMax < upper) return nx * ny;
  const from = firstAtLeast(x, lower - yMax);
  const to = firstAtLeast(x, upper - yMin);
  if (from >= to) return 0;
  const first = x[from] as number;
  let below = firstAtLeast(y, upper - first);
  let belowLower = firstAtLeast(y, lower - first);
  let count = 0;
  for (let p = from; p < to; p++) {
    const xp = x[p] as number;
    while (below > 0 && xp + (y[below - 1] as number) >= upper) below--;
    while (belowLower > 0 && xp + (y[belowLower - 1] as number) >= lower) belowLower--;
    count += below - belowLower;
  }
  return count;
}

/** The first index p with x[p] ≥ value (x ascending); x.length when none. */
function firstAtLeast(x: Float64Array, value: number): number {
  let lo = 0;
  let hi = x.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((x[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function half(players: number[], w: readonly number[]): Half {
  const h = players.length;
  const size = 2 ** h;
  const weights = Float64Array.from(players, (p) => w[p] ?? 0);
  let total = 0;
  for (let b = 0; b < h; b++) total += weights[b] as number;
  // Subsets are written straight into their size group (groups laid out by binomial
  // coefficients), each as one sortable key: sum·2^h + mask when that stays below 2^53, so the
  // native numeric sort orders by sum; otherwise the mask, sorted with a comparator.
  const packable = Number.isSafeInteger((total + 1) * size);
  const start = new Int32Array(h + 2);
  for (let k = 0, c = 1; k <= h; k++) {
    start[k + 1] = (start[k] as number) + c;
    c = (c * (h - k)) / (k + 1);
  }
  const fill = start.slice(0, h + 1);
  const sums = new Float64Array(size);
  const counts = new Uint8Array(size);
  const keys = new Float64Array(size);
  fill[0] = 1;
  for (let mask = 1; mask < size; mask++) {
    const low = mask & -mask;
    const prev = mask ^ low;
    const sum = (sums[prev] as number) + (weights[31 - Math.clz32(low)] as number);
    const count = (counts[prev] as number) + 1;
    sums[mask] = sum;
    counts[mask] = count;
    keys[(fill[count] as number)++] = packable ? sum * size + mask : mask;
  }
  const out: Half = { players, sums: [], masks: [] };
  for (let k = 0; k <= h; k++) {
    const group = keys.subarray(start[k] as number, start[k + 1] as number);
    if (packable) group.sort();
    else group.sort((p, q) => (sums[p] as number) - (sums[q] as number) || p - q);
    const masks = new Int32Array(group.length);
    const groupSums = new Float64Array(group.length);
    for (let p = 0; p < group.length; p++) {
      const key = group[p] as number;
      const mask = packable ? key % size : key;
      masks[p] = mask;
      groupSums[p] = sums[mask] as number;
    }
    out.masks.push(masks);
    out.sums.push(groupSums);
  }
  return out;
}

/** One buffer per size group, reused for every player's filtered lists. */
function buffers(h: Half): Float64Array[] {
  return h.sums.map((g) => new Float64Array(g.length));
}

/** The half's sorted lists without the subsets that contain local player `bit`, in `into`. */
function without(h: Half, bit: number, into: Float64Array[]): Float64Array[] {
  const flag = 1 << bit;
  const out: Float64Array[] = [];
  for (let k = 0; k < h.sums.length; k++) {
    const sums = h.sums[k] as Float64Array;
    const masks = h.masks[k] as Int32Array;
    const kept = into[k] as Float64Array;
    let m = 0;
    for (let p = 0; p < sums.length; p++)
      if (((masks[p] as number) & flag) === 0) kept[m++] = sums[p] as number;
    out.push(kept.subarray(0, m));
  }
  return out;
}
