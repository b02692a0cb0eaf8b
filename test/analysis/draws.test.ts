/**
 * Monte Carlo draws of the analyses (src/run/analysis-draws.ts), on chain-uncertain.yaml: the
 * chain of chain.yaml with the world output of tools drawn uniform from 8 to 12. Draws that do
 * not depend on the threads they run on; draw k's world is the one `realise` makes from stream
 * (seed, k), as in `levier run`; percentiles against the analytic ones of the one uncertain
 * figure; the leverage's share of draws against a count over the draws' own matrices; a stopped
 * batch that keeps the draws it finished.
 */
import { describe, expect, it } from "vitest";
import { entityOf } from "../../src/analysis/entities.js";
import { analysisDrawExecutor } from "../../src/node/draw-parallel.js";
import { runPool } from "../../src/node/pool.js";
import { drawStream } from "../../src/random/streams.js";
import {
  analysisOf,
  exposureNow,
  exposureOf,
  leverageNow,
  leverageOf,
} from "../../src/run/analyses.js";
import {
  type AnalysisDrawJob,
  drawContext,
  exposureWithDraws,
  inThreadAnalysisDraws,
  leverageWithDraws,
  runAnalysisDraw,
} from "../../src/run/analysis-draws.js";
import { drawnWorld, statsOf } from "../../src/run/draws.js";
import { realise } from "../../src/run/realise.js";
import { loadFixture } from "../helpers/world.js";

const { world: loaded } = loadFixture("analysis/chain-uncertain.yaml");
const world = loaded!.world;
const central = analysisOf(world);
const BB = entityOf(central.world, central.net, "BB");
const EXPOSURE = { horizon: 12, threshold: 1e-4 };
const LEVERAGE = { horizon: 12, threshold: 0 };

/** The job `exposureWithDraws` makes for BB's exposure (its simulated rows and row keys). */
async function exposureJob(seed: number): Promise<AnalysisDrawJob> {
  const doc = await exposureOf(central, BB, EXPOSURE);
  let job: AnalysisDrawJob | undefined;
  await exposureWithDraws(world, doc, EXPOSURE, "total", {
    count: 1,
    seed,
    execute: async (j, ks) => {
      job = j;
      return inThreadAnalysisDraws(j, ks);
    },
  });
  return job!;
}

