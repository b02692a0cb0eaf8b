/**
 * Benchmark: variance-based sensitivity (Sobol indices, Saltelli design with the Saltelli 2010
 * first-order and Jansen total estimators, 95% bootstrap intervals) of the demo scenario's
 * headline (examples/us-ai-diffusion-caps-2025.yaml: the EU's loss over 36 months, total loss
 * measure) over the default world's uncertain figures grouped by source, beside the single
 * run at central values (the reference, timed in the same process). It reports how many
 * groups and runs, the time relative to one run, and the widest 95% interval of any total
 * index: the issue asks for every one narrower than 0.05.
 *
 *   node --import tsx bench/uncertainty/sobol.ts [--samples 256] [--by source] [--workers 2]
 */
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fileReader } from "../../src/io/world-files.js";
import { evalExecutor } from "../../src/node/eval-parallel.js";
import { sensitivityRequest } from "../../src/run/sensitivity.js";
import { loadScenario } from "../../src/scenario/load.js";
import type { Grouping } from "../../src/uncertainty/sensitivity.js";
import { loadWorld } from "../../src/world/load.js";
import { centralRunMs } from "./central-run.js";

const { values } = parseArgs({
  options: {
    samples: { type: "string", default: "256" },
    by: { type: "string", default: "source" },
    workers: { type: "string", default: "2" },
    output: { type: "string", default: "eu.bloc.loss" },
  },
});
const ROOT = join(import.meta.dirname, "../..");
const FILE = "examples/us-ai-diffusion-caps-2025.yaml";
const text = readFileSync(join(ROOT, FILE), "utf8");
const world = loadWorld(fileReader(ROOT)).world!;
const scenario = loadScenario(text, FILE, world).loaded!;

const centralMs = await centralRunMs(scenario.scenario, scenario.world.world, 3);
const t = performance.now();
const result = await sensitivityRequest({
  world,
  text,
  file: FILE,
  output: values.output,
  method: "sobol",
  by: values.by as Grouping,
  samples: Number(values.samples),
  execute: evalExecutor(Number(values.workers)),
});
const took = performance.now() - t;
const s = result.sobol!;
const width = (i: { low: number; high: number }) => i.high - i.low;
const widest = Math.max(...s.indices.map((x) => width(x.total)));
console.log(
  `machine: ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)}, Node ${process.version}`,
);
console.log(`central run (reference): ${centralMs.toFixed(0)} ms`);
console.log(
  `sobol by ${values.by}: ${result.groups.length} groups, N = ${s.samples}, ${result.evaluations} runs on ${values.workers} threads: ${(took / 1000).toFixed(0)} s (${(took / centralMs).toFixed(0)} central runs)`,
);
console.log(`${values.output} at central values: ${result.central.toExponential(3)}`);
console.log(`widest 95% interval of a total index: ${widest.toFixed(3)} (goal: < 0.05)`);
for (const x of [...s.indices].sort((a, b) => b.total.estimate - a.total.estimate))
  console.log(
    `  ${x.group.padEnd(40)} first ${x.first.estimate.toFixed(3)} [${x.first.low.toFixed(3)}, ${x.first.high.toFixed(3)}]  total ${x.total.estimate.toFixed(3)} [${x.total.low.toFixed(3)}, ${x.total.high.toFixed(3)}]`,
  );
