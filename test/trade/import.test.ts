/**
 * `levier data import trade` on trade files in CEPII BACI's layout written by the test: values
 * to volumes at each good's price, HS6 products to goods by the longest code, a shared code
 * split by the exporter's output value, non-actors to ROW; the flows it writes as a patch load
 * back as they were written (import, write, read: the same rows; a second import the same
 * text); baseline trade then follows the recorded trade where it is given; malformed files are
 * refused at file:line:col with exit 2.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileReader } from "../../src/io/world-files.js";
import { realise } from "../../src/run/realise.js";
import { baselineOf } from "../../src/world/baseline.js";
import { loadWorld } from "../../src/world/load.js";
import { central } from "../../src/world/quantity.js";
import { runCli } from "../helpers/cli.js";

const COUNTRIES = [
  "country_code,country_name,country_iso2,country_iso3",
  "276,Germany,DE,DEU",
  "372,Ireland,IE,IRL",
  "842,USA,US,USA",
  "528,Netherlands,NL,NLD",
  "156,China,CN,CHN",
  "458,Malaysia,MY,MYS",
  "704,Viet Nam,VN,VNM",
].join("\n");

const TRADE = [
  "t,i,j,k,v,q",
  "2023,276,842,300490,30000000,1200.5", // DE → US medicaments, USD 30 bn
  "2023,372,842,300490,10000000,NA", // IE → US, USD 10 bn
  "2023,276,842,30110,5,1", // live animals (HS 010110 with its zero lost): no good
  "2023,528,156,848620,8000000,900", // NL → CN fab tools, USD 8 bn: shared by three goods
  "2023,458,842,300490,1000000,10", // MY → US: from ROW
  "2023,458,704,300490,2000000,10", // MY → VN: within ROW, left out
  "2022,276,842,300490,25000000,1000", // another year
].join("\n");

function write(trade = TRADE, countries = COUNTRIES) {
  const dir = mkdtempSync(join(tmpdir(), "levier-baci-"));
  writeFileSync(join(dir, "BACI_HS22_Y2023.csv"), `${trade}\n`);
  writeFileSync(join(dir, "country_codes.csv"), `${countries}\n`);
  return {
    dir,
    trade: join(dir, "BACI_HS22_Y2023.csv"),
    countries: join(dir, "country_codes.csv"),
  };
}

const { world } = loadWorld(fileReader(), undefined);
const w = world!.world;
const price = (id: string) => central(w.goods.find((g) => g.id === id)!.pricePerUnit);

interface Flow {
  good: string;
  from: string;
  to: string;
  volume: number;
  source: string;
  year: number;
  note: string;
}

async function run(args: string[]) {
  return runCli(["data", "import", "trade", ...args]);
}

describe("levier data import trade", () => {
  it("turns recorded values into volumes of the goods with HS codes", async () => {
    const f = write();
    const r = await run([f.trade, "--countries", f.countries, "--year", "2023", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const { rows, report } = JSON.parse(r.stdout) as {
      rows: Flow[];
      report: { matchedUsd: number; totalUsd: number };
    };
    const get = (good: string, from: string, to: string) =>
      rows.find((x) => x.good === good && x.from === from && x.to === to);
    const near = (a: number, b: number) => expect(Math.abs(a / b - 1)).toBeLessThan(1e-5);
    expect(get("pharmaceuticals", "DE", "US")!.volume).toBeCloseTo(
      30e9 / price("pharmaceuticals"),
      3,
    );
    expect(get("pharmaceuticals", "IE", "US")!.volume).toBeCloseTo(
      10e9 / price("pharmaceuticals"),
      3,
    );
    expect(get("pharmaceuticals", "ROW", "US")!.volume).toBeCloseTo(
      1e9 / price("pharmaceuticals"),
      3,
    );
    expect(rows.filter((x) => x.from === "ROW" && x.to === "ROW")).toEqual([]);
    // 8486.20 is named by EUV, DUV and the other fab tools: the Dutch USD 8 bn is split by the
    // Netherlands' output value of each (all of EUV, most of DUV, a little of the rest).
    const tools = ["euv_lithography", "duv_lithography", "wafer_fab_equipment"];
    const nlValue = (g: string) => {
      const s = w.suppliers.find((x) => x.good === g && x.actor === "NL")!;
      return central(s.share!) * central(w.goods.find((x) => x.id === g)!.globalOutput) * price(g);
    };
    const total = tools.reduce((s, g) => s + nlValue(g), 0);
    for (const g of tools) near(get(g, "NL", "CN")!.volume * price(g), (8e9 * nlValue(g)) / total);
    expect(get("euv_lithography", "NL", "CN")!.note).toContain("848620");
    expect(report.totalUsd).toBeCloseTo(51e9 + 5e3, -1);
    expect(report.matchedUsd).toBeCloseTo(49e9, -1);
    for (const x of rows) expect(x).toMatchObject({ source: "cepii_baci", year: 2023 });
  });

  it("writes a patch that loads back as written, and the same text again on a second import", async () => {
    const f = write();
    const out = join(f.dir, "trade.yaml");
    const args = [f.trade, "--countries", f.countries, "--year", "2023", "--out", out];
    const first = await run([...args, "--json"]);
    expect(first.code).toBe(0);
    const text = readFileSync(out, "utf8");
    const rows = JSON.parse(first.stdout).rows as Flow[];
    const patched = loadWorld(fileReader(), out);
    expect(patched.issues.filter((i) => i.severity === "error")).toEqual([]);
    const pw = patched.world!.world;
    for (const r of rows) {
      const fl = pw.flows.find((x) => x.good === r.good && x.from === r.from && x.to === r.to)!;
      expect(fl).toMatchObject({ volume: r.volume, source: r.source, year: r.year, note: r.note });
    }
    expect((await run(args)).code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(text);
    // The CSV form reads back the same rows.
    const csv = join(f.dir, "trade.csv");
    expect(
      (await run([f.trade, "--countries", f.countries, "--year", "2023", "--out", csv])).code,
    ).toBe(0);
    expect(
      readFileSync(csv, "utf8")
        .split("\n")
        .filter((l) => l.startsWith("pharmaceuticals,DE,US,")),
    ).toHaveLength(1);
  });

  it("makes the baseline follow recorded trade where it is given", async () => {
    const f = write();
    const out = join(f.dir, "trade.yaml");
    expect(
      (await run([f.trade, "--countries", f.countries, "--year", "2023", "--out", out])).code,
    ).toBe(0);
    const usImports = (spec: string | undefined) => {
      const b = baselineOf(realise(loadWorld(fileReader(), spec).world!.world));
      const g = b.goods.find((x) => x.good === "pharmaceuticals")!;
      const u = g.users.indexOf("US");
      const from = (a: string) => g.flows[g.suppliers.indexOf(a) * g.users.length + u]!;
      return { de: from("DE"), ie: from("IE"), ch: from("CH") };
    };
    const before = usImports(undefined);
    const pooled = before;
    const recorded = usImports(out);
    // Recorded: DE 3 times IE; the seed the default world had (WIOD's sales by destination) has
    // Ireland far ahead. The flows of other suppliers to the US (WIOD's) stay as they were.
    expect(pooled.de / pooled.ie).toBeLessThan(0.1);
    expect(recorded.de / recorded.ie).toBeGreaterThan(5 * (pooled.de / pooled.ie));
  });

  it("asks for --year when the file holds several", async () => {
    const f = write();
    const r = await run([f.trade, "--countries", f.countries]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${f.trade}:1:1: error[ambiguous-year] the trade file holds the years 2022, 2023`,
    );
  });

  it.each([
    [
      "a missing column",
      TRADE.replace("t,i,j,k,v,q", "t,i,j,k,value,q"),
      ":1:1: error[missing-column] expected the column v",
    ],
    [
      "a bad value",
      TRADE.replace("30000000,1200.5", "30e6x,1200.5"),
      ":2:21: error[bad-number] expected a value in thousands of USD",
    ],
    ["a negative value", TRADE.replace("10000000,NA", "-10000000,NA"), ":3:21: error[bad-number]"],
    [
      "an unknown exporter",
      TRADE.replace("2023,372,842", "2023,999,842"),
      ':3:6: error[unknown-id] unknown exporter "999"',
    ],
    [
      "a bad product code",
      TRADE.replace("848620", "8486"),
      ":5:14: error[bad-number] expected an HS6 product code",
    ],
  ])("refuses %s at its cell", async (_, trade, expected) => {
    const f = write(trade);
    const r = await run([f.trade, "--countries", f.countries, "--year", "2023"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`${f.trade}${expected}`);
  });

  it("refuses a country-code file without ISO codes", async () => {
    const f = write(TRADE, COUNTRIES.replace("country_iso3", "iso3"));
    const r = await run([f.trade, "--countries", f.countries, "--year", "2023"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${f.countries}:1:1: error[missing-column] expected the column country_iso3`,
    );
  });
});
