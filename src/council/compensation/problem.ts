/**
 * What a compensation problem is made of, and the quantities every method shares: who gains
 * (winners, who can pay), who loses (who may be bought), and the least each loser must receive
 * to vote yes, or, under unanimity, to abstain rather than veto.
 * @module
 */
import type { Member, Rule } from "../rule.js";

export interface CompensationInput {
  /** Every rule the measure needs (one per step). */
  rules: readonly Rule[];
  members: readonly Member[];
  /** Net gain of each member from the measure, in member order. */
  gains: readonly number[];
  /** Members with −band ≤ gain < 0 abstain (see ballot.ts). */
  abstentionBand: number;
  /** Every member must end with a gain ≥ 0 (the measure made a Pareto improvement). */
  allGain: boolean;
  /** The EU budget may pay what the winners' gains cannot. */
  budget: boolean;
}

export interface Sides {
  /** Members with gain ≥ 0: they vote yes and may pay up to their gain. */
  winners: number[];
  /** Members with gain < 0. */
  losers: number[];
  /** True when some rule is unanimity: a loser not voting yes must at least abstain. */
  mustAbstain: boolean;
}

export function sidesOf(input: CompensationInput): Sides {
  const winners: number[] = [];
  const losers: number[] = [];
  input.gains.forEach((g, i) => (g >= 0 ? winners : losers).push(i));
  return { winners, losers, mustAbstain: input.rules.some((r) => r.kind === "unanimity") };
}

/** The smallest t ≥ 0 with gain + t ≥ target in floating point. */
export function lift(gain: number, target: number): number {
  if (gain >= target) return 0;
  let t = target - gain;
  while (gain + t < target) t += Math.max(Number.MIN_VALUE, Math.abs(t) * Number.EPSILON);
  return t;
}

/** What loser i must receive: to vote yes, or (when it must at least abstain) to abstain. */
export function floorOf(input: CompensationInput, sides: Sides, i: number, yes: boolean): number {
  const g = input.gains[i] ?? 0;
  if (yes || input.allGain) return lift(g, 0);
  return sides.mustAbstain ? lift(g, -input.abstentionBand) : 0;
}
