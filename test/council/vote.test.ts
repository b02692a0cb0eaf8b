import { describe, expect, it } from "vitest";
import { type Ballot, ballotOf, netGain } from "../../src/council/ballot.js";
import { findRule } from "../../src/council/council.js";
import { vote } from "../../src/council/vote.js";
import { defaultCouncil } from "./data.js";

describe("ballotOf(gain, band)", () => {
  it("votes yes at a gain of 0 or more, abstains within the band, votes no below it", () => {
    expect(ballotOf(0)).toBe("yes");
    expect(ballotOf(2.5)).toBe("yes");
    expect(ballotOf(-0.01)).toBe("no");
    expect(ballotOf(-0.5, 0.5)).toBe("abstain");
    expect(ballotOf(-0.51, 0.5)).toBe("no");
  });
  it("weighs economic and security gains", () => {
    expect(netGain({ economic: -3, security: 2 }, { economic: 1, security: 0.5 })).toBe(-2);
    expect(netGain({ security: 2 })).toBe(2);
    expect(netGain(1.5)).toBe(1.5);
  });
});

describe("vote: pivotal members", () => {
  const council = defaultCouncil();
  const qmv = findRule(council, "qmv");
  if (!qmv) throw new Error("qmv");
  const ids = council.members.map((m) => m.id);

  it("with DE, FR, IT and PL against, each of them could pass it by voting yes", () => {
    const b = ids.map((id): Ballot => (["DE", "FR", "IT", "PL"].includes(id) ? "no" : "yes"));
    const result = vote([qmv], council.members, b);
    expect(result.pass).toBe(false);
    const pivotal = new Map(result.pivotal.map((p) => [p.member, p.switchTo]));
    for (const id of ["DE", "FR", "IT", "PL"]) expect(pivotal.get(id), id).toEqual(["yes"]);
    // No yes voter can change a failing outcome by withdrawing.
    for (const id of ids.filter((x) => !["DE", "FR", "IT", "PL"].includes(x)))
      expect(pivotal.has(id), id).toBe(false);
  });

  it("with everyone in favour, nobody is pivotal", () => {
    const result = vote(
      [qmv],
      council.members,
      ids.map(() => "yes" as const),
    );
    expect(result.pass).toBe(true);
    expect(result.pivotal).toEqual([]);
  });

  it("reports the yes, no and abstain sets and the yes population share", () => {
    const b = ids.map((id): Ballot => (id === "DE" ? "no" : id === "MT" ? "abstain" : "yes"));
    const result = vote([qmv], council.members, b);
    expect(result.no).toEqual(["DE"]);
    expect(result.abstain).toEqual(["MT"]);
    expect(result.yes).toHaveLength(25);
    expect(result.tally.yesPopulationShare).toBeCloseTo(
      1 - (83_386_901 + 541_181) / 451_028_881,
      12,
    );
  });

  it("under unanimity, the lone objector is pivotal and may switch to yes or abstain", () => {
    const unanimity = findRule(council, "unanimity");
    if (!unanimity) throw new Error("unanimity");
    const b = ids.map((id): Ballot => (id === "HU" ? "no" : "yes"));
    const result = vote([unanimity], council.members, b);
    expect(result.pivotal.find((p) => p.member === "HU")?.switchTo).toEqual(["yes", "abstain"]);
  });
});
