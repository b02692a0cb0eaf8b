/**
 * The HTTP API against a real store, on SQLite and on a throwaway PostgreSQL (no mock of the
 * database): every route answers; writes without a token 401, with a wrong one 403; oversize
 * bodies 413; bad scenarios 400 with the CLI's own text, line and column; concurrent edits
 * 412 (and 428 without If-Match); floods 429; path traversal refused; a run followed by SSE to
 * its end, its result the document `run/` gives directly for the same inputs, and reads
 * answering while it runs.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCouncilFrom } from "../../src/io/council-files.js";
import { loadHighsSolver } from "../../src/node/highs.js";
import { runScenarioRequest } from "../../src/run/scenario.js";
import type { Store } from "../../src/run/store.js";
import { buildServer } from "../../src/server/app.js";
import type { Runs } from "../../src/server/runs.js";
import { openStore } from "../../src/store/open.js";
import { worldFromJson } from "../../src/world/from-json.js";
import { runCli } from "../helpers/cli.js";
import { findInitdb, type Postgres, startPostgres } from "../helpers/postgres.js";
import { skipReason } from "../helpers/tools.js";

const ROOT = resolve(import.meta.dirname, "../..");
const INITDB = findInitdb();
const TOKEN = "test-token-0123456789abcdef";
const AUTH = { authorization: `Bearer ${TOKEN}` };
const YAML = { "content-type": "application/yaml" };
const JSON_T = { "content-type": "application/json" };
const sha256 = (t: string) => createHash("sha256").update(t, "utf8").digest("hex");
const read = (f: string) => readFileSync(join(ROOT, f), "utf8");
const tmp = mkdtempSync(join(tmpdir(), "levier-api-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Served {
  app: FastifyInstance;
  runs: Runs;
  store: Store;
  base: string;
}

async function serve(
  target: string,
  extra: Parameters<typeof buildServer>[0] extends infer O ? Partial<O> : never = {},
): Promise<Served> {
  const store = await openStore(target);
  const web = join(tmp, "web");
  mkdirSync(join(web, "assets"), { recursive: true });
  writeFileSync(join(web, "index.html"), "<!doctype html><title>levier</title><div id=root></div>");
  writeFileSync(join(web, "assets", "app.js"), "console.log(1)");
  const { app, runs } = await buildServer({
    store,
    token: TOKEN,
    rateLimit: { max: 0, windowMs: 1000 },
    webDir: web,
    ...extra,
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const addr = app.server.address() as { port: number };
  return { app, runs, store, base: `http://127.0.0.1:${addr.port}` };
}

async function close(s: Served | undefined) {
  if (!s) return;
  await s.runs.close();
  await s.app.close();
  await s.store.close();
}

/** The CLI's error lines for a bad scenario file, with the file name the API gives it. */
async function cliErrors(file: string): Promise<string[]> {
  const r = await runCli(["run", file], ROOT);
  expect(r.code).toBe(2);
  return r.stderr
    .split("\n")
    .filter((l) => l.startsWith(file))
    .map((l) => l.replace(file, "scenario.yaml"));
}

