/**
 * A queue worker (`levier worker --redis URL`): a BullMQ worker that takes chunks of any run
 * that `queue.ts` put on the queue, loads the run's input once (cached by run id), runs
 * `POOL_KINDS[kind]` on the chunk's tasks, the same pure function a worker thread runs, and
 * writes the results into the run's hash under the chunk's start. Writing a chunk twice writes
 * the same value, so a job retaken after its worker was killed duplicates nothing.
 *
 * Tasks run one at a time, with a turn of the event loop between them, so that BullMQ renews
 * the job's lock while a long chunk runs; a worker killed mid-chunk stops renewing it, and
 * after `lockDuration` the stalled-job check (every `stalledInterval`, run by every worker)
 * puts the job back for another worker, up to `maxStalledCount` times.
 * @module
 */
import { hostname } from "node:os";
import { setTimeout as sleep, setImmediate as turn } from "node:timers/promises";
import { deserialize, serialize } from "node:v8";
import { threadId } from "node:worker_threads";
import { type Job, Worker } from "bullmq";
import { Redis } from "ioredis";
import { startThread } from "./pool.js";
import { POOL_KINDS, type PoolKind } from "./pool-kinds.js";
import { QueueLost } from "./queue-errors.js";
import {
  type ChunkJob,
  QUEUE_NAME,
  QUEUE_PREFIX,
  RUN_TTL_MS,
  type RunInput,
  runKeys,
} from "./queue-keys.js";

export interface QueueWorkerOptions {
  redis: string;
  /** How long a job stays locked without its worker renewing the lock (default 30 000 ms). */
  lockDuration?: number;
  /** How often locks are checked for stalled jobs (default 30 000 ms). */
  stalledInterval?: number;
  /** How often a chunk may stall (its worker killed) before it fails (default 5). */
  maxStalledCount?: number;
  /** Called when a chunk is done (tests, logs). */
  onChunk?: (job: ChunkJob) => void;
}

export interface QueueWorker {
  /** Resolves once the worker is connected and waiting for jobs. */
  ready: Promise<void>;
  /** Stops taking jobs; `force` drops the chunk in hand (its job is retaken elsewhere). */
  close(force?: boolean): Promise<void>;
}

/** Inputs kept by run id (a few runs may share the queue at once). */
const CACHED_RUNS = 4;

export function startQueueWorker(opts: QueueWorkerOptions): QueueWorker {
  const redis = new Redis(opts.redis, { maxRetriesPerRequest: null });
  redis.on("error", () => {});
  const inputs = new Map<string, Promise<RunInput | undefined>>();
  const inputOf = (run: string) => {
    let p = inputs.get(run);
    if (!p) {
      p = redis
        .getBuffer(runKeys(run).input)
        .then((b) => (b ? (deserialize(b) as RunInput) : undefined));
      inputs.set(run, p);
      // A run not found is looked up again next time (it may come back after a restart).
      p.then((i) => i === undefined && inputs.delete(run)).catch(() => inputs.delete(run));
      if (inputs.size > CACHED_RUNS) inputs.delete(inputs.keys().next().value!);
    }
    return p;
  };

  const processor = async (job: Job<ChunkJob>) => {
    const { run, start, count } = job.data;
    const input = await inputOf(run);
    // The run is over (done or stopped, its keys removed): nothing to do.
    if (!input) return;
    const work = POOL_KINDS[input.kind as PoolKind] as (
      c: unknown,
      t: readonly unknown[],
    ) => unknown[];
    if (!work) throw new Error(`unknown kind of task ${JSON.stringify(input.kind)}`);
    const out: unknown[] = [];
    const end = Math.min(input.tasks.length, start + count);
    for (let i = start; i < end; i++) {
      out.push(...work(input.context, [input.tasks[i]]));
      await turn();
    }
    const keys = runKeys(run);
    if ((await redis.exists(keys.input)) === 0) return;
    await redis
      .multi()
      .hset(keys.results, String(start), serialize(out))
      .pexpire(keys.results, RUN_TTL_MS)
      .exec();
    opts.onChunk?.(job.data);
  };

  const worker = new Worker<ChunkJob>(
    QUEUE_NAME,
    async (job) => {
      try {
        await processor(job);
      } catch (err) {
        // The last attempt tells the client why, so that it stops rather than waits.
        const attempts = job.opts.attempts ?? 1;
        if (job.attemptsMade + 1 >= attempts) {
          const keys = runKeys(job.data.run);
          await redis
            .multi()
            .hset(keys.errors, String(job.data.start), (err as Error)?.message ?? String(err))
            .pexpire(keys.errors, RUN_TTL_MS)
            .exec()
            .catch(() => {});
        }
        throw err;
      }
    },
    {
      connection: { url: opts.redis },
      prefix: QUEUE_PREFIX,
      concurrency: 1,
      // Who holds a job (its processedBy): host, process and thread.
      name: `${hostname()}:${process.pid}:${threadId}`,
      lockDuration: opts.lockDuration ?? 30_000,
      stalledInterval: opts.stalledInterval ?? 30_000,
      maxStalledCount: opts.maxStalledCount ?? 5,
      autorun: true,
    },
  );
  worker.on("error", () => {});
  return {
    ready: worker.waitUntilReady().then(() => {}),
    close: async (force = false) => {
      await worker.close(force);
      redis.disconnect();
    },
  };
}

/** `concurrency` queue workers, each taking one chunk at a time: 1 in this thread, more on
 * as many worker threads (tasks are computation, so chunks at once need threads). */
export function startQueueWorkers(opts: QueueWorkerOptions, concurrency: number): QueueWorker {
  if (concurrency <= 1) return startQueueWorker(opts);
  const { onChunk: _, ...data } = opts;
  const threads = Array.from({ length: concurrency }, () =>
    startThread("queue-worker-thread", data),
  );
  const ready = Promise.all(
    threads.map(
      (t) =>
        new Promise<void>((resolve, reject) => {
          t.on("message", (m: { ready?: boolean; failed?: string }) => {
            if (m.ready) resolve();
            if (m.failed) reject(new Error(m.failed));
          });
          t.once("error", reject);
        }),
    ),
  ).then(() => {});
  ready.catch(() => {});
  return {
    ready,
    close: async (force = false) => {
      await Promise.all(
        threads.map(
          (t) =>
            new Promise<void>((resolve) => {
              t.once("exit", () => resolve());
              t.on("message", (m: { closed?: boolean }) => {
                if (m.closed) void t.terminate();
              });
              t.postMessage({ close: true, force });
            }),
        ),
      );
    },
  };
}

/** Resolves once Redis at `url` answers PING, trying for `waitMs`; else `QueueLost`, with
 * what the connection last said (refused, NOAUTH…). A plain client is used, so that nothing is
 * left retrying when it fails. */
export async function reachRedis(url: string, waitMs: number): Promise<void> {
  const until = performance.now() + waitMs;
  let said: string | undefined;
  for (;;) {
    const probe = new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      connectTimeout: Math.max(100, Math.min(5_000, waitMs)),
    });
    probe.on("error", (err: Error) => {
      said = err.message;
    });
    try {
      await probe.connect();
      await probe.ping();
      return;
    } catch (err) {
      // What Redis replied (NOAUTH…) says most, then the connection's error (refused…).
      const e = err as Error;
      if (e?.name === "ReplyError" || said === undefined) said = e?.message;
    } finally {
      probe.disconnect();
    }
    if (performance.now() >= until) throw new QueueLost(url, waitMs, 0, 0, false, said);
    await sleep(200);
  }
}
