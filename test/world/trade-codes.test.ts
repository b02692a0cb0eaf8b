/**
 * Trade codes on goods: every physical good of the default world has at least one HS code and
 * every service an EBOPS or CPA code, each list naming a source that the world defines;
 * `levier data show --json` lists them; a malformed code is refused at its line and column.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileReader } from "../../src/io/world-files.js";
import { loadWorld } from "../../src/world/load.js";
import { hsCodesOf, PHYSICAL_LAYERS } from "../../src/world/trade-codes.js";
import { runCli } from "../helpers/cli.js";

const { world } = loadWorld(fileReader(), undefined);
const w = world!.world;
const physical = (layer: string) => (PHYSICAL_LAYERS as readonly string[]).includes(layer);

describe("trade codes of the default world", () => {
  it("give every physical good at least one HS code", () => {
    const goods = w.goods.filter((g) => physical(g.layer));
    expect(goods.length).toBeGreaterThanOrEqual(18);
    const missing = goods
      .filter((g) => hsCodesOf(g.tradeCodes, 2022).length === 0)
      .map((g) => g.id);
    expect(missing).toEqual([]);
    expect(goods.filter((g) => hsCodesOf(g.tradeCodes, 2017).length === 0)).toEqual([]);
  });

  it("give every service of the chain an EBOPS or CPA code", () => {
    const services = w.goods.filter((g) => !physical(g.layer) && g.layer !== "economy");
    expect(services.map((g) => g.id)).toContain("cloud_services");
    for (const g of services)
      expect((g.tradeCodes?.ebops ?? []).length + (g.tradeCodes?.cpa ?? []).length).toBeGreaterThan(
        0,
      );
  });

  it("name the codes the issue asks for, with a source the world defines", () => {
    const hs = (id: string) => w.goods.find((g) => g.id === id)!.tradeCodes!.hs;
    expect(hs("euv_lithography")).toContain("8486.20");
    expect(hs("leading_edge_logic")).toContain("8542.31");
    expect(hs("silicon_wafers")).toContain("3818");
    expect(hs("gallium")).toContain("8112.92");
    expect(hs("rare_earths")).toEqual(["2805.30", "2846"]);
    expect(hs("pharmaceuticals")).toEqual(["30"]);
    const ids = new Set(w.sources.map((s) => s.id));
    for (const g of w.goods) if (g.tradeCodes) expect(ids.has(g.tradeCodes.source)).toBe(true);
  });

  it("are listed by levier data show --json", async () => {
    const r = await runCli(["data", "show", "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { goods: { id: string; tradeCodes?: { hs?: string[] } }[] };
    expect(doc.goods.find((g) => g.id === "vehicles")!.tradeCodes!.hs).toEqual([
      "8702",
      "8703",
      "8704",
    ]);
  });

  it("refuse a malformed HS code and an unknown source, at their place", async () => {
    const dir = mkdtempSync(join(tmpdir(), "levier-codes-"));
    const file = join(dir, "patch.yaml");
    writeFileSync(
      file,
      [
        "extends: default",
        "goods:",
        "  - id: gallium",
        '    tradeCodes: {hs: ["811"], source: trade_codes_crosswalk}',
        "  - id: germanium",
        '    tradeCodes: {hs: ["8112.92"], source: no_such_source}',
        "",
      ].join("\n"),
    );
    const r = await runCli(["data", "validate", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /patch\.yaml:4:23: error\[schema\].*expected an HS chapter, heading or subheading/,
    );
    const fixed = file.replace("patch", "patch2");
    writeFileSync(
      fixed,
      [
        "extends: default",
        "goods:",
        "  - id: germanium",
        '    tradeCodes: {hs: ["8112.92"], source: no_such_source}',
        "",
      ].join("\n"),
    );
    const r2 = await runCli(["data", "validate", fixed]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/patch2\.yaml:4:\d+: error\[unknown-source\]/);
  });
});
