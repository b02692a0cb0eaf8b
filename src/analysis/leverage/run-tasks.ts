/**
 * Runs withholding tasks on one compiled network, one after the other, and returns for each
 * the value added lost over the task's months (USD; negative = gain) by every network actor and
 * in every good. `parallel.ts` spreads the same work over worker threads.
 * @module
 */
import type { Network } from "../../network/network.js";
import { simulate } from "../../simulate/run.js";
import { type Losses, valueAddedLost } from "../value-added.js";
import { type WithholdTask, withholdControls } from "./withhold.js";

export function runTask(net: Network, task: WithholdTask): Losses {
  return valueAddedLost(net, simulate(net, withholdControls(net, task), task.months));
}

export function runTasks(net: Network, tasks: readonly WithholdTask[]): Losses[] {
  return tasks.map((t) => runTask(net, t));
}
