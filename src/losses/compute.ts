/**
 * The loss measures of a run, per network actor (docs/model.md, "Losses", states each):
 *
 * (a) `valueAdded`: production value added lost in the chain's goods, Σ (x⁰ − y)·va;
 * (b) `finalUseValue` + `consumerSurplus`: final use lost, Σ p·(f⁰ − served), plus the consumer
 *     surplus lost beyond it under linear demand with elasticity ε at baseline,
 *     Σ p·f⁰·s²/(2ε) with s the share of final use not served;
 * (c) `downstream`: production value added lost in the sectors of the economy downstream of
 *     the chain (goods of layer `economy`);
 * `stockDrawn`: the value of the stocks an actor's pools drew down, p·(S(t−1) − S(t)) (negative
 *     while they are rebuilt): using up stocks is using up an asset;
 * (d) `total` = (b) + stockDrawn + (a) + (c) − `embodied`, where `embodied` is the value added
 *     of each actor embodied in the final use lost and the stocks drawn anywhere (its baseline
 *     content, `content.ts`): each dollar of use lost counts once, as a loss of the user deprived
 *     of it, and each dollar of value added lost that no user misses counts once, as a loss of its
 *     producer. The world's total is then its value added lost plus the consumer surplus lost.
 *
 * All figures are USD, positive for a loss, per month (`monthly`) or over the run.
 * @module
 */
import type { Network } from "../network/network.js";
import type { Trace } from "../simulate/run.js";
import { attributeEach, type ContentModel, contentModel } from "./content.js";

export interface LossParts {
  valueAdded: Float64Array;
  downstream: Float64Array;
  finalUseValue: Float64Array;
  consumerSurplus: Float64Array;
  stockDrawn: Float64Array;
  embodied: Float64Array;
  total: Float64Array;
}

export const LOSS_PARTS = [
  "valueAdded",
  "downstream",
  "finalUseValue",
  "consumerSurplus",
  "stockDrawn",
  "embodied",
  "total",
] as const;

function emptyParts(size: number): LossParts {
  return {
    valueAdded: new Float64Array(size),
    downstream: new Float64Array(size),
    finalUseValue: new Float64Array(size),
    consumerSurplus: new Float64Array(size),
    stockDrawn: new Float64Array(size),
    embodied: new Float64Array(size),
    total: new Float64Array(size),
  };
}

/**
 * Loss parts per network actor and month: index `a * months + t`. With `monthly` false, one
 * figure per actor over the whole run (index `a`), attributing embodied value once.
 */
export function lossParts(
  net: Network,
  trace: Trace,
  monthly: boolean,
  model: ContentModel = contentModel(net),
): LossParts {
  const A = net.actors.length;
  const T = trace.months;
  const N = net.nodeCount;
  const Q = net.poolCount;
  const slots = monthly ? T : 1;
  const parts = emptyParts(A * slots);
  const slot = (a: number, t: number) => (monthly ? a * T + t : a);
  for (let k = 0; k < N; k++) {
    const a = net.nodeActor[k]!;
    const g = net.nodeGood[k]!;
    const x0 = net.nodeBase[k]!;
    const va = net.goodValueAdded[g]!;
    const into = net.goodEconomy[g] === 1 ? parts.downstream : parts.valueAdded;
    for (let t = 0; t < T; t++) {
      const i = slot(a, t);
      into[i] = into[i]! + (x0 - trace.output[t * N + k]!) * va;
    }
  }
  const lostValue = new Float64Array(monthly ? T * Q : Q);
  for (let q = 0; q < Q; q++) {
    const f0 = net.poolFinal[q]!;
    if (!(f0 > 0)) continue;
    const a = net.poolActor[q]!;
    const g = net.poolGood[q]!;
    const p = net.goodPrice[g]!;
    const eps = net.goodElasticity[g]!;
    for (let t = 0; t < T; t++) {
      const lost = f0 - trace.served[t * Q + q]!;
      if (!(lost > 0)) continue;
      const s = lost / f0;
      const i = slot(a, t);
      parts.finalUseValue[i] = parts.finalUseValue[i]! + p * lost;
      parts.consumerSurplus[i] = parts.consumerSurplus[i]! + (p * f0 * s * s) / (2 * eps);
      const j = monthly ? t * Q + q : q;
      lostValue[j] = lostValue[j]! + p * lost;
    }
  }
  for (let q = 0; q < Q; q++) {
    const a = net.poolActor[q]!;
    const p = net.goodPrice[net.poolGood[q]!]!;
    let before = net.poolStockMonths[q]! * net.poolBase[q]!;
    for (let t = 0; t < T; t++) {
      const after = trace.stock[t * Q + q]!;
      const drawn = p * (before - after);
      before = after;
      if (drawn === 0) continue;
      const i = slot(a, t);
      parts.stockDrawn[i] = parts.stockDrawn[i]! + drawn;
      const j = monthly ? t * Q + q : q;
      lostValue[j] = lostValue[j]! + drawn;
    }
  }
  // Every month's value lost pushed back to the actors who made it, all months in one pass.
  attributeEach(net, model, lostValue, slots, parts.embodied);
  for (let i = 0; i < A * slots; i++)
    parts.total[i] =
      parts.finalUseValue[i]! +
      parts.consumerSurplus[i]! +
      parts.stockDrawn[i]! +
      parts.valueAdded[i]! +
      parts.downstream[i]! -
      parts.embodied[i]!;
  return parts;
}
