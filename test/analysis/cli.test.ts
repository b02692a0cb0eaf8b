/**
 * The analysis commands in-process: each `--json` prints one JSON document, text tables
 * otherwise, bad input exits 2 naming what was expected, and `report profile` writes its files.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { FIXTURES } from "../helpers/world.js";

/** `levier ARGV` in-process on a world of the fixtures (the whole CLI, as main wires it). */
function levier(argv: string[], world = "analysis/chain.yaml") {
  return runCli([...argv, "--world", world], FIXTURES);
}

const out = mkdtempSync(join(tmpdir(), "levier-analysis-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("levier chokepoints", () => {
  it("--json prints one document with ranked rows", async () => {
    const r = await levier(["chokepoints", "--json", "--horizon", "12", "--threads", "1"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.horizon).toBe(12);
    expect(doc.rows[0]).toMatchObject({ rank: 1, actor: "AA", good: "tool", share: 1 });
  });

  it("prints a table, and --actor takes a bloc", async () => {
    const r = await levier(["chokepoints", "--actor", "AB", "--threads", "1"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/rank\s+actor\s+good/);
    expect(r.stdout).toMatch(/AB\s+tool/);
  });

  it("--actor gives the actor's rows with the ranks they take in the world table", async () => {
    const r = await levier(["chokepoints", "--actor", "BB", "--json", "--threads", "1"]);
    expect(JSON.parse(r.stdout).rows).toMatchObject([{ actor: "BB", good: "chip", rank: 2 }]);
  });

  it("exits 2 naming the known actors for an unknown one", async () => {
    const r = await levier(["chokepoints", "--actor", "ZZ", "--json"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/unknown actor "ZZ"; expected one of AA, BB, CC, DD, AB/);
  });

  it("exits 2 for a bad horizon or sort key", async () => {
    expect((await levier(["chokepoints", "--horizon", "0"])).code).toBe(2);
    const r = await levier(["chokepoints", "--sort", "size"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--sort: expected one of score/);
  });
});

describe("levier exposure and leverage", () => {
  it("exposure ACTOR --json prints one document", async () => {
    const r = await levier(["exposure", "DD", "--json", "--threads", "1"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.actor.id).toBe("DD");
    expect(doc.dependencies.length).toBeGreaterThan(0);
  });

  it("exposure of an unknown actor exits 2", async () => {
    const r = await levier(["exposure", "XX"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown actor "XX"/);
  });

  it("leverage --json prints the matrix; --all simulates every pair", async () => {
    const r = await levier(["leverage", "--json", "--all", "--horizon", "6", "--threads", "1"]);
    expect(r.code).toBe(0);
    const m = JSON.parse(r.stdout);
    expect(m.cells).toHaveLength(16);
    expect(m.simulatedPairs).toBe(16);
    expect(m.threshold).toBe(0);
  });

  it("leverage prints a table of the largest damages", async () => {
    const r = await levier(["leverage", "--actors", "AA,BB,DD", "--threads", "1"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^6 pairs over 24 months/);
    expect(r.stdout).toMatch(/from\s+to\s+damage over 24 months/);
    // Amounts carry their unit, in the reports' format; no bare run of digits.
    expect(r.stdout).toMatch(/−?\$\d+(\.\d+)? ?(k|m|bn|tn)?/);
    expect(r.stdout).not.toMatch(/\d{1,3}(,\d{3}){2,}/);
  });

  it("exposure prints amounts with their unit", async () => {
    const r = await levier(["exposure", "DD", "--threads", "1"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/value a year/);
    expect(r.stdout).toMatch(/\$\d/);
    expect(r.stdout).not.toMatch(/\d{1,3}(,\d{3}){2,}/);
  });
});

describe("levier exposure and leverage --draws", () => {
  const uncertain = "analysis/chain-uncertain.yaml";

  it("exposure --draws --json gives every row its ranges and records how they were made", async () => {
    const r = await levier(
      [
        "exposure",
        "BB",
        "--draws",
        "3",
        "--seed",
        "4",
        "--workers",
        "1",
        "--horizon",
        "12",
        "--json",
      ],
      uncertain,
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.draws).toMatchObject({ requested: 3, done: 3, seed: 4 });
    expect(doc.draws.inputs.world).toMatch(/^[0-9a-f]{64}$/);
    const tool = doc.dependencies.find((d: { good: string }) => d.good === "tool");
    for (const k of ["mean", "p5", "p25", "p50", "p75", "p95"])
      expect(typeof tool.ranges.volume[k]).toBe("number");
    expect(tool.ranges.volume.p5).toBeLessThan(tool.ranges.volume.p95);
    expect(doc.suppliers[0].ranges.loss).toBeDefined();
    expect(doc.goods[0].ranges.use).toBeDefined();
    expect(doc.ranges.valueAdded).toBeDefined();
  });

  it("leverage --draws --json gives each cell the share of draws in which its leverage holds", async () => {
    const r = await levier(
      [
        "leverage",
        "--all",
        "--horizon",
        "6",
        "--draws",
        "3",
        "--threads",
        "2",
        "--workers",
        "2",
        "--json",
      ],
      uncertain,
    );
    expect(r.code).toBe(0);
    const m = JSON.parse(r.stdout);
    expect(m.draws).toMatchObject({ requested: 3, done: 3, seed: 1 });
    for (const c of m.cells) {
      expect(c.holdsShare).toBeGreaterThanOrEqual(0);
      expect(c.holdsShare).toBeLessThanOrEqual(1);
      expect(c.ranges.damage.p50).toBeDefined();
    }
  });

  it("tables gain a 90% range column, and CSV its two ends", async () => {
    const text = await levier(["exposure", "BB", "--draws", "2", "--threads", "1"], uncertain);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/5th to 95th percentile over 2 draws/);
    expect(text.stdout).toMatch(/loss, 90% of draws/);
    const csv = await levier(
      ["leverage", "--draws", "2", "--threads", "1", "--csv", "--horizon", "6"],
      uncertain,
    );
    expect(csv.code).toBe(0);
    const header = csv.stdout.split("\n")[0]!;
    expect(header).toMatch(/damage p5 \(USD\),damage p95 \(USD\)/);
    expect(header).toMatch(/asymmetry > 0 in \(share of draws\) \(fraction\)/);
    expect(header).not.toMatch(/90% of draws/);
    // Without --draws, the tables are as they were.
    const plain = await levier(["exposure", "BB", "--threads", "1"], uncertain);
    expect(plain.stdout).not.toMatch(/90% of draws/);
  });

  it.each([
    [
      "--draws -1",
      ["exposure", "BB", "--draws", "-1"],
      "--draws: expected a whole number of draws",
    ],
    ["--draws 1.5", ["leverage", "--draws", "1.5"], "--draws: expected a whole number"],
    ["--seed x", ["leverage", "--draws", "2", "--seed", "x"], "--seed: expected a whole number"],
    [
      "--seed without --draws",
      ["exposure", "BB", "--seed", "3"],
      "--seed: it sets the Monte Carlo draws",
    ],
    [
      "--workers without --draws",
      ["leverage", "--workers", "2"],
      "--workers: it sets the Monte Carlo draws",
    ],
    ["--workers 0", ["exposure", "BB", "--draws", "2", "--workers", "0"], "--workers: expected"],
    [
      "--workers and --threads apart",
      ["leverage", "--draws", "2", "--workers", "2", "--threads", "3"],
      "--workers: it sets the same threads as --threads (3)",
    ],
  ])("%s exits 2 naming the flag", async (_, argv, message) => {
    const r = await levier(argv, uncertain);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("levier io and dependencies", () => {
  it("io --json gives the goods' multipliers and coefficients", async () => {
    const r = await levier(["io", "--json", "--method", "dense", "--extract", "chip"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.sectors.map((s: { supplyMultiplier: number }) => s.supplyMultiplier)).toEqual([
      expect.closeTo(2.5, 12),
      expect.closeTo(1.5, 12),
      expect.closeTo(1, 12),
    ]);
    expect(doc.coefficients[1].perUnitValue.car).toBeCloseTo(0.25, 12);
    expect(doc.extraction.forward.lostElsewhere).toBeCloseTo(250, 9);
  });

  it("io --level network extracts an actor's supply of a good", async () => {
    const r = await levier(["io", "--level", "network", "--extract", "BB:chip", "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.extraction.sector).toBe("BB:chip");
    expect(doc.extraction.forward.lostElsewhere).toBeGreaterThan(0);
  });

  it("io rejects an unknown sector and level", async () => {
    expect((await levier(["io", "--extract", "steel"])).stderr).toMatch(/unknown sector "steel"/);
    expect((await levier(["io", "--level", "firm"])).code).toBe(2);
  });

  it("dependencies --test FILE applies the test to the file's bloc", async () => {
    const r = await levier(
      ["dependencies", "--test", "analysis/ab-dependency.yaml", "--json"],
      "analysis/trade.yaml",
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).dependent).toEqual(["widget"]);
  });

  it("dependencies with a missing test file exits 2 naming it", async () => {
    const r = await levier(["dependencies", "--test", "nope.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.yaml:1:1/);
  });
});

describe("levier report profile", () => {
  it("writes a Markdown profile with its charts", async () => {
    const dir = join(out, "md");
    const r = await levier([
      "report",
      "profile",
      "AB",
      "--out",
      dir,
      "--format",
      "md",
      "--powers",
      "CC,DD",
      "--threads",
      "1",
    ]);
    expect(r.code).toBe(0);
    const md = readFileSync(join(dir, "profile-AB.md"), "utf8");
    expect(md).toMatch(/^# Profile: Union of AA and BB \(AB\)/);
    expect(md).toMatch(/## Its chokepoints/);
    expect(md).toMatch(/## Its exposure/);
    expect(md).toMatch(/## Its leverage over and under each major power/);
    expect(readdirSync(join(dir, "profile-AB-charts")).sort()).toEqual([
      "profile-chokepoints.svg",
      "profile-exposure.svg",
      "profile-leverage.svg",
    ]);
  });

  it("writes one HTML file with inline charts, and --json prints the profile", async () => {
    const dir = join(out, "html");
    const r = await levier([
      "report",
      "profile",
      "DD",
      "--out",
      dir,
      "--json",
      "--powers",
      "AA,BB,CC",
      "--threads",
      "1",
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.leverage.map((l: { power: string }) => l.power)).toEqual(["AA", "BB", "CC"]);
    const html = readFileSync(join(dir, "profile-DD.html"), "utf8");
    expect(html.match(/<svg/g)?.length).toBeGreaterThanOrEqual(2);
    expect(r.stderr).toMatch(/wrote .*profile-DD\.html/);
  });

  it("exits 2 for an unknown power", async () => {
    const r = await levier(["report", "profile", "DD", "--powers", "AA,QQ"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown actor "QQ"/);
  });
});
