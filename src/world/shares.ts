/**
 * Supplier shares of world output, as the deterministic run sees them (central values).
 * @module
 */
import { central } from "./quantity.js";
import type { Good, Supplier, World } from "./schema.js";

/** A supplier's share of its good's world output. */
export function supplierShare(s: Supplier, good: Good): number {
  if (s.share !== undefined) return central(s.share);
  if (s.output !== undefined) return central(s.output) / central(good.globalOutput);
  return 0;
}

/** For each good id, its suppliers with their shares, largest first (ties by actor id). */
export function sharesByGood(world: World): Map<string, { actor: string; share: number }[]> {
  const goods = new Map(world.goods.map((g) => [g.id, g]));
  const out = new Map<string, { actor: string; share: number }[]>(
    world.goods.map((g) => [g.id, []]),
  );
  for (const s of world.suppliers) {
    const good = goods.get(s.good);
    if (good) out.get(s.good)?.push({ actor: s.actor, share: supplierShare(s, good) });
  }
  for (const list of out.values())
    list.sort((a, b) => b.share - a.share || a.actor.localeCompare(b.actor));
  return out;
}
