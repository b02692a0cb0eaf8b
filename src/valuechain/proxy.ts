/**
 * Where a chain good's unlisted inputs are bought. Its recipe lists only the chain's inputs
 * (chips, chemicals, cloud…); the rest of its price beyond its own value added (steel and parts
 * in a car, services in a cloud) was carved out of one of the economy's sectors (data/economy.yaml,
 * "Carve-out"). levier buys that rest from the maker's own node of the sector the good's layer
 * belongs to, so that it carries that sector's value-added content (domestic and imported) rather
 * than no one's: materials, equipment, manufacturing and security from other manufacturing;
 * fabrication and chips from electronics; design, compute, models and data from digital
 * services; energy from primary industries and utilities. Goods of the economy itself, and
 * makers without that sector, keep their unlisted inputs untraced (docs/model.md §8).
 * @module
 */
import type { Network } from "../network/network.js";
import type { RealWorld } from "../world/realised.js";

export const UNLISTED_SECTOR: Readonly<Record<string, string>> = {
  materials: "other_manufacturing",
  equipment: "other_manufacturing",
  manufacturing: "other_manufacturing",
  security: "other_manufacturing",
  fabrication: "electronics",
  chips: "electronics",
  design: "digital_services",
  compute: "digital_services",
  models: "digital_services",
  data: "digital_services",
  energy: "primary_and_utilities",
};

/** Per node: the node its unlisted inputs are bought from, or −1 (untraced). */
export function unlistedProxy(world: RealWorld, net: Network): Int32Array {
  const nodeOf = new Map<string, number>();
  for (let k = 0; k < net.nodeCount; k++) nodeOf.set(`${net.nodeActor[k]}|${net.nodeGood[k]}`, k);
  const sectorOf = world.goods.map((g) => {
    const s = UNLISTED_SECTOR[g.layer];
    return s === undefined ? -1 : net.goods.indexOf(s);
  });
  return Int32Array.from({ length: net.nodeCount }, (_, k) => {
    const s = sectorOf[net.nodeGood[k]!] ?? -1;
    return s < 0 ? -1 : (nodeOf.get(`${net.nodeActor[k]}|${s}`) ?? -1);
  });
}
