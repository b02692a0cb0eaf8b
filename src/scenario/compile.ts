/**
 * Compiles a scenario's measures into the engine's controls over a network: export controls
 * become caps on the edges from the exporters' nodes to the targets' pools, shocks and
 * investments become capacity changes, agreements guaranteed flows, stockpiles stock targets.
 * @module
 */
import type { Network } from "../network/network.js";
import type { Controls } from "../simulate/controls.js";
import type { World } from "../world/schema.js";
import { resolveRefs } from "./refs.js";
import type { Scenario } from "./schema.js";

/** The (actor, good) nodes a scenario needs that the baseline may lack: its investments. */
export function extraNodes(s: Scenario): { actor: string; good: string }[] {
  return s.measures.flatMap((m) =>
    m.type === "investment" ? [{ actor: m.actor, good: m.good }] : [],
  );
}

export function compileScenario(s: Scenario, world: World, net: Network): Controls {
  const controls: Controls = { caps: [], guarantees: [], capacity: [], stocks: [] };
  const groups = s.groups ?? [];
  const actorIdx = new Map(net.actors.map((a, i) => [a, i]));
  const goodIdx = new Map(net.goods.map((g, i) => [g, i]));
  const idsOf = (refs: readonly string[]) =>
    new Set([...resolveRefs(world, groups, refs)].map((a) => actorIdx.get(a)!));
  const goodsOf = (ids: readonly string[]) => new Set(ids.map((g) => goodIdx.get(g)!));

  /** Edges from nodes of `from` to pools of `to` for `goods` (never an actor to itself). */
  const routes = (m: { from: string[]; to: string[]; goods: string[] }) => {
    const from = idsOf(m.from);
    const to = idsOf(m.to);
    const goods = goodsOf(m.goods);
    const byTarget = new Map<string, number[]>();
    for (let k = 0; k < net.nodeCount; k++) {
      if (!from.has(net.nodeActor[k]!) || !goods.has(net.nodeGood[k]!)) continue;
      for (let e = net.edgeStart[k]!; e < net.edgeStart[k + 1]!; e++) {
        const q = net.edgePool[e]!;
        const b = net.poolActor[q]!;
        if (!to.has(b) || b === net.nodeActor[k]) continue;
        const key = `${b}|${net.poolGood[q]}`;
        byTarget.set(key, [...(byTarget.get(key) ?? []), e]);
      }
    }
    return byTarget;
  };

  s.measures.forEach((m, i) => {
    const label = m.id ?? `${m.type} #${i + 1}`;
    const start = m.start ?? 1;
    const end = m.end ?? s.horizon;
    switch (m.type) {
      case "export_control": {
        const targets = routes(m);
        const leakage = m.leakage ?? 0;
        if (m.cap !== undefined) {
          const edges = Int32Array.from([...targets.values()].flat());
          controls.caps.push({ start, end, edges, kind: "fraction", value: m.cap, leakage, label });
        } else {
          const perMonth = monthly(m.quantity!, m.per);
          for (const edges of targets.values()) {
            controls.caps.push({
              start,
              end,
              edges: Int32Array.from(edges),
              kind: "budget",
              value: perMonth,
              leakage,
              label,
            });
          }
        }
        break;
      }
      case "agreement": {
        for (const edges of routes(m).values()) {
          const base = edges.map((e) => net.edgeBase[e]!);
          let volume: number[];
          if (m.share !== undefined) volume = base.map((b) => m.share! * b);
          else {
            const total = base.reduce((a, b) => a + b, 0);
            const q = monthly(m.quantity!, m.per);
            volume = base.map((b) => (total > 0 ? (q * b) / total : q / edges.length));
          }
          controls.guarantees.push({
            start,
            end,
            edges: Int32Array.from(edges),
            volume: Float64Array.from(volume),
            label,
          });
        }
        break;
      }
      case "capacity_shock": {
        const nodes = nodesOf(net, idsOf(m.actors), goodsOf(m.goods));
        controls.capacity.push({
          start,
          end,
          nodes,
          factor: 1 - m.fraction,
          add: new Float64Array(nodes.length),
          label,
        });
        break;
      }
      case "capacity_growth": {
        const nodes = nodesOf(net, idsOf(m.actors), goodsOf(m.goods));
        for (let from = start, year = 1; from <= end; from += 12, year++) {
          const factor = (1 + m.ratePerYear) ** year;
          controls.capacity.push({
            start: from,
            end: Math.min(end, from + 11),
            nodes,
            factor,
            add: new Float64Array(nodes.length),
            label,
          });
        }
        break;
      }
      case "investment": {
        const nodes = nodesOf(
          net,
          new Set([actorIdx.get(m.actor)!]),
          new Set([goodIdx.get(m.good)!]),
        );
        const from = start + (m.lagMonths ?? 0);
        if (from <= s.horizon) {
          controls.capacity.push({
            start: from,
            end: s.horizon,
            nodes,
            factor: 1,
            add: new Float64Array(nodes.length).fill(m.capacity / 12 / Math.max(1, nodes.length)),
            label,
          });
        }
        break;
      }
      case "stockpile": {
        const actors = idsOf(m.actors);
        const goods = goodsOf(m.goods);
        const pools: number[] = [];
        for (let q = 0; q < net.poolCount; q++)
          if (actors.has(net.poolActor[q]!) && goods.has(net.poolGood[q]!)) pools.push(q);
        controls.stocks.push({
          start,
          end,
          pools: Int32Array.from(pools),
          extraMonths: m.months,
          label,
        });
        break;
      }
    }
  });
  return controls;
}

function monthly(quantity: number, per: "year" | "month" | undefined): number {
  return per === "month" ? quantity : quantity / 12;
}

function nodesOf(net: Network, actors: Set<number>, goods: Set<number>): Int32Array {
  const out: number[] = [];
  for (let k = 0; k < net.nodeCount; k++)
    if (actors.has(net.nodeActor[k]!) && goods.has(net.nodeGood[k]!)) out.push(k);
  return Int32Array.from(out);
}
