/**
 * Compares the engine of this checkout with another checkout's (an earlier revision), on every
 * example's simulation: the largest difference of any node's output or capacity, or any pool's
 * stock, use or final demand served, in any month, relative to its baseline (or its value where
 * larger), and how many node-months' binding input differ. The engine rewrite of issue 10 was
 * checked this way against e3565ad (bit for bit: 0 on every example over 36 months).
 *
 *   git worktree add /tmp/old e3565ad && ln -s "$PWD/node_modules" /tmp/old/node_modules
 *   node --import tsx bench/engine/compare.ts /tmp/old [MONTHS]
 */
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { type Any, compileExample, loadCheckout } from "./checkout.js";

function runExample(t: Any, root: string, file: string, months: number) {
  const { net, controls } = compileExample(t, root, file, months);
  return { net, trace: t.run.simulate(net, controls, months) };
}

const other = process.argv[2];
if (!other) {
  console.error("usage: node --import tsx bench/engine/compare.ts OTHER_CHECKOUT [MONTHS]");
  process.exit(2);
}
const here = resolve(import.meta.dirname, "../..");
const months = Number(process.argv[3] ?? 36);
const [a, b] = [await loadCheckout(resolve(other)), await loadCheckout(here)];
let worst = 0;
for (const f of readdirSync(join(here, "examples"))
  .filter((x) => x.endsWith(".yaml"))
  .sort()) {
  const file = `examples/${f}`;
  const x: Any = runExample(a, here, file, months);
  const y: Any = runExample(b, here, file, months);
  let d = 0;
  let where = "";
  for (const key of ["output", "capacity", "stock", "used", "served"]) {
    const byNode = key === "output" || key === "capacity";
    const n = byNode ? x.net.nodeCount : x.net.poolCount;
    const base = byNode ? x.net.nodeBase : x.net.poolBase;
    for (let i = 0; i < x.trace[key].length; i++) {
      const scale = Math.max(Math.abs(x.trace[key][i]), base[i % n], 1e-300);
      const r = Math.abs(x.trace[key][i] - y.trace[key][i]) / scale;
      if (r > d) {
        d = r;
        where = ` (${key}, month ${Math.floor(i / n) + 1}, index ${i % n})`;
      }
    }
  }
  let binding = 0;
  for (let i = 0; i < x.trace.bindingGood.length; i++)
    if (x.trace.bindingGood[i] !== y.trace.bindingGood[i]) binding++;
  worst = Math.max(worst, d);
  console.log(
    `${f.padEnd(36)} largest relative difference ${d.toExponential(2)}${where}; binding inputs differing: ${binding}`,
  );
}
console.log(`worst: ${worst.toExponential(2)} (the issue's bar: 1e-9)`);
