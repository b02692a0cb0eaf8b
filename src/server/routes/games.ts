/**
 * Games: a game specification built on a world and solved (`levier game build --json`), and a
 * game solved (`levier game solve --json`: levier's JSON, or Gambit's .nfg or .efg text), each
 * on a job thread.
 * @module
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { ApiError } from "../api-error.js";
import type { ServerContext } from "../app.js";
import { queryInt, route } from "../route.js";
import { DEFAULT_WORLD_ID } from "../worlds.js";

const sha = (t: string) => createHash("sha256").update(t).digest("hex");

export function registerGameRoutes(ctx: ServerContext) {
  const { app, table, jobs, worlds } = ctx;
  route(
    app,
    table,
    {
      method: "POST",
      url: "/api/games/build",
      tag: "games",
      access: "write",
      query: z.object({
        worldId: z.string().min(1).optional().describe("the world (default: the default world)"),
        draws: queryInt(1, 100_000, "a whole number")
          .optional()
          .describe("also build and solve the game on N draws of the world"),
        seed: queryInt(0, Number.MAX_SAFE_INTEGER, "a whole number")
          .optional()
          .describe("seed of the draws (default 1)"),
      }),
      text: {
        types: ["application/yaml", "application/json"],
        description: "a game specification (see examples/games)",
      },
      summary:
        "Simulates every strategy profile of a game specification and solves the game (levier game build --json)",
      responses: {
        200: "{ game, profiles, solution, sequential?, bargaining?, summary, draws?, warnings }",
      },
    },
    async ({ query, text, type }) => {
      if (text.trim() === "")
        throw new ApiError(400, "the request has no body; expected a game specification (YAML)");
      const { record } = await worlds.loaded(query.worldId ?? DEFAULT_WORLD_ID);
      const file = type === "application/json" ? "game.json" : "game.yaml";
      const draws =
        query.draws === undefined ? undefined : { count: query.draws, seed: query.seed ?? 1 };
      return jobs.run(
        "gameBuild",
        { world: record.content, text, file, threads: ctx.threads, ...(draws ? { draws } : {}) },
        `${record.sha256}:${sha(text)}:${file}:${JSON.stringify(draws ?? null)}`,
      );
    },
  );

  route(
    app,
    table,
    {
      method: "POST",
      url: "/api/games/solve",
      tag: "games",
      access: "read",
      query: z.object({
        format: z
          .enum(["json", "nfg", "efg"])
          .optional()
          .describe("the game's format (default: json for application/json, else nfg)"),
      }),
      text: {
        types: ["application/json", "text/plain"],
        description: "a game: levier's JSON form, or Gambit .nfg or .efg text",
      },
      summary:
        "Equilibria, dominance, security levels, subgame perfection and threats of a game (levier game solve --json)",
      responses: { 200: "The game's report (exact numbers as strings)" },
    },
    async ({ query, text, type }) => {
      if (text.trim() === "")
        throw new ApiError(400, "the request has no body; expected a game (JSON, .nfg or .efg)");
      const format = query.format ?? (type === "application/json" ? "json" : "nfg");
      const file = `game.${format}`;
      return jobs.run("gameSolve", { text, file }, `${sha(text)}:${file}`);
    },
  );
}
