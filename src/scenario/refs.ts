/**
 * Resolves the actor references of a scenario (actor ids, bloc ids, group ids) to the actors that
 * make up the network: blocs and groups stand for their members.
 * @module
 */
import type { Group, World } from "../world/schema.js";

export function resolveRefs(
  world: World,
  groups: readonly Group[],
  refs: readonly string[],
): Set<string> {
  const actors = new Map(world.actors.map((a) => [a.id, a]));
  const byId = new Map([...world.groups, ...groups].map((g) => [g.id, g]));
  const out = new Set<string>();
  const add = (id: string, depth: number) => {
    if (depth > 8) return;
    const group = byId.get(id);
    if (group) {
      for (const m of group.members) add(m, depth + 1);
      return;
    }
    const actor = actors.get(id);
    if (!actor) return;
    if (actor.kind === "bloc") for (const m of actor.members ?? []) add(m, depth + 1);
    else out.add(id);
  };
  for (const r of refs) add(r, 0);
  return out;
}
