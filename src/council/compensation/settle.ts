/**
 * From the set of losers bought to vote yes to the transfers, and the check vote.
 *
 * Each loser receives its floor exactly (computed from its gain, not read from the solver, so
 * that gain + transfer ≥ 0 holds in floating point). The total D is paid by the winners pro
 * rata to their gains, each giving up the same share D / Σ_W g of its gain (the split that
 * minimises the largest share any payer gives up); when D exceeds what winners gain and the
 * EU budget is allowed, the budget pays the rest. Then every member votes on its gain after
 * transfers, and the vote is run again under every rule: that is the check.
 * @module
 */
import { type Ballot, ballotOf } from "../ballot.js";
import { type VoteResult, vote } from "../vote.js";
import { type CompensationInput, floorOf, type Sides } from "./problem.js";

export interface Settlement {
  /** Net transfer received by each member (negative: paid). */
  transfers: number[];
  /** Total received by losers. */
  received: number;
  /** Total paid by winners. */
  fromMembers: number;
  /** Paid by the EU budget. */
  fromBudget: number;
  /** Σ transfers − budget: zero up to rounding. */
  residual: number;
  finalGains: number[];
  ballots: Ballot[];
  check: VoteResult;
}

/** Relative slack for Σ received ≤ Σ winners' gains, for rounding in the solver's sums. */
export const BALANCE_TOLERANCE = 1e-9;

/** The settlement of buying `bought` (loser indices), or undefined when the winners cannot pay. */
export function settle(
  input: CompensationInput,
  sides: Sides,
  bought: ReadonlySet<number>,
): Settlement | undefined {
  const n = input.members.length;
  const transfers = new Array<number>(n).fill(0);
  let received = 0;
  for (const i of sides.losers) {
    const t = floorOf(input, sides, i, bought.has(i));
    transfers[i] = t;
    received += t;
  }
  let surplus = 0;
  for (const i of sides.winners) surplus += input.gains[i] ?? 0;
  let paid = Math.min(received, surplus);
  let fromBudget = 0;
  if (received > surplus) {
    if (input.budget) fromBudget = received - surplus;
    else if (received - surplus > BALANCE_TOLERANCE * Math.max(1, received)) return undefined;
    else paid = surplus;
  }
  const share = surplus > 0 ? paid / surplus : 0;
  let fromMembers = 0;
  for (const i of sides.winners) {
    const t = -((input.gains[i] ?? 0) * share);
    transfers[i] = t === 0 ? 0 : t;
    fromMembers -= t;
  }
  const finalGains = input.gains.map((g, i) => g + (transfers[i] ?? 0));
  const ballots = finalGains.map((g) => ballotOf(g, input.abstentionBand));
  const residual = transfers.reduce((s, t) => s + t, 0) - fromBudget;
  return {
    transfers,
    received,
    fromMembers,
    fromBudget,
    residual,
    finalGains,
    ballots,
    check: vote(input.rules, input.members, ballots),
  };
}
