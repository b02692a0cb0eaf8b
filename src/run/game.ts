/**
 * The pipeline of a game built from simulations (`levier game build`): the specification read
 * and checked against the world it patches, every strategy profile (and every deal) evaluated by
 * running its measures as a scenario on one compiled network, the game solved and explained.
 * Each profile goes through `runScenario`, the run every other surface uses.
 * @module
 */

import { allEntities, type Entity } from "../analysis/entities.js";
import type { ControlsTask } from "../analysis/leverage/run-tasks.js";
import type { Losses } from "../analysis/value-added.js";
import { InputError } from "../diagnostics/errors.js";
import { hasErrors, type Issue } from "../diagnostics/issue.js";
import { type BuiltGame, buildGame, measureSets } from "../gamebuild/build.js";
import { checkGameSpec } from "../gamebuild/check.js";
import { explainGame, gameVerdicts } from "../gamebuild/explain.js";
import { type GameSpec, GameSpecSchema } from "../gamebuild/schema.js";
import { DEFAULT_LOSS_MEASURE } from "../losses/measure.js";
import { baselineSecurity } from "../losses/security.js";
import { compileWorld } from "../network/compile-world.js";
import { parseYaml } from "../parse/yaml.js";
import { drawStream } from "../random/streams.js";
import { compileScenario } from "../scenario/compile.js";
import {
  nashBargainingFinite,
  nashBargainingHull,
} from "../strategy/bargaining/nash-bargaining.js";
import { Rational } from "../strategy/rational.js";
import { solveGame } from "../strategy/report/solve.js";
import { type LoadedWorld, patchWorldOf } from "../world/load.js";
import { validateDoc } from "../world/schema-issues.js";
import { inThreadExecutor, type TaskBatchOptions, type TaskExecutor } from "./executor.js";
import { realiseLoaded, type Uniform } from "./realise.js";

export interface GameOutcome {
  spec: GameSpec;
  built: BuiltGame;
  normal: ReturnType<typeof solveGame>;
  tree?: ReturnType<typeof solveGame>;
  bargaining?: ReturnType<typeof solveBargaining>;
  summary: string[];
  /** The specification's and the world's warnings. */
  warnings: Issue[];
}

/** Builds and solves the game of a specification; one that does not load throws InputError.
 * Every strategy profile and deal is one simulation, and they run as one batch through
 * `execute` (in this thread by default; `levier game build` passes the worker threads). */
export async function buildGameRequest(req: {
  world: LoadedWorld;
  text: string;
  file: string;
  execute?: TaskExecutor;
  batch?: TaskBatchOptions;
  /** Uniform draws for the world's distributions (a Monte Carlo draw); without, central values. */
  rng?: Uniform;
}): Promise<GameOutcome> {
  const parsed = parseYaml(req.text, req.file);
  if (!parsed.doc) throw new InputError(parsed.issues);
  const doc = parsed.doc;
  const { value: spec, issues } = validateDoc(GameSpecSchema, doc, "game");
  if (!spec) throw new InputError(issues);
  const patched = patchWorldOf(req.world, spec.world, doc);
  if (!patched.world) throw new InputError(patched.issues);
  // The one place the patched world's distributions become numbers (central values).
  const w = realiseLoaded(patched.world, req.rng);
  const problems = checkGameSpec(spec, w.world, doc);
  if (hasErrors(problems)) throw new InputError(problems);

  const all = [
    ...spec.players.flatMap((p) => p.strategies.flatMap((s) => s.measures)),
    ...(spec.bargaining?.deals.flatMap((d) => d.measures) ?? []),
  ];
  // One network for every profile, with the plants any profile's investments build.
  const net = compileWorld(w.world, {
    extraNodes: all.flatMap((m) =>
      m.type === "investment" ? [{ actor: m.actor, good: m.good }] : [],
    ),
  });
  const measure = spec.loss ?? DEFAULT_LOSS_MEASURE;
  const tasks = measureSets(spec).map((measures): ControlsTask => {
    const scenario = {
      name: spec.name,
      horizon: spec.horizon,
      measures,
      ...(spec.groups ? { groups: spec.groups } : {}),
    };
    return { controls: compileScenario(scenario, w.world, net), months: spec.horizon, measure };
  });
  const results = await (req.execute ?? inThreadExecutor)(net, tasks, req.batch);
  const entities = allEntities(w.world, net);
  const den = baselineSecurity(net);
  const built = buildGame(spec, (_, index) =>
    outcomesByActor(entities, den, results[index]!, spec.horizon),
  );
  const normal = solveGame({ kind: "normal", game: built.normal });
  const tree = built.sequential
    ? solveGame({ kind: "extensive", game: built.sequential })
    : undefined;
  const bargaining = built.deals ? solveBargaining(built.deals) : undefined;
  const summary = explainGame(spec, built, normal, tree, bargaining);
  const warnings = [
    ...w.issues.filter((i) => i.severity === "warning"),
    ...problems.filter((i) => i.severity === "warning"),
  ];
  const out: GameOutcome = { spec, built, normal, summary, warnings };
  if (tree) out.tree = tree;
  if (bargaining) out.bargaining = bargaining;
  return out;
}

