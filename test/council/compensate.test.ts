// Compensation: the MILP (HiGHS) against trying every set of losers to buy, on seeded random
// councils; every result re-checked by a vote with the transfers applied.
import { beforeAll, describe, expect, it } from "vitest";
import { ballotOf } from "../../src/council/ballot.js";
import {
  CompensationError,
  type CompensationResult,
  compensate,
} from "../../src/council/compensation/compensate.js";
import { compensateByEnumeration } from "../../src/council/compensation/enumerate.js";
import type { MilpSolver } from "../../src/council/compensation/milp.js";
import type { CompensationInput } from "../../src/council/compensation/problem.js";
import { findRule } from "../../src/council/council.js";
import type { MajorityRule, Member, Rule } from "../../src/council/rule.js";
import { vote } from "../../src/council/vote.js";
import { loadHighsSolver } from "../../src/node/highs.js";
import { defaultCouncil } from "./data.js";
import { seeded } from "./seeded.js";

let solve: MilpSolver;
beforeAll(async () => {
  solve = await loadHighsSolver();
});

const council = defaultCouncil();
const rule = (name: string): Rule => {
  const r = findRule(council, name);
  if (!r) throw new Error(name);
  return r;
};
/** QMV for a small council: Art. 16(4)'s "at least fifteen" floor would leave only its clause. */
const smallQmv: Rule = {
  ...rule("qmv"),
  members: { ...(rule("qmv") as MajorityRule).members },
} as Rule;
delete (smallQmv as MajorityRule).members.notFewerThan;
const RULE_SETS: Rule[][] = [
  [smallQmv],
  [rule("qmv")],
  [rule("reinforced-qmv")],
  [rule("simple-majority")],
  [rule("unanimity")],
  [rule("unanimity-cfsp")],
  [rule("unanimity-cfsp"), smallQmv],
];

/** The check, written independently of settle.ts: apply the transfers and vote again. */
function recheck(input: CompensationInput, r: CompensationResult) {
  const final = r.transfers.map((t, i) => (input.gains[i] as number) + t.transfer);
  const result = vote(
    input.rules,
    input.members,
    final.map((g) => ballotOf(g, input.abstentionBand)),
  );
  expect(result.pass).toBe(true);
  const sum = r.transfers.reduce((s, t) => s + t.transfer, 0);
  expect(sum).toBeCloseTo(r.fromBudget, 9);
  expect(r.total).toBeCloseTo(r.fromMembers + r.fromBudget, 9);
  r.transfers.forEach((t, i) => {
    const g = input.gains[i] as number;
    if (t.transfer < 0) {
      expect(g, `${t.member} pays but did not gain`).toBeGreaterThanOrEqual(0);
      expect(final[i], `${t.member} pays more than it gains`).toBeGreaterThanOrEqual(0);
    }
    if (input.allGain) expect(final[i], t.member).toBeGreaterThanOrEqual(0);
  });
}

function randomInput(seed: number, rules: Rule[]): CompensationInput {
  const rng = seeded(seed);
  const n = rng.int(5, 12);
  // Half the councils have small populations, where coalitions often sit right at the quota.
  const small = seed % 2 === 0;
  const members: Member[] = Array.from({ length: n }, (_, i) => ({
    id: `M${i}`,
    name: `Member ${i}`,
    population: small
      ? rng.int(1, 20)
      : rng.int(100_000, rng.next() < 0.3 ? 90_000_000 : 12_000_000),
  }));
  const gains = members.map(() => Math.round((rng.next() * 10 - 5.5) * 100) / 100);
  return {
    rules,
    members,
    gains,
    abstentionBand: rng.pick([0, 0, 0.5, 2]),
    allGain: rng.next() < 0.15,
    budget: rng.next() < 0.3,
  };
}

describe("compensate: the MILP equals enumeration", () => {
  RULE_SETS.forEach((rules, r) => {
    const name = rules
      .map((x) => (x === smallQmv ? "qmv without the 15-member floor" : x.id))
      .join(" + ");
    it(`on 40 random councils of 5 to 12 members under ${name}`, () => {
      let feasible = 0;
      for (let s = 0; s < 40; s++) {
        const input = randomInput(1000 * r + s, rules);
        const milp = compensate(input, solve);
        const brute = compensateByEnumeration(input);
        expect(milp.status, `seed ${s}`).toBe(brute.best ? "optimal" : "infeasible");
        // The formulation is exact: the first answer passes the check (cuts are for numerics).
        expect(milp.solver.rounds, `seed ${s}`).toBeLessThanOrEqual(1);
        if (!brute.best) continue;
        feasible++;
        expect(milp.total, `seed ${s}`).toBeCloseTo(brute.best.received, 9);
        expect(milp.after?.pass).toBe(true);
        recheck(input, milp);
      }
      expect(feasible).toBeGreaterThan(5);
    });
  });
});

