/**
 * Sensitivity over groups of figures (src/uncertainty/sensitivity.ts): the groups cover every
 * figure given as a distribution once; a figure at the quantile of its group's factor; the
 * tornado's bars from its rows, and one bar recomputed by a run of its own; output paths.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileReader } from "../../src/io/world-files.js";
import { runDocument } from "../../src/run/document.js";
import { quantileOf, realise, realiseAt } from "../../src/run/realise.js";
import { runScenario } from "../../src/run/scenario-run.js";
import { sensitivityRequest } from "../../src/run/sensitivity.js";
import { loadScenario } from "../../src/scenario/load.js";
import {
  evaluate,
  inputGroups,
  tornado,
  tornadoRows,
  valueAt,
} from "../../src/uncertainty/sensitivity.js";
import { loadWorld } from "../../src/world/load.js";

const ROOT = join(import.meta.dirname, "../..");
const FILE = "examples/taiwan-fab-disruption.yaml";
const text = readFileSync(join(ROOT, FILE), "utf8");
const world = loadWorld(fileReader(ROOT)).world!;

describe("groups of uncertain figures", () => {
  it("hold every figure given as a distribution exactly once, by good and by source", () => {
    const all = JSON.stringify(world.world).match(/"dist":/g)!.length;
    for (const by of ["good", "source"] as const) {
      const { groups } = inputGroups(world.world, by);
      expect(groups.reduce((s, g) => s + g.figures, 0)).toBe(all);
      expect(new Set(groups.map((g) => g.id)).size).toBe(groups.length);
    }
    const byGood = inputGroups(world.world, "good").groups.map((g) => g.id);
    expect(byGood).toEqual(expect.arrayContaining(["euv_lithography", "ai_accelerators"]));
  });

  it("move together to their factor's quantile, and stay central without one", () => {
    const { of, groups } = inputGroups(world.world, "good");
    const euv = groups.findIndex((g) => g.id === "euv_lithography");
    const moved = realiseAt(world.world, (path, q) => (of(path, q) === euv ? 0.95 : undefined));
    const i = world.world.goods.findIndex((g) => g.id === "euv_lithography");
    const stock = world.world.goods[i]!.stockMonths!;
    const got = moved.goods[i]!.stockMonths as { value: number };
    if (typeof stock === "object" && "dist" in stock)
      expect(got.value).toBe(quantileOf(stock, 0.95));
    // A figure of another group keeps its central value.
    const j = world.world.goods.findIndex((g) => g.id === "gallium");
    expect(moved.goods[j]!.stockMonths).toEqual(realise(world.world).goods[j]!.stockMonths);
  });
});

describe("output paths", () => {
  it("name a number of the run document, list items by id", () => {
    const doc = {
      eu: { bloc: { loss: 5 } },
      actors: [{ id: "PL", loss: 2 }],
      goods: [{ id: "x", output: [1, 2] }],
    };
    expect(valueAt(doc, "eu.bloc.loss")).toBe(5);
    expect(valueAt(doc, "actors.PL.loss")).toBe(2);
    expect(valueAt(doc, "goods.x.output.1")).toBe(2);
    expect(valueAt(doc, "actors.DE.loss")).toBeUndefined();
    expect(valueAt(doc, "eu.bloc")).toBeUndefined();
  });
});

describe("the tornado", () => {
  it("orders bars by swing, from its rows", () => {
    const groups = [
      { id: "a", figures: 1 },
      { id: "b", figures: 2 },
    ];
    expect(tornadoRows(2)).toEqual([
      [Number.NaN, Number.NaN],
      [0.05, Number.NaN],
      [0.95, Number.NaN],
      [Number.NaN, 0.05],
      [Number.NaN, 0.95],
    ]);
    const t = tornado(groups, [10, 9, 11, 4, 20]);
    expect(t.central).toBe(10);
    expect(t.bars.map((b) => [b.group, b.low, b.high, b.swing])).toEqual([
      ["b", 4, 20, 16],
      ["a", 9, 11, 2],
    ]);
  });

  it("of a real scenario: its central value is the run's, a bar is its group's own run", async () => {
    const { loaded } = loadScenario(text, FILE, world, { horizon: 3 });
    const run = runScenario({
      scenario: loaded!.scenario,
      world: { world: realise(loaded!.world.world) },
    });
    const central = valueAt(runDocument(run), "eu.bloc.loss")!;
    const job = {
      world: loaded!.world.world,
      scenario: loaded!.scenario,
      measure: "total" as const,
      by: "good" as const,
      output: "eu.bloc.loss",
    };
    const { groups } = inputGroups(job.world, "good");
    const g = groups.findIndex((x) => x.id === "leading_edge_logic");
    const factors = new Array<number>(groups.length).fill(Number.NaN);
    factors[g] = 0.95;
    const high = evaluate(job, factors);
    expect(Math.abs(evaluate(job, []) - central)).toBeLessThanOrEqual(1e-6 * Math.abs(central));
    expect(high).not.toBe(central);
    // Through the request, with an executor that runs only the rows it needs here.
    const r = await sensitivityRequest({
      world,
      text,
      file: FILE,
      output: "eu.bloc.loss",
      method: "tornado",
      by: "good",
      horizon: 3,
      execute: async (j, rows) =>
        rows.map((row) =>
          row[g] === 0.95 ? evaluate(j, row) : row.every(Number.isNaN) ? central : 0,
        ),
    });
    expect(r.central).toBe(central);
    expect(r.tornado!.find((b) => b.group === "leading_edge_logic")!.high).toBe(high);
  });

  it("refuses an output that names no number", async () => {
    await expect(
      sensitivityRequest({
        world,
        text,
        file: FILE,
        output: "actors.XX.loss",
        method: "tornado",
        by: "good",
        horizon: 2,
        execute: async (_, rows) => rows.map(() => 0),
      }),
    ).rejects.toThrow(/--output: no number at "actors.XX.loss"/);
  });
});
