/**
 * Gains given inside a request (`POST /api/council/vote`, `/compensate`): the request's body
 * holds the gains file's fields (`gains`, `unit`, `weights`, `abstentionBand`, `others`) beside
 * its own (`rule`, `measure`…). They are read as a gains file would be, with positions in the
 * body.
 * @module
 */
import type { Issue } from "../diagnostics/issue.js";
import type { LocatedDoc } from "../parse/located.js";
import { type Gains, gainsFromDoc } from "./gains.js";
import type { Member } from "./rule.js";

const GAINS_FIELDS = ["gains", "unit", "weights", "abstentionBand", "others"] as const;

export function gainsFromRequest(
  body: LocatedDoc,
  members: readonly Member[],
): { gains?: Gains; issues: Issue[] } {
  const value = body.value as Record<string, unknown>;
  const picked = Object.fromEntries(
    GAINS_FIELDS.filter((k) => value[k] !== undefined).map((k) => [k, value[k]]),
  );
  return gainsFromDoc({ ...body, value: picked }, members);
}
