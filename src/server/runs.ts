/**
 * Runs executed off the request thread: each run is one job (`node/jobs.ts`) on a worker
 * thread of its own, at most `concurrency` at once (the others wait, queued). Progress goes to
 * the store at most every `throttleMs` and to the run's listeners (the SSE streams) at the same
 * pace; the end (done with the result document, failed with the error, cancelled with the
 * draws finished) is one write. Nothing of the pipeline is here: the job calls `run/`.
 * @module
 */
import { EventEmitter } from "node:events";
import { InputError } from "../diagnostics/errors.js";
import { runJob } from "../node/jobs.js";
import type { Sampling } from "../random/sampling.js";
import type { Json, RunProgress, RunRecord, RunStatus, Store, Timestamp } from "../run/store.js";
import { issuesMessage } from "./api-error.js";

export interface RunAsk {
  months?: number;
  draws?: number;
  seed?: number;
  sampling?: Sampling;
}

export interface RunsOptions {
  /** Runs computing at once (default 1); the others wait, queued. */
  concurrency?: number;
  /** Threads for one run's draws, the run's own included (default 1). */
  threads?: number;
  /** Least time between two progress writes (default 250 ms). */
  throttleMs?: number;
  now: () => Timestamp;
}

export type RunEvent =
  | { type: "progress"; progress: RunProgress }
  | { type: "end"; status: RunStatus; error?: string | null };

/** Status words of the SSE stream's last event. */
export const END_EVENTS: Partial<Record<RunStatus, string>> = {
  done: "done",
  failed: "failed",
  cancelled: "cancelled",
  interrupted: "interrupted",
};

export class Runs {
  private readonly events = new EventEmitter();
  private readonly waiting: string[] = [];
  private readonly active = new Map<string, AbortController>();
  private readonly finished = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly opts: RunsOptions,
  ) {
    this.events.setMaxListeners(0);
  }

  /** Queues a run made in the store; it starts when a slot is free. */
  enqueue(run: RunRecord, ask: RunAsk): void {
    this.asks.set(run.id, ask);
    this.waiting.push(run.id);
    this.pump();
  }
  private readonly asks = new Map<string, RunAsk>();

  /** Asks a run to stop: a queued one is cancelled at once, a running one keeps the draws
   * finished. False when the run is not in progress here. */
  async cancel(id: string): Promise<boolean> {
    const i = this.waiting.indexOf(id);
    if (i >= 0) {
      this.waiting.splice(i, 1);
      this.asks.delete(id);
      const r = await this.store.cancelRun(id, { at: this.opts.now() });
      if (r.ok) this.emit(id, { type: "end", status: "cancelled" });
      return r.ok;
    }
    const c = this.active.get(id);
    if (!c) return false;
    c.abort();
    return true;
  }

  listen(id: string, f: (e: RunEvent) => void): () => void {
    this.events.on(id, f);
    return () => this.events.off(id, f);
  }

  /** Stops every run (they end cancelled with what they finished) and waits for them. */
  async close(): Promise<void> {
    this.closed = true;
    for (const id of this.waiting.splice(0))
      await this.store.cancelRun(id, { at: this.opts.now() });
    for (const c of this.active.values()) c.abort();
    await Promise.allSettled([...this.finished]);
  }

  private emit(id: string, e: RunEvent) {
    this.events.emit(id, e);
  }

  private pump() {
    while (
      !this.closed &&
      this.waiting.length > 0 &&
      this.active.size < (this.opts.concurrency ?? 1)
    ) {
      const id = this.waiting.shift()!;
      const stop = new AbortController();
      this.active.set(id, stop);
      const p = this.execute(id, this.asks.get(id) ?? {}, stop.signal)
        .catch(() => {})
        .finally(() => {
          this.active.delete(id);
          this.asks.delete(id);
          this.finished.delete(p);
          this.pump();
        });
      this.finished.add(p);
    }
  }

  private async execute(id: string, ask: RunAsk, signal: AbortSignal): Promise<void> {
    const now = this.opts.now;
    const started = await this.store.startRun(id, now());
    if (!started.ok) return;
    const inputs = await this.store.runInputs(id);
    if (!inputs) return;
    const run = inputs.run;
    const throttle = this.opts.throttleMs ?? 250;
    let last = 0;
    let latest: RunProgress = run.progress;
    const onProgress = (done: number, total: number) => {
      latest = { done, total };
      const t = Date.now();
      if (t - last < throttle && done < total) return;
      last = t;
      void this.store.progress(id, latest, now()).catch(() => {});
      this.emit(id, { type: "progress", progress: latest });
    };
    try {
      const { doc, warnings } = await runJob(
        "run",
        {
          world: inputs.world.content,
          text: inputs.scenario.text,
          file: scenarioFile(run.options),
          ...(ask.months === undefined ? {} : { horizon: ask.months }),
          draws: {
            ...(ask.draws === undefined ? {} : { count: ask.draws }),
            ...(ask.seed === undefined ? {} : { seed: ask.seed }),
            ...(ask.sampling === undefined ? {} : { sampling: ask.sampling }),
          },
          threads: this.opts.threads ?? 1,
          inputs: { scenario: inputs.scenario.sha256, world: inputs.world.sha256 },
        },
        { onProgress, signal },
      );
      const drawn = (doc as { draws?: { done: number; requested: number } }).draws;
      const progress = drawn
        ? { done: drawn.done, total: drawn.requested }
        : { done: latest.total || 1, total: latest.total || 1 };
      const result = doc as unknown as Json;
      const w = warnings as unknown as Json;
      const end = signal.aborted
        ? await this.store.cancelRun(id, { result, warnings: w, at: now() })
        : await this.store.finishRun(id, { result, warnings: w, progress, at: now() });
      if (end.ok) {
        this.emit(id, { type: "progress", progress });
        this.emit(id, { type: "end", status: end.value.status });
      }
    } catch (err) {
      const message =
        err instanceof InputError && err.issues.length > 0
          ? issuesMessage(err.issues)
          : ((err as Error)?.message ?? String(err));
      const end = signal.aborted
        ? await this.store.cancelRun(id, { at: now() })
        : await this.store.failRun(id, { error: message, at: now() });
      if (end.ok) this.emit(id, { type: "end", status: end.value.status, error: end.value.error });
    }
  }
}

/** The name the scenario's messages give it: scenario.yaml, or scenario.json for its JSON form. */
export function scenarioFile(options: { [key: string]: Json }): string {
  return options.contentType === "application/json" ? "scenario.json" : "scenario.yaml";
}
