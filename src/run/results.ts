/**
 * From the engine's trace to results an analyst reads: per actor (blocs as the sum of their
 * members) the loss over the horizon in the total measure and its parts (value added lost in
 * the chain, final use lost, losses downstream), absolute and as a share of GDP, its security
 * index, the worst month, when it recovered, and the goods whose shortage bound its output; per
 * good, world output over time. docs/model.md defines each figure.
 * @module
 */
import { lossParts } from "../losses/compute.js";
import { baselineSecurity, securityNumerator } from "../losses/security.js";
import type { Network } from "../network/network.js";
import type { Trace } from "../simulate/run.js";
import { figure, type RealWorld } from "../world/realised.js";

/** An actor has recovered once its monthly value-added loss stays below this share of baseline. */
export const RECOVERY_THRESHOLD = 0.01;

export interface ActorResult {
  id: string;
  name: string;
  kind: string;
  members?: string[];
  /** The total loss (welfare): USD over the horizon, negative for a gain (docs/model.md). */
  loss: number;
  /** loss / GDP over the horizon, when the world gives GDP. */
  lossGdpShare?: number;
  /** (a) Production value added lost in the chain's goods, USD over the horizon. */
  valueAddedLost: number;
  /** (b) Final use lost: its value at baseline prices plus consumer surplus lost, USD. */
  finalUseLost: number;
  finalUseValueLost: number;
  consumerSurplusLost: number;
  /** (c) Value added lost in the economy's sectors downstream of the chain, USD. */
  downstreamLost: number;
  /** Value of the stocks the actor drew down over the horizon (negative: built up), USD. */
  stockDrawn: number;
  /** The actor's value added embodied in the final use lost and stocks drawn anywhere (counted
   * there), USD. */
  embodiedLost: number;
  /** Baseline value added in the chain's goods over the horizon, USD. */
  valueAddedBaseline: number;
  /** Baseline value added in the downstream economy over the horizon, USD. */
  downstreamBaseline: number;
  /** valueAddedLost / valueAddedBaseline. */
  valueAddedLostShare: number;
  /** valueAddedLost / GDP over the horizon, when the world gives GDP. */
  valueAddedLostGdpShare?: number;
  /** 1 − the mean over the horizon of the security index (1 = baseline). */
  securityIndexLoss: number;
  securityIndexMin: number;
  /** Month (1-based) of the largest monthly loss (total measure); null if no month has a loss. */
  worstMonth: number | null;
  /** First month from which the monthly loss stays below RECOVERY_THRESHOLD (1%) of the
   * actor's baseline monthly value added; 0 if it never reached it, null if it is still above
   * it at the horizon. */
  recoveryMonth: number | null;
  /** Goods whose shortage bound the actor's output, with the value added lost while they did. */
  boundBy: { good: string; valueAddedLost: number }[];
  monthly: {
    loss: number[];
    valueAddedLost: number[];
    finalUseLost: number[];
    downstreamLost: number[];
    securityIndex: number[];
  };
}

export interface GoodResult {
  id: string;
  /** The good's name, for reports (the id is what the data and the JSON use). */
  name: string;
  unit: string;
  /** World output per month at baseline and in each month. */
  baseline: number;
  output: number[];
  /** Share of baseline world output lost over the horizon. */
  lostShare: number;
}

/** One production node: an actor's industry (or a firm), month by month. */
export interface NodeResult {
  id: string;
  actor: string;
  good: string;
  /** Baseline output per month. */
  baseline: number;
  output: number[];
  /** Baseline − output, per month (negative: above baseline). */
  shortfall: number[];
}

/** One pool: what an actor holds in stock of a good, month by month (end of month). */
export interface PoolResult {
  actor: string;
  good: string;
  stock: number[];
}

export interface SimulationResult {
  actors: ActorResult[];
  goods: GoodResult[];
  nodes: NodeResult[];
  pools: PoolResult[];
  conservation: { maxOverShipped: number; maxOverUsed: number };
}

