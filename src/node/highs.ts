/**
 * The HiGHS solver (WASM) as a `MilpSolver`. This is the one adapter in the council folder:
 * loading the WebAssembly module is asynchronous and reads its file, so the core never imports
 * it; the CLI (and tests) load it once and pass the solver in.
 *
 * Options: exact optimality (relative and absolute MIP gaps 0) because compensation results are
 * compared with enumeration, and no solver output (levier never prints from the core).
 *
 * Reference: Huangfu and Hall (2018), "Parallelizing the dual revised simplex method",
 * Mathematical Programming Computation 10:119–142 (HiGHS); https://highs.dev.
 * @module
 */
import highsModule from "highs";
import type { MilpSolution, MilpSolver, MilpStatus } from "../council/compensation/milp.js";

interface HighsColumn {
  Primal?: number;
}
interface HighsResult {
  Status: string;
  ObjectiveValue: number;
  Columns: Record<string, HighsColumn>;
}
interface HighsInstance {
  solve(problem: string, options?: Record<string, unknown>): HighsResult;
}
type Loader = () => Promise<HighsInstance>;

export const HIGHS_OPTIONS = Object.freeze({
  output_flag: false,
  mip_rel_gap: 0,
  mip_abs_gap: 0,
  random_seed: 0,
  time_limit: 60,
});

let loading: Promise<HighsInstance> | undefined;

/** Loads HiGHS once per process and returns a solver over it. */
export async function loadHighsSolver(): Promise<MilpSolver> {
  // Under NodeNext the default import is typed as not callable (see DEPENDENCIES.md).
  const mod = highsModule as unknown as { default?: Loader } & Loader;
  const loader: Loader = mod.default ?? mod;
  loading ??= loader();
  const highs = await loading;
  return (lp) => solveWith(highs, lp);
}

function solveWith(highs: HighsInstance, lp: string): MilpSolution {
  let result: HighsResult;
  try {
    result = highs.solve(lp, HIGHS_OPTIONS);
  } catch (err) {
    return {
      status: "error",
      detail: (err as Error).message,
      objective: Number.NaN,
      values: new Map(),
    };
  }
  const values = new Map<string, number>();
  for (const [name, col] of Object.entries(result.Columns ?? {}))
    if (typeof col.Primal === "number") values.set(name, col.Primal);
  return {
    status: statusOf(result.Status),
    detail: result.Status,
    objective: result.ObjectiveValue,
    values,
  };
}

function statusOf(status: string): MilpStatus {
  if (status === "Optimal") return "optimal";
  if (status === "Infeasible") return "infeasible";
  return "error";
}
