/**
 * `levier value-added` in-process on the default world: the JSON document against the
 * decomposition's own identities (what a value embodies adds up to the value; the Leontief
 * decomposition is linear in the value placed, so a bloc's final demand decomposes as the sum of
 * its members' and the world's output of a good as the sum of each maker's), the terminal table
 * and the CSV against the JSON, and located refusals of unknown ids. The decomposition itself is
 * checked against a hand computation in test/valuechain/origin.test.ts.
 */
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/parse/csv.js";
import { runCli } from "../helpers/cli.js";

interface Row {
  id: string;
  valueAdded: number;
  share: number;
}
interface Decomposition {
  of: string;
  value: number;
  byActor: Row[];
  byGood: Row[];
  untraced: number;
}

async function json(argv: string[]) {
  const r = await runCli(["value-added", ...argv, "--json"]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}
const decomposition = async (argv: string[]): Promise<Decomposition> =>
  (await json(argv)).decomposition;
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const close = (a: number, b: number, rel = 1e-9) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(Math.abs(a), Math.abs(b), 1));
const byId = (rows: Row[]) => new Map(rows.map((r) => [r.id, r.valueAdded]));

const EU27 =
  "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split(" ");

describe("levier value-added", () => {
  it("decomposes an actor's final demand into origins that add up to it", async () => {
    const d = await decomposition(["--actor", "DE"]);
    expect(d.of).toBe("DE's final demand");
    expect(d.value).toBeGreaterThan(1e12);
    close(sum(d.byActor.map((r) => r.valueAdded)) + d.untraced, d.value);
    close(sum(d.byGood.map((r) => r.valueAdded)) + d.untraced, d.value);
    for (const r of d.byActor) close(r.share, r.valueAdded / d.value, 1e-12);
    // Germany makes most of what it buys for final use, as every large economy does.
    expect(d.byActor[0]!.id).toBe("DE");
    expect(d.byActor[0]!.share).toBeGreaterThan(0.5);
  });

  it("decomposes the EU's final demand as the sum of its members'", async () => {
    const eu = await decomposition(["--actor", "EU"]);
    const members = await Promise.all(EU27.map((m) => decomposition(["--actor", m])));
    close(sum(members.map((m) => m.value)), eu.value);
    close(sum(members.map((m) => m.untraced)), eu.untraced);
    const euByActor = byId(eu.byActor);
    for (const origin of ["DE", "CN", "US", "NL", "TW"]) {
      const total = sum(members.map((m) => byId(m.byActor).get(origin) ?? 0));
      close(total, euByActor.get(origin) ?? 0);
    }
  }, 120_000);

  it("decomposes the world's output of a good as the sum of its makers'", async () => {
    const world = await decomposition(["--good", "advanced_packaging"]);
    expect(world.of).toBe("the world's output of advanced_packaging");
    const shown = await runCli(["data", "show", "--json"]);
    const makers = (
      JSON.parse(shown.stdout).suppliers.advanced_packaging as { actor: string }[]
    ).map((s) => s.actor);
    expect(makers).toContain("TW");
    const parts = await Promise.all(
      makers.map((a) => decomposition(["--good", "advanced_packaging", "--actor", a])),
    );
    close(sum(parts.map((m) => m.value)), world.value);
    close(sum(parts.map((m) => m.untraced)), world.untraced);
    const worldByGood = byId(world.byGood);
    for (const g of ["advanced_packaging", "electronics", "hbm_memory"])
      close(sum(parts.map((m) => byId(m.byGood).get(g) ?? 0)), worldByGood.get(g) ?? 0);
    // Taiwan's packaging embodies mostly Taiwanese value added.
    const tw = parts[makers.indexOf("TW")]!;
    expect(tw.byActor[0]!.id).toBe("TW");
  }, 60_000);

  it("gives every actor's trade in value added with its balance and a bloc as its members", async () => {
    const { actors, unlisted } = (await json([])) as {
      unlisted: string;
      actors: {
        id: string;
        finalDemand: number;
        domesticShare: number;
        foreignInOwn: number;
        ownInForeign: number;
        balance: number;
        untraced: number;
        valueAddedProduced: number;
      }[];
    };
    expect(unlisted).toBe("sector");
    const of = new Map(actors.map((a) => [a.id, a]));
    for (const a of actors) {
      close(a.balance, a.ownInForeign - a.foreignInOwn);
      // Its final demand: its own value added, others', and inputs no one made.
      close(a.domesticShare * a.finalDemand + a.foreignInOwn + a.untraced, a.finalDemand);
      expect(a.domesticShare).toBeGreaterThan(0);
      expect(a.domesticShare).toBeLessThanOrEqual(1);
    }
    const eu = of.get("EU")!;
    close(sum(EU27.map((m) => of.get(m)!.finalDemand)), eu.finalDemand);
    close(sum(EU27.map((m) => of.get(m)!.valueAddedProduced)), eu.valueAddedProduced);
    // Trade among members is domestic for the bloc: its own share is above any member's.
    expect(eu.domesticShare).toBeGreaterThan(
      Math.max(...EU27.map((m) => of.get(m)!.domesticShare)),
    );
  });

  it("leaves unlisted inputs untraced with --untraced", async () => {
    const sector = await decomposition(["--actor", "EU", "--good", "vehicles"]);
    const untraced = await decomposition(["--actor", "EU", "--good", "vehicles", "--untraced"]);
    close(untraced.value, sector.value);
    expect(untraced.untraced).toBeGreaterThan(sector.untraced);
    close(sum(untraced.byActor.map((r) => r.valueAdded)) + untraced.untraced, untraced.value);
  });

  it("prints the same figures as a table and as CSV", async () => {
    const d = await decomposition(["--actor", "EU", "--good", "vehicles"]);
    const text = await runCli(["value-added", "--actor", "EU", "--good", "vehicles"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^EU's output of vehicles: \$[\d.,]+ bn a year; untraced inputs/);
    expect(text.stdout).toContain("\nby-actor\n");
    expect(text.stdout).toContain("\nby-good\n");
    const csv = await runCli([
      "value-added",
      "--actor",
      "EU",
      "--good",
      "vehicles",
      "--csv",
      "--table",
      "by-good",
    ]);
    expect(csv.code, csv.stderr).toBe(0);
    const { table, issues } = parseCsv(csv.stdout, "stdout.csv");
    expect(issues).toEqual([]);
    expect(table!.header.map((c) => c.text)).toEqual([
      "origin",
      "name",
      "value added (USD)",
      "share (fraction)",
    ]);
    const rows = table!.rows.map((r) => r.map((c) => c.text));
    expect(rows.map((r) => r[0])).toEqual(d.byGood.map((r) => r.id));
    rows.forEach((r, i) => expect(Number(r[2])).toBe(d.byGood[i]!.valueAdded));
  });

  it("refuses unknown actors and goods with exit 2, naming the flag and the choices", async () => {
    for (const [argv, flag] of [
      [["--actor", "XX"], "--actor"],
      [["--good", "nope"], "--good"],
      [["--good", "nope", "--actor", "DE"], "--good"],
    ] as const) {
      const r = await runCli(["value-added", ...argv]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(
        new RegExp(`^levier: ${flag}: unknown \\w+ "\\w+"; expected one of `),
      );
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const bad = await runCli(["value-added", "--table", "nope", "--csv"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--table/);
  });
});
