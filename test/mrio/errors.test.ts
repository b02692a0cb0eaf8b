/**
 * Malformed tables and crosswalks give located issues (file:line:col) and, through the CLI,
 * exit code 2 with no stack trace.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/diagnostics/issue.js";
import { readIcio } from "../../src/mrio/icio.js";
import { runCli } from "../helpers/cli.js";
import {
  assumptionsText,
  crosswalkText,
  icioText,
  tempDir,
  wiodTable,
  wiodTexts,
  worldText,
} from "./table-fixture.js";

const first = (issues: { severity: string }[]) =>
  formatIssue(issues.find((i) => i.severity === "error") as Parameters<typeof formatIssue>[0]);

function withFile(name: string, edit: (text: string) => string) {
  const texts = wiodTexts();
  texts[name] = edit(texts[name]!);
  return wiodTable(texts);
}

describe("malformed tables", () => {
  it("a missing column: WIOD's output file without its output column", () => {
    const r = withFile("tab-output.csv", (t) => t.replace('"output"', '"value"'));
    expect(first(r.issues)).toBe(
      "tab-output.csv:1:1: error[missing-column] expected two columns: row,output",
    );
  });

  it("a missing column: an ICIO table without OUT", () => {
    const text = icioText()
      .split("\n")
      .map((l) => l.split(",").slice(0, -1).join(","))
      .join("\n");
    const r = readIcio({ file: "2011.csv", text });
    expect(first(r.issues)).toBe(
      "2011.csv:1:1: error[missing-column] no OUT column; expected gross output in a column named OUT",
    );
  });

  it("a cell that is not a number, at its line and column", () => {
    const r = withFile("tab-intermediate.csv", (t) =>
      t.replace('"AAA_c2",2,30,8,3,12', '"AAA_c2",2,30,8,3,1o'),
    );
    expect(first(r.issues)).toBe(
      'tab-intermediate.csv:3:19: error[not-a-number] expected a number, found "1o"',
    );
  });

  it("a ragged row, at its last cell", () => {
    const r = withFile("tab-final.csv", (t) => t.replace('"AAA_c3",90,10,5,1', '"AAA_c3",90,10,5'));
    expect(first(r.issues)).toBe(
      "tab-final.csv:4:16: error[ragged-row] expected 5 fields as in the header, found 4",
    );
  });

  it("a label that is not REGION_CODE, and a final row the intermediate table lacks", () => {
    const bad = withFile("tab-intermediate.csv", (t) => t.replace('"AAA_c2",2', '"AAAc2",2'));
    expect(first(bad.issues)).toBe(
      'tab-intermediate.csv:3:1: error[bad-label] expected a sector label REGION_CODE, found "AAAc2"',
    );
    const extra = withFile("tab-final.csv", (t) => t.replace('"BBB_c3"', '"BBB_c4"'));
    expect(first(extra.issues)).toBe(
      "tab-final.csv:7:1: error[unknown-label] row BBB_c4 is not a row of the intermediate table",
    );
  });

  it("an ICIO row that is neither a sector nor TLS, VA or OUT", () => {
    const r = readIcio({ file: "2011.csv", text: icioText().replace("\nTLS,", "\nTAX,") });
    expect(first(r.issues)).toBe(
      '2011.csv:8:1: error[unknown-label] row "TAX" is neither COUNTRY_INDUSTRY nor one of TLS, VA, OUT',
    );
  });
});

/** Runs the import on the fixture with `crosswalk` edited; returns the CLI's result. */
async function importWith(edit: (crosswalk: string) => string, files = wiodTexts()) {
  const table = tempDir(files);
  const cw = tempDir({
    "crosswalk.yaml": edit(crosswalkText("wiod")),
    "economy.yaml": assumptionsText(),
  });
  const world = tempDir({ "world.yaml": worldText() });
  const out = tempDir({});
  return runCli([
    "data",
    "import",
    "mrio",
    table,
    "--layout",
    "wiod",
    "--crosswalk",
    join(cw, "crosswalk.yaml"),
    "--out",
    out,
    "--world",
    join(world, "world.yaml"),
  ]);
}

describe("a crosswalk that does not fit the table or the world", () => {
  it("a table region the crosswalk lacks, located at the table's label", async () => {
    const r = await importWith((t) =>
      t.replace("regions: {AAA: XA, BBB: ROW}", "regions: {BBB: ROW}"),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /tab-intermediate\.csv:2:1: error\[unknown-label\] region "AAA" is not in the regions of the crosswalk .*crosswalk\.yaml; add it there/,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("a table industry the crosswalk lacks, located at the table's label", async () => {
    const r = await importWith((t) => t.replace(", c3: services}", "}"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /tab-intermediate\.csv:4:1: error\[unknown-label\] industry "c3" is not in the industries/,
    );
  });

  it("an actor the world does not have, at its line and column in the crosswalk", async () => {
    const r = await importWith((t) => t.replace("AAA: XA", "AAA: ZZ"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /crosswalk\.yaml:4:16: error\[unknown-id\] regions\.AAA: ZZ is not a state or ROW of the world/,
    );
  });

  it("a missing table file, naming what was expected", async () => {
    const files = wiodTexts();
    delete files["tab-final.csv"];
    const r = await importWith((t) => t, files);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/expected one file \*-final\.csv in .*, found none/);
  });

  it("an unknown layout is a usage error", async () => {
    const r = await runCli(["data", "import", "mrio", ".", "--layout", "exiobase"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--layout must be wiod or icio");
  });
});
