/**
 * Runs: started (202, queued; computed on a job thread), listed, followed by server-sent
 * events, cancelled, deleted; the result document (`levier run --json`'s).
 * @module
 */
import { z } from "zod";
import { SAMPLINGS } from "../../random/sampling.js";
import { LIVE_STATUSES, RUN_STATUSES, type RunRecord, type RunSummary } from "../../run/store.js";
import { ApiError } from "../api-error.js";
import type { ServerContext } from "../app.js";
import { conflict, ifMatch, sendEtag } from "../etag.js";
import { route } from "../route.js";
import { END_EVENTS } from "../runs.js";

export const RunBody = z.strictObject({
  scenarioId: z.string().min(1).describe("the stored scenario to run"),
  worldId: z.string().min(1).optional().describe("the world to run on (default: the scenario's)"),
  months: z
    .number()
    .int()
    .min(1)
    .max(1200)
    .optional()
    .describe("months to simulate (overrides the scenario's horizon), like levier run --months"),
  draws: z
    .number()
    .int()
    .min(0)
    .max(100_000)
    .optional()
    .describe("Monte Carlo draws (default: the scenario's options.draws; 0: none), like --draws"),
  seed: z
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .describe("seed of the draws (default 1), like --seed"),
  sampling: z
    .enum(SAMPLINGS as unknown as [string, ...string[]])
    .optional()
    .describe("random or sobol, like --sampling"),
});

const Id = z.object({ id: z.string().min(1).describe("the run's id") });

export function runView(r: RunSummary) {
  return {
    id: r.id,
    scenarioId: r.scenarioId,
    worldId: r.worldId,
    status: r.status,
    progress: r.progress,
    seed: r.seed,
    draws: r.draws,
    options: r.options,
    inputs: r.inputs,
    version: r.version,
    createdAt: r.createdAt,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    updatedAt: r.updatedAt,
  };
}

export async function runOr404(ctx: ServerContext, id: string): Promise<RunRecord> {
  const r = await ctx.store.getRun(id);
  if (!r) throw new ApiError(404, `no run ${JSON.stringify(id)}; GET /api/runs lists them`);
  return r;
}

