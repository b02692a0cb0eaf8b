/**
 * The seed flows of a chain good from its table industry's sales by destination, end to end on
 * the fixture table, against a hand computation: chips are made in c2; XA (= AAA) makes 0.6 ×
 * 50 = 30 of them and ROW 0.4 × 50 = 20; XB is carved out of BBB with a GDP share of
 * 100 / (100 + 300) = 0.25 (BBB is all of ROW's value added), the rest of BBB is ROW.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { importInto } from "./import-fixture.js";
import { Y, Z } from "./table-fixture.js";

const rowsOf = (dir: string) =>
  readFileSync(join(dir, "chain-flows.csv"), "utf8")
    .split("\n")
    .filter((l) => l !== "" && !l.startsWith("#"))
    .slice(1)
    .map((l) => l.split(","));

const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);

describe("chain goods' seed flows from their industry's sales (crosswalk chainFlows)", () => {
  let run: Awaited<ReturnType<typeof importInto>>;
  beforeAll(async () => {
    run = await importInto("wiod", "chainFlows: [chips]\n");
  });

  it("writes each import as the supplier's output × the share of its c2 sales the buyer takes", () => {
    expect(run.run.stderr).toBe("");
    expect(run.run.code).toBe(0);
    // AAA_c2 (row 1) sells 2 + 30 + 8 + 20 + 15 = 75 at home and 3 + 12 + 4 + 10 + 6 = 35 to
    // BBB, shared 0.25 / 0.75 between XB and ROW; BBB_c2 (row 4) sells 1 + 10 + 3 + 8 + 4 = 26
    // to AAA out of 112, and its sales within BBB stay within each part (ROW sells XB nothing).
    const aaa = sum([...Z[1]!, ...Y[1]!]);
    const toBbb = sum([...Z[1]!.slice(3), ...Y[1]!.slice(2)]);
    const bbb = sum([...Z[4]!, ...Y[4]!]);
    const toAaa = sum([...Z[4]!.slice(0, 3), ...Y[4]!.slice(0, 2)]);
    expect([aaa, toBbb, bbb, toAaa]).toEqual([110, 35, 112, 26]);
    const rows = rowsOf(run.out);
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ["chips", "ROW", "XA"],
      ["chips", "XA", "XB"],
      ["chips", "XA", "ROW"],
    ]);
    const volume = rows.map((r) => Number(r[3]));
    expect(volume[0]).toBeCloseTo((20 * 26) / 112, 9);
    expect(volume[1]).toBeCloseTo((30 * 0.25 * 35) / 110, 9);
    expect(volume[2]).toBeCloseTo((30 * 0.75 * 35) / 110, 9);
    for (const r of rows) expect(r.slice(4)).toEqual(["hand_table_chain_flows", "2024"]);
  });

  it("cites a derived source giving the arithmetic, and the world validates", async () => {
    const doc = readFileSync(join(run.out, "economy.yaml"), "utf8");
    expect(doc).toMatch(/id: hand_table_chain_flows\n\s+kind: derived/);
    expect(doc).toMatch(/chips c2\. volume\(s -> b\)/);
    const v = await runCli(["data", "validate", run.out]);
    expect(v.stderr).toBe("");
    expect(v.code).toBe(0);
  });

  it("writes only the header when the crosswalk names no good", async () => {
    const plain = await importInto("wiod");
    expect(plain.run.code).toBe(0);
    expect(rowsOf(plain.out)).toEqual([]);
  });

  it("rejects a good that has no table industry, at its place in the crosswalk", async () => {
    const bad = await importInto("wiod", "chainFlows: [chips, wafers]\n");
    expect(bad.run.code).toBe(2);
    expect(bad.run.stderr).toMatch(/crosswalk\.yaml:9:\d+.*wafers has no table industry/);
  });
});
