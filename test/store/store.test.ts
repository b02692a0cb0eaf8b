/**
 * The store (src/store/, docs/store.md): one suite run against SQLite (a temporary file) and
 * PostgreSQL (a throwaway cluster on 127.0.0.1 started here), then what only SQLite's file
 * shows (a writer killed with SIGKILL, again and again) and the errors of stores that cannot be
 * opened.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import type { KyselyPlugin, Migration } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Json, Store } from "../../src/run/store.js";
import { StoreUnavailable } from "../../src/store/errors.js";
import { MIGRATIONS } from "../../src/store/migrations/index.js";
import { type OpenOptions, openStore } from "../../src/store/open.js";
import { findInitdb, freePort, type Postgres, startPostgres } from "../helpers/postgres.js";
import { skipReason } from "../helpers/tools.js";

const ROOT = resolve(import.meta.dirname, "../..");
const INITDB = findInitdb();
const hash = (t: string) => createHash("sha256").update(t, "utf8").digest("hex");
const T = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();

/** A backend: gives fresh, empty stores and reads their tables directly (not through levier). */
interface Backend {
  fresh(): Promise<string>;
  rows(target: string, query: string): Promise<Record<string, unknown>[]>;
}

const tmp = mkdtempSync(join(tmpdir(), "levier-store-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let files = 0;
const sqlite: Backend = {
  fresh: async () => join(tmp, `store-${++files}.db`),
  rows: async (path, query) => {
    const db = new BetterSqlite3(path);
    try {
      return db.prepare(query).all() as Record<string, unknown>[];
    } finally {
      db.close();
    }
  },
};

let server: Postgres | undefined;
let databases = 0;
const postgres: Backend = {
  fresh: () => server!.createDatabase(`t${++databases}`),
  rows: async (url, query) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query(query)).rows;
    } finally {
      await c.end();
    }
  },
};

