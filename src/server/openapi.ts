/**
 * The OpenAPI 3.1 document of the API, generated from the routes' declarations (`route.ts`):
 * path parameters, query strings and JSON bodies from their zod schemas (`z.toJSONSchema`,
 * with the schemas' descriptions), text bodies with the JSON Schema levier publishes for them
 * (`levier schema scenario`), security on the routes that write.
 * @module
 */
import { z } from "zod";
import { jsonSchemaOf } from "../schema/kinds.js";
import type { RouteSpec, RouteTable } from "./route.js";

const ERROR_SCHEMA = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["status", "message", "issues"],
      properties: {
        status: { type: "integer" },
        message: { type: "string", description: "What went wrong, in the CLI's words." },
        issues: {
          type: "array",
          items: {
            type: "object",
            properties: {
              path: {
                type: ["string", "null"],
                description: "Where in the document, e.g. measures[0].good.",
              },
              line: { type: ["integer", "null"], description: "1-based line in the text sent." },
              col: { type: ["integer", "null"], description: "1-based column." },
              message: { type: "string" },
              code: { type: "string" },
              severity: { enum: ["error", "warning"] },
            },
          },
        },
      },
    },
  },
};

function schemaOf(s: z.ZodType, io: "input" | "output" = "input"): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(s, { io, unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return rest;
}

function parameters(spec: RouteSpec) {
  const out: Record<string, unknown>[] = [];
  for (const [where, s] of [
    ["path", spec.params],
    ["query", spec.query],
  ] as const) {
    if (!s) continue;
    const json = schemaOf(s) as {
      properties?: Record<string, Record<string, unknown>>;
      required?: string[];
    };
    for (const [name, p] of Object.entries(json.properties ?? {}))
      out.push({
        name,
        in: where,
        required: where === "path" || (json.required ?? []).includes(name),
        ...(typeof p.description === "string" ? { description: p.description } : {}),
        schema: p,
      });
  }
  if (spec.ifMatch)
    out.push({
      name: "If-Match",
      in: "header",
      required: true,
      description:
        'The row\'s version as its ETag gave it ("3"): 428 without it, 412 when the row has moved on.',
      schema: { type: "string" },
    });
  return out;
}

function operation(spec: RouteSpec) {
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(spec.responses)) {
    const { description, type } =
      typeof r === "string" ? { description: r, type: "application/json" } : r;
    responses[status] = { description, content: { [type]: {} } };
  }
  responses["4XX"] = {
    description:
      "Bad input (400, with the issues), no token (401), wrong token (403), not found (404), stale (412), body too large (413), If-Match missing (428), too many requests (429)",
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  };
  const op: Record<string, unknown> = {
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    operationId: `${spec.method.toLowerCase()}${spec.url.replace(/[^a-zA-Z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
    parameters: parameters(spec),
    responses,
    ...(spec.access === "write" ? { security: [{ bearer: [] }] } : {}),
  };
  if (spec.body)
    op.requestBody = {
      required: true,
      content: { "application/json": { schema: schemaOf(spec.body) } },
    };
  else if (spec.text) {
    const schema = spec.text.schemaRef ? { $ref: spec.text.schemaRef } : { type: "string" };
    op.requestBody = {
      required: true,
      description: spec.text.description,
      content: Object.fromEntries(spec.text.types.map((t) => [t, { schema }])),
    };
  }
  return op;
}

export function openApiDocument(table: RouteTable, version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of table) {
    const path = spec.url.replace(/:([A-Za-z]+)/g, "{$1}");
    paths[path] ??= {};
    paths[path][spec.method.toLowerCase()] = operation(spec);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "levier API",
      version,
      description:
        "The HTTP API of levier serve: worlds, scenarios, runs (progress by server-sent events, results, reports, charts), the analyses, the Council and games. Every surface calls the same pipeline as the levier command, and answers in its words.",
    },
    paths,
    components: {
      schemas: { Error: ERROR_SCHEMA, Scenario: jsonSchemaOf("scenario") },
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description:
            "The server's --token, LEVIER_TOKEN, or one made with levier serve --new-token",
        },
      },
    },
  };
}
