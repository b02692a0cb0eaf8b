/**
 * `levier serve` as a process of its own, killed with SIGKILL in the middle of a run and
 * started again on the same database: the data stored before (a scenario, a finished run with
 * its result) is intact, and the run that was computing is marked interrupted.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const TOKEN = "kill-test-token-0123456789";
const tmp = mkdtempSync(join(tmpdir(), "levier-kill-"));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  rmSync(tmp, { recursive: true, force: true });
});

/** Starts `levier serve` (one node process, from the sources) and waits for its URL. */
function start(db: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "test/helpers/levier-src.ts", "serve", "--port", "0", "--db", db],
    { cwd: ROOT, env: { ...process.env, LEVIER_TOKEN: TOKEN }, stdio: ["ignore", "pipe", "pipe"] },
  );
  children.push(child);
  return new Promise((done, fail) => {
    let out = "";
    let err = "";
    child.stdout!.on("data", (b: Buffer) => {
      out += b.toString();
      const m = /^(http:\/\/\S+?)\/?$/m.exec(out);
      if (m) done({ child, base: m[1]! });
    });
    child.stderr!.on("data", (b: Buffer) => {
      err += b.toString();
    });
    child.on("exit", (code) => fail(new Error(`levier serve exited (${code}): ${err}`)));
  });
}

interface Row {
  id: string;
  status: string;
  progress: { done: number; total: number };
  finishedAt: string | null;
  content: string;
}
const call = async (url: string, init?: RequestInit): Promise<Row> =>
  (await fetch(url, init)).json() as Promise<Row>;

const json = { "content-type": "application/json", authorization: `Bearer ${TOKEN}` };

async function waitFor<T>(f: () => Promise<T | undefined>, ms = 240_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error("waited too long");
    await new Promise((r) => setTimeout(r, 200));
  }
}

const text = (url: string) => fetch(url).then((r) => r.text());

describe("levier serve killed with SIGKILL mid-run", () => {
  it("keeps what was stored and marks the run interrupted at the next start", async () => {
    const db = join(tmp, "levier.db");
    const first = await start(db);
    const yaml = readFileSync(join(ROOT, "examples/taiwan-fab-disruption.yaml"), "utf8");
    const sc = await call(`${first.base}/api/scenarios`, {
      method: "POST",
      body: yaml,
      headers: { ...json, "content-type": "application/yaml" },
    });
    const runBody = (draws: number) =>
      JSON.stringify({ scenarioId: sc.id, months: 3, draws, seed: 3 });
    const done = await call(`${first.base}/api/runs`, {
      method: "POST",
      body: runBody(0),
      headers: json,
    });
    await waitFor(async () => {
      const r = await call(`${first.base}/api/runs/${done.id}`);
      return r.status === "done" ? r : undefined;
    });
    const result = await text(`${first.base}/api/runs/${done.id}/result`);
    const long = await call(`${first.base}/api/runs`, {
      method: "POST",
      body: runBody(1000),
      headers: json,
    });
    // Reads answer while it runs; then the kill, in the middle of the draws.
    await waitFor(async () => {
      const r = await call(`${first.base}/api/runs/${long.id}`);
      return r.status === "running" && r.progress.done > 0 ? r : undefined;
    });
    expect((await fetch(`${first.base}/api/health`)).status).toBe(200);
    first.child.kill("SIGKILL");
    await new Promise((r) => first.child.once("exit", r));

    const second = await start(db);
    try {
      const again = await call(`${second.base}/api/runs/${long.id}`);
      expect(again.status).toBe("interrupted");
      expect(again.finishedAt).not.toBeNull();
      expect(again.progress.done).toBeGreaterThan(0);
      expect(again.progress.done).toBeLessThan(1000);
      expect((await call(`${second.base}/api/scenarios/${sc.id}`)).content).toBe(yaml);
      expect((await call(`${second.base}/api/runs/${done.id}`)).status).toBe("done");
      expect(await text(`${second.base}/api/runs/${done.id}/result`)).toBe(result);
      const events = await text(`${second.base}/api/runs/${long.id}/events`);
      expect(events).toMatch(/event: interrupted\ndata: \{"status":"interrupted"/);
    } finally {
      second.child.kill("SIGTERM");
      const code = await new Promise((r) => second.child.once("exit", r));
      expect(code).toBe(0);
    }
  });
});
