/**
 * The API routes that the main API test leaves out, each against what the CLI prints for the
 * same request (SQLite; the store's behaviour on PostgreSQL is covered by api.test.ts): the
 * world analyses (chokepoints, exposure, leverage, an actor's profile), world patches made and
 * deleted, games built and solved, Council power and compensation, a run's Council section, a
 * run cancelled, the Markdown report, and conditional access (a run's adoption cascade and a
 * game whose strategies adopt a rule) with the package's rule book.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/run/store.js";
import { buildServer } from "../../src/server/app.js";
import type { Runs } from "../../src/server/runs.js";
import { openStore } from "../../src/store/open.js";
import { runCli } from "../helpers/cli.js";

const ROOT = resolve(import.meta.dirname, "../..");
const TOKEN = "routes-token-0123456789";
const AUTH = { authorization: `Bearer ${TOKEN}` };
const YAML = { "content-type": "application/yaml" };
const JSON_T = { "content-type": "application/json" };
const read = (f: string) => readFileSync(join(ROOT, f), "utf8");
const tmp = mkdtempSync(join(tmpdir(), "levier-routes-"));

let app: FastifyInstance;
let runs: Runs;
let store: Store;
beforeAll(async () => {
  store = await openStore(join(tmp, "routes.db"));
  ({ app, runs } = await buildServer({
    store,
    token: TOKEN,
    rateLimit: { max: 0, windowMs: 1000 },
  }));
});
afterAll(async () => {
  await runs?.close();
  await app?.close();
  await store?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const cliJson = async (args: string[]) => {
  const r = await runCli(args, ROOT);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};
const get = async (url: string) => {
  const r = await app.inject(url);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
const postJson = (url: string, body: unknown, auth = false) =>
  app.inject({
    method: "POST",
    url,
    payload: JSON.stringify(body),
    headers: { ...JSON_T, ...(auth ? AUTH : {}) },
  });
/** POST of a YAML document, with the token. */
const postYaml = (url: string, payload: string) =>
  app.inject({ method: "POST", url, payload, headers: { ...YAML, ...AUTH } });

/** Waits for a run's server-sent events to end and answers the run as stored. */
async function finished(id: string) {
  const address = app.server.address();
  if (!address || typeof address === "string") await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as { port: number };
  await (await fetch(`http://127.0.0.1:${port}/api/runs/${id}/events`)).text();
  return get(`/api/runs/${id}`);
}

/** POST /api/games/build of a game file answers what `levier game build FILE --json` prints
 * (warnings aside: their file names differ). */
async function expectBuiltAsCli(file: string) {
  const r = await postYaml("/api/games/build", read(file));
  expect(r.statusCode, r.body).toBe(200);
  const { warnings: _w, ...api } = r.json();
  const { warnings: _c, ...cli } = await cliJson(["game", "build", file, "--json"]);
  expect(api).toEqual(cli);
}

describe("the world analyses answer as the CLI does", () => {
  it("chokepoints", async () => {
    expect(await get("/api/worlds/default/chokepoints?horizon=12")).toEqual(
      await cliJson(["chokepoints", "--horizon", "12", "--json"]),
    );
  });
  it("exposure of the EU", async () => {
    expect(await get("/api/worlds/default/exposure?actor=EU&horizon=6")).toEqual(
      await cliJson(["exposure", "EU", "--horizon", "6", "--json"]),
    );
    expect((await app.inject("/api/worlds/default/exposure?actor=NOPE")).statusCode).toBe(400);
  });
  it("leverage among two actors, over the CLI's default horizon", async () => {
    expect(await get("/api/worlds/default/leverage?actors=US,NL")).toEqual(
      await cliJson(["leverage", "--actors", "US,NL", "--json"]),
    );
  });
  it("an actor's profile", async () => {
    expect(await get("/api/worlds/default/profiles/NL?powers=US,CN&horizon=6")).toEqual(
      await cliJson(["report", "profile", "NL", "--powers", "US,CN", "--horizon", "6", "--json"]),
    );
  });
});

