/**
 * `levier data import eto` on a small dataset in ETO's layout: shares by hand (country rows
 * where ETO gives them, firms summed by country where it does not, inputs weighted by market
 * size, rows over 100% by rounding normalised, countries that are not actors and "various" to
 * ROW), every row citing its input, year and provision.csv line; the rows merged into an
 * existing suppliers table leave its other lines alone; a second import over its own output
 * changes nothing (import, write, read, import: the same file).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../src/parse/csv.js";
import { runCli } from "../helpers/cli.js";
import { writeFixture } from "./fixture.js";

interface Row {
  good: string;
  actor: string;
  share: number;
  low?: number;
  high?: number;
  source: string;
  year: number;
  note: string;
}

const fx = writeFixture();
afterAll(() => undefined);

async function importTo(out: string) {
  const r = await runCli([
    "data",
    "import",
    "eto",
    fx.data,
    "--crosswalk",
    fx.crosswalk,
    "--out",
    out,
    "--json",
  ]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { rows: Row[]; changes: unknown[]; report: unknown[] };
}

const shares = (rows: Row[], good: string) =>
  Object.fromEntries(rows.filter((r) => r.good === good).map((r) => [r.actor, r.share]));

describe("levier data import eto", () => {
  it("gives the shares worked out by hand", async () => {
    const { rows } = await importTo(fx.out);
    expect(shares(rows, "euv_lithography")).toEqual({ NL: 1 });
    // N22 (USD 8 bn): NLD 99, JPN 1; N32 (USD 2 bn, firms only): TEL (JPN) 92, Mycronic (SWE)
    // 4, MyTrack (MYS, not an actor) 2, various 1, unassigned 1.
    expect(shares(rows, "duv_lithography")).toEqual({
      NL: 0.792,
      JP: 0.192,
      SE: 0.008,
      ROW: 0.008,
    });
    // N84 adds up to 101% (a 1% share rounded up): each divided by 1.01.
    expect(shares(rows, "eda_software")).toEqual({ US: 0.9604, JP: 0.0297, SE: 0.0099 });
  });

  it("cites the dataset's input, year and line, and keeps the crosswalk's ranges", async () => {
    const { rows } = await importTo(fx.out);
    const nl = rows.find((r) => r.good === "duv_lithography" && r.actor === "NL")!;
    expect(nl.source).toBe("lithography_split_derived");
    expect(nl.year).toBe(2025);
    expect(nl.note).toContain(
      "N22 ArF immersion (DUV) lithography tools 99% of USD 8 bn (2025, provision.csv line 4)",
    );
    expect(nl.note).toContain("firms: ASML");
    const jp = rows.find((r) => r.good === "duv_lithography" && r.actor === "JP")!;
    expect(jp.note).toContain(
      "N32 Resist processing tools 92% of USD 2 bn (2025, provision.csv line 7)",
    );
    const row = rows.find((r) => r.good === "duv_lithography" && r.actor === "ROW")!;
    expect(row.note).toContain("MYS 0.4%");
    expect(row.note).toContain("Various countries 0.2%");
    expect(row.note).toContain("unassigned 0.2%");
    const us = rows.find((r) => r.good === "eda_software" && r.actor === "US")!;
    expect(us).toMatchObject({ low: 0.9, high: 0.97, year: 2019, source: "eda_shares_derived" });
    expect(us.note).toContain("N84's country shares add up to 101%, each divided by 1.01");
    expect(us.note).toContain("[cset_2021]");
  });

  it("writes rows that read back as they were written, and a second import changes nothing", async () => {
    const out = `${fx.dir}/round-trip.csv`;
    const first = await importTo(out);
    const text = readFileSync(out, "utf8");
    const table = parseCsv(text, out).table!;
    const cols = table.header.map((c) => c.text);
    const read = table.rows.map((cells) =>
      Object.fromEntries(cells.map((c, i) => [cols[i], c.text])),
    );
    expect(
      read.map((r) => [r.good, r.actor, Number(r.share), r.source, Number(r.year), r.note]),
    ).toEqual(first.rows.map((r) => [r.good, r.actor, r.share, r.source, r.year, r.note]));
    const second = await importTo(out);
    expect(second.changes).toEqual([]);
    expect(readFileSync(out, "utf8")).toBe(text);
  });

  it("replaces only its goods' rows in an existing table and lists each changed share", async () => {
    const out = `${fx.dir}/existing.csv`;
    const before = [
      "# a comment that stays",
      "good,actor,share,low,high,dist,utilisation,source,year,note",
      "gallium,CN,0.98,,,,,usgs_mcs_2025,2024,",
      "duv_lithography,NL,0.6923,,,,,lithography_split_derived,2025,hand-copied",
      "duv_lithography,ROW,0.3077,,,,,row_remainder,2025,",
      "gallium,ROW,0.02,,,,,row_remainder,2024,",
      "",
    ].join("\n");
    writeFileSync(out, before);
    const { changes } = await importTo(out);
    expect(changes).toEqual(
      expect.arrayContaining([
        { good: "duv_lithography", actor: "NL", before: 0.6923, after: 0.792 },
        { good: "duv_lithography", actor: "ROW", before: 0.3077, after: 0.008 },
        { good: "duv_lithography", actor: "JP", after: 0.192 },
        { good: "euv_lithography", actor: "NL", after: 1 },
      ]),
    );
    const lines = readFileSync(out, "utf8").split("\n");
    expect(lines.slice(0, 3)).toEqual(before.split("\n").slice(0, 3));
    expect(lines.filter((l) => l.startsWith("gallium,"))).toEqual([
      "gallium,CN,0.98,,,,,usgs_mcs_2025,2024,",
      "gallium,ROW,0.02,,,,,row_remainder,2024,",
    ]);
    // The DUV block stands where the old one stood, the new goods follow at the end.
    expect(lines[3]!.startsWith("duv_lithography,NL,0.792,")).toBe(true);
    expect(lines.filter((l) => l.startsWith("duv_lithography,")).length).toBe(4);
    expect(lines.findIndex((l) => l.startsWith("euv_lithography,"))).toBeGreaterThan(
      lines.findIndex((l) => l.startsWith("gallium,ROW")),
    );
  });
});