function apiSuite(target: () => Promise<string>) {
  let s: Served;
  beforeAll(async () => {
    s = await serve(await target());
  });
  afterAll(() => close(s));

  const post = (url: string, body: string, headers: Record<string, string> = {}) =>
    s.app.inject({ method: "POST", url, payload: body, headers: { ...YAML, ...AUTH, ...headers } });

  it("answers health, the OpenAPI document, the reference page, schemas and examples", async () => {
    const h = await s.app.inject("/api/health");
    expect(h.json()).toEqual({ ok: true, version: "0.1.0", db: s.store.kind });
    const doc = (await s.app.inject("/api/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    for (const p of [
      "/api/scenarios",
      "/api/runs/{id}/events",
      "/api/council/vote",
      "/api/worlds/{id}/exposure",
    ])
      expect(Object.keys(doc.paths)).toContain(p);
    expect(
      doc.paths["/api/runs"].post.requestBody.content["application/json"].schema.properties.draws
        .maximum,
    ).toBe(100000);
    const page = await s.app.inject("/api/docs");
    expect(page.headers["content-type"]).toMatch(/text\/html/);
    expect(page.body).toContain("/api/runs/{id}/events");
    const schema = (await s.app.inject("/api/schemas/scenario")).json();
    expect(schema).toEqual(JSON.parse((await runCli(["schema", "scenario"], ROOT)).stdout));
    const examples = (await s.app.inject("/api/examples")).json() as {
      name: string;
      content: string;
    }[];
    expect(examples.map((e) => e.name)).toContain("taiwan-fab-disruption");
    expect(examples.find((e) => e.name === "taiwan-fab-disruption")!.content).toBe(
      read("examples/taiwan-fab-disruption.yaml"),
    );
    expect(h.headers["content-security-policy"]).toContain("default-src 'self'");
  });

  it("has the default world, summarised as levier data show --json summarises it", async () => {
    const list = (await s.app.inject("/api/worlds")).json() as { id: string }[];
    expect(list.map((w) => w.id)).toContain("default");
    const w = await s.app.inject("/api/worlds/default");
    expect(w.headers.etag).toBe('"1"');
    const { id, name: _n, parentId: _p, version, ...summary } = w.json();
    expect([id, version]).toEqual(["default", 1]);
    expect(summary).toEqual(JSON.parse((await runCli(["data", "show", "--json"], ROOT)).stdout));
    expect((await s.app.inject("/api/worlds/nope")).statusCode).toBe(404);
  });

  it("refuses writes without a token (401) and with a wrong one (403)", async () => {
    const text = read("examples/taiwan-fab-disruption.yaml");
    const none = await s.app.inject({
      method: "POST",
      url: "/api/scenarios",
      payload: text,
      headers: YAML,
    });
    expect(none.statusCode).toBe(401);
    expect(none.headers["www-authenticate"]).toMatch(/^Bearer/);
    expect(none.json().error.status).toBe(401);
    const wrong = await post("/api/scenarios", text, { authorization: "Bearer not-the-token" });
    expect(wrong.statusCode).toBe(403);
    expect(
      (await s.app.inject({ method: "POST", url: "/api/runs", payload: "{}", headers: JSON_T }))
        .statusCode,
    ).toBe(401);
  });

  it("refuses a body over the limit with 413", async () => {
    const big = `name: x\n# ${"x".repeat(1024 * 1024 + 10)}\n`;
    const r = await post("/api/scenarios", big);
    expect(r.statusCode).toBe(413);
    expect(r.json().error.status).toBe(413);
  });

  for (const f of [
    "syntax.yaml",
    "unknown-good.yaml",
    "cap-above-one.yaml",
    "end-before-start.yaml",
    "unknown-type.yaml",
  ]) {
    it(`answers a bad scenario (${f}) with 400 and the CLI's words and positions`, async () => {
      const file = `test/fixtures/bad-scenarios/${f}`;
      const r = await post("/api/scenarios", read(file));
      expect(r.statusCode).toBe(400);
      const e = r.json().error as {
        message: string;
        issues: { path: string | null; line: number; col: number; message: string; code: string }[];
      };
      const cli = await cliErrors(file);
      expect(e.message.split("\n")).toEqual(cli);
      expect(
        e.issues.map(
          (i) =>
            `scenario.yaml:${i.line}:${i.col}: error[${i.code}] ${i.path ? `${i.path}: ` : ""}${i.message}`,
        ),
      ).toEqual(cli);
      const v = (await post("/api/scenarios/validate", read(file))).json();
      expect(v.ok).toBe(false);
      expect(v.issues).toEqual(e.issues);
    });
  }

  it("answers malformed JSON bodies with 400 and the position", async () => {
    const r = await s.app.inject({
      method: "POST",
      url: "/api/runs",
      payload: '{"scenarioId": ',
      headers: { ...JSON_T, ...AUTH },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.issues[0].line).toBe(1);
    const bad = await s.app.inject({
      method: "POST",
      url: "/api/runs",
      payload: '{"scenarioId": "x", "draws": -1}',
      headers: { ...JSON_T, ...AUTH },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe("draws");
  });

  it("stores, reads, edits with If-Match (428 without, 412 when stale) and deletes a scenario", async () => {
    const text = read("examples/taiwan-fab-disruption.yaml");
    const made = await post("/api/scenarios", text);
    expect(made.statusCode).toBe(201);
    const { id, version } = made.json();
    expect(version).toBe(1);
    const got = await s.app.inject(`/api/scenarios/${id}`);
    expect(got.headers.etag).toBe('"1"');
    expect(got.json().content).toBe(text);
    expect(got.json().scenario.name).toBe(made.json().name);
    expect(
      (await s.app.inject("/api/scenarios")).json().map((x: { id: string }) => x.id),
    ).toContain(id);
    const edited = text.replace(/^name: .*$/m, "name: Edited");
    const put = (ifMatch?: string) =>
      s.app.inject({
        method: "PUT",
        url: `/api/scenarios/${id}`,
        payload: edited,
        headers: { ...YAML, ...AUTH, ...(ifMatch ? { "if-match": ifMatch } : {}) },
      });
    expect((await put()).statusCode).toBe(428);
    const first = await put('"1"');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 2, name: "Edited" });
    const second = await put('"1"');
    expect(second.statusCode).toBe(412);
    expect(second.headers.etag).toBe('"2"');
    const del = (v: string) =>
      s.app.inject({
        method: "DELETE",
        url: `/api/scenarios/${id}`,
        headers: { ...AUTH, "if-match": v },
      });
    expect((await del('"1"')).statusCode).toBe(412);
    expect((await del('"2"')).statusCode).toBe(204);
    expect((await s.app.inject(`/api/scenarios/${id}`)).statusCode).toBe(404);
  });

  it("runs a scenario off the request thread, streams its progress to done, and stores what run/ gives", async () => {
    const file = "examples/taiwan-fab-disruption.yaml";
    const text = read(file);
    const sid = (await post("/api/scenarios", text)).json().id as string;
    const started = await s.app.inject({
      method: "POST",
      url: "/api/runs",
      payload: JSON.stringify({ scenarioId: sid, months: 3, draws: 3, seed: 7 }),
      headers: { ...JSON_T, ...AUTH },
    });
    expect(started.statusCode).toBe(202);
    const run = started.json();
    expect(run.status).toBe("queued");
    const res = await fetch(`${s.base}/api/runs/${run.id}/events`);
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    // Reads answer while the run computes.
    const reads = await Promise.all(
      Array.from({ length: 10 }, () => s.app.inject(`/api/runs/${run.id}`)),
    );
    expect(reads.every((r) => r.statusCode === 200)).toBe(true);
    const events = await res.text();
    const names = [...events.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(names[0]).toBe("progress");
    expect(names.at(-1)).toBe("done");
    expect(events).toContain('data: {"done":3,"total":3}');
    const stored = (await s.app.inject(`/api/runs/${run.id}`)).json();
    expect(stored).toMatchObject({
      status: "done",
      progress: { done: 3, total: 3 },
      seed: 7,
      draws: 3,
    });
    const result = (await s.app.inject(`/api/runs/${run.id}/result`)).json();
    const world = await s.store.getWorld("default");
    const direct = await runScenarioRequest({
      world: worldFromJson(world!.content),
      text,
      file: "scenario.yaml",
      horizon: 3,
      council: async () => ({ council: loadCouncilFrom(ROOT), solver: await loadHighsSolver() }),
      draws: {
        count: 3,
        seed: 7,
        inputs: { scenario: sha256(text), world: sha256(world!.content) },
      },
    });
    expect(result).toEqual(JSON.parse(JSON.stringify(direct.doc)));
    // Its reports, charts and comparison.
    const charts = (await s.app.inject(`/api/runs/${run.id}/charts`)).json() as { name: string }[];
    expect(charts.length).toBeGreaterThan(0);
    const svg = await s.app.inject(`/api/runs/${run.id}/charts/${charts[0]!.name}.svg`);
    expect([svg.statusCode, svg.headers["content-type"]]).toEqual([200, "image/svg+xml"]);
    expect(svg.body).toMatch(/^<svg/);
    const png = await s.app.inject(`/api/runs/${run.id}/charts/${charts[0]!.name}.png`);
    expect(png.rawPayload.subarray(1, 4).toString()).toBe("PNG");
    const html = await s.app.inject(`/api/runs/${run.id}/report.html`);
    expect(html.body).toContain("<svg");
    const xlsx = await s.app.inject(`/api/runs/${run.id}/report.xlsx`);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const csv = await s.app.inject(`/api/runs/${run.id}/report.csv`);
    expect(csv.body.split("\n")[0]).toMatch(/actor/);
    expect((await s.app.inject(`/api/runs/${run.id}/report.json`)).json()).toEqual(result);
    const cmp = (await s.app.inject(`/api/runs/compare?a=${run.id}&b=${run.id}`)).json();
    expect(cmp.actors.length).toBe(result.actors.length);
    expect(Object.values(cmp.actors[0].diff).every((d) => d === 0)).toBe(true);
    // Listed, and deletable only with its version.
    expect(
      (await s.app.inject(`/api/runs?scenarioId=${sid}`)).json().map((r: { id: string }) => r.id),
    ).toContain(run.id);
    const del = await s.app.inject({
      method: "DELETE",
      url: `/api/runs/${run.id}`,
      headers: { ...AUTH, "if-match": '"1"' },
    });
    expect(del.statusCode).toBe(412);
  });

  it("refuses path traversal in downloads", async () => {
    const runs = (await s.app.inject("/api/runs?status=done")).json() as { id: string }[];
    const id = runs[0]!.id;
    for (const name of ["..%2F..%2Fpackage.json", "%2e%2e%2f%2e%2e%2fpackage", "....//package"]) {
      const r = await s.app.inject(`/api/runs/${id}/charts/${name}.svg`);
      expect(r.statusCode).toBe(404);
      expect(r.body).not.toContain('"name": "levier"');
    }
    const rep = await s.app.inject(`/api/runs/${id}/report.%2e%2e%2fpackage`);
    expect(rep.statusCode).toBe(404);
    for (const p of [
      "/..%2f..%2fpackage.json",
      "/assets/..%2f..%2f..%2fpackage.json",
      "/%2e%2e/%2e%2e/package.json",
    ]) {
      const r = await fetch(`${s.base}${p}`);
      const body = await r.text();
      expect(body).not.toContain('"name": "levier"');
    }
    // The dashboard: its files, and its page for the paths its router owns.
    expect(await (await fetch(`${s.base}/assets/app.js`)).text()).toBe("console.log(1)");
    expect(await (await fetch(`${s.base}/runs/abc`)).text()).toContain("<div id=root>");
    expect((await fetch(`${s.base}/api/nope`)).status).toBe(404);
  });

  it("votes in the Council on ballots and on gains, as levier council vote does", async () => {
    const rules = (await s.app.inject("/api/council/rules")).json();
    expect(rules).toEqual(JSON.parse((await runCli(["council", "rules", "--json"], ROOT)).stdout));
    const vote = (votes: Record<string, string>, others: string) =>
      s.app.inject({
        method: "POST",
        url: "/api/council/vote",
        payload: JSON.stringify({ rule: "unanimity", votes, others }),
        headers: JSON_T,
      });
    expect((await vote({}, "yes")).json().pass).toBe(true);
    expect((await vote({ NL: "no" }, "yes")).json().pass).toBe(false);
    const gainsFile = join(tmp, "gains.json");
    writeFileSync(gainsFile, JSON.stringify({ gains: { NL: -3 }, others: 1 }));
    const cli = JSON.parse(
      (await runCli(["council", "vote", "--rule", "qmv", "--gains", gainsFile, "--json"], ROOT))
        .stdout,
    );
    const api = await s.app.inject({
      method: "POST",
      url: "/api/council/vote",
      payload: JSON.stringify({ rule: "qmv", gains: { NL: -3 }, others: 1 }),
      headers: JSON_T,
    });
    expect(api.json()).toEqual(cli);
    const bad = await s.app.inject({
      method: "POST",
      url: "/api/council/vote",
      payload: JSON.stringify({ rule: "nope", votes: {} }),
      headers: JSON_T,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('unknown rule "nope"');
  });
}

describe("the API on SQLite", () => {
  apiSuite(async () => join(tmp, "api.db"));

  it("answers floods with 429", async () => {
    const s = await serve(join(tmp, "flood.db"), { rateLimit: { max: 5, windowMs: 60_000 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 8; i++) codes.push((await s.app.inject("/api/health")).statusCode);
      expect(codes.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(codes.slice(5)).toEqual([429, 429, 429]);
      const r = await s.app.inject("/api/health");
      expect(r.json().error.status).toBe(429);
      expect(r.headers["retry-after"]).toBeDefined();
    } finally {
      await close(s);
    }
  });

  it("keeps reads closed with --private", async () => {
    const s = await serve(join(tmp, "private.db"), { private: true });
    try {
      expect((await s.app.inject("/api/worlds")).statusCode).toBe(401);
      expect((await s.app.inject({ url: "/api/worlds", headers: AUTH })).statusCode).toBe(200);
    } finally {
      await close(s);
    }
  });
});

let pg: Postgres | undefined;
describe.skipIf(!INITDB)(
  INITDB ? "the API on PostgreSQL" : skipReason("initdb", "postgresql"),
  () => {
    beforeAll(async () => {
      pg = await startPostgres(INITDB!);
    });
    afterAll(() => pg?.stop());
    apiSuite(async () => pg!.createDatabase("api"));
  },
);
