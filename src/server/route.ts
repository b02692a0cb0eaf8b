/**
 * Routes declared once, with the zod schemas of their path parameters, query and body: the
 * same declaration registers the route on Fastify, validates what comes in (400 with the
 * issues, in the loaders' words, positions in the body's text), and is what the OpenAPI
 * document (`openapi.ts`) is generated from.
 * @module
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { formatPath } from "../diagnostics/issue.js";
import type { LocatedDoc } from "../parse/located.js";
import { parseYaml } from "../parse/yaml.js";
import { validateDoc } from "../world/schema-issues.js";
import { ApiError, apiIssues, issuesMessage } from "./api-error.js";

export type Access = "read" | "write";

export interface RouteSpec<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  method: "GET" | "POST" | "PUT" | "DELETE";
  url: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  params?: P;
  query?: Q;
  /** A JSON body checked against this schema. */
  body?: B;
  /** A body of text in these media types (a scenario's YAML, a game file), read as given. */
  text?: { types: string[]; description: string; schemaRef?: string };
  /** Status → what it answers; the media type when not JSON. */
  responses: Record<number, string | { description: string; type: string }>;
  /** The route's headers: `If-Match` needed, `ETag` sent. */
  ifMatch?: boolean;
  etag?: boolean;
}

export interface Input<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** The body's text, as sent. */
  text: string;
  /** The body's media type (without parameters). */
  type: string;
  req: FastifyRequest;
  reply: FastifyReply;
}

/** Every route declared, in order: the OpenAPI document's source. */
export type RouteTable = RouteSpec[];

export function route<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  app: FastifyInstance,
  table: RouteTable,
  spec: RouteSpec<P, Q, B>,
  handler: (input: Input<z.infer<P>, z.infer<Q>, z.infer<B>>) => Promise<unknown>,
): void {
  table.push(spec as RouteSpec);
  app.route({
    method: spec.method,
    url: spec.url,
    config: { access: spec.access },
    handler: async (req, reply) => {
      const params = checkPlain(spec.params, req.params, "path");
      const query = checkPlain(spec.query, req.query, "query");
      const text = typeof req.body === "string" ? req.body : "";
      const type = mediaType(req);
      const body = spec.body ? checkBody(spec.body, text) : undefined;
      return handler({ params, query, body, text, type, req, reply } as Input<
        z.infer<P>,
        z.infer<Q>,
        z.infer<B>
      >);
    },
  });
}

export function mediaType(req: FastifyRequest): string {
  return String(req.headers["content-type"] ?? "")
    .split(";")[0]!
    .trim()
    .toLowerCase();
}

/** Path parameters and query strings: no positions, the path of the field only. */
function checkPlain(schema: z.ZodType | undefined, value: unknown, where: string): never {
  if (!schema) return value as never;
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data as never;
  const issues = r.error.issues.map((i) => ({
    path: formatPath(i.path) || null,
    line: null,
    col: null,
    message: i.message,
    code: "schema",
    severity: "error" as const,
  }));
  throw new ApiError(
    400,
    issues.map((i) => `${where}: ${i.path ? `${i.path}: ` : ""}${i.message}`).join("\n"),
    issues,
  );
}

/** The body's text parsed with positions (JSON is YAML), as the CLI parses a file. */
export function bodyDoc(text: string, file = "body"): LocatedDoc {
  if (text.trim() === "")
    throw new ApiError(400, "the request has no body; expected a JSON document", [
      {
        path: null,
        line: null,
        col: null,
        message: "expected a JSON document, found nothing",
        code: "empty",
        severity: "error",
      },
    ]);
  const parsed = parseYaml(text, file);
  if (!parsed.doc) throw new ApiError(400, issuesMessage(parsed.issues), apiIssues(parsed.issues));
  return parsed.doc;
}

function checkBody(schema: z.ZodType, text: string): unknown {
  const doc = bodyDoc(text);
  const { value, issues } = validateDoc(schema, doc);
  if (issues.length > 0) throw new ApiError(400, issuesMessage(issues), apiIssues(issues));
  return value;
}

/** A whole number in a query string (`?horizon=12`). */
export const queryInt = (lo: number, hi: number, what: string) =>
  z
    .string()
    .regex(/^\d+$/, `expected ${what} from ${lo} to ${hi}`)
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(lo, `expected ${what} from ${lo} to ${hi}`)
        .max(hi, `expected ${what} from ${lo} to ${hi}`),
    )
    .describe(`${what} from ${lo} to ${hi}`);

/** A share from 0 to 1 in a query string. */
export const queryShare = z
  .string()
  .transform(Number)
  .pipe(z.number().min(0, "expected a share from 0 to 1").max(1, "expected a share from 0 to 1"))
  .describe("a share from 0 to 1");
