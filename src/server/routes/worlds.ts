/**
 * Worlds: the list, one world's summary (`levier data show --json`), a new world from a patch,
 * and the analyses on a world (`levier chokepoints|exposure|leverage --json`,
 * `levier report profile --json`), each computed on a job thread.
 * @module
 */
import { z } from "zod";
import { ApiError } from "../api-error.js";
import type { ServerContext } from "../app.js";
import { conflict, ifMatch, sendEtag } from "../etag.js";
import { queryInt, queryShare, route } from "../route.js";
import { DEFAULT_WORLD_ID } from "../worlds.js";

const Id = z.object({
  id: z.string().min(1).describe("the world's id (default: the default world)"),
});
const horizon = queryInt(1, 240, "a whole number of months").optional();
const ids = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .describe("comma-separated actor ids");

export function registerWorldRoutes(ctx: ServerContext) {
  const { app, table, store, worlds, now } = ctx;
  const jobs = ctx.jobs;

  route(
    app,
    table,
    {
      method: "GET",
      url: "/api/worlds",
      tag: "worlds",
      access: "read",
      summary: "The stored worlds: [{ id, name, parentId, version, createdAt, updatedAt }]",
      responses: { 200: "The worlds" },
    },
    async () =>
      (await store.listWorlds()).map((w) => ({
        id: w.id,
        name: w.name,
        parentId: w.parentId,
        version: w.version,
        sha256: w.sha256,
        createdAt: w.createdAt,
        updatedAt: w.updatedAt,
      })),
  );

  route(
    app,
    table,
    {
      method: "GET",
      url: "/api/worlds/:id",
      tag: "worlds",
      access: "read",
      params: Id,
      etag: true,
      summary:
        "A world's summary (levier data show --json: actors, layers, goods with their suppliers, shares and sources, headline figures), with its id and version",
      responses: { 200: "The summary" },
    },
    async ({ params, reply }) => {
      const { record, summary } = await worlds.summary(params.id);
      sendEtag(reply, record.version);
      return {
        id: record.id,
        name: record.name,
        parentId: record.parentId,
        version: record.version,
        ...summary,
      };
    },
  );

  route(
    app,
    table,
    {
      method: "POST",
      url: "/api/worlds",
      tag: "worlds",
      access: "write",
      summary:
        "A new world: a patch (YAML or JSON, with extends: default) applied to the parent world, or a whole world (without extends)",
      description:
        "The body is the patch's text, as `levier --world FILE` reads it; `extends: default` means the parent (`parentId`, default: the default world). Errors are the loader's, with line and column in the text sent.",
      query: z.object({
        name: z.string().min(1).max(200).optional().describe("the new world's name"),
        parentId: z
          .string()
          .min(1)
          .optional()
          .describe("the world the patch extends (default: default)"),
      }),
      text: {
        types: ["application/yaml", "application/json"],
        description: "the patch or the world",
      },
      responses: { 201: "The new world: { id, name, parentId, version, createdAt, warnings }" },
    },
    async ({ query, text, type, reply }) => {
      if (text.trim() === "")
        throw new ApiError(400, "the request has no body; expected a world patch (YAML or JSON)");
      const parent = await worlds.record(query.parentId ?? DEFAULT_WORLD_ID);
      const file = type === "application/json" ? "world.json" : "world.yaml";
      const { content, warnings } = await jobs.run("world", { parent: parent.content, text, file });
      const extendsParent = /(^|\n)\s*"?extends"?\s*:/.test(text);
      const made = await store.createWorld({
        name: query.name ?? `world from ${parent.id}`,
        parentId: extendsParent ? parent.id : null,
        content,
        contentType: "application/json",
        at: now(),
      });
      if (!made.ok) throw new ApiError(404, `no world ${JSON.stringify(made.id)}`);
      const w = made.value;
      sendEtag(reply, w.version);
      reply.status(201);
      return {
        id: w.id,
        name: w.name,
        parentId: w.parentId,
        version: w.version,
        sha256: w.sha256,
        createdAt: w.createdAt,
        warnings,
      };
    },
  );

  route(
    app,
    table,
    {
      method: "DELETE",
      url: "/api/worlds/:id",
      tag: "worlds",
      access: "write",
      params: Id,
      ifMatch: true,
      summary: "Deletes a world nothing uses (409 while scenarios, runs or worlds point at it)",
      responses: { 204: "Deleted" },
    },
    async ({ params, req, reply }) => {
      const version = ifMatch(req);
      const r = await store.deleteWorld(params.id, version);
      if (!r.ok) {
        if (r.reason === "conflict") throw conflict(r, "world");
        if (r.reason === "in-use")
          throw new ApiError(409, `the world is in use by ${r.by}; delete those first`);
        throw new ApiError(404, `no world ${JSON.stringify(params.id)}`);
      }
      return reply.status(204).send();
    },
  );

  const analysis = async (id: string, input: Record<string, unknown>) => {
    const { record } = await worlds.loaded(id);
    const key = `${record.sha256}:${JSON.stringify(input)}`;
    return jobs.run(
      "analysis",
      { world: record.content, threads: ctx.threads, horizon: 12, ...input } as never,
      key,
    );
  };

  route(
    app,
    table,
    {
      method: "GET",
      url: "/api/worlds/:id/chokepoints",
      tag: "analyses",
      access: "read",
      params: Id,
      query: z.object({
        horizon,
        actor: z
          .string()
          .min(1)
          .optional()
          .describe("rows of this actor only (a bloc: its members summed)"),
        sort: z
          .string()
          .optional()
          .describe("score (default), share, criticality, substitutability, loss…"),
      }),
      summary:
        "Every (actor, good) ranked by share × criticality × (1 − substitutability) (levier chokepoints --json)",
      responses: { 200: "The chokepoint table" },
    },
    async ({ params, query }) =>
      analysis(params.id, {
        analysis: "chokepoints",
        ...(query.horizon === undefined ? {} : { horizon: query.horizon }),
        ...(query.actor === undefined ? {} : { actor: query.actor }),
        ...(query.sort === undefined ? {} : { sort: query.sort }),
      }),
  );

  route(
    app,
    table,
    {
      method: "GET",
      url: "/api/worlds/:id/exposure",
      tag: "analyses",
      access: "read",
      params: Id,
      query: z.object({
        actor: z.string().min(1).describe("actor id (a state, the EU or ROW)"),
        horizon,
        threshold: queryShare.optional(),
      }),
      summary:
        "What an actor buys from whom, its stocks, and its losses if a supplier withholds (levier exposure ACTOR --json)",
      responses: { 200: "The exposure" },
    },
    async ({ params, query }) =>
      analysis(params.id, {
        analysis: "exposure",
        actor: query.actor,
        ...(query.horizon === undefined ? {} : { horizon: query.horizon }),
        ...(query.threshold === undefined ? {} : { threshold: query.threshold }),
      }),
  );

  route(
    app,
    table,
    {
      method: "GET",
      url: "/api/worlds/:id/leverage",
      tag: "analyses",
      access: "read",
      params: Id,
      query: z.object({ horizon, threshold: queryShare.optional(), actors: ids.optional() }),
      summary:
        "The damage each actor can do to each other by withholding, and its cost (levier leverage --json)",
      responses: { 200: "The leverage matrix" },
    },
    async ({ params, query }) =>
      analysis(params.id, {
        analysis: "leverage",
        ...(query.horizon === undefined ? {} : { horizon: query.horizon }),
        ...(query.threshold === undefined ? {} : { threshold: query.threshold }),
        ...(query.actors === undefined ? {} : { actors: query.actors }),
      }),
  );

  route(
    app,
    table,
    {
      method: "GET",
      url: "/api/worlds/:id/profiles/:actor",
      tag: "analyses",
      access: "read",
      params: z.object({ id: z.string().min(1), actor: z.string().min(1).describe("actor id") }),
      query: z.object({ horizon, powers: ids.optional() }),
      summary:
        "An actor's chokepoints, exposure and leverage over and under major powers (levier report profile ACTOR --json)",
      responses: { 200: "The profile" },
    },
    async ({ params, query }) =>
      analysis(params.id, {
        analysis: "profile",
        actor: params.actor,
        ...(query.horizon === undefined ? {} : { horizon: query.horizon }),
        ...(query.powers === undefined ? {} : { powers: query.powers }),
      }),
  );
}
