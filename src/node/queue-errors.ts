/**
 * How a run on the queue (`queue.ts`) fails, apart from the queue itself so that the CLI maps
 * these errors to exit codes without loading BullMQ.
 * @module
 */

export const DEFAULT_LOST_AFTER_MS = 60_000;

/** Redis did not answer for the whole wait: never reached, or lost and not back in time.
 * `reason` is the last thing the connection said (refused, NOAUTH…). */
export class QueueLost extends Error {
  constructor(
    readonly url: string,
    readonly waitedMs: number,
    readonly done: number,
    readonly total: number,
    readonly reached: boolean,
    readonly reason?: string,
  ) {
    const s = Math.round(waitedMs / 100) / 10;
    const why = reason ? ` (${reason.replace(/\s+/g, " ").replace(/\.$/, "")})` : "";
    super(
      reached
        ? `--redis ${shownUrl(url)}: lost Redis and it did not answer again within ${s} s${why}, with ${done} of ${total} tasks done; the run stopped (start Redis again and rerun)`
        : `--redis ${shownUrl(url)}: no Redis to work with within ${s} s${why}; start one (redis-server) or check the URL and its password`,
    );
    this.name = "QueueLost";
  }
}

/** A worker could not run a chunk (a task threw there, or the chunk stalled too often). */
export class QueueTaskFailed extends Error {
  constructor(
    readonly start: number,
    readonly reason: string,
  ) {
    super(`a queue worker failed on the chunk of tasks from ${start}: ${reason}`);
    this.name = "QueueTaskFailed";
  }
}

/** The URL without its password, for messages. */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.href.replace(/\/$/, "");
  } catch {
    return url;
  }
}
