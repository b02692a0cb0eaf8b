/**
 * The actors an analysis speaks of, and the network actors each stands for: a state or `ROW`
 * stands for itself, a bloc (the EU) for its members. Resolving an id the world does not know
 * is an input error that names the ids it expected.
 * @module
 */
import { InputError } from "../diagnostics/errors.js";
import type { Network } from "../network/network.js";
import type { World } from "../world/schema.js";

export interface Entity {
  id: string;
  name: string;
  kind: "state" | "bloc" | "aggregate";
  /** Network actor indices it stands for (itself, or a bloc's members). */
  members: Int32Array;
}

/** The entity of an actor id; throws InputError for an id the world does not know. */
export function entityOf(world: World, net: Network, id: string): Entity {
  const actor = world.actors.find((a) => a.id === id);
  if (!actor) {
    const known = world.actors.map((a) => a.id).join(", ");
    throw InputError.single("unknown-actor", `unknown actor "${id}"; expected one of ${known}`);
  }
  const ids = actor.kind === "bloc" ? (actor.members ?? []) : [actor.id];
  const members = ids.map((m) => net.actors.indexOf(m)).filter((i) => i >= 0);
  return { id: actor.id, name: actor.name, kind: actor.kind, members: Int32Array.from(members) };
}

/** Every actor of the world as an entity, in the world's order. */
export function allEntities(world: World, net: Network): Entity[] {
  return world.actors.map((a) => entityOf(world, net, a.id));
}

/** Whether two entities share a network actor (a bloc and one of its members). */
export function overlaps(a: Int32Array, b: Int32Array): boolean {
  for (const x of a) if (b.includes(x)) return true;
  return false;
}
