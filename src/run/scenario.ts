/**
 * The pipeline of a scenario run (../shared/DESIGN.md, "Architecture"): the scenario loaded on a
 * world, simulated, summarised into the run document, and, for a scenario in which the EU acts,
 * the Council section (each member's gain from the EU's measures: its loss in a second run
 * without them, minus its loss with them). Every surface calls this; nothing here reads a file
 * or a clock. The result carries every warning: the world's (unsourced figures and the like),
 * the scenario loader's (measures cut at a shorter horizon) and the measures' (a measure that
 * matches nothing), in the document and in `warnings`, each with where it is.
 * @module
 */
import type { MilpSolver } from "../council/compensation/milp.js";
import type { Council } from "../council/council.js";
import { findMeasureKind } from "../council/council.js";
import { type CouncilOnScenario, councilOnScenario } from "../council/on-scenario.js";
import { InputError } from "../diagnostics/errors.js";
import type { Issue } from "../diagnostics/issue.js";
import type { RuleBook } from "../diffusion/rules.js";
import { actorLoss, DEFAULT_LOSS_MEASURE, type LossMeasure } from "../losses/measure.js";
import { compileWorld } from "../network/compile-world.js";
import type { Network } from "../network/network.js";
import type { Sampling } from "../random/sampling.js";
import { SOBOL_DIMENSIONS } from "../random/sobol-sequence.js";
import { extraNodes } from "../scenario/compile.js";
import { euMeasureKind, withoutEuMeasures } from "../scenario/eu-measure.js";
import { loadScenario } from "../scenario/load.js";
import type { LoadedWorld } from "../world/load.js";
import { adoptionCascade, conditionalMeasures } from "./adoption.js";
import { type RunDocument, runDocument } from "./document.js";
import {
  type DrawExecutor,
  type DrawJob,
  type DrawResult,
  type DrawsInfo,
  inThreadDraws,
  withDrawRanges,
} from "./draws.js";
import { type TaskBatchOptions, type TaskExecutor, TasksCancelled } from "./executor.js";
import { drawDimensions, type RealisedScenario, realiseLoaded, type Uniform } from "./realise.js";
import { runScenario } from "./scenario-run.js";
import { valueCaptureOf } from "./value-capture.js";

export interface ScenarioRequest {
  world: LoadedWorld;
  /** The scenario file's text, and its name for messages. */
  text: string;
  file: string;
  /** Overrides the scenario's horizon: measures ending later are cut, with a warning. */
  horizon?: number;
  /** A firm-level network to run on instead of the world's. */
  network?: (loaded: RealisedScenario) => Network;
  /** The loss measure that ranks actors; else the scenario's `options.loss`, else the total. */
  loss?: LossMeasure;
  /** Uniform draws for the world's distributions (`realise`); without, central values. */
  rng?: Uniform;
  /** The Council's data and a MILP solver, asked for only when the EU acts in the scenario. */
  council?: () => Promise<{ council: Council; solver: MilpSolver }>;
  /** The rule book that conditional_access measures name (data/diffusion/rules.yaml). */
  rules?: () => RuleBook;
  /** Where the adoption cascade's simulations run (in this thread by default). */
  adoptionExecute?: TaskExecutor;
  /** Monte Carlo draws (`run/draws.ts`): `count` draws numbered 0 … count − 1 from `seed`, run
   * by `execute` (in this thread by default); stopped by `batch.signal`, the run keeps the
   * draws finished. `inputs`: hashes of the inputs, recorded for replay. Where `count` or
   * `seed` is not given, the scenario's `options.draws` and `options.seed` are used (seed 1 by
   * default); a count of 0, or none anywhere, runs no draws. `sampling` (else the scenario's
   * `options.sampling`, else "random"): pseudo-random draws or Sobol points. */
  draws?: {
    count?: number;
    seed?: number;
    sampling?: Sampling;
    execute?: DrawExecutor;
    batch?: TaskBatchOptions;
    inputs?: Record<string, string>;
  };
}

export interface ScenarioOutcome {
  doc: RunDocument;
  loaded: RealisedScenario;
  /** Every warning, in the order: world, scenario, measures (the same as `doc.warnings`). */
  warnings: Issue[];
}

