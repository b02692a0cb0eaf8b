/**
 * Worker-thread entry of `pool.ts`: receives its kind and context once (workerData), then
 * chunks of tasks, and answers each chunk with its results.
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import { POOL_KINDS, type PoolKind } from "./pool-kinds.js";

const port = parentPort;
if (port) {
  const { kind, context } = workerData as { kind: PoolKind; context: unknown };
  const work = POOL_KINDS[kind] as (c: unknown, t: readonly unknown[]) => unknown[];
  port.on("message", (m: { start: number; tasks: unknown[] }) => {
    port.postMessage({ start: m.start, results: work(context, m.tasks) });
  });
  port.postMessage({ ready: true });
}
