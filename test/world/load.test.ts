import { describe, expect, it } from "vitest";
import { central } from "../../src/world/quantity.js";
import { runCli } from "../helpers/cli.js";
import { FIXTURES, loadFixture } from "../helpers/world.js";

describe("loading a world", () => {
  it("loads the tiny world with no issue", () => {
    const { world, issues } = loadFixture("worlds/tiny.yaml");
    expect(issues).toEqual([]);
    expect(world?.world.actors.map((a) => a.id)).toEqual(["AA", "BB", "CC", "AB"]);
    expect(world?.world.goods.map((g) => g.id)).toEqual(["tool", "chip", "car"]);
  });

  it("loads a directory world with CSV tables, distributions from low/high columns", () => {
    const { world, issues } = loadFixture("worlds/tiny-dir");
    expect(issues).toEqual([]);
    const chip = world!.world.suppliers.filter((s) => s.good === "chip");
    expect(chip[0]).toEqual({
      good: "chip",
      actor: "BB",
      share: { dist: "triangular", low: 0.6, mode: 0.7, high: 0.8 },
      source: "hand",
      year: 2025,
      note: "Beta, the big fab",
    });
    expect(chip[1]?.share).toEqual({ dist: "pert", low: 0.2, mode: 0.3, high: 0.4 });
    expect(world!.world.suppliers[0]?.utilisation).toBe(0.8);
  });

  it("applies a patch over its base field by field and keyed row by row", () => {
    const { world, issues } = loadFixture("worlds/tiny-patch.yaml");
    expect(issues).toEqual([]);
    const w = world!.world;
    const chip = w.goods.find((g) => g.id === "chip")!;
    expect(chip.stockMonths).toBe(3);
    expect(central(chip.globalOutput)).toBe(100);
    expect(chip.recipe).toEqual([{ input: "tool", perUnit: 0.05, criticality: 1 }]);
    const rows = w.suppliers.filter((s) => s.good === "chip").map((s) => [s.actor, s.share]);
    expect(rows).toEqual([
      ["BB", 0.6],
      ["CC", 0.3],
      ["AA", 0.1],
    ]);
    expect(w.meta.name).toBe("tiny, patched");
    expect(w.sources.map((s) => s.id)).toEqual(["hand", "my-note"]);
  });

  it("places issues of a patched item in the file that gave the field", () => {
    const { world } = loadFixture("worlds/tiny-patch.yaml");
    const i = world!.world.goods.findIndex((g) => g.id === "chip");
    expect(world!.locate(["goods", i, "stockMonths"])).toEqual({
      file: "worlds/tiny-patch.yaml",
      line: 7,
      col: 30,
    });
    expect(world!.locate(["goods", i, "globalOutput"])).toEqual({
      file: "worlds/tiny.yaml",
      line: 27,
      col: 19,
    });
  });

  it("warns about figures without a source or year", () => {
    const { world } = loadFixture("worlds/unsourced.yaml");
    const warnings = world!.issues.filter((i) => i.code === "unsourced").map((i) => i.path);
    expect(warnings).toEqual(["actors[0].population", "goods[0].globalOutput"]);
  });
});

describe("levier data", () => {
  it("show --json has actors, goods and supplier shares", async () => {
    const r = await runCli(["data", "show", "--json", "--world", "worlds/tiny.yaml"], FIXTURES);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.actors).toContainEqual({
      id: "AB",
      name: "Alpha-Beta union",
      kind: "bloc",
      members: ["AA", "BB"],
    });
    expect(doc.goods).toContainEqual({
      id: "chip",
      name: "Chip",
      layer: "chips",
      unit: "units",
      globalOutput: 100,
    });
    // Each share with the source and year its row names (the dashboard links them).
    expect(doc.suppliers.chip).toEqual([
      { actor: "BB", share: 0.7, source: "hand", year: 2025 },
      { actor: "CC", share: 0.3, source: "hand", year: 2025 },
    ]);
    expect(doc.sources.map((s: { id: string }) => s.id)).toContain("hand");
  });

  it("accepts --world before the subcommand too", async () => {
    const r = await runCli(["--world", "worlds/tiny.yaml", "data", "show", "--json"], FIXTURES);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).counts.goods).toBe(3);
  });

  it("sources --json lists every figure and an empty missing array", async () => {
    const r = await runCli(["data", "sources", "--json", "--world", "worlds/tiny.yaml"], FIXTURES);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.missing).toEqual([]);
    expect(doc.figures).toContainEqual({
      path: "goods[1].recipe[0].perUnit",
      value: 0.05,
      source: "hand",
      year: 2025,
      chain: [{ source: "hand", kind: "assumption" }],
    });
    expect(doc.sources[0]).toMatchObject({ id: "hand", figures: doc.figures.length });
    expect(doc.unused).toEqual([]);
  });

  it("sources exits 2 and lists figures without a source as errors", async () => {
    const r = await runCli(
      ["data", "sources", "--json", "--world", "worlds/unsourced.yaml"],
      FIXTURES,
    );
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).missing).toEqual(["actors[0].population", "goods[0].globalOutput"]);
    expect(r.stderr).toContain(
      "error[unsourced] actors[0].population: figure has no source or no year",
    );
  });

  it("schema prints the JSON Schema of world files, as `levier schema world` does", async () => {
    const r = await runCli(["data", "schema"], FIXTURES);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["actors", "goods", "suppliers"]),
    );
    // A file with `extends` is a patch, which has a schema of its own.
    expect(schema.properties.extends).toBeUndefined();
    expect(r.stdout).toBe((await runCli(["schema", "world"], FIXTURES)).stdout);
  });

  it("validate checks several files and exits 2 if any is bad", async () => {
    const r = await runCli(
      ["data", "validate", "worlds/tiny.yaml", "bad-worlds/nan.yaml"],
      FIXTURES,
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("worlds/tiny.yaml: ok, 45 figures");
    expect(r.stderr).toContain("bad-worlds/nan.yaml: 1 error");
  });

  it("unknown commands and options are usage errors (exit 2)", async () => {
    expect((await runCli(["data", "frobnicate"], FIXTURES)).code).toBe(2);
    expect((await runCli(["data", "show", "--colour"], FIXTURES)).code).toBe(2);
  });

  it("--json prints exactly one JSON document on stdout", async () => {
    const r = await runCli(["data", "validate", "--json", "worlds/tiny.yaml"], FIXTURES);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      ok: true,
      files: [{ spec: "worlds/tiny.yaml", ok: true, figures: 45 }],
    });
  });
});
