/**
 * The Commission's dependency test (SWD(2021) 352): the indicators on a hand-made world
 * (test/fixtures/analysis/trade.yaml, flows in its header), the thresholds file as data, and
 * the verdicts for the EU on the default world.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { dependencyTest, tradeOfGoods } from "../../src/analysis/dependency/commission.js";
import { parseDependencyTest } from "../../src/analysis/dependency/schema.js";
import { entityOf } from "../../src/analysis/entities.js";
import { defaultContext, fixtureContext } from "./world.js";

const DATA = resolve(import.meta.dirname, "../../data/analysis/commission-dependency.yaml");
const text = readFileSync(DATA, "utf8");
const parsed = parseDependencyTest(text, "data/analysis/commission-dependency.yaml");
const test = parsed.test!;

describe("the thresholds file", () => {
  it("states the three criteria with the Commission's thresholds and a source each", () => {
    expect(parsed.issues).toEqual([]);
    expect(test.bloc).toBe("EU");
    expect(test.verdict).toBe("all");
    expect(test.criteria.map((c) => [c.id, c.measure, c.above])).toEqual([
      ["concentration", "extra_import_hhi", 0.4],
      ["importance", "extra_import_share", 0.5],
      ["substitutability", "extra_imports_over_exports", 1],
    ]);
    const sources = new Map(test.sources.map((s) => [s.id, s]));
    for (const c of test.criteria) expect(sources.get(c.source)?.url).toMatch(/^https:\/\//);
    expect(sources.get("ec_swd_2021_352")?.title).toMatch(/SWD\(2021\) 352/);
  });

  it("reports an unknown source at its line and column", () => {
    const bad = text.replace(
      "source: ec_swd_2021_352\n      year: 2021\n      note: >-\n        Herfindahl",
      "source: nowhere\n      year: 2021\n      note: >-\n        Herfindahl",
    );
    const { test: t, issues } = parseDependencyTest(bad, "bad.yaml");
    expect(t).toBeUndefined();
    expect(issues[0]!.code).toBe("unknown-source");
    expect(issues[0]!.at?.file).toBe("bad.yaml");
    expect(issues[0]!.at?.line).toBe(
      text.split("\n").findIndex((l) => l.includes("source: ec_swd_2021_352")) + 1,
    );
  });

  it("rejects a measure it does not know, saying which it expected", () => {
    const bad = text.replace("measure: extra_import_share\n", "measure: import_share\n");
    const { test: t, issues } = parseDependencyTest(bad, "bad.yaml");
    expect(t).toBeUndefined();
    expect(issues[0]!.message).toMatch(/extra_import_hhi/);
  });
});

describe("the indicators on the trade world", () => {
  const ctx = fixtureContext("trade");
  const bloc = entityOf(ctx.world, ctx.net, "AB");
  const report = dependencyTest(ctx, bloc, { ...test, bloc: "AB" });
  const widget = report.goods.find((g) => g.good === "widget")!;

  it("sums the flows into the bloc from outside, inside it, and out of it (USD a year)", () => {
    // At price 2: extra CC 96 + DD 48, intra AA→BB 6, use (50 + 30) × 2, exports (3 + 1 + 1) × 2.
    const t = tradeOfGoods(ctx, bloc).find((g) => g.good === "widget")!;
    expect(t.extraImports).toBeCloseTo(144, 9);
    expect(t.intraImports).toBeCloseTo(6, 9);
    expect(t.use).toBeCloseTo(160, 9);
    expect(t.exports).toBeCloseTo(10, 9);
    expect(t.extraExports).toBeCloseTo(4, 9);
    expect(t.suppliers.map((s) => s.actor)).toEqual(["CC", "DD"]);
  });

  it("computes each measure: HHI 5/9, share 0.96, ratios 14.4 and 36", () => {
    expect(widget.measures.extra_import_hhi).toBeCloseTo(5 / 9, 12);
    expect(widget.measures.extra_import_share).toBeCloseTo(0.96, 12);
    expect(widget.measures.extra_import_share_of_use).toBeCloseTo(0.9, 12);
    expect(widget.measures.extra_imports_over_exports).toBeCloseTo(14.4, 10);
    expect(widget.measures.extra_imports_over_extra_exports).toBeCloseTo(36, 10);
  });

  it("finds the widget a dependency and the gadget, made inside the bloc, not", () => {
    expect(widget.criteria.every((c) => c.holds)).toBe(true);
    expect(widget.dependent).toBe(true);
    const gadget = report.goods.find((g) => g.good === "gadget")!;
    expect(gadget.extraImports).toBe(0);
    expect(gadget.dependent).toBe(false);
    expect(report.dependent).toEqual(["widget"]);
  });

  it("applies each threshold strictly: a measure equal to it does not pass", () => {
    const strict = dependencyTest(ctx, bloc, {
      ...test,
      bloc: "AB",
      criteria: test.criteria.map((c) =>
        c.id === "importance" ? { ...c, above: widget.measures.extra_import_share! } : c,
      ),
    });
    expect(strict.goods.find((g) => g.good === "widget")!.dependent).toBe(false);
  });
});

describe("the EU on the default world", () => {
  const ctx = defaultContext();
  const report = dependencyTest(ctx, entityOf(ctx.world, ctx.net, "EU"), test);

  it("finds the EU dependent on accelerators, cloud, frontier models, EDA, the leading edge and Chinese minerals", () => {
    for (const good of [
      "ai_accelerators",
      "cloud_services",
      "frontier_models",
      "eda_software",
      "leading_edge_logic",
      "gallium",
      "rare_earths",
    ])
      expect(report.dependent).toContain(good);
  });

  it("finds no dependency where the EU makes the good itself: lithography", () => {
    expect(report.dependent).not.toContain("euv_lithography");
    expect(report.dependent).not.toContain("duv_lithography");
  });

  it("reports an infinite ratio (null) where the EU exports none of an imported good", () => {
    const acc = report.goods.find((g) => g.good === "ai_accelerators")!;
    expect(acc.measures.extra_imports_over_exports).toBeNull();
    expect(acc.criteria.find((c) => c.id === "substitutability")!.holds).toBe(true);
  });
});
