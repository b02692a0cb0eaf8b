/**
 * The core is pure (../shared/DESIGN.md, "Architecture"): the folders that model and analyse
 * import nothing from the edges (cli, io, node, report, server, store, queue, web), nothing
 * from Node's runtime (`node:*`) or the native solver, and read no clock and no global random
 * generator; and only `realise` (and the data's own description of its ranges) reads a figure
 * given as a distribution. This check reads every source file of the core and fails on the first line that
 * breaks the rule, naming it.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, posix, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../../src");
/** Folders of the core: everything above report/ in DESIGN.md's picture. */
const CORE = [
  "analysis",
  "council",
  "diffusion",
  "diagnostics",
  "eto",
  "format",
  "gamebuild",
  "losses",
  "mrio",
  "network",
  "parse",
  "random",
  "run",
  "scenario",
  "schema",
  "simulate",
  "strategy",
  "trade",
  "uncertainty",
  "valuechain",
  "world",
];
const EDGES = ["cli", "io", "node", "report", "server", "store", "queue", "web"];
/** Where a figure given as a distribution may be read (`central`, `bounds`): `realise` and
 * the data's own description of its ranges (validation, `data show`, the import's ranges, the trade import's central prices and outputs). The
 * model reads realised figures only (world/realised.ts; the type checker holds it to that). */
const READS_DISTRIBUTIONS = [
  "run/realise.ts",
  "world/quantity.ts",
  "world/validate.ts",
  "world/figures.ts",
  "mrio/join.ts",
  "trade/import.ts",
];

interface Breach {
  file: string;
  line: number;
  text: string;
  why: string;
}

/** The lines of one core file that break the rule. */
function breaches(file: string, text: string): Breach[] {
  const out: Breach[] = [];
  text.split("\n").forEach((raw, i) => {
    const line = raw.replace(/\/\/.*$/, "");
    const found = (why: string) => out.push({ file, line: i + 1, text: raw.trim(), why });
    const spec = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)["']([^"']+)["']/.exec(line)?.[1];
    if (spec?.startsWith("node:")) found("imports node:*");
    else if (spec === "highs") found("loads HiGHS");
    else if (spec?.startsWith(".")) {
      // Where the import lands, from src/: its first folder must not be an edge.
      const target = posix.normalize(posix.join(posix.dirname(file), spec));
      if (EDGES.includes(target.split("/")[0]!)) found("imports an edge folder");
    }
    if (/\bMath\.random\s*\(/.test(line)) found("uses Math.random");
    const code = /^\s*(\*|\/\*)/.test(line) ? "" : line;
    if (/\b(central|bounds)\(/.test(code) && !READS_DISTRIBUTIONS.includes(file))
      found("reads a distribution outside realise");
    if (/\bnew Date\b|\bDate\.now\s*\(/.test(line)) found("reads the clock");
  });
  return out;
}

function sources(dir: string): string[] {
  let files: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files = files.concat(sources(path));
    else if (name.endsWith(".ts")) files.push(path);
  }
  return files;
}

describe("the core's boundaries", () => {
  it("hold in every core folder", () => {
    const found = CORE.flatMap((folder) =>
      sources(join(SRC, folder)).flatMap((f) =>
        breaches(relative(SRC, f), readFileSync(f, "utf8")),
      ),
    );
    expect(found.map((b) => `src/${b.file}:${b.line}: ${b.why}: ${b.text}`)).toEqual([]);
    expect(sources(join(SRC, "simulate")).length).toBeGreaterThan(3);
  });

  it("catch a planted import of node:fs in simulate/, an edge import and the clock", () => {
    const planted = [
      'import { readFileSync } from "node:fs";',
      'import { textTable } from "../report/text-table.js";',
      'const t = await import("node:worker_threads");',
      "const now = Date.now();",
      "const r = Math.random();",
      "const u = central(good.utilisation);",
      '// import { x } from "node:fs"; a comment is not an import',
      'import { step } from "./step.js";',
    ].join("\n");
    expect(breaches("simulate/planted.ts", planted).map((b) => [b.line, b.why])).toEqual([
      [1, "imports node:*"],
      [2, "imports an edge folder"],
      [3, "imports node:*"],
      [4, "reads the clock"],
      [5, "uses Math.random"],
      [6, "reads a distribution outside realise"],
    ]);
  });
});
