/**
 * Compiles a country-level world into the production network: one node per supplier of a good,
 * one pool per user of a good, and an edge from every supplier of a good to every pool of it
 * (the pooled market: any supplier may serve any buyer), carrying the baseline flow of the
 * balanced baseline year (`world/baseline.ts`) per month. The export controls in force shape
 * that baseline, and their routes are listed on the network (`standing`), so that every run
 * holds them at their baseline flows (`scenario/standing.ts`); a recipe need the baseline
 * dropped or scaled for a user cut off by them has its coefficient scaled alike.
 * @module
 */
import { type Baseline, baselineOf } from "../world/baseline.js";
import { standingControls } from "../world/controls.js";
import { figure, type RealWorld } from "../world/realised.js";

import { finishNetwork, goodParameters, type Network, type StandingRoute } from "./network.js";

export interface CompileOptions {
  /** (actor, good) pairs that need a node even without baseline output (investments). */
  extraNodes?: readonly { actor: string; good: string }[];
}

export function compileWorld(world: RealWorld, options: CompileOptions = {}): Network {
  const baseline = baselineOf(world);
  const goods = world.goods.map((g) => g.id);
  const goodIndex = new Map(goods.map((g, i) => [g, i]));
  const actors = world.actors.filter((a) => a.kind !== "bloc").map((a) => a.id);
  const actorIndex = new Map(actors.map((a, i) => [a, i]));
  const G = goods.length;

  // Suppliers (nodes) and users (pools) per good, in the baseline's order, plus extra nodes.
  const suppliers: string[][] = baseline.goods.map((gb) => [...gb.suppliers]);
  const users: string[][] = baseline.goods.map((gb) => [...gb.users]);
  for (const x of options.extraNodes ?? []) {
    const j = goodIndex.get(x.good)!;
    if (!suppliers[j]!.includes(x.actor)) suppliers[j]!.push(x.actor);
  }
  // Every node needs a pool for each input of its recipe.
  world.goods.forEach((g, j) => {
    for (const r of g.recipe ?? []) {
      const i = goodIndex.get(r.input)!;
      for (const a of suppliers[j]!) if (!users[i]!.includes(a)) users[i]!.push(a);
    }
  });

  const nodeIds: string[] = [];
  const nodeGood: number[] = [];
  const nodeActor: number[] = [];
  const nodeCapacity: number[] = [];
  const nodeIndex = new Map<string, number>();
  const poolGood: number[] = [];
  const poolActor: number[] = [];
  const poolFinal: number[] = [];
  const poolStockMonths: number[] = [];
  const poolIndex = new Map<string, number>();
  for (let i = 0; i < G; i++) {
    const good = world.goods[i]!;
    const gb = baseline.goods[i]!;
    const utilisation = figure(good.utilisation ?? 1);
    suppliers[i]!.forEach((a, si) => {
      const row = world.suppliers.find((s) => s.good === good.id && s.actor === a);
      const u = row?.utilisation !== undefined ? figure(row.utilisation) : utilisation;
      const out = si < gb.suppliers.length ? gb.output[si]! / 12 : 0;
      nodeIndex.set(`${a}|${good.id}`, nodeIds.length);
      nodeIds.push(`${a}:${good.id}`);
      nodeGood.push(i);
      nodeActor.push(actorIndex.get(a)!);
      nodeCapacity.push(out / u);
    });
    users[i]!.forEach((a, ui) => {
      poolIndex.set(`${a}|${good.id}`, poolGood.length);
      poolGood.push(i);
      poolActor.push(actorIndex.get(a)!);
      poolFinal.push(ui < gb.users.length ? gb.finalUse[ui]! / 12 : 0);
      poolStockMonths.push(figure(good.stockMonths));
    });
  }

  // Recipe links, by node.
  const linkStart = [0];
  const linkPool: number[] = [];
  const linkCoef: number[] = [];
  const linkCrit: number[] = [];
  nodeIds.forEach((_, k) => {
    const good = world.goods[nodeGood[k]!]!;
    const actor = actors[nodeActor[k]!]!;
    for (const r of good.recipe ?? []) {
      linkPool.push(poolIndex.get(`${actor}|${r.input}`)!);
      linkCoef.push(figure(r.perUnit) * needScale(baseline, goodIndex.get(r.input)!, actor));
      linkCrit.push(figure(r.criticality));
    }
    linkStart.push(linkPool.length);
  });

  // Supply edges, by node: to every pool of the node's good.
  const edgeStart = [0];
  const edgePool: number[] = [];
  const edgeBase: number[] = [];
  nodeIds.forEach((_, k) => {
    const i = nodeGood[k]!;
    const gb = baseline.goods[i]!;
    const actor = actors[nodeActor[k]!]!;
    const si = gb.suppliers.indexOf(actor);
    const U = gb.users.length;
    for (const user of users[i]!) {
      const ui = gb.users.indexOf(user);
      edgePool.push(poolIndex.get(`${user}|${goods[i]}`)!);
      edgeBase.push(si >= 0 && ui >= 0 ? gb.flows[si * U + ui]! / 12 : 0);
    }
    edgeStart.push(edgePool.length);
  });

  const standing = standingRoutes(world, {
    actorIndex,
    goodIndex,
    nodeGood,
    nodeActor,
    edgeStart,
    edgePool,
    poolActor,
  });
  return finishNetwork({
    ...(standing.length > 0 ? { standing } : {}),
    ...goodParameters(world),
    actors,
    nodeCount: nodeIds.length,
    nodeId: nodeIds,
    nodeGood: Int32Array.from(nodeGood),
    nodeActor: Int32Array.from(nodeActor),
    nodeCapacity: Float64Array.from(nodeCapacity),
    poolCount: poolGood.length,
    poolGood: Int32Array.from(poolGood),
    poolActor: Int32Array.from(poolActor),
    poolFinal: Float64Array.from(poolFinal),
    poolStockMonths: Float64Array.from(poolStockMonths),
    linkStart: Int32Array.from(linkStart),
    linkPool: Int32Array.from(linkPool),
    linkCoef: Float64Array.from(linkCoef),
    linkCrit: Float64Array.from(linkCrit),
    edgeStart: Int32Array.from(edgeStart),
    edgePool: Int32Array.from(edgePool),
    edgeBase: Float64Array.from(edgeBase),
  });
}

