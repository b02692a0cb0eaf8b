/**
 * The threshold cascade of rule adoption (Granovetter 1978; Braun & Gilardi 2006's
 * expected-utility reading of diffusion), over n candidates in synchronous rounds:
 *
 *   i ∉ S_{r−1} adopts in round r  ⇔  V_i(S_{r−1}) + λ_i · (b_i + Σ_{j ∈ S_{r−1}} w_ij) > c_i,
 *
 * S_0 = the seeds, S_r = S_{r−1} ∪ {adopters of round r}; adoption is for good. V_i(S) is the
 * value of the access i keeps by adopting when S has adopted (the simulator's, `run/adoption.ts`,
 * or any function: hand-made networks in the tests), λ_i the pull per unit of tie weight (USD),
 * w_ij ≥ 0 the tie weights among candidates, b_i the tie weight to those under the rule from the
 * start (the actor that conditions), c_i the compliance cost. The cascade stops in the first
 * round with no adopter, or after `rounds`. With V_i non-decreasing in S it is monotone: a
 * higher c_i never makes anyone adopt sooner, a larger V never later (docs/model.md).
 * @module
 */

export interface CascadeProblem {
  /** Candidate ids, for results. */
  ids: readonly string[];
  /** c_i, USD over the horizon. */
  cost: Float64Array;
  /** λ_i, USD per unit of tie weight. */
  pull: Float64Array;
  /** w_ij, row-major n × n (the diagonal is ignored). */
  ties: Float64Array;
  /** b_i: tie weight to the actors under the rule from the start. */
  base: Float64Array;
  /** Most rounds. */
  rounds: number;
}

/** V_i(S) for every candidate i, given who has adopted (1 = adopted). */
export type AccessValues = (adopted: Uint8Array) => Promise<Float64Array> | Float64Array;

export interface CascadeRound {
  round: number;
  /** Who had adopted when the round began. */
  before: string[];
  /** Who adopted in the round. */
  adopters: string[];
  /** Per candidate (in `ids` order): V_i, the pull and c_i, as each decided. */
  value: number[];
  pullValue: number[];
}

export interface CascadeResult {
  /** Per candidate: the round it adopted (0 = a seed), or −1 if it never did. */
  adoptedRound: Int32Array;
  rounds: CascadeRound[];
}

/** Runs the cascade from `seeds` (indices of candidates). */
export async function runCascade(
  p: CascadeProblem,
  values: AccessValues,
  seeds: readonly number[] = [],
): Promise<CascadeResult> {
  const n = p.ids.length;
  const adopted = new Uint8Array(n);
  const when = new Int32Array(n).fill(-1);
  for (const s of seeds) {
    adopted[s] = 1;
    when[s] = 0;
  }
  const rounds: CascadeRound[] = [];
  for (let r = 1; r <= p.rounds; r++) {
    if (adopted.every((a) => a === 1)) break;
    const v = await values(adopted.slice());
    const pullValue = new Array<number>(n).fill(0);
    const news: number[] = [];
    for (let i = 0; i < n; i++) {
      let w = p.base[i]!;
      for (let j = 0; j < n; j++) if (j !== i && adopted[j] === 1) w += p.ties[i * n + j]!;
      pullValue[i] = p.pull[i]! * w;
      if (adopted[i] === 0 && v[i]! + pullValue[i]! > p.cost[i]!) news.push(i);
    }
    rounds.push({
      round: r,
      before: p.ids.filter((_, i) => adopted[i] === 1),
      adopters: news.map((i) => p.ids[i]!),
      value: Array.from(v),
      pullValue,
    });
    if (news.length === 0) break;
    for (const i of news) {
      adopted[i] = 1;
      when[i] = r;
    }
  }
  return { adoptedRound: when, rounds };
}

/** Σ weight_i over the candidates that adopted at all. */
export function adoptedWeight(result: CascadeResult, weight: ArrayLike<number>): number {
  let s = 0;
  result.adoptedRound.forEach((r, i) => {
    if (r >= 0) s += weight[i]!;
  });
  return s;
}
