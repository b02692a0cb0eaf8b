import { resolve } from "node:path";
import { fileReader } from "../../src/io/world-files.js";
import { loadWorld } from "../../src/world/load.js";

export const FIXTURES = resolve(import.meta.dirname, "../fixtures");

/** Loads a world with paths reported relative to test/fixtures. */
export function loadFixture(spec: string) {
  return loadWorld(fileReader(FIXTURES), spec);
}