/** The same tests on every backend. */
function storeSuite(b: Backend) {
  const open = async (target: string, opts?: OpenOptions) => openStore(target, opts);
  const opened: Store[] = [];
  afterAll(async () => {
    for (const s of opened) await s.close().catch(() => {});
  });
  /** A fresh store with a world and a scenario on it. */
  async function withScenario(opts?: OpenOptions) {
    const target = await b.fresh();
    const store = await open(target, opts);
    opened.push(store);
    const w = await store.createWorld({
      name: "default",
      content: '{"actors":["EU","US"]}',
      contentType: "application/json",
      at: T(0),
    });
    if (!w.ok) throw new Error("world");
    const s = await store.createScenario({
      name: "caps",
      text: "name: caps\nhorizon: 6\n",
      contentType: "application/yaml",
      worldId: w.value.id,
      at: T(1),
    });
    if (!s.ok) throw new Error("scenario");
    return { target, store, world: w.value, scenario: s.value };
  }

  it("runs the migrations once, records them, and runs a new one at the next open", async () => {
    const target = await b.fresh();
    let ups = 0;
    const counted: Record<string, Migration> = {
      "0001-initial": {
        up: async (db) => {
          ups++;
          await MIGRATIONS["0001-initial"]!.up(db);
        },
      },
    };
    await (await open(target, { migrations: counted })).close();
    await (await open(target, { migrations: counted })).close();
    expect(ups).toBe(1);
    const names = async () =>
      (await b.rows(target, "select name from kysely_migration order by name")).map((r) => r.name);
    expect(await names()).toEqual(["0001-initial"]);

    let second = 0;
    const next: Record<string, Migration> = {
      ...counted,
      "0002-test": {
        up: async (db) => {
          second++;
          await db.schema.createTable("test_extra").addColumn("x", "integer").execute();
        },
      },
    };
    await (await open(target, { migrations: next })).close();
    await (await open(target, { migrations: next })).close();
    expect([ups, second]).toEqual([1, 1]);
    expect(await names()).toEqual(["0001-initial", "0002-test"]);
    expect(await b.rows(target, "select count(*) as n from test_extra")).toHaveLength(1);

    // Opened by a levier that knows fewer migrations than the database had: refused, named.
    const err = await open(target).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailable);
    expect(String((err as Error).message)).toMatch(/newer levier.*0002-test/);
  });

  it("keeps worlds and scenarios: texts byte for byte, their hashes, lists without content", async () => {
    const target = await b.fresh();
    const store = await open(target);
    opened.push(store);
    const content = '{\n  "name": "Zürich — 汉字",\r\n  "x": 1.5e-300 }\t \n\n';
    const w = await store.createWorld({
      id: "default",
      name: "levier default",
      content,
      contentType: "application/json",
      at: T(0),
    });
    expect(w.ok).toBe(true);
    const child = await store.createWorld({
      name: "mine",
      parentId: "default",
      content: "actors: [EU]\n",
      contentType: "application/yaml",
      at: T(1),
    });
    if (!child.ok) throw new Error("child");
    const got = await store.getWorld("default");
    expect(got).toEqual({
      id: "default",
      name: "levier default",
      parentId: null,
      content,
      contentType: "application/json",
      sha256: hash(content),
      version: 1,
      createdAt: T(0),
      updatedAt: T(0),
    });
    expect((await store.getWorld(child.value.id))?.parentId).toBe("default");
    const list = await store.listWorlds();
    expect(list.map((x) => x.id)).toEqual(["default", child.value.id]);
    expect(list[0]).not.toHaveProperty("content");

    const text = "# a scenario\nname: Lithography cut-off\nmeasures:\n  - { kind: cap }  \n";
    const s = await store.createScenario({
      name: "litho",
      text,
      contentType: "application/yaml",
      worldId: "default",
      at: T(2),
    });
    if (!s.ok) throw new Error("scenario");
    expect(await store.getScenario(s.value.id)).toEqual({
      id: s.value.id,
      name: "litho",
      text,
      contentType: "application/yaml",
      sha256: hash(text),
      worldId: "default",
      version: 1,
      createdAt: T(2),
      updatedAt: T(2),
    });
    const loose = await store.createScenario({
      name: "any world",
      text: '{"name":"json form"}',
      contentType: "application/json",
      at: T(3),
    });
    expect(loose.ok && loose.value.worldId).toBe(null);
    expect((await store.listScenarios()).map((x) => x.name)).toEqual(["litho", "any world"]);
    expect((await store.listScenarios({ worldId: "default" })).map((x) => x.name)).toEqual([
      "litho",
    ]);

    const edited = await store.updateScenario(s.value.id, 1, { text: "name: edited\n", at: T(4) });
    expect(edited).toMatchObject({
      ok: true,
      value: {
        text: "name: edited\n",
        name: "litho",
        version: 2,
        updatedAt: T(4),
        createdAt: T(2),
      },
    });
    const renamed = await store.updateWorld(child.value.id, 1, { name: "mine, v2", at: T(5) });
    expect(renamed).toMatchObject({ ok: true, value: { name: "mine, v2", version: 2 } });
    expect(renamed.ok && renamed.value.content).toBe("actors: [EU]\n");

    // The text replaced is gone (nothing points at it); the new one is kept once.
    const texts = await b.rows(target, "select sha256 from texts");
    expect(texts.map((r) => r.sha256)).not.toContain(hash(text));
    expect(texts.map((r) => r.sha256)).toContain(hash("name: edited\n"));

    expect(await store.deleteScenario(loose.ok ? loose.value.id : "", 1)).toEqual({
      ok: true,
      value: null,
    });
    expect(await store.getScenario(loose.ok ? loose.value.id : "")).toBeUndefined();
    expect(await store.deleteWorld("default", 1)).toEqual({
      ok: false,
      reason: "in-use",
      by: "worlds",
    });
    expect(await store.deleteWorld(child.value.id, 2)).toEqual({ ok: true, value: null });
    expect(await store.deleteWorld("default", 1)).toEqual({
      ok: false,
      reason: "in-use",
      by: "scenarios",
    });
    expect(await store.getWorld("nope")).toBeUndefined();
    expect(await store.updateWorld("nope", 1, { name: "x", at: T(6) })).toEqual({
      ok: false,
      reason: "not-found",
      what: "world",
      id: "nope",
    });
  });

  it("refuses an update or a delete with a stale version, writing nothing", async () => {
    const { target, store, scenario, world } = await withScenario();
    const first = await store.updateScenario(scenario.id, 1, { text: "name: first\n", at: T(5) });
    expect(first.ok).toBe(true);
    const stale = await store.updateScenario(scenario.id, 1, {
      text: "name: lost edit\n",
      name: "lost",
      at: T(6),
    });
    expect(stale).toEqual({ ok: false, reason: "conflict", expected: 1, current: 2 });
    const now = await store.getScenario(scenario.id);
    expect([now?.text, now?.name, now?.version, now?.updatedAt]).toEqual([
      "name: first\n",
      "caps",
      2,
      T(5),
    ]);
    const shas = (await b.rows(target, "select sha256 from texts")).map((r) => r.sha256);
    expect(shas).not.toContain(hash("name: lost edit\n"));
    expect(await store.deleteScenario(scenario.id, 1)).toEqual({
      ok: false,
      reason: "conflict",
      expected: 1,
      current: 2,
    });
    expect(await store.updateWorld(world.id, 7, { name: "x", at: T(7) })).toEqual({
      ok: false,
      reason: "conflict",
      expected: 7,
      current: 1,
    });

    // Two writers with the same version at once: one wins, the other is told.
    const both = await Promise.all([
      store.updateScenario(scenario.id, 2, { text: "name: a\n", at: T(8) }),
      store.updateScenario(scenario.id, 2, { text: "name: b\n", at: T(8) }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.filter((r) => !r.ok)).toEqual([
      { ok: false, reason: "conflict", expected: 2, current: 3 },
    ]);
    const winner = both.find((r) => r.ok);
    expect((await store.getScenario(scenario.id))?.text).toBe(winner?.ok && winner.value.text);
  });

  it("takes a run through its life: queued, running, progress, done, each step guarded", async () => {
    const { store, scenario, world } = await withScenario();
    const made = await store.createRun({
      scenarioId: scenario.id,
      seed: 2 ** 40 + 3,
      draws: 100,
      total: 100,
      options: { horizon: 6, loss: "total", sampling: "sobol" },
      inputs: { council: "c".repeat(64) },
      at: T(10),
    });
    if (!made.ok) throw new Error("createRun");
    const run = made.value;
    expect(run).toMatchObject({
      scenarioId: scenario.id,
      worldId: world.id,
      status: "queued",
      progress: { done: 0, total: 100 },
      seed: 2 ** 40 + 3,
      draws: 100,
      options: { horizon: 6, loss: "total", sampling: "sobol" },
      inputs: { council: "c".repeat(64), scenario: scenario.sha256, world: world.sha256 },
      result: null,
      warnings: null,
      error: null,
      version: 1,
      createdAt: T(10),
      startedAt: null,
      finishedAt: null,
    });
    expect(await store.getRun(run.id)).toEqual(run);
    expect(await store.finishRun(run.id, { result: 1, warnings: [], at: T(11) })).toEqual({
      ok: false,
      reason: "status",
      status: "queued",
      allowed: ["running"],
    });
    const started = await store.startRun(run.id, T(12));
    expect(started).toMatchObject({
      ok: true,
      value: { status: "running", startedAt: T(12), version: 2 },
    });
    expect(await store.startRun(run.id, T(13))).toMatchObject({ ok: false, status: "running" });
    expect(await store.progress(run.id, { done: 40, total: 100 }, T(14))).toMatchObject({
      ok: true,
      value: { progress: { done: 40, total: 100 }, version: 3 },
    });
    const result: Json = {
      name: "caps — 汉字",
      numbers: [0.1 + 0.2, 1e-300, -1.7976931348623157e308, 5e-324, 123456789012345],
      nested: { a: [true, false, null, { b: "" }], "key with spaces": '\u0000\n\t"' },
    };
    const warnings: Json = [{ severity: "warning", code: "horizon-cut", message: "cut" }];
    const finished = await store.finishRun(run.id, { result, warnings, at: T(15) });
    expect(finished).toMatchObject({
      ok: true,
      value: { status: "done", progress: { done: 100, total: 100 }, finishedAt: T(15) },
    });
    const back = await store.getRun(run.id);
    expect(back?.result).toEqual(result);
    expect(back?.warnings).toEqual(warnings);
    expect(await store.failRun(run.id, { error: "late", at: T(16) })).toMatchObject({
      ok: false,
      status: "done",
      allowed: ["queued", "running"],
    });

    const failed = await store.createRun({ scenarioId: scenario.id, at: T(20) });
    if (!failed.ok) throw new Error("createRun");
    expect(
      await store.failRun(failed.value.id, { error: "no HiGHS", warnings: [1], at: T(21) }),
    ).toMatchObject({ ok: true, value: { status: "failed", error: "no HiGHS", warnings: [1] } });
    const cancelled = await store.createRun({ scenarioId: scenario.id, at: T(30) });
    if (!cancelled.ok) throw new Error("createRun");
    await store.startRun(cancelled.value.id, T(31));
    expect(
      await store.cancelRun(cancelled.value.id, { result: { partial: true }, at: T(32) }),
    ).toMatchObject({ ok: true, value: { status: "cancelled", result: { partial: true } } });

    const list = await store.listRuns();
    expect(list.map((r) => r.id)).toEqual([cancelled.value.id, failed.value.id, run.id]);
    expect(list[0]).not.toHaveProperty("result");
    expect((await store.listRuns({ status: "done" })).map((r) => r.id)).toEqual([run.id]);
    expect(
      (await store.listRuns({ status: ["failed", "done"], limit: 1 })).map((r) => r.id),
    ).toEqual([failed.value.id]);
    expect((await store.listRuns({ limit: 2, offset: 2 })).map((r) => r.id)).toEqual([run.id]);
    expect(await store.getRun("nope")).toBeUndefined();
    expect(await store.startRun("nope", T(40))).toEqual({
      ok: false,
      reason: "not-found",
      what: "run",
      id: "nope",
    });
    expect(
      await store.createRun({ scenarioId: scenario.id, scenarioVersion: 4, at: T(41) }),
    ).toEqual({ ok: false, reason: "conflict", expected: 4, current: 1 });
  });

  it("keeps what a run ran on, so it reproduces after the scenario and the world change", async () => {
    const { target, store, scenario, world } = await withScenario();
    const made = await store.createRun({ scenarioId: scenario.id, seed: 7, draws: 10, at: T(10) });
    if (!made.ok) throw new Error("createRun");
    await store.startRun(made.value.id, T(11));
    await store.finishRun(made.value.id, { result: { v: 1 }, warnings: [], at: T(12) });
    await store.updateScenario(scenario.id, 1, { text: "name: changed\n", at: T(13) });
    await store.updateWorld(world.id, 1, { content: '{"actors":["CN"]}', at: T(14) });

    const inputs = await store.runInputs(made.value.id);
    expect(inputs?.scenario).toEqual({ text: scenario.text, sha256: scenario.sha256 });
    expect(inputs?.world).toEqual({ content: world.content, sha256: world.sha256 });
    expect(inputs?.run.inputs).toEqual({
      scenario: hash(scenario.text),
      world: hash(world.content),
    });
    expect([inputs?.run.seed, inputs?.run.draws]).toEqual([7, 10]);

    expect(await store.deleteScenario(scenario.id, 2)).toEqual({
      ok: false,
      reason: "in-use",
      by: "runs",
    });
    expect(await store.deleteRun(made.value.id)).toEqual({ ok: true, value: null });
    expect(await store.deleteScenario(scenario.id, 2)).toEqual({ ok: true, value: null });
    // The texts of the run went with it; the world's current text stays.
    const shas = (await b.rows(target, "select sha256 from texts")).map((r) => r.sha256);
    expect(shas).toEqual([hash('{"actors":["CN"]}')]);
  });

  it("marks the runs in progress interrupted when reopened", async () => {
    const { target, store, scenario } = await withScenario();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await store.createRun({ scenarioId: scenario.id, at: T(10 + i) });
      if (!r.ok) throw new Error("createRun");
      ids.push(r.value.id);
    }
    await store.startRun(ids[1]!, T(20));
    await store.startRun(ids[2]!, T(20));
    await store.finishRun(ids[2]!, { result: {}, warnings: [], at: T(21) });
    await store.failRun(ids[3]!, { error: "x", at: T(22) });
    await store.close();

    const again = await open(target);
    opened.push(again);
    expect(await again.markInterrupted(T(30))).toBe(2);
    const status = async (id: string) => (await again.getRun(id))?.status;
    expect(await Promise.all(ids.map(status))).toEqual([
      "interrupted",
      "interrupted",
      "done",
      "failed",
    ]);
    expect((await again.getRun(ids[1]!))?.finishedAt).toBe(T(30));
    expect(await again.markInterrupted(T(31))).toBe(0);
    expect(await again.startRun(ids[0]!, T(32))).toMatchObject({
      ok: false,
      status: "interrupted",
    });
  });

  it("leaves nothing of a write that fails midway", async () => {
    let failUpdates = false;
    const faulty: KyselyPlugin = {
      transformQuery(args) {
        if (failUpdates && args.node.kind === "UpdateQueryNode") throw new Error("injected fault");
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const { target, store, scenario } = await withScenario({ plugins: [faulty] });
    const count = async (table: string) =>
      Number((await b.rows(target, `select count(*) as n from ${table}`))[0]!.n);
    const texts = await count("texts");

    // The text is written first, then the scenario is refused by its foreign key: neither stays.
    const orphan = "name: orphan\n";
    expect(
      await store.createScenario({
        name: "orphan",
        text: orphan,
        contentType: "application/yaml",
        worldId: "no-such-world",
        at: T(5),
      }),
    ).toEqual({ ok: false, reason: "not-found", what: "world", id: "no-such-world" });
    expect(
      await store.createWorld({
        name: "orphan",
        parentId: "no-such-world",
        content: orphan,
        contentType: "application/yaml",
        at: T(5),
      }),
    ).toEqual({ ok: false, reason: "not-found", what: "world", id: "no-such-world" });
    expect([await count("texts"), await count("scenarios"), await count("worlds")]).toEqual([
      texts,
      1,
      1,
    ]);
    expect(
      await store.createRun({ scenarioId: scenario.id, worldId: "no-such-world", at: T(6) }),
    ).toEqual({ ok: false, reason: "not-found", what: "world", id: "no-such-world" });
    expect(await count("runs")).toBe(0);

    // The new text is in, then the update of the scenario fails: the text is rolled back.
    failUpdates = true;
    await expect(
      store.updateScenario(scenario.id, 1, { text: "name: half\n", at: T(7) }),
    ).rejects.toThrow("injected fault");
    failUpdates = false;
    expect(await count("texts")).toBe(texts);
    expect(await store.getScenario(scenario.id)).toEqual(scenario);
  });

  it("keeps write tokens hashed", async () => {
    const target = await b.fresh();
    const store = await open(target);
    opened.push(store);
    const t = await store.createToken({ name: "analyst", secret: "s3cret-token", at: T(0) });
    expect(await store.findToken("s3cret-token")).toEqual(t);
    expect(await store.findToken("other")).toBeUndefined();
    const stored = await b.rows(target, "select hash from tokens");
    expect(stored).toEqual([{ hash: hash("s3cret-token") }]);
    expect(await store.revokeToken(t.id, T(1))).toBe(true);
    expect(await store.revokeToken(t.id, T(2))).toBe(false);
    expect(await store.findToken("s3cret-token")).toBeUndefined();
    expect(await store.listTokens()).toEqual([{ ...t, revokedAt: T(1) }]);
  });
}

/** Starts the writer; resolves when it has opened the store. */
function writer(path: string): { proc: ChildProcess; ready: Promise<void> } {
  const proc = spawn(process.execPath, ["--import", "tsx", "test/helpers/store-writer.ts", path], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  proc.stderr!.on("data", (d: Buffer) => {
    err += d.toString();
  });
  const ready = new Promise<void>((ok, fail) => {
    proc.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && ok());
    proc.once("exit", (code, signal) =>
      fail(new Error(`writer exited (${code ?? signal}): ${err}`)),
    );
  });
  return { proc, ready };
}

async function kill(proc: ChildProcess) {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const gone = new Promise((r) => proc.once("exit", r));
  proc.kill("SIGKILL");
  await gone;
}

describe("the store on SQLite", () => {
  storeSuite(sqlite);

  it("opens the file in WAL mode with foreign keys on", async () => {
    const path = await sqlite.fresh();
    const store = await openStore(`sqlite:${path}`);
    expect([store.kind, store.where]).toEqual(["sqlite", path]);
    await store.close();
    expect(await sqlite.rows(path, "pragma journal_mode")).toEqual([{ journal_mode: "wal" }]);
  });

  it("opens a database in memory for sqlite::memory:", async () => {
    const store = await openStore("sqlite::memory:");
    const w = await store.createWorld({
      name: "w",
      content: "{}",
      contentType: "application/json",
      at: T(0),
    });
    expect(w.ok && (await store.getWorld(w.value.id))?.content).toBe("{}");
    await store.close();
  });

  it("takes writes from two processes at once: each waits its turn, none fails", async () => {
    const path = await sqlite.fresh();
    const w = writer(path);
    await w.ready;
    const store = await openStore(path);
    const outcomes = { ok: 0, conflict: 0 };
    try {
      // 1.5 s of writes side by side, longer where a loaded machine made fewer than 11.
      const t0 = Date.now();
      const more = () => Date.now() - t0 < 1500 || (outcomes.ok <= 10 && Date.now() - t0 < 60_000);
      while (more()) {
        const s = (await store.getScenario("s"))!;
        const r = await store.updateScenario("s", s.version, {
          text: `name: ${Date.now()}\n`,
          at: T(1),
        });
        if (!r.ok) expect(r.reason).toBe("conflict");
        outcomes[r.ok ? "ok" : "conflict"]++;
        expect((await store.createRun({ scenarioId: "s", at: T(2) })).ok).toBe(true);
      }
      expect([w.proc.exitCode, w.proc.signalCode]).toEqual([null, null]);
    } finally {
      await kill(w.proc);
      await store.close();
    }
    expect(outcomes.ok).toBeGreaterThan(10);
  });
});

describe.skipIf(!INITDB)(
  INITDB ? "the store on PostgreSQL" : skipReason("initdb", "postgresql"),
  () => {
    beforeAll(async () => {
      server = await startPostgres(INITDB!);
    });
    afterAll(() => server?.stop());
    storeSuite(postgres);

    it("names a database the server does not have", async () => {
      const url = server!.url("no_such_db");
      const err = await openStore(url).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreUnavailable);
      expect((err as Error).message).toBe(
        `the store at ${url}: database "no_such_db" does not exist`,
      );
    });

    it("names the server without its password", async () => {
      const url = await postgres.fresh();
      const store = await openStore(url.replace("test@", "test:pw@"));
      expect([store.kind, store.where]).toEqual(["postgres", url.replace("test@", "test:***@")]);
      await store.close();
    });
  },
);

describe("a SQLite store killed with SIGKILL while writing", () => {
  const ROUNDS = 5;

  it(`stays whole over ${ROUNDS} kills at random moments, and ends the runs it left`, async () => {
    const dir = mkdtempSync(join(tmp, "kill-"));
    const path = join(dir, "levier.db");
    let seen = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const w = writer(path);
      // The first kill may land while the store is still being made (the migrations).
      const delay = round === 0 ? 200 + Math.random() * 1500 : 50 + Math.random() * 600;
      const where = `round ${round}, killed ${Math.round(delay)} ms after ${round === 0 ? "start" : "ready"}`;
      if (round === 0) w.ready.catch(() => {});
      else await w.ready;
      await sleep(delay);
      await kill(w.proc);

      // The file as SQLite sees it, the WAL replayed.
      const db = new BetterSqlite3(path);
      try {
        expect(db.pragma("integrity_check"), where).toEqual([{ integrity_check: "ok" }]);
        expect(db.pragma("foreign_key_check"), where).toEqual([]);
      } finally {
        db.close();
      }
      const store = await openStore(path);
      const runs = await sqlite.rows(path, "select * from runs");
      expect(runs.length, where).toBeGreaterThanOrEqual(seen);
      seen = runs.length;
      let live = 0;
      for (const r of runs) {
        const at = `${where}, run ${r.id}`;
        const inputs = JSON.parse(r.inputs as string);
        expect(Object.keys(inputs).sort(), at).toEqual(["extra", "scenario", "world"]);
        expect([inputs.scenario, inputs.world], at).toEqual([r.scenario_sha256, r.world_sha256]);
        switch (r.status) {
          case "queued":
            expect([r.started_at, r.result, r.finished_at], at).toEqual([null, null, null]);
            live++;
            break;
          case "running":
            expect(r.started_at, at).not.toBeNull();
            expect([r.result, r.finished_at], at).toEqual([null, null]);
            live++;
            break;
          case "done": {
            const result = JSON.parse(r.result as string);
            const sum = (result.payload as number[]).reduce((a, b) => a + b, 0);
            expect([result.payload.length, sum], at).toEqual([3000, result.sum]);
            expect(JSON.parse(r.warnings as string), at).toEqual([{ code: "w", n: result.run }]);
            expect([r.progress_done, r.finished_at !== null], at).toEqual([r.progress_total, true]);
            break;
          }
          case "failed":
            expect([r.error !== null, r.warnings !== null, r.finished_at !== null], at).toEqual([
              true,
              true,
              true,
            ]);
            break;
          case "interrupted":
            expect([r.result, r.finished_at !== null], at).toEqual([null, true]);
            break;
          default:
            throw new Error(`${at}: status ${r.status}`);
        }
      }
      // Every text is what its hash says (no torn text), and the scenario reads back.
      for (const t of await sqlite.rows(path, "select sha256, content from texts"))
        expect(hash(t.content as string), where).toBe(t.sha256);
      if (runs.length > 0)
        expect((await store.getScenario("s"))?.version, where).toBeGreaterThan(0);

      expect(await store.markInterrupted(new Date().toISOString()), where).toBe(live);
      expect(await store.listRuns({ status: ["queued", "running"] }), where).toEqual([]);
      await store.close();
    }
    expect(seen).toBeGreaterThan(0);
  });
});

