/**
 * A world read back from its JSON text (a stored world: the JSON of a world that was loaded and
 * checked when it was stored). Nothing is re-checked, so reading it is a JSON.parse; positions
 * are gone with the files the world came from.
 * @module
 */
import type { LoadedWorld } from "./load.js";
import type { World } from "./schema.js";

export function worldFromJson(content: string): LoadedWorld {
  return {
    world: JSON.parse(content) as World,
    issues: [],
    locate: () => undefined,
    fromTop: () => true,
  };
}