export function registerRunRoutes(ctx: ServerContext) {
  const { app, table, store, runs, now } = ctx;

  route(
    app,
    table,
    {
      method: "POST",
      url: "/api/runs",
      tag: "runs",
      access: "write",
      body: RunBody,
      summary:
        "Starts a run of a stored scenario: 202 { id, status: queued }; follow it at /api/runs/:id/events",
      responses: { 202: "The run, queued" },
    },
    async ({ body, reply }) => {
      const s = await store.getScenario(body.scenarioId);
      if (!s)
        throw new ApiError(
          404,
          `no scenario ${JSON.stringify(body.scenarioId)}; POST /api/scenarios stores one`,
        );
      const made = await store.createRun({
        scenarioId: s.id,
        ...(body.worldId === undefined ? {} : { worldId: body.worldId }),
        scenarioVersion: s.version,
        seed: body.seed ?? null,
        draws: body.draws ?? null,
        options: {
          contentType: s.contentType,
          ...(body.months === undefined ? {} : { months: body.months }),
          ...(body.sampling === undefined ? {} : { sampling: body.sampling }),
        },
        total: body.draws && body.draws > 0 ? body.draws : 1,
        at: now(),
      });
      if (!made.ok) {
        if (made.reason === "conflict") throw conflict(made, "scenario");
        throw new ApiError(404, `no ${made.what} ${JSON.stringify(made.id)}`);
      }
      runs.enqueue(made.value, {
        ...(body.months === undefined ? {} : { months: body.months }),
        ...(body.draws === undefined ? {} : { draws: body.draws }),
        ...(body.seed === undefined ? {} : { seed: body.seed }),
        ...(body.sampling === undefined ? {} : { sampling: body.sampling as never }),
      });
      sendEtag(reply, made.value.version);
      reply.status(202).header("location", `/api/runs/${made.value.id}`);
      return runView(made.value);
    },
  );

  route(
    app,
    table,
    {
      method: "GET",
      url: "/api/runs",
      tag: "runs",
      access: "read",
      query: z.object({
        scenarioId: z.string().min(1).optional().describe("runs of this scenario only"),
        status: z.enum(RUN_STATUSES).optional().describe("runs in this status only"),
        limit: z
          .string()
          .regex(/^\d+$/)
          .transform(Number)
          .pipe(z.number().int().min(1).max(1000))
          .optional()
          .describe("at most this many, newest first (default 100)"),
      }),
      summary:
        "The runs, newest first: [{ id, scenarioId, status, progress: { done, total }, seed, draws, createdAt, finishedAt }]",
      responses: { 200: "The runs" },
    },
    async ({ query }) =>
      (
        await store.listRuns({
          ...(query.scenarioId ? { scenarioId: query.scenarioId } : {}),
          ...(query.status ? { status: query.status } : {}),
          ...(query.limit ? { limit: query.limit } : {}),
        })
      ).map(runView),
  );

  route(
    app,
    table,
    {
      method: "GET",
      url: "/api/runs/:id",
      tag: "runs",
      access: "read",
      params: Id,
      etag: true,
      summary: "A run: its status, progress, seed, draws, inputs' hashes, warnings and error",
      responses: { 200: "The run" },
    },
    async ({ params, reply }) => {
      const r = await runOr404(ctx, params.id);
      sendEtag(reply, r.version);
      return { ...runView(r), warnings: r.warnings, error: r.error };
    },
  );

  route(
    app,
    table,
    {
      method: "GET",
      url: "/api/runs/:id/result",
      tag: "runs",
      access: "read",
      params: Id,
      etag: true,
      summary:
        "The run's result document (levier run --json's; ranges when run with draws); 409 while it has none",
      responses: { 200: "The RunDocument" },
    },
    async ({ params, reply }) => {
      const r = await runOr404(ctx, params.id);
      if (r.result === null)
        throw new ApiError(
          409,
          `the run is ${r.status} and has no result${r.error ? `: ${r.error}` : ""}`,
        );
      sendEtag(reply, r.version);
      return r.result;
    },
  );

  route(
    app,
    table,
    {
      method: "GET",
      url: "/api/runs/:id/events",
      tag: "runs",
      access: "read",
      params: Id,
      summary:
        "Server-sent events of a run: progress { done, total } as it goes, then done, failed, cancelled or interrupted { status, error }",
      responses: { 200: { description: "An event stream", type: "text/event-stream" } },
    },
    async ({ params, req, reply }) => {
      const r = await runOr404(ctx, params.id);
      const res = reply.raw;
      reply.hijack();
      res.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        "x-content-type-options": "nosniff",
      });
      const send = (event: string, data: unknown) =>
        res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      const endWith = (status: string, error: string | null | undefined) => {
        send(END_EVENTS[status as keyof typeof END_EVENTS] ?? status, {
          status,
          error: error ?? null,
        });
        res.end();
      };
      send("progress", r.progress);
      if (!LIVE_STATUSES.includes(r.status)) return endWith(r.status, r.error);
      const heartbeat = setInterval(() => res.write(": keep-alive\n\n"), 15_000);
      const stop = runs.listen(r.id, (e) => {
        if (e.type === "progress") send("progress", e.progress);
        else {
          cleanup();
          endWith(e.status, e.error);
        }
      });
      const cleanup = () => {
        clearInterval(heartbeat);
        stop();
      };
      req.raw.on("close", cleanup);
      // It may have ended between the read and the listening.
      const again = await store.getRun(r.id);
      if (again && !LIVE_STATUSES.includes(again.status)) {
        cleanup();
        if (!res.writableEnded) endWith(again.status, again.error);
      }
    },
  );

  route(
    app,
    table,
    {
      method: "POST",
      url: "/api/runs/:id/cancel",
      tag: "runs",
      access: "write",
      params: Id,
      summary: "Stops a queued or running run; it ends cancelled, keeping the draws it finished",
      responses: { 202: "The run, as it is now" },
    },
    async ({ params, reply }) => {
      const r = await runOr404(ctx, params.id);
      if (!LIVE_STATUSES.includes(r.status))
        throw new ApiError(
          409,
          `the run is ${r.status}; only a queued or running run can be cancelled`,
        );
      await runs.cancel(r.id);
      reply.status(202);
      return runView((await store.getRun(r.id)) ?? r);
    },
  );

  route(
    app,
    table,
    {
      method: "DELETE",
      url: "/api/runs/:id",
      tag: "runs",
      access: "write",
      params: Id,
      ifMatch: true,
      summary: "Deletes a run that is over (If-Match: its version)",
      responses: { 204: "Deleted" },
    },
    async ({ params, req, reply }) => {
      const version = ifMatch(req);
      const r = await runOr404(ctx, params.id);
      if (r.version !== version)
        throw conflict(
          { ok: false, reason: "conflict", expected: version, current: r.version },
          "run",
        );
      const d = await store.deleteRun(r.id);
      if (!d.ok) {
        if (d.reason === "status")
          throw new ApiError(
            409,
            `the run is ${d.status}; cancel it first (POST /api/runs/:id/cancel)`,
          );
        throw new ApiError(404, `no run ${JSON.stringify(r.id)}`);
      }
      return reply.status(204).send();
    },
  );
}
