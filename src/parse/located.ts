/**
 * A parsed document that can say where each of its values stands in the source text.
 * @module
 */
import type { Location } from "../diagnostics/issue.js";

export interface LocatedDoc {
  file: string;
  value: unknown;
  /** Where the value at `path` is; for a missing key, where its parent is. */
  locate(path: readonly PropertyKey[]): Location;
}

/** Files larger than this are refused before parsing. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Flow collections ([ or {) nested deeper than this are refused before parsing. */
export const MAX_NESTING = 64;
