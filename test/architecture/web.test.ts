/**
 * The dashboard (web/) is bundled for the browser: it imports nothing from Node (`node:*`), and
 * from levier's own src/ it takes types (erased) and, as values, only pure modules: following
 * its value imports through src/ never reaches Node, the native solver or an edge that does
 * I/O (cli, io, node, store, server, queue).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const WEB = join(ROOT, "web/src");
const SRC = join(ROOT, "src");
const IO_EDGES = ["cli", "io", "node", "store", "server", "queue"];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

/** The value imports of a file (type-only imports and `import { type X }`-only lists left out). */
function valueImports(text: string): string[] {
  const out: string[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?([^;]*?)\s+from\s+["']([^"']+)["']/gms;
  for (const m of text.matchAll(re)) {
    if (m[2]) continue;
    const names = m[3] ?? "";
    const list = /^\{([^}]*)\}$/.exec(names.trim())?.[1];
    if (list?.split(",").every((n) => n.trim() === "" || n.trim().startsWith("type "))) continue;
    out.push(m[4] ?? "");
  }
  for (const m of text.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) out.push(m[1] ?? "");
  for (const m of text.matchAll(/^\s*import\s+["']([^"']+)["']/gm)) out.push(m[1] ?? "");
  return out;
}

function resolveTs(from: string, spec: string): string {
  const p = resolve(dirname(from), spec).replace(/\.js$/, "");
  for (const ext of [".ts", ".tsx"]) {
    try {
      if (statSync(p + ext).isFile()) return p + ext;
    } catch {
      // try the next
    }
  }
  return p;
}

describe("the dashboard's imports", () => {
  it("take from src/ only what is pure, and nothing from Node", () => {
    const breaches: string[] = [];
    const seen = new Set<string>();
    const walk = (file: string, via: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, "utf8");
      for (const spec of valueImports(text)) {
        if (spec.startsWith("node:"))
          breaches.push(`${relative(ROOT, file)} imports ${spec} (${via})`);
        if (!spec.startsWith(".")) continue;
        const target = resolveTs(file, spec);
        if (!target.startsWith(`${SRC}/`)) {
          if (target.startsWith(`${WEB}/`)) walk(target, via);
          continue;
        }
        const top = relative(SRC, target).split("/")[0] ?? "";
        if (IO_EDGES.includes(top))
          breaches.push(`${relative(ROOT, file)} imports ${relative(ROOT, target)} (${via})`);
        walk(target, `${via} → ${relative(ROOT, target)}`);
      }
    };
    for (const f of files(WEB)) walk(f, relative(ROOT, f));
    expect(breaches).toEqual([]);
    // The walk did reach src/ (the report's charts), so the check checks something.
    expect([...seen].some((f) => f.endsWith("src/report/charts.ts"))).toBe(true);
  });
});
