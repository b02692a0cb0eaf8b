/**
 * Compiles a scenario's measures into the engine's controls over a network: export controls
 * become caps on the edges from the exporters' nodes to the targets' pools, shocks and
 * investments become capacity changes, agreements guaranteed flows, stockpiles stock targets;
 * the world's standing export controls become caps over the whole horizon, except where a
 * `lift_control` suspends them (`standing.ts`).
 * @module
 */
import { formatPath, type Issue } from "../diagnostics/issue.js";
import type { Network } from "../network/network.js";
import type { Controls } from "../simulate/controls.js";
import type { World } from "../world/schema.js";
import { resolveRefs } from "./refs.js";
import type { Scenario } from "./schema.js";
import { type Lift, standingCaps } from "./standing.js";

/** The (actor, good) nodes a scenario needs that the baseline may lack: its investments. */
export function extraNodes(s: Scenario): { actor: string; good: string }[] {
  return s.measures.flatMap((m) =>
    m.type === "investment" ? [{ actor: m.actor, good: m.good }] : [],
  );
}

/** A measure that changes nothing on the network it runs on: it matches no route, node or pool.
 * `path` is the measure's place in the scenario (`measures[2]`). */
export interface MeasureWarning extends Issue {
  severity: "warning";
  /** The measure's label: its id, or `type #n`. */
  measure: string;
  /** Its index in the scenario's `measures`. */
  index: number;
}

/** Who adopted which rule, and in which month: rule id → actor id → month (a conditional_access
 * measure stops capping an actor's routes from that month on). */
export type Adoptions = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** Compiles the measures; each one that matches nothing adds a warning to `warnings`. A
 * conditional_access measure caps the routes to each target that has not adopted its rule by
 * `adopted` (none by default), until the month before it adopts. */
export function compileScenario(
  s: Scenario,
  world: World,
  net: Network,
  warnings: MeasureWarning[] = [],
  adopted: Adoptions = new Map(),
): Controls {
  const controls: Controls = { caps: [], guarantees: [], capacity: [], stocks: [] };
  const lifts: Lift[] = [];
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
    const warn = (code: string, message: string) =>
      warnings.push({
        severity: "warning",
        code,
        path: formatPath(["measures", i]),
        message: `${label}: ${message}`,
        measure: label,
        index: i,
      });
    switch (m.type) {
      case "export_control": {
        const targets = routes(m);
        if (targets.size === 0)
          warn(...noRoutes(net, idsOf(m.from), idsOf(m.to), goodsOf(m.goods)));
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
      case "conditional_access": {
        const from = idsOf(m.from);
        const by = adopted.get(m.rule);
        let matched = false;
        for (const target of idsOf(m.to)) {
          if (from.has(target)) continue;
          const last = Math.min(end, (by?.get(net.actors[target]!) ?? Infinity) - 1);
          if (last < start) continue;
          const targets = routes({ from: m.from, to: [net.actors[target]!], goods: m.goods });
          const edges = Int32Array.from([...targets.values()].flat());
          if (edges.length === 0) continue;
          matched = true;
          controls.caps.push({
            start,
            end: last,
            edges,
            kind: "fraction",
            value: m.cap ?? 0,
            leakage: m.leakage ?? 0,
            label,
          });
        }
        if (!matched && by === undefined)
          warn(...noRoutes(net, idsOf(m.from), idsOf(m.to), goodsOf(m.goods)));
        break;
      }
      case "agreement": {
        const targets = routes(m);
        if (targets.size === 0)
          warn(...noRoutes(net, idsOf(m.from), idsOf(m.to), goodsOf(m.goods)));
        for (const edges of targets.values()) {
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
        if (nodes.length === 0) warn("no-node", noNode(net, idsOf(m.actors), goodsOf(m.goods)));
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
        if (nodes.length === 0) warn("no-node", noNode(net, idsOf(m.actors), goodsOf(m.goods)));
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
      case "lift_control": {
        lifts.push({ start, end, controls: m.controls });
        const standing = new Set((net.standing ?? []).map((r) => r.id));
        const idle = m.controls.filter((id) => !standing.has(id));
        if (idle.length > 0)
          warn(
            "not-in-force",
            `${idle.join(", ")} ${idle.length === 1 ? "is" : "are"} not in force on this network (ended before the world's as-of date, or not a country-level world); lifting changes nothing`,
          );
        break;
      }
      case "stockpile": {
        const actors = idsOf(m.actors);
        const goods = goodsOf(m.goods);
        const pools: number[] = [];
        for (let q = 0; q < net.poolCount; q++)
          if (actors.has(net.poolActor[q]!) && goods.has(net.poolGood[q]!)) pools.push(q);
        if (pools.length === 0)
          warn("no-pool", `${they(net.actors, actors, "use")} none of ${names(net.goods, goods)}`);
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
  // The export controls in force stand in every run, outside the months the scenario lifts them.
  controls.caps.push(...standingCaps(net, s.horizon, lifts));
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

/** `A, B` for a set of indices into `ids`. */
function names(ids: readonly string[], set: Set<number>): string {
  const known = [...set].filter((i) => ids[i] !== undefined);
  return known.length === 0 ? "no actor" : known.map((i) => ids[i]).join(", ");
}

/** `KR makes` / `KR, JP make`. */
function they(actors: readonly string[], set: Set<number>, verb: string): string {
  return `${names(actors, set)} ${set.size === 1 ? `${verb}s` : verb}`;
}

function noNode(net: Network, actors: Set<number>, goods: Set<number>): string {
  return `${they(net.actors, actors, "make")} none of ${names(net.goods, goods)}; nothing to change`;
}

/** Why a trade measure's routes are empty: [code, message]. */
function noRoutes(
  net: Network,
  from: Set<number>,
  to: Set<number>,
  goods: Set<number>,
): [string, string] {
  const what = names(net.goods, goods);
  const makers = new Set<number>();
  for (let k = 0; k < net.nodeCount; k++)
    if (from.has(net.nodeActor[k]!) && goods.has(net.nodeGood[k]!)) makers.add(net.nodeActor[k]!);
  if (makers.size === 0)
    return ["no-exporter", `${they(net.actors, from, "make")} none of ${what}`];
  const users = new Set<number>();
  for (let q = 0; q < net.poolCount; q++)
    if (to.has(net.poolActor[q]!) && goods.has(net.poolGood[q]!)) users.add(net.poolActor[q]!);
  if (users.size === 0) return ["no-target-use", `${they(net.actors, to, "use")} none of ${what}`];
  const [a] = makers;
  if (makers.size === 1 && users.size === 1 && users.has(a!))
    return [
      "own-exports",
      `its only route is from ${net.actors[a!]} to itself, which trade measures never cover`,
    ];
  return [
    "no-route",
    `no route carries ${what} from ${names(net.actors, from)} to ${names(net.actors, to)}`,
  ];
}