/** Each actor's (and bloc's, its members summed) loss over the run in the task's measure and
 * its security-index loss, 1 − the mean over the months of Σ numerator / Σ baseline (the
 * baseline denominator is the same every month, so the mean of the monthly index is the
 * index of the summed numerators: the same figure `summarizeTrace` reports). */
function outcomesByActor(
  entities: readonly Entity[],
  den: Float64Array,
  losses: Losses,
  months: number,
) {
  return new Map(
    entities.map((e) => {
      let loss = 0;
      let num = 0;
      let d = 0;
      for (const i of e.members) {
        loss += losses.byActor[i]!;
        num += losses.security[i]!;
        d += den[i]!;
      }
      return [e.id, { loss, securityIndexLoss: d > 0 ? 1 - num / (months * d) : 0 }];
    }),
  );
}

function solveBargaining(d: NonNullable<BuiltGame["deals"]>) {
  const point = (x: number[]) =>
    [Rational.of(Math.round(x[0]! * 1000), 1000), Rational.of(Math.round(x[1]! * 1000), 1000)] as [
      Rational,
      Rational,
    ];
  const deals = d.deals.map((x) => ({ label: x.id, payoffs: point(x.payoffs) }));
  const dis = point(d.disagreement);
  return { finite: nashBargainingFinite(deals, dis), hull: nashBargainingHull(deals, dis) };
}

/** A game under uncertainty: in what share of draws each equilibrium holds and the threat is
 * credible and deters. */
export interface GameDraws {
  requested: number;
  done: number;
  seed: number;
  equilibria: { equilibrium: string; share: number }[];
  threat?: { credibleShare: number; detersShare: number };
  summary: string[];
}

/** Builds and solves the game once per draw k = 0 … count − 1, each on the world realised from
 * stream (seed, k); the verdicts are tallied over the draws finished (`batch.signal` stops the
 * draws). */
export async function gameDrawsRequest(req: {
  world: LoadedWorld;
  text: string;
  file: string;
  count: number;
  seed: number;
  batch?: TaskBatchOptions;
}): Promise<GameDraws> {
  const tally = new Map<string, number>();
  let credible = 0;
  let deters = 0;
  let sequential = false;
  let done = 0;
  let spec: GameSpec | undefined;
  for (let k = 0; k < req.count; k++) {
    if (req.batch?.signal?.aborted) break;
    const g = await buildGameRequest({
      world: req.world,
      text: req.text,
      file: req.file,
      rng: drawStream(req.seed, k),
    });
    spec = g.spec;
    const v = gameVerdicts(g.spec, g.built, g.normal, g.tree);
    for (const e of new Set(v.equilibria)) tally.set(e, (tally.get(e) ?? 0) + 1);
    if (v.threat) {
      sequential = true;
      if (v.threat.credible) credible++;
      if (v.threat.deters) deters++;
    }
    done++;
    req.batch?.onProgress?.(done, req.count);
  }
  const share = (n: number) => (done > 0 ? n / done : 0);
  const equilibria = [...tally]
    .map(([equilibrium, n]) => ({ equilibrium, share: share(n) }))
    .sort((a, b) => b.share - a.share || a.equilibrium.localeCompare(b.equilibrium));
  const out: GameDraws = { requested: req.count, done, seed: req.seed, equilibria, summary: [] };
  const pc = (x: number) => `${Math.round(100 * x)}%`;
  out.summary.push(
    `Over ${done} draws of every figure given as a distribution (seed ${req.seed}${done < req.count ? `, stopped after ${done} of ${req.count}` : ""}):`,
  );
  for (const e of equilibria)
    out.summary.push(`Nash equilibrium ${e.equilibrium}: in ${pc(e.share)} of draws.`);
  if (sequential && spec?.sequential) {
    const s = spec.sequential;
    out.threat = { credibleShare: share(credible), detersShare: share(deters) };
    out.summary.push(
      `${s.threatener}'s threat to ${s.threat} if ${s.target} chooses ${s.resist} is credible in ${pc(share(credible))} of draws and deters in ${pc(share(deters))}.`,
    );
  }
  return out;
}