describe("compensate on EU-27", () => {
  const ids = council.members.map((m) => m.id);
  const gainsOf = (g: Record<string, number>, others: number) => ids.map((id) => g[id] ?? others);
  const base = {
    members: council.members,
    abstentionBand: 0.5,
    allGain: false,
    budget: false,
  };
  const gains = gainsOf({ NL: -3, DE: -2, FR: -1.5, IT: -3, PL: -0.2 }, 1);

  it("buys the cheapest winning set: FR and PL (24 yes, only three against)", () => {
    const input = { ...base, rules: [rule("qmv")], gains };
    const r = compensate(input, solve);
    expect(r.passesWithoutTransfers).toBe(false);
    expect(r.status).toBe("optimal");
    expect(r.bought).toEqual(["FR", "PL"]);
    expect(r.total).toBeCloseTo(1.7, 12);
    expect(r.receivers).toEqual([
      { member: "FR", amount: 1.5 },
      { member: "PL", amount: expect.closeTo(0.2, 12) },
    ]);
    expect(r.payers).toHaveLength(22);
    recheck(input, r);
  });

  it("with --all-gain, pays every loser its whole loss", () => {
    const input = { ...base, rules: [rule("qmv")], gains, allGain: true };
    const r = compensate(input, solve);
    expect(r.total).toBeCloseTo(2 + 1.5 + 3 + 3 + 0.2, 12);
    expect(r.after?.yes).toHaveLength(27);
    recheck(input, r);
  });

  it("pays nothing when the measure already passes", () => {
    const input = { ...base, rules: [rule("qmv")], gains: gainsOf({ DE: -5, FR: -5, IT: -5 }, 1) };
    const r = compensate(input, solve);
    expect(r.passesWithoutTransfers).toBe(true);
    expect(r.total).toBe(0);
    expect(r.transfers.every((t) => t.transfer === 0)).toBe(true);
  });

  it("under unanimity with a band, buys vetoes down to abstentions only", () => {
    const input = { ...base, rules: [rule("unanimity")], gains: gainsOf({ HU: -3, SK: -0.4 }, 1) };
    const r = compensate(input, solve);
    expect(r.total).toBeCloseTo(2.5, 12);
    expect(r.after?.abstain).toEqual(["HU", "SK"]);
    recheck(input, r);
  });

  it("reports infeasible, and the shortfall the budget would cover", () => {
    const input = {
      ...base,
      rules: [rule("qmv")],
      gains: gainsOf({ DE: -20, FR: -20, IT: -20, ES: -20 }, 0.1),
    };
    const r = compensate(input, solve);
    expect(r.status).toBe("infeasible");
    expect(r.after).toBeUndefined();
    // Cheapest: buy one of the four (20) with 2.3 from the 23 others: shortfall 17.7.
    expect(r.shortfall).toBeCloseTo(17.7, 9);
    const funded = compensate({ ...input, budget: true }, solve);
    expect(funded.status).toBe("optimal");
    expect(funded.fromBudget).toBeCloseTo(17.7, 9);
    expect(funded.fromMembers).toBeCloseTo(2.3, 9);
    recheck({ ...input, budget: true }, funded);
  });
});

describe("compensate: the check and the solver contract", () => {
  const input: CompensationInput = {
    rules: [rule("qmv")],
    members: council.members,
    gains: council.members.map((m) => (["DE", "FR", "IT", "PL"].includes(m.id) ? -1 : 1)),
    abstentionBand: 0,
    allGain: false,
    budget: false,
  };

  it("cuts off a yes-set the check rejects and asks again", () => {
    let calls = 0;
    const wrongFirst: MilpSolver = (lp) => {
      calls++;
      if (calls === 1)
        return { status: "optimal", detail: "Optimal", objective: 0, values: new Map() };
      expect(lp).toMatch(/cut0:/);
      return solve(lp);
    };
    const r = compensate(input, wrongFirst);
    expect(calls).toBe(2);
    expect(r.solver.rounds).toBe(2);
    expect(r.total).toBe(1);
  });

  it("throws CompensationError when every answer fails the check", () => {
    const alwaysWrong: MilpSolver = () => ({
      status: "optimal",
      detail: "Optimal",
      objective: 0,
      values: new Map(),
    });
    expect(() => compensate(input, alwaysWrong, { maxRounds: 3 })).toThrow(CompensationError);
  });

  it("throws CompensationError when the solver stops without an optimum", () => {
    const stopped: MilpSolver = () => ({
      status: "error",
      detail: "Time limit reached",
      objective: Number.NaN,
      values: new Map(),
    });
    expect(() => compensate(input, stopped)).toThrow(/Time limit reached/);
  });

  it("refuses gains that are not finite", () => {
    expect(() => compensate({ ...input, gains: input.gains.map(() => Number.NaN) }, solve)).toThrow(
      RangeError,
    );
  });
});
