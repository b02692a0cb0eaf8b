/**
 * Opens a store: an embedded SQLite file (a path, or `sqlite:PATH`) or a PostgreSQL server
 * (`postgres://…`), brings its tables up to date with the migrations, and gives the store of
 * `run/store.ts`. What cannot be opened throws `StoreUnavailable`, naming the path or the URL.
 *
 * SQLite runs in WAL mode with `synchronous = FULL`: a commit returns once its pages are in the
 * WAL and the WAL is on disk, so a crash of the process (kill -9) or of the machine loses no
 * committed write and never leaves half of one (`docs/store.md`, "Durability").
 * @module
 */
import { statSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import {
  type Dialect,
  Kysely,
  type KyselyPlugin,
  type Migration,
  Migrator,
  PostgresDialect,
  SqliteDialect,
} from "kysely";
import pg from "pg";
import type { Store } from "../run/store.js";
import { StoreUnavailable } from "./errors.js";
import { type Location, parseLocation } from "./location.js";
import { MIGRATIONS, migrationProvider } from "./migrations/index.js";
import { SqlStore } from "./sql-store.js";
import type { Database } from "./tables.js";

export interface OpenOptions {
  /** The migrations to bring the tables to (levier's own by default). */
  migrations?: Readonly<Record<string, Migration>>;
  /** PostgreSQL: how long to wait for a connection before giving up (default 10 s). */
  connectTimeoutMs?: number;
  /** PostgreSQL: the most connections held at once (default 10). */
  poolSize?: number;
  /** SQLite: how long a write waits for another process's write to finish (default 5 s). */
  busyTimeoutMs?: number;
  /** Kysely plugins, e.g. to watch the queries. */
  plugins?: KyselyPlugin[];
}

export async function openStore(target: string, options: OpenOptions = {}): Promise<Store> {
  const loc = parseLocation(target);
  const dialect =
    loc.kind === "sqlite" ? sqliteDialect(loc, options) : postgresDialect(loc, options);
  const db = new Kysely<Database>({ dialect, plugins: options.plugins ?? [] });
  try {
    await migrate(db, options.migrations ?? MIGRATIONS);
  } catch (e) {
    await db.destroy().catch(() => {});
    throw e instanceof StoreUnavailable
      ? e
      : new StoreUnavailable(loc.where, reason(e), { cause: e });
  }
  return new SqlStore(db, loc.kind, loc.where);
}

/** Runs the migrations not yet recorded in the database, in order, in one transaction. */
async function migrate(db: Kysely<Database>, migrations: Readonly<Record<string, Migration>>) {
  const migrator = new Migrator({ db, provider: migrationProvider(migrations) });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

function sqliteDialect(loc: Extract<Location, { kind: "sqlite" }>, options: OpenOptions): Dialect {
  const { path, where } = loc;
  if (path !== ":memory:") {
    const stat = statOrUndefined(path);
    if (stat?.isDirectory()) throw new StoreUnavailable(where, "a folder, not a SQLite file");
    if (!stat && !statOrUndefined(dirname(path))?.isDirectory())
      throw new StoreUnavailable(where, `the folder ${dirname(path)} does not exist`);
  }
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(path, { timeout: options.busyTimeoutMs ?? 5000 });
    // The first read of the file: one that is not SQLite's says so here (SQLITE_NOTADB).
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
  } catch (e) {
    db?.close();
    throw new StoreUnavailable(where, reason(e), { cause: e });
  }
  return new SqliteDialect({ database: db });
}

function postgresDialect(
  loc: Extract<Location, { kind: "postgres" }>,
  options: OpenOptions,
): Dialect {
  const pool = new pg.Pool({
    connectionString: loc.url,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    max: options.poolSize ?? 10,
  });
  // An idle connection the server dropped: the next query that needs one reports it.
  pool.on("error", () => {});
  return new PostgresDialect({ pool });
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** What went wrong, in words, from a driver's or Kysely's error. */
function reason(e: unknown): string {
  const err = e as { code?: string; message?: string } | null;
  const code = err?.code;
  const message = String(err?.message ?? e).replace(/\s+/g, " ");
  const missing = /previously executed migration (\S+) is missing/.exec(message);
  if (missing)
    return `its tables were migrated by a newer levier (migration ${missing[1]} is unknown here); open it with that version`;
  switch (code) {
    case "SQLITE_NOTADB":
      return "not a SQLite database (the file holds something else)";
    case "SQLITE_CORRUPT":
      return "a damaged SQLite database (SQLITE_CORRUPT)";
    case "SQLITE_CANTOPEN":
      return "cannot be opened (check the path and its permissions)";
    case "SQLITE_READONLY":
      return "read-only: levier needs to write there";
    case "ECONNREFUSED":
      return "connection refused: no PostgreSQL server listens there";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "unknown host";
    case "28P01":
    case "28000":
      return `not allowed in: ${message}`;
    case "3D000":
      return message;
  }
  if (/timeout/i.test(message)) return `no answer in time (${message})`;
  return message;
}
