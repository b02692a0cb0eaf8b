/**
 * `levier run --sampling` end to end, in-process: quasi-random draws on a small world with
 * every kind of distribution, recorded in the document and the bottom line; the scenario's
 * options.sampling; a bad value (exit 2, naming the flag); the flag without draws (a note);
 * a world with more figures than the Sobol table has dimensions (a warning).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { STREAMS } from "../../src/run/draws.js";
import { runCli } from "../helpers/cli.js";

const ROOT = resolve(import.meta.dirname, "../..");
const WORLD = "test/fixtures/worlds/tiny-uncertain.yaml";
const SCENARIO = "test/fixtures/scenarios/tiny-cut.yaml";
const tmp = mkdtempSync(join(tmpdir(), "levier-sampling-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = (...argv: string[]) => runCli(["--world", WORLD, "run", SCENARIO, ...argv], ROOT);

describe("levier run --sampling", () => {
  it("sobol --draws 16: quasi-random draws, recorded in the document", async () => {
    const r = await run("--sampling", "sobol", "--draws", "16", "--json");
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.draws).toMatchObject({
      requested: 16,
      done: 16,
      seed: 1,
      sampling: "sobol",
      stream: STREAMS.sobol,
      // six figures given as distributions and one correlation group
      dimensions: 7,
    });
    const loss = doc.actors.find((a: { id: string }) => a.id === "AA").ranges.loss;
    expect(loss.p5).toBeLessThan(loss.p95);
    // and not the random draws of the same seed.
    const random = JSON.parse((await run("--draws", "16", "--json")).stdout);
    expect(random.draws).toMatchObject({ sampling: "random", stream: STREAMS.random });
    expect(random.actors[0].ranges.loss.mean).not.toBe(doc.actors[0].ranges.loss.mean);
  });

  it("says in the bottom line that the draws were quasi-random", async () => {
    const r = await run("--sampling", "sobol", "--draws", "4");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.replace(/\s+/g, " ")).toContain(
      "over 4 quasi-random draws (Sobol points with a digital shift)",
    );
  });

  it("follows the scenario's options.sampling, which the flag overrides", async () => {
    const file = join(tmp, "sobol-cut.yaml");
    writeFileSync(
      file,
      `name: A cut drawn quasi-randomly\nhorizon: 6\nmeasures:\n  - { type: export_control, from: [CC], to: [AA], goods: [chip], cap: 0 }\noptions: { draws: 4, seed: 3, sampling: sobol }\n`,
    );
    const own = await runCli(["--world", WORLD, "run", file, "--json"], ROOT);
    expect(own.code, own.stderr).toBe(0);
    expect(JSON.parse(own.stdout).draws).toMatchObject({
      requested: 4,
      seed: 3,
      sampling: "sobol",
    });
    const flag = await runCli(
      ["--world", WORLD, "run", file, "--sampling", "random", "--json"],
      ROOT,
    );
    expect(JSON.parse(flag.stdout).draws).toMatchObject({ sampling: "random" });
  });

  it.each([["halton"], ["Sobol"], [""]])(
    "rejects --sampling %j: exit 2, naming the flag",
    async (v) => {
      const r = await run("--sampling", v, "--draws", "2");
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("--sampling: expected one of random, sobol");
      expect(r.stderr).not.toMatch(/^\s+at /m);
    },
  );

  it("without draws has no effect, and says so", async () => {
    const r = await run("--sampling", "sobol", "--json");
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).draws).toBeUndefined();
    expect(r.stderr).toContain("--sampling had no effect");
  });

  it("warns where the world has more figures to draw than the Sobol table's 2048 dimensions", async () => {
    // 700 goods with three triangular figures each: 2,100 coordinates.
    const goods = Array.from(
      { length: 700 },
      (_, i) =>
        `  - { id: g${i}, name: G${i}, unit: units, layer: manufacturing, globalOutput: { dist: triangular, low: 1, mode: 2, high: 3 }, stockMonths: { dist: triangular, low: 0, mode: 1, high: 2 }, rampUp: { lagMonths: 2, ratePerMonth: 0.1, max: 0.2 }, valueAddedPerUnit: { dist: triangular, low: 0.5, mode: 1, high: 2 }, pricePerUnit: 2, securityWeight: 1, demandBy: gdp, source: hand, year: 2025 }`,
    );
    const suppliers = goods.map(
      (_, i) => `  - { good: g${i}, actor: AA, share: 1, source: hand, year: 2025 }`,
    );
    const world = join(tmp, "wide.yaml");
    writeFileSync(
      world,
      [
        `extends: ${JSON.stringify(join(ROOT, "test/fixtures/worlds/tiny.yaml"))}`,
        "meta: { name: wide }",
        "goods:",
        ...goods,
        "suppliers:",
        ...suppliers,
        "",
      ].join("\n"),
    );
    const r = await runCli(
      [
        "--world",
        world,
        "run",
        SCENARIO,
        "--sampling",
        "sobol",
        "--draws",
        "2",
        "--months",
        "2",
        "--json",
      ],
      ROOT,
    );
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.draws.dimensions).toBe(2100);
    expect(doc.warnings.map((w: { code: string }) => w.code)).toContain("sobol-dimensions");
    expect(r.stderr).toContain("coordinates 2049 to 2100");
  }, 60_000);
});
