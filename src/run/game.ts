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
import { complianceCost, type RuleBook } from "../diffusion/rules.js";
import { adoptionSets, type BuiltGame, buildGame, measureSets } from "../gamebuild/build.js";
import { checkGameSpec } from "../gamebuild/check.js";
import {
  explainGame,
  explainLeverage,
  gameVerdicts,
  type LeverageOutcome,
} from "../gamebuild/explain.js";
import { atLeverage } from "../gamebuild/leverage.js";
import { type GameSpec, GameSpecSchema } from "../gamebuild/schema.js";
import { DEFAULT_LOSS_MEASURE } from "../losses/measure.js";
import { baselineSecurity } from "../losses/security.js";
import { compileWorld } from "../network/compile-world.js";
import { parseYaml } from "../parse/yaml.js";
import { drawStream } from "../random/streams.js";
import { type Adoptions, compileScenario } from "../scenario/compile.js";
import { resolveRefs } from "../scenario/refs.js";
import {
  type BargainingResult,
  nashBargainingFinite,
  nashBargainingHull,
} from "../strategy/bargaining/nash-bargaining.js";
import {
  type BargainingResultN,
  nashBargainingFiniteN,
} from "../strategy/bargaining/nash-bargaining-n.js";
import { Rational } from "../strategy/rational.js";
import { solveGame } from "../strategy/report/solve.js";
import { type LoadedWorld, patchWorldOf } from "../world/load.js";
import { figure, type RealWorld } from "../world/realised.js";
import { validateDoc } from "../world/schema-issues.js";
import { inThreadExecutor, type TaskBatchOptions, type TaskExecutor } from "./executor.js";
import { realiseLoaded, type Uniform } from "./realise.js";

export interface GameOutcome {
  spec: GameSpec;
  built: BuiltGame;
  normal: ReturnType<typeof solveGame>;
  tree?: ReturnType<typeof solveGame>;
  bargaining?: ReturnType<typeof solveBargaining>;
  /** The game at each level of `spec.leverage`, solved (when the spec has a sweep and it was
   * asked for). */
  leverage?: LeverageOutcome[];
  summary: string[];
  /** The specification's and the world's warnings. */
  warnings: Issue[];
}

/** Builds and solves the game of a specification; one that does not load throws InputError.
 * Every strategy profile and deal is one simulation, and they run as one batch through
 * `execute` (in this thread by default; `levier game build` passes the worker threads), with
 * those of every level of the leverage sweep. */
