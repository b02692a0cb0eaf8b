/**
 * The queue executor (src/node/queue.ts) and its workers (`levier worker`, src/cli/worker.ts)
 * against a throwaway Redis that this file starts on loopback and stops: draws on two queue
 * workers are the same, bit for bit, as in this thread and on two threads; a worker killed
 * mid-chunk loses nothing (its chunk stalls and another worker runs it) and duplicates
 * nothing; `levier run --draws N --redis URL` prints the document `--workers 1` prints; a Redis
 * restarted mid-run is resumed; a Redis killed mid-run ends the run with one line and exit 2;
 * bad flags exit 2 naming the flag.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { QueueEvents } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leveragePlan } from "../../src/analysis/leverage/matrix.js";
import { runTasks } from "../../src/analysis/leverage/run-tasks.js";
import { fileReader } from "../../src/io/world-files.js";
import { drawExecutor } from "../../src/node/draw-parallel.js";
import { executorFor } from "../../src/node/executor-for.js";
import { runQueue } from "../../src/node/queue.js";
import { QueueLost, QueueTaskFailed } from "../../src/node/queue-errors.js";
import { QUEUE_NAME, QUEUE_PREFIX } from "../../src/node/queue-keys.js";
import { type DrawJob, type DrawResult, inThreadDraws } from "../../src/run/draws.js";
import { TasksCancelled } from "../../src/run/executor.js";
import { loadScenario } from "../../src/scenario/load.js";
import { loadWorld } from "../../src/world/load.js";
import { fixtureContext } from "../analysis/world.js";
import { runCli } from "../helpers/cli.js";
import { requireTool, skipReason } from "../helpers/tools.js";

const ROOT = resolve(import.meta.dirname, "../..");
const REDIS = requireTool("redis-server", "redis-server");
const FILE = "examples/taiwan-fab-disruption.yaml";
const MONTHS = 2;
const DRAWS = [0, 1, 2, 3];
/** Short locks, so that a killed worker's chunk is retaken within seconds. */
const FAST = ["--lock-duration", "2000", "--stalled-interval", "1000"];

/** A free TCP port on loopback. */
async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

interface Server {
  url: string;
  port: number;
  proc: ChildProcess;
  dir: string;
}