describe("draws of an analysis", () => {
  it("give the same ranges bit for bit on one worker thread and on two", async () => {
    const exposure = await exposureOf(central, BB, EXPOSURE);
    const leverage = await leverageOf(central, LEVERAGE);
    const on = (threads: number) => ({ count: 6, seed: 5, execute: analysisDrawExecutor(threads) });
    const e1 = await exposureWithDraws(world, exposure, EXPOSURE, "total", on(1));
    const e2 = await exposureWithDraws(world, exposure, EXPOSURE, "total", on(2));
    expect(JSON.stringify(e2)).toBe(JSON.stringify(e1));
    expect(e2).toEqual(e1);
    const l1 = await leverageWithDraws(world, leverage, LEVERAGE, "total", on(1));
    const l2 = await leverageWithDraws(world, leverage, LEVERAGE, "total", on(2));
    expect(JSON.stringify(l2)).toBe(JSON.stringify(l1));
    // and in this thread, as the pool's kind runs them.
    const here = await leverageWithDraws(world, leverage, LEVERAGE, "total", { count: 6, seed: 5 });
    expect(here).toEqual(l1);
    expect(l1.draws).toMatchObject({ requested: 6, done: 6, seed: 5 });
    // A worker thread runs the pool's kind itself (none fell back to this thread).
    const job = await exposureJob(5);
    const pool = await runPool("analysisDraw", job, [0, 1, 2], { threads: 2, here: false });
    expect(pool.done.workers[0]).toBe(3);
    expect(pool.results).toEqual(await inThreadAnalysisDraws(job, [0, 1, 2]));
  });

  it("realise draw k's world as levier run does: realise(world, drawStream(seed, k))", async () => {
    const job = await exposureJob(7);
    for (const k of [0, 3]) {
      const own = realise(world, drawStream(7, k));
      // The world run's draw k realises (run/draws.ts runDraw calls drawnWorld too).
      expect(drawnWorld({ world, seed: 7 }, k)).toEqual(own);
      expect(drawContext(job, k).world).toEqual(own);
      // The draw's figures are the analysis of that world, row by row.
      const a = analysisOf(world, drawStream(7, k));
      const direct = exposureNow(a, entityOf(a.world, a.net, "BB"), EXPOSURE, "total", {
        dependencies: new Set(
          job.analysis.kind === "exposure" ? job.analysis.simulated.dependencies : [],
        ),
        suppliers: new Set(
          job.analysis.kind === "exposure" ? job.analysis.simulated.suppliers : [],
        ),
      });
      const d = runAnalysisDraw(job, k);
      const i = job.rows.dependencies!.indexOf("tool|AA");
      expect(d.figures.dependencies!.slice(i * 7, i * 7 + 7)).toEqual(
        ((r) => [
          r.volume,
          r.value,
          r.shareOfUse,
          r.stockMonths,
          r.loss,
          r.lossShare,
          r.securityLoss,
        ])(direct.dependencies.find((r) => r.good === "tool")!),
      );
      // BB receives 60% of the drawn tool output (tools' recipes keep their central share).
      const tools = own.goods.find((g) => g.id === "tool")!.globalOutput as { value: number };
      expect(d.figures.dependencies![i * 7]).toBeCloseTo(0.6 * tools.value, 9);
    }
    expect(drawContext(job, 0).world).not.toEqual(drawContext(job, 1).world);
  });

  it("give percentiles of the analytic distribution: BB's tool receipts are 0.6 × U(8, 12)", async () => {
    const n = 400;
    const doc = await exposureOf(central, BB, EXPOSURE);
    const r = await exposureWithDraws(world, doc, EXPOSURE, "total", { count: n, seed: 11 });
    const tool = r.dependencies.find((d) => d.good === "tool" && d.supplier === "AA")!;
    expect(tool.volume).toBeCloseTo(6, 12);
    // Receipts a year X = 0.6 × U(8, 12): uniform on [4.8, 7.2], width w = 2.4; its q-quantile is
    // 4.8 + q w and its mean 6. Tolerance: 4 standard errors of the estimate over n draws — for
    // a sample quantile √(q (1 − q) / n) / f with the density f = 1 / w, for the mean
    // w / √12 / √n (at most 0.12 for the median, 0.14 for the mean's 4 errors).
    const w = 2.4;
    const ranges = tool.ranges!.volume!;
    const value = tool.ranges!.value!;
    expect(Math.abs(ranges.mean - 6)).toBeLessThan((4 * w) / Math.sqrt(12 * n));
    for (const [q, key] of [
      [0.05, "p5"],
      [0.25, "p25"],
      [0.5, "p50"],
      [0.75, "p75"],
      [0.95, "p95"],
    ] as const) {
      const tolerance = 4 * Math.sqrt((q * (1 - q)) / n) * w;
      expect(Math.abs(ranges[key] - (4.8 + q * w))).toBeLessThan(tolerance);
      // Its value is 2 a tool: the same draws, twice.
      expect(value[key]).toBeCloseTo(2 * ranges[key], 9);
    }
    // Tool recipes scale with the draw, so BB's loss without tools does not move with it.
    const loss = tool.ranges!.loss!;
    for (const x of [loss.p5, loss.p50, loss.p95]) expect(x).toBeCloseTo(tool.loss, 6);
    // The drawn worlds are at rest: nothing withheld, nothing lost.
    expect(Math.abs(r.draws!.drift!.p95)).toBeLessThan(1e-9);
  });

  it("say in what share of draws each pair's leverage holds, as the draws' own matrices count", async () => {
    const doc = await leverageOf(central, LEVERAGE);
    const seed = 3;
    const count = 30;
    const r = await leverageWithDraws(world, doc, LEVERAGE, "total", { count, seed });
    const simulated = new Set(doc.cells.filter((c) => c.simulated).map((c) => `${c.from}|${c.to}`));
    const matrices = Array.from({ length: count }, (_, k) =>
      leverageNow(analysisOf(world, drawStream(seed, k)), LEVERAGE, "total", simulated),
    );
    for (const c of r.cells) {
      expect(c.holdsShare).toBeGreaterThanOrEqual(0);
      expect(c.holdsShare).toBeLessThanOrEqual(1);
      const holds = matrices.filter(
        (m) => m.cells.find((x) => x.from === c.from && x.to === c.to)!.asymmetryShare > 0,
      ).length;
      expect(c.holdsShare).toBe(holds / count);
      const mean = statsOf(
        matrices.map((m) => m.cells.find((x) => x.from === c.from && x.to === c.to)!.damage),
      ).mean;
      expect(c.ranges!.damage!.mean).toBeCloseTo(mean, 9);
    }
    // The tool maker's leverage over the chip maker holds in most draws, not all: the drawn
    // tool output moves it across zero.
    const ab = r.cells.find((c) => c.from === "AA" && c.to === "BB")!;
    const ba = r.cells.find((c) => c.from === "BB" && c.to === "AA")!;
    expect(ab.holdsShare).toBeGreaterThan(0.5);
    expect(ab.holdsShare).toBeLessThan(1);
    expect(ab.holdsShare! + ba.holdsShare!).toBeCloseTo(1, 12);
  });

  it("stopped part way, keep the draws finished and say how many", async () => {
    const doc = await exposureOf(central, BB, EXPOSURE);
    const abort = new AbortController();
    const r = await exposureWithDraws(world, doc, EXPOSURE, "total", {
      count: 6,
      seed: 2,
      batch: {
        signal: abort.signal,
        onProgress: (done) => {
          if (done === 2) abort.abort();
        },
      },
    });
    expect(r.draws).toMatchObject({ requested: 6, done: 2, seed: 2 });
    const job = await exposureJob(2);
    const i = job.rows.dependencies!.indexOf("tool|AA");
    const two = [0, 1].map((k) => runAnalysisDraw(job, k).figures.dependencies![i * 7]!);
    const tool = r.dependencies.find((d) => d.good === "tool")!;
    expect(tool.ranges!.volume!.mean).toBe(statsOf(two).mean);
  });

  it("keep the central figures as they are, beside their ranges", async () => {
    const doc = await leverageOf(central, LEVERAGE);
    const r = await leverageWithDraws(world, doc, LEVERAGE, "total", { count: 2, seed: 1 });
    const { draws: _, ...rest } = r;
    const strip = <T extends { ranges?: unknown; holdsShare?: unknown }>(
      x: T,
    ): Omit<T, "ranges" | "holdsShare"> => {
      const { ranges: _r, holdsShare: _h, ...y } = x;
      return y;
    };
    expect({ ...rest, actors: rest.actors.map(strip), cells: rest.cells.map(strip) }).toEqual(doc);
  });

  it("with none asked for, leave the analysis as it is", async () => {
    const doc = await exposureOf(central, BB, EXPOSURE);
    expect(await exposureWithDraws(world, doc, EXPOSURE, "total", { count: 0 })).toBe(doc);
  });
});
