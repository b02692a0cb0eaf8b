/**
 * The store interface (../shared/DESIGN.md, "Architecture"): where a server keeps worlds (the
 * default and the versions users make of it), scenarios, runs and write tokens. Only types live
 * here; `store/` implements them with Kysely over SQLite or PostgreSQL (`docs/store.md`).
 *
 * Contracts every implementation keeps:
 * - The caller passes every timestamp (`at`, ISO 8601 in UTC); the store reads no clock.
 * - Texts (a world's content, a scenario's YAML or JSON) come back byte for byte as given, and
 *   JSON values (a run's result, warnings, options) come back equal to what was written.
 * - A text is kept by its SHA-256 (hex), and a run points at the texts it ran on, so editing
 *   or deleting a scenario or a world later leaves every stored run reproducible
 *   (`runInputs`).
 * - Every row carries a `version` counter, 1 when created and one more at each write. An
 *   update or delete takes the version the caller last saw and answers `conflict`, writing
 *   nothing, when the row has moved on (the API's ETag and If-Match).
 * - Every write is one transaction: it happens whole or not at all, also across a crash.
 * - Expected refusals are results (`{ ok: false, reason }`), never exceptions; exceptions are
 *   for a store that cannot be reached or used.
 * @module
 */

/** An ISO 8601 timestamp in UTC, given by the caller (`2026-01-31T12:00:00.000Z`). */
export type Timestamp = string;

/** How a text was given: YAML (a scenario file) or its JSON form. */
export type ContentType = "application/yaml" | "application/json";

/** A value that serialises to JSON and back unchanged. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// ——— Results ———

export interface NotFound {
  ok: false;
  reason: "not-found";
  what: "world" | "scenario" | "run";
  id: string;
}

/** The row has moved on since the caller read it: nothing was written. */
export interface Conflict {
  ok: false;
  reason: "conflict";
  expected: number;
  current: number;
}

/** A row others still point at (a world a scenario or a run uses, a scenario with runs). */
export interface InUse {
  ok: false;
  reason: "in-use";
  by: "worlds" | "scenarios" | "runs";
}

/** A run in a state the step does not apply to (finishing a run that is not running). */
export interface WrongStatus {
  ok: false;
  reason: "status";
  status: RunStatus;
  allowed: readonly RunStatus[];
}

export type Failure = NotFound | Conflict | InUse | WrongStatus;

export type Result<T, F extends Failure> = { ok: true; value: T } | F;

// ——— Worlds ———

