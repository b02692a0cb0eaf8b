/** The default council data, loaded once for the tests that need it. */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Council } from "../../src/council/council.js";
import { type CouncilReader, loadCouncil } from "../../src/council/load.js";

export const COUNCIL_DIR = resolve(import.meta.dirname, "../../data/council");
export const FIXTURES = resolve(import.meta.dirname, "../fixtures/council");

export const fsReader: CouncilReader = {
  read(path) {
    try {
      return readFileSync(path, "utf8");
    } catch {
      return undefined;
    }
  },
  join,
};

let cached: Council | undefined;

export function defaultCouncil(): Council {
  if (cached) return cached;
  const { council, issues } = loadCouncil(fsReader, COUNCIL_DIR);
  if (!council) throw new Error(`data/council does not load: ${JSON.stringify(issues)}`);
  cached = council;
  return council;
}
