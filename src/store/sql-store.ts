/**
 * The store (`run/store.ts`) over Kysely: the same queries on SQLite and PostgreSQL. Every
 * write that takes more than one statement is one transaction; a write guarded by a version or
 * a status is one statement whose WHERE holds the guard, so two writers cannot both pass it.
 * @module
 */
import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import {
  type Conflict,
  type InUse,
  type Json,
  LIVE_STATUSES,
  type NewRun,
  type NewScenario,
  type NewToken,
  type NewWorld,
  type NotFound,
  type Result,
  type RunInputs,
  type RunProgress,
  type RunQuery,
  type RunRecord,
  type RunStatus,
  type RunSummary,
  type ScenarioChange,
  type ScenarioRecord,
  type ScenarioSummary,
  type Store,
  type StoreKind,
  type Timestamp,
  type TokenRecord,
  type WorldChange,
  type WorldRecord,
  type WorldSummary,
  type WrongStatus,
} from "../run/store.js";
import {
  isForeignKeyViolation,
  jsonText,
  RUN_SUMMARY_COLUMNS,
  runRecord,
  runSummary,
  scenarioSummary,
  sha256,
  tokenRecord,
  worldSummary,
} from "./rows.js";
import type { Database, RunsTable } from "./tables.js";

type Db = Kysely<Database>;

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

const notFound = (what: NotFound["what"], id: string): NotFound => ({
  ok: false,
  reason: "not-found",
  what,
  id,
});
const conflict = (expected: number, current: number): Conflict => ({
  ok: false,
  reason: "conflict",
  expected,
  current,
});
const inUse = (by: InUse["by"]): InUse => ({ ok: false, reason: "in-use", by });
const wrongStatus = (status: RunStatus, allowed: readonly RunStatus[]): WrongStatus => ({
  ok: false,
  reason: "status",
  status,
  allowed,
});
const ok = <T>(value: T) => ({ ok: true as const, value });

/** Thrown inside a transaction to roll it back and answer `result` instead. */
class Abort<R> {
  constructor(readonly result: R) {}
}

export class SqlStore implements Store {
  constructor(
    private readonly db: Db,
    readonly kind: StoreKind,
    readonly where: string,
  ) {}

