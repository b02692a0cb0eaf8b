/**
 * `levier data sources --json` follows every figure back to its published sources: each
 * figure's chain ends with the source it cites and starts from published ones where its source
 * names what it derives from; the ETO-derived semiconductor shares lead back to the dataset and
 * CSET; the only source of the default world that backs nothing is the one the trade import
 * cites on the flows it writes (the default world holds none); an unknown `from` is an error.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

interface Link {
  source: string;
  kind: string;
  from?: string[];
}
interface Doc {
  figures: { path: string; source?: string; chain: Link[] }[];
  sources: { id: string; kind: string; figures: number; backs: number; items: number }[];
  unused: string[];
}

describe("levier data sources --json", async () => {
  const r = await runCli(["data", "sources", "--json"]);
  const doc = JSON.parse(r.stdout) as Doc;

  it("gives every figure a chain that ends with the source it cites", () => {
    expect(r.code).toBe(0);
    expect(doc.figures.length).toBeGreaterThan(20000);
    for (const f of doc.figures) {
      expect(f.chain.length).toBeGreaterThan(0);
      expect(f.chain.map((l) => l.source)).toContain(f.source);
      expect(f.chain.every((l) => l.kind !== "unknown")).toBe(true);
    }
  });

  it("leads the imported semiconductor shares back to the ETO dataset and CSET", () => {
    const rows = doc.figures.filter((f) => /^suppliers\[\d+\]\.share$/.test(f.path));
    const duv = rows.filter((f) => f.source === "lithography_split_derived");
    expect(duv.length).toBeGreaterThan(5);
    for (const f of duv)
      expect(f.chain.map((l) => l.source)).toEqual([
        "cset_eto_2025",
        "eto_chip_dataset",
        "lithography_split_derived",
      ]);
    const wafers = rows.filter((f) => f.source === "eto_shares_2021");
    expect(wafers.length).toBe(10);
    for (const f of wafers) expect(f.chain[0]).toEqual({ source: "cset_2021", kind: "published" });
  });

  it("leaves no source backing nothing but the trade import's", () => {
    expect(doc.unused).toEqual(["cepii_baci"]);
    const wiod = doc.sources.find((s) => s.id === "wiod_2013")!;
    expect(wiod.figures).toBe(0);
    expect(wiod.backs).toBeGreaterThan(1000);
  });

  it("refuses a source that derives from one the world does not have", async () => {
    const dir = mkdtempSync(join(tmpdir(), "levier-prov-"));
    const file = join(dir, "patch.yaml");
    writeFileSync(
      file,
      [
        "extends: default",
        "sources:",
        "  - id: pharma_assumption",
        "    from: [no_such_source]",
        "",
      ].join("\n"),
    );
    const v = await runCli(["data", "validate", file]);
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(/patch\.yaml:4:\d+: error\[unknown-source\].*no_such_source/);
  });
});
