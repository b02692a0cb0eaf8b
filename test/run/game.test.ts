/**
 * A game's strategy profiles run as one batch through the task executor (src/run/game.ts):
 * each profile's loss and security-index loss, per player, agree with the scenario pipeline's
 * own run of the same measures (`runScenario` and its results reducer, a separate path from
 * the executor's), and the worker threads give the in-thread results bit for bit.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { measureSets } from "../../src/gamebuild/build.js";
import { gameVerdicts } from "../../src/gamebuild/explain.js";
import { fileReader } from "../../src/io/world-files.js";
import { actorLoss } from "../../src/losses/measure.js";
import { workerExecutor } from "../../src/node/leverage-parallel.js";
import { drawStream } from "../../src/random/streams.js";
import { buildGameRequest, gameDrawsRequest } from "../../src/run/game.js";
import { realiseLoaded } from "../../src/run/realise.js";
import { runScenario } from "../../src/run/scenario-run.js";
import { loadWorld } from "../../src/world/load.js";

const ROOT = join(import.meta.dirname, "../..");
const FILE = "examples/games/us-caps-vs-eu-retaliation.yaml";
const text = readFileSync(join(ROOT, FILE), "utf8");
const loaded = loadWorld(fileReader(ROOT)).world;
if (!loaded) throw new Error("the default world does not load");
const world = loaded;

describe("game build through the task executor", () => {
  it("gives each profile the loss and security-index loss of the scenario run of its measures", async () => {
    const game = await buildGameRequest({ world, text, file: FILE });
    const sets = measureSets(game.spec);
    expect(sets).toHaveLength(game.built.profiles.length);
    const real = realiseLoaded(world);
    game.built.profiles.forEach((profile, k) => {
      const scenario = { name: game.spec.name, horizon: game.spec.horizon, measures: sets[k]! };
      const { result } = runScenario({ scenario, world: real });
      game.spec.players.forEach((player, p) => {
        const a = result.actors.find((x) => x.id === player.actor)!;
        const loss = actorLoss(a, game.spec.loss ?? "total");
        expect(Math.abs(profile.loss[p]! - loss)).toBeLessThanOrEqual(1e-9 * Math.abs(loss) + 1);
        expect(profile.securityIndexLoss[p]!).toBeCloseTo(a.securityIndexLoss, 12);
      });
    });
    // The EU's retaliation costs the US more than its acceptance, whichever the US plays.
    const us = game.built.profiles.map((x) => x.loss[0]!);
    expect(us[2]!).toBeGreaterThan(us[0]!);
    expect(us[3]!).toBeGreaterThan(us[1]!);
  });

  it("gives the same game on worker threads as in this thread", async () => {
    const here = await buildGameRequest({ world, text, file: FILE });
    const seen: number[] = [];
    const there = await buildGameRequest({
      world,
      text,
      file: FILE,
      execute: workerExecutor(2),
      batch: { onProgress: (done) => seen.push(done) },
    });
    expect(there.built.profiles).toEqual(here.built.profiles);
    expect(seen.at(-1)).toBe(here.built.profiles.length);
  });
});

describe("a game under uncertainty (--draws)", () => {
  it("tallies each draw's own verdicts: equilibria and the threat's credibility", async () => {
    const seed = 4;
    const d = await gameDrawsRequest({ world, text, file: FILE, count: 3, seed });
    expect(d).toMatchObject({ requested: 3, done: 3, seed });
    // Each draw again, alone, from its own stream.
    const verdicts = await Promise.all(
      [0, 1, 2].map(async (k) => {
        const g = await buildGameRequest({ world, text, file: FILE, rng: drawStream(seed, k) });
        return gameVerdicts(g.spec, g.built, g.normal, g.tree);
      }),
    );
    const count = (e: string) => verdicts.filter((v) => v.equilibria.includes(e)).length / 3;
    for (const e of d.equilibria) expect(e.share).toBeCloseTo(count(e.equilibrium), 12);
    expect(d.threat!.credibleShare).toBeCloseTo(
      verdicts.filter((v) => v.threat!.credible).length / 3,
      12,
    );
    expect(d.summary.at(-1)).toMatch(
      /threat to .* is credible in \d+% of draws and deters in \d+%/,
    );
  });
});
