/**
 * From a member's gain to its ballot. A gain is one number, or an economic and a security part
 * weighted into one: g = w_e · economic + w_s · security. A member votes yes when g ≥ 0. With
 * an abstention band b ≥ 0, a member that loses a little (−b ≤ g < 0) abstains rather than
 * vote against, and one that loses more (g < −b) votes against. The default band is 0: no
 * abstentions. Under majority rules an abstention counts against anyway; under unanimity it
 * does not prevent adoption, so the band decides whether a small loser vetoes.
 * @module
 */

export type Ballot = "yes" | "no" | "abstain";

export const BALLOTS: readonly Ballot[] = ["yes", "no", "abstain"];

export interface GainParts {
  economic?: number | undefined;
  security?: number | undefined;
}

export type GainInput = number | GainParts;

export interface GainWeights {
  economic: number;
  security: number;
}

export const DEFAULT_WEIGHTS: Readonly<GainWeights> = Object.freeze({ economic: 1, security: 1 });

export function netGain(input: GainInput, weights: GainWeights = DEFAULT_WEIGHTS): number {
  if (typeof input === "number") return input;
  return weights.economic * (input.economic ?? 0) + weights.security * (input.security ?? 0);
}

export function ballotOf(gain: number, band = 0): Ballot {
  if (gain >= 0) return "yes";
  if (gain >= -band) return "abstain";
  return "no";
}
