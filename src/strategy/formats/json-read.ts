/**
 * Reads the JSON form of a game (`json-schema.ts`): located parsing (every issue has line and
 * column), schema validation, then the checks a schema cannot express — table shapes, known
 * player names, consistent information sets, probabilities summing to 1.
 * @module
 */
import { describeValue, type Issue } from "../../diagnostics/issue.js";
import type { LocatedDoc } from "../../parse/located.js";
import { parseYaml } from "../../parse/yaml.js";
import { validateDoc } from "../../world/schema-issues.js";
import type { NormalFormGame } from "../game.js";
import type { Rational } from "../rational.js";
import { extensiveFromJson } from "./json-extensive.js";
import { ExtensiveGameJson, NormalGameJson } from "./json-schema.js";
import { issueAt, numberAt } from "./json-values.js";
import { MAX_PROFILES } from "./nfg-read.js";
import type { AnyGame } from "./read-game.js";

export function readJsonGame(text: string, file: string): { game?: AnyGame; issues: Issue[] } {
  const parsed = parseYaml(text, file);
  if (!parsed.doc) return { issues: parsed.issues };
  const doc = parsed.doc;
  const value = doc.value as { kind?: unknown } | null;
  if (value && typeof value === "object" && value.kind === "extensive") {
    const checked = validateDoc(ExtensiveGameJson, doc);
    if (!checked.value) return { issues: checked.issues };
    const r = extensiveFromJson(checked.value, doc);
    return r.game
      ? { game: { kind: "extensive", game: r.game }, issues: [] }
      : { issues: r.issues };
  }
  const checked = validateDoc(NormalGameJson, doc);
  if (!checked.value) return { issues: checked.issues };
  const r = normalFromJson(checked.value, doc);
  return r.game ? { game: { kind: "normal", game: r.game }, issues: [] } : { issues: r.issues };
}

function normalFromJson(
  j: NormalGameJson,
  doc: LocatedDoc,
): { game?: NormalFormGame; issues: Issue[] } {
  const issues: Issue[] = [];
  const n = j.players.length;
  if (j.strategies.length !== n) {
    issues.push(
      issueAt(
        doc,
        ["strategies"],
        `expected ${n} strategy lists (one per player), found ${j.strategies.length}`,
      ),
    );
    return { issues };
  }
  if (j.payoffs.length !== n) {
    issues.push(
      issueAt(
        doc,
        ["payoffs"],
        `expected ${n} payoff tables (one per player), found ${j.payoffs.length}`,
      ),
    );
    return { issues };
  }
  const sizes = j.strategies.map((s) => s.length);
  const total = sizes.reduce((a, b) => a * b, 1);
  if (total > MAX_PROFILES) {
    issues.push(
      issueAt(
        doc,
        ["strategies"],
        `the game has ${total} strategy profiles; the limit is ${MAX_PROFILES}`,
      ),
    );
    return { issues };
  }
  const payoffs: Rational[][] = [];
  for (let p = 0; p < n; p++) {
    const flat: Rational[] = new Array(total);
    fill(j.payoffs[p], ["payoffs", p], 0, 0, 1, sizes, j, flat, doc, issues);
    payoffs.push(flat);
  }
  if (issues.length > 0) return { issues };
  return {
    game: {
      title: j.title ?? "",
      comment: j.comment ?? "",
      players: j.players,
      strategies: j.strategies,
      payoffs,
    },
    issues,
  };
}

/** Walks table level `level` (player `level`'s strategies), writing Gambit-ordered payoffs. */
function fill(
  v: unknown,
  path: PropertyKey[],
  level: number,
  offset: number,
  stride: number,
  sizes: number[],
  j: NormalGameJson,
  out: Rational[],
  doc: LocatedDoc,
  issues: Issue[],
): void {
  if (issues.length >= 20) return;
  if (level === sizes.length) {
    const r = numberAt(v, path, doc, issues);
    if (r) out[offset] = r;
    return;
  }
  const size = sizes[level] as number;
  const who = `player ${level + 1} (${JSON.stringify(j.players[level])})`;
  if (!Array.isArray(v) || v.length !== size) {
    issues.push(
      issueAt(
        doc,
        path,
        `expected a list of ${size} entries (one per strategy of ${who}), found ${describeValue(v)}`,
      ),
    );
    return;
  }
  v.forEach((x, s) => {
    fill(
      x,
      [...path, s],
      level + 1,
      offset + s * stride,
      stride * size,
      sizes,
      j,
      out,
      doc,
      issues,
    );
  });
}
