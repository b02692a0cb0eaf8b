/**
 * The exposure of an actor (a bloc: all its members): which goods it buys from others, from
 * whom, with which stock buffer, and what it loses if each supplier withholds — one good at a
 * time, and everything at once. Volumes are the baseline network's flows into the actor's
 * pools (docs/model.md §2–3); losses are simulated over the horizon like the leverage matrix,
 * for the (supplier, good) pairs whose pessimistic estimate (`leverage/bound.ts`) reaches the
 * threshold, the estimate standing for the others. For a bloc, each member's dependence on
 * suppliers outside the bloc is listed too.
 * @module
 */
import { hhi } from "./concentration.js";
import { type AnalysisContext, demandInverseOf } from "./context.js";
import { allEntities, type Entity, overlaps } from "./entities.js";
import { type Estimate, estimateWithholding, material as reaches } from "./leverage/bound.js";
import { chainGoods, type WithholdTask } from "./leverage/withhold.js";
import { type Losses, securityLoss, sumOver } from "./value-added.js";

export const DEFAULT_EXPOSURE_THRESHOLD = 1e-4;

export interface ExposureOptions {
  horizon: number;
  /** Share of the actor's value added over the horizon below which a pair is not simulated. */
  threshold: number;
}

export interface GoodExposure {
  good: string;
  /** The actor's baseline receipts of the good per year, in its unit and in USD. */
  use: number;
  value: number;
  /** Shares of the receipts from the actor itself (its members) and from others, 0–1. */
  homeShare: number;
  importShare: number;
  /** HHI of the sources outside the actor; undefined without imports. */
  importHhi?: number;
  stockMonths: number;
}

export interface Dependency {
  good: string;
  supplier: string;
  /** Baseline receipts from the supplier per year, units and USD. */
  volume: number;
  value: number;
  /** Share of the actor's receipts of the good, 0–1. */
  shareOfUse: number;
  stockMonths: number;
  /** The actor's loss over the horizon (total measure) if the supplier withholds this good, USD. */
  loss: number;
  lossShare: number;
  /** Security-index loss over the horizon (0 when not simulated). */
  securityLoss: number;
  simulated: boolean;
}

export interface SupplierExposure {
  supplier: string;
  kind: string;
  /** Value of the baseline receipts from the supplier per year, USD. */
  imports: number;
  /** Value added lost over the horizon if the supplier withholds everything, USD. */
  loss: number;
  lossShare: number;
  securityLoss: number;
  simulated: boolean;
}

export interface MemberExposure {
  member: string;
  /** Value of receipts from outside the bloc per year and its share of all receipts. */
  extraImports: number;
  extraShare: number;
  /** Its largest dependencies on suppliers outside the bloc, by value. */
  top: { good: string; supplier: string; value: number; shareOfUse: number }[];
}

export interface Exposure {
  actor: { id: string; name: string; kind: string; members: string[] };
  horizon: number;
  threshold: number;
  /** Baseline value added in the modelled goods over the horizon, USD. */
  valueAdded: number;
  goods: GoodExposure[];
  dependencies: Dependency[];
  suppliers: SupplierExposure[];
  members?: MemberExposure[];
}

interface Flow {
  good: number;
  supplier: number;
  /** Monthly baseline volume. */
  volume: number;
}

export interface ExposurePlan {
  target: Entity;
  flows: Flow[];
  /** Per flow, then per supplier entity: whether it is simulated, and its estimate. */
  flowBound: number[];
  flowSimulated: boolean[];
  suppliers: { entity: Entity; bound: number; simulate: boolean }[];
  tasks: WithholdTask[];
}

/** Baseline monthly flows into `to`'s pools from network actors outside `to`, by good. */
function inflows(ctx: AnalysisContext, to: Int32Array): Flow[] {
  const { net } = ctx;
  const inside = new Uint8Array(net.actors.length);
  for (const a of to) inside[a] = 1;
  const acc = new Map<number, number>();
  for (let q = 0; q < net.poolCount; q++) {
    // Dependencies along the chain: the economy's sectors are where they bite, not what is cut.
    if (!inside[net.poolActor[q]!] || net.goodEconomy[net.poolGood[q]!] === 1) continue;
    for (let i = net.poolEdgeStart[q]!; i < net.poolEdgeStart[q + 1]!; i++) {
      const e = net.poolEdges[i]!;
      const s = net.nodeActor[net.edgeNode[e]!]!;
      if (inside[s] || !(net.edgeBase[e]! > 0)) continue;
      const key = net.poolGood[q]! * net.actors.length + s;
      acc.set(key, (acc.get(key) ?? 0) + net.edgeBase[e]!);
    }
  }
  return [...acc].map(([key, volume]) => ({
    good: Math.floor(key / net.actors.length),
    supplier: key % net.actors.length,
    volume,
  }));
}

