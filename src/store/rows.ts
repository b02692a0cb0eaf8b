/**
 * Rows as the database gives them back, turned into the store's records (`run/store.ts`), and
 * values turned into what the columns hold.
 * @module
 */
import { createHash } from "node:crypto";
import type {
  ContentType,
  Json,
  RunRecord,
  RunStatus,
  RunSummary,
  ScenarioSummary,
  TokenRecord,
  WorldSummary,
} from "../run/store.js";
import type { RunsTable, ScenariosTable, TokensTable, WorldsTable } from "./tables.js";

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** JSON text of a value; a value JSON cannot hold (undefined, a function, a bigint) throws. */
export function jsonText(value: unknown, what: string): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError(`${what}: not a JSON value`);
  return text;
}

export function worldSummary(r: WorldsTable): WorldSummary {
  return {
    id: r.id,
    name: r.name,
    parentId: r.parent_id,
    contentType: r.content_type as ContentType,
    sha256: r.sha256,
    version: Number(r.version),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function scenarioSummary(r: ScenariosTable): ScenarioSummary {
  return {
    id: r.id,
    name: r.name,
    contentType: r.content_type as ContentType,
    sha256: r.sha256,
    worldId: r.world_id,
    version: Number(r.version),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const maybeNumber = (v: number | string | null): number | null => (v === null ? null : Number(v));

export function runSummary(r: Omit<RunsTable, "result" | "warnings">): RunSummary {
  return {
    id: r.id,
    scenarioId: r.scenario_id,
    worldId: r.world_id,
    status: r.status as RunStatus,
    progress: { done: Number(r.progress_done), total: Number(r.progress_total) },
    seed: maybeNumber(r.seed),
    draws: maybeNumber(r.draws),
    options: JSON.parse(r.options) as { [key: string]: Json },
    inputs: JSON.parse(r.inputs) as Record<string, string>,
    error: r.error,
    version: Number(r.version),
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    updatedAt: r.updated_at,
  };
}

export function runRecord(r: RunsTable): RunRecord {
  return {
    ...runSummary(r),
    result: r.result === null ? null : (JSON.parse(r.result) as Json),
    warnings: r.warnings === null ? null : (JSON.parse(r.warnings) as Json),
  };
}

export function tokenRecord(r: TokensTable): TokenRecord {
  return { id: r.id, name: r.name, createdAt: r.created_at, revokedAt: r.revoked_at };
}

/** The columns of a run without its result and warnings, for lists. */
export const RUN_SUMMARY_COLUMNS = [
  "id",
  "scenario_id",
  "world_id",
  "scenario_sha256",
  "world_sha256",
  "status",
  "progress_done",
  "progress_total",
  "seed",
  "draws",
  "options",
  "inputs",
  "error",
  "version",
  "created_at",
  "started_at",
  "finished_at",
  "updated_at",
] as const;

/** Whether an error is a foreign key refused (SQLite's or PostgreSQL's code). */
export function isForeignKeyViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "SQLITE_CONSTRAINT_FOREIGNKEY" || code === "23503";
}
