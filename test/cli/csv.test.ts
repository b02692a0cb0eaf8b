/**
 * `--csv` in-process: the tables a command prints, as one CSV document on stdout that the
 * project's own CSV reader (parse/csv.ts) reads back, with the raw figures of `--json` (not
 * the terminal's "$1.2 bn" or "12.3%"), and `--table` to pick one where there are several.
 * Expectations come from the `--json` document of the same command and from facts about the
 * figures (Shapley–Shubik indices sum to 1).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/parse/csv.js";
import { runCli } from "../helpers/cli.js";
import { FIXTURES } from "../helpers/world.js";

const S = "examples/nl-lithography-cut-to-china.yaml";

/** The CSV on stdout as header and rows of text (fails the test if it does not parse). */
function readCsv(stdout: string): { header: string[]; rows: string[][] } {
  const { table, issues } = parseCsv(stdout, "stdout.csv");
  expect(issues).toEqual([]);
  return {
    header: table!.header.map((c) => c.text),
    rows: table!.rows.map((r) => r.map((c) => c.text)),
  };
}

/** `levier ARGV` on the chain world of the fixtures (one thread where the command simulates). */
function chain(argv: string[]) {
  const threads = argv[0] === "io" ? [] : ["--threads", "1"];
  return runCli([...argv, "--world", "analysis/chain.yaml", ...threads], FIXTURES);
}

describe("--csv", () => {
  it("council power: each member's raw population and power, as --json has them", async () => {
    const csv = await runCli(["council", "power", "--rule", "qmv", "--csv"]);
    const json = JSON.parse((await runCli(["council", "power", "--rule", "qmv", "--json"])).stdout);
    expect(csv.code).toBe(0);
    const { header, rows } = readCsv(csv.stdout);
    expect(header).toEqual([
      "member",
      "name",
      "population",
      "share (fraction)",
      "Banzhaf (fraction)",
      "Shapley–Shubik (fraction)",
    ]);
    expect(rows).toHaveLength(27);
    rows.forEach((r, i) => {
      const m = json.members[i];
      expect(r[0]).toBe(m.id);
      expect(Number(r[2])).toBe(m.population);
      expect(Number(r[3])).toBe(m.populationShare);
    });
    const ss = rows.reduce((s, r) => s + Number(r[5]), 0);
    expect(ss).toBeCloseTo(1, 12);
  });

  it("io: the multipliers in full, equal to --json's", async () => {
    const csv = readCsv((await chain(["io", "--csv"])).stdout);
    const json = JSON.parse((await chain(["io", "--json"])).stdout);
    expect(csv.header).toEqual([
      "sector",
      "output USD/yr",
      "output multiplier",
      "supply multiplier",
    ]);
    expect(csv.rows.map((r) => [r[0], ...r.slice(1).map(Number)])).toEqual(
      json.sectors.map((s: Record<string, unknown>) => [
        s.id,
        s.output,
        s.outputMultiplier,
        s.supplyMultiplier,
      ]),
    );
  });

  it("chokepoints: every row without --top (the text shows the first 25), --top when given", async () => {
    const json = JSON.parse((await chain(["chokepoints", "--json", "--horizon", "6"])).stdout);
    const all = readCsv((await chain(["chokepoints", "--csv", "--horizon", "6"])).stdout);
    expect(all.rows).toHaveLength(json.rows.length);
    expect(all.header.slice(0, 4)).toEqual([
      "rank",
      "actor",
      "good",
      "share of world output (fraction)",
    ]);
    expect(all.rows[0]!.slice(0, 4)).toEqual([
      "1",
      json.rows[0].actor,
      json.rows[0].good,
      String(json.rows[0].share),
    ]);
    expect(Number(all.rows[0]![8])).toBe(json.rows[0].score);
    const top = readCsv(
      (await chain(["chokepoints", "--csv", "--top", "2", "--horizon", "6"])).stdout,
    );
    expect(top.rows).toEqual(all.rows.slice(0, 2));
  });

  it("exposure: --table picks one of its two tables; estimates get a simulated column", async () => {
    const args = ["exposure", "AB", "--horizon", "6"];
    const json = JSON.parse((await chain([...args, "--json"])).stdout);
    const r = await chain([...args, "--csv", "--table", "suppliers"]);
    expect(r.code).toBe(0);
    const { header, rows } = readCsv(r.stdout);
    expect(header).toEqual([
      "supplier withholding everything",
      "imports a year (USD)",
      "loss over 6 months (USD)",
      "of its VA (fraction)",
      "security index (fraction)",
      "simulated",
    ]);
    expect(rows.map((x) => [x[0], Number(x[1]), Number(x[2]), x[5]])).toEqual(
      json.suppliers.map((s: Record<string, unknown>) => [
        s.supplier,
        s.imports,
        s.loss,
        String(s.simulated),
      ]),
    );
  });

  it("run: every state's loss in dollars and share of GDP as a fraction", async () => {
    const args = ["run", S, "--months", "2"];
    const doc = JSON.parse((await runCli([...args, "--json"])).stdout);
    const r = await runCli([...args, "--csv", "--table", "actors"]);
    expect(r.code).toBe(0);
    const { header, rows } = readCsv(r.stdout);
    expect(header.slice(0, 4)).toEqual(["actor", "name", "loss (USD)", "of GDP (fraction)"]);
    const states = doc.actors.filter((a: { kind: string }) => a.kind !== "bloc");
    expect(rows.map((x) => [x[0], Number(x[2])])).toEqual(
      states.map((a: { id: string; loss: number }) => [a.id, a.loss]),
    );
    const nl = rows.find((x) => x[0] === "NL")!;
    expect(Number(nl[3])).toBe(states.find((a: { id: string }) => a.id === "NL").lossGdpShare);
    expect(rows.flat().join(",")).not.toMatch(/\$|%/);
  });

  it("council rules: each table alone with --table", async () => {
    const json = JSON.parse((await runCli(["council", "rules", "--json"])).stdout);
    const r = await runCli(["council", "rules", "--csv", "--table", "measures"]);
    const { header, rows } = readCsv(r.stdout);
    expect(header).toEqual(["measure kind", "rules", "basis", "name"]);
    expect(rows.map((x) => x[0])).toEqual(json.measureKinds.map((k: { id: string }) => k.id));
  });
});

