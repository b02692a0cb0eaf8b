/**
 * Reading both layouts of an input–output table into one in-memory table: the values land in
 * their cells, the accounting identities hold (output = intermediate + final use by row; value
 * added = output − intermediate inputs by column; world value added = world final use), and
 * the WIOD and ICIO files of the same table read to the same table.
 */
import { describe, expect, it } from "vitest";
import { readIcio } from "../../src/mrio/icio.js";
import { type MrioTable, rowDiscrepancy, valueAdded } from "../../src/mrio/table.js";
import { icioText, SECTORS, VA, wiodTable, wiodTexts, X, Y, Z } from "./table-fixture.js";

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);

function checkIdentities(t: MrioTable) {
  expect(Array.from(rowDiscrepancy(t))).toEqual([0, 0, 0, 0, 0, 0]);
  expect(Array.from(valueAdded(t))).toEqual(VA);
  expect(sum(valueAdded(t))).toBe(459);
  expect(sum(t.final)).toBe(459);
}

describe("reading an input-output table", () => {
  it("reads WIOD's three files: sectors, final columns and values in their cells", () => {
    const { table, issues } = wiodTable();
    expect(issues).toEqual([]);
    const t = table!;
    expect(t.sectors.map((s) => `${s.region}_${s.industry}`)).toEqual(SECTORS);
    expect(t.finals).toEqual([
      { region: "AAA", category: "f1" },
      { region: "AAA", category: "f4" },
      { region: "BBB", category: "f1" },
      { region: "BBB", category: "f4" },
    ]);
    expect(t.intermediate[1 * 6 + 4]).toBe(Z[1]![4]);
    expect(t.final[5 * 4 + 2]).toBe(Y[5]![2]);
    expect(Array.from(t.output)).toEqual(X);
    expect(t.sectorAt[0]).toEqual({ file: "tab-intermediate.csv", line: 2, col: 1 });
    checkIdentities(t);
  });

  it("reads the OECD ICIO layout (TLS, VA and OUT rows, an OUT column) to the same table", () => {
    const { table, issues } = readIcio({ file: "2011.csv", text: icioText() });
    expect(issues).toEqual([]);
    const w = wiodTable().table!;
    expect(table!.sectors).toEqual(w.sectors);
    expect(Array.from(table!.intermediate)).toEqual(Array.from(w.intermediate));
    expect(Array.from(table!.final)).toEqual(Array.from(w.final));
    expect(Array.from(table!.output)).toEqual(X);
    expect(table!.finals.map((f) => f.category)).toEqual(["HFCE", "GFCF", "HFCE", "GFCF"]);
    checkIdentities(table!);
  });

  it("accepts WIOD columns in another order than the rows", () => {
    const texts = wiodTexts();
    const lines = texts["tab-intermediate.csv"]!.trim()
      .split("\n")
      .map((l) => l.split(","));
    const swapped = lines.map((cells) =>
      [cells[0], cells[2], cells[1], ...cells.slice(3)].join(","),
    );
    texts["tab-intermediate.csv"] = `${swapped.join("\n")}\n`;
    const { table } = wiodTable(texts);
    expect(table!.intermediate[0]).toBe(10);
    expect(table!.intermediate[1]).toBe(20);
    checkIdentities(table!);
  });

  it("splits labels at the first underscore (the 2025 ICIO writes AUS_A01_02)", () => {
    const text = icioText().replaceAll("_c1", "_A01_02");
    const { table } = readIcio({ file: "2022.csv", text });
    expect(table!.sectors[0]).toEqual({ region: "AAA", industry: "A01_02" });
  });
});
