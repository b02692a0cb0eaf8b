/**
 * Worker-thread entry of `leverage-parallel.ts`: receives the network once (workerData), then chunks of
 * tasks, and answers each chunk with its results.
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import type { SimulationTask } from "../analysis/leverage/run-tasks.js";
import { runTasks } from "../analysis/leverage/run-tasks.js";
import type { Network } from "../network/network.js";

const port = parentPort;
if (port) {
  const net = (workerData as { net: Network }).net;
  port.on("message", (m: { start: number; tasks: SimulationTask[] }) => {
    port.postMessage({ start: m.start, results: runTasks(net, m.tasks) });
  });
  port.postMessage({ ready: true });
}
