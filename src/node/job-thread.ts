/**
 * Worker-thread entry of `jobs.ts`: runs one job of `JOB_KINDS` (workerData: its kind and
 * input), posts its progress as it goes and then its result, or its error as data (the class's
 * name, the message and the issues, so that the server answers as it would for the error
 * raised in its own thread). A `cancel` message stops the job's batch: the draws finished are
 * kept, as Ctrl-C keeps them in the CLI.
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import { JOB_KINDS, type JobKind } from "./job-kinds.js";

const port = parentPort;
if (port) {
  const { kind, input } = workerData as { kind: JobKind; input: unknown };
  const stop = new AbortController();
  port.on("message", (m: { cancel?: boolean }) => {
    if (m.cancel) stop.abort();
  });
  const job = JOB_KINDS[kind] as (input: unknown, batch: object) => Promise<unknown>;
  job(input, {
    onProgress: (done: number, total: number) => port.postMessage({ progress: { done, total } }),
    signal: stop.signal,
  }).then(
    (result) => port.postMessage({ result }),
    (err: unknown) => {
      const e = err as { name?: string; message?: string; issues?: unknown; stack?: string };
      port.postMessage({
        error: {
          name: e?.name ?? "Error",
          message: e?.message ?? String(err),
          ...(e?.issues === undefined ? {} : { issues: e.issues }),
          ...(e?.stack === undefined ? {} : { stack: e.stack }),
        },
      });
    },
  );
}
