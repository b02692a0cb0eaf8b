/**
 * The tables of a run's terminal summary as table values, for `levier run --csv`: every
 * actor (the summary shows the ten hardest hit), the EU's members, and the goods whose shortage
 * bound output. Columns as the summary's, with raw figures: dollars, shares as fractions,
 * months as numbers.
 * @module
 */
import type { RunDocument } from "../run/document.js";
import { bindingDrivers } from "./bound-by.js";
import { month, worst } from "./format.js";
import { type Column, emptyCell, pctCell, type Table, UNITS, usdCell } from "./table.js";

export const RUN_TABLES = ["actors", "eu-members", "drivers"] as const;

const ACTOR_COLUMNS: Column[] = [
  { header: "actor" },
  { header: "name", csvOnly: true },
  { header: "loss", unit: UNITS.usd },
  { header: "of GDP", unit: UNITS.fraction },
  { header: "final use lost", unit: UNITS.usd },
  { header: "VA lost (chain)", unit: UNITS.usd },
  { header: "downstream", unit: UNITS.usd },
  { header: "security index loss", unit: UNITS.fraction },
  {
    header: "worst month (largest loss)",
    csvHeader: "worst month (largest loss; empty: no loss)",
  },
  {
    header: "recovered (loss < 1% of VA)",
    csvHeader:
      "recovered (month the loss stays < 1% of VA from; 0: never 1% down; empty: not by the horizon)",
  },
];

function actorTable(name: string, actors: RunDocument["actors"]): Table {
  return {
    name,
    columns: ACTOR_COLUMNS,
    rows: actors.map((a) => [
      a.id,
      a.name,
      usdCell(a.loss),
      a.lossGdpShare === undefined ? emptyCell() : pctCell(a.lossGdpShare),
      usdCell(a.finalUseLost),
      usdCell(a.valueAddedLost),
      usdCell(a.downstreamLost),
      pctCell(a.securityIndexLoss),
      { text: worst(a.worstMonth), value: a.worstMonth },
      { text: month(a.recoveryMonth), value: a.recoveryMonth },
    ]),
  };
}

/** The run's tables, named as RUN_TABLES: every state and aggregate (blocs are their members
 * summed, so they are left out and a column sums to the world's), the EU's members (none
 * without an EU), and every good that bound output with the value added lost while it did. */
export function runTables(doc: RunDocument): Table[] {
  const states = doc.actors.filter((a) => a.kind !== "bloc");
  const drivers = bindingDrivers(states);
  return [
    actorTable("actors", states),
    actorTable("eu-members", doc.eu?.members ?? []),
    {
      name: "drivers",
      columns: [{ header: "good" }, { header: "value added lost", unit: UNITS.usd }],
      rows: drivers.map(([g, v]) => [g, usdCell(v)]),
    },
  ];
}