/** The share of its need for good `i` that the baseline keeps for `actor` (1 if not a user). */
function needScale(baseline: Baseline, i: number, actor: string): number {
  const gb = baseline.goods[i]!;
  const u = gb.users.indexOf(actor);
  return u < 0 ? 1 : gb.needScale[u]!;
}

/** The edges of each control in force: from its exporters' nodes of its goods to its targets'
 * pools, never an actor to itself (the edges an `export_control` on the same route selects). */
function standingRoutes(
  world: RealWorld,
  n: {
    actorIndex: Map<string, number>;
    goodIndex: Map<string, number>;
    nodeGood: number[];
    nodeActor: number[];
    edgeStart: number[];
    edgePool: number[];
    poolActor: number[];
  },
): StandingRoute[] {
  const ids = (actors: Set<string>) =>
    new Set([...actors].flatMap((a) => (n.actorIndex.has(a) ? [n.actorIndex.get(a)!] : [])));
  return standingControls(world).map((c) => {
    const from = ids(c.from);
    const to = ids(c.to);
    const goods = new Set([...c.goods].map((g) => n.goodIndex.get(g)));
    const edges: number[] = [];
    n.nodeGood.forEach((g, k) => {
      const a = n.nodeActor[k]!;
      if (!from.has(a) || !goods.has(g)) return;
      for (let e = n.edgeStart[k]!; e < n.edgeStart[k + 1]!; e++) {
        const b = n.poolActor[n.edgePool[e]!]!;
        if (to.has(b) && b !== a) edges.push(e);
      }
    });
    return { id: c.control.id, edges: Int32Array.from(edges), leakage: c.leakage };
  });
}

/** Index of a node by actor and good, or -1. */
export function findNode(net: Network, actor: string, good: string): number {
  const a = net.actors.indexOf(actor);
  const g = net.goods.indexOf(good);
  for (let k = 0; k < net.nodeCount; k++)
    if (net.nodeActor[k] === a && net.nodeGood[k] === g) return k;
  return -1;
}
