/**
 * Benchmark: exact power indices for EU-27 qualified majority (meet in the middle) beside the
 * brute-force visit of all 2^27 coalitions, in the same run. Interleaved rounds; the minimum
 * over each method's runs is reported, with the first (cold, before the JIT warms up) exact run
 * on its own. Both results are compared number for number before any time is printed.
 *
 *   node --import tsx bench/council/power.ts [rounds]
 */
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { findRule } from "../../src/council/council.js";
import { gameOf } from "../../src/council/game.js";
import { loadCouncil } from "../../src/council/load.js";
import { countByEnumeration } from "../../src/council/power/enumeration.js";
import { indicesFromCounts } from "../../src/council/power/indices.js";
import { countByMeetInTheMiddle } from "../../src/council/power/meet-in-the-middle.js";

const rounds = Number(process.argv[2] ?? 3);
const EXACT_PER_ROUND = 20;
const dir = resolve(import.meta.dirname, "../../data/council");
const reader = {
  read: (p: string) => {
    try {
      return readFileSync(p, "utf8");
    } catch {
      return undefined;
    }
  },
  join,
};
const { council, issues } = loadCouncil(reader, dir);
if (!council) throw new Error(JSON.stringify(issues));
const qmv = findRule(council, "qmv");
if (!qmv) throw new Error("no qmv rule");
const game = gameOf(qmv, council.members);

const time = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const out = f();
  return [out, performance.now() - t0];
};

const [, cold] = time(() => indicesFromCounts(countByMeetInTheMiddle(game)));
const exact: number[] = [];
const brute: number[] = [];
let fast = countByMeetInTheMiddle(game);
let slow = fast;
for (let r = 0; r < rounds; r++) {
  for (let k = 0; k < EXACT_PER_ROUND; k++) {
    const [counts, ms] = time(() => countByMeetInTheMiddle(game));
    indicesFromCounts(counts);
    fast = counts;
    exact.push(ms);
  }
  const [counts, ms] = time(() => countByEnumeration(game));
  slow = counts;
  brute.push(ms);
}
if (fast.winning !== slow.winning || fast.swingsBySize.some((x, i) => x !== slow.swingsBySize[i]))
  throw new Error("meet in the middle and enumeration disagree");

const min = (xs: number[]) => Math.min(...xs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const cpu = cpus();
console.log(
  `EU-27 QMV power indices (${council.members.length} members, ${council.year} populations)`,
);
console.log(
  `machine: ${cpu.length} cores, ${cpu[0]?.model ?? "unknown CPU"}; node ${process.version}; load average ${loadavg()[0]?.toFixed(2)}`,
);
console.log(
  `winning coalitions: ${fast.winning} of ${2 ** game.n} (both methods agree on every swing count)`,
);
console.log(
  `exact, meet in the middle: cold ${cold.toFixed(1)} ms; warm min ${min(exact).toFixed(1)} ms, median ${median(exact).toFixed(1)} ms (${exact.length} runs)`,
);
console.log(
  `brute force, 2^27 coalitions: min ${min(brute).toFixed(0)} ms, median ${median(brute).toFixed(0)} ms (${brute.length} runs)`,
);
console.log(
  `ratio brute / exact (min/min): ${(min(brute) / min(exact)).toFixed(0)}x; brute / exact cold: ${(min(brute) / cold).toFixed(0)}x`,
);