/** A Redis on 127.0.0.1 without persistence, answering PING. */
async function startRedis(port?: number, password?: string): Promise<Server> {
  const p = port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), "levier-redis-"));
  const proc = spawn(
    REDIS!,
    [
      ...["--bind", "127.0.0.1", "--port", String(p), "--save", "", "--appendonly", "no"],
      ...["--dir", dir, "--maxmemory-policy", "noeviction"],
      ...(password ? ["--requirepass", password] : []),
    ],
    { stdio: "ignore" },
  );
  const url = `redis://${password ? `:${password}@` : ""}127.0.0.1:${p}`;
  const probe = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on("error", () => {});
  for (let i = 0; ; i++) {
    try {
      await probe.connect();
      await probe.ping();
      break;
    } catch {
      if (i > 100) throw new Error(`redis-server did not start on port ${p}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  probe.disconnect();
  return { url, port: p, proc, dir };
}

async function stopRedis(s: Server | undefined, signal: NodeJS.Signals = "SIGTERM") {
  if (!s) return;
  if (s.proc.exitCode === null && s.proc.signalCode === null) {
    const exited = new Promise((r) => s.proc.once("exit", r));
    s.proc.kill(signal);
    await exited;
  }
  rmSync(s.dir, { recursive: true, force: true });
}

/** `levier worker --redis URL …` from the sources, as one process (a kill reaches it). */
async function startWorker(url: string): Promise<ChildProcess> {
  const proc = spawn(
    process.execPath,
    ["--import", "tsx", "test/helpers/levier-src.ts", "worker", "--redis", url, ...FAST],
    { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] },
  );
  let err = "";
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`worker not ready: ${err}`)), 90_000);
    proc.stderr!.on("data", (b: Buffer) => {
      err += b.toString();
      if (err.includes("levier worker: ready")) {
        clearTimeout(timer);
        ok();
      }
    });
    proc.once("exit", (code) => fail(new Error(`worker exited (${code}): ${err}`)));
  });
  return proc;
}

async function stopWorker(w: ChildProcess) {
  if (w.exitCode !== null || w.signalCode !== null) return;
  const exited = new Promise((r) => w.once("exit", r));
  w.kill("SIGKILL");
  await exited;
}

/** Whether two results are the same bit for bit: every number's 64 bits (so −0 ≠ 0), every
 * key in the same order. (V8's serialisation is no test of that: it writes an integral double
 * as an int or a double depending on how V8 happens to hold it.) */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") {
    const bits = new Float64Array([a, b]);
    const words = new BigUint64Array(bits.buffer);
    return words[0] === words[1];
  }
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object") {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every(
        (k, i) =>
          k === kb[i] && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
      )
    );
  }
  return a === b;
}

describe.skipIf(!REDIS)(
  REDIS ? "the queue executor" : skipReason("redis-server", "redis-server"),
  () => {
    let redis: Server | undefined;
    const workers: ChildProcess[] = [];
    let job: DrawJob;
    let here: DrawResult[];

    beforeAll(async () => {
      redis = await startRedis();
      // The workers start (a few seconds from the sources) while this thread runs the draws.
      const started = Promise.all([startWorker(redis.url), startWorker(redis.url)]);
      const world = loadWorld(fileReader(ROOT)).world!;
      const text = readFileSync(join(ROOT, FILE), "utf8");
      const { loaded } = loadScenario(text, FILE, world, { horizon: MONTHS });
      job = { world: loaded!.world.world, scenario: loaded!.scenario, seed: 5, measure: "total" };
      here = await inThreadDraws(job, DRAWS);
      workers.push(...(await started));
    });

    afterAll(async () => {
      await Promise.all(workers.map(stopWorker));
      await stopRedis(redis);
    });

    it("gives the draws of this thread and of two threads, bit for bit, on two queue workers", async () => {
      const threads = await drawExecutor(2)(job, DRAWS);
      const seen: number[] = [];
      const queued = await runQueue("draw", job, DRAWS, {
        redis: redis!.url,
        chunk: 2,
        onProgress: (done) => seen.push(done),
      });
      expect(same(threads, here)).toBe(true);
      expect(same(queued, here)).toBe(true);
      expect(seen).toEqual([2, 4]);
      // The draws differ: the figures were drawn.
      expect(here[0]!.actors.TW![0]).not.toBe(here[1]!.actors.TW![0]);
      // The run cleaned up after itself: only BullMQ's own keys are left.
      const probe = new Redis(redis!.url);
      expect(await probe.keys("levier:run:*")).toEqual([]);
      probe.disconnect();
    });

    it("loses and duplicates nothing when a worker is killed mid-chunk", async () => {
      const [victim] = workers;
      const events = new QueueEvents(QUEUE_NAME, {
        connection: { url: redis!.url },
        prefix: QUEUE_PREFIX,
      });
      events.on("error", () => {});
      await events.waitUntilReady();
      const stalled: string[] = [];
      events.on("stalled", ({ jobId }) => stalled.push(jobId));
      const seen: number[] = [];
      // Kill the first worker as soon as it holds a chunk (named by its pid, processedBy).
      const probe = new Redis(redis!.url);
      let killed = false;
      const watch = setInterval(async () => {
        if (killed) return;
        const active = await probe.lrange(`${QUEUE_PREFIX}:${QUEUE_NAME}:active`, 0, -1);
        for (const id of active) {
          const by = await probe.hget(`${QUEUE_PREFIX}:${QUEUE_NAME}:${id}`, "pb");
          if (!killed && by?.includes(`:${victim!.pid}:`)) {
            killed = true;
            victim!.kill("SIGKILL");
          }
        }
      }, 20);
      const queued = await runQueue("draw", job, DRAWS, {
        redis: redis!.url,
        chunk: 2,
        onProgress: (done) => seen.push(done),
      }).finally(() => clearInterval(watch));
      probe.disconnect();
      await events.close();
      expect(killed).toBe(true);
      expect(stalled.length).toBeGreaterThanOrEqual(1);
      expect(same(queued, here)).toBe(true);
      // Each chunk counted once: progress rises by a chunk at a time to the total.
      expect(seen).toEqual([2, 4]);
      // The tests below run on the worker left.
    });

    it("runs any kind of task: a leverage plan's simulations through executorFor, bit for bit", async () => {
      const chain = fixtureContext("chain");
      const tasks = leveragePlan(chain, { horizon: 12, threshold: 0 }).tasks;
      const queued = await executorFor("simulation", { redis: redis!.url })(chain.net, tasks);
      expect(same(queued, runTasks(chain.net, tasks))).toBe(true);
    });

    it("stops on its signal: the chunks not taken are removed, the finished kept", async () => {
      const stop = new AbortController();
      const error = await runQueue("draw", job, DRAWS, {
        redis: redis!.url,
        chunk: 1,
        signal: stop.signal,
        onProgress: (done) => {
          if (done === 1) stop.abort();
        },
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TasksCancelled);
      const { results, done } = error as TasksCancelled<DrawResult>;
      expect(done).toBeGreaterThanOrEqual(1);
      expect(done).toBeLessThan(DRAWS.length);
      results.forEach((r, i) => {
        if (r !== undefined) expect(same(r, here[i])).toBe(true);
      });
      const probe = new Redis(redis!.url);
      expect(await probe.keys("levier:run:*:input")).toEqual([]);
      // Nothing of the run is left waiting (a chunk a worker held finishes and is dropped).
      expect(await probe.llen(`${QUEUE_PREFIX}:${QUEUE_NAME}:wait`)).toBe(0);
      probe.disconnect();
    });

    it("levier run --draws N --redis URL prints what --workers 1 prints", async () => {
      const args = [
        "run",
        FILE,
        "--months",
        String(MONTHS),
        "--draws",
        "3",
        "--seed",
        "3",
        "--json",
      ];
      const queued = await runCli([...args, "--redis", redis!.url], ROOT);
      const local = await runCli([...args, "--workers", "1"], ROOT);
      expect(queued.code, queued.stderr).toBe(0);
      expect(local.code, local.stderr).toBe(0);
      expect(queued.stdout).toBe(local.stdout);
      expect(JSON.parse(queued.stdout).draws).toMatchObject({ requested: 3, done: 3, seed: 3 });
    });

    it("resumes a run whose Redis restarted empty within the wait", async () => {
      let restarted: Promise<void> | undefined;
      const queued = await runQueue("draw", job, DRAWS, {
        redis: redis!.url,
        chunk: 1,
        lostAfterMs: 30_000,
        onProgress: (done) => {
          if (done !== 1 || restarted) return;
          restarted = (async () => {
            await stopRedis(redis, "SIGKILL");
            redis = await startRedis(redis!.port);
          })();
        },
      });
      await restarted;
      expect(same(queued, here)).toBe(true);
    });

    it("stops with QueueTaskFailed when a chunk throws on every attempt", async () => {
      const error = await runQueue("draw", {} as DrawJob, [0], { redis: redis!.url }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(QueueTaskFailed);
      expect((error as Error).message).toMatch(
        /^a queue worker failed on the chunk of tasks from 0: /,
      );
    });

    it("a Redis that wants a password: exit 2 with what it said, and works once given one", async () => {
      const guarded = await startRedis(undefined, "sekret");
      process.env.LEVIER_REDIS_WAIT = "1";
      try {
        const r = await runCli(["worker", "--redis", `redis://127.0.0.1:${guarded.port}`], ROOT);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/^levier: --redis .*\(NOAUTH .*check the URL and its password\n$/);
        const tasks = [0, 1];
        const { startQueueWorker } = await import("../../src/node/queue-worker.js");
        const worker = startQueueWorker({ redis: guarded.url });
        await worker.ready;
        const queued = await runQueue("draw", job, tasks, { redis: guarded.url });
        await worker.close();
        expect(same(queued, here.slice(0, 2))).toBe(true);
      } finally {
        delete process.env.LEVIER_REDIS_WAIT;
        await stopRedis(guarded);
      }
    });

    it("ends with one line and exit 2 when Redis dies mid-run and stays away", async () => {
      const lone = await startRedis();
      const probe = new Redis(lone.url);
      probe.on("error", () => {});
      process.env.LEVIER_REDIS_WAIT = "2";
      try {
        const run = runCli(
          ["run", FILE, "--months", "1", "--draws", "4", "--redis", lone.url, "--json"],
          ROOT,
        );
        // No worker listens to this Redis: kill it once the run's input is in.
        while ((await probe.keys("levier:run:*:input")).length === 0)
          await new Promise((r) => setTimeout(r, 50));
        probe.disconnect();
        await stopRedis(lone, "SIGKILL");
        const t = performance.now();
        const r = await run;
        expect(performance.now() - t).toBeLessThan(20_000);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe("");
        const last = r.stderr.trim().split("\n").at(-1)!;
        expect(last).toMatch(
          /^levier: --redis redis:\/\/127\.0\.0\.1:\d+: lost Redis .* 0 of 4 tasks done/,
        );
        expect(r.stderr).not.toMatch(/^\s+at /m);
      } finally {
        delete process.env.LEVIER_REDIS_WAIT;
        await stopRedis(lone);
      }
    });
  },
);

