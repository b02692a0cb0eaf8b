/**
 * The compensation MILP. Members i = 1..n with gains g_i; winners W (g_i ≥ 0), losers L.
 *
 *   minimise    Σ_{i∈L} t_i                                  (total received)
 *   subject to  Σ_i t_i − B = 0                              (transfers between members; B ≥ 0
 *                                                             is the EU budget, 0 unless allowed)
 *               −g_i ≤ t_i ≤ 0                  for i ∈ W    (winners pay at most their gain)
 *               0 ≤ t_i ≤ d_i,  d_i = −g_i      for i ∈ L
 *               t_i − (d_i − a_i)·y_i ≥ a_i      for i ∈ L    (y_i = 1: gain + t_i ≥ 0, yes;
 *                                                             y_i = 0: at least a_i)
 *               y_i ∈ {0, 1} (fixed to 1 with --all-gain)
 *
 * a_i = max(0, d_i − b) when a rule is unanimity (a member not voting yes must still abstain,
 * gain ≥ −b with b the abstention band), else 0. Winners always vote yes. For each rule:
 *
 *   majority, minYes m, quota q, deemed attained at D (binary z_r):
 *     |W| + Σ_L y_i ≥ m + (D − m)·z_r      pop(W) + Σ_L p_i y_i ≥ q·(1 − z_r)
 *     (without the blocking-minority clause z_r = 0; without a population criterion no q row)
 *   unanimity: |W| + Σ_L y_i ≥ 1; with constructive abstention (m_A members, p_A persons,
 *     binary u_r): abstainers |L| − Σ_L y_i ≤ m_A − 1 + |L|·u_r and
 *     pop(L) − Σ_L p_i y_i ≤ p_A − 1 + pop(L)·(1 − u_r)   (not both limits reached)
 *
 * Cuts exclude yes-sets already tried and rejected by the check vote (numerical safety):
 * Σ_{i∈Z} (1 − y_i) + Σ_{i∈L∖Z} y_i ≥ 1.
 *
 * At the optimum t_i = d_i·y_i + a_i·(1 − y_i) for losers; who among the winners pays is not
 * determined by the objective, so `settle.ts` fixes it (pro rata to their gains).
 * @module
 */
import { thresholdsOf } from "../rule.js";
import type { Column, MilpModel, Row, Term } from "./milp.js";
import { type CompensationInput, floorOf, type Sides } from "./problem.js";

export interface Formulation {
  model?: MilpModel;
  /** Set when a constraint without variables cannot hold: no transfer can make it pass. */
  infeasible?: string;
}

export const yName = (i: number) => `y${i}`;
export const tName = (i: number) => `t${i}`;
export const BUDGET = "budget";

export function formulate(
  input: CompensationInput,
  sides: Sides,
  cuts: readonly (readonly number[])[] = [],
): Formulation {
  const { winners, losers } = sides;
  const pop = (i: number) => input.members[i]?.population ?? 0;
  const g = (i: number) => input.gains[i] ?? 0;
  const columns: Column[] = [];
  const rows: Row[] = [];
  let infeasible: string | undefined;
  const addRow = (row: Row) => {
    const terms = row.terms.filter((t) => t.coef !== 0);
    if (terms.length > 0) rows.push({ ...row, terms });
    else if (!holds(0, row.sense, row.rhs)) infeasible ??= `constraint ${row.name} cannot hold`;
  };

  for (const i of winners) columns.push({ name: tName(i), lower: -g(i), upper: 0 });
  for (const i of losers) {
    const full = floorOf(input, sides, i, true);
    columns.push({ name: tName(i), lower: 0, upper: full });
    columns.push(
      input.allGain
        ? { name: yName(i), lower: 1, upper: 1 }
        : { name: yName(i), lower: 0, upper: 1, binary: true },
    );
    const low = floorOf(input, sides, i, false);
    addRow({
      name: `floor${i}`,
      terms: [
        { coef: 1, name: tName(i) },
        { coef: -(full - low), name: yName(i) },
      ],
      sense: ">=",
      rhs: low,
    });
  }
  const balance: Term[] = input.members.map((_, i) => ({ coef: 1, name: tName(i) }));
  if (input.budget) {
    const most = losers.reduce((s, i) => s + floorOf(input, sides, i, true), 0);
    columns.push({ name: BUDGET, lower: 0, upper: most });
    balance.push({ coef: -1, name: BUDGET });
  }
  addRow({ name: "balance", terms: balance, sense: "=", rhs: 0 });

  const yes = (coef: (i: number) => number): Term[] =>
    losers.map((i) => ({ coef: coef(i), name: yName(i) }));
  const winnersPop = winners.reduce((s, i) => s + pop(i), 0);
  const losersPop = losers.reduce((s, i) => s + pop(i), 0);
  input.rules.forEach((rule, r) => {
    const t = thresholdsOf(rule, input.members);
    if (rule.kind === "majority") {
      const z = `z${r}`;
      const deemed = t.deemedAttainedAt;
      if (deemed !== undefined) columns.push({ name: z, lower: 0, upper: 1, binary: true });
      addRow({
        name: `members${r}`,
        terms: [
          ...yes(() => 1),
          ...(deemed !== undefined ? [{ coef: -(deemed - t.minYes), name: z }] : []),
        ],
        sense: ">=",
        rhs: t.minYes - winners.length,
      });
      if (t.populationQuota !== undefined)
        addRow({
          name: `population${r}`,
          terms: [
            ...yes(pop),
            ...(deemed !== undefined ? [{ coef: t.populationQuota, name: z }] : []),
          ],
          sense: ">=",
          rhs: t.populationQuota - winnersPop,
        });
      return;
    }
    addRow({ name: `someone${r}`, terms: yes(() => 1), sense: ">=", rhs: 1 - winners.length });
    const limit = t.abstentionLimit;
    if (!limit) return;
    const u = `u${r}`;
    columns.push({ name: u, lower: 0, upper: 1, binary: true });
    addRow({
      name: `abstainers${r}`,
      terms: [...yes(() => -1), { coef: -losers.length, name: u }],
      sense: "<=",
      rhs: limit.members - 1 - losers.length,
    });
    addRow({
      name: `abstainPopulation${r}`,
      terms: [...yes((i) => -pop(i)), { coef: losersPop, name: u }],
      sense: "<=",
      rhs: limit.population - 1,
    });
  });
  cuts.forEach((set, c) => {
    const inSet = new Set(set);
    addRow({
      name: `cut${c}`,
      terms: yes((i) => (inSet.has(i) ? -1 : 1)),
      sense: ">=",
      rhs: 1 - inSet.size,
    });
  });
  if (infeasible !== undefined) return { infeasible };
  const objective = losers.map((i) => ({ coef: 1, name: tName(i) }));
  return { model: { objective, rows, columns } };
}

function holds(lhs: number, sense: Row["sense"], rhs: number): boolean {
  if (sense === ">=") return lhs >= rhs;
  if (sense === "<=") return lhs <= rhs;
  return lhs === rhs;
}
