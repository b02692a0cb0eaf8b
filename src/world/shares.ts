/**
 * Supplier shares of world output, as the deterministic run sees them (central values).
 * @module
 */
import { figure, type Realised, type RealWorld } from "./realised.js";
import type { Good, Supplier } from "./schema.js";

/** A supplier's share of its good's world output. */
export function supplierShare(s: Realised<Supplier>, good: Realised<Good>): number {
  if (s.share !== undefined) return figure(s.share);
  if (s.output !== undefined) return figure(s.output) / figure(good.globalOutput);
  return 0;
}

/** For each good id, its suppliers with their shares, largest first (ties by actor id). */
export function sharesByGood(world: RealWorld): Map<string, { actor: string; share: number }[]> {
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