describe("queue flags", () => {
  const S = FILE;
  const cases: [string, string[], RegExp][] = [
    [
      "--redis nonsense",
      ["run", S, "--draws", "2", "--redis", "nonsense"],
      /^levier: --redis: expected a Redis URL/,
    ],
    [
      "--redis http://",
      ["sensitivity", S, "--output", "actors.TW.loss", "--redis", "http://x:1"],
      /^levier: --redis: expected a Redis URL/,
    ],
    [
      "--redis with --workers",
      ["run", S, "--draws", "2", "--workers", "2", "--redis", "redis://127.0.0.1:1"],
      /^levier: --redis: .*--workers/,
    ],
    [
      "--redis with --threads",
      ["leverage", "--threads", "2", "--redis", "redis://127.0.0.1:1"],
      /^levier: --redis: .*--threads/,
    ],
    [
      "--redis without a host",
      ["run", S, "--draws", "2", "--redis", "redis://"],
      /^levier: --redis: expected a Redis URL/,
    ],
    [
      "--redis with --draws 0",
      ["run", S, "--draws", "0", "--redis", "redis://127.0.0.1:1"],
      /^levier: --redis: --draws 0/,
    ],
    ["worker without --redis", ["worker"], /--redis/],
    [
      "worker --concurrency 0",
      ["worker", "--redis", "redis://127.0.0.1:1", "--concurrency", "0"],
      /^levier: --concurrency/,
    ],
    [
      "worker --lock-duration x",
      ["worker", "--redis", "redis://127.0.0.1:1", "--lock-duration", "x"],
      /^levier: --lock-duration/,
    ],
  ];
  for (const [what, argv, message] of cases)
    it(`${what}: exit 2, naming the flag`, async () => {
      const r = await runCli(argv, ROOT);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/^\s+at /m);
    });

  it("--redis on a run that makes no draws has no effect, and says so", async () => {
    // A scenario without options.draws, on a world of its own.
    const r = await runCli(
      [
        "--world",
        "test/fixtures/worlds/tiny-uncertain.yaml",
        "run",
        "test/fixtures/scenarios/tiny-cut.yaml",
        "--redis",
        "redis://127.0.0.1:1",
      ],
      ROOT,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("--redis had no effect: this run made no draws");
  });

  it("a Redis that never answers: exit 2 after the wait, run and worker alike", async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    process.env.LEVIER_REDIS_WAIT = "1";
    try {
      const run = await runCli(["run", S, "--months", "1", "--draws", "2", "--redis", url], ROOT);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split("\n").at(-1)).toMatch(
        /^levier: --redis .*: no Redis to work with within 1 s/,
      );
      const worker = await runCli(["worker", "--redis", url], ROOT);
      expect(worker.code).toBe(2);
      expect(worker.stderr).toMatch(/^levier: --redis .*: no Redis to work with within 1 s/);
    } finally {
      delete process.env.LEVIER_REDIS_WAIT;
    }
  });

  it("QueueLost says how far the run got", () => {
    expect(new QueueLost("redis://:pw@h:1", 2000, 3, 8, true).message).toBe(
      "--redis redis://:***@h:1: lost Redis and it did not answer again within 2 s, with 3 of 8 tasks done; the run stopped (start Redis again and rerun)",
    );
  });
});