  /** Runs `fn` in a transaction; an `Abort` rolls it back and gives its result. On SQLite the
   * transaction takes the write lock at its start (BEGIN IMMEDIATE): a deferred one that read
   * and then writes fails at once (SQLITE_BUSY_SNAPSHOT) when another process wrote meanwhile,
   * where an immediate one waits its turn (the busy timeout). */
  private async tx<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    try {
      if (this.kind === "postgres") return await this.db.transaction().execute(fn);
      return await this.db.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn);
        try {
          const result = await fn(conn);
          await sql`commit`.execute(conn);
          return result;
        } catch (e) {
          await sql`rollback`.execute(conn).catch(() => {});
          throw e;
        }
      });
    } catch (e) {
      if (e instanceof Abort) return e.result as T;
      throw e;
    }
  }

  // ——— Texts ———

  /** Keeps a text by its hash (once, whoever else keeps the same text). */
  private async putText(tx: Db, content: string, at: Timestamp): Promise<string> {
    const hash = sha256(content);
    await tx
      .insertInto("texts")
      .values({ sha256: hash, content, created_at: at })
      .onConflict((oc) => oc.column("sha256").doNothing())
      .execute();
    return hash;
  }

  /** Deletes a text nothing points at any more. */
  private async dropTextIfUnused(tx: Db, hash: string): Promise<void> {
    await tx
      .deleteFrom("texts")
      .where("sha256", "=", hash)
      .where(({ exists, not, or, selectFrom }) =>
        not(
          or([
            exists(selectFrom("worlds").select("id").where("worlds.sha256", "=", hash)),
            exists(selectFrom("scenarios").select("id").where("scenarios.sha256", "=", hash)),
            exists(selectFrom("runs").select("id").where("runs.scenario_sha256", "=", hash)),
            exists(selectFrom("runs").select("id").where("runs.world_sha256", "=", hash)),
          ]),
        ),
      )
      .execute();
  }

  private async text(tx: Db, hash: string): Promise<string> {
    const row = await tx
      .selectFrom("texts")
      .select("content")
      .where("sha256", "=", hash)
      .executeTakeFirstOrThrow();
    return row.content;
  }

  // ——— Worlds ———

  async createWorld(w: NewWorld): Promise<Result<WorldRecord, NotFound>> {
    const parentId = w.parentId ?? null;
    try {
      return await this.tx(async (tx) => {
        const hash = await this.putText(tx, w.content, w.at);
        const row = {
          id: w.id ?? randomUUID(),
          name: w.name,
          parent_id: parentId,
          sha256: hash,
          content_type: w.contentType,
          version: 1,
          created_at: w.at,
          updated_at: w.at,
        };
        await tx.insertInto("worlds").values(row).execute();
        return ok({ ...worldSummary(row), content: w.content });
      });
    } catch (e) {
      // The parent named is not there: the text kept before is rolled back with the rest.
      if (isForeignKeyViolation(e) && parentId !== null) return notFound("world", parentId);
      throw e;
    }
  }

  async getWorld(id: string): Promise<WorldRecord | undefined> {
    const r = await this.db
      .selectFrom("worlds")
      .innerJoin("texts", "texts.sha256", "worlds.sha256")
      .selectAll("worlds")
      .select("texts.content")
      .where("worlds.id", "=", id)
      .executeTakeFirst();
    return r && { ...worldSummary(r), content: r.content };
  }

  async listWorlds(): Promise<WorldSummary[]> {
    const rows = await this.db
      .selectFrom("worlds")
      .selectAll()
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map(worldSummary);
  }

  async updateWorld(
    id: string,
    expectedVersion: number,
    change: WorldChange,
  ): Promise<Result<WorldRecord, NotFound | Conflict>> {
    return this.tx<Result<WorldRecord, NotFound | Conflict>>(async (tx) => {
      const cur = await tx.selectFrom("worlds").selectAll().where("id", "=", id).executeTakeFirst();
      if (!cur) return notFound("world", id);
      if (cur.version !== expectedVersion) return conflict(expectedVersion, cur.version);
      const hash =
        change.content === undefined
          ? cur.sha256
          : await this.putText(tx, change.content, change.at);
      const row = await tx
        .updateTable("worlds")
        .set((eb) => ({
          name: change.name ?? cur.name,
          sha256: hash,
          content_type: change.contentType ?? cur.content_type,
          updated_at: change.at,
          version: eb("version", "+", 1),
        }))
        .where("id", "=", id)
        .where("version", "=", expectedVersion)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new Abort(await this.currentConflict(tx, "worlds", id, expectedVersion));
      if (hash !== cur.sha256) await this.dropTextIfUnused(tx, cur.sha256);
      const content = change.content ?? (await this.text(tx, hash));
      return ok({ ...worldSummary(row), content });
    });
  }

  async deleteWorld(
    id: string,
    expectedVersion: number,
  ): Promise<Result<null, NotFound | Conflict | InUse>> {
    try {
      return await this.tx<Result<null, NotFound | Conflict | InUse>>(async (tx) => {
        const cur = await tx
          .selectFrom("worlds")
          .select(["version", "sha256"])
          .where("id", "=", id)
          .executeTakeFirst();
        if (!cur) return notFound("world", id);
        if (cur.version !== expectedVersion) return conflict(expectedVersion, cur.version);
        const by = await this.worldUsedBy(tx, id);
        if (by) return inUse(by);
        const gone = await tx
          .deleteFrom("worlds")
          .where("id", "=", id)
          .where("version", "=", expectedVersion)
          .executeTakeFirst();
        if (gone.numDeletedRows === 0n)
          throw new Abort(await this.currentConflict(tx, "worlds", id, expectedVersion));
        await this.dropTextIfUnused(tx, cur.sha256);
        return ok(null);
      });
    } catch (e) {
      // Something came to point at it between the check and the delete.
      if (isForeignKeyViolation(e)) return inUse((await this.worldUsedBy(this.db, id)) ?? "runs");
      throw e;
    }
  }

  /** What still points at a world, if anything: a world made from it, a scenario, a run. */
  private async worldUsedBy(tx: Db, id: string): Promise<InUse["by"] | undefined> {
    const child = tx.selectFrom("worlds").select("id").where("parent_id", "=", id);
    if (await child.executeTakeFirst()) return "worlds";
    const scenario = tx.selectFrom("scenarios").select("id").where("world_id", "=", id);
    if (await scenario.executeTakeFirst()) return "scenarios";
    const run = tx.selectFrom("runs").select("id").where("world_id", "=", id);
    if (await run.executeTakeFirst()) return "runs";
    return undefined;
  }

  /** The answer to a guarded write that touched no row: gone, or moved on. */
  private async currentConflict(
    tx: Db,
    table: "worlds" | "scenarios",
    id: string,
    expected: number,
  ): Promise<NotFound | Conflict> {
    const cur = await tx
      .selectFrom(table)
      .select("version")
      .where("id", "=", id)
      .executeTakeFirst();
    return cur
      ? conflict(expected, cur.version)
      : notFound(table === "worlds" ? "world" : "scenario", id);
  }

  // ——— Scenarios ———

  async createScenario(s: NewScenario): Promise<Result<ScenarioRecord, NotFound>> {
    const worldId = s.worldId ?? null;
    try {
      return await this.tx(async (tx) => {
        const hash = await this.putText(tx, s.text, s.at);
        const row = {
          id: s.id ?? randomUUID(),
          name: s.name,
          world_id: worldId,
          sha256: hash,
          content_type: s.contentType,
          version: 1,
          created_at: s.at,
          updated_at: s.at,
        };
        await tx.insertInto("scenarios").values(row).execute();
        return ok({ ...scenarioSummary(row), text: s.text });
      });
    } catch (e) {
      // The world named is not there: the text kept before is rolled back with the rest.
      if (isForeignKeyViolation(e) && worldId !== null) return notFound("world", worldId);
      throw e;
    }
  }

  async getScenario(id: string): Promise<ScenarioRecord | undefined> {
    const r = await this.db
      .selectFrom("scenarios")
      .innerJoin("texts", "texts.sha256", "scenarios.sha256")
      .selectAll("scenarios")
      .select("texts.content")
      .where("scenarios.id", "=", id)
      .executeTakeFirst();
    return r && { ...scenarioSummary(r), text: r.content };
  }

  async listScenarios(query: { worldId?: string } = {}): Promise<ScenarioSummary[]> {
    let q = this.db.selectFrom("scenarios").selectAll();
    if (query.worldId !== undefined) q = q.where("world_id", "=", query.worldId);
    const rows = await q.orderBy("created_at").orderBy("id").execute();
    return rows.map(scenarioSummary);
  }

  async updateScenario(
    id: string,
    expectedVersion: number,
    change: ScenarioChange,
  ): Promise<Result<ScenarioRecord, NotFound | Conflict>> {
    try {
      return await this.tx<Result<ScenarioRecord, NotFound | Conflict>>(async (tx) => {
        const cur = await tx
          .selectFrom("scenarios")
          .selectAll()
          .where("id", "=", id)
          .executeTakeFirst();
        if (!cur) return notFound("scenario", id);
        if (cur.version !== expectedVersion) return conflict(expectedVersion, cur.version);
        const hash =
          change.text === undefined ? cur.sha256 : await this.putText(tx, change.text, change.at);
        const row = await tx
          .updateTable("scenarios")
          .set((eb) => ({
            name: change.name ?? cur.name,
            sha256: hash,
            content_type: change.contentType ?? cur.content_type,
            world_id: change.worldId === undefined ? cur.world_id : change.worldId,
            updated_at: change.at,
            version: eb("version", "+", 1),
          }))
          .where("id", "=", id)
          .where("version", "=", expectedVersion)
          .returningAll()
          .executeTakeFirst();
        if (!row) throw new Abort(await this.currentConflict(tx, "scenarios", id, expectedVersion));
        if (hash !== cur.sha256) await this.dropTextIfUnused(tx, cur.sha256);
        const text = change.text ?? (await this.text(tx, hash));
        return ok({ ...scenarioSummary(row), text });
      });
    } catch (e) {
      if (isForeignKeyViolation(e) && change.worldId) return notFound("world", change.worldId);
      throw e;
    }
  }

  async deleteScenario(
    id: string,
    expectedVersion: number,
  ): Promise<Result<null, NotFound | Conflict | InUse>> {
    try {
      return await this.tx<Result<null, NotFound | Conflict | InUse>>(async (tx) => {
        const cur = await tx
          .selectFrom("scenarios")
          .select(["version", "sha256"])
          .where("id", "=", id)
          .executeTakeFirst();
        if (!cur) return notFound("scenario", id);
        if (cur.version !== expectedVersion) return conflict(expectedVersion, cur.version);
        const run = await tx
          .selectFrom("runs")
          .select("id")
          .where("scenario_id", "=", id)
          .executeTakeFirst();
        if (run) return inUse("runs");
        const gone = await tx
          .deleteFrom("scenarios")
          .where("id", "=", id)
          .where("version", "=", expectedVersion)
          .executeTakeFirst();
        if (gone.numDeletedRows === 0n)
          throw new Abort(await this.currentConflict(tx, "scenarios", id, expectedVersion));
        await this.dropTextIfUnused(tx, cur.sha256);
        return ok(null);
      });
    } catch (e) {
      if (isForeignKeyViolation(e)) return inUse("runs");
      throw e;
    }
  }

  // ——— Runs ———

  async createRun(r: NewRun): Promise<Result<RunRecord, NotFound | Conflict>> {
    const pg = this.kind === "postgres";
    return this.tx(async (tx) => {
      // On PostgreSQL the scenario and world rows are locked until the run is written, so the
      // texts the run points at cannot be replaced and dropped meanwhile.
      const sc = await tx
        .selectFrom("scenarios")
        .select(["id", "version", "sha256", "world_id"])
        .where("id", "=", r.scenarioId)
        .$if(pg, (q) => q.forShare())
        .executeTakeFirst();
      if (!sc) return notFound("scenario", r.scenarioId);
      if (r.scenarioVersion !== undefined && sc.version !== r.scenarioVersion)
        return conflict(r.scenarioVersion, sc.version);
      const worldId = r.worldId ?? sc.world_id;
      if (worldId === null)
        throw new TypeError(
          `createRun: scenario ${r.scenarioId} names no world and the run names none`,
        );
      const w = await tx
        .selectFrom("worlds")
        .select(["id", "sha256"])
        .where("id", "=", worldId)
        .$if(pg, (q) => q.forShare())
        .executeTakeFirst();
      if (!w) return notFound("world", worldId);
      const ours = { scenario: sc.sha256, world: w.sha256 };
      for (const [k, v] of Object.entries(ours)) {
        const given = r.inputs?.[k];
        if (given !== undefined && given !== v)
          throw new Error(
            `createRun: inputs.${k} is ${given} but the stored ${k}'s text has SHA-256 ${v}`,
          );
      }
      const row: RunsTable = {
        id: r.id ?? randomUUID(),
        scenario_id: sc.id,
        world_id: w.id,
        scenario_sha256: sc.sha256,
        world_sha256: w.sha256,
        status: "queued",
        progress_done: 0,
        progress_total: r.total ?? 0,
        seed: r.seed ?? null,
        draws: r.draws ?? null,
        options: jsonText(r.options ?? {}, "createRun options"),
        inputs: jsonText({ ...r.inputs, ...ours }, "createRun inputs"),
        result: null,
        warnings: null,
        error: null,
        version: 1,
        created_at: r.at,
        started_at: null,
        finished_at: null,
        updated_at: r.at,
      };
      await tx.insertInto("runs").values(row).execute();
      return ok(runRecord(row));
    });
  }

  /** A guarded step of a run: one UPDATE whose WHERE holds the statuses it applies to. */
  private async step(
    id: string,
    allowed: readonly RunStatus[],
    set: Partial<Omit<RunsTable, "id" | "version">>,
  ): Promise<Result<RunRecord, NotFound | WrongStatus>> {
    const row = await this.db
      .updateTable("runs")
      .set((eb) => ({ ...set, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("status", "in", allowed)
      .returningAll()
      .executeTakeFirst();
    return row ? ok(runRecord(row)) : this.why(id, allowed);
  }

  /** Why a guarded step of a run touched no row. */
  private async why(id: string, allowed: readonly RunStatus[]): Promise<NotFound | WrongStatus> {
    const cur = await this.db
      .selectFrom("runs")
      .select("status")
      .where("id", "=", id)
      .executeTakeFirst();
    return cur ? wrongStatus(cur.status as RunStatus, allowed) : notFound("run", id);
  }

  startRun(id: string, at: Timestamp): Promise<Result<RunRecord, NotFound | WrongStatus>> {
    return this.step(id, ["queued"], { status: "running", started_at: at, updated_at: at });
  }

  progress(
    id: string,
    p: RunProgress,
    at: Timestamp,
  ): Promise<Result<RunRecord, NotFound | WrongStatus>> {
    return this.step(id, ["running"], {
      progress_done: p.done,
      progress_total: p.total,
      updated_at: at,
    });
  }

  async finishRun(
    id: string,
    done: { result: Json; warnings: Json; progress?: RunProgress; at: Timestamp },
  ): Promise<Result<RunRecord, NotFound | WrongStatus>> {
    const result = jsonText(done.result, "finishRun result");
    const warnings = jsonText(done.warnings, "finishRun warnings");
    if (done.progress)
      return this.step(id, ["running"], {
        status: "done",
        result,
        warnings,
        progress_done: done.progress.done,
        progress_total: done.progress.total,
        finished_at: done.at,
        updated_at: done.at,
      });
    // Without a final count, done is the total.
    const row = await this.db
      .updateTable("runs")
      .set((eb) => ({
        status: "done",
        result,
        warnings,
        progress_done: eb.ref("progress_total"),
        finished_at: done.at,
        updated_at: done.at,
        version: eb("version", "+", 1),
      }))
      .where("id", "=", id)
      .where("status", "=", "running")
      .returningAll()
      .executeTakeFirst();
    return row ? ok(runRecord(row)) : this.why(id, ["running"]);
  }

  failRun(
    id: string,
    failed: { error: string; warnings?: Json; at: Timestamp },
  ): Promise<Result<RunRecord, NotFound | WrongStatus>> {
    return this.step(id, LIVE_STATUSES, {
      status: "failed",
      error: failed.error,
      ...(failed.warnings === undefined
        ? {}
        : { warnings: jsonText(failed.warnings, "failRun warnings") }),
      finished_at: failed.at,
      updated_at: failed.at,
    });
  }

  cancelRun(
    id: string,
    c: { result?: Json; warnings?: Json; at: Timestamp },
  ): Promise<Result<RunRecord, NotFound | WrongStatus>> {
    return this.step(id, LIVE_STATUSES, {
      status: "cancelled",
      ...(c.result === undefined ? {} : { result: jsonText(c.result, "cancelRun result") }),
      ...(c.warnings === undefined ? {} : { warnings: jsonText(c.warnings, "cancelRun warnings") }),
      finished_at: c.at,
      updated_at: c.at,
    });
  }

  async getRun(id: string): Promise<RunRecord | undefined> {
    const r = await this.db.selectFrom("runs").selectAll().where("id", "=", id).executeTakeFirst();
    return r && runRecord(r);
  }

  async listRuns(query: RunQuery = {}): Promise<RunSummary[]> {
    let q = this.db.selectFrom("runs").select(RUN_SUMMARY_COLUMNS);
    if (query.scenarioId !== undefined) q = q.where("scenario_id", "=", query.scenarioId);
    if (query.status !== undefined) {
      const statuses: readonly RunStatus[] =
        typeof query.status === "string" ? [query.status] : query.status;
      if (statuses.length === 0) return [];
      q = q.where("status", "in", statuses);
    }
    const limit = Math.min(Math.max(0, Math.floor(query.limit ?? DEFAULT_LIMIT)), MAX_LIMIT);
    const rows = await q
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .offset(Math.max(0, Math.floor(query.offset ?? 0)))
      .execute();
    return rows.map(runSummary);
  }

  async runInputs(id: string): Promise<RunInputs | undefined> {
    const r = await this.db.selectFrom("runs").selectAll().where("id", "=", id).executeTakeFirst();
    if (!r) return undefined;
    const scenario = await this.text(this.db, r.scenario_sha256);
    const world = await this.text(this.db, r.world_sha256);
    return {
      run: runRecord(r),
      scenario: { text: scenario, sha256: r.scenario_sha256 },
      world: { content: world, sha256: r.world_sha256 },
    };
  }

  async deleteRun(id: string): Promise<Result<null, NotFound | WrongStatus>> {
    const over: readonly RunStatus[] = ["done", "failed", "interrupted", "cancelled"];
    return this.tx(async (tx) => {
      const gone = await tx
        .deleteFrom("runs")
        .where("id", "=", id)
        .where("status", "in", over)
        .returning(["scenario_sha256", "world_sha256"])
        .executeTakeFirst();
      if (!gone) {
        const cur = await tx
          .selectFrom("runs")
          .select("status")
          .where("id", "=", id)
          .executeTakeFirst();
        return cur ? wrongStatus(cur.status as RunStatus, over) : notFound("run", id);
      }
      await this.dropTextIfUnused(tx, gone.scenario_sha256);
      await this.dropTextIfUnused(tx, gone.world_sha256);
      return ok(null);
    });
  }

  async markInterrupted(at: Timestamp): Promise<number> {
    const r = await this.db
      .updateTable("runs")
      .set((eb) => ({
        status: "interrupted",
        finished_at: at,
        updated_at: at,
        version: eb("version", "+", 1),
      }))
      .where("status", "in", LIVE_STATUSES)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  // ——— Tokens ———

  async createToken(t: NewToken): Promise<TokenRecord> {
    const row = {
      id: t.id ?? randomUUID(),
      name: t.name,
      hash: sha256(t.secret),
      created_at: t.at,
      revoked_at: null,
    };
    await this.db.insertInto("tokens").values(row).execute();
    return tokenRecord(row);
  }

  async findToken(secret: string): Promise<TokenRecord | undefined> {
    const r = await this.db
      .selectFrom("tokens")
      .selectAll()
      .where("hash", "=", sha256(secret))
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    return r && tokenRecord(r);
  }

  async listTokens(): Promise<TokenRecord[]> {
    const rows = await this.db
      .selectFrom("tokens")
      .selectAll()
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map(tokenRecord);
  }

  async revokeToken(id: string, at: Timestamp): Promise<boolean> {
    const r = await this.db
      .updateTable("tokens")
      .set({ revoked_at: at })
      .where("id", "=", id)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
