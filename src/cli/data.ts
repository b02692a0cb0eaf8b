/**
 * `levier data validate|show|sources|schema`.
 * @module
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import type { Command } from "commander";
import { InputError } from "../diagnostics/errors.js";
import { formatIssue, type Issue } from "../diagnostics/issue.js";
import { fileReader } from "../io/world-files.js";
import { pct } from "../report/format.js";
import { emptyCell, type Table } from "../report/table.js";
import { tableText } from "../report/text-table.js";
import { figureRow, figuresOf } from "../world/figures.js";
import { loadWorld } from "../world/load.js";
import { chainIds, chainResolver, itemCitations, unusedSources } from "../world/provenance.js";
import { summarize, type WorldSummary } from "../world/summary.js";
import { type CliContext, printJson, println } from "./context.js";
import { controlsTable, renderControls } from "./data-controls.js";
import { registerDataImport } from "./data-import.js";
import { schemaText } from "./schema.js";
import { printTables, type TableFlags, withTables } from "./tables.js";
import { loadWorldFor } from "./world-option.js";

export function registerData(program: Command, ctx: CliContext, worldOf: () => string | undefined) {
  const data = program.command("data").description("inspect and check world data");
  registerDataImport(data, ctx, worldOf);

  data
    .command("validate")
    .description("check world files or directories (default: the world in use)")
    .argument("[files...]", "world files (.yaml, .json) or directories with datapackage.json")
    .option("--json", "print the issues as one JSON document")
    .action((files: string[], opts: { json?: boolean }) => {
      const targets = files.length > 0 ? files : [worldOf()];
      const reports = targets.map((spec) => {
        // One file of a world package (data/goods.yaml) is checked in the context of the rest:
        // the whole package is loaded and the issues in that file reported.
        const pkg = spec === undefined ? undefined : packageOf(resolve(ctx.cwd, spec), ctx.cwd);
        const { world, issues } = loadWorld(fileReader(ctx.cwd), pkg?.shown ?? spec);
        if (spec !== undefined && pkg) {
          const own = issues.filter(
            (i) => i.at === undefined || resolve(ctx.cwd, i.at.file) === resolve(ctx.cwd, spec),
          );
          const elsewhere = issues.filter((i) => i.severity === "error" && !own.includes(i));
          if (elsewhere.length > 0)
            own.push({
              severity: "warning",
              code: "context",
              message: `${elsewhere.length} error${elsewhere.length === 1 ? "" : "s"} elsewhere in the world ${pkg.shown} (levier data validate ${pkg.shown} lists them)`,
            });
          const ok = !own.some((i) => i.severity === "error");
          return {
            spec: `${spec} (in the world ${pkg.shown})`,
            ok,
            issues: own,
            figures: world ? figuresOf(world.world).length : 0,
          };
        }
        return {
          spec: spec ?? "data",
          ok: world !== undefined,
          issues,
          figures: world ? figuresOf(world.world).length : 0,
        };
      });
      if (opts.json) printJson(ctx, { ok: reports.every((r) => r.ok), files: reports });
      else {
        for (const r of reports) {
          for (const issue of r.issues)
            if (issue.severity === "error") ctx.stderr.write(`${formatIssue(issue)}\n`);
          const warnings = r.issues.filter((i) => i.severity === "warning").length;
          const errors = r.issues.length - warnings;
          if (r.ok)
            println(
              ctx.stdout,
              `${r.spec}: ok, ${r.figures} figures${warnings ? `, ${warnings} warnings (levier data sources lists them)` : ""}`,
            );
          else println(ctx.stderr, `${r.spec}: ${errors} error${errors === 1 ? "" : "s"}`);
        }
      }
      if (!reports.every((r) => r.ok)) throw new InputError([], "validation failed");
    });

  withTables(
    data
      .command("show")
      .description("summarise the world: actors, goods by layer, top suppliers, headline figures")
      .option("--json", "print the summary as one JSON document")
      .option("--top <n>", "suppliers listed per good in the text summary", "3"),
    ["goods", "headlines", "controls"],
  ).action((opts: TableFlags & { top: string }) => {
    const summary = summarize(loadWorldFor(ctx, worldOf()).world);
    if (opts.json) return printJson(ctx, summary);
    const top = Math.max(1, Number.parseInt(opts.top, 10) || 3);
    printTables(
      ctx,
      opts,
      [goodsTable(summary, top), headlinesTable(summary), controlsTable(summary)],
      () => renderSummary(summary, top),
    );
  });

  withTables(
    data
      .command("sources")
      .description("list every figure with its source and year; figures without one are errors")
      .option("--json", "print the list as one JSON document"),
    ["figures", "sources"],
  ).action((opts: TableFlags) => {
    const { world } = loadWorldFor(ctx, worldOf());
    const figures = figuresOf(world);
    const chainOf = chainResolver(world);
    const rows = figures.map((f) => ({ ...figureRow(f), chain: chainOf(chainIds(f)) }));
    const missing = rows
      .filter((r) => r.source === undefined || r.year === undefined)
      .map((r) => r.path);
    const used = new Map<string, number>();
    const backs = new Map<string, number>();
    for (const r of rows) {
      if (r.source) used.set(r.source, (used.get(r.source) ?? 0) + 1);
      for (const l of r.chain) backs.set(l.source, (backs.get(l.source) ?? 0) + 1);
    }
    const cited = itemCitations(world);
    const sources = world.sources.map((s) => ({
      ...s,
      figures: used.get(s.id) ?? 0,
      backs: backs.get(s.id) ?? 0,
      items: cited.get(s.id) ?? 0,
    }));
    const unused = unusedSources(world, backs);
    if (opts.json) printJson(ctx, { figures: rows, sources, missing, unused });
    else {
      const tables: Table[] = [
        {
          name: "figures",
          columns: [
            { header: "figure" },
            { header: "value" },
            { header: "source" },
            { header: "year" },
          ],
          rows: rows.map((r) => [
            r.path,
            r.value,
            { text: r.source ?? "MISSING", value: r.source ?? null },
            r.year === undefined
              ? { text: "MISSING", value: null }
              : { text: String(r.year), value: r.year },
          ]),
        },
        {
          name: "sources",
          columns: ["source", "kind", "figures", "backs", "publisher", "title", "year"].map(
            (header) => ({ header }),
          ),
          rows: sources.map((s) => [
            s.id,
            s.kind,
            s.figures,
            s.backs,
            s.publisher,
            s.title,
            { text: String(s.year), value: s.year },
          ]),
        },
      ];
      printTables(ctx, opts, tables, () => `${tables.map((t) => tableText(t)).join("\n\n")}\n`);
    }
    if (missing.length > 0) {
      const issues: Issue[] = missing.map((path) => ({
        severity: "error",
        code: "unsourced",
        path,
        message: "figure has no source or no year",
      }));
      throw new InputError(issues);
    }
  });

  data
    .command("schema")
    .description("print the JSON Schema of world files, for editors (= levier schema world)")
    .action(() => ctx.stdout.write(schemaText("world")));
}

function renderSummary(s: WorldSummary, top: number): string {
  const lines: string[] = [];
  lines.push(`${s.meta.name}${s.meta.asOf ? ` (as of ${s.meta.asOf})` : ""}`);
  lines.push(
    `${s.counts.actors} actors, ${s.counts.goods} goods, ${s.counts.suppliers} supplier rows, ${s.counts.sources} sources`,
  );
  lines.push("");
  const byKind = new Map<string, string[]>();
  for (const a of s.actors)
    byKind.set(a.kind, [
      ...(byKind.get(a.kind) ?? []),
      a.members ? `${a.id} (${a.members.length} members)` : a.id,
    ]);
  lines.push("Actors");
  for (const [kind, ids] of byKind) lines.push(`  ${kind}: ${ids.join(", ")}`);
  lines.push("");
  lines.push("Goods by layer, with their top suppliers (share of world output)");
  lines.push(tableText(goodsTable(s, top)));
  if (s.headlines.length > 0) {
    lines.push("");
    lines.push("The paper's headline figures against the data");
    lines.push(tableText(headlinesTable(s)));
  }
  lines.push(...renderControls(s));
  return `${lines.join("\n")}\n`;
}

/** Goods by layer with their top suppliers (the first `top`, as "TW 45.0%"). */
function goodsTable(s: WorldSummary, top: number): Table {
  const layers = [...new Set(s.goods.map((g) => g.layer))];
  return {
    name: "goods",
    columns: ["layer", "good", "world output/yr", "unit", "top suppliers"].map((header) => ({
      header,
    })),
    rows: layers.flatMap((layer) =>
      s.goods
        .filter((x) => x.layer === layer)
        .map((g) => {
          const tops = (s.suppliers[g.id] ?? [])
            .slice(0, top)
            .map((x) => `${x.actor} ${pct(x.share, 1)}`);
          return [layer, g.id, g.globalOutput, g.unit, tops.join(", ")];
        }),
    ),
  };
}

