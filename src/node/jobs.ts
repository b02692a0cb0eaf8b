/**
 * One job of `JOB_KINDS` on a worker thread of its own (`job-thread.ts`), so that the thread
 * that asked (a server's) stays free: progress comes back as the job reports it, the result or
 * the error when it ends. An error comes back as the class it was (InputError with its issues,
 * UsageError, NotFoundError), so that callers treat it as if raised here. Aborting `signal`
 * asks the job to stop (a run keeps the draws it finished); a job that does not end within
 * `graceMs` of it is terminated.
 * @module
 */
import { InputError, NotFoundError, UsageError } from "../diagnostics/errors.js";
import type { Issue } from "../diagnostics/issue.js";
import type { JobInput, JobKind, JobOutput } from "./job-kinds.js";
import { startThread } from "./pool.js";

export interface JobOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** How long a stopped job may take to end before its thread is terminated (default 10 s). */
  graceMs?: number;
}

/** A job whose thread ended without an answer (terminated, or out of memory). */
export class JobThreadLost extends Error {
  override name = "JobThreadLost";
}

interface Reply {
  progress?: { done: number; total: number };
  result?: unknown;
  error?: { name: string; message: string; issues?: Issue[]; stack?: string };
}

export function runJob<K extends JobKind>(
  kind: K,
  input: JobInput<K>,
  opts: JobOptions = {},
): Promise<JobOutput<K>> {
  return new Promise((resolve, reject) => {
    const worker = startThread("job-thread", { kind, input });
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const end = (f: () => void) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
      f();
      void worker.terminate();
    };
    const onAbort = () => {
      worker.postMessage({ cancel: true });
      timer = setTimeout(
        () => end(() => reject(new JobThreadLost(`${kind}: stopped, and did not end in time`))),
        opts.graceMs ?? 10_000,
      );
    };
    if (opts.signal?.aborted) onAbort();
    else opts.signal?.addEventListener("abort", onAbort, { once: true });
    worker.on("message", (m: Reply) => {
      if (m.progress) opts.onProgress?.(m.progress.done, m.progress.total);
      else if (m.error) end(() => reject(revive(m.error!)));
      else if ("result" in m) end(() => resolve(m.result as JobOutput<K>));
    });
    worker.on("error", (err) => end(() => reject(err)));
    worker.on("exit", (code) =>
      end(() =>
        reject(
          new JobThreadLost(`${kind}: its thread ended (exit code ${code}) without an answer`),
        ),
      ),
    );
  });
}

/** The error as the class the job raised. */
function revive(e: NonNullable<Reply["error"]>): Error {
  let err: Error;
  if (e.name === "InputError")
    err = new InputError(e.issues ?? [], e.issues?.length ? undefined : e.message);
  else if (e.name === "UsageError") err = new UsageError(e.message);
  else if (e.name === "NotFoundError") err = new NotFoundError(e.message);
  else {
    err = new Error(e.message);
    err.name = e.name;
  }
  if (e.stack) err.stack = e.stack;
  return err;
}
