/**
 * The leverage matrix: for every ordered pair (a, b) of actors, the damage a does to b by
 * withholding everything it ships to b along the chain (every good but the economy's sectors)
 * over a horizon — b's loss in the engine, where stocks
 * run down, b turns to third countries and other suppliers ramp up, in the total loss measure by
 * default (final use b goes without, with its consumer surplus, and the value added b's
 * industries and downstream economy lose; `losses/`) — and a's own cost in the same measure
 * (mostly its lost exports); the asymmetry is L[a][b] − L[b][a].
 *
 * Actors are the states and blocs of the world (a bloc withholds with all its members and is
 * hit in all of them; a bloc and its own members are not paired). `ROW` is left out: it is not
 * one decision-maker. A pair is simulated when the pessimistic estimate of b's loss, or of its
 * gain (`bound.ts`), reaches `threshold` × b's value added over the horizon; below that, the
 * cell carries the estimated loss as its damage and the first-order cost (the demand cascade,
 * `cost.ts`), marked `simulated: false`. `threshold: 0` simulates every pair.
 *
 * `leveragePlan` lists the simulations; `leverageMatrix` assembles their results, so the
 * simulations can run here (`runTasks`) or on worker threads (`node/leverage-parallel.ts`).
 * @module
 */
import type { LossMeasure } from "../../losses/measure.js";
import { type AnalysisContext, demandInverseOf } from "../context.js";
import { allEntities, type Entity, overlaps } from "../entities.js";
import { type Losses, securityLoss, sumOver } from "../value-added.js";
import { type Estimate, estimateWithholding, material } from "./bound.js";
import { chainGoods, type WithholdTask } from "./withhold.js";

export const DEFAULT_LEVERAGE_HORIZON = 24;
export const DEFAULT_LEVERAGE_THRESHOLD = 1e-3;

export interface LeverageOptions {
  horizon: number;
  /** Share of the target's value added over the horizon below which a pair is not simulated. */
  threshold: number;
  /** Actor ids to include (default: every state and bloc). */
  actors?: readonly string[];
  /** The loss measure of damage and cost (default: the total). */
  measure?: LossMeasure;
}

export interface LeverageActor {
  id: string;
  name: string;
  kind: string;
  members: string[];
  /** Baseline value added in the modelled goods over the horizon, USD. */
  valueAdded: number;
}

export interface LeverageCell {
  from: string;
  to: string;
  /** The target's loss over the horizon in the measure, USD (negative: a gain). */
  damage: number;
  /** damage / the target's baseline value added over the horizon. */
  damageShare: number;
  /** The target's security-index loss (1 − its mean index over the horizon); 0 when not
   * simulated. */
  securityLoss: number;
  /** The withholder's loss over the horizon in the same measure, USD. */
  cost: number;
  costShare: number;
  /** Value of the baseline exports withheld over the horizon, USD (price × volume). */
  exports: number;
  /** L[from][to] − L[to][from], in USD and in shares of each one's value added. */
  asymmetry: number;
  asymmetryShare: number;
  /** Whether damage and cost come from the engine (else the bound and the first-order cost). */
  simulated: boolean;
  /** The estimates used to decide: the pessimistic damage and the largest gain (USD). */
  damageBound: number;
  gainBound: number;
  /** For a bloc, its members' part of the damage (as target) or of the cost (as withholder). */
  members?: Record<string, number>;
}

export interface LeverageMatrix {
  horizon: number;
  threshold: number;
  actors: LeverageActor[];
  cells: LeverageCell[];
  simulatedPairs: number;
}

export interface LeveragePair {
  from: Entity;
  to: Entity;
  estimate: Estimate;
  simulate: boolean;
}

export interface LeveragePlan {
  pairs: LeveragePair[];
  /** One task per pair to simulate, in the order of the simulated pairs. */
  tasks: WithholdTask[];
}

export function leverageEntities(ctx: AnalysisContext, ids?: readonly string[]): Entity[] {
  const all = allEntities(ctx.world, ctx.net).filter((e) => e.kind !== "aggregate");
  return ids ? all.filter((e) => ids.includes(e.id)) : all;
}

/** The key of a pair (a cell): the withholder's and the target's ids. */
export function pairKey(from: string, to: string): string {
  return `${from}|${to}`;
}

/** The simulations of the matrix: the pairs whose estimates reach the threshold, or, with
 * `simulated` (keys by `pairKey`), the pairs it names — a Monte Carlo draw simulates the pairs
 * its central matrix simulated, so that a cell's range is over the same kind of figure as its
 * central value. */
