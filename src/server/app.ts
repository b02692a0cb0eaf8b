/**
 * The HTTP API over `run/` and the store (`docs/api.md`): Fastify with security headers and a
 * CSP (helmet), rate limits (429), a body size limit (413), the write token (`auth.ts`), and
 * the dashboard's built files from `dist/web/` at `/` when they exist (unknown paths outside
 * `/api` get its index.html, so that the dashboard's own routes load). Every answer that is an
 * error has the body of `api-error.ts`. `buildServer` does not listen: `levier serve` does,
 * and tests call `inject` or listen on a free port.
 * @module
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import { PACKAGE_ROOT } from "../io/world-files.js";
import type { Store, Timestamp } from "../run/store.js";
import { ApiError, errorBody, toApiError } from "./api-error.js";
import { authCheck } from "./auth.js";
import { Jobs } from "./jobs.js";
import type { Access, RouteTable } from "./route.js";
import { registerCouncilRoutes } from "./routes/council.js";
import { registerGameRoutes } from "./routes/games.js";
import { registerMetaRoutes } from "./routes/meta.js";
import { registerReportRoutes } from "./routes/reports.js";
import { registerRunRoutes } from "./routes/runs.js";
import { registerScenarioRoutes } from "./routes/scenarios.js";
import { registerWorldRoutes } from "./routes/worlds.js";
import { Runs } from "./runs.js";
import { Worlds } from "./worlds.js";

export const DEFAULT_WEB_DIR = resolve(PACKAGE_ROOT, "dist/web");

export interface ServerOptions {
  store: Store;
  /** The write token given at start (`--token`, `LEVIER_TOKEN`). */
  token?: string;
  /** Reads need the token too. */
  private?: boolean;
  /** Largest request body, in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Requests per client per window (default 600 a minute); 0: no limit. */
  rateLimit?: { max: number; windowMs: number };
  /** Runs computing at once, and threads per run's draws. */
  concurrency?: number;
  threads?: number;
  /** Where the dashboard's built files are (default dist/web); absent: no dashboard. */
  webDir?: string;
  now?: () => Timestamp;
}

/** What every route file gets. */
export interface ServerContext {
  app: FastifyInstance;
  table: RouteTable;
  store: Store;
  worlds: Worlds;
  runs: Runs;
  now: () => Timestamp;
  threads: number;
  jobs: Jobs;
}

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export async function buildServer(
  opts: ServerOptions,
): Promise<{ app: FastifyInstance; runs: Runs }> {
  const now = opts.now ?? (() => new Date().toISOString());
  const app = Fastify({
    logger: false,
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    // Query strings as plain strings; the routes' zod schemas read them.
    routerOptions: { ignoreTrailingSlash: true },
  });
  const store = opts.store;
  const worlds = new Worlds(store);
  const runs = new Runs(store, {
    concurrency: opts.concurrency ?? 1,
    threads: opts.threads ?? 1,
    now,
  });
  const table: RouteTable = [];

  app.setErrorHandler((err, _req, reply) => {
    const e = toApiError(err);
    for (const [k, v] of Object.entries(e.headers)) reply.header(k, v);
    reply.status(e.status).type("application/json").send(errorBody(e));
  });
  app.setNotFoundHandler((req, reply) => {
    const e = new ApiError(
      404,
      `no route ${req.method} ${req.url.split("?")[0]}; GET /api/docs lists the routes`,
    );
    reply.status(404).type("application/json").send(errorBody(e));
  });

  // Bodies are kept as text: a scenario is stored as given, and the JSON is parsed with
  // positions (`route.ts`) so that errors say line and column.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    ["application/json", "application/yaml", "application/x-yaml", "text/yaml", "text/plain"],
    { parseAs: "string" },
    (_req, body, done) => done(null, body),
  );

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
  });
  const limit = opts.rateLimit ?? { max: 600, windowMs: 60_000 };
  if (limit.max > 0)
    await app.register(rateLimit, {
      max: limit.max,
      timeWindow: limit.windowMs,
      errorResponseBuilder: (_req, ctx) => {
        const e = new ApiError(
          429,
          `too many requests: at most ${ctx.max} in ${Math.round(ctx.ttl / 1000) || 1} s per client; retry after ${ctx.after}`,
        );
        return Object.assign(errorBody(e), { statusCode: 429 });
      },
    });

  const check = authCheck(store, {
    ...(opts.token === undefined ? {} : { token: opts.token }),
    private: opts.private === true,
  });
  app.addHook("preHandler", async (req) => {
    const access = req.routeOptions.config.access ?? "read";
    await check(req, access);
  });

  const jobs = new Jobs(opts.concurrency ?? 1);
  const ctx: ServerContext = {
    app,
    table,
    store,
    worlds,
    runs,
    now,
    threads: opts.threads ?? 1,
    jobs,
  };
  registerMetaRoutes(ctx);
  registerWorldRoutes(ctx);
  registerScenarioRoutes(ctx);
  registerRunRoutes(ctx);
  registerReportRoutes(ctx);
  registerCouncilRoutes(ctx);
  registerGameRoutes(ctx);

  const web = opts.webDir ?? DEFAULT_WEB_DIR;
  if (existsSync(resolve(web, "index.html"))) {
    await app.register(fastifyStatic, { root: web, wildcard: false, index: "index.html" });
    app.get("/*", { config: { access: "read" } }, (req, reply) => {
      if (req.url.startsWith("/api/") || req.url === "/api") {
        const e = new ApiError(
          404,
          `no route ${req.method} ${req.url.split("?")[0]}; GET /api/docs lists the routes`,
        );
        return reply.status(404).type("application/json").send(errorBody(e));
      }
      const path = decodeURIComponent(req.url.split("?")[0]!).replace(/^\/+/, "");
      // A file of the build (assets/…) when there is one; else the page, whose router reads
      // the path. @fastify/static refuses paths that leave the root.
      if (path !== "" && existsSync(resolve(web, path)) && resolve(web, path).startsWith(`${web}/`))
        return reply.sendFile(path);
      return reply.sendFile("index.html");
    });
  }

  await worlds.ensureDefault(now());
  return { app, runs };
}
