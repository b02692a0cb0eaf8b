/**
 * `levier value-added` as the pipeline (docs/model.md §8): value added by origin in the world
 * in use, at baseline. Without a selection, the trade-in-value-added table of every actor (a
 * bloc as the sum of its members, trade among them domestic): its final demand, the value added
 * it produces, the share of its final demand it makes itself, the value added it sends into
 * others' final demand and the value added of others in its own. With `actor`, that actor's
 * final demand by origin actor and good; with `good`, the world's (or with `actor`, that
 * actor's) output of the good by origin. Unlisted inputs are bought from the maker's sector
 * (`valuechain/proxy.ts`) unless `untraced` is asked for.
 * @module
 */
import { NotFoundError } from "../diagnostics/errors.js";
import { compileWorld } from "../network/compile-world.js";
import { resolveRefs } from "../scenario/refs.js";
import {
  byActorAndGood,
  embodied,
  finalDemandValue,
  outputValue,
  total,
} from "../valuechain/origin.js";
import { unlistedProxy } from "../valuechain/proxy.js";
import { structureOf, valueCoefficients } from "../valuechain/structure.js";
import type { RealWorld } from "../world/realised.js";

export interface ValueAddedRequest {
  actor?: string;
  good?: string;
  /** Leave the inputs no recipe lists untraced instead of buying them from the maker's sector. */
  untraced?: boolean;
}

export interface ActorTiva {
  id: string;
  name: string;
  kind: string;
  /** USD a year at baseline. */
  finalDemand: number;
  valueAddedProduced: number;
  /** Its own value added in its final demand, over its final demand. */
  domesticShare: number;
  /** Others' value added in its final demand; its value added in others' final demand. */
  foreignInOwn: number;
  ownInForeign: number;
  /** ownInForeign − foreignInOwn: its balance of trade in value added. */
  balance: number;
  /** Unlisted inputs no actor made, in its final demand. */
  untraced: number;
}

export interface OriginRow {
  id: string;
  name: string;
  valueAdded: number;
  share: number;
}

export interface Decomposition {
  /** What is decomposed, in words, and its value, USD a year. */
  of: string;
  value: number;
  byActor: OriginRow[];
  byGood: OriginRow[];
  untraced: number;
}

export interface ValueAddedReport {
  units: string;
  unlisted: "sector" | "untraced";
  actors?: ActorTiva[];
  decomposition?: Decomposition;
  /** Nodes whose listed inputs and own value added exceed their price (inputs scaled). */
  inconsistent: string[];
}

export function valueAddedReport(world: RealWorld, req: ValueAddedRequest = {}): ValueAddedReport {
  const net = compileWorld(world);
  const s = structureOf(net);
  const vc = valueCoefficients(s, req.untraced ? undefined : unlistedProxy(world, net));
  const out: ValueAddedReport = {
    units: "USD a year at baseline prices",
    unlisted: req.untraced ? "untraced" : "sector",
    inconsistent: [...vc.excess].flatMap((x, k) => (x > 0 ? [net.nodeId[k]!] : [])),
  };
  const names = new Map(world.actors.map((a) => [a.id, a.name]));
  const goodNames = new Map(world.goods.map((g) => [g.id, g.name]));
  const membersOf = (id: string) => {
    if (!world.actors.some((a) => a.id === id))
      throw new NotFoundError(
        `--actor: unknown actor ${JSON.stringify(id)}; expected one of ${world.actors.map((a) => a.id).join(", ")}`,
      );
    return new Set([...resolveRefs(world, [], [id])].map((m) => net.actors.indexOf(m)));
  };
  const rows = (v: Float64Array, ids: string[], label: Map<string, string>, value: number) =>
    [...v]
      .map((x, i) => ({
        id: ids[i]!,
        name: label.get(ids[i]!) ?? ids[i]!,
        valueAdded: x,
        share: value > 0 ? x / value : 0,
      }))
      .filter((r) => r.valueAdded !== 0)
      .sort((a, b) => b.valueAdded - a.valueAdded || a.id.localeCompare(b.id));
  const decompose = (f: Float64Array, of: string): Decomposition => {
    const e = embodied(vc, f);
    const value = total(f);
    const { byActor, byGood } = byActorAndGood(s, e.valueAdded);
    return {
      of,
      value,
      byActor: rows(byActor, net.actors, names, value),
      byGood: rows(byGood, net.goods, goodNames, value),
      untraced: total(e.untraced),
    };
  };
  if (req.good !== undefined) {
    const g = net.goods.indexOf(req.good);
    if (g < 0)
      throw new NotFoundError(
        `--good: unknown good ${JSON.stringify(req.good)}; expected one of ${net.goods.join(", ")}`,
      );
    const who = req.actor === undefined ? undefined : membersOf(req.actor);
    const f = outputValue(s, (k) => net.nodeGood[k] === g && (!who || who.has(net.nodeActor[k]!)));
    out.decomposition = decompose(
      f,
      `${req.actor === undefined ? "the world's" : `${req.actor}'s`} output of ${req.good}`,
    );
    return out;
  }
  if (req.actor !== undefined) {
    out.decomposition = decompose(
      finalDemandValue(s, membersOf(req.actor)),
      `${req.actor}'s final demand`,
    );
    return out;
  }
  // The table: per network actor, its value added in each actor's final demand.
  const A = net.actors.length;
  const inFd = new Float64Array(A * A); // [buyer * A + origin]
  const fd = new Float64Array(A);
  const untraced = new Float64Array(A);
  for (let b = 0; b < A; b++) {
    const f = finalDemandValue(s, new Set([b]));
    fd[b] = total(f);
    const e = embodied(vc, f);
    untraced[b] = total(e.untraced);
    const { byActor } = byActorAndGood(s, e.valueAdded);
    for (let a = 0; a < A; a++) inFd[b * A + a] = byActor[a]!;
  }
  const produced = new Float64Array(A);
  for (let k = 0; k < net.nodeCount; k++)
    produced[net.nodeActor[k]!] +=
      vc.own[k]! * 12 * s.output[k]! * net.goodPrice[net.nodeGood[k]!]!;
  out.actors = world.actors.map((actor) => {
    const m = new Set([...resolveRefs(world, [], [actor.id])].map((id) => net.actors.indexOf(id)));
    let demand = 0;
    let made = 0;
    let own = 0;
    let inOwn = 0;
    let inForeign = 0;
    let unt = 0;
    for (const b of m) {
      demand += fd[b]!;
      made += produced[b]!;
      unt += untraced[b]!;
    }
    for (let b = 0; b < A; b++)
      for (let a = 0; a < A; a++) {
        const v = inFd[b * A + a]!;
        if (m.has(b) && m.has(a)) own += v;
        else if (m.has(b)) inOwn += v;
        else if (m.has(a)) inForeign += v;
      }
    return {
      id: actor.id,
      name: actor.name,
      kind: actor.kind,
      finalDemand: demand,
      valueAddedProduced: made,
      domesticShare: demand > 0 ? own / demand : 0,
      foreignInOwn: inOwn,
      ownInForeign: inForeign,
      balance: inForeign - inOwn,
      untraced: unt,
    };
  });
  return out;
}
