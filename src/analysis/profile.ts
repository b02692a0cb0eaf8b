/**
 * An actor's profile: its chokepoints (its rows of the chokepoint table, a bloc's members
 * summed, with the rank each would take in the world table), its exposure, and its leverage
 * over and under each major power — the damage it can do by withholding everything it ships to
 * the power and its cost, the same the other way, and the asymmetry. Every leverage pair of a
 * profile is simulated.
 * @module
 */
import { concatTasks, splitResults } from "./batch.js";
import {
  type ChokepointRow,
  type ChokepointTable,
  chokepointRowsOf,
  chokepointTasks,
} from "./chokepoints.js";
import { type AnalysisContext, demandInverseOf } from "./context.js";
import { type Entity, entityOf, overlaps } from "./entities.js";
import { type Exposure, exposure, exposurePlan } from "./exposure.js";
import { estimateWithholding } from "./leverage/bound.js";
import { type LeverageCell, leverageCell } from "./leverage/matrix.js";
import { chainGoods, type WithholdTask } from "./leverage/withhold.js";
import { DEFAULT_MAJOR_POWERS } from "./powers.js";
import type { Losses } from "./value-added.js";

export interface ProfileOptions {
  horizon: number;
  /** Threshold of the exposure's simulations (share of the actor's value added). */
  exposureThreshold: number;
  powers?: readonly string[];
}

export interface PowerLeverage {
  power: string;
  name: string;
  /** The actor withholding from the power, and the power withholding from the actor. */
  over: LeverageCell;
  under: LeverageCell;
}

export interface Profile {
  actor: Exposure["actor"];
  horizon: number;
  /** The actor's rows, best score first; `rank` is the rank it would take in the world table. */
  chokepoints: ChokepointRow[];
  /** Criticality of every good, as in the chokepoint table. */
  goods: ChokepointTable["goods"];
  exposure: Exposure;
  leverage: PowerLeverage[];
}

export interface ProfilePlan {
  target: Entity;
  powers: Entity[];
  groups: WithholdTask[][];
  exposure: ReturnType<typeof exposurePlan>;
}

export function profilePlan(
  ctx: AnalysisContext,
  target: Entity,
  opts: ProfileOptions,
): ProfilePlan {
  const T = opts.horizon;
  const ids = opts.powers ?? DEFAULT_MAJOR_POWERS;
  const known = new Set(ctx.world.actors.map((a) => a.id));
  const powers = ids
    .filter((id) => known.has(id) && id !== target.id)
    .map((id) => entityOf(ctx.world, ctx.net, id))
    .filter((p) => !overlaps(p.members, target.members));
  const exp = exposurePlan(ctx, target, { horizon: T, threshold: opts.exposureThreshold });
  const pairs = powers.flatMap((p) => [
    { from: target.members, to: p.members, goods: chainGoods(ctx.net), months: T },
    { from: p.members, to: target.members, goods: chainGoods(ctx.net), months: T },
  ]);
  return { target, powers, exposure: exp, groups: [chokepointTasks(ctx, T), exp.tasks, pairs] };
}

export function profileTasks(plan: ProfilePlan): WithholdTask[] {
  return concatTasks(plan.groups);
}

export function profile(
  ctx: AnalysisContext,
  opts: ProfileOptions,
  plan: ProfilePlan,
  results: readonly Losses[],
): Profile {
  const T = opts.horizon;
  const [choke, exp, pairs] = splitResults(plan.groups, results) as [Losses[], Losses[], Losses[]];
  const { target } = plan;
  const members = Array.from(target.members, (m) => ctx.net.actors[m]!);
  const own = chokepointRowsOf(
    ctx,
    choke,
    { id: target.id, kind: target.kind, members },
    { horizon: T },
  );
  const chokepoints = own.rows;
  const inverse = demandInverseOf(ctx);
  const leverage = plan.powers.map((p, i): PowerLeverage => {
    const overTask = plan.groups[2]![2 * i]!;
    const underTask = plan.groups[2]![2 * i + 1]!;
    const over = leverageCell(
      ctx,
      { from: target, to: p, estimate: estimateWithholding(ctx.net, overTask, inverse) },
      T,
      pairs[2 * i]!,
    );
    const under = leverageCell(
      ctx,
      { from: p, to: target, estimate: estimateWithholding(ctx.net, underTask, inverse) },
      T,
      pairs[2 * i + 1]!,
    );
    over.asymmetry = over.damage - under.damage;
    over.asymmetryShare = over.damageShare - under.damageShare;
    under.asymmetry = -over.asymmetry;
    under.asymmetryShare = -over.asymmetryShare;
    return { power: p.id, name: p.name, over, under };
  });
  return {
    actor: {
      id: target.id,
      name: target.name,
      kind: target.kind,
      members: Array.from(target.members, (m) => ctx.net.actors[m]!),
    },
    horizon: T,
    chokepoints,
    goods: own.goods,
    exposure: exposure(ctx, { horizon: T, threshold: opts.exposureThreshold }, plan.exposure, exp),
    leverage,
  };
}
