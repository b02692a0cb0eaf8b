/**
 * `--draws N`, `--seed S` and `--workers K`: the Monte Carlo flags of `levier run`, `exposure`,
 * `leverage` (and `--draws`, `--seed` of `game build`), parsed in one place so that they mean
 * and check the same everywhere: whole numbers in range, a bad value a UsageError (exit 2)
 * naming the flag. Where only `--draws` can ask for draws (the analyses, `game build`),
 * `--seed` and `--workers` need it (`drawFlagsOf`); `levier run`, whose scenario may ask for
 * draws in its options, takes them alone (`drawFlagValues`).
 * @module
 */
import { createHash } from "node:crypto";
import type { Command } from "commander";
import { UsageError } from "../diagnostics/errors.js";
import { type CliContext, println } from "./context.js";
import { defaultThreads, wholeFlag } from "./flags.js";

export interface DrawFlags {
  draws?: string;
  seed?: string;
  workers?: string;
}

/** The flags' values: the draws asked for (when `--draws` is given), the seed (when given) and
 * the threads the draws run on. */
export interface DrawFlagValues {
  count?: number;
  seed?: number;
  workers: number;
}

/** Draws asked for with `--draws`. */
export interface DrawsAsked extends DrawFlagValues {
  count: number;
}

/** The range of `--draws`, and how its message names what it expects. */
export interface DrawLimits {
  min: number;
  max: number;
  what: string;
}

/** `levier run`'s and the analyses': `--draws 0` runs none. */
export const RUN_DRAWS: DrawLimits = { min: 0, max: 1_000_000, what: "a whole number of draws" };

export const SEED_MAX = 4294967295;

/** The flags' values, each checked; none needs another. */
export function drawFlagValues(opts: DrawFlags, limits: DrawLimits = RUN_DRAWS): DrawFlagValues {
  return {
    ...(opts.draws === undefined
      ? {}
      : { count: wholeFlag("--draws", opts.draws, limits.min, limits.max, limits.what) }),
    ...(opts.seed === undefined
      ? {}
      : { seed: wholeFlag("--seed", opts.seed, 0, SEED_MAX, "a whole number") }),
    workers:
      opts.workers === undefined
        ? defaultThreads()
        : wholeFlag("--workers", opts.workers, 1, 64, "a whole number of threads"),
  };
}

/** The draws `--draws` asks for, or undefined without it; `--seed` or `--workers` without it
 * is a UsageError (they set the draws, and nothing else asks for any). */
export function drawFlagsOf(
  opts: DrawFlags,
  limits: DrawLimits = RUN_DRAWS,
): DrawsAsked | undefined {
  if (opts.draws === undefined) {
    for (const flag of ["seed", "workers"] as const)
      if (opts[flag] !== undefined)
        throw new UsageError(`--${flag}: it sets the Monte Carlo draws; give --draws N too`);
    return undefined;
  }
  return drawFlagValues(opts, limits) as DrawsAsked;
}

/** Adds `--draws`, `--seed` and `--workers` to an analysis command (`what`: what it runs on
 * each draw); `--workers` and the command's `--threads` are the same threads. */
export function withDrawFlags(cmd: Command, what: string): Command {
  return cmd
    .option(
      "--draws <n>",
      `also run the ${what} on N Monte Carlo draws of every figure given as a distribution: ranges beside each figure (0: none)`,
    )
    .option("--seed <s>", "seed of the draws (default 1): draw k is reproducible from (seed, k)")
    .option(
      "--workers <k>",
      "threads for the draws, the same as --threads (default: cores, at most 4)",
    );
}

/** The threads of an analysis command that has `--threads` (its simulations) and the draw
 * flags: `--workers` sets the same threads, for the central analysis and the draws alike, so
 * giving both with different numbers is a UsageError. `parseThreads` checks `--threads`. */
export function analysisThreadsOf(
  opts: DrawFlags & { threads?: string },
  draws: DrawsAsked | undefined,
  parseThreads: (text: string) => number,
): number {
  const threads = opts.threads === undefined ? undefined : parseThreads(opts.threads);
  if (opts.workers !== undefined && threads !== undefined && threads !== draws?.workers)
    throw new UsageError(
      `--workers: it sets the same threads as --threads (${threads}) here; give one of them, or the same number`,
    );
  return threads ?? draws?.workers ?? defaultThreads();
}

/** SHA-256 of an input the draws ran on, recorded for replay (`draws.inputs`). */
export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Runs `work` with a signal that Ctrl-C aborts (the draws finished are then kept), and stops
 * listening once it is done. */
export async function stoppableOnSigint<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  const stop = () => abort.abort();
  process.once("SIGINT", stop);
  try {
    return await work(abort.signal);
  } finally {
    process.off("SIGINT", stop);
  }
}

/** What stderr says when the draws were stopped before all finished (else nothing). */
export function printStopped(
  ctx: CliContext,
  draws: { requested: number; done: number } | undefined,
): void {
  if (draws && draws.done < draws.requested)
    println(
      ctx.stderr,
      `levier: stopped after ${draws.done} of ${draws.requested} draws; the ranges are over the ${draws.done} finished`,
    );
}
