/**
 * The API's reference as one readable HTML page, made from the OpenAPI document itself: one
 * section per route with its parameters, body and answers. Nothing is loaded from elsewhere
 * (the page passes the server's CSP: no script, its style inline).
 * @module
 */
type Doc = ReturnType<typeof import("./openapi.js").openApiDocument>;

const esc = (s: unknown) =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

interface Op {
  tags: string[];
  summary: string;
  description?: string;
  parameters: {
    name: string;
    in: string;
    required: boolean;
    description?: string;
    schema: Record<string, unknown>;
  }[];
  requestBody?: {
    description?: string;
    content: Record<string, { schema: Record<string, unknown> }>;
  };
  responses: Record<string, { description: string; content: Record<string, unknown> }>;
  security?: unknown[];
}

function typeOf(s: Record<string, unknown>): string {
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (typeof s.type === "string") return s.type;
  if (Array.isArray(s.type)) return s.type.join(" | ");
  return "value";
}

function opHtml(method: string, path: string, op: Op): string {
  const params = op.parameters.length
    ? `<table><tr><th>name</th><th>in</th><th>type</th><th>meaning</th></tr>${op.parameters
        .map(
          (p) =>
            `<tr><td><code>${esc(p.name)}</code>${p.required ? " *" : ""}</td><td>${esc(p.in)}</td><td>${esc(typeOf(p.schema))}</td><td>${esc(p.description ?? "")}</td></tr>`,
        )
        .join("")}</table>`
    : "";
  const body = op.requestBody
    ? `<p><strong>Body</strong> (${Object.keys(op.requestBody.content).map(esc).join(", ")})${op.requestBody.description ? `: ${esc(op.requestBody.description)}` : ""}</p>${Object.values(
        op.requestBody.content,
      )
        .slice(0, 1)
        .map((c) => (c.schema.$ref ? "" : `<pre>${esc(JSON.stringify(c.schema, null, 2))}</pre>`))
        .join("")}`
    : "";
  const answers = `<ul>${Object.entries(op.responses)
    .map(
      ([s, r]) =>
        `<li><code>${esc(s)}</code> ${esc(Object.keys(r.content)[0] ?? "")}: ${esc(r.description)}</li>`,
    )
    .join("")}</ul>`;
  const id = `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, "-");
  return `<section id="${esc(id)}"><h3><span class="m">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code>${op.security ? ' <span class="w">token</span>' : ""}</h3><p>${esc(op.summary)}</p>${op.description ? `<p>${esc(op.description)}</p>` : ""}${params}${body}${answers}</section>`;
}

export function docsPage(doc: Doc): string {
  const byTag = new Map<string, string[]>();
  const toc: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops as Record<string, Op>)) {
      const tag = op.tags[0] ?? "other";
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push(opHtml(method, path, op));
      const id = `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, "-");
      toc.push(`<li><a href="#${esc(id)}">${esc(method.toUpperCase())} ${esc(path)}</a></li>`);
    }
  const sections = [...byTag].map(([tag, ops]) => `<h2>${esc(tag)}</h2>${ops.join("")}`).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(doc.info.title)} ${esc(doc.info.version)}</title><meta name="viewport" content="width=device-width, initial-scale=1"><style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}code,pre{font:13px ui-monospace,monospace}pre{background:#f4f4f4;padding:.5rem;overflow:auto;max-height:20rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}section{border-top:1px solid #ddd;padding:.5rem 0}.m{background:#223;color:#fff;padding:0 .4rem;border-radius:3px}.w{background:#a40;color:#fff;padding:0 .4rem;border-radius:3px;font-size:12px}</style></head><body><h1>${esc(doc.info.title)} ${esc(doc.info.version)}</h1><p>${esc(doc.info.description)}</p><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${esc(doc.openapi)}). Routes marked <span class="w">token</span> need <code>Authorization: Bearer &lt;token&gt;</code>. Errors are <code>{ "error": { "status", "message", "issues": [{ "path", "line", "col", "message" }] } }</code>.</p><nav><ul>${toc.join("")}</ul></nav>${sections}</body></html>`;
}