/** Runs a scenario; a scenario that does not load throws an InputError with its issues. */
export async function runScenarioRequest(req: ScenarioRequest): Promise<ScenarioOutcome> {
  const options = req.horizon === undefined ? {} : { horizon: req.horizon };
  const { loaded: read, issues } = loadScenario(req.text, req.file, req.world, options);
  if (!read) throw new InputError(issues);
  // The one place the world's distributions become numbers, before anything is built.
  const loaded: RealisedScenario = { ...read, world: realiseLoaded(read.world, req.rng) };
  const measure = req.loss ?? loaded.scenario.options?.loss ?? DEFAULT_LOSS_MEASURE;
  // Conditional access: the cascade of adoption, with the simulator in the loop, decides when
  // each target's caps lift; the run then simulates the scenario with those months.
  const cascade =
    req.network === undefined
      ? await adoptionCascade({
          scenario: loaded.scenario,
          world: loaded.world.world,
          net: compileWorld(loaded.world.world, { extraNodes: extraNodes(loaded.scenario) }),
          doc: loaded.doc,
          measure,
          ...(req.rules && conditionalMeasures(loaded.scenario).length > 0
            ? { rules: req.rules() }
            : {}),
          ...(req.adoptionExecute ? { execute: req.adoptionExecute } : {}),
        })
      : undefined;
  const run = runScenario(loaded, req.network?.(loaded), cascade?.adopted);
  for (const w of run.warnings)
    w.at = loaded.doc.locate(["measures", loaded.measureIndex?.[w.index] ?? w.index]);
  const warnings: Issue[] = [
    ...req.world.issues.filter((i) => i.severity === "warning"),
    ...issues.filter((i) => i.severity === "warning"),
    ...run.warnings,
  ];
  const doc = runDocument(run, measure);
  doc.warnings = warnings;
  const capture = valueCaptureOf(loaded.scenario, loaded.world.world, measure);
  if (capture) doc.valueCapture = capture;
  if (cascade) {
    const by = new Set(cascade.result.by);
    cascade.result.ownCost.withCascade = run.result.actors
      .filter((a) => by.has(a.id))
      .reduce((s, a) => s + actorLoss(a, measure), 0);
    doc.adoption = cascade.result;
  }
  const kind = euMeasureKind(loaded.scenario, loaded.world.world);
  if (kind !== undefined && req.council) {
    const { council, solver } = await req.council();
    doc.council = councilSection(council, solver, kind, doc, loaded);
  }
  const count = req.draws?.count ?? loaded.scenario.options?.draws ?? 0;
  if (!req.draws || count === 0) return { doc, loaded, warnings };
  if (cascade)
    warnings.push({
      severity: "warning",
      code: "draws-without-cascade",
      message:
        "the draws do not re-run the adoption cascade: in each draw no candidate adopts, so the ranges are those of the conditions never lifting (docs/model.md §9)",
    });
  const seed = req.draws.seed ?? loaded.scenario.options?.seed ?? 1;
  const sampling = req.draws.sampling ?? loaded.scenario.options?.sampling ?? "random";
  const { execute = inThreadDraws, batch, inputs } = req.draws;
  const job: DrawJob = {
    world: read.world.world,
    scenario: read.scenario,
    seed,
    measure,
    sampling,
  };
  const info: Omit<DrawsInfo, "done" | "stream" | "note"> = {
    requested: count,
    seed,
    sampling,
    ...(inputs ? { inputs } : {}),
  };
  if (sampling === "sobol") {
    info.dimensions = drawDimensions(job.world);
    if (info.dimensions > SOBOL_DIMENSIONS) warnings.push(sobolPadding(info.dimensions));
  }
  const ks = Array.from({ length: count }, (_, k) => k);
  let results: (DrawResult | undefined)[];
  try {
    results = await execute(job, ks, batch);
  } catch (err) {
    // Stopped (Ctrl-C): the draws that finished still count.
    if (!(err instanceof TasksCancelled)) throw err;
    results = err.results as (DrawResult | undefined)[];
  }
  const ranged = withDrawRanges(doc, results, info);
  return { doc: ranged, loaded, warnings };
}

/** A world with more figures to draw than the Sobol table has dimensions. */
function sobolPadding(dimensions: number): Issue {
  return {
    severity: "warning",
    code: "sobol-dimensions",
    message: `each Sobol point needs ${dimensions} coordinates (one per figure given as a distribution, and per correlation group), and the direction numbers give ${SOBOL_DIMENSIONS}: coordinates ${SOBOL_DIMENSIONS + 1} to ${dimensions} (the world's last figures, in its order) are drawn pseudo-random, so the ranges' part from them converges no faster than with --sampling random`,
  };
}

function councilSection(
  council: Council,
  solver: MilpSolver,
  kind: string,
  doc: RunDocument,
  loaded: RealisedScenario,
): CouncilOnScenario {
  if (!findMeasureKind(council, kind)) {
    throw InputError.single(
      "unknown-id",
      `unknown measure kind ${JSON.stringify(kind)}; expected one of ${council.measureKinds.map((k) => k.id).join(", ")}`,
      loaded.doc.locate(["council", "measure"]),
      "council.measure",
    );
  }
  // A member's gain from the EU's measures: its loss without them minus with them (the rest of
  // the scenario, e.g. a foreign measure the EU answers, happens either way).
  const without = runScenario({
    ...loaded,
    scenario: withoutEuMeasures(loaded.scenario, loaded.world.world),
  });
  const measure = doc.lossMeasure.id;
  const lostWithout = new Map(without.result.actors.map((a) => [a.id, actorLoss(a, measure)]));
  const gains = new Map(
    doc.actors.map((a) => [a.id, (lostWithout.get(a.id) ?? 0) - actorLoss(a, measure)]),
  );
  return councilOnScenario(council, kind, gains, solver);
}
