/**
 * The jobs of requests that compute (the analyses, a world patched, a game, a Council
 * compensation): run on job threads (`node/jobs.ts`), at most `slots` at once, the others
 * waiting their turn; the same request asked again while it computes, or after, on the same
 * inputs, gets the same answer without computing again (the answers are deterministic).
 * @module
 */

import type { JobInput, JobKind, JobOutput } from "../node/job-kinds.js";
import { runJob } from "../node/jobs.js";

/** Answers kept at most. */
const KEEP = 64;

export class Jobs {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly answers = new Map<string, Promise<unknown>>();

  constructor(private readonly slots = 1) {}

  /** The job's answer; `key` (when given) names its inputs, for answers kept. */
  run<K extends JobKind>(kind: K, input: JobInput<K>, key?: string): Promise<JobOutput<K>> {
    if (key === undefined) return this.slot(() => runJob(kind, input));
    const k = `${kind}:${key}`;
    let p = this.answers.get(k) as Promise<JobOutput<K>> | undefined;
    if (!p) {
      p = this.slot(() => runJob(kind, input));
      this.answers.set(k, p);
      // A failed answer is not kept: the next ask tries again.
      p.catch(() => this.answers.delete(k));
      while (this.answers.size > KEEP) this.answers.delete(this.answers.keys().next().value!);
    }
    return p;
  }

  private async slot<T>(f: () => Promise<T>): Promise<T> {
    if (this.running >= this.slots) await new Promise<void>((r) => this.waiting.push(r));
    this.running++;
    try {
      return await f();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
