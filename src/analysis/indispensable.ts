/**
 * Where a bloc (the EU) is indispensable: the goods where it is a chokepoint (its members'
 * supplier rows summed, ranked by chokepoint score, with the members that make them), and, for
 * its strongest goods, how much each major power depends on it — the share of the power's
 * receipts of the good that come from the bloc, the power's stock of it, and what the power
 * would lose over the horizon if the bloc withheld that good alone (simulated; powers that do
 * not buy the good from the bloc are left out).
 * `run/indispensability.ts` runs it through a task executor for a report.
 * @module
 */
import type { RealWorld } from "../world/realised.js";
import { type ChokepointRow, chokepointTable, chokepointTasks } from "./chokepoints.js";
import { type AnalysisContext, analysisContext } from "./context.js";
import { type Entity, entityOf, overlaps } from "./entities.js";
import type { WithholdTask } from "./leverage/withhold.js";
import { DEFAULT_MAJOR_POWERS } from "./powers.js";
import { type Losses, securityLoss, sumOver } from "./value-added.js";

export const DEFAULT_INDISPENSABLE_HORIZON = 24;
/** Members listed as makers of a good: at least this share of world output (at most five). */
const MAKER_SHARE = 0.005;

export interface IndispensabilityOptions {
  horizon: number;
  /** The bloc (default EU). */
  bloc?: string;
  /** Its goods examined against each power (default 5, by chokepoint score). */
  goods?: number;
  powers?: readonly string[];
}

export interface BlocChokepoint extends ChokepointRow {
  /** Members that make at least 0.5% of world output of the good, largest first (up to 5). */
  makers: { actor: string; share: number }[];
}

export interface PowerDependence {
  good: string;
  power: string;
  /** Share of the power's baseline receipts of the good that come from the bloc. */
  shareFromBloc: number;
  stockMonths: number;
  /** The power's loss over the horizon (total measure) if the bloc withholds the good, USD. */
  loss: number;
  lossShare: number;
  securityLoss: number;
}

export interface Indispensability {
  bloc: { id: string; name: string };
  horizon: number;
  chokepoints: BlocChokepoint[];
  dependence: PowerDependence[];
}

interface IndispensabilityPlan {
  bloc: Entity;
  powers: Entity[];
  tasks: WithholdTask[];
}

function indispensabilityPlan(
  ctx: AnalysisContext,
  opts: IndispensabilityOptions,
  top: readonly number[],
): IndispensabilityPlan {
  const bloc = entityOf(ctx.world, ctx.net, opts.bloc ?? "EU");
  const known = new Set(ctx.world.actors.map((a) => a.id));
  const powers = (opts.powers ?? DEFAULT_MAJOR_POWERS)
    .filter((id) => known.has(id) && id !== bloc.id)
    .map((id) => entityOf(ctx.world, ctx.net, id))
    .filter((p) => !overlaps(p.members, bloc.members));
  const tasks = top.flatMap((g) =>
    powers.map((p) => ({
      from: bloc.members,
      to: p.members,
      goods: Int32Array.of(g),
      months: opts.horizon,
    })),
  );
  return { bloc, powers, tasks };
}

/** The bloc's chokepoint rows, from the simulated criticalities. */
function blocRows(ctx: AnalysisContext, bloc: Entity, choke: Losses[], horizon: number) {
  const members = Array.from(bloc.members, (m) => ctx.net.actors[m]!);
  const table = chokepointTable(ctx, choke, {
    horizon,
    actors: [{ id: bloc.id, kind: bloc.kind, members }],
  });
  const inBloc = new Set(members);
  return table.rows.map(
    (r): BlocChokepoint => ({
      ...r,
      makers: ctx.goods
        .find((g) => g.id === r.good)!
        .suppliers.filter((s) => inBloc.has(s.actor) && s.share >= MAKER_SHARE)
        .slice(0, 5)
        .map((s) => ({ actor: s.actor, share: s.share })),
    }),
  );
}

/**
 * The section's work in two batches of simulations, each run by `run` (a task executor:
 * `run/indispensability.ts` passes one): the chokepoint tasks, then the withholding of the
 * bloc's strongest goods from each power.
 */
export async function indispensabilityWith(
  world: RealWorld,
  opts: IndispensabilityOptions,
  run: (ctx: AnalysisContext, tasks: WithholdTask[]) => Promise<Losses[]>,
): Promise<Indispensability> {
  const ctx = analysisContext(world);
  const bloc = entityOf(ctx.world, ctx.net, opts.bloc ?? "EU");
  const choke = await run(ctx, chokepointTasks(ctx, opts.horizon));
  const rows = blocRows(ctx, bloc, choke, opts.horizon);
  const top = rows.slice(0, opts.goods ?? 5).map((r) => ctx.net.goods.indexOf(r.good));
  const plan = indispensabilityPlan(ctx, opts, top);
  const results = await run(ctx, plan.tasks);
  return assemble(ctx, opts, plan, rows, top, results);
}

function assemble(
  ctx: AnalysisContext,
  opts: IndispensabilityOptions,
  plan: IndispensabilityPlan,
  rows: BlocChokepoint[],
  top: readonly number[],
  results: readonly Losses[],
): Indispensability {
  const T = opts.horizon;
  const { net } = ctx;
  const inBloc = new Uint8Array(net.actors.length);
  for (const a of plan.bloc.members) inBloc[a] = 1;
  let next = 0;
  const dependence = top
    .flatMap((g) =>
      plan.powers.map((p): PowerDependence | undefined => {
        const r = results[next++]!;
        const inside = new Uint8Array(net.actors.length);
        for (const a of p.members) inside[a] = 1;
        let all = 0;
        let fromBloc = 0;
        for (let q = 0; q < net.poolCount; q++) {
          if (net.poolGood[q] !== g || !inside[net.poolActor[q]!]) continue;
          for (let i = net.poolEdgeStart[q]!; i < net.poolEdgeStart[q + 1]!; i++) {
            const e = net.poolEdges[i]!;
            all += net.edgeBase[e]!;
            if (inBloc[net.nodeActor[net.edgeNode[e]!]!]) fromBloc += net.edgeBase[e]!;
          }
        }
        if (!(fromBloc > 0)) return undefined;
        const loss = sumOver(r.byActor, p.members);
        const base = sumOver(ctx.baseValueAdded, p.members) * T;
        return {
          good: net.goods[g]!,
          power: p.id,
          shareFromBloc: all > 0 ? fromBloc / all : 0,
          stockMonths: ctx.goods[g]!.stockMonths,
          loss,
          lossShare: base > 0 ? loss / base : 0,
          securityLoss: securityLoss(r, ctx.baseSecurity, p.members, T),
        };
      }),
    )
    .filter((d): d is PowerDependence => d !== undefined);
  return {
    bloc: { id: plan.bloc.id, name: plan.bloc.name },
    horizon: T,
    chokepoints: rows,
    dependence,
  };
}
