/**
 * The names a queued run (`queue.ts`) and its workers (`queue-worker.ts`) share in Redis: one
 * BullMQ queue for every kind of task, and per run three keys under `levier:run:<id>:` (the
 * input, the results by chunk start, the errors by chunk start). Job ids are the run id and
 * the chunk start, so that adding a chunk again adds nothing while its job exists.
 * @module
 */

/** BullMQ's prefix and queue name: its own keys are `levier:tasks:*`. */
export const QUEUE_PREFIX = "levier";
export const QUEUE_NAME = "tasks";

/** How long a run's keys live without the client refreshing them (a client killed outright
 * leaves nothing behind for longer). */
export const RUN_TTL_MS = 24 * 3600 * 1000;

/** What one job asks: chunk `start … start + count − 1` of run `run`'s tasks. */
export interface ChunkJob {
  run: string;
  kind: string;
  start: number;
  count: number;
}

/** What a run puts in Redis once: the kind, its context and every task (V8-serialised). */
export interface RunInput {
  kind: string;
  context: unknown;
  tasks: readonly unknown[];
}

export interface RunKeys {
  /** A string: the V8 serialisation of the `RunInput`. */
  input: string;
  /** A hash: chunk start → the V8 serialisation of the chunk's results. */
  results: string;
  /** A hash: chunk start → why the chunk failed. */
  errors: string;
}

export function runKeys(run: string): RunKeys {
  const base = `${QUEUE_PREFIX}:run:${run}`;
  return { input: `${base}:input`, results: `${base}:results`, errors: `${base}:errors` };
}

/** The job id of a chunk (BullMQ refuses ':' in ids and ids that are integers). */
export function chunkJobId(run: string, start: number): string {
  return `${run}-${start}`;
}
