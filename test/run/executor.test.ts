/**
 * The task executor (src/run/executor.ts): in this thread and on worker threads, the same
 * results in task order, progress as tasks finish, and a stop on the signal that keeps what was
 * finished.
 */
import { describe, expect, it } from "vitest";
import { leveragePlan } from "../../src/analysis/leverage/matrix.js";
import { runTasks } from "../../src/analysis/leverage/run-tasks.js";
import { workerExecutor } from "../../src/node/leverage-parallel.js";
import { inThreadExecutor, type TaskExecutor, TasksCancelled } from "../../src/run/executor.js";
import { fixtureContext } from "../analysis/world.js";

const chain = fixtureContext("chain");
const tasks = leveragePlan(chain, { horizon: 12, threshold: 0 }).tasks;
const serial = runTasks(chain.net, tasks);

const executors: [string, TaskExecutor][] = [
  ["in this thread", inThreadExecutor],
  ["on two threads", workerExecutor(2)],
];

describe.each(executors)("the task executor %s", (_, execute) => {
  it("gives runTasks' results bit for bit, in task order, and reports progress up to the end", async () => {
    const seen: [number, number][] = [];
    const results = await execute(chain.net, tasks, {
      onProgress: (done, total) => seen.push([done, total]),
    });
    expect(results).toHaveLength(serial.length);
    results.forEach((r, i) => expect([...r.byActor]).toEqual([...serial[i]!.byActor]));
    expect(seen.at(-1)).toEqual([tasks.length, tasks.length]);
    for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThan(seen[i - 1]![0]);
  });

  it("starts nothing once its signal is aborted, and says what it finished", async () => {
    const stop = new AbortController();
    stop.abort();
    const error = await execute(chain.net, tasks, { signal: stop.signal }).catch((e) => e);
    expect(error).toBeInstanceOf(TasksCancelled);
    expect((error as TasksCancelled).done).toBe(0);
    expect((error as TasksCancelled).results).toHaveLength(tasks.length);
  });
});

describe("the in-thread executor", () => {
  it("stops between tasks when aborted midway, keeping the finished results", async () => {
    expect(tasks.length).toBeGreaterThan(3);
    const stop = new AbortController();
    const error = await inThreadExecutor(chain.net, tasks, {
      signal: stop.signal,
      onProgress: (done) => {
        if (done === 2) stop.abort();
      },
    }).catch((e) => e);
    const cancelled = error as TasksCancelled;
    expect(cancelled.done).toBe(2);
    expect([...cancelled.results[1]!.byActor]).toEqual([...serial[1]!.byActor]);
    expect(cancelled.results[2]).toBeUndefined();
  });
});
