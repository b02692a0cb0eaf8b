/**
 * What the uncertainty benchmarks share: a timer, and their reference, the run at central
 * values (realise without a generator, baseline, network, simulation), timed in the same
 * process as what it is compared with.
 * @module
 */
import { realise } from "../../src/run/realise.js";
import { runScenario } from "../../src/run/scenario-run.js";
import type { Scenario } from "../../src/scenario/schema.js";
import type { World } from "../../src/world/schema.js";

/** Milliseconds `f` takes. */
export async function time(f: () => unknown): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

/** The median time of `times` runs of `scenario` at central values on `world`. */
export async function centralRunMs(
  scenario: Scenario,
  world: World,
  times: number,
): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++)
    ms.push(await time(() => runScenario({ scenario, world: { world: realise(world) } })));
  ms.sort((a, b) => a - b);
  return ms[Math.floor(times / 2)]!;
}