export function summarizeTrace(world: RealWorld, net: Network, trace: Trace): SimulationResult {
  const T = trace.months;
  const N = net.nodeCount;
  const Q = net.poolCount;
  const A = net.actors.length;
  const G = net.goods.length;
  const va = net.goodValueAdded;
  const parts = lossParts(net, trace, true);
  const siNum = securityNumerator(net, trace, true);
  const siDen = baselineSecurity(net);

  const base = new Float64Array(A);
  const baseDown = new Float64Array(A);
  const bound = new Float64Array(A * G);
  for (let k = 0; k < N; k++) {
    const a = net.nodeActor[k]!;
    const g = net.nodeGood[k]!;
    const x0 = net.nodeBase[k]!;
    if (net.goodEconomy[g] === 1) baseDown[a] = baseDown[a]! + x0 * va[g]!;
    else base[a] = base[a]! + x0 * va[g]!;
    for (let t = 0; t < T; t++) {
      // What the binding input's shortage cost: output below the plan (the orders it had, within
      // its capacity), never the part of the fall that lost orders or lost capacity explain.
      const b = trace.bindingGood[t * N + k]!;
      if (b < 0) continue;
      const l = (Math.min(x0, trace.plan[t * N + k]!) - trace.output[t * N + k]!) * va[g]!;
      if (l > 0) bound[a * G + b] = bound[a * G + b]! + l;
    }
  }

  const index = new Map(net.actors.map((a, i) => [a, i]));
  const actors = world.actors.map((actor): ActorResult => {
    const members = actor.kind === "bloc" ? (actor.members ?? []) : [actor.id];
    const ids = members.map((m) => index.get(m)).filter((i): i is number => i !== undefined);
    const series = (of: (i: number) => number) =>
      Array.from({ length: T }, (_, t) => ids.reduce((s, a) => s + of(a * T + t), 0));
    const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
    const monthlyLoss = series((i) => parts.total[i]!);
    const monthlyVa = series((i) => parts.valueAdded[i]!);
    const monthlyDown = series((i) => parts.downstream[i]!);
    const monthlyFinal = series((i) => parts.finalUseValue[i]! + parts.consumerSurplus[i]!);
    const finalValue = sum(series((i) => parts.finalUseValue[i]!));
    const surplus = sum(series((i) => parts.consumerSurplus[i]!));
    const embodied = sum(series((i) => parts.embodied[i]!));
    const stockDrawn = sum(series((i) => parts.stockDrawn[i]!));
    const monthlySi = new Array<number>(T).fill(1);
    let baseline = 0;
    let baselineDown = 0;
    let den = 0;
    for (const i of ids) {
      baseline += base[i]!;
      baselineDown += baseDown[i]!;
      den += siDen[i]!;
    }
    for (let t = 0; t < T; t++) {
      let num = 0;
      for (const i of ids) num += siNum[i * T + t]!;
      monthlySi[t] = den > 0 ? num / den : 1;
    }
    const boundBy = net.goods
      .map((good, g) => ({ good, valueAddedLost: ids.reduce((s, i) => s + bound[i * G + g]!, 0) }))
      .filter((b) => b.valueAddedLost > 0)
      .sort((x, y) => y.valueAddedLost - x.valueAddedLost)
      .slice(0, 5);
    const lost = sum(monthlyVa);
    const loss = sum(monthlyLoss);
    const total = baseline * T;
    const gdp = members.reduce((s, m) => {
      const g = world.actors.find((x) => x.id === m)?.gdp;
      return g === undefined || Number.isNaN(s) ? Number.NaN : s + figure(g) * 1e9;
    }, 0);
    const result: ActorResult = {
      id: actor.id,
      name: actor.name,
      kind: actor.kind,
      loss,
      valueAddedLost: lost,
      finalUseLost: finalValue + surplus,
      finalUseValueLost: finalValue,
      consumerSurplusLost: surplus,
      downstreamLost: sum(monthlyDown),
      stockDrawn,
      embodiedLost: embodied,
      valueAddedBaseline: total,
      downstreamBaseline: baselineDown * T,
      valueAddedLostShare: total > 0 ? lost / total : 0,
      securityIndexLoss: 1 - monthlySi.reduce((s, x) => s + x, 0) / T,
      securityIndexMin: Math.min(...monthlySi),
      ...lossTiming(monthlyLoss, baseline + baselineDown),
      boundBy,
      monthly: {
        loss: monthlyLoss,
        valueAddedLost: monthlyVa,
        finalUseLost: monthlyFinal,
        downstreamLost: monthlyDown,
        securityIndex: monthlySi,
      },
    };
    if (actor.members) result.members = [...actor.members];
    if (gdp > 0) {
      result.lossGdpShare = loss / ((gdp * T) / 12);
      result.valueAddedLostGdpShare = lost / ((gdp * T) / 12);
    }
    return result;
  });

  const goods = net.goods.map((id, g): GoodResult => {
    let b = 0;
    const output = new Array<number>(T).fill(0);
    for (let k = 0; k < N; k++) {
      if (net.nodeGood[k] !== g) continue;
      b += net.nodeBase[k]!;
      for (let t = 0; t < T; t++) output[t] = output[t]! + trace.output[t * N + k]!;
    }
    const lost = output.reduce((s, y) => s + (b - y), 0);
    const good = world.goods.find((x) => x.id === id)!;
    return {
      id,
      name: good.name,
      unit: good.unit,
      baseline: b,
      output,
      lostShare: b > 0 ? lost / (b * T) : 0,
    };
  });

  const nodes = Array.from({ length: N }, (_, k): NodeResult => {
    const output = Array.from({ length: T }, (_, t) => trace.output[t * N + k]!);
    return {
      id: net.nodeId[k] ?? `${net.actors[net.nodeActor[k]!]}:${net.goods[net.nodeGood[k]!]}`,
      actor: net.actors[net.nodeActor[k]!]!,
      good: net.goods[net.nodeGood[k]!]!,
      baseline: net.nodeBase[k]!,
      output,
      shortfall: output.map((y) => net.nodeBase[k]! - y),
    };
  });
  const pools = Array.from(
    { length: Q },
    (_, q): PoolResult => ({
      actor: net.actors[net.poolActor[q]!]!,
      good: net.goods[net.poolGood[q]!]!,
      stock: Array.from({ length: T }, (_, t) => trace.stock[t * Q + q]!),
    }),
  );
  return {
    actors,
    goods,
    nodes,
    pools,
    conservation: {
      maxOverShipped: Math.max(0, ...trace.overShipped),
      maxOverUsed: Math.max(0, ...trace.overUsed),
    },
  };
}

/** An actor's worst month and recovery month from its monthly losses (docs/model.md, §5). */
export function lossTiming(
  monthly: number[],
  baseline: number,
): { worstMonth: number | null; recoveryMonth: number | null } {
  const threshold = RECOVERY_THRESHOLD * baseline;
  // The worst month is defined for every actor with a loss, however small; recovery is
  // measured against the threshold.
  let worst = -1;
  let last = -1;
  monthly.forEach((l, t) => {
    if (l > threshold) last = t;
    if (l > 0 && (worst < 0 || l > monthly[worst]!)) worst = t;
  });
  const worstMonth = worst < 0 ? null : worst + 1;
  if (last < 0) return { worstMonth, recoveryMonth: 0 };
  return { worstMonth, recoveryMonth: last === monthly.length - 1 ? null : last + 2 };
}
