/** Worlds and contexts the analysis tests share. */
import { analysisContext } from "../../src/analysis/context.js";
import { fileReader } from "../../src/io/world-files.js";
import { realise } from "../../src/run/realise.js";
import { loadWorld } from "../../src/world/load.js";
import { loadFixture } from "../helpers/world.js";

export function fixtureContext(name: string) {
  const { world, issues } = loadFixture(`analysis/${name}.yaml`);
  if (!world) throw new Error(`fixture ${name}: ${issues.map((i) => i.message).join("; ")}`);
  return analysisContext(realise(world.world));
}

let cached: ReturnType<typeof analysisContext> | undefined;

/** The default world (data/), loaded once per test file. */
export function defaultContext() {
  if (!cached) {
    const { world } = loadWorld(fileReader());
    if (!world) throw new Error("the default world does not load");
    cached = analysisContext(realise(world.world));
  }
  return cached;
}
