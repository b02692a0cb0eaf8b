/**
 * The migrations, in order, kept in code: the key is the version (Kysely's Migrator runs them
 * sorted by key and records each in its `kysely_migration` table). A change to the tables is
 * a new file here, never an edit of one already released.
 * @module
 */
import type { Migration, MigrationProvider } from "kysely";
import { initial } from "./0001-initial.js";

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  "0001-initial": initial,
};

/** A provider of the given migrations (levier's own by default; tests add their own). */
export function migrationProvider(
  migrations: Readonly<Record<string, Migration>> = MIGRATIONS,
): MigrationProvider {
  return { getMigrations: async () => ({ ...migrations }) };
}