describe("--csv on the Council and data commands", () => {
  it("council compensate: transfers in the gains' unit, netting to zero without a budget", async () => {
    const gains = join(FIXTURES, "council/gains");
    const argv = ["council", "compensate", "--rule", "qmv", "--gains", "structured.yaml"];
    const doc = JSON.parse((await runCli([...argv, "--json"], gains)).stdout);
    const { header, rows } = readCsv((await runCli([...argv, "--csv"], gains)).stdout);
    expect(header).toEqual([
      "member",
      "gain (EUR bn)",
      "transfer (EUR bn)",
      "gain after (EUR bn)",
      "role",
    ]);
    const moved = doc.transfers.filter((t: { transfer: number }) => t.transfer !== 0);
    expect(rows.map((r) => [r[0], Number(r[2])])).toEqual(
      moved.map((t: { member: string; transfer: number }) => [t.member, t.transfer]),
    );
    expect(rows.reduce((sum, r) => sum + Number(r[2]), 0)).toBeCloseTo(0, 12);
    for (const r of rows) expect(Number(r[3])).toBeCloseTo(Number(r[1]) + Number(r[2]), 12);
  });

  it("data show: one row per good, world output in full", async () => {
    const doc = JSON.parse((await runCli(["data", "show", "--json"])).stdout);
    const { header, rows } = readCsv(
      (await runCli(["data", "show", "--csv", "--table", "goods"])).stdout,
    );
    expect(header).toEqual(["layer", "good", "world output/yr", "unit", "top suppliers"]);
    expect(rows.map((r) => [r[1], Number(r[2])]).sort()).toEqual(
      doc.goods.map((g: { id: string; globalOutput: number }) => [g.id, g.globalOutput]).sort(),
    );
  });
});

describe("--csv refuses, in one sentence and exit 2, before any work", () => {
  it.each([
    [["council", "rules", "--csv"], "pick one with --table rules|measures"],
    [["run", S, "--csv"], "--table actors|eu-members|drivers"],
    [["council", "power", "--rule", "qmv", "--csv", "--json"], "--csv and --json"],
    [["council", "rules", "--table", "rules"], "add --csv"],
    [
      ["council", "rules", "--csv", "--table", "votes"],
      'expected one of rules, measures, found "votes"',
    ],
    [["chokepoints", "--csv", "--top", "0"], "--top"],
  ])("levier %j", async (argv, fragment) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(fragment);
  });
});
