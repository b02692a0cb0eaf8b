/**
 * The pipeline of a game built from simulations (`levier game build`): the specification read
 * and checked against the world it patches, every strategy profile (and every deal) evaluated by
 * running its measures as a scenario on one compiled network, the game solved and explained.
 * Each profile goes through `runScenario`, the run every other surface uses.
 * @module
 */
import { InputError } from "../diagnostics/errors.js";
import { hasErrors, type Issue } from "../diagnostics/issue.js";
import { type BuiltGame, buildGame } from "../gamebuild/build.js";
import { checkGameSpec } from "../gamebuild/check.js";
import { explainGame } from "../gamebuild/explain.js";
import { type GameSpec, GameSpecSchema } from "../gamebuild/schema.js";
import { actorLoss, DEFAULT_LOSS_MEASURE } from "../losses/measure.js";
import { compileWorld } from "../network/compile-world.js";
import { parseYaml } from "../parse/yaml.js";
import type { Measure } from "../scenario/schema.js";
import {
  nashBargainingFinite,
  nashBargainingHull,
} from "../strategy/bargaining/nash-bargaining.js";
import { Rational } from "../strategy/rational.js";
import { solveGame } from "../strategy/report/solve.js";
import { type LoadedWorld, patchWorldOf } from "../world/load.js";
import { validateDoc } from "../world/schema-issues.js";
import { runScenario } from "./scenario-run.js";

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

/** Builds and solves the game of a specification; one that does not load throws InputError. */
export function buildGameRequest(req: { world: LoadedWorld; text: string; file: string }) {
  const parsed = parseYaml(req.text, req.file);
  if (!parsed.doc) throw new InputError(parsed.issues);
  const doc = parsed.doc;
  const { value: spec, issues } = validateDoc(GameSpecSchema, doc);
  if (!spec) throw new InputError(issues);
  const patched = patchWorldOf(req.world, spec.world, doc);
  if (!patched.world) throw new InputError(patched.issues);
  const w = patched.world;
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
  const evaluate = (measures: Measure[]) => {
    const scenario = {
      name: spec.name,
      horizon: spec.horizon,
      measures,
      ...(spec.groups ? { groups: spec.groups } : {}),
    };
    const { result } = runScenario({ scenario, world: w, doc }, net);
    return new Map(
      result.actors.map((a) => [
        a.id,
        { loss: actorLoss(a, measure), securityIndexLoss: a.securityIndexLoss },
      ]),
    );
  };
  const built = buildGame(spec, evaluate);
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
