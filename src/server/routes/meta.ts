/**
 * `GET /api/health`, the OpenAPI document and its reference page, the JSON Schema of a
 * scenario (`levier schema scenario`), and the example scenarios of `examples/`.
 * @module
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { PACKAGE_ROOT } from "../../io/world-files.js";
import { isSchemaKind, jsonSchemaOf, SCHEMA_KINDS } from "../../schema/kinds.js";
import { ApiError } from "../api-error.js";
import type { ServerContext } from "../app.js";
import { docsPage } from "../docs-page.js";
import { openApiDocument } from "../openapi.js";
import { route } from "../route.js";

export const VERSION: string = JSON.parse(
  readFileSync(resolve(PACKAGE_ROOT, "package.json"), "utf8"),
).version;

const EXAMPLES_DIR = resolve(PACKAGE_ROOT, "examples");

/** The example scenarios: each file's name, the title its `name:` gives, and its text. */
function examples(): { name: string; title: string; content: string }[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => {
      const content = readFileSync(join(EXAMPLES_DIR, f), "utf8");
      const title =
        /^name:\s*(.+)$/m
          .exec(content)?.[1]
          ?.trim()
          .replace(/^["']|["']$/g, "") ?? f;
      return { name: f.replace(/\.ya?ml$/, ""), title, content };
    });
}

export function registerMetaRoutes(ctx: ServerContext) {
  const { app, table, store } = ctx;
  route(
    app,
    table,
    {
      method: "GET",
      url: "/api/health",
      tag: "meta",
      access: "read",
      summary: "Whether the server and its store answer: { ok, version, db }",
      responses: { 200: "{ ok: true, version, db: sqlite | postgres }" },
    },
    async () => {
      await store.listWorlds();
      return { ok: true, version: VERSION, db: store.kind };
    },
  );
  let doc: ReturnType<typeof openApiDocument> | undefined;
  const document = () => (doc ??= openApiDocument(table, VERSION));
  route(
    app,
    table,
    {
      method: "GET",
      url: "/api/openapi.json",
      tag: "meta",
      access: "read",
      summary: "This API's OpenAPI 3.1 document, generated from the routes' zod schemas",
      responses: { 200: "The OpenAPI document" },
    },
    async () => document(),
  );
  route(
    app,
    table,
    {
      method: "GET",
      url: "/api/docs",
      tag: "meta",
      access: "read",
      summary: "This API's reference, as a readable HTML page",
      responses: { 200: { description: "The reference page", type: "text/html" } },
    },
    async ({ reply }) => reply.type("text/html; charset=utf-8").send(docsPage(document())),
  );
  route(
    app,
    table,
    {
      method: "GET",
      url: "/api/schemas/:kind",
      tag: "meta",
      access: "read",
      summary:
        "The JSON Schema of a kind of document (levier schema KIND): world, patch, scenario, game or result",
      params: z.object({ kind: z.string().describe(`one of ${SCHEMA_KINDS.join(", ")}`) }),
      responses: { 200: "The JSON Schema (draft 2020-12)" },
    },
    async ({ params }) => {
      if (!isSchemaKind(params.kind))
        throw new ApiError(
          404,
          `no schema ${JSON.stringify(params.kind)}; expected one of ${SCHEMA_KINDS.join(", ")}`,
        );
      return jsonSchemaOf(params.kind);
    },
  );
  let kept: ReturnType<typeof examples> | undefined;
  route(
    app,
    table,
    {
      method: "GET",
      url: "/api/examples",
      tag: "scenarios",
      access: "read",
      summary: "The example scenarios of examples/: [{ name, title, content }]",
      responses: { 200: "The examples, their YAML text in content" },
    },
    async () => (kept ??= examples()),
  );
}
