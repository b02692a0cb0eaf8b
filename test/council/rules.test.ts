// The treaty's voting rules on EU-27 with the 2025 populations.
import { describe, expect, it } from "vitest";
import type { Ballot } from "../../src/council/ballot.js";
import { findRule } from "../../src/council/council.js";
import type { Rule } from "../../src/council/rule.js";
import { vote } from "../../src/council/vote.js";
import { defaultCouncil } from "./data.js";

const council = defaultCouncil();
const ids = council.members.map((m) => m.id);
const rule = (name: string): Rule => {
  const r = findRule(council, name);
  if (!r) throw new Error(name);
  return r;
};
/** Ballots: everyone yes except the listed members. */
function ballots(except: Record<string, Ballot>): Ballot[] {
  for (const id of Object.keys(except)) if (!ids.includes(id)) throw new Error(id);
  return ids.map((id) => except[id] ?? "yes");
}
const against = (...members: string[]) =>
  ballots(Object.fromEntries(members.map((m) => [m, "no" as Ballot])));
const pass = (name: string, b: Ballot[]) => vote([rule(name)], council.members, b).pass;

describe("qualified majority (Art. 16(4) TEU)", () => {
  it("passes a measure opposed only by DE, FR and IT: a blocking minority needs four members", () => {
    const result = vote([rule("qmv")], council.members, against("DE", "FR", "IT"));
    expect(result.tally.yesPopulationShare).toBeLessThan(0.65);
    expect(result.pass).toBe(true);
    expect(result.outcomes[0]?.reason).toMatch(/deemed attained/);
  });

  it("fails a measure opposed by DE, FR, IT and PL (four members, more than 35%)", () => {
    expect(pass("qmv", against("DE", "FR", "IT", "PL"))).toBe(false);
  });

  it("passes one opposed by four small members, whose population is far below 35%", () => {
    expect(pass("qmv", against("MT", "LU", "CY", "EE"))).toBe(true);
  });

  it("counts abstentions against: 13 abstaining members block through the members criterion", () => {
    const small = ids.slice(-13);
    expect(
      pass("qmv", ballots(Object.fromEntries(small.map((m) => [m, "abstain" as Ballot])))),
    ).toBe(false);
    expect(
      pass("qmv", ballots(Object.fromEntries(small.slice(1).map((m) => [m, "abstain" as Ballot])))),
    ).toBe(true);
  });

  it("needs 15 members: DE, FR, IT, ES, PL and the 10 smallest pass; without PL, 14 do not", () => {
    const yes = ["DE", "FR", "IT", "ES", "PL", ...ids.slice(-10)];
    const b = ids.map((id) => (yes.includes(id) ? "yes" : "no") as Ballot);
    const result = vote([rule("qmv")], council.members, b);
    expect(result.tally.yes).toBe(15);
    expect(result.tally.yesPopulationShare).toBeGreaterThan(0.65);
    expect(result.pass).toBe(true);
    const without = b.map((x, i) => (ids[i] === "PL" ? "no" : x)) as Ballot[];
    expect(pass("qmv", without)).toBe(false);
  });
});

describe("qualified majority: the population criterion", () => {
  it("fails with 23 members in favour holding 42% of the population (DE, FR, IT, ES against)", () => {
    const result = vote([rule("qmv")], council.members, against("DE", "FR", "IT", "ES"));
    expect(result.tally.yes).toBe(23);
    expect(result.tally.yesPopulationShare).toBeCloseTo(0.4234, 4);
    expect(result.pass).toBe(false);
    expect(result.outcomes[0]?.reason).toMatch(/293,168,773 persons \(65\.00%\) needed/);
  });
});

describe("reinforced qualified majority (Art. 238(2) TFEU)", () => {
  it("has no four-member clause: DE, FR and IT (46.9%) block", () => {
    expect(pass("reinforced-qmv", against("DE", "FR", "IT"))).toBe(false);
  });
  it("needs 20 members: 8 small members against block, 7 do not", () => {
    expect(pass("reinforced-qmv", against(...ids.slice(-8)))).toBe(false);
    expect(pass("reinforced-qmv", against(...ids.slice(-7)))).toBe(true);
  });
});

describe("simple majority (Art. 238(1) TFEU)", () => {
  it("needs 14 yes votes of the 27 component members, abstentions counting against", () => {
    const yes14 = ids.map((_, i) => (i < 14 ? "yes" : "abstain") as Ballot);
    const yes13 = ids.map((_, i) => (i < 13 ? "yes" : i < 14 ? "abstain" : "no") as Ballot);
    expect(pass("simple-majority", yes14)).toBe(true);
    expect(pass("simple-majority", yes13)).toBe(false);
  });
});

describe("unanimity (Art. 238(4) TFEU)", () => {
  it("is not prevented by abstentions", () => {
    expect(pass("unanimity", ballots({ HU: "abstain", SK: "abstain", DE: "abstain" }))).toBe(true);
  });
  it("fails on a single vote against", () => {
    expect(pass("unanimity", against("MT"))).toBe(false);
  });
  it("fails when nobody votes in favour", () => {
    expect(
      pass(
        "unanimity",
        ids.map(() => "abstain" as Ballot),
      ),
    ).toBe(false);
  });
});

describe("unanimity with constructive abstention (Art. 31(1) TEU)", () => {
  const abstaining = (members: string[]) =>
    ballots(Object.fromEntries(members.map((m) => [m, "abstain" as Ballot])));
  it("fails when abstainers are at least a third of the members and of the population", () => {
    const nine = ["DE", "FR", "IT", "ES", "PL", "RO", "NL", "BE", "CZ"];
    expect(pass("unanimity-cfsp", abstaining(nine))).toBe(false);
    expect(pass("unanimity", abstaining(nine))).toBe(true);
  });
  it("passes when abstainers are a third of the members but not of the population", () => {
    expect(pass("unanimity-cfsp", abstaining(ids.slice(-9)))).toBe(true);
  });
  it("passes when abstainers hold a third of the population but are fewer than nine", () => {
    expect(pass("unanimity-cfsp", abstaining(["DE", "FR", "IT"]))).toBe(true);
  });
});

describe("a measure with two steps (sanctions)", () => {
  const kinds = [rule("unanimity-cfsp"), rule("qmv")];
  it("fails when the CFSP decision is vetoed though the regulation would have its majority", () => {
    const result = vote(kinds, council.members, against("HU"));
    expect(result.outcomes.map((o) => o.pass)).toEqual([false, true]);
    expect(result.pass).toBe(false);
  });
  it("fails when abstentions leave the regulation without its qualified majority", () => {
    const b = ballots(Object.fromEntries(ids.slice(-13).map((m) => [m, "abstain" as Ballot])));
    expect(vote(kinds, council.members, b).outcomes.map((o) => o.pass)).toEqual([true, false]);
  });
});
