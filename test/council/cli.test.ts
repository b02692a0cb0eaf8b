// `levier council …` in-process through the CLI, errors mapped to exit codes by cli/exit.ts.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { FIXTURES } from "./data.js";

const GAINS = join(FIXTURES, "gains");

/** `levier council ARGV` in-process from the gains fixtures (the whole CLI, as main wires it). */
function council(...argv: string[]) {
  return runCli(["council", ...argv], GAINS);
}

describe("council power", () => {
  it("--rule qmv --json prints one document with exact indices for the 27 members", async () => {
    const { code, stdout, stderr } = await council("power", "--rule", "qmv", "--json");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.rule).toBe("qmv");
    expect(doc.passProbability).toBeCloseTo(0.1321, 4);
    expect(doc.winningCoalitions).toBe(17_729_938);
    expect(doc.members).toHaveLength(27);
    expect(doc.members[0]).toMatchObject({ id: "DE", population: 83_386_901 });
    expect(doc.members[0].shapleyShubik).toBeCloseTo(0.1756, 4);
    const sum = (k: string) =>
      doc.members.reduce((s: number, m: Record<string, number>) => s + (m[k] as number), 0);
    expect(sum("banzhaf")).toBeCloseTo(1, 12);
    expect(sum("shapleyShubik")).toBeCloseTo(1, 12);
  });

  it("accepts a rule alias and prints a table", async () => {
    const { code, stdout } = await council("power", "--rule", "reinforced");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Reinforced qualified majority \(reinforced-qmv\)/);
    expect(stdout).toMatch(/DE\s+Germany\s+83,386,901/);
    expect(stdout).toMatch(/Probability that a random coalition passes: 0\.78%/);
  });

  it("refuses an unknown rule with exit code 2, naming the rules there are", async () => {
    const { code, stdout, stderr } = await council("power", "--rule", "qvm", "--json");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(
      /error\[unknown-rule\] --rule: unknown rule "qvm"; expected one of qmv,/,
    );
  });

  it("reports broken council data at file:line:col", async () => {
    const { code, stderr } = await council(
      "power",
      "--rule",
      "qmv",
      "--council-data",
      join(FIXTURES, "bad-share"),
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /bad-share\/rules\.yaml:5:25: error\[schema\] rules\[0\]\.members\.atLeast/,
    );
  });
});

describe("council rules", () => {
  it("lists rules and measure kinds with their treaty basis", async () => {
    const { code, stdout } = await council("rules", "--json");
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.rules.map((r: { id: string }) => r.id)).toEqual([
      "qmv",
      "reinforced-qmv",
      "simple-majority",
      "unanimity",
      "unanimity-cfsp",
    ]);
    expect(doc.rules[0].thresholds).toMatchObject({ minYes: 15, populationQuota: 293_168_773 });
    const sanctions = doc.measureKinds.find((k: { id: string }) => k.id === "restrictive-measures");
    expect(sanctions.steps.map((s: { rule: string }) => s.rule)).toEqual(["unanimity-cfsp", "qmv"]);
  });

  it("prints the same as text tables", async () => {
    const { stdout } = await council("rules");
    expect(stdout).toMatch(
      /qmv\s+Qualified majority \(double majority\)\s+at least 55% of members \(not fewer than 15\)/,
    );
    expect(stdout).toMatch(/aci-determination\s+qmv\s+Regulation \(EU\) 2023\/2675/);
  });
});

