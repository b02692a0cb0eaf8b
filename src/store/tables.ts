/**
 * The tables as Kysely sees them (`migrations/` creates them; `docs/store.md` describes them).
 * Texts are kept once, by their SHA-256, in `texts`; worlds, scenarios and runs point at them.
 * JSON is kept as text (not PostgreSQL's jsonb, which reorders keys), so it comes back as
 * written. PostgreSQL's bigint comes back as a string: rows are read through `rows.ts`.
 * @module
 */
export interface TextsTable {
  sha256: string;
  content: string;
  created_at: string;
}

export interface WorldsTable {
  id: string;
  name: string;
  parent_id: string | null;
  sha256: string;
  content_type: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ScenariosTable {
  id: string;
  name: string;
  world_id: string | null;
  sha256: string;
  content_type: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface RunsTable {
  id: string;
  scenario_id: string;
  world_id: string;
  scenario_sha256: string;
  world_sha256: string;
  status: string;
  progress_done: number;
  progress_total: number;
  seed: number | string | null;
  draws: number | null;
  options: string;
  inputs: string;
  result: string | null;
  warnings: string | null;
  error: string | null;
  version: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  updated_at: string;
}

export interface TokensTable {
  id: string;
  name: string;
  hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface Database {
  texts: TextsTable;
  worlds: WorldsTable;
  scenarios: ScenariosTable;
  runs: RunsTable;
  tokens: TokensTable;
}
