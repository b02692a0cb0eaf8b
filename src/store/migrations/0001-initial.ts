/**
 * The first version of the tables (`docs/store.md`, "Tables"). Portable SQL through Kysely's
 * schema builder: the same migration runs on SQLite and PostgreSQL. Texts are kept once by
 * SHA-256; JSON is text; timestamps are ISO 8601 text given by the caller.
 * @module
 */
import { type Kysely, type Migration, sql } from "kysely";

const STATUSES = "('queued', 'running', 'done', 'failed', 'interrupted', 'cancelled')";

export const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("texts")
      .addColumn("sha256", "text", (c) => c.primaryKey().notNull())
      .addColumn("content", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addCheckConstraint("texts_sha256_hex", sql`length(sha256) = 64`)
      .execute();

    await db.schema
      .createTable("worlds")
      .addColumn("id", "text", (c) => c.primaryKey().notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("parent_id", "text", (c) => c.references("worlds.id"))
      .addColumn("sha256", "text", (c) => c.notNull().references("texts.sha256"))
      .addColumn("content_type", "text", (c) => c.notNull())
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("worlds_parent").on("worlds").column("parent_id").execute();
    await db.schema.createIndex("worlds_sha256").on("worlds").column("sha256").execute();

    await db.schema
      .createTable("scenarios")
      .addColumn("id", "text", (c) => c.primaryKey().notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("world_id", "text", (c) => c.references("worlds.id"))
      .addColumn("sha256", "text", (c) => c.notNull().references("texts.sha256"))
      .addColumn("content_type", "text", (c) => c.notNull())
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("scenarios_world").on("scenarios").column("world_id").execute();
    await db.schema.createIndex("scenarios_sha256").on("scenarios").column("sha256").execute();

    await db.schema
      .createTable("runs")
      .addColumn("id", "text", (c) => c.primaryKey().notNull())
      .addColumn("scenario_id", "text", (c) => c.notNull().references("scenarios.id"))
      .addColumn("world_id", "text", (c) => c.notNull().references("worlds.id"))
      .addColumn("scenario_sha256", "text", (c) => c.notNull().references("texts.sha256"))
      .addColumn("world_sha256", "text", (c) => c.notNull().references("texts.sha256"))
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("progress_done", "integer", (c) => c.notNull())
      .addColumn("progress_total", "integer", (c) => c.notNull())
      .addColumn("seed", "bigint")
      .addColumn("draws", "integer")
      .addColumn("options", "text", (c) => c.notNull())
      .addColumn("inputs", "text", (c) => c.notNull())
      .addColumn("result", "text")
      .addColumn("warnings", "text")
      .addColumn("error", "text")
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("started_at", "text")
      .addColumn("finished_at", "text")
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addCheckConstraint("runs_status", sql.raw(`status in ${STATUSES}`))
      // A run that is done has its result: the two are written together or not at all.
      .addCheckConstraint("runs_done_has_result", sql`status <> 'done' or result is not null`)
      .execute();
    await db.schema
      .createIndex("runs_scenario")
      .on("runs")
      .columns(["scenario_id", "created_at"])
      .execute();
    await db.schema.createIndex("runs_status").on("runs").column("status").execute();
    await db.schema.createIndex("runs_world").on("runs").column("world_id").execute();
    await db.schema
      .createIndex("runs_scenario_sha256")
      .on("runs")
      .column("scenario_sha256")
      .execute();
    await db.schema.createIndex("runs_world_sha256").on("runs").column("world_sha256").execute();
    await db.schema.createIndex("runs_created").on("runs").columns(["created_at", "id"]).execute();

    await db.schema
      .createTable("tokens")
      .addColumn("id", "text", (c) => c.primaryKey().notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("hash", "text", (c) => c.notNull().unique())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("revoked_at", "text")
      .execute();
  },

  async down(db: Kysely<unknown>) {
    for (const t of ["tokens", "runs", "scenarios", "worlds", "texts"])
      await db.schema.dropTable(t).execute();
  },
};
