/**
 * Times the engine of this checkout against another checkout's (an earlier revision) in the
 * same process, on every example's 36-month simulation, alternating single runs so that load
 * from other jobs on the machine falls on both alike: the fastest run of each over ROUNDS (the
 * one least disturbed by other jobs), and their ratio.
 *
 *   git worktree add --detach /tmp/old REV && ln -s "$PWD/node_modules" /tmp/old/node_modules
 *   node --import tsx bench/engine/versus.ts /tmp/old [ROUNDS]
 */
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { compileExample, loadCheckout } from "./checkout.js";

const other = process.argv[2];
if (!other) {
  console.error("usage: node --import tsx bench/engine/versus.ts OTHER_CHECKOUT [ROUNDS]");
  process.exit(2);
}
const here = resolve(import.meta.dirname, "../..");
const rounds = Number(process.argv[3] ?? 40);
const months = 36;
const trees = [await loadCheckout(resolve(other)), await loadCheckout(here)];
console.log("example                              before ms   after ms   before/after");
for (const f of readdirSync(join(here, "examples"))
  .filter((x) => x.endsWith(".yaml"))
  .sort()) {
  const runs = trees.map((t) => {
    const { net, controls } = compileExample(t, here, `examples/${f}`, months);
    return () => t.run!.simulate!(net as never, controls as never, months as never);
  });
  for (const run of runs) for (let i = 0; i < 10; i++) run();
  const best = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  for (let r = 0; r < rounds; r++) {
    runs.forEach((run, j) => {
      const t0 = performance.now();
      run();
      best[j] = Math.min(best[j]!, performance.now() - t0);
    });
  }
  console.log(
    `${f.padEnd(36)} ${best[0]!.toFixed(2).padStart(9)}  ${best[1]!.toFixed(2).padStart(9)}   ${(best[0]! / best[1]!).toFixed(2).padStart(6)}×`,
  );
}