describe("council vote", () => {
  it("fails a measure opposed by DE, FR, IT and NL, and lists who voted how", async () => {
    const { code, stdout } = await council(
      "vote",
      "--rule",
      "qmv",
      "--gains",
      "map.yaml",
      "--json",
    );
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.pass).toBe(false);
    expect(doc.no).toEqual(["DE", "FR", "IT", "PL", "NL"]);
    expect(doc.members.find((m: { id: string }) => m.id === "NL")).toEqual({
      id: "NL",
      gain: -3,
      ballot: "no",
    });
  });

  it("with an abstention band, lets PL abstain; sanctions need both acts", async () => {
    const { stdout } = await council(
      "vote",
      "--measure",
      "restrictive-measures",
      "--gains",
      "structured.yaml",
      "--json",
    );
    const doc = JSON.parse(stdout);
    expect(doc.measure).toBe("restrictive-measures");
    expect(doc.rules).toEqual(["unanimity-cfsp", "qmv"]);
    expect(doc.abstain).toEqual(["PL"]);
    expect(doc.outcomes.map((o: { pass: boolean }) => o.pass)).toEqual([false, false]);
  });

  it("prints the outcome, the reason and the pivotal members as text", async () => {
    const { stdout } = await council("vote", "--rule", "qmv", "--gains", "map.yaml");
    expect(stdout).toMatch(/^The measure FAILS\./);
    expect(stdout).toMatch(
      /22 members in favour with 40\.78% of the population; 293,168,773 persons/,
    );
  });

  it("refuses unknown member ids in the gains file at file:line:col", async () => {
    const { code, stderr } = await council(
      "vote",
      "--rule",
      "qmv",
      "--gains",
      "unknown-member.yaml",
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^unknown-member\.yaml:4:7: error\[unknown-id\] gains\.UK: unknown member "UK"/,
    );
  });

  it("refuses a gains file that is not there", async () => {
    const { code, stderr } = await council("vote", "--rule", "qmv", "--gains", "nowhere.yaml");
    expect(code).toBe(2);
    expect(stderr).toMatch(/^nowhere\.yaml:1:1: error\[missing-file\]/);
  });

  it("needs exactly one of --rule and --measure", async () => {
    expect((await council("vote", "--gains", "map.yaml")).code).toBe(2);
    const both = await council(
      "vote",
      "--rule",
      "qmv",
      "--measure",
      "export-controls",
      "--gains",
      "map.yaml",
    );
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/either --rule or --measure/);
  });

  it("needs --gains", async () => {
    const { code, stderr } = await council("vote", "--rule", "qmv");
    expect(code).toBe(2);
    expect(stderr).toMatch(/--gains/);
  });
});

describe("council compensate", () => {
  it("finds the least transfer and re-checks the vote with it applied", async () => {
    const { code, stdout } = await council(
      "compensate",
      "--rule",
      "qmv",
      "--gains",
      "structured.yaml",
      "--json",
    );
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.status).toBe("optimal");
    expect(doc.unit).toBe("EUR bn");
    expect(doc.total).toBeCloseTo(1.7, 12);
    expect(doc.bought).toEqual(["FR", "PL"]);
    expect(doc.after.pass).toBe(true);
    const final = doc.transfers.map((t: { gain: number; transfer: number }) => t.gain + t.transfer);
    expect(final.filter((g: number) => g < 0)).toHaveLength(3);
  });

  it("with --all-gain leaves nobody below zero", async () => {
    const { stdout } = await council(
      "compensate",
      "--rule",
      "qmv",
      "--gains",
      "map.yaml",
      "--all-gain",
      "--json",
    );
    const doc = JSON.parse(stdout);
    expect(doc.total).toBeCloseTo(2 + 1.5 + 3 + 0.2 + 3, 12);
    expect(doc.transfers.every((t: { finalGain: number }) => t.finalGain >= 0)).toBe(true);
    expect(doc.after.yes).toHaveLength(27);
  });

  it("prints who pays and who receives", async () => {
    const { stdout } = await council("compensate", "--rule", "qmv", "--gains", "structured.yaml");
    expect(stdout).toMatch(
      /Least total transfer: 1\.7 EUR bn \(from members 1\.7, from the EU budget 0\)/,
    );
    expect(stdout).toMatch(/FR\s+−1\.5\s+1\.5\s+0\s+receives/);
    expect(stdout).toMatch(/With the transfers: The measure PASSES\./);
  });

  it("says when no transfer between members suffices, and what the EU budget would add", async () => {
    const short = await council("compensate", "--rule", "qmv", "--gains", "short.yaml");
    expect(short.code).toBe(0);
    expect(short.stdout).toMatch(/No transfer between members makes it pass/);
    expect(short.stdout).toMatch(/The EU budget would have to add 17\.7 EUR bn \(--budget\)/);
    const funded = JSON.parse(
      (await council("compensate", "--rule", "qmv", "--gains", "short.yaml", "--budget", "--json"))
        .stdout,
    );
    expect(funded.status).toBe("optimal");
    expect(funded.fromBudget).toBeCloseTo(17.7, 9);
    expect(funded.after.pass).toBe(true);
  });
});
