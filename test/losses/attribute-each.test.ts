/**
 * `attributeEach` (all months in one pass) gives bit for bit what `attribute` gives month by
 * month, on the value lost in each month of a real run (the Taiwan example on the default
 * world), including months with nothing placed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileReader } from "../../src/io/world-files.js";
import { attribute, attributeEach, contentModel } from "../../src/losses/content.js";
import { compileWorld } from "../../src/network/compile-world.js";
import { realise } from "../../src/run/realise.js";
import { compileScenario, extraNodes } from "../../src/scenario/compile.js";
import { loadScenario } from "../../src/scenario/load.js";
import { simulate } from "../../src/simulate/run.js";
import { loadWorld } from "../../src/world/load.js";

const ROOT = join(import.meta.dirname, "../..");
const FILE = "examples/taiwan-fab-disruption.yaml";

describe("attributeEach", () => {
  it("equals attribute month by month, bit for bit", () => {
    const world = loadWorld(fileReader(ROOT)).world!;
    const { loaded } = loadScenario(readFileSync(join(ROOT, FILE), "utf8"), FILE, world, {
      horizon: 8,
    });
    const real = realise(loaded!.world.world);
    const net = compileWorld(real, { extraNodes: extraNodes(loaded!.scenario) });
    const trace = simulate(net, compileScenario(loaded!.scenario, real, net), 8);
    const Q = net.poolCount;
    const T = trace.months + 1;
    // Each month's final use lost, valued at price, and an empty month at the end.
    const values = new Float64Array(T * Q);
    for (let t = 0; t < trace.months; t++)
      for (let q = 0; q < Q; q++) {
        const lost = net.poolFinal[q]! - trace.served[t * Q + q]!;
        if (lost > 0) values[t * Q + q] = lost * net.goodPrice[net.poolGood[q]!]!;
      }
    const model = contentModel(net);
    const A = net.actors.length;
    const each = new Float64Array(A * T);
    attributeEach(net, model, values, T, each);
    let nonzero = 0;
    for (let t = 0; t < T; t++) {
      const one = new Float64Array(A);
      attribute(net, model, values.subarray(t * Q, (t + 1) * Q), one);
      for (let a = 0; a < A; a++) {
        expect(Object.is(each[a * T + t], one[a])).toBe(true);
        if (one[a] !== 0) nonzero++;
      }
    }
    expect(nonzero).toBeGreaterThan(A);
  });
});
