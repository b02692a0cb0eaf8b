/**
 * Benchmark: the leverage matrix of the default world (every state and the EU, 1,838 ordered
 * pairs, 24 months), as `levier leverage` computes it — screening, the simulations on 1 and 2
 * threads, assembly — in interleaved rounds; the minimum and median of each are printed with
 * the process's CPU time. With --full it also simulates every pair once and reports how far the
 * screened matrix is from it.
 *
 *   node --import tsx bench/analysis/leverage.ts [--rounds 3] [--full] [--horizon 24]
 */
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { analysisContext } from "../../src/analysis/context.js";
import {
  DEFAULT_LEVERAGE_THRESHOLD,
  type LeverageMatrix,
  leverageMatrix,
  leveragePlan,
} from "../../src/analysis/leverage/matrix.js";
import { fileReader } from "../../src/io/world-files.js";
import { runTasksParallel } from "../../src/node/leverage-parallel.js";
import { realise } from "../../src/run/realise.js";
import { loadWorld } from "../../src/world/load.js";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "3" },
    horizon: { type: "string", default: "24" },
    full: { type: "boolean", default: false },
  },
});
const rounds = Number(values.rounds);
const horizon = Number(values.horizon);

const t0 = performance.now();
const { world } = loadWorld(fileReader());
if (!world) throw new Error("the default world does not load");
const t1 = performance.now();
const ctx = analysisContext(realise(world.world));
const t2 = performance.now();

interface Timing {
  plan: number;
  sims: number;
  assemble: number;
  total: number;
  cpu: number;
  simulated: number;
}

async function once(threads: number, threshold: number): Promise<[LeverageMatrix, Timing]> {
  const cpu0 = process.cpuUsage();
  const a = performance.now();
  const opts = { horizon, threshold };
  const plan = leveragePlan(ctx, opts);
  const b = performance.now();
  const results = await runTasksParallel(ctx.net, plan.tasks, { threads });
  const c = performance.now();
  const m = leverageMatrix(ctx, opts, plan, results);
  const d = performance.now();
  const cpu = process.cpuUsage(cpu0);
  return [
    m,
    {
      plan: b - a,
      sims: c - b,
      assemble: d - c,
      total: d - a,
      cpu: (cpu.user + cpu.system) / 1000,
      simulated: m.simulatedPairs,
    },
  ];
}

const byThreads = new Map<number, Timing[]>([
  [1, []],
  [2, []],
]);
let screened: LeverageMatrix | undefined;
for (let r = 0; r < rounds; r++) {
  for (const threads of [1, 2]) {
    const [m, t] = await once(threads, DEFAULT_LEVERAGE_THRESHOLD);
    screened = m;
    byThreads.get(threads)!.push(t);
  }
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
const stat = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0]!, median: s[Math.floor(s.length / 2)]! };
};
console.log(
  `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
console.log(`load and validate the world: ${ms(t1 - t0)}; compile the network: ${ms(t2 - t1)}`);
console.log(
  `${screened!.cells.length} pairs, ${screened!.simulatedPairs} simulated (threshold ${DEFAULT_LEVERAGE_THRESHOLD}), horizon ${horizon} months, ${rounds} rounds`,
);
for (const [threads, ts] of byThreads) {
  const total = stat(ts.map((t) => t.total));
  const best = ts.find((t) => t.total === total.min)!;
  console.log(
    `${threads} thread${threads > 1 ? "s" : ""}: total min ${ms(total.min)}, median ${ms(total.median)} (best round: screening ${ms(best.plan)}, simulations ${ms(best.sims)}, assembly ${ms(best.assemble)}, CPU ${ms(best.cpu)})`,
  );
}

if (values.full) {
  const [full, t] = await once(2, 0);
  console.log(`every pair simulated (2 threads): ${ms(t.total)}, ${t.simulated} simulations`);
  let hiddenLoss = 0;
  let hiddenGain = 0;
  let excess = 0;
  let costError = 0;
  screened!.cells.forEach((c, i) => {
    const f = full.cells[i]!;
    if (c.simulated) return;
    hiddenLoss = Math.max(hiddenLoss, f.damageShare);
    hiddenGain = Math.min(hiddenGain, f.damageShare);
    excess = Math.max(excess, f.damageShare - c.damageShare);
    costError = Math.max(costError, Math.abs(f.costShare - c.costShare));
  });
  const pct = (x: number) => `${(100 * x).toFixed(3)}%`;
  console.log(
    `unsimulated pairs, against their simulation: largest loss ${pct(hiddenLoss)}, largest gain ${pct(-hiddenGain)} of the target's value added; simulated loss above the estimate by at most ${pct(excess)}; first-order cost off by at most ${pct(costError)} of the withholder's value added`,
  );
}
