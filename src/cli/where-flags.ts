/**
 * Where a command's batch of tasks runs: `--workers K` / `--threads K` threads on this machine,
 * or `--redis URL` queue workers (`levier worker`) on any number of machines. The two exclude
 * each other. `LEVIER_REDIS_WAIT` (seconds, default 60) says how long a run waits for a Redis
 * that stopped answering before it gives up.
 * @module
 */
import { UsageError } from "../diagnostics/errors.js";
import type { Where } from "../node/executor-for.js";
import { DEFAULT_LOST_AFTER_MS } from "../node/queue-errors.js";
import { wholeFlag } from "./flags.js";

export const REDIS_FLAGS = "--redis <url>";
export const REDIS_HELP =
  "run on queue workers (levier worker) through Redis at this URL, e.g. redis://127.0.0.1:6379";

/** `--redis URL`: a redis:// or rediss:// URL with a host. */
export function redisUrlOf(text: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "redis:" && url.protocol !== "rediss:") || url.hostname === "")
    throw new UsageError(
      `--redis: expected a Redis URL such as redis://127.0.0.1:6379 (redis:// or rediss://), found ${JSON.stringify(text)}`,
    );
  return text;
}

/** How long a run waits for Redis: LEVIER_REDIS_WAIT seconds, or the default. */
export function redisWaitMs(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.LEVIER_REDIS_WAIT;
  if (text === undefined || text === "") return DEFAULT_LOST_AFTER_MS;
  return 1000 * wholeFlag("LEVIER_REDIS_WAIT", text, 1, 86_400, "a whole number of seconds");
}

/**
 * Where a command runs: on the queue when `--redis` is given, else on `threads()` threads
 * (what `threadsFlag` asked, or the default). `threadsFlag` and `--redis` exclude each other.
 */
export function whereOf(
  redis: string | undefined,
  threadsFlag: string,
  threadsText: string | undefined,
  threads: () => number,
): Where {
  if (redis === undefined) return { threads: threads() };
  if (threadsText !== undefined)
    throw new UsageError(
      `--redis: the work runs on queue workers, ${threadsFlag} sets threads on this machine; leave one of them out`,
    );
  return { redis: redisUrlOf(redis), lostAfterMs: redisWaitMs() };
}
