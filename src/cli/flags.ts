/**
 * Parsing of numeric flags shared by the commands: a whole number within bounds, or a
 * UsageError (exit 2) that names the flag, what it expected and what it found.
 * @module
 */
import { availableParallelism } from "node:os";
import { UsageError } from "../diagnostics/errors.js";

/** `text` as a whole number from `lo` to `hi` (digits only); `what` names it in the error. */
export function wholeFlag(
  flag: string,
  text: string,
  lo: number,
  hi: number,
  what = "a whole number",
): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < lo || n > hi)
    throw new UsageError(
      `${flag}: expected ${what} from ${lo} to ${hi}, found ${JSON.stringify(text)}`,
    );
  return n;
}

/** Threads for a batch of simulations or draws when none is asked for: the cores, at most 4. */
export function defaultThreads(): number {
  return Math.min(4, availableParallelism());
}
