/**
 * `levier value-added [--good G] [--actor A] [--untraced] [--json]`: value added by origin in
 * the world in use (trade in value added), through `run/value-added.ts`.
 * @module
 */
import type { Command } from "commander";
import { pctCell, type Table, UNITS, usdCell } from "../report/table.js";
import { tableText } from "../report/text-table.js";
import { realise } from "../run/realise.js";
import { type Decomposition, type ValueAddedReport, valueAddedReport } from "../run/value-added.js";
import { type CliContext, printJson } from "./context.js";
import { printTables, type TableFlags, withTables } from "./tables.js";
import { loadWorldFor } from "./world-option.js";

export function registerValueAdded(
  program: Command,
  ctx: CliContext,
  worldOf: () => string | undefined,
) {
  withTables(
    program
      .command("value-added")
      .description(
        "value added by origin (trade in value added): every actor's, or an actor's final demand, or a good's output",
      )
      .option(
        "--good <id>",
        "decompose the world's output of this good (with --actor: that actor's)",
      )
      .option("--actor <id>", "decompose this actor's final demand (a bloc: its members')")
      .option(
        "--untraced",
        "leave inputs no recipe lists untraced (default: bought from the maker's sector)",
      )
      .option("--json", "print the result as one JSON document"),
    ["actors", "by-actor", "by-good"],
  ).action(
    (opts: TableFlags & { good?: string; actor?: string; untraced?: boolean; json?: boolean }) => {
      const world = realise(loadWorldFor(ctx, worldOf()).world);
      const report = valueAddedReport(world, {
        ...(opts.good !== undefined ? { good: opts.good } : {}),
        ...(opts.actor !== undefined ? { actor: opts.actor } : {}),
        ...(opts.untraced ? { untraced: true } : {}),
      });
      if (opts.json) return printJson(ctx, report);
      const tables = tablesOf(report);
      printTables(ctx, opts, tables, () => {
        const d = report.decomposition;
        const head = d
          ? `${d.of}: ${usdCell(d.value).text} a year; untraced inputs ${pctCell(d.value > 0 ? d.untraced / d.value : 0).text}\n`
          : `trade in value added, ${report.units}; unlisted inputs ${report.unlisted === "sector" ? "bought from the maker's sector" : "untraced"}\n`;
        return `${head}${tables.map((t) => `\n${t.name}\n${tableText(t)}`).join("\n")}\n`;
      });
    },
  );
}

function tablesOf(r: ValueAddedReport): Table[] {
  if (r.decomposition) return originTables(r.decomposition);
  return [
    {
      name: "actors",
      columns: [
        { header: "actor" },
        { header: "final demand", unit: UNITS.usd, align: "right" },
        { header: "value added produced", unit: UNITS.usd, align: "right" },
        { header: "own share of its final demand", unit: UNITS.fraction, align: "right" },
        { header: "others' value added in it", unit: UNITS.usd, align: "right" },
        { header: "its value added in others'", unit: UNITS.usd, align: "right" },
        { header: "balance in value added", unit: UNITS.usd, align: "right" },
      ],
      rows: (r.actors ?? []).map((a) => [
        a.id,
        usdCell(a.finalDemand),
        usdCell(a.valueAddedProduced),
        pctCell(a.domesticShare),
        usdCell(a.foreignInOwn),
        usdCell(a.ownInForeign),
        usdCell(a.balance),
      ]),
    },
  ];
}

function originTables(d: Decomposition): Table[] {
  const table = (name: string, rows: Decomposition["byActor"]): Table => ({
    name,
    columns: [
      { header: "origin" },
      { header: "name" },
      { header: "value added", unit: UNITS.usd, align: "right" },
      { header: "share", unit: UNITS.fraction, align: "right" },
    ],
    rows: rows.map((x) => [x.id, x.name, usdCell(x.valueAdded), pctCell(x.share)]),
  });
  return [table("by-actor", d.byActor), table("by-good", d.byGood)];
}
