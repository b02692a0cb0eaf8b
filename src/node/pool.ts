/**
 * A pool of worker threads (node:worker_threads) and this thread together, over one batch of
 * tasks that share a context: the context is sent to each worker once, then chunks of tasks
 * are taken from one queue, so that a worker that starts late or runs slow simply takes fewer.
 * A worker that fails to start or dies leaves its chunk to the others; results come back in
 * task order, the same bit for bit as running `work` here (each task is deterministic).
 *
 * What a pool runs is named by a `kind` that `pool-worker.ts` maps to the same pure function
 * this thread calls (`POOL_KINDS`): the simulation tasks of the analyses
 * (`leverage-parallel.ts`) and the Monte Carlo draws of runs and analyses (`draw-parallel.ts`). This is the runtime
 * edge: the core starts no thread. Run from the TypeScript sources (tests, benchmarks), workers
 * load them through tsx's loader.
 * @module
 */
import { Worker } from "node:worker_threads";
import { TasksCancelled } from "../run/executor.js";
import { POOL_KINDS, type PoolKind } from "./pool-kinds.js";

export interface PoolOptions {
  /** Threads in all, this one included; 1 runs everything here. */
  threads: number;
  /** Tasks per message (default: about eight chunks per thread, at most `maxChunk`). */
  chunk?: number;
  maxChunk?: number;
  /** Whether this thread takes chunks too (default true); false leaves it to the workers,
   * unless they all fail. */
  here?: boolean;
  /** Called as chunks finish: tasks done, of how many. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting it hands out no more chunks; the run then throws `TasksCancelled`. */
  signal?: AbortSignal;
}

export interface PoolRun<R> {
  results: R[];
  /** Tasks done by this thread and by each worker (a failed worker: 0). */
  done: { here: number; workers: number[] };
}

interface Reply<R> {
  ready?: boolean;
  start?: number;
  results?: R[];
}

/** Runs `tasks` of `kind` on `context` over the pool. */
export async function runPool<K extends PoolKind>(
  kind: K,
  context: Parameters<(typeof POOL_KINDS)[K]>[0],
  tasks: readonly Parameters<(typeof POOL_KINDS)[K]>[1][number][],
  opts: PoolOptions,
): Promise<PoolRun<ReturnType<(typeof POOL_KINDS)[K]>[number]>> {
  type R = ReturnType<(typeof POOL_KINDS)[K]>[number];
  const work = POOL_KINDS[kind] as (c: typeof context, t: readonly unknown[]) => R[];
  const threads = Math.max(1, Math.floor(opts.threads));
  const results: (R | undefined)[] = new Array(tasks.length);
  let finished = 0;
  const store = (start: number, out: readonly R[]) => {
    out.forEach((r, i) => {
      results[start + i] = r;
    });
    finished += out.length;
    opts.onProgress?.(finished, tasks.length);
  };
  const stopped = () => opts.signal?.aborted === true;
  if (threads === 1 || tasks.length < 2) {
    for (let i = 0; i < tasks.length; i++) {
      if (stopped()) throw new TasksCancelled(results as never[], finished);
      store(i, work(context, [tasks[i]]));
      await new Promise<void>((r) => setImmediate(r));
    }
    return { results: results as R[], done: { here: tasks.length, workers: [] } };
  }
  const chunk =
    opts.chunk ??
    Math.max(1, Math.min(opts.maxChunk ?? 8, Math.ceil(tasks.length / (threads * 8))));
  const retry: number[] = [];
  let next = 0;
  const take = (): number | undefined => {
    if (stopped()) return undefined;
    if (retry.length > 0) return retry.pop();
    if (next >= tasks.length) return undefined;
    const start = next;
    next += chunk;
    return start;
  };
  const slice = (start: number) => tasks.slice(start, Math.min(tasks.length, start + chunk));

  const done = { here: 0, workers: new Array<number>(threads - 1).fill(0) };
  const workers = Array.from(
    { length: threads - 1 },
    (_, w) =>
      new Promise<void>((resolve) => {
        let current: number | undefined;
        let worker: Worker;
        try {
          worker = spawn(kind, context);
        } catch {
          resolve();
          return;
        }
        const send = () => {
          current = take();
          if (current === undefined) {
            void worker.terminate().then(() => resolve());
            return;
          }
          worker.postMessage({ start: current, tasks: slice(current) });
        };
        worker.on("message", (m: Reply<R>) => {
          if (m.results && m.start !== undefined) {
            store(m.start, m.results);
            done.workers[w] = done.workers[w]! + m.results.length;
          }
          send();
        });
        worker.on("error", () => {
          if (current !== undefined) retry.push(current);
          current = undefined;
          resolve();
        });
      }),
  );

  const here = (start: number) => {
    const part = slice(start);
    store(start, work(context, part));
    done.here += part.length;
  };
  if (opts.here !== false) {
    for (let start = take(); start !== undefined; start = take()) {
      here(start);
      await new Promise<void>((r) => setImmediate(r));
    }
  }
  await Promise.all(workers);
  if (stopped()) throw new TasksCancelled(results as never[], finished);
  // Work left by workers that failed.
  for (let start = take(); start !== undefined; start = take()) here(start);
  const out = results.map((r, i) => {
    if (r !== undefined) return r;
    done.here++;
    return work(context, [tasks[i]])[0]!;
  });
  return { results: out, done };
}

function spawn(kind: PoolKind, context: unknown): Worker {
  return startThread("pool-worker", { kind, context });
}

/** A worker thread running the entry `name` of this folder, from the built JavaScript or, in
 * tests and benchmarks, from the TypeScript sources through tsx's loader. */
export function startThread(name: string, workerData: unknown): Worker {
  const here = import.meta.url;
  if (here.endsWith(".js")) return new Worker(new URL(`./${name}.js`, here), { workerData });
  // From the TypeScript sources: register tsx's loader in the worker, then load the entry.
  const loader = import.meta.resolve("tsx/esm/api");
  const entry = new URL(`./${name}.ts`, here).href;
  const source = `import(${JSON.stringify(loader)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(source, { eval: true, workerData });
}
