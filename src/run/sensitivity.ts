/**
 * The sensitivity pipeline (`levier sensitivity`): the scenario loaded on a world, the output
 * checked on the run at central values, then a tornado or a Sobol analysis over the groups of
 * uncertain figures (`uncertainty/sensitivity.ts`, `uncertainty/sobol.ts`), its evaluations run
 * through an evaluation executor (this thread by default; the CLI passes the worker pool).
 * @module
 */
import { InputError, UsageError } from "../diagnostics/errors.js";
import { DEFAULT_LOSS_MEASURE, type LossMeasure } from "../losses/measure.js";
import { loadScenario } from "../scenario/load.js";
import {
  evaluate,
  type Grouping,
  type InputGroup,
  inputGroups,
  type SensitivityJob,
  type TornadoBar,
  tornado,
  tornadoRows,
  valueAt,
} from "../uncertainty/sensitivity.js";
import { designRows, type Interval, saltelliDesign, sobolIndices } from "../uncertainty/sobol.js";
import type { LoadedWorld } from "../world/load.js";
import { runDocument } from "./document.js";
import type { TaskBatchOptions } from "./executor.js";
import { realise } from "./realise.js";
import { runScenario } from "./scenario-run.js";

/** Evaluates factor vectors, in order; stopped by `opts.signal`, it throws `TasksCancelled`. */
export type EvalExecutor = (
  job: SensitivityJob,
  rows: readonly (readonly number[])[],
  opts?: TaskBatchOptions,
) => Promise<number[]>;

export const inThreadEvals: EvalExecutor = async (job, rows, opts = {}) => {
  const out: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (opts.signal?.aborted) throw new Error("stopped");
    out.push(evaluate(job, rows[i]!));
    opts.onProgress?.(i + 1, rows.length);
  }
  return out;
};

export interface SensitivityRequest {
  world: LoadedWorld;
  text: string;
  file: string;
  output: string;
  method: "tornado" | "sobol";
  by: Grouping;
  horizon?: number;
  loss?: LossMeasure;
  /** Sobol: rows of each Saltelli matrix (the evaluations are samples × (groups + 2)). */
  samples?: number;
  seed?: number;
  execute?: EvalExecutor;
  batch?: TaskBatchOptions;
}

export interface SensitivityResult {
  scenario: string;
  output: string;
  /** The output at central values. */
  central: number;
  method: "tornado" | "sobol";
  by: Grouping;
  groups: InputGroup[];
  evaluations: number;
  tornado?: TornadoBar[];
  sobol?: {
    samples: number;
    seed: number;
    variance: number;
    indices: { group: string; figures: number; first: Interval; total: Interval }[];
  };
}

export async function sensitivityRequest(req: SensitivityRequest): Promise<SensitivityResult> {
  const options = req.horizon === undefined ? {} : { horizon: req.horizon };
  const { loaded, issues } = loadScenario(req.text, req.file, req.world, options);
  if (!loaded) throw new InputError(issues);
  const measure = req.loss ?? loaded.scenario.options?.loss ?? DEFAULT_LOSS_MEASURE;
  const job: SensitivityJob = {
    world: loaded.world.world,
    scenario: loaded.scenario,
    measure,
    by: req.by,
    output: req.output,
  };
  const doc = runDocument(
    runScenario({ scenario: loaded.scenario, world: { world: realise(loaded.world.world) } }),
    measure,
  );
  const central = valueAt(doc, req.output);
  if (central === undefined)
    throw new UsageError(
      `--output: no number at ${JSON.stringify(req.output)} in the run document; expected a path such as actors.EU.loss, eu.bloc.loss or capacityShare.horizon (items of a list by id)`,
    );
  const { groups } = inputGroups(job.world, job.by);
  const execute = req.execute ?? inThreadEvals;
  const base = {
    scenario: loaded.scenario.name,
    output: req.output,
    central,
    method: req.method,
    by: req.by,
    groups,
  };
  if (req.method === "tornado") {
    const rows = tornadoRows(groups.length);
    const y = await execute(job, rows, req.batch);
    return { ...base, evaluations: rows.length, tornado: tornado(groups, y).bars };
  }
  const samples = req.samples ?? 64;
  const seed = req.seed ?? 1;
  const design = saltelliDesign(samples, groups.length, seed);
  const rows = designRows(design).map((r) => Array.from(r));
  const y = await execute(job, rows, req.batch);
  const s = sobolIndices(design, y, { seed });
  return {
    ...base,
    evaluations: rows.length,
    sobol: {
      samples,
      seed,
      variance: s.variance,
      indices: groups
        .map((g, i) => ({
          group: g.id,
          figures: g.figures,
          first: s.first[i]!,
          total: s.total[i]!,
        }))
        .sort((a, b) => b.total.estimate - a.total.estimate),
    },
  };
}
