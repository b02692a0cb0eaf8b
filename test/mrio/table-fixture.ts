/**
 * A hand-made two-region, three-industry input–output table (USD bn), written by the tests in
 * WIOD's layout (three CSV files) and the OECD ICIO layout (one CSV), with a crosswalk, the
 * economy assumptions and a small chain world to join it to. The table balances by
 * construction: output = intermediate + final use by row; its value added (output less column
 * sums) is VA below, and world value added = world final use = 459.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWiod } from "../../src/mrio/wiod.js";

export const REGIONS = ["AAA", "BBB"];
export const INDUSTRIES = ["c1", "c2", "c3"];
export const SECTORS = REGIONS.flatMap((r) => INDUSTRIES.map((i) => `${r}_${i}`));
/** Rows supply columns, in the order of SECTORS. */
export const Z = [
  [10, 20, 5, 4, 6, 1],
  [2, 30, 8, 3, 12, 4],
  [5, 10, 20, 1, 2, 6],
  [3, 4, 2, 12, 18, 6],
  [1, 10, 3, 2, 25, 9],
  [1, 2, 4, 3, 8, 30],
];
/** Final use: AAA households, AAA capital formation, BBB households, BBB capital formation. */
export const Y = [
  [40, 10, 8, 2],
  [20, 15, 10, 6],
  [90, 10, 5, 1],
  [6, 1, 50, 8],
  [8, 4, 30, 20],
  [2, 1, 100, 12],
];
export const X = [106, 110, 150, 110, 112, 163];
export const VA = [84, 34, 108, 85, 41, 107];

export function wiodTexts(): Record<string, string> {
  const head = (cols: string[]) => `"",${cols.map((c) => `"${c}"`).join(",")}\n`;
  const rows = (m: number[][]) => m.map((r, i) => `"${SECTORS[i]}",${r.join(",")}`).join("\n");
  return {
    "tab-intermediate.csv": `${head(SECTORS)}${rows(Z)}\n`,
    "tab-final.csv": `${head(["AAA_f1", "AAA_f4", "BBB_f1", "BBB_f4"])}${rows(Y)}\n`,
    "tab-output.csv": `"row","output"\n${X.map((x, i) => `"${SECTORS[i]}",${x}`).join("\n")}\n`,
  };
}

export function icioText(): string {
  const cols = [...SECTORS, "AAA_HFCE", "AAA_GFCF", "BBB_HFCE", "BBB_GFCF", "OUT"];
  const lines = [`V1,${cols.join(",")}`];
  SECTORS.forEach((s, i) => lines.push(`${s},${[...Z[i]!, ...Y[i]!, X[i]].join(",")}`));
  const tls = cols.map(() => 0);
  lines.push(`TLS,${tls.join(",")}`);
  lines.push(`VA,${[...VA, 0, 0, 0, 0, 0].join(",")}`);
  lines.push(`OUT,${[...X, 0, 0, 0, 0, 0].join(",")}`);
  return `${lines.join("\n")}\n`;
}

export function crosswalkText(layout: "wiod" | "icio"): string {
  return `table: {layout: ${layout}, source: hand_table, year: 2011, usdPerUnit: 1000000000}
sources:
  - {id: hand_table, kind: published, publisher: levier tests, title: A hand-made table, year: 2011}
regions: {AAA: XA, BBB: ROW}
carve: {from: BBB, actors: [XB]}
industries: {c1: primary, c2: electronics, c3: services}
chainGoods: {chips: c2}
assumptions: economy.yaml
`;
}

const q = (mode: number) =>
  `{dist: triangular, low: ${mode / 2}, mode: ${mode}, high: ${Math.min(1, mode * 1.5)}, source: hand_assumption, year: 2025}`;

export function assumptionsText(): string {
  const sector = (id: string) => `  - id: ${id}
    name: ${id}
    description: the ${id} sector
    stockMonths: 1
    rampUp: {lagMonths: 3, ratePerMonth: 0.02, max: 0.2}
    utilisation: 0.9
    securityWeight: 0
    demandElasticity: 0.5
`;
  return `sources:
  - {id: hand_assumption, kind: assumption, publisher: levier tests, title: Hand-made assumptions, year: 2025, note: for tests}
sectors:
${["primary", "electronics", "services"].map(sector).join("")}criticality:
  default: ${q(0.1)}
  pairs:
    - {input: electronics, user: electronics, criticality: ${q(0.5)}}
minCoefficient: 0
join:
  - good: chips
    final: ${q(0.1)}
    sectors: {electronics: ${q(0.6)}}
    restBy: electronics
    criticality: {electronics: ${q(0.8)}, default: ${q(0.2)}}
    note: chips go to device makers
`;
}

/** The chain world: actors XA, XB (carved out of BBB) and ROW; one good, chips (USD bn). */
export function worldText(): string {
  return `meta: {name: mrio test world, asOf: 2025}
sources:
  - {id: hand, kind: assumption, publisher: levier tests, title: Hand-made figures, year: 2024}
actors:
  - {id: XA, name: Alpha, kind: state, gdp: 452, source: hand, year: 2024}
  - {id: XB, name: Beta, kind: state, gdp: 100, source: hand, year: 2024}
  - {id: ROW, name: Rest of world, kind: aggregate, gdp: 300, source: hand, year: 2024}
goods:
  - id: chips
    name: Chips
    unit: USD bn of output
    layer: chips
    globalOutput: 50
    stockMonths: 2
    rampUp: {lagMonths: 6, ratePerMonth: 0.02, max: 0.3}
    valueAddedPerUnit: 500000000
    pricePerUnit: 1000000000
    securityWeight: 1
    demandBy: gdp
    source: hand
    year: 2024
suppliers:
  - {good: chips, actor: XA, share: 0.6, source: hand, year: 2024}
  - {good: chips, actor: ROW, share: 0.4, source: hand, year: 2024}
`;
}

/** A fresh directory holding `files`. */
export function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "levier-mrio-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The WIOD files of `texts` read into a table. */
export function wiodTable(texts = wiodTexts()): ReturnType<typeof readWiod> {
  const f = (name: string) => ({ file: name, text: texts[name]! });
  return readWiod({
    intermediate: f("tab-intermediate.csv"),
    final: f("tab-final.csv"),
    output: f("tab-output.csv"),
  });
}