export async function buildGameRequest(req: {
  world: LoadedWorld;
  text: string;
  file: string;
  execute?: TaskExecutor;
  batch?: TaskBatchOptions;
  /** Uniform draws for the world's distributions (a Monte Carlo draw); without, central values. */
  rng?: Uniform;
  /** The rule book that `adopts` and conditional_access measures name (read when needed). */
  rules?: () => RuleBook;
  /** Whether to build the leverage sweep of `spec.leverage` (default true). */
  leverage?: boolean;
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
  const rules = req.rules && namesRules(spec) ? req.rules() : undefined;
  const problems = checkGameSpec(spec, w.world, doc, rules);
  if (hasErrors(problems)) throw new InputError(problems);

  const all = [
    ...spec.players.flatMap((p) => p.strategies.flatMap((s) => s.measures)),
    ...(spec.bargaining?.deals?.flatMap((d) => d.measures) ?? []),
  ];
  // One network for every profile, with the plants any profile's investments build.
  const net = compileWorld(w.world, {
    extraNodes: all.flatMap((m) =>
      m.type === "investment" ? [{ actor: m.actor, good: m.good }] : [],
    ),
  });
  const measure = spec.loss ?? DEFAULT_LOSS_MEASURE;
  const levels = req.leverage === false ? [] : (spec.leverage?.levels ?? []);
  const specs = [spec, ...levels.map((l) => atLeverage(spec, l))];
  const groups = spec.groups ?? [];
  const members = (actor: string) => [...resolveRefs(w.world, groups, [actor])];
  const tasks = specs.flatMap((sp) => {
    const adoptions = adoptionSets(sp);
    return measureSets(sp).map((measures, i): ControlsTask => {
      const scenario = {
        name: sp.name,
        horizon: sp.horizon,
        measures,
        ...(sp.groups ? { groups: sp.groups } : {}),
      };
      const adopted = adoptionsOf(adoptions[i]!, members);
      return {
        controls: compileScenario(scenario, w.world, net, [], adopted),
        months: sp.horizon,
        measure,
      };
    });
  });
  const results = await (req.execute ?? inThreadExecutor)(net, tasks, req.batch);
  const entities = allEntities(w.world, net);
  const den = baselineSecurity(net);
  const compliance = complianceOf(rules, w.world, members, spec.horizon);
  let offset = 0;
  const solved = specs.map((sp) => {
    const at = offset;
    offset += measureSets(sp).length;
    const built = buildGame(
      sp,
      (_, index) => outcomesByActor(entities, den, results[at + index]!, sp.horizon),
      compliance,
    );
    const normal = solveGame({ kind: "normal", game: built.normal });
    const tree = built.sequential
      ? solveGame({ kind: "extensive", game: built.sequential })
      : undefined;
    const bargaining = built.deals ? solveBargaining(built.deals) : undefined;
    return { built, normal, tree, bargaining };
  });
  const { built, normal, tree, bargaining } = solved[0]!;
  const summary = explainGame(spec, built, normal, tree, bargaining);
  const warnings = [
    ...w.issues.filter((i) => i.severity === "warning"),
    ...problems.filter((i) => i.severity === "warning"),
  ];
  const out: GameOutcome = { spec, built, normal, summary, warnings };
  if (tree) out.tree = tree;
  if (bargaining) out.bargaining = bargaining;
  if (levels.length > 0) {
    out.leverage = levels.map((level, i) => {
      const x = solved[i + 1]!;
      return {
        level,
        built: x.built,
        verdicts: gameVerdicts(specs[i + 1]!, x.built, x.normal, x.tree),
        ...(x.bargaining ? { bargaining: x.bargaining } : {}),
      };
    });
    summary.push(...explainLeverage(spec, out.leverage));
  }
  return out;
}

/** Whether a specification names a rule (adopts one, or conditions access on one). */
function namesRules(spec: GameSpec): boolean {
  return spec.players.some((p) =>
    p.strategies.some(
      (s) => (s.adopts?.length ?? 0) > 0 || s.measures.some((m) => m.type === "conditional_access"),
    ),
  );
}

/** Who adopted which rule from month 1, by network actor (a bloc's members adopt with it). */
function adoptionsOf(
  adopts: ReadonlyMap<string, readonly string[]>,
  members: (actor: string) => string[],
): Adoptions {
  const out = new Map<string, Map<string, number>>();
  for (const [actor, rules] of adopts)
    for (const rule of rules) {
      const by = out.get(rule) ?? new Map<string, number>();
      for (const m of members(actor)) by.set(m, 1);
      out.set(rule, by);
    }
  return out;
}

/** The compliance cost of a player adopting a rule over the horizon, USD: the rule's own
 * figure for the player, else its share of the player's GDP (a bloc's members summed). */
function complianceOf(
  rules: RuleBook | undefined,
  world: RealWorld,
  members: (actor: string) => string[],
  months: number,
) {
  const gdp = new Map(
    world.actors.map((a) => [a.id, a.gdp === undefined ? 0 : figure(a.gdp)] as const),
  );
  return (actor: string, ruleId: string) => {
    const rule = rules?.rules.find((r) => r.id === ruleId);
    if (!rule) return 0;
    const g = members(actor).reduce((s, m) => s + (gdp.get(m) ?? 0), 0);
    return complianceCost(rule, actor, g, months);
  };
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

export interface SolvedBargaining {
  finite: BargainingResult | BargainingResultN;
  /** Over the convex hull of the deals: two players only. */
  hull?: BargainingResult;
}

function solveBargaining(d: NonNullable<BuiltGame["deals"]>): SolvedBargaining {
  const exactN = (x: number[]) => x.map((u) => Rational.of(Math.round(u * 1000), 1000));
  if (d.disagreement.length !== 2)
    return {
      finite: nashBargainingFiniteN(
        d.deals.map((x) => ({ label: x.id, payoffs: exactN(x.payoffs) })),
        exactN(d.disagreement),
      ),
    };
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
  rules?: () => RuleBook;
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
      ...(req.rules ? { rules: req.rules } : {}),
      leverage: false,
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
