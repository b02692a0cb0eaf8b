/**
 * Benchmark: quasi-random against pseudo-random draws (issue 12). The demo scenario's headline
 * (examples/us-ai-diffusion-caps-2025.yaml: the EU's loss, total loss measure, each draw
 * against its own reference run) is averaged over N draws, N = 16, 32, 64, for R seeds with
 * each sampling; the spread of those means over the seeds (their standard deviation: the
 * standard error of an N-draw mean) is compared, random / sobol. A ratio above 1 means Sobol
 * points give the same precision with fewer draws (the ratio squared: how many times fewer).
 *
 * To keep it affordable on a shared machine the horizon is 12 months (a 36-month draw takes
 * about 5× longer) and the means are nested: the N = 16 and 32 means of a seed are over the
 * first 16 and 32 of its 64 draws (for Sobol points, the first 2^m points of a shifted
 * sequence are themselves a randomised QMC design). 2 × R × 64 draws in all, on one thread.
 *
 *   node --import tsx bench/uncertainty/qmc.ts [--replications 10] [--months 12] [--workers 1]
 */
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fileReader } from "../../src/io/world-files.js";
import { drawExecutor } from "../../src/node/draw-parallel.js";
import type { Sampling } from "../../src/random/sampling.js";
import { type DrawJob, inThreadDraws } from "../../src/run/draws.js";
import { drawDimensions } from "../../src/run/realise.js";
import { loadScenario } from "../../src/scenario/load.js";
import { loadWorld } from "../../src/world/load.js";

const { values } = parseArgs({
  options: {
    replications: { type: "string", default: "10" },
    months: { type: "string", default: "12" },
    workers: { type: "string", default: "1" },
    actor: { type: "string", default: "EU" },
  },
});
const R = Number(values.replications);
const workers = Number(values.workers);
const SIZES = [16, 32, 64];
const MAX = SIZES.at(-1)!;
const ROOT = join(import.meta.dirname, "../..");
const FILE = "examples/us-ai-diffusion-caps-2025.yaml";
const world = loadWorld(fileReader(ROOT)).world!;
const { loaded } = loadScenario(readFileSync(join(ROOT, FILE), "utf8"), FILE, world, {
  horizon: Number(values.months),
});
const execute = workers > 1 ? drawExecutor(workers) : inThreadDraws;
const ks = Array.from({ length: MAX }, (_, k) => k);

const mean = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const sd = (v: readonly number[]) => {
  const m = mean(v);
  return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1));
};

console.log(
  `machine: ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)}, Node ${process.version}`,
);
console.log(
  `${FILE}, ${values.months} months, ${values.actor}'s loss; ${drawDimensions(loaded!.world.world)} figures drawn; R = ${R} seeds × ${MAX} draws × 2 samplings on ${workers} thread(s)`,
);
const t0 = performance.now();
/** means[sampling][size index][replication] */
const means: Record<Sampling, number[][]> = {
  random: SIZES.map(() => []),
  sobol: SIZES.map(() => []),
};
for (let r = 0; r < R; r++)
  for (const sampling of ["random", "sobol"] as const) {
    const job: DrawJob = {
      world: loaded!.world.world,
      scenario: loaded!.scenario,
      seed: 1000 + r,
      measure: "total",
      sampling,
    };
    const loss = (await execute(job, ks)).map((d) => d.actors[values.actor]![0]!);
    SIZES.forEach((n, i) => means[sampling][i]!.push(mean(loss.slice(0, n))));
  }
const seconds = (performance.now() - t0) / 1000;
console.log(
  `${(2 * R * MAX).toLocaleString("en")} draws in ${seconds.toFixed(0)} s (${((1000 * seconds) / (2 * R * MAX)).toFixed(0)} ms a draw)`,
);
console.log("N   mean (random)  SE random   mean (sobol)   SE sobol    SE ratio  draws saved");
SIZES.forEach((n, i) => {
  const a = means.random[i]!;
  const b = means.sobol[i]!;
  const ratio = sd(a) / sd(b);
  const bn = (x: number) => `$${(x / 1e9).toFixed(3)} bn`.padEnd(14);
  console.log(
    `${String(n).padEnd(4)}${bn(mean(a))} ${bn(sd(a))}${bn(mean(b))} ${bn(sd(b))}${ratio.toFixed(2).padEnd(10)}${(ratio * ratio).toFixed(2)}×`,
  );
});
