/**
 * `levier worker --redis URL`: a queue worker that takes chunks of the runs given `--redis URL`
 * (`run --draws`, `sensitivity`, `leverage` and the other analyses, `game build`), on this
 * machine or any other that reaches the same Redis. It prints one line when it is ready and
 * runs until SIGINT or SIGTERM, which let the chunk in hand finish (a second one stops it at
 * once; that chunk is then retaken by another worker once its lock expires).
 * @module
 */
import type { Command } from "commander";
import { shownUrl } from "../node/queue-errors.js";
import { type CliContext, println } from "./context.js";
import { wholeFlag } from "./flags.js";
import { redisUrlOf, redisWaitMs } from "./where-flags.js";

interface Options {
  redis: string;
  concurrency?: string;
  lockDuration?: string;
  stalledInterval?: string;
}

export function registerWorker(program: Command, ctx: CliContext): void {
  program
    .command("worker")
    .description(
      "take chunks of runs given --redis (draws, sensitivity, simulations) from a Redis queue, on as many machines as you like",
    )
    .requiredOption("--redis <url>", "the Redis the runs use, e.g. redis://127.0.0.1:6379")
    .option("--concurrency <n>", "chunks at once, each on its own thread (default 1)")
    .option(
      "--lock-duration <ms>",
      "how long a chunk stays this worker's without it renewing the lock (default 30000)",
    )
    .option(
      "--stalled-interval <ms>",
      "how often chunks whose worker is gone are looked for and handed out again (default 30000)",
    )
    .action(async (opts: Options) => {
      const redis = redisUrlOf(opts.redis);
      const ms = (flag: string, text: string | undefined) =>
        text === undefined ? undefined : wholeFlag(flag, text, 100, 3_600_000, "milliseconds");
      const concurrency =
        opts.concurrency === undefined
          ? 1
          : wholeFlag("--concurrency", opts.concurrency, 1, 256, "a whole number of threads");
      const lockDuration = ms("--lock-duration", opts.lockDuration);
      const stalledInterval = ms("--stalled-interval", opts.stalledInterval);
      const wait = redisWaitMs();
      const { reachRedis, startQueueWorkers } = await import("../node/queue-worker.js");
      // Redis answers first (else one line and exit 2, nothing left retrying), then the
      // workers start; once started they wait out a Redis that goes away.
      await reachRedis(redis, wait);
      const worker = startQueueWorkers(
        {
          redis,
          ...(lockDuration === undefined ? {} : { lockDuration }),
          ...(stalledInterval === undefined ? {} : { stalledInterval }),
        },
        concurrency,
      );
      await worker.ready;
      println(
        ctx.stderr,
        `levier worker: ready, taking chunks from ${shownUrl(redis)}, ${concurrency} at a time; Ctrl-C stops it`,
      );
      await new Promise<void>((resolve) => {
        let stopping = false;
        const stop = (signal: NodeJS.Signals) => {
          if (stopping) {
            // A second signal stops at once, as if unhandled; the chunk goes to another worker.
            process.off("SIGINT", stop);
            process.off("SIGTERM", stop);
            process.kill(process.pid, signal);
            return;
          }
          stopping = true;
          println(ctx.stderr, "levier worker: stopping after the chunk in hand");
          void worker.close(false).then(() => {
            process.off("SIGINT", stop);
            process.off("SIGTERM", stop);
            resolve();
          });
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
    });
}
