/**
 * A batch of tasks on a BullMQ queue in Redis, run by `levier worker`s on any number of
 * machines (`queue-worker.ts`), behind the same executor interface as the worker threads
 * (`pool.ts`): any kind of `POOL_KINDS` runs here as it runs there, with the same results bit
 * for bit.
 *
 * The client puts the run's input (the kind, its context, every task) into Redis once,
 * V8-serialised so that every double comes back exactly; adds one job per chunk of tasks, its
 * id the run id and the chunk's start, so that adding a chunk again adds nothing; and collects
 * the results from a hash keyed by chunk start, where a chunk written twice (a worker killed
 * after writing, its job retaken) is the same value written again. A worker killed mid-chunk
 * leaves its job locked until the lock expires; BullMQ's stalled-job check then gives it to
 * another worker. Progress counts the tasks of the chunks in the hash, whoever ran them.
 *
 * Redis unreachable (never reached, connection lost, server restarted) is waited out for
 * `lostAfterMs`; if it answers again within that time, chunks whose results it no longer
 * holds are added again (a restarted Redis without persistence has lost the input and the
 * jobs: both are put back), else the run stops with `QueueLost`. Aborting the signal removes
 * the chunks not yet taken and throws `TasksCancelled` with the results finished. The run's
 * keys are removed at the end; they expire on their own a day after the client last touched
 * them.
 * @module
 */
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { deserialize, serialize } from "node:v8";
import { type JobsOptions, Queue } from "bullmq";
import { Redis } from "ioredis";
import { TasksCancelled } from "../run/executor.js";
import type { POOL_KINDS, PoolKind } from "./pool-kinds.js";
import { DEFAULT_LOST_AFTER_MS, QueueLost, QueueTaskFailed } from "./queue-errors.js";
import {
  type ChunkJob,
  chunkJobId,
  QUEUE_NAME,
  QUEUE_PREFIX,
  RUN_TTL_MS,
  type RunInput,
  runKeys,
} from "./queue-keys.js";

export interface QueueRunOptions {
  /** Redis's URL: redis://host:port (or rediss:// over TLS). */
  redis: string;
  /** Tasks per job (default: about 64 jobs, at most 8 tasks each). */
  chunk?: number;
  /** Called as chunks finish on any worker: tasks done, of how many. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting it removes the jobs not yet taken; the run throws `TasksCancelled`. */
  signal?: AbortSignal;
  /** How long Redis may not answer before the run stops with `QueueLost` (default 60 s). */
  lostAfterMs?: number;
  /** How often the client looks for results (default 100 ms). */
  pollMs?: number;
}

/** How every chunk's job is added: retried on a worker's error, removed once done. */
const JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  removeOnComplete: true,
  removeOnFail: { age: 24 * 3600 },
};

type Context<K extends PoolKind> = Parameters<(typeof POOL_KINDS)[K]>[0];
type Task<K extends PoolKind> = Parameters<(typeof POOL_KINDS)[K]>[1][number];
type Result<K extends PoolKind> = ReturnType<(typeof POOL_KINDS)[K]>[number];

