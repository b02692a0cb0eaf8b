/**
 * Load test of the API on loopback: reads while a run executes. Starts a server in this
 * process on a fresh SQLite file, stores the demo scenario, starts a run with draws, and while
 * it computes sends `--requests` reads (GET /api/runs/:id, /api/scenarios, /api/worlds, health,
 * round-robin) with `--concurrency` in flight, bounded by `--seconds`. Prints p50/p99/max
 * latency, errors, and whether the run was still running when the last read came back.
 *
 *   node --import tsx bench/server/load.ts [--requests 2000] [--concurrency 8] [--draws 1000] [--seconds 60]
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildServer } from "../../src/server/app.js";
import { openStore } from "../../src/store/open.js";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "2000" },
    concurrency: { type: "string", default: "8" },
    draws: { type: "string", default: "1000" },
    seconds: { type: "string", default: "60" },
  },
});
const REQUESTS = Number(values.requests);
const CONCURRENCY = Number(values.concurrency);
const DRAWS = Number(values.draws);
const SECONDS = Number(values.seconds);
const TOKEN = "bench-token-0123456789abcdef";
const ROOT = resolve(import.meta.dirname, "../..");

const tmp = mkdtempSync(join(tmpdir(), "levier-load-"));
const store = await openStore(join(tmp, "bench.db"));
const { app, runs } = await buildServer({
  store,
  token: TOKEN,
  rateLimit: { max: 0, windowMs: 1000 },
});
await app.listen({ port: 0, host: "127.0.0.1" });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const auth = { authorization: `Bearer ${TOKEN}` };
try {
  const text = readFileSync(join(ROOT, "examples/us-ai-diffusion-caps-2025.yaml"), "utf8");
  const sc = (await (
    await fetch(`${base}/api/scenarios`, {
      method: "POST",
      body: text,
      headers: { ...auth, "content-type": "application/yaml" },
    })
  ).json()) as { id: string };
  const run = (await (
    await fetch(`${base}/api/runs`, {
      method: "POST",
      body: JSON.stringify({ scenarioId: sc.id, draws: DRAWS }),
      headers: { ...auth, "content-type": "application/json" },
    })
  ).json()) as { id: string };
  // Wait until the run computes (its job thread started and loaded).
  for (;;) {
    const r = (await (await fetch(`${base}/api/runs/${run.id}`)).json()) as { status: string };
    if (r.status === "running") break;
    await new Promise((d) => setTimeout(d, 100));
  }
  const urls = [
    `/api/runs/${run.id}`,
    "/api/scenarios",
    "/api/worlds",
    "/api/health",
    `/api/runs?scenarioId=${sc.id}`,
  ];
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const until = Date.now() + SECONDS * 1000;
  const worker = async () => {
    while (sent < REQUESTS && Date.now() < until) {
      const url = urls[sent++ % urls.length]!;
      const t = performance.now();
      try {
        const r = await fetch(`${base}${url}`);
        await r.arrayBuffer();
        if (r.status !== 200) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const wall = performance.now() - t0;
  const after = (await (await fetch(`${base}/api/runs/${run.id}`)).json()) as {
    status: string;
    progress: { done: number; total: number };
  };
  latencies.sort((a, b) => a - b);
  const q = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  console.log(
    JSON.stringify({
      requests: latencies.length,
      concurrency: CONCURRENCY,
      errors,
      p50_ms: +q(0.5).toFixed(2),
      p99_ms: +q(0.99).toFixed(2),
      max_ms: +latencies.at(-1)!.toFixed(2),
      requests_per_s: +((latencies.length / wall) * 1000).toFixed(0),
      run: `${after.status}, ${after.progress.done} of ${after.progress.total} draws`,
    }),
  );
} finally {
  await runs.close();
  await app.close();
  await store.close();
  rmSync(tmp, { recursive: true, force: true });
}
