/**
 * Whom to court first: the k candidates whose adoption at the start (by a deal, a subsidy)
 * maximises final adoption f(K) = Σ weight_i over the adopters of the cascade seeded with K.
 * Greedy selection with lazy evaluation (CELF, Leskovec et al. 2007): a candidate's marginal
 * gain computed in an earlier pass bounds its gain now when f is submodular, so only the
 * candidate on top of the queue is re-evaluated. Its (1 − 1/e) guarantee (Kempe, Kleinberg &
 * Tardos 2003) needs a submodular spread, which general deterministic thresholds do not give:
 * `exhaustiveSeeds` gives the optimum on small cases to measure the gap.
 * @module
 */

export type SpreadOf = (seeds: readonly number[]) => Promise<number>;

export interface SeedChoice {
  seeds: number[];
  value: number;
  /** Cascades run. */
  evaluations: number;
}

export async function greedySeeds(n: number, k: number, f: SpreadOf): Promise<SeedChoice> {
  let evaluations = 0;
  const spread = async (s: readonly number[]) => {
    evaluations++;
    return f(s);
  };
  const chosen: number[] = [];
  let current = await spread([]);
  // [candidate, gain, the size of `chosen` the gain was computed at]
  const queue: [number, number, number][] = [];
  for (let i = 0; i < n; i++) queue.push([i, (await spread([i])) - current, 0]);
  while (chosen.length < Math.min(k, n)) {
    queue.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const top = queue[0]!;
    if (top[2] === chosen.length) {
      queue.shift();
      chosen.push(top[0]);
      current += top[1];
      continue;
    }
    top[1] = (await spread([...chosen, top[0]])) - current;
    top[2] = chosen.length;
  }
  return { seeds: chosen, value: current, evaluations };
}

/** The best k-set by trying them all (n choose k cascades), ties to the first in order. */
export async function exhaustiveSeeds(n: number, k: number, f: SpreadOf): Promise<SeedChoice> {
  let best: SeedChoice = { seeds: [], value: -Infinity, evaluations: 0 };
  let evaluations = 0;
  const walk = async (from: number, set: number[]) => {
    if (set.length === Math.min(k, n)) {
      evaluations++;
      const v = await f(set);
      if (v > best.value) best = { seeds: [...set], value: v, evaluations: 0 };
      return;
    }
    for (let i = from; i < n; i++) await walk(i + 1, [...set, i]);
  };
  await walk(0, []);
  return { ...best, evaluations };
}
