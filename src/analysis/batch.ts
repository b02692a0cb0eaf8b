/**
 * Several analyses' simulations run as one batch (so that worker threads stay busy), then
 * split back into each analysis's results, in order.
 * @module
 */
import type { WithholdTask } from "./leverage/withhold.js";
import type { Losses } from "./value-added.js";

export function concatTasks(groups: readonly (readonly WithholdTask[])[]): WithholdTask[] {
  return groups.flat();
}

export function splitResults(
  groups: readonly (readonly WithholdTask[])[],
  results: readonly Losses[],
): Losses[][] {
  let at = 0;
  return groups.map((g) => {
    const part = results.slice(at, at + g.length);
    at += g.length;
    return part;
  });
}
