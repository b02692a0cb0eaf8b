/**
 * Terminal tables (src/report/text-table.ts): one header line when they fit or go to a pipe;
 * wrapped headers, at word boundaries, when they are wider than the terminal.
 */
import { describe, expect, it } from "vitest";
import { textTable } from "../../src/report/text-table.js";

const header = [
  "actor",
  "loss over 24 months",
  "worst month (largest loss)",
  "recovered (loss < 1% of VA)",
];
const rows = [
  ["PL", "$1.18 bn", "month 7", "never 1% down"],
  ["AT", "$522.4 m", "month 8", "month 12"],
];

describe("textTable", () => {
  it("keeps one header line without a width, or when the table fits", () => {
    for (const width of [undefined, 200]) {
      const lines = textTable(header, rows, undefined, width).split("\n");
      expect(lines[0]).toMatch(/^actor\s+loss over 24 months\s+worst month \(largest loss\)/);
      expect(lines[1]).toMatch(/^-+ {2}-+/);
      expect(lines).toHaveLength(4);
    }
  });

  it("wraps long headers to fit a narrow terminal, keeping every cell whole", () => {
    const text = textTable(header, rows, undefined, 60);
    const lines = text.split("\n");
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(60);
    const rule = lines.findIndex((l) => /^-+/.test(l));
    expect(rule).toBeGreaterThan(1);
    expect(lines.slice(0, rule).join(" ")).toMatch(/worst/);
    expect(lines[rule + 1]).toMatch(/^PL\s+\$1\.18 bn\s+month 7\s+never 1% down$/);
    // Each header's words, read down its column, give the header back.
    const start = lines[rule]!.indexOf("-", lines[rule]!.indexOf(" ") + 2);
    const col = lines
      .slice(0, rule)
      .map((l) => l.slice(start, start + 8).trim())
      .filter(Boolean);
    expect(col.join(" ")).toBe("loss over 24 months");
  });
});
