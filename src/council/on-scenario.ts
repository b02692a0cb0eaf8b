/**
 * The Council's view of a scenario whose measures the EU takes: each member's gain (its
 * simulated loss in the run's measure, with the sign turned), who bears the EU's cost and in what share,
 * whether the measure passes under the rules its treaty basis requires, who is pivotal, and the
 * least compensation between members (or, failing that, from the EU budget) that makes it pass.
 * Security effects are not in the gains: they are what the measure is for, and levier does not
 * price them for the vote (docs/council.md).
 * @module
 */
import { ballotOf } from "./ballot.js";
import { type CompensationResult, compensate } from "./compensation/compensate.js";
import type { MilpSolver } from "./compensation/milp.js";
import { type Council, findMeasureKind, rulesOfMeasure } from "./council.js";
import { type VoteResult, vote } from "./vote.js";

export interface MemberCost {
  member: string;
  /** Net gain over the horizon, USD (= − the loss the EU's measures cause it). */
  gain: number;
  /** Share of the EU's total loss borne by this member (losers only; 0 for winners). */
  costShare: number;
}

export interface CouncilOnScenario {
  measure: string;
  name: string;
  basis: string[];
  rules: string[];
  members: MemberCost[];
  vote: VoteResult;
  compensation: CompensationResult;
}

/** Gains are per member id; members missing from `gains` count as 0. */
export function councilOnScenario(
  council: Council,
  measureKind: string,
  gains: ReadonlyMap<string, number>,
  solve: MilpSolver,
): CouncilOnScenario {
  const kind = findMeasureKind(council, measureKind);
  if (!kind)
    throw new RangeError(
      `councilOnScenario: unknown measure kind ${measureKind}; the scenario check validates it`,
    );
  const rules = rulesOfMeasure(council, kind);
  const g = council.members.map((m) => gains.get(m.id) ?? 0);
  const totalLoss = g.reduce((s, x) => s + (x < 0 ? -x : 0), 0);
  const members = council.members.map((m, i) => ({
    member: m.id,
    gain: g[i]!,
    costShare: totalLoss > 0 && g[i]! < 0 ? -g[i]! / totalLoss : 0,
  }));
  const result = vote(
    rules,
    council.members,
    g.map((x) => ballotOf(x)),
  );
  const input = {
    rules,
    members: council.members,
    gains: g,
    abstentionBand: 0,
    allGain: false,
    budget: false,
  };
  let compensation = compensate(input, solve);
  if (compensation.status === "infeasible")
    compensation = compensate({ ...input, budget: true }, solve);
  return {
    measure: kind.id,
    name: kind.name,
    basis: kind.steps.map((s) => s.basis),
    rules: rules.map((r) => r.id),
    members,
    vote: result,
    compensation,
  };
}