export interface WorldRecord {
  id: string;
  name: string;
  /** The world this one was made from; null for a world of its own (the default). */
  parentId: string | null;
  /** The world's text, as given (the JSON of a loaded world, or YAML). */
  content: string;
  contentType: ContentType;
  /** SHA-256 of `content` (hex); the hash a run records for its world. */
  sha256: string;
  version: number;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** A world in a list: everything but its content. */
export type WorldSummary = Omit<WorldRecord, "content">;

export interface NewWorld {
  /** Chosen by the store (a UUID) when not given. */
  id?: string;
  name: string;
  parentId?: string | null;
  content: string;
  contentType: ContentType;
  at: Timestamp;
}

/** What an update changes; fields left out stay as they are. */
export interface WorldChange {
  name?: string;
  content?: string;
  contentType?: ContentType;
  at: Timestamp;
}

// ——— Scenarios ———

export interface ScenarioRecord {
  id: string;
  name: string;
  /** The scenario's text as given (YAML, or its JSON form). */
  text: string;
  contentType: ContentType;
  /** SHA-256 of `text` (hex); the hash a run records for its scenario. */
  sha256: string;
  /** The world it is written for; null: any (the caller picks one per run). */
  worldId: string | null;
  version: number;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export type ScenarioSummary = Omit<ScenarioRecord, "text">;

export interface NewScenario {
  id?: string;
  name: string;
  text: string;
  contentType: ContentType;
  worldId?: string | null;
  at: Timestamp;
}

export interface ScenarioChange {
  name?: string;
  text?: string;
  contentType?: ContentType;
  worldId?: string | null;
  at: Timestamp;
}

// ——— Runs ———

export const RUN_STATUSES = [
  "queued",
  "running",
  "done",
  "failed",
  "interrupted",
  "cancelled",
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** The statuses of a run still in progress: `markInterrupted` ends them. */
export const LIVE_STATUSES: readonly RunStatus[] = ["queued", "running"];

export interface RunProgress {
  done: number;
  total: number;
}

export interface RunRecord {
  id: string;
  scenarioId: string;
  worldId: string;
  status: RunStatus;
  progress: RunProgress;
  /** The seed of the draws (null: no draws, central values). */
  seed: number | null;
  /** Draws asked for (null: none). */
  draws: number | null;
  /** What else the run was asked (horizon, loss measure, sampling…), as the caller gave it. */
  options: { [key: string]: Json };
  /** SHA-256 of every input, `scenario` and `world` always among them: the texts in
   * `runInputs`. */
  inputs: Record<string, string>;
  /** The result document (`done`), null before. */
  result: Json | null;
  /** The run's warnings (with the result, or with a failure when the caller has some). */
  warnings: Json | null;
  /** Why it failed (`failed`), null otherwise. */
  error: string | null;
  version: number;
  createdAt: Timestamp;
  startedAt: Timestamp | null;
  finishedAt: Timestamp | null;
  updatedAt: Timestamp;
}

/** A run in a list: everything but its result and warnings. */
export type RunSummary = Omit<RunRecord, "result" | "warnings">;

export interface NewRun {
  id?: string;
  scenarioId: string;
  /** The world to run on; else the scenario's own. */
  worldId?: string;
  /** The scenario's version the caller checked: `conflict` when it has changed since. */
  scenarioVersion?: number;
  seed?: number | null;
  draws?: number | null;
  options?: { [key: string]: Json };
  /** Hashes of further inputs; `scenario` and `world` are the store's (of the texts it keeps),
   * and one given here that differs is refused with an error. */
  inputs?: Record<string, string>;
  /** Total steps, when known (progress starts at 0 of it). */
  total?: number;
  at: Timestamp;
}

export interface RunQuery {
  scenarioId?: string;
  status?: RunStatus | readonly RunStatus[];
  /** At most this many, newest first (default 100). */
  limit?: number;
  offset?: number;
}

/** The texts a run ran on, found by the hashes it recorded: all a rerun needs. */
export interface RunInputs {
  run: RunRecord;
  scenario: { text: string; sha256: string };
  world: { content: string; sha256: string };
}

// ——— Tokens ———

export interface TokenRecord {
  id: string;
  name: string;
  createdAt: Timestamp;
  revokedAt: Timestamp | null;
}

export interface NewToken {
  id?: string;
  name: string;
  /** The secret itself: the store keeps only its SHA-256. */
  secret: string;
  at: Timestamp;
}

// ——— The store ———

export type StoreKind = "sqlite" | "postgres";

export interface Store {
  readonly kind: StoreKind;
  /** Where it is, fit to show (a path, or a URL without its password). */
  readonly where: string;

  createWorld(world: NewWorld): Promise<Result<WorldRecord, NotFound>>;
  getWorld(id: string): Promise<WorldRecord | undefined>;
  listWorlds(): Promise<WorldSummary[]>;
  updateWorld(
    id: string,
    expectedVersion: number,
    change: WorldChange,
  ): Promise<Result<WorldRecord, NotFound | Conflict>>;
  deleteWorld(
    id: string,
    expectedVersion: number,
  ): Promise<Result<null, NotFound | Conflict | InUse>>;

  createScenario(scenario: NewScenario): Promise<Result<ScenarioRecord, NotFound>>;
  getScenario(id: string): Promise<ScenarioRecord | undefined>;
  listScenarios(query?: { worldId?: string }): Promise<ScenarioSummary[]>;
  updateScenario(
    id: string,
    expectedVersion: number,
    change: ScenarioChange,
  ): Promise<Result<ScenarioRecord, NotFound | Conflict>>;
  deleteScenario(
    id: string,
    expectedVersion: number,
  ): Promise<Result<null, NotFound | Conflict | InUse>>;

  /** A run, queued, on the scenario's and the world's texts as they are now. */
  createRun(run: NewRun): Promise<Result<RunRecord, NotFound | Conflict>>;
  /** queued → running. */
  startRun(id: string, at: Timestamp): Promise<Result<RunRecord, NotFound | WrongStatus>>;
  /** While running: how far it is. */
  progress(
    id: string,
    progress: RunProgress,
    at: Timestamp,
  ): Promise<Result<RunRecord, NotFound | WrongStatus>>;
  /** running → done, with its result and warnings, in one write. */
  finishRun(
    id: string,
    done: { result: Json; warnings: Json; progress?: RunProgress; at: Timestamp },
  ): Promise<Result<RunRecord, NotFound | WrongStatus>>;
  /** queued or running → failed. */
  failRun(
    id: string,
    failed: { error: string; warnings?: Json; at: Timestamp },
  ): Promise<Result<RunRecord, NotFound | WrongStatus>>;
  /** queued or running → cancelled (the result it finished, if any, is the caller's to keep in
   * `result`). */
  cancelRun(
    id: string,
    cancelled: { result?: Json; warnings?: Json; at: Timestamp },
  ): Promise<Result<RunRecord, NotFound | WrongStatus>>;
  getRun(id: string): Promise<RunRecord | undefined>;
  listRuns(query?: RunQuery): Promise<RunSummary[]>;
  /** The texts the run ran on. */
  runInputs(id: string): Promise<RunInputs | undefined>;
  /** Deletes a run that is over (not queued or running). */
  deleteRun(id: string): Promise<Result<null, NotFound | WrongStatus>>;
  /** Every queued or running run becomes interrupted (at the start of a server: the process
   * that ran them is gone). Returns how many. */
  markInterrupted(at: Timestamp): Promise<number>;

  createToken(token: NewToken): Promise<TokenRecord>;
  /** The token whose secret this is, unless revoked. */
  findToken(secret: string): Promise<TokenRecord | undefined>;
  listTokens(): Promise<TokenRecord[]>;
  revokeToken(id: string, at: Timestamp): Promise<boolean>;

  close(): Promise<void>;
}
