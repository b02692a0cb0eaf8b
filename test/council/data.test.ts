// The shipped council data: it loads, its figures add up to the published ones, and every
// figure resolves to a source with a year.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findMeasureKind, findRule, rulesOfMeasure } from "../../src/council/council.js";
import { thresholdsOf, totalPopulation } from "../../src/council/rule.js";
import { COUNCIL_DIR, defaultCouncil } from "./data.js";

describe("data/council", () => {
  const council = defaultCouncil();

  it("has the 27 member states of 2025", () => {
    expect(council.members.map((m) => m.id)).toEqual(
      "DE FR IT ES PL RO NL BE CZ PT SE GR HU AT BG DK FI SK IE HR LT SI LV EE CY LU MT".split(" "),
    );
    expect(council.year).toBe(2025);
  });

  it("adds up to the published Union population, 451,028,881, and its 65% threshold, 293,168,773", () => {
    expect(totalPopulation(council.members)).toBe(451_028_881);
    const qmv = findRule(council, "qmv");
    expect(qmv && thresholdsOf(qmv, council.members)).toMatchObject({
      minYes: 15,
      populationQuota: 293_168_773,
      deemedAttainedAt: 24,
    });
  });

  it("derives each population so that it rounds back to the published share (two decimals)", () => {
    for (const m of council.members)
      expect(Math.round((m.population / 451_028_881) * 10000) / 100, m.id).toBe(m.sharePct);
  });

  it("defines the thresholds of each rule for EU-27", () => {
    const t = (name: string) => {
      const rule = findRule(council, name);
      if (!rule) throw new Error(name);
      return thresholdsOf(rule, council.members);
    };
    expect(t("reinforced-qmv")).toMatchObject({ minYes: 20, populationQuota: 293_168_773 });
    expect(t("reinforced-qmv").deemedAttainedAt).toBeUndefined();
    expect(t("simple-majority")).toMatchObject({ minYes: 14 });
    expect(t("simple-majority").populationQuota).toBeUndefined();
    expect(t("unanimity")).toMatchObject({ minYes: 27 });
    expect(t("unanimity-cfsp").abstentionLimit).toEqual({ members: 9, population: 150_342_961 });
  });

  it("finds rules by alias", () => {
    expect(findRule(council, "reinforced")?.id).toBe("reinforced-qmv");
    expect(findRule(council, "simple")?.id).toBe("simple-majority");
    expect(findRule(council, "nope")).toBeUndefined();
  });

  it("gives sanctions two steps, unanimity (Art. 29 TEU) and QMV (Art. 215 TFEU)", () => {
    const kind = findMeasureKind(council, "restrictive-measures");
    expect(kind && rulesOfMeasure(council, kind).map((r) => r.id)).toEqual([
      "unanimity-cfsp",
      "qmv",
    ]);
    expect(kind?.steps.map((s) => s.basis).join(" ")).toMatch(/Art\. 29 TEU.*Art\. 215\(1\) TFEU/);
  });

  it("bases export controls and the Anti-Coercion Instrument on QMV", () => {
    for (const id of [
      "export-controls",
      "common-commercial-policy",
      "aci-determination",
      "aci-response-measures",
    ]) {
      const kind = findMeasureKind(council, id);
      expect(kind && rulesOfMeasure(council, kind).map((r) => r.id), id).toEqual(["qmv"]);
    }
    expect(findMeasureKind(council, "aci-determination")?.steps[0]?.basis).toMatch(/2023\/2675/);
  });

  it("resolves every source id to a source with publisher, title and year", () => {
    const ids = new Set(council.sources.map((s) => s.id));
    const used = [
      ...council.rules.map((r) => r.doc.source),
      ...council.measureKinds.map((k) => k.source),
      ...council.members.flatMap((m) => [m.shareSource, m.populationSource]),
    ];
    for (const id of used) expect(ids.has(id), id).toBe(true);
    for (const s of council.sources) {
      expect(s.year).toBeGreaterThanOrEqual(2009);
      expect(s.publisher.length).toBeGreaterThan(0);
    }
    const derived = council.sources.find((s) => s.id === "levier_population_2025_derived");
    expect(derived?.kind).toBe("derived");
    expect(derived?.note).toMatch(/not retrieved/);
  });

  it("describes every file in its datapackage.json", () => {
    const pkg = JSON.parse(readFileSync(join(COUNCIL_DIR, "datapackage.json"), "utf8")) as {
      resources: { path: string; schema?: { fields: { name: string }[] } }[];
    };
    for (const r of pkg.resources) expect(existsSync(join(COUNCIL_DIR, r.path)), r.path).toBe(true);
    const csv = pkg.resources.find((r) => r.path.endsWith(".csv"));
    const header = readFileSync(join(COUNCIL_DIR, "population-2025.csv"), "utf8")
      .split("\n")
      .find((l) => !l.startsWith("#"));
    expect(csv?.schema?.fields.map((f) => f.name).join(",")).toBe(header);
  });
});
