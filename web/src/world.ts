/**
 * The world the views look at: its summary (actors, goods, suppliers, sources), fetched once
 * per world id and shared, with name lookups.
 * @module
 */

import type { WorldSummary } from "./types.js";
import { useFetch } from "./use-fetch.js";

export type WorldDoc = WorldSummary & { id: string; version: number };

export function worldPath(id = "default"): string {
  return `/api/worlds/${encodeURIComponent(id)}`;
}

export function useWorld(id = "default") {
  return useFetch<WorldDoc>(worldPath(id));
}

export function actorName(w: WorldSummary | undefined, id: string): string {
  return w?.actors.find((a) => a.id === id)?.name ?? id;
}

export function goodName(w: WorldSummary | undefined, id: string): string {
  return w?.goods.find((g) => g.id === id)?.name ?? id;
}

/** Layers in the order the goods give them (materials first). */
export function layersOf(w: WorldSummary): string[] {
  return [...new Set(w.goods.map((g) => g.layer))];
}