export function leveragePlan(
  ctx: AnalysisContext,
  opts: LeverageOptions,
  simulated?: ReadonlySet<string>,
): LeveragePlan {
  const entities = leverageEntities(ctx, opts.actors);
  const pairs: LeveragePair[] = [];
  const tasks: WithholdTask[] = [];
  const inverse = demandInverseOf(ctx);
  const chain = chainGoods(ctx.net);
  for (const from of entities) {
    for (const to of entities) {
      if (from.id === to.id || overlaps(from.members, to.members)) continue;
      const task: WithholdTask = {
        from: from.members,
        to: to.members,
        goods: chain,
        months: opts.horizon,
      };
      if (opts.measure !== undefined) task.measure = opts.measure;
      const estimate = estimateWithholding(ctx.net, task, inverse);
      const base = sumOver(ctx.baseValueAdded, to.members) * opts.horizon;
      const simulate = simulated
        ? simulated.has(pairKey(from.id, to.id))
        : material(estimate, opts.threshold * base);
      pairs.push({ from, to, estimate, simulate });
      if (simulate) tasks.push(task);
    }
  }
  return { pairs, tasks };
}

/** One cell: from the simulation's result when there is one, else the bound and the
 * first-order cost. Asymmetry is left at 0 (`withAsymmetry` fills it). */
export function leverageCell(
  ctx: AnalysisContext,
  pair: { from: Entity; to: Entity; estimate: Estimate },
  horizon: number,
  result?: Losses,
): LeverageCell {
  const { from, to, estimate } = pair;
  const first = estimate.demand;
  const cell: LeverageCell = {
    from: from.id,
    to: to.id,
    damage: estimate.loss,
    damageShare: 0,
    securityLoss: 0,
    cost: first.withholder,
    costShare: 0,
    exports: first.exports,
    asymmetry: 0,
    asymmetryShare: 0,
    simulated: result !== undefined,
    damageBound: estimate.loss,
    gainBound: estimate.gain,
  };
  if (result) {
    const losses = result.byActor;
    cell.damage = sumOver(losses, to.members);
    cell.cost = sumOver(losses, from.members);
    cell.securityLoss = securityLoss(result, ctx.baseSecurity, to.members, horizon);
    const bloc = to.kind === "bloc" ? to : from.kind === "bloc" ? from : undefined;
    if (bloc) {
      cell.members = Object.fromEntries(
        Array.from(bloc.members, (i) => [ctx.net.actors[i]!, losses[i]!]),
      );
    }
  }
  const toBase = sumOver(ctx.baseValueAdded, to.members) * horizon;
  const fromBase = sumOver(ctx.baseValueAdded, from.members) * horizon;
  cell.damageShare = toBase > 0 ? cell.damage / toBase : 0;
  cell.costShare = fromBase > 0 ? cell.cost / fromBase : 0;
  return cell;
}

/** Fills each cell's asymmetry from the cell of the reverse pair (0 when it is absent). */
export function withAsymmetry(cells: LeverageCell[]): LeverageCell[] {
  const byKey = new Map(cells.map((c) => [pairKey(c.from, c.to), c]));
  for (const c of cells) {
    const back = byKey.get(pairKey(c.to, c.from));
    c.asymmetry = c.damage - (back?.damage ?? 0);
    c.asymmetryShare = c.damageShare - (back?.damageShare ?? 0);
  }
  return cells;
}

/** Assembles the matrix from the plan and the results of its tasks (same order). */
export function leverageMatrix(
  ctx: AnalysisContext,
  opts: LeverageOptions,
  plan: LeveragePlan,
  results: readonly Losses[],
): LeverageMatrix {
  const T = opts.horizon;
  const actors = leverageEntities(ctx, opts.actors).map(
    (e): LeverageActor => ({
      id: e.id,
      name: e.name,
      kind: e.kind,
      members: Array.from(e.members, (i) => ctx.net.actors[i]!),
      valueAdded: sumOver(ctx.baseValueAdded, e.members) * T,
    }),
  );
  let next = 0;
  const cells = plan.pairs.map((p) =>
    leverageCell(ctx, p, T, p.simulate ? results[next++]! : undefined),
  );
  withAsymmetry(cells);
  return { horizon: T, threshold: opts.threshold, actors, cells, simulatedPairs: next };
}
