/**
 * The default world in data/: every actor and good the issue names, every figure sourced, the
 * paper's headline figures reproduced (or, where a primary source disagrees, following it).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const ROOT = resolve(import.meta.dirname, "../..");
const EU27 = [
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
];
const OTHERS = [
  "US",
  "CN",
  "TW",
  "JP",
  "KR",
  "UK",
  "IN",
  "CA",
  "CH",
  "NO",
  "IL",
  "SG",
  "AE",
  "SA",
  "RU",
  "BR",
];
const GOODS = [
  "gallium",
  "germanium",
  "rare_earths",
  "silicon_wafers",
  "specialty_chemicals",
  "euv_lithography",
  "duv_lithography",
  "wafer_fab_equipment",
  "eda_software",
  "processor_ip",
  "leading_edge_logic",
  "mature_chips",
  "hbm_memory",
  "advanced_packaging",
  "ai_accelerators",
  "ai_compute",
  "cloud_services",
  "frontier_models",
  "industrial_data",
  "vehicles",
  "machinery",
  "chemicals",
  "pharmaceuticals",
  "dc_energy",
  "automated_systems",
];

type Show = {
  actors: { id: string; name: string; kind: string; members?: string[] }[];
  goods: { id: string; name: string; layer: string; unit: string }[];
  suppliers: Record<string, { actor: string; share: number }[]>;
  headlines: {
    id: string;
    data: number;
    withinTolerance: boolean;
    expect: string;
    note?: string;
  }[];
};
let show: Show;

beforeAll(async () => {
  const r = await runCli(["data", "show", "--json"], ROOT);
  expect(r.code).toBe(0);
  show = JSON.parse(r.stdout);
});

describe("the default world", () => {
  it("validates (levier data validate exits 0)", async () => {
    const r = await runCli(["data", "validate"], ROOT);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("checks one of its files in the context of the rest, and reports that file's errors only", async () => {
    const one = await runCli(["data", "validate", "data/goods.yaml"], ROOT);
    expect(one.stderr).toBe("");
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^data\/goods\.yaml \(in the world data\): ok/);
    // A copy of the world with one bad figure in goods.yaml and one in actors.yaml.
    const dir = mkdtempSync(join(tmpdir(), "levier-part-"));
    try {
      cpSync(join(ROOT, "data"), join(dir, "data"), { recursive: true });
      const goods = join(dir, "data/goods.yaml");
      const text = readFileSync(goods, "utf8");
      const bad = text.replace(
        "pricePerUnit: {dist: triangular, low: 300000,",
        "pricePerUnit: {dist: triangular, low: -300000,",
      );
      expect(bad).not.toBe(text);
      writeFileSync(goods, bad);
      const r = await runCli(["data", "validate", "data/goods.yaml"], dir);
      expect(r.code).toBe(2);
      const errors = r.stderr.split("\n").filter((l) => l.includes("error["));
      expect(errors.length).toBeGreaterThanOrEqual(1);
      expect(errors.length).toBeLessThan(5);
      for (const e of errors) expect(e).toMatch(/^data\/goods\.yaml:\d+:\d+: error\[/);
      const other = await runCli(["data", "validate", "data/sources.yaml"], dir);
      expect(other.code).toBe(0);
      expect(other.stdout).toMatch(/^data\/sources\.yaml \(in the world data\): ok/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("lists the 27 EU members, the EU as their bloc, the other states and the rest of the world", () => {
    const ids = show.actors.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining([...EU27, ...OTHERS, "EU", "ROW"]));
    expect(ids).toHaveLength(EU27.length + OTHERS.length + 2);
    const eu = show.actors.find((a) => a.id === "EU")!;
    expect(eu.kind).toBe("bloc");
    expect([...eu.members!].sort()).toEqual([...EU27].sort());
    expect(show.actors.find((a) => a.id === "ROW")!.kind).toBe("aggregate");
  });

  it("has every good of the chain, each with a layer, a unit and supplier shares adding up to 1", () => {
    const chain = show.goods.filter((g) => g.layer !== "economy");
    expect(chain.map((g) => g.id).sort()).toEqual([...GOODS].sort());
    // The economy downstream of the chain: eight sectors from the WIOD table.
    expect(show.goods.filter((g) => g.layer === "economy").length).toBe(8);
    for (const g of show.goods) {
      expect(g.layer).toBeTypeOf("string");
      expect(g.unit.length).toBeGreaterThan(0);
      const shares = show.suppliers[g.id]!;
      for (const s of shares) {
        expect(s.share).toBeGreaterThan(0);
        expect(s.share).toBeLessThanOrEqual(1);
      }
      expect(Math.abs(shares.reduce((t, s) => t + s.share, 0) - 1)).toBeLessThanOrEqual(0.01);
    }
  });

  it("gives every figure a source and a year (data sources --json has an empty missing list)", async () => {
    const r = await runCli(["data", "sources", "--json"], ROOT);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.missing).toEqual([]);
    expect(doc.figures.length).toBeGreaterThan(900);
    const defined = new Set(doc.sources.map((s: { id: string }) => s.id));
    for (const f of doc.figures) expect(defined.has(f.source)).toBe(true);
  });

  it("reproduces the paper's headline figures, or follows the primary source with a note", () => {
    const h = new Map(show.headlines.map((x) => [x.id, x]));
    for (const x of show.headlines) {
      expect(x.withinTolerance).toBe(true);
      if (x.expect === "differs") expect(x.note?.length ?? 0).toBeGreaterThan(20);
    }
    const share = (good: string, actor: string) =>
      show.suppliers[good]!.find((s) => s.actor === actor)?.share ?? 0;
    expect(share("euv_lithography", "NL")).toBe(1);
    expect(share("ai_compute", "US")).toBeCloseTo(0.75, 2);
    const litho = [...h.values()].find((x) => x.id.includes("lithography") && x.data < 1)!;
    expect(litho.data).toBeGreaterThan(0.76);
    expect(litho.data).toBeLessThan(0.84);
    const tier2 = [...h.values()].find((x) => x.expect === "differs" && x.data === 17);
    expect(tier2).toBeDefined();
  });
});
