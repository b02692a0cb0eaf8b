/**
 * A run's report in each format (`levier run --out DIR --format F`; CSV: `--csv --table T`),
 * its charts as SVG and PNG (the report's own, by the ids the report gives them: a name not in
 * that list is 404, so no path reaches a file), its Council section, and two runs compared.
 * Reports render on a job thread.
 * @module
 */
import { z } from "zod";
import type { Json, RunRecord } from "../../run/store.js";
import { ApiError } from "../api-error.js";
import type { ServerContext } from "../app.js";
import { route } from "../route.js";
import { runOr404 } from "./runs.js";

const FORMATS = {
  html: "text/html; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  json: "application/json",
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;
type Format = keyof typeof FORMATS;

function resultOf(r: RunRecord): Json {
  if (r.result === null)
    throw new ApiError(
      409,
      `the run is ${r.status} and has no result${r.error ? `: ${r.error}` : ""}`,
    );
  return r.result;
}

type Figures = Record<string, number>;

/** An actor's figures: every number of its entry in the result document. */
function figures(entry: Record<string, unknown>): Figures {
  return Object.fromEntries(
    Object.entries(entry).filter(([, v]) => typeof v === "number" && Number.isFinite(v)),
  ) as Figures;
}

export function registerReportRoutes(ctx: ServerContext) {
  const { app, table, jobs } = ctx;
  const rendered = (r: RunRecord, as: string, extra: Record<string, string> = {}) =>
    jobs.run(
      "report",
      {
        doc: resultOf(r) as never,
        as: as as never,
        chartUrl: `/api/runs/${r.id}/charts`,
        ...extra,
      },
      `${r.id}:${r.version}:${as}:${JSON.stringify(extra)}`,
    );

  route(
    app,
    table,
    {
      method: "GET",
      url: "/api/runs/compare",
      tag: "runs",
      access: "read",
      query: z.object({
        a: z.string().min(1).describe("a run's id"),
        b: z.string().min(1).describe("another run's id"),
      }),
      summary:
        "Two runs side by side: { a, b, actors: [{ actor, a: {figures}, b: {figures}, diff: b − a }] }",
      responses: { 200: "The comparison" },
    },
    async ({ query }) => {
      const [ra, rb] = [await runOr404(ctx, query.a), await runOr404(ctx, query.b)];
      const [da, db] = [resultOf(ra), resultOf(rb)] as {
        actors: Record<string, unknown>[];
        scenario: { name: string };
      }[];
      const byId = new Map(db!.actors.map((x) => [x.id as string, x]));
      const actors = da!.actors.flatMap((x) => {
        const y = byId.get(x.id as string);
        if (!y) return [];
        const fa = figures(x);
        const fb = figures(y);
        const diff = Object.fromEntries(
          Object.keys(fa)
            .filter((k) => k in fb)
            .map((k) => [k, fb[k]! - fa[k]!]),
        );
        return [{ actor: x.id as string, name: x.name as string, a: fa, b: fb, diff }];
      });
      const head = (r: RunRecord, d: { scenario: { name: string } }) => ({
        id: r.id,
        scenarioId: r.scenarioId,
        scenario: d.scenario.name,
        seed: r.seed,
        draws: r.draws,
      });
      return { a: head(ra, da!), b: head(rb, db!), actors };
    },
  );

  route(
    app,
    table,
    {
      method: "GET",
      url: "/api/runs/:id/report.:format",
      tag: "reports",
      access: "read",
      params: z.object({
        id: z.string().min(1),
        format: z.string().describe(`one of ${Object.keys(FORMATS).join(", ")}`),
      }),
      query: z.object({
        table: z
          .string()
          .optional()
          .describe("csv: the table (actors, eu-members, drivers; default actors)"),
      }),
      summary:
        "The run's report: HTML (charts inline), Markdown (charts linked), JSON (the document), CSV (one table) or XLSX",
      responses: { 200: { description: "The report", type: "text/html" } },
    },
    async ({ params, query, reply }) => {
      const format = params.format as Format;
      if (!(format in FORMATS))
        throw new ApiError(
          404,
          `no report format ${JSON.stringify(params.format)}; expected one of ${Object.keys(FORMATS).join(", ")}`,
        );
      const r = await runOr404(ctx, params.id);
      const name = `run-${r.id}.${format}`;
      reply.type(FORMATS[format]);
      if (format === "json")
        return reply
          .header("content-disposition", `inline; filename="${name}"`)
          .send(`${JSON.stringify(resultOf(r), null, 2)}\n`);
      const body = await rendered(
        r,
        format,
        query.table === undefined ? {} : { table: query.table },
      );
      reply.header(
        "content-disposition",
        `${format === "xlsx" || format === "csv" ? "attachment" : "inline"}; filename="${name}"`,
      );
      return reply.send(body instanceof Uint8Array ? Buffer.from(body) : body);
    },
  );

  route(
    app,
    table,
    {
      method: "GET",
      url: "/api/runs/:id/charts",
      tag: "reports",
      access: "read",
      params: z.object({ id: z.string().min(1) }),
      summary: "The charts of the run's report: [{ name, title }]",
      responses: { 200: "The charts" },
    },
    async ({ params }) => rendered(await runOr404(ctx, params.id), "charts"),
  );

  route(
    app,
    table,
    {
      method: "GET",
      url: "/api/runs/:id/charts/:name.:ext",
      tag: "reports",
      access: "read",
      params: z.object({
        id: z.string().min(1),
        name: z.string().describe("a chart's name, as /charts lists them"),
        ext: z.enum(["svg", "png"]),
      }),
      summary: "One chart of the run's report, as SVG or PNG (twice the SVG's size)",
      responses: { 200: { description: "The chart", type: "image/svg+xml" } },
    },
    async ({ params, reply }) => {
      const r = await runOr404(ctx, params.id);
      const list = (await rendered(r, "charts")) as { name: string }[];
      // Only a name of the report's own charts reaches the renderer.
      if (!list.some((c) => c.name === params.name))
        throw new ApiError(
          404,
          `no chart ${JSON.stringify(params.name)} in this run's report; expected one of ${list.map((c) => c.name).join(", ")}`,
        );
      const body = await rendered(r, params.ext, { chart: params.name });
      if (body === undefined) throw new ApiError(404, `no chart ${JSON.stringify(params.name)}`);
      reply.type(params.ext === "svg" ? "image/svg+xml" : "image/png");
      reply.header("content-disposition", `inline; filename="${params.name}.${params.ext}"`);
      return reply.send(body instanceof Uint8Array ? Buffer.from(body) : body);
    },
  );

  route(
    app,
    table,
    {
      method: "GET",
      url: "/api/runs/:id/council",
      tag: "council",
      access: "read",
      params: z.object({ id: z.string().min(1) }),
      summary:
        "The run's Council section: each member's gain from the EU's measures, the vote, the least compensation",
      responses: { 200: "The Council section" },
    },
    async ({ params }) => {
      const r = await runOr404(ctx, params.id);
      const council = (resultOf(r) as { council?: Json }).council;
      if (council === undefined)
        throw new ApiError(404, "this run has no Council section: its scenario has no EU measure");
      return council;
    },
  );
}
