/**
 * The least total transfer between members that makes a measure pass, solved exactly as a
 * MILP (formulate.ts) by an injected solver, settled (settle.ts) and checked by running the
 * vote again with the transfers applied. A yes-set the check rejects (a numerical accident of
 * the solver's tolerances) is cut off and the MILP solved again, at most `maxRounds` times;
 * beyond that, or on a solver failure, `CompensationError`, never a silent answer.
 * @module
 */
import { ballotOf } from "../ballot.js";
import { type VoteResult, vote } from "../vote.js";
import { formulate, yName } from "./formulate.js";
import { MAX_MAGNITUDE, type MilpSolver, toLpText } from "./milp.js";
import { type CompensationInput, sidesOf } from "./problem.js";
import { type Settlement, settle } from "./settle.js";

export interface Transfer {
  member: string;
  gain: number;
  /** Received (> 0) or paid (< 0). */
  transfer: number;
  finalGain: number;
}

export interface CompensationResult {
  status: "optimal" | "infeasible";
  rules: string[];
  options: { allGain: boolean; budget: boolean; abstentionBand: number };
  passesWithoutTransfers: boolean;
  /** The vote on the gains as they are. */
  before: VoteResult;
  /** Total received by the members compensated (= paid by members + budget). */
  total: number;
  fromMembers: number;
  fromBudget: number;
  /** Infeasible without the budget: what the budget would have to add. */
  shortfall?: number;
  /** Losers bought to vote yes. */
  bought: string[];
  transfers: Transfer[];
  payers: { member: string; amount: number }[];
  receivers: { member: string; amount: number }[];
  /** The check: the vote with the transfers applied (it passes whenever status is optimal). */
  after?: VoteResult;
  /** Σ transfers − budget (rounding only). */
  residual: number;
  solver: { rounds: number; detail: string; objective?: number };
}

export class CompensationError extends Error {
  override name = "CompensationError";
}

export const DEFAULTS = Object.freeze({ maxRounds: 20 });

export function compensate(
  input: CompensationInput,
  solve: MilpSolver,
  options: { maxRounds?: number } = {},
): CompensationResult {
  checkInput(input);
  const maxRounds = options.maxRounds ?? DEFAULTS.maxRounds;
  const sides = sidesOf(input);
  const before = vote(
    input.rules,
    input.members,
    input.gains.map((g) => ballotOf(g, input.abstentionBand)),
  );
  const cuts: number[][] = [];
  for (let round = 1; round <= maxRounds; round++) {
    if (sides.losers.length === 0) {
      const s = settle(input, sides, new Set());
      if (s?.check.pass) return result(input, before, s, [], { rounds: 0, detail: "nobody loses" });
      throw new CompensationError(
        "compensate: every member gains but the measure fails the check vote",
      );
    }
    const f = formulate(input, sides, cuts);
    if (!f.model) return infeasible(input, before, solve, f.infeasible ?? "infeasible", round);
    const solution = solve(toLpText(f.model));
    if (solution.status === "infeasible")
      return infeasible(input, before, solve, solution.detail, round);
    if (solution.status !== "optimal")
      throw new CompensationError(`compensate: the solver stopped with "${solution.detail}"`);
    const bought = sides.losers.filter((i) => (solution.values.get(yName(i)) ?? 0) > 0.5);
    const s = settle(input, sides, new Set(bought));
    if (s?.check.pass)
      return result(input, before, s, bought, {
        rounds: round,
        detail: solution.detail,
        objective: solution.objective,
      });
    cuts.push(bought);
  }
  throw new CompensationError(
    `compensate: the check vote rejected ${maxRounds} solutions in a row; the solver's tolerances do not suit these figures`,
  );
}

function infeasible(
  input: CompensationInput,
  before: VoteResult,
  solve: MilpSolver,
  detail: string,
  rounds: number,
): CompensationResult {
  const out: CompensationResult = {
    status: "infeasible",
    rules: input.rules.map((r) => r.id),
    options: { allGain: input.allGain, budget: input.budget, abstentionBand: input.abstentionBand },
    passesWithoutTransfers: before.pass,
    before,
    total: 0,
    fromMembers: 0,
    fromBudget: 0,
    bought: [],
    transfers: input.members.map((m, i) => {
      const g = input.gains[i] ?? 0;
      return { member: m.id, gain: g, transfer: 0, finalGain: g };
    }),
    payers: [],
    receivers: [],
    residual: 0,
    solver: { rounds, detail },
  };
  if (!input.budget) {
    const withBudget = compensate({ ...input, budget: true }, solve);
    if (withBudget.status === "optimal") out.shortfall = withBudget.fromBudget;
  }
  return out;
}

function result(
  input: CompensationInput,
  before: VoteResult,
  s: Settlement,
  bought: number[],
  solver: CompensationResult["solver"],
): CompensationResult {
  const ids = input.members.map((m) => m.id);
  const transfers = input.members.map((m, i) => ({
    member: m.id,
    gain: input.gains[i] ?? 0,
    transfer: s.transfers[i] ?? 0,
    finalGain: s.finalGains[i] ?? 0,
  }));
  return {
    status: "optimal",
    rules: input.rules.map((r) => r.id),
    options: { allGain: input.allGain, budget: input.budget, abstentionBand: input.abstentionBand },
    passesWithoutTransfers: before.pass,
    before,
    total: s.received,
    fromMembers: s.fromMembers,
    fromBudget: s.fromBudget,
    bought: bought.map((i) => ids[i] as string),
    transfers,
    payers: transfers
      .filter((t) => t.transfer < 0)
      .map((t) => ({ member: t.member, amount: -t.transfer })),
    receivers: transfers
      .filter((t) => t.transfer > 0)
      .map((t) => ({ member: t.member, amount: t.transfer })),
    after: s.check,
    residual: s.residual,
    solver,
  };
}

function checkInput(input: CompensationInput): void {
  const n = input.members.length;
  if (input.gains.length !== n)
    throw new RangeError(`compensate: ${input.gains.length} gains for ${n} members`);
  for (const g of input.gains)
    if (!Number.isFinite(g) || Math.abs(g) > MAX_MAGNITUDE)
      throw new RangeError(`compensate: gain ${g} is not a finite number within ±${MAX_MAGNITUDE}`);
  if (!(input.abstentionBand >= 0) || input.abstentionBand > MAX_MAGNITUDE)
    throw new RangeError(`compensate: abstention band ${input.abstentionBand} must be ≥ 0`);
  if (input.rules.length === 0) throw new RangeError("compensate: no rule");
}
