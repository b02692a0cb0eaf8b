/**
 * How a report names actors and goods: by name, with the id kept for tooltips. Built from the
 * world the analysis ran on; `idLabels` (ids as they are) where no world is at hand.
 * @module
 */

export interface Labels {
  actor(id: string): string;
  good(id: string): string;
}

export const idLabels: Labels = { actor: (id) => id, good: (id) => id };

export function labelsOf(world: {
  actors: readonly { id: string; name: string }[];
  goods: readonly { id: string; name: string }[];
}): Labels {
  const actors = new Map(world.actors.map((a) => [a.id, a.name]));
  const goods = new Map(world.goods.map((g) => [g.id, g.name]));
  return { actor: (id) => actors.get(id) ?? id, good: (id) => goods.get(id) ?? id };
}
