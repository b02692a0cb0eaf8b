/**
 * A scenario's text checked as `levier run` checks it before running, on the world it is for:
 * the same loader (`scenario/load.ts`), so the same messages at the same line and column. A
 * scenario that patches the world (`world:`) re-validates the whole patched world, which takes
 * a second or more, so that check runs on a job thread; the others here, in milliseconds.
 * @module
 */
import { createHash } from "node:crypto";
import type { Issue } from "../diagnostics/issue.js";
import { parseYaml } from "../parse/yaml.js";
import type { ContentType } from "../run/store.js";
import { loadScenario } from "../scenario/load.js";
import type { Jobs } from "./jobs.js";
import type { Worlds } from "./worlds.js";

export interface ScenarioCheck {
  issues: Issue[];
  ok: boolean;
  /** The text parsed (its JSON form), when it parses. */
  value?: unknown;
  /** The scenario's `name:`, when it has one. */
  name?: string;
}

export function fileFor(type: ContentType): string {
  return type === "application/json" ? "scenario.json" : "scenario.yaml";
}

export function contentTypeOf(mediaType: string): ContentType {
  return mediaType === "application/json" ? "application/json" : "application/yaml";
}

export async function checkScenario(
  worlds: Worlds,
  jobs: Jobs,
  text: string,
  type: ContentType,
  worldId: string,
): Promise<ScenarioCheck> {
  const file = fileFor(type);
  const parsed = parseYaml(text, file);
  if (!parsed.doc) return { issues: parsed.issues, ok: false };
  const value = parsed.doc.value;
  const obj =
    value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  const name = typeof obj.name === "string" ? obj.name : undefined;
  const { record, loaded } = await worlds.loaded(worldId);
  const issues =
    obj.world !== undefined
      ? await jobs.run(
          "checkScenario",
          { world: record.content, text, file },
          `${record.sha256}:${createHash("sha256").update(text).digest("hex")}:${file}`,
        )
      : loadScenario(text, file, loaded).issues;
  return {
    issues,
    ok: !issues.some((i) => i.severity === "error"),
    value,
    ...(name === undefined ? {} : { name }),
  };
}