/** Runs `tasks` of `kind` on `context` on the queue's workers; results in task order. */
export async function runQueue<K extends PoolKind>(
  kind: K,
  context: Context<K>,
  tasks: readonly Task<K>[],
  opts: QueueRunOptions,
): Promise<Result<K>[]> {
  type R = Result<K>;
  const n = tasks.length;
  const results: (R | undefined)[] = new Array(n);
  if (n === 0) return [];
  if (opts.signal?.aborted) throw new TasksCancelled(results as never[], 0);
  const chunk = Math.max(1, Math.floor(opts.chunk ?? Math.min(8, Math.ceil(n / 64))));
  const starts: number[] = [];
  for (let s = 0; s < n; s += chunk) starts.push(s);
  const lostAfter = opts.lostAfterMs ?? DEFAULT_LOST_AFTER_MS;
  const pollMs = opts.pollMs ?? 100;
  const run = randomBytes(8).toString("hex");
  const keys = runKeys(run);
  const input = serialize({ kind, context, tasks } satisfies RunInput);

  // The client's commands fail fast while Redis is away (one retry), so that the loop below
  // sees the loss and times it; the queue shares the connection, so that closing it ends all.
  const redis = new Redis(opts.redis, { maxRetriesPerRequest: 1 });
  let said: string | undefined;
  redis.on("error", (err: Error) => {
    said = err.message;
  });
  const queue = new Queue(QUEUE_NAME, { connection: redis, prefix: QUEUE_PREFIX });
  queue.on("error", () => {});
  let failure: QueueTaskFailed | undefined;
  /** Chunks that BullMQ failed itself (stalled too often), seen in its failed set. */
  let failedSeen: number | undefined;
  const checkFailed = async () => {
    const count = await queue.getFailedCount();
    if (failedSeen !== undefined && count > failedSeen)
      for (const j of await queue.getFailed(0, count - failedSeen - 1))
        if (j.id?.startsWith(`${run}-`))
          failure ??= new QueueTaskFailed(Number(j.id.slice(run.length + 1)), j.failedReason);
    failedSeen = count;
  };
  let lastCheck = Number.NEGATIVE_INFINITY;

  const held = new Set<number>();
  let done = 0;
  const store = (start: number, buf: Buffer | null) => {
    if (buf === null || held.has(start)) return;
    const out = deserialize(buf) as R[];
    out.forEach((r, i) => {
      results[start + i] = r;
    });
    held.add(start);
    done += out.length;
    opts.onProgress?.(done, n);
  };

  /** Puts the input and the chunks not held here (again) on the queue. */
  const submit = async () => {
    await redis.set(keys.input, input, "PX", RUN_TTL_MS);
    const jobs = starts
      .filter((s) => !held.has(s))
      .map((start) => {
        const data: ChunkJob = { run, kind, start, count: Math.min(chunk, n - start) };
        return { name: kind, data, opts: { ...JOB_OPTIONS, jobId: chunkJobId(run, start) } };
      });
    if (jobs.length > 0) await queue.addBulk(jobs);
  };

  const poll = async () => {
    const replies = await redis
      .pipeline()
      .exists(keys.input)
      .hkeys(keys.results)
      .hgetall(keys.errors)
      .pexpire(keys.results, RUN_TTL_MS)
      .exec();
    const values = (replies ?? []).map(([err, value]) => {
      if (err) throw err;
      return value;
    });
    const [exists, fields, errors] = values as [number, string[], Record<string, string>];
    const failed = Object.entries(errors)[0];
    if (failed) throw new QueueTaskFailed(Number(failed[0]), failed[1]);
    const fresh = fields.map(Number).filter((s) => !held.has(s) && results[s] === undefined);
    if (fresh.length > 0) {
      const bufs = await redis.hmgetBuffer(keys.results, ...fresh.map(String));
      fresh.forEach((s, i) => store(s, bufs[i] ?? null));
    }
    // First round, or Redis lost the run's input (restarted without persistence).
    if (exists === 0 && held.size < starts.length) await submit();
    else await redis.pexpire(keys.input, RUN_TTL_MS);
    if (performance.now() - lastCheck > 2_000) {
      await checkFailed();
      lastCheck = performance.now();
    }
  };

  let reached = false;
  let lostSince: number | undefined;
  try {
    for (;;) {
      if (opts.signal?.aborted) {
        await bounded(cancel(queue, run, starts, held), 5_000).catch(() => {});
        throw new TasksCancelled(results as never[], done);
      }
      try {
        await bounded(poll(), Math.max(1_000, Math.min(15_000, lostAfter)));
        reached = true;
        lostSince = undefined;
      } catch (err) {
        if (err instanceof QueueTaskFailed) throw err;
        // What Redis itself replied (NOAUTH…) says most, then the connection's last error.
        const e = err as Error;
        if (e?.name === "ReplyError" || said === undefined) said = e?.message;
        const now = performance.now();
        lostSince ??= now;
        if (now - lostSince >= lostAfter)
          throw new QueueLost(opts.redis, lostAfter, done, n, reached, said);
      }
      if (failure) throw failure;
      if (held.size === starts.length) return results as R[];
      await sleep(lostSince === undefined ? pollMs : Math.max(pollMs, 250));
    }
  } finally {
    await bounded(
      (async () => {
        if (redis.status === "ready") await redis.del(keys.input, keys.results, keys.errors);
      })(),
      2_000,
    ).catch(() => {});
    // Redis away: closing the queue would wait for it, so the connection goes first.
    if (redis.status !== "ready") redis.disconnect();
    await bounded(queue.close(), 2_000).catch(() => {});
    redis.disconnect();
  }
}

/** Removes the run's jobs not yet done; a job a worker holds finishes and is ignored. */
async function cancel(queue: Queue, run: string, starts: number[], held: Set<number>) {
  await Promise.all(
    starts.filter((s) => !held.has(s)).map((s) => queue.remove(chunkJobId(run, s)).catch(() => 0)),
  );
}

/** `p`, or a rejection after `ms` (the work itself is not stopped). */
function bounded<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
