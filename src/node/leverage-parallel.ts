/**
 * Runs withholding tasks over worker threads (node:worker_threads) and this thread together,
 * taking chunks of tasks from one queue so that a worker that starts late or runs slow simply
 * takes fewer. The network is sent to each worker once. A worker that fails to start leaves
 * its work to the others; the results are those of `runTasks`, in task order, bit for bit
 * (each task is one deterministic simulation).
 *
 * This file and `leverage-worker.ts` are the runtime edge of the leverage analysis (the core in
 * `analysis/` starts no thread). Run from the
 * TypeScript sources (tests, benchmarks), workers load them through tsx's loader.
 * @module
 */
import { Worker } from "node:worker_threads";
import type { SimulationTask } from "../analysis/leverage/run-tasks.js";
import { runTasks } from "../analysis/leverage/run-tasks.js";
import type { Losses } from "../analysis/value-added.js";
import type { Network } from "../network/network.js";
import { inThreadExecutor, type TaskExecutor, TasksCancelled } from "../run/executor.js";

export interface ParallelOptions {
  /** Threads in all, this one included; 1 runs everything here. */
  threads: number;
  /** Tasks per message (default: about eight chunks per thread, at most 8 tasks). */
  chunk?: number;
  /** Whether this thread takes chunks too (default true); false leaves it to the workers,
   * unless they all fail. */
  here?: boolean;
  /** Called as chunks finish: tasks done, of how many. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting it hands out no more chunks; the run then throws `TasksCancelled`. */
  signal?: AbortSignal;
}

/** The task executor on worker threads and this one (`run/executor.ts`). */
export function workerExecutor(threads: number): TaskExecutor {
  return (net, tasks, opts = {}) => runTasksParallel(net, tasks, { threads, ...opts });
}

export interface ParallelRun {
  results: Losses[];
  /** Tasks done by this thread and by each worker (a failed worker: 0). */
  done: { here: number; workers: number[] };
}

interface Reply {
  ready?: boolean;
  start?: number;
  results?: Losses[];
}

export async function runTasksParallel(
  net: Network,
  tasks: readonly SimulationTask[],
  opts: ParallelOptions,
): Promise<Losses[]> {
  return (await runTasksParallelDetailed(net, tasks, opts)).results;
}

/** `runTasksParallel` with who did what. */
export async function runTasksParallelDetailed(
  net: Network,
  tasks: readonly SimulationTask[],
  opts: ParallelOptions,
): Promise<ParallelRun> {
  const threads = Math.max(1, Math.floor(opts.threads));
  if (threads === 1 || tasks.length < 2) {
    const results = await inThreadExecutor(net, tasks, opts);
    return { results, done: { here: tasks.length, workers: [] } };
  }
  const chunk = opts.chunk ?? Math.max(1, Math.min(8, Math.ceil(tasks.length / (threads * 8))));
  const results: (Losses | undefined)[] = new Array(tasks.length);
  const retry: number[] = [];
  let next = 0;
  const stopped = () => opts.signal?.aborted === true;
  const take = (): number | undefined => {
    if (stopped()) return undefined;
    if (retry.length > 0) return retry.pop();
    if (next >= tasks.length) return undefined;
    const start = next;
    next += chunk;
    return start;
  };
  const slice = (start: number) => tasks.slice(start, Math.min(tasks.length, start + chunk));
  let finished = 0;
  const store = (start: number, out: readonly Losses[]) => {
    out.forEach((r, i) => {
      results[start + i] = r;
    });
    finished += out.length;
    opts.onProgress?.(finished, tasks.length);
  };

  const done = { here: 0, workers: new Array<number>(threads - 1).fill(0) };
  const workers = Array.from(
    { length: threads - 1 },
    (_, w) =>
      new Promise<void>((resolve) => {
        let current: number | undefined;
        let worker: Worker;
        try {
          worker = spawn(net);
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
        worker.on("message", (m: Reply) => {
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
    store(start, runTasks(net, part));
    done.here += part.length;
  };
  if (opts.here !== false) {
    for (let start = take(); start !== undefined; start = take()) {
      here(start);
      await new Promise<void>((r) => setImmediate(r));
    }
  }
  await Promise.all(workers);
  if (stopped()) throw new TasksCancelled(results, finished);
  // Work left by workers that failed.
  for (let start = take(); start !== undefined; start = take()) here(start);
  const out = results.map((r, i) => {
    if (r) return r;
    done.here++;
    return runTasks(net, [tasks[i]!])[0]!;
  });
  return { results: out, done };
}

function spawn(net: Network): Worker {
  const here = import.meta.url;
  if (here.endsWith(".js"))
    return new Worker(new URL("./leverage-worker.js", here), { workerData: { net } });
  // From the TypeScript sources: register tsx's loader in the worker, then load the entry.
  const loader = import.meta.resolve("tsx/esm/api");
  const entry = new URL("./leverage-worker.ts", here).href;
  const source = `import(${JSON.stringify(loader)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(source, { eval: true, workerData: { net } });
}