describe("a store that cannot be opened", () => {
  const dir = join(tmp, "bad");
  mkdirSync(dir, { recursive: true });

  async function refused(target: string, opts?: OpenOptions): Promise<StoreUnavailable> {
    const err = await openStore(target, opts).then(
      async (s) => {
        await s.close();
        return undefined;
      },
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StoreUnavailable);
    return err as StoreUnavailable;
  }

  it("names a folder given as the file", async () => {
    const e = await refused(dir);
    expect(e.message).toBe(`the store at ${dir}: a folder, not a SQLite file`);
  });

  it("names a file that is not SQLite", async () => {
    const file = join(dir, "notes.txt");
    writeFileSync(file, "these are notes, not a database\n".repeat(100));
    const e = await refused(`sqlite:${file}`);
    expect(e.message).toBe(
      `the store at ${file}: not a SQLite database (the file holds something else)`,
    );
  });

  it("names a folder that does not exist", async () => {
    const e = await refused(join(dir, "missing", "levier.db"));
    expect(e.message).toContain(`the folder ${join(dir, "missing")} does not exist`);
  });

  it("names a PostgreSQL server that does not answer, quickly", async () => {
    const port = await freePort();
    const url = `postgres://levier:hunter2@127.0.0.1:${port}/levier`;
    const t0 = Date.now();
    const e = await refused(url, { connectTimeoutMs: 2000 });
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(e.message).toBe(
      `the store at postgres://levier:***@127.0.0.1:${port}/levier: connection refused: no PostgreSQL server listens there`,
    );
    expect(e.message).not.toContain("hunter2");
  });

  it("names a URL it cannot use", async () => {
    expect((await refused("mysql://db/levier")).message).toMatch(
      /unknown kind of database "mysql:"/,
    );
    expect((await refused("postgres://")).message).toMatch(/names no host/);
    expect((await refused("")).message).toMatch(/no database given/);
  });
});

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}
