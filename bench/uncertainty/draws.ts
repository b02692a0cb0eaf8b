/**
 * Benchmark: Monte Carlo draws of the demo scenario (examples/us-ai-diffusion-caps-2025.yaml,
 * 36 months, total loss measure) on the default world, beside the single run at central values
 * (the reference, in the same process): draws per second on 1 and 2 threads, the time a draw
 * takes relative to the central run, the 1→2 thread speed-up, and what 10,000 draws would take.
 * Each draw realises every distribution, rebuilds the baseline and the network on the drawn
 * figures, and simulates.
 *
 *   node --import tsx bench/uncertainty/draws.ts [--draws 24] [--seed 1] [--built]
 *
 * With --built the two threads run the built JavaScript (dist/, `npm run build`), as
 * `levier run` does: run from the TypeScript sources, a worker thread compiles them through
 * tsx as it starts, which the speed-up then pays for.
 */
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fileReader } from "../../src/io/world-files.js";
import { drawExecutor as drawExecutorSrc } from "../../src/node/draw-parallel.js";
import { inThreadDraws } from "../../src/run/draws.js";
import { loadScenario } from "../../src/scenario/load.js";
import { loadWorld } from "../../src/world/load.js";
import { centralRunMs, time } from "./central-run.js";

const { values } = parseArgs({
  options: {
    draws: { type: "string", default: "24" },
    seed: { type: "string", default: "1" },
    built: { type: "boolean", default: false },
  },
});
const n = Number(values.draws);
const seed = Number(values.seed);
const ROOT = join(import.meta.dirname, "../..");
const FILE = "examples/us-ai-diffusion-caps-2025.yaml";
const world = loadWorld(fileReader(ROOT)).world!;
const { loaded } = loadScenario(readFileSync(join(ROOT, FILE), "utf8"), FILE, world);
const job = {
  world: loaded!.world.world,
  scenario: loaded!.scenario,
  seed,
  measure: "total" as const,
};
const ks = Array.from({ length: n }, (_, k) => k);

// The reference: one run at central values, the median of 5.
const centralMs = await centralRunMs(job.scenario, job.world, 5);
const one = await time(() => inThreadDraws(job, ks));
// The built module's path in a variable, so that the type checker does not need dist/.
const builtModule = "../../dist/node/draw-parallel.js";
const drawExecutor: typeof drawExecutorSrc = values.built
  ? (await import(builtModule)).drawExecutor
  : drawExecutorSrc;
const two = await time(() => drawExecutor(2)(job, ks));
const per1 = one / n;
const per2 = two / n;
console.log(
  `machine: ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)}, Node ${process.version}`,
);
console.log(`central run (reference): ${centralMs.toFixed(0)} ms`);
console.log(
  `${n} draws, 1 thread: ${one.toFixed(0)} ms (${per1.toFixed(0)} ms a draw, ${(per1 / centralMs).toFixed(2)}× the central run)`,
);
console.log(
  `${n} draws, 2 threads: ${two.toFixed(0)} ms (${per2.toFixed(0)} ms a draw); speed-up ${(one / two).toFixed(2)}×`,
);
console.log(
  `10,000 draws would take ${((per2 * 10_000) / 1000).toFixed(0)} s on 2 threads (target < 10 s, goal 2 s)`,
);
