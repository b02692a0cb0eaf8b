/**
 * Progress on stderr for batches of simulations (the leverage matrix, exposure, profiles,
 * chokepoints, a run's indispensability section, a game's profiles): one bar per command with
 * the count and the time left, drawn only when stderr is a terminal and `--json` was not asked
 * for, so that pipes, logs and tests see nothing. `main` clears any bar a failed command left
 * (`stopProgress`).
 * @module
 */
import { SingleBar } from "cli-progress";
import type { TaskBatchOptions } from "../run/executor.js";
import type { CliContext } from "./context.js";

const active = new Set<SingleBar>();

/** Batch options that draw a bar labelled `what`, or none when stderr is not a terminal. Each
 * batch gets its own bar, cleared as soon as the batch is done, before the command prints. */
export function progressOf(
  ctx: CliContext,
  what: string,
  quiet = false,
  unit = "simulations",
): TaskBatchOptions {
  if (!ctx.terminal || quiet) return {};
  let bar: SingleBar | undefined;
  return {
    onProgress: (done, total) => {
      if (!bar) {
        bar = new SingleBar({
          format: `${what} [{bar}] {value}/{total} ${unit}, {eta_formatted} left`,
          stream: process.stderr,
          clearOnComplete: true,
          hideCursor: true,
          etaBuffer: 20,
        });
        bar.start(total, 0);
        active.add(bar);
      }
      bar.update(done);
      if (done >= total) {
        bar.stop();
        active.delete(bar);
        bar = undefined;
      }
    },
  };
}

/** Clears every bar still drawn. */
export function stopProgress(): void {
  for (const bar of active) bar.stop();
  active.clear();
}