/** The rows to simulate whatever their estimates say, by key (`dependencyKey`, the supplier's
 * id): a Monte Carlo draw simulates the rows its central analysis simulated, so that a row's
 * range is over the same kind of figure as its central value. */
export interface ExposureSimulated {
  dependencies: ReadonlySet<string>;
  suppliers: ReadonlySet<string>;
}

/** The key of a dependency row: good and supplier ids. */
export function dependencyKey(good: string, supplier: string): string {
  return `${good}|${supplier}`;
}

/** The simulations of an actor's exposure: the rows whose estimate reaches the threshold, or,
 * with `simulated`, the rows it names. */
export function exposurePlan(
  ctx: AnalysisContext,
  target: Entity,
  opts: ExposureOptions,
  simulated?: ExposureSimulated,
): ExposurePlan {
  const T = opts.horizon;
  const base = sumOver(ctx.baseValueAdded, target.members) * T;
  const inverse = demandInverseOf(ctx);
  const reached = (e: Estimate) => reaches(e, opts.threshold * base);
  const flows = inflows(ctx, target.members);
  const tasks: WithholdTask[] = [];
  const flowBound: number[] = [];
  const flowSimulated: boolean[] = [];
  for (const f of flows) {
    const task: WithholdTask = {
      from: Int32Array.of(f.supplier),
      to: target.members,
      goods: Int32Array.of(f.good),
      months: T,
    };
    const estimate = estimateWithholding(ctx.net, task, inverse);
    const simulate = simulated
      ? simulated.dependencies.has(
          dependencyKey(ctx.goods[f.good]!.id, ctx.net.actors[f.supplier]!),
        )
      : reached(estimate);
    flowBound.push(estimate.loss);
    flowSimulated.push(simulate);
    if (simulate) tasks.push(task);
  }
  const suppliers = allEntities(ctx.world, ctx.net)
    .filter((e) => e.id !== target.id && !overlaps(e.members, target.members))
    .filter((e) => flows.some((f) => e.members.includes(f.supplier)))
    .map((entity) => {
      const task: WithholdTask = {
        from: entity.members,
        to: target.members,
        goods: chainGoods(ctx.net),
        months: T,
      };
      const estimate = estimateWithholding(ctx.net, task, inverse);
      const simulate = simulated ? simulated.suppliers.has(entity.id) : reached(estimate);
      if (simulate) tasks.push(task);
      return { entity, bound: estimate.loss, simulate };
    });
  return { target, flows, flowBound, flowSimulated, suppliers, tasks };
}

