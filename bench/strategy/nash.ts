/**
 * All-equilibria enumeration against lrsnash on seeded random n×n games, n = 4…12.
 *
 *     node --import tsx bench/strategy/nash.ts [--games 5] [--reps 3] [--lo 0] [--hi 99] [--max 12] [--cold]
 *
 * For each game, our solver (in-process, after a warm-up) and lrsnash (a fresh process per
 * run, start-up included, its input file written beforehand) run interleaved `reps` times; the
 * minimum time of each is kept and summed over the games. lrsnash's own CPU time (its `*…u …s`
 * line, 1 ms resolution) is reported separately. Both must find the same extreme equilibria,
 * or the benchmark stops. `--cold` adds, per n, the first call in a fresh process (JIT cold).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  lrsnashCpuSeconds,
  parseLrsnashOutput,
  toLrsnashInput,
} from "../../src/strategy/formats/lrsnash-format.js";
import { extremeEquilibria } from "../../src/strategy/nash/extreme-equilibria.js";
import { keysOfLrsnash, keysOfOurs } from "../../test/strategy/helpers/lrsnash.js";
import { randomBimatrix, seededRng } from "../../test/strategy/helpers/random-games.js";

const { values } = parseArgs({
  options: {
    games: { type: "string", default: "5" },
    reps: { type: "string", default: "3" },
    lo: { type: "string", default: "0" },
    hi: { type: "string", default: "99" },
    min: { type: "string", default: "4" },
    max: { type: "string", default: "12" },
    lrsnash: { type: "string", default: "lrsnash" },
    cold: { type: "boolean", default: false },
  },
});
const games = Number(values.games);
const reps = Number(values.reps);
const lo = Number(values.lo);
const hi = Number(values.hi);
const dir = mkdtempSync(join(tmpdir(), "levier-bench-"));

function time<T>(f: () => T): [number, T] {
  const t0 = performance.now();
  const r = f();
  return [performance.now() - t0, r];
}

/** CPU time (user + system, all threads of this process) in ms, and the result. */
function cpuTime<T>(f: () => T): [number, T] {
  const t0 = process.cpuUsage();
  const r = f();
  const used = process.cpuUsage(t0);
  return [(used.user + used.system) / 1000, r];
}

console.log(
  `random n×n games, integer payoffs in [${lo}, ${hi}], ${games} games per n, min of ${reps} interleaved runs`,
);
console.log(`node ${process.version}; lrsnash: ${values.lrsnash}\n`);
console.log(
  "| n | equilibria | levier ms | lrsnash ms (process) | levier / lrsnash process | levier CPU ms | lrsnash CPU ms (own) | levier CPU / lrsnash CPU |",
);
console.log("|---:|---:|---:|---:|---:|---:|---:|---:|");
// Warm-up: JIT-compile the kernel on games not timed.
const warm = seededRng(1);
for (let i = 0; i < 20; i++) extremeEquilibria(randomBimatrix(warm, { rows: 6, cols: 6, lo, hi }));
for (let n = Number(values.min); n <= Number(values.max); n++) {
  const rng = seededRng(10_000 + n);
  let ours = 0;
  let oursCpu = 0;
  let proc = 0;
  let cpu = 0;
  let cpuSeen = false;
  let count = 0;
  for (let g = 0; g < games; g++) {
    const game = randomBimatrix(rng, { rows: n, cols: n, lo, hi });
    const file = join(dir, `g${n}-${g}.txt`);
    writeFileSync(file, toLrsnashInput(game));
    let bestOurs = Number.POSITIVE_INFINITY;
    let bestOursCpu = Number.POSITIVE_INFINITY;
    let bestProc = Number.POSITIVE_INFINITY;
    let bestCpu = Number.POSITIVE_INFINITY;
    for (let r = 0; r < reps; r++) {
      const [t1, [c1, mine]] = time(() => cpuTime(() => extremeEquilibria(game)));
      bestOursCpu = Math.min(bestOursCpu, c1);
      const [t2, out] = time(() =>
        execFileSync(values.lrsnash as string, [file], {
          encoding: "utf8",
          stdio: ["ignore", "pipe", "ignore"],
        }),
      );
      bestOurs = Math.min(bestOurs, t1);
      bestProc = Math.min(bestProc, t2);
      const c = lrsnashCpuSeconds(out);
      if (c !== undefined) {
        cpuSeen = true;
        bestCpu = Math.min(bestCpu, c * 1000);
      }
      if (r === 0) {
        const a = keysOfOurs(mine.equilibria);
        const b = keysOfLrsnash(parseLrsnashOutput(out));
        if (a.join("\n") !== b.join("\n"))
          throw new Error(`n=${n} game ${g}: results differ from lrsnash`);
        count += a.length;
      }
    }
    ours += bestOurs;
    oursCpu += bestOursCpu;
    proc += bestProc;
    if (cpuSeen) cpu += bestCpu;
  }
  const cpuCell = cpuSeen ? cpu.toFixed(0) : "n/a";
  const cpuRatio = cpuSeen && cpu > 0 ? (oursCpu / cpu).toFixed(2) : "n/a";
  console.log(
    `| ${n} | ${count} | ${ours.toFixed(1)} | ${proc.toFixed(1)} | ${(ours / proc).toFixed(2)} | ${oursCpu.toFixed(0)} | ${cpuCell} | ${cpuRatio} |`,
  );
}
if (values.cold) {
  // One fresh process per n: the first call pays JIT compilation, as a one-shot CLI run does.
  console.log("\n| n | levier first call ms (cold) | lrsnash ms (process) |");
  console.log("|---:|---:|---:|");
  const cold = join(import.meta.dirname, "cold.ts");
  for (let n = Number(values.min); n <= Number(values.max); n++) {
    const ms = execFileSync(
      process.execPath,
      ["--import", "tsx", cold, String(n), String(10_000 + n), String(hi)],
      {
        encoding: "utf8",
      },
    ).trim();
    const game = randomBimatrix(seededRng(10_000 + n), { rows: n, cols: n, lo, hi });
    const file = join(dir, `cold${n}.txt`);
    writeFileSync(file, toLrsnashInput(game));
    const [t] = time(() =>
      execFileSync(values.lrsnash as string, [file], { stdio: ["ignore", "pipe", "ignore"] }),
    );
    console.log(`| ${n} | ${ms} | ${t.toFixed(1)} |`);
  }
}
rmSync(dir, { recursive: true, force: true });
