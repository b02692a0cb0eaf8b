/**
 * Worker-thread entry of `startQueueWorkers` (`queue-worker.ts`): one queue worker in this
 * thread, its options from workerData; it says when it is ready and closes when told.
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import { type QueueWorkerOptions, startQueueWorker } from "./queue-worker.js";

const port = parentPort;
if (port) {
  const worker = startQueueWorker(workerData as QueueWorkerOptions);
  worker.ready.then(
    () => port.postMessage({ ready: true }),
    (err: unknown) => port.postMessage({ failed: String((err as Error)?.message ?? err) }),
  );
  port.on("message", (m: { close?: boolean; force?: boolean }) => {
    if (!m.close) return;
    void worker.close(m.force === true).finally(() => {
      port.postMessage({ closed: true });
      port.close();
    });
  });
}
