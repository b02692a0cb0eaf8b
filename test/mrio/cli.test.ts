/**
 * `levier data import mrio` end to end on the fixture table, in both layouts: the files it
 * writes make a valid world with the chain world they join; with no floor binding, the world's
 * value added in the model equals world GDP (the scaling makes table value added GDP, the
 * carve-out moves the chain's value added to its goods); the chain good's net final demand left
 * after the join is its final share; both layouts give the same economy; a second import over
 * its own output gives the same files.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fileReader } from "../../src/io/world-files.js";
import { realise } from "../../src/run/realise.js";
import { loadWorld } from "../../src/world/load.js";
import { central } from "../../src/world/quantity.js";
import { intermediateUse } from "../../src/world/recipes.js";
import { runCli } from "../helpers/cli.js";
import { importInto } from "./import-fixture.js";

const body = (dir: string, file: string) =>
  readFileSync(join(dir, file), "utf8")
    .split("\n")
    .filter((l) => !l.startsWith("#"))
    .join("\n");

describe("levier data import mrio", () => {
  let wiod: Awaited<ReturnType<typeof importInto>>;
  let icio: Awaited<ReturnType<typeof importInto>>;
  beforeAll(async () => {
    wiod = await importInto("wiod");
    icio = await importInto("icio");
  });

  it("writes the economy files, and they validate with the chain world", async () => {
    expect(wiod.run.stderr).toBe("");
    expect(wiod.run.code).toBe(0);
    const doc = JSON.parse(wiod.run.stdout);
    expect(doc.files.map((f: string) => f.slice(wiod.out.length + 1))).toEqual([
      "economy.yaml",
      "economy-suppliers.csv",
      "economy-demand.csv",
      "economy-flows.csv",
      "chain-flows.csv",
    ]);
    const v = await runCli(["data", "validate", wiod.out]);
    expect(v.stderr).toBe("");
    expect(v.code).toBe(0);
  });

  it("lands the world's value added in the model on world GDP when no floor binds", () => {
    const { report } = JSON.parse(wiod.run.stdout);
    expect(report.carve.floors).toEqual([]);
    expect(report.model.gdp).toBe(852);
    expect(report.model.valueAdded).toBeCloseTo(852, 9);
    const { world } = loadWorld(fileReader(), wiod.out);
    const w = world!.world;
    let va = 0;
    for (const g of w.goods) va += (central(g.globalOutput) * central(g.valueAddedPerUnit)) / 1e9;
    expect(Math.abs(va / 852 - 1)).toBeLessThan(1e-5);
    expect(w.goods.filter((g) => g.layer === "economy").map((g) => g.id)).toEqual([
      "primary",
      "electronics",
      "services",
    ]);
  });

  it("leaves chips a net final demand of its final share, 10% of 50", () => {
    const { world } = loadWorld(fileReader(), wiod.out);
    const w = world!.world;
    const i = w.goods.findIndex((g) => g.id === "chips");
    expect(50 - intermediateUse(realise(w))[i]!).toBeCloseTo(5, 3);
    const electronics = w.goods.find((g) => g.id === "electronics")!;
    const chips = electronics.recipe!.find((r) => r.input === "chips")!;
    expect(central(chips.criticality)).toBe(0.8);
  });

  it("gives the same economy from the WIOD and the ICIO layout of the same table", () => {
    expect(icio.run.code).toBe(0);
    for (const f of ["economy-suppliers.csv", "economy-demand.csv", "economy-flows.csv"])
      expect(body(icio.out, f)).toBe(body(wiod.out, f));
  });

  it("imports again over its own output (the old files are not read) to the same files", async () => {
    const before = readFileSync(join(wiod.out, "economy-flows.csv"), "utf8");
    writeFileSync(join(wiod.out, "economy-demand.csv"), "broken,\n");
    const r = await wiod.again();
    expect(r.code).toBe(0);
    expect(readFileSync(join(wiod.out, "economy-flows.csv"), "utf8")).toBe(before);
    expect(r.stdout).toMatch(/= 100\.00% of world GDP 852/);
  });
});
