/**
 * Scenarios: stored as the text given (a scenario file's YAML, or its JSON form), checked
 * first on the world they are for as `levier run` checks them; edited and deleted with
 * If-Match; `validate` checks without storing (the editor calls it as the analyst types).
 * @module
 */
import { z } from "zod";
import { parseYaml } from "../../parse/yaml.js";
import type { ScenarioRecord } from "../../run/store.js";
import { ApiError, apiIssues, issuesMessage } from "../api-error.js";
import type { ServerContext } from "../app.js";
import { conflict, ifMatch, sendEtag } from "../etag.js";
import { route } from "../route.js";
import { checkScenario, contentTypeOf } from "../scenario-check.js";
import { DEFAULT_WORLD_ID } from "../worlds.js";

const TEXT = {
  types: ["application/yaml", "application/json"],
  description: "the scenario file's text (YAML), or its JSON form",
  schemaRef: "#/components/schemas/Scenario",
};
const Id = z.object({ id: z.string().min(1).describe("the scenario's id") });
const WorldQuery = z.object({
  worldId: z
    .string()
    .min(1)
    .optional()
    .describe("the world it is written for (default: the default world)"),
});

function summary(s: ScenarioRecord) {
  return {
    id: s.id,
    name: s.name,
    worldId: s.worldId,
    version: s.version,
    contentType: s.contentType,
    sha256: s.sha256,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

export function registerScenarioRoutes(ctx: ServerContext) {
  const { app, table, store, worlds, jobs, now } = ctx;
  const checked = async (text: string, mediaType: string, worldId: string) => {
    if (text.trim() === "")
      throw new ApiError(
        400,
        "the request has no body; expected a scenario (YAML, or its JSON form)",
      );
    const type = contentTypeOf(mediaType);
    const c = await checkScenario(worlds, jobs, text, type, worldId);
    if (!c.ok) throw new ApiError(400, issuesMessage(c.issues), apiIssues(c.issues));
    return { ...c, type };
  };

  route(
    app,
    table,
    {
      method: "GET",
      url: "/api/scenarios",
      tag: "scenarios",
      access: "read",
      query: WorldQuery,
      summary: "The stored scenarios: [{ id, name, worldId, version, createdAt, updatedAt }]",
      responses: { 200: "The scenarios" },
    },
    async ({ query }) =>
      (await store.listScenarios(query.worldId ? { worldId: query.worldId } : {})).map((s) => ({
        ...s,
      })),
  );

  route(
    app,
    table,
    {
      method: "POST",
      url: "/api/scenarios/validate",
      tag: "scenarios",
      access: "read",
      query: WorldQuery,
      text: TEXT,
      summary:
        "Checks a scenario without storing it: { ok, issues } (the CLI's messages, line and column)",
      responses: { 200: "{ ok: true, issues: [warnings] } or { ok: false, issues }" },
    },
    async ({ query, text, type }) => {
      if (text.trim() === "")
        return {
          ok: false,
          issues: [
            {
              path: null,
              line: null,
              col: null,
              message: "expected a scenario (YAML, or its JSON form), found nothing",
              code: "empty",
              severity: "error",
            },
          ],
        };
      const c = await checkScenario(
        worlds,
        jobs,
        text,
        contentTypeOf(type),
        query.worldId ?? DEFAULT_WORLD_ID,
      );
      return { ok: c.ok, issues: apiIssues(c.issues) };
    },
  );

  route(
    app,
    table,
    {
      method: "POST",
      url: "/api/scenarios",
      tag: "scenarios",
      access: "write",
      query: WorldQuery,
      text: TEXT,
      summary:
        "Stores a scenario (its text as given) after checking it; 400 with the issues when it would not run",
      responses: {
        201: "The stored scenario: { id, name, version, worldId, contentType, createdAt, updatedAt, warnings }",
      },
    },
    async ({ query, text, type, reply }) => {
      const worldId = query.worldId ?? DEFAULT_WORLD_ID;
      const c = await checked(text, type, worldId);
      const made = await store.createScenario({
        name: c.name ?? "scenario",
        text,
        contentType: c.type,
        worldId,
        at: now(),
      });
      if (!made.ok) throw new ApiError(404, `no world ${JSON.stringify(worldId)}`);
      sendEtag(reply, made.value.version);
      reply.status(201);
      return {
        ...summary(made.value),
        warnings: apiIssues(c.issues.filter((i) => i.severity === "warning")),
      };
    },
  );

  route(
    app,
    table,
    {
      method: "GET",
      url: "/api/scenarios/:id",
      tag: "scenarios",
      access: "read",
      params: Id,
      etag: true,
      summary:
        "A scenario: { id, name, version, contentType, content (the text as given), scenario (its parsed JSON form) }",
      responses: { 200: "The scenario" },
    },
    async ({ params, reply }) => {
      const s = await store.getScenario(params.id);
      if (!s)
        throw new ApiError(
          404,
          `no scenario ${JSON.stringify(params.id)}; GET /api/scenarios lists them`,
        );
      const c = parseYaml(s.text, "scenario");
      sendEtag(reply, s.version);
      return { ...summary(s), content: s.text, scenario: c.doc?.value ?? null };
    },
  );

  route(
    app,
    table,
    {
      method: "PUT",
      url: "/api/scenarios/:id",
      tag: "scenarios",
      access: "write",
      params: Id,
      query: WorldQuery,
      ifMatch: true,
      text: TEXT,
      summary: "Replaces a scenario's text (If-Match: its version); checked first like POST",
      responses: { 200: "The scenario as stored now" },
    },
    async ({ params, query, req, text, type, reply }) => {
      const version = ifMatch(req);
      const old = await store.getScenario(params.id);
      if (!old) throw new ApiError(404, `no scenario ${JSON.stringify(params.id)}`);
      const worldId = query.worldId ?? old.worldId ?? DEFAULT_WORLD_ID;
      const c = await checked(text, type, worldId);
      const r = await store.updateScenario(params.id, version, {
        name: c.name ?? old.name,
        text,
        contentType: c.type,
        worldId,
        at: now(),
      });
      if (!r.ok) {
        if (r.reason === "conflict") throw conflict(r, "scenario");
        throw new ApiError(404, `no ${r.what} ${JSON.stringify(r.id)}`);
      }
      sendEtag(reply, r.value.version);
      return {
        ...summary(r.value),
        warnings: apiIssues(c.issues.filter((i) => i.severity === "warning")),
      };
    },
  );

  route(
    app,
    table,
    {
      method: "DELETE",
      url: "/api/scenarios/:id",
      tag: "scenarios",
      access: "write",
      params: Id,
      ifMatch: true,
      summary: "Deletes a scenario (If-Match: its version); 409 while it has runs",
      responses: { 204: "Deleted" },
    },
    async ({ params, req, reply }) => {
      const version = ifMatch(req);
      const r = await store.deleteScenario(params.id, version);
      if (!r.ok) {
        if (r.reason === "conflict") throw conflict(r, "scenario");
        if (r.reason === "in-use")
          throw new ApiError(
            409,
            `the scenario has ${r.by}; delete them first (DELETE /api/runs/:id)`,
          );
        throw new ApiError(404, `no scenario ${JSON.stringify(params.id)}`);
      }
      return reply.status(204).send();
    },
  );
}
