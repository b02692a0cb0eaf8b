/**
 * The leverage matrix: edge selection as the scenario compiler makes it, cells against the
 * scenario pipeline, asymmetry, screening against simulating every pair on random worlds, and
 * worker threads against this thread.
 */
import { describe, expect, it } from "vitest";
import { analysisContext } from "../../src/analysis/context.js";
import { entityOf } from "../../src/analysis/entities.js";
import {
  type LeverageOptions,
  leverageMatrix,
  leveragePlan,
} from "../../src/analysis/leverage/matrix.js";
import { runTasks } from "../../src/analysis/leverage/run-tasks.js";
import { withheldEdges } from "../../src/analysis/leverage/withhold.js";
import { runTasksParallel, runTasksParallelDetailed } from "../../src/node/leverage-parallel.js";
import { realise } from "../../src/run/realise.js";
import { compileScenario } from "../../src/scenario/compile.js";
import type { Scenario } from "../../src/scenario/schema.js";
import { randomWorld } from "../helpers/random-world.js";
import { lossByScenario } from "./scenario.js";
import { defaultContext, fixtureContext } from "./world.js";

const chain = fixtureContext("chain");

function matrixOf(ctx: typeof chain, opts: LeverageOptions) {
  const plan = leveragePlan(ctx, opts);
  return leverageMatrix(ctx, opts, plan, runTasks(ctx.net, plan.tasks));
}

describe("withheldEdges", () => {
  it("selects the edges an export control at cap 0 selects, a bloc standing for its members", () => {
    const scenario = {
      name: "x",
      horizon: 6,
      measures: [
        {
          type: "export_control",
          from: ["AB"],
          to: ["CC", "DD"],
          goods: ["tool", "chip", "car"],
          cap: 0,
        },
      ],
    } as unknown as Scenario;
    const compiled = compileScenario(scenario, chain.world, chain.net).caps[0]!.edges;
    const ab = entityOf(chain.world, chain.net, "AB");
    const to = Int32Array.from([chain.net.actors.indexOf("CC"), chain.net.actors.indexOf("DD")]);
    const ours = withheldEdges(chain.net, { from: ab.members, to, months: 6 });
    expect([...ours].sort((a, b) => a - b)).toEqual([...compiled].sort((a, b) => a - b));
    expect(ours.length).toBeGreaterThan(0);
  });
});

describe("leverageMatrix on the chain world", () => {
  const m = matrixOf(chain, { horizon: 12, threshold: 0 });
  const cell = (from: string, to: string) => m.cells.find((c) => c.from === from && c.to === to)!;

  it("pairs every state and bloc, never a bloc with its own members", () => {
    expect(m.actors.map((a) => a.id)).toEqual(["AA", "BB", "CC", "DD", "AB"]);
    expect(m.cells).toHaveLength(4 * 3 + 2 * 2);
    expect(m.cells.some((c) => (c.from === "AB" && c.to === "AA") || c.to === c.from)).toBe(false);
    expect(m.simulatedPairs).toBe(m.cells.length);
  });

  it("damage and cost are what the scenario pipeline gives for a cap of 0 on everything", () => {
    for (const [from, to] of [
      ["BB", "DD"],
      ["AA", "CC"],
      ["AB", "CC"],
      ["DD", "AB"],
    ] as const) {
      const lost = lossByScenario("chain", [from], [to], 12, ["tool", "chip", "car"]);
      const c = cell(from, to);
      expect(c.damage).toBeCloseTo(lost.get(to)!, 6);
      expect(c.cost).toBeCloseTo(lost.get(from)!, 6);
    }
  });

  it("a sole toolmaker that withholds hurts the chipmaker, and pays in lost exports", () => {
    const c = cell("AA", "BB");
    expect(c.damage).toBeGreaterThan(0);
    expect(c.damageShare).toBeCloseTo(c.damage / m.actors[1]!.valueAdded, 12);
    expect(c.cost).toBeGreaterThan(0);
    expect(c.exports).toBeGreaterThan(0);
  });

  it("asymmetry is L[a][b] − L[b][a]", () => {
    for (const c of m.cells) {
      const back = cell(c.to, c.from);
      expect(c.asymmetry).toBeCloseTo(c.damage - back.damage, 9);
      expect(c.asymmetryShare).toBeCloseTo(c.damageShare - back.damageShare, 12);
    }
  });

  it("splits a bloc's damage among its members", () => {
    const c = cell("CC", "AB");
    const sum = Object.values(c.members!).reduce((s, x) => s + x, 0);
    expect(sum).toBeCloseTo(c.damage, 6);
  });
});