export function exposure(
  ctx: AnalysisContext,
  opts: ExposureOptions,
  plan: ExposurePlan,
  results: readonly Losses[],
): Exposure {
  const { net } = ctx;
  const { target } = plan;
  const T = opts.horizon;
  const valueAdded = sumOver(ctx.baseValueAdded, target.members) * T;
  const share = (x: number) => (valueAdded > 0 ? x / valueAdded : 0);
  let next = 0;
  const lossOf = (): [number, number] => {
    const r = results[next++]!;
    return [
      sumOver(r.byActor, target.members),
      securityLoss(r, ctx.baseSecurity, target.members, T),
    ];
  };

  const receipts = new Float64Array(net.goods.length);
  const home = new Float64Array(net.goods.length);
  const inside = new Uint8Array(net.actors.length);
  for (const a of target.members) inside[a] = 1;
  for (let q = 0; q < net.poolCount; q++) {
    if (!inside[net.poolActor[q]!]) continue;
    const g = net.poolGood[q]!;
    receipts[g] = receipts[g]! + net.poolBase[q]!;
    for (let i = net.poolEdgeStart[q]!; i < net.poolEdgeStart[q + 1]!; i++) {
      const e = net.poolEdges[i]!;
      if (inside[net.nodeActor[net.edgeNode[e]!]!]) home[g] = home[g]! + net.edgeBase[e]!;
    }
  }

  const dependencies = plan.flows.map((f, i): Dependency => {
    const g = ctx.goods[f.good]!;
    const [loss, security] = plan.flowSimulated[i] ? lossOf() : [plan.flowBound[i]!, 0];
    return {
      good: g.id,
      supplier: net.actors[f.supplier]!,
      volume: 12 * f.volume,
      value: 12 * f.volume * g.price,
      shareOfUse: receipts[f.good]! > 0 ? f.volume / receipts[f.good]! : 0,
      stockMonths: g.stockMonths,
      loss,
      lossShare: share(loss),
      securityLoss: security,
      simulated: plan.flowSimulated[i]!,
    };
  });
  dependencies.sort(
    (a, b) =>
      b.loss - a.loss ||
      b.shareOfUse - a.shareOfUse ||
      a.good.localeCompare(b.good) ||
      a.supplier.localeCompare(b.supplier),
  );

  const suppliers = plan.suppliers.map((s): SupplierExposure => {
    const [loss, security] = s.simulate ? lossOf() : [s.bound, 0];
    const imports = plan.flows
      .filter((f) => s.entity.members.includes(f.supplier))
      .reduce((sum, f) => sum + 12 * f.volume * ctx.goods[f.good]!.price, 0);
    return {
      supplier: s.entity.id,
      kind: s.entity.kind,
      imports,
      loss,
      lossShare: share(loss),
      securityLoss: security,
      simulated: s.simulate,
    };
  });
  // Security loss first: withholding everything can raise the value added of an actor whose
  // own industry replaces the supply, while it still goes short of what it cannot make.
  suppliers.sort(
    (a, b) => b.securityLoss - a.securityLoss || b.loss - a.loss || b.imports - a.imports,
  );

  const goods: GoodExposure[] = [];
  ctx.goods.forEach((g, i) => {
    if (!(receipts[i]! > 0)) return;
    const imported = plan.flows.filter((f) => f.good === i);
    const item: GoodExposure = {
      good: g.id,
      use: 12 * receipts[i]!,
      value: 12 * receipts[i]! * g.price,
      homeShare: home[i]! / receipts[i]!,
      importShare: imported.reduce((s, f) => s + f.volume, 0) / receipts[i]!,
      stockMonths: g.stockMonths,
    };
    const h = hhi(imported.map((f) => f.volume));
    if (h !== undefined) item.importHhi = h;
    goods.push(item);
  });

  const doc: Exposure = {
    actor: {
      id: target.id,
      name: target.name,
      kind: target.kind,
      members: Array.from(target.members, (m) => net.actors[m]!),
    },
    horizon: T,
    threshold: opts.threshold,
    valueAdded,
    goods,
    dependencies,
    suppliers,
  };
  if (target.kind === "bloc") doc.members = memberExposures(ctx, target);
  return doc;
}

function memberExposures(ctx: AnalysisContext, bloc: Entity): MemberExposure[] {
  const { net } = ctx;
  const inBloc = new Uint8Array(net.actors.length);
  for (const a of bloc.members) inBloc[a] = 1;
  return Array.from(bloc.members, (m): MemberExposure => {
    let all = 0;
    let extra = 0;
    const deps: MemberExposure["top"] = [];
    for (let q = 0; q < net.poolCount; q++) {
      if (net.poolActor[q] !== m) continue;
      const g = ctx.goods[net.poolGood[q]!]!;
      const bySupplier = new Map<number, number>();
      for (let i = net.poolEdgeStart[q]!; i < net.poolEdgeStart[q + 1]!; i++) {
        const e = net.poolEdges[i]!;
        const s = net.nodeActor[net.edgeNode[e]!]!;
        all += net.edgeBase[e]! * g.price;
        if (inBloc[s]) continue;
        extra += net.edgeBase[e]! * g.price;
        bySupplier.set(s, (bySupplier.get(s) ?? 0) + net.edgeBase[e]!);
      }
      for (const [s, v] of bySupplier) {
        deps.push({
          good: g.id,
          supplier: net.actors[s]!,
          value: 12 * v * g.price,
          shareOfUse: net.poolBase[q]! > 0 ? v / net.poolBase[q]! : 0,
        });
      }
    }
    deps.sort((a, b) => b.value - a.value || a.good.localeCompare(b.good));
    return {
      member: net.actors[m]!,
      extraImports: 12 * extra,
      extraShare: all > 0 ? extra / all : 0,
      top: deps.slice(0, 3),
    };
  });
}