describe("worlds, games and the Council", () => {
  it("makes a world from a patch, refuses a bad one with its position, and deletes it", async () => {
    const patch = "extends: default\nsuppliers: []\n";
    const made = await postYaml("/api/worlds?name=Same", patch);
    expect(made.statusCode, made.body).toBe(201);
    const { id } = made.json();
    expect((await get("/api/worlds")).map((w: { id: string }) => w.id)).toContain(id);
    const bad = await postYaml("/api/worlds", "extends: default\nsuppliers: [\n");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].line).toBeGreaterThan(0);
    const del = (v: string) =>
      app.inject({
        method: "DELETE",
        url: `/api/worlds/${id}`,
        headers: { ...AUTH, "if-match": v },
      });
    expect((await del('"9"')).statusCode).toBe(412);
    expect((await del('"1"')).statusCode).toBe(204);
    expect((await app.inject(`/api/worlds/${id}`)).statusCode).toBe(404);
  });

  it("solves a game as levier game solve does, in levier's JSON and Gambit's text", async () => {
    for (const [file, format] of [
      ["test/fixtures/games/battle-of-the-sexes.json", "json"],
      ["test/fixtures/games/entry-deterrence.efg", "efg"],
    ] as const) {
      const r = await app.inject({
        method: "POST",
        url: `/api/games/solve?format=${format}`,
        payload: read(file),
        headers: { "content-type": format === "json" ? "application/json" : "text/plain" },
      });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toEqual(await cliJson(["game", "solve", file, "--json"]));
    }
  });

  it("builds a game from simulations as levier game build does", async () => {
    const file = "examples/games/us-caps-vs-eu-retaliation.yaml";
    await expectBuiltAsCli(file);
  });

  it("gives Council power and the least compensation as the CLI does", async () => {
    expect(await get("/api/council/power?rule=qmv")).toEqual(
      await cliJson(["council", "power", "--rule", "qmv", "--json"]),
    );
    const gains = { gains: { NL: -3, DE: -1, FR: -0.5 }, others: 0.2 };
    const file = join(tmp, "gains.json");
    writeFileSync(file, JSON.stringify(gains));
    const r = await postJson("/api/council/compensate", { rule: "qmv", ...gains });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual(
      await cliJson(["council", "compensate", "--rule", "qmv", "--gains", file, "--json"]),
    );
  });
});

describe("a run's Council section, the Markdown report and cancelling", () => {
  let scenarioId: string;
  beforeAll(async () => {
    const made = await postYaml(
      "/api/scenarios",
      read("examples/nl-lithography-cut-to-china.yaml"),
    );
    scenarioId = made.json().id;
  });

  it("has the Council section of an EU measure and a Markdown report linking its charts", async () => {
    const r = await postJson("/api/runs", { scenarioId, months: 6 }, true);
    expect(r.statusCode).toBe(202);
    const run = await finished(r.json().id);
    expect(run.status).toBe("done");
    const result = await get(`/api/runs/${run.id}/result`);
    const council = await get(`/api/runs/${run.id}/council`);
    expect(council).toEqual(result.council);
    expect(Object.keys(council.members ?? council.gains ?? {}).length).toBeGreaterThan(0);
    const md = await app.inject(`/api/runs/${run.id}/report.md`);
    expect(md.statusCode).toBe(200);
    expect(md.body).toMatch(/^# /m);
    expect(md.body).toContain(`/api/runs/${run.id}/charts/`);
  });

  it("cancels a run: it ends cancelled and keeps the draws it finished", async () => {
    const r = await postJson("/api/runs", { scenarioId, months: 36, draws: 400, seed: 3 }, true);
    const { id } = r.json();
    const c = await app.inject({ method: "POST", url: `/api/runs/${id}/cancel`, headers: AUTH });
    expect(c.statusCode).toBe(202);
    const run = await finished(id);
    expect(run.status).toBe("cancelled");
    expect(run.progress.done).toBeLessThan(400);
    expect((await app.inject({ method: "POST", url: `/api/runs/${id}/cancel` })).statusCode).toBe(
      401,
    );
  });
});

describe("conditional access: the package's rule book serves runs and games as in the CLI", () => {
  it("runs a conditional_access scenario with its adoption cascade", async () => {
    const file = "examples/reach/eu-data-for-code-of-practice.yaml";
    const made = await postYaml("/api/scenarios", read(file));
    expect(made.statusCode, made.body).toBe(201);
    const r = await postJson("/api/runs", { scenarioId: made.json().id }, true);
    expect(r.statusCode, r.body).toBe(202);
    const run = await finished(r.json().id);
    expect(run.status, JSON.stringify(run.error ?? run.warnings)).toBe("done");
    const result = await get(`/api/runs/${run.id}/result`);
    const cli = await cliJson(["run", file, "--json"]);
    expect(result.adoption.actors.length).toBeGreaterThan(0);
    expect(result.adoption).toEqual(cli.adoption);
  });

  it("builds a game whose strategies adopt a rule", async () => {
    const file = "examples/reach/frontier-model-access-game.yaml";
    await expectBuiltAsCli(file);
  });
});