describe("screening", () => {
  it("on random worlds, leaves unsimulated only pairs whose simulated loss is below the threshold", () => {
    const threshold = 1e-3;
    for (let seed = 1; seed <= 40; seed++) {
      const ctx = analysisContext(realise(randomWorld(seed)));
      const full = matrixOf(ctx, { horizon: 24, threshold: 0 });
      const screened = matrixOf(ctx, { horizon: 24, threshold });
      screened.cells.forEach((c, i) => {
        const f = full.cells[i]!;
        expect([c.from, c.to]).toEqual([f.from, f.to]);
        if (c.simulated) {
          expect(c.damage).toBe(f.damage);
          expect(c.cost).toBe(f.cost);
        } else {
          expect(f.damageShare, `seed ${seed} ${c.from}→${c.to}`).toBeLessThan(threshold);
          expect(c.damage).toBeGreaterThanOrEqual(0);
        }
      });
    }
  });
});

describe("runTasksParallel", () => {
  it("gives this thread's results bit for bit, in task order", async () => {
    const plan = leveragePlan(chain, { horizon: 12, threshold: 0 });
    const serial = runTasks(chain.net, plan.tasks);
    const parallel = await runTasksParallel(chain.net, plan.tasks, { threads: 2, chunk: 2 });
    expect(parallel).toHaveLength(serial.length);
    parallel.forEach((r, i) => {
      expect([...r.byActor]).toEqual([...serial[i]!.byActor]);
      expect([...r.byGood]).toEqual([...serial[i]!.byGood]);
      expect([...r.security]).toEqual([...serial[i]!.security]);
    });
  });

  it("runs everything on worker threads when this thread stays out", async () => {
    const plan = leveragePlan(chain, { horizon: 12, threshold: 0 });
    const run = await runTasksParallelDetailed(chain.net, plan.tasks, {
      threads: 3,
      chunk: 3,
      here: false,
    });
    expect(run.done.here).toBe(0);
    expect(run.done.workers.reduce((s, x) => s + x, 0)).toBe(plan.tasks.length);
    const serial = runTasks(chain.net, plan.tasks);
    run.results.forEach((r, i) => expect([...r.byActor]).toEqual([...serial[i]!.byActor]));
  });
});

describe("leverage on the default world", () => {
  const ctx = defaultContext();
  const m = matrixOf(ctx, {
    horizon: 24,
    threshold: 1e-3,
    actors: ["US", "CN", "EU", "NL", "TW", "KR", "JP", "DE"],
  });
  const cell = (from: string, to: string) => m.cells.find((c) => c.from === from && c.to === to)!;

  it("has the EU as a bloc beside its members, never paired with them", () => {
    expect(m.actors.find((a) => a.id === "EU")!.members).toHaveLength(27);
    expect(cell("EU", "NL")).toBeUndefined();
    expect(cell("NL", "US")).toBeDefined();
  });

  it("finds Taiwan's and Korea's leverage over the US, and the Netherlands' over Taiwan", () => {
    for (const [from, to] of [
      ["TW", "US"],
      ["KR", "US"],
      ["NL", "TW"],
      ["EU", "TW"],
    ] as const) {
      const c = cell(from, to);
      expect(c.simulated).toBe(true);
      // More than half a percent of the target's GDP over the three years.
      expect(c.damageShare).toBeGreaterThan(0.005);
      expect(c.securityLoss).toBeGreaterThan(0);
    }
    expect(cell("TW", "US").asymmetry).toBeGreaterThan(0);
  });
});
