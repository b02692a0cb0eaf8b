/**
 * What the API sends, as the types of the code that makes it (type imports only: nothing of
 * src/ but pure formatting and chart specs is bundled).
 * @module
 */
export type { ChokepointRow, ChokepointTable } from "../../src/analysis/chokepoints.js";
export type { Profile } from "../../src/analysis/profile.js";
export type { ActorEntry, RunDocument } from "../../src/run/document.js";
export type { WorldSummary } from "../../src/world/summary.js";

export interface Stored {
  id: string;
  version: number;
  createdAt?: string;
  updatedAt?: string;
}

export interface ScenarioRow extends Stored {
  name: string;
  worldId?: string;
}

export interface ScenarioDoc extends ScenarioRow {
  contentType: string;
  content: string;
  scenario: unknown;
}

export type RunStatus = "queued" | "running" | "done" | "failed" | "cancelled" | "interrupted";

export interface RunRow extends Stored {
  scenarioId: string;
  status: RunStatus;
  progress?: { done: number; total: number };
  seed?: number | null;
  draws?: number;
  finishedAt?: string | null;
  warnings?: { message: string }[];
  error?: string | { message: string } | null;
}

export interface Example {
  name: string;
  title: string;
  content: string;
}