/** The paper's headline figures against the data. */
function headlinesTable(s: WorldSummary): Table {
  return {
    name: "headlines",
    columns: [
      { header: "", csvHeader: "check" },
      { header: "claim" },
      { header: "paper" },
      { header: "data" },
    ],
    rows: s.headlines.map((h) => [
      h.withinTolerance
        ? h.expect === "differs"
          ? "differs (primary source)"
          : "ok"
        : "OUT OF RANGE",
      h.claim,
      h.paper ?? emptyCell("-"),
      h.data,
    ]),
  };
}

/** The world package (a directory with datapackage.json) that lists `file` among its
 * resources, if any. */
function packageOf(file: string, cwd: string): { dir: string; shown: string } | undefined {
  let dir = dirname(file);
  for (let up = 0; up < 8; up++) {
    const manifest = join(dir, "datapackage.json");
    if (existsSync(manifest)) {
      try {
        const pkg = JSON.parse(readFileSync(manifest, "utf8")) as {
          resources?: { path?: unknown }[];
        };
        const listed = (pkg.resources ?? []).some(
          (r) => typeof r.path === "string" && resolve(dir, r.path) === file,
        );
        if (!listed) return undefined;
        const shown = relative(cwd, dir) || ".";
        return { dir, shown };
      } catch {
        return undefined;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}
