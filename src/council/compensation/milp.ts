/**
 * A small mixed-integer linear programme as plain data, its text in CPLEX LP format (what
 * HiGHS reads), and the shape of a solver: a function from that text to a solution. The
 * solver is injected, so the formulation stays pure and tests can run any solver.
 * @module
 */

export interface Term {
  coef: number;
  name: string;
}

export interface Row {
  name: string;
  terms: Term[];
  sense: ">=" | "<=" | "=";
  rhs: number;
}

export interface Column {
  name: string;
  lower: number;
  upper: number;
  binary?: boolean;
}

export interface MilpModel {
  /** Minimised. */
  objective: Term[];
  rows: Row[];
  columns: Column[];
}

export type MilpStatus = "optimal" | "infeasible" | "error";

export interface MilpSolution {
  status: MilpStatus;
  /** The solver's own word for its status, e.g. HiGHS "Optimal", "Time limit reached". */
  detail: string;
  objective: number;
  values: ReadonlyMap<string, number>;
}

/** Solves the LP text; synchronous (HiGHS solves synchronously once loaded). */
export type MilpSolver = (lp: string) => MilpSolution;

/** Coefficients and bounds are written as plain decimal numbers; beyond 1e15 HiGHS reads ∞. */
export const MAX_MAGNITUDE = 1e12;

export function toLpText(model: MilpModel): string {
  const lines: string[] = ["Minimize"];
  const objective = model.objective.filter((t) => t.coef !== 0);
  const first = model.columns[0];
  if (!first) throw new RangeError("toLpText: a model needs at least one column");
  lines.push(` obj: ${objective.length > 0 ? expression(objective) : `0 ${first.name}`}`);
  lines.push("Subject To");
  for (const row of model.rows) {
    const terms = row.terms.filter((t) => t.coef !== 0);
    if (terms.length === 0) throw new RangeError(`toLpText: row ${row.name} has no terms`);
    lines.push(` ${row.name}: ${expression(terms)} ${row.sense} ${num(row.rhs)}`);
  }
  lines.push("Bounds");
  for (const c of model.columns)
    lines.push(
      c.lower === c.upper
        ? ` ${c.name} = ${num(c.lower)}`
        : ` ${num(c.lower)} <= ${c.name} <= ${num(c.upper)}`,
    );
  const binaries = model.columns.filter((c) => c.binary).map((c) => c.name);
  if (binaries.length > 0) lines.push("Binaries", ` ${binaries.join(" ")}`);
  lines.push("End");
  return `${lines.join("\n")}\n`;
}

function expression(terms: Term[]): string {
  return terms
    .map((t, i) => {
      const sign = t.coef < 0 ? "-" : "+";
      const abs = Math.abs(t.coef);
      const body = abs === 1 ? t.name : `${num(abs)} ${t.name}`;
      return i === 0 ? (t.coef < 0 ? `- ${body}` : body) : `${sign} ${body}`;
    })
    .join(" ");
}

function num(x: number): string {
  if (!Number.isFinite(x) || Math.abs(x) > MAX_MAGNITUDE * 1000)
    throw new RangeError(`toLpText: ${x} is outside what the LP text can carry`);
  return x === 0 ? "0" : String(x);
}
