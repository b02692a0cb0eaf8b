/**
 * Monte Carlo draws of a scenario (src/run/draws.ts): percentiles by hand, draws that do not
 * depend on where or in what order they run (this thread, two worker threads, one draw alone),
 * ranges that order themselves and validate against the result schema, and a stopped run that
 * keeps the draws it finished.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileReader } from "../../src/io/world-files.js";
import { drawExecutor } from "../../src/node/draw-parallel.js";
import { sobolStream } from "../../src/random/sobol-sequence.js";
import {
  type DrawResult,
  drawnWorld,
  inThreadDraws,
  quantile,
  runDraw,
  STREAMS,
  statsOf,
} from "../../src/run/draws.js";
import { drawDimensions, realise } from "../../src/run/realise.js";
import { runScenarioRequest } from "../../src/run/scenario.js";
import { loadScenario } from "../../src/scenario/load.js";
import { loadWorld } from "../../src/world/load.js";
import { describeErrors, schemaErrors } from "../schema/validate.js";

const ROOT = join(import.meta.dirname, "../..");
const FILE = "examples/taiwan-fab-disruption.yaml";
const text = readFileSync(join(ROOT, FILE), "utf8");
const world = loadWorld(fileReader(ROOT)).world!;
const HORIZON = 4;

describe("percentiles", () => {
  it("interpolate between order statistics (type 7), as numpy and R do", () => {
    const v = [1, 2, 3, 4];
    // h = (n − 1) q: q = 0.25 gives h = 0.75, between 1 and 2.
    expect(quantile(v, 0.25)).toBeCloseTo(1.75, 12);
    expect(quantile(v, 0.5)).toBeCloseTo(2.5, 12);
    expect(quantile(v, 0.05)).toBeCloseTo(1.15, 12);
    expect(quantile(v, 0.95)).toBeCloseTo(3.85, 12);
    expect(quantile([7], 0.95)).toBe(7);
    const s = statsOf([4, Number.NaN, 1, 3, 2]);
    const want = { mean: 2.5, p5: 1.15, p25: 1.75, p50: 2.5, p75: 3.25, p95: 3.85 };
    for (const [k, v] of Object.entries(want)) expect(s[k as keyof typeof s]).toBeCloseTo(v, 12);
  });
});

describe("draws of a scenario", () => {
  const { loaded } = loadScenario(text, FILE, world, { horizon: HORIZON });
  const job = {
    world: loaded!.world.world,
    scenario: loaded!.scenario,
    seed: 9,
    measure: "total" as const,
  };

  it("are the same in this thread, on two worker threads, alone and in any order", async () => {
    const here = await inThreadDraws(job, [0, 1, 2, 3]);
    const threads = await drawExecutor(2)(job, [0, 1, 2, 3]);
    expect(threads).toEqual(here);
    const reversed = await inThreadDraws(job, [3, 2, 1, 0]);
    expect(reversed.reverse()).toEqual(here);
    expect(runDraw(job, 2)).toEqual(here[2]);
    // and differ from one another: the figures were drawn.
    expect(here[0]!.actors.TW![0]).not.toBe(here[1]!.actors.TW![0]);
  });

  it("give every actor ranges that order themselves, in a document the result schema accepts", async () => {
    const { doc } = await runScenarioRequest({
      world,
      text,
      file: FILE,
      horizon: HORIZON,
      draws: { count: 5, seed: 3, inputs: { scenario: "x" } },
    });
    expect(doc.draws).toMatchObject({ requested: 5, done: 5, seed: 3, sampling: "random" });
    expect(doc.draws!.stream).toBe(STREAMS.random);
    expect(doc.draws!.dimensions).toBeUndefined();
    for (const a of doc.actors) {
      const r = a.ranges!.loss!;
      expect(r.p5).toBeLessThanOrEqual(r.p25);
      expect(r.p25).toBeLessThanOrEqual(r.p50);
      expect(r.p50).toBeLessThanOrEqual(r.p75);
      expect(r.p75).toBeLessThanOrEqual(r.p95);
    }
    const tw = doc.actors.find((a) => a.id === "TW")!;
    const draws = await inThreadDraws(
      { world: job.world, scenario: job.scenario, seed: 3, measure: "total" },
      [0, 1, 2, 3, 4],
    );
    expect(tw.ranges!.loss!.mean).toBeCloseTo(
      draws.reduce((s, d) => s + d.actors.TW![0]!, 0) / 5,
      3,
    );
    expect(doc.goods[0]!.ranges!.output).toHaveLength(HORIZON);
    expect(describeErrors(schemaErrors("result", JSON.parse(JSON.stringify(doc))))).toEqual([]);
  });

  it("stopped part way, keep the draws finished and say how many", async () => {
    const abort = new AbortController();
    const { doc } = await runScenarioRequest({
      world,
      text,
      file: FILE,
      horizon: HORIZON,
      draws: {
        count: 6,
        seed: 3,
        batch: {
          signal: abort.signal,
          onProgress: (done) => {
            if (done === 2) abort.abort();
          },
        },
      },
    });
    expect(doc.draws).toMatchObject({ requested: 6, done: 2 });
    const two: DrawResult[] = await inThreadDraws({ ...job, seed: 3 }, [0, 1]);
    const tw = doc.actors.find((a) => a.id === "TW")!;
    expect(tw.ranges!.loss!.mean).toBeCloseTo(
      (two[0]!.actors.TW![0]! + two[1]!.actors.TW![0]!) / 2,
      3,
    );
  });
});

describe("quasi-random draws (sampling: sobol)", () => {
  const { loaded } = loadScenario(text, FILE, world, { horizon: HORIZON });
  const job = {
    world: loaded!.world.world,
    scenario: loaded!.scenario,
    seed: 9,
    measure: "total" as const,
    sampling: "sobol" as const,
  };

  it("are the same in this thread, on two worker threads and alone, and not the random draws", async () => {
    const here = await inThreadDraws(job, [0, 1, 2]);
    expect(await drawExecutor(2)(job, [2, 0, 1])).toEqual([here[2], here[0], here[1]]);
    expect(runDraw(job, 1)).toEqual(here[1]);
    const random = runDraw({ ...job, sampling: "random" }, 1);
    expect(random.actors.TW![0]).not.toBe(here[1]!.actors.TW![0]);
    const { sampling: _, ...unsaid } = job;
    expect(runDraw(unsaid, 1)).toEqual(random);
  });

  it("take figure i from coordinate i of the shifted Sobol point", () => {
    const real = drawnWorld(job, 5);
    expect(JSON.stringify(real)).toBe(
      JSON.stringify(realise(job.world, sobolStream(9, 5), { byQuantile: true })),
    );
  });

  it("are recorded in the document: sampling, stream and dimensions, valid against the schema", async () => {
    const { doc } = await runScenarioRequest({
      world,
      text,
      file: FILE,
      horizon: HORIZON,
      draws: { count: 3, seed: 4, sampling: "sobol" },
    });
    expect(doc.draws).toMatchObject({
      requested: 3,
      done: 3,
      seed: 4,
      sampling: "sobol",
      stream: STREAMS.sobol,
      dimensions: drawDimensions(job.world),
    });
    expect(describeErrors(schemaErrors("result", JSON.parse(JSON.stringify(doc))))).toEqual([]);
  });
});

describe("a draw's reference run", () => {
  it("takes out what the drawn world does without the measures: no measures, no loss", () => {
    const { loaded } = loadScenario(text, FILE, world, { horizon: HORIZON });
    const none = {
      world: loaded!.world.world,
      scenario: { ...loaded!.scenario, measures: [] },
      seed: 2,
      measure: "total" as const,
    };
    const d = runDraw(none, 1);
    for (const v of Object.values(d.actors))
      for (const x of v) if (!Number.isNaN(x)) expect(x).toBe(0);
    for (const v of Object.values(d.goods)) for (const x of v) expect(x).toBe(1);
    // The drift is the drawn world's own loss, which the figures have taken out.
    expect(Number.isFinite(d.drift)).toBe(true);
  });
});
