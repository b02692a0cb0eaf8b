/**
 * The loss measure an analysis reads: the total welfare loss by default, or one of its parts
 * (docs/model.md, "Losses"). One name per measure, shared by the CLI flag `--loss`, the
 * scenario option `options.loss`, leverage, exposure, games and the Council's gains.
 * @module
 */
import type { LossParts } from "./compute.js";

export const LOSS_MEASURES = [
  "total",
  "production",
  "value-added",
  "final-use",
  "downstream",
] as const;
export type LossMeasure = (typeof LOSS_MEASURES)[number];
export const DEFAULT_LOSS_MEASURE: LossMeasure = "total";

export const LOSS_MEASURE_MEANING: Record<LossMeasure, string> = {
  total:
    "welfare loss: final use lost (with consumer surplus) plus value added lost that no final user misses",
  production: "real GDP lost, production side: value added lost in the chain and downstream",
  "value-added": "production value added lost in the chain's goods",
  "final-use": "final use lost at baseline prices, plus consumer surplus lost",
  downstream: "value added lost in the economy's sectors downstream of the chain",
};

/** The figure of `measure` from the parts at index `i`. */
export function measureAt(parts: LossParts, measure: LossMeasure, i: number): number {
  switch (measure) {
    case "total":
      return parts.total[i]!;
    case "production":
      return parts.valueAdded[i]! + parts.downstream[i]!;
    case "value-added":
      return parts.valueAdded[i]!;
    case "final-use":
      return parts.finalUseValue[i]! + parts.consumerSurplus[i]!;
    case "downstream":
      return parts.downstream[i]!;
  }
}

/** The measure per network actor, from parts computed over a run (one slot per actor). */
export function measureByActor(parts: LossParts, measure: LossMeasure): Float64Array {
  const out = new Float64Array(parts.total.length);
  for (let i = 0; i < out.length; i++) out[i] = measureAt(parts, measure, i);
  return out;
}

/** The loss figures of an actor's result that the measures read. */
export interface ActorLosses {
  loss: number;
  valueAddedLost: number;
  downstreamLost: number;
  finalUseLost: number;
}

/** An actor's loss over the horizon in `measure`, USD. */
export function actorLoss(a: ActorLosses, measure: LossMeasure): number {
  switch (measure) {
    case "total":
      return a.loss;
    case "production":
      return a.valueAddedLost + a.downstreamLost;
    case "value-added":
      return a.valueAddedLost;
    case "final-use":
      return a.finalUseLost;
    case "downstream":
      return a.downstreamLost;
  }
}
