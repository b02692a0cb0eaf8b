/**
 * The "where the EU is indispensable" section of a report: the bloc's chokepoints and how much
 * each major power depends on its strongest goods (analysis/indispensable.ts computes them).
 * @module
 */
import type { Indispensability } from "../analysis/indispensable.js";
import type { Block } from "./blocks.js";
import { NEGLIGIBLE_USD } from "./bottom-line.js";
import { chokepointTableOf } from "./chokepoint-table.js";
import { pct, usd } from "./format.js";
import { idLabels, type Labels } from "./labels.js";

/** Rows of the bloc's chokepoint table shown. */
const SHOWN = 10;

export function indispensableBlocks(ind: Indispensability, labels: Labels = idLabels): Block[] {
  const name = ind.bloc.id === "EU" ? "the EU" : ind.bloc.name;
  const rows = ind.chokepoints.filter((r) => r.score > 0).slice(0, SHOWN);
  const blocks: Block[] = [
    { kind: "heading", level: 2, text: `Where ${name} is indispensable` },
    {
      kind: "paragraph",
      text: `Goods where ${name}'s members together are a chokepoint, at baseline: chokepoint score = share of world output × criticality downstream (share of world value added, the chain and the economy downstream, lost without the good, before stocks and substitution) × (1 − substitutability within ${ind.horizon} months). Simulated criticality: the same loss in the engine over ${ind.horizon} months, stocks drawn down. docs/analysis.md defines every column.`,
    },
  ];
  if (rows.length === 0) {
    blocks.push({ kind: "paragraph", text: `${name} is not a chokepoint for any good.` });
    return blocks;
  }
  blocks.push({
    kind: "table",
    ...chokepointTableOf(
      rows,
      ["good", "share", "makers", "criticality", "simulated", "substitutability", "stock", "score"],
      labels,
    ),
  });
  blocks.push(...dependenceBlocks(ind, 3, labels));
  return blocks;
}

/** Who depends on the bloc's strongest goods: for each good and major power, the share of its
 * supply from the bloc, its stock and what it would lose if the bloc withheld that good alone.
 * Only the rows that matter: a loss or gain of at least $1 m over the horizon. */
export function dependenceBlocks(
  ind: Indispensability,
  level: 2 | 3 = 3,
  labels: Labels = idLabels,
): Block[] {
  const name = ind.bloc.id === "EU" ? "the EU" : ind.bloc.name;
  const rows = ind.dependence.filter((d) => Math.abs(d.loss) >= NEGLIGIBLE_USD);
  if (ind.dependence.length === 0) return [];
  const blocks: Block[] = [
    { kind: "heading", level, text: `Who depends on ${name}'s strongest goods` },
    {
      kind: "paragraph",
      text: `For each good, the share of each major power's supply that comes from ${name}, the months of stock its users hold, and what the power would lose over ${ind.horizon} months if ${name} withheld that good alone (the total loss: final use it goes without and value added its industries lose; negative = a gain; and security-index loss).${rows.length < ind.dependence.length ? ` ${ind.dependence.length - rows.length} pairs where the power would lose or gain less than ${usd(NEGLIGIBLE_USD)} are left out.` : ""}`,
    },
  ];
  if (rows.length === 0) return blocks;
  blocks.push({
    kind: "table",
    header: [
      "good",
      "power",
      `share from ${ind.bloc.id}`,
      "stock (months)",
      "loss",
      "share of its value added",
      "security index loss",
    ],
    align: ["left", "left", "right", "right", "right", "right", "right"],
    tips: rows.map((d) => [d.good, d.power]),
    rows: rows.map((d) => [
      labels.good(d.good),
      labels.actor(d.power),
      pct(d.shareFromBloc),
      String(d.stockMonths),
      usd(d.loss),
      pct(d.lossShare),
      pct(d.securityLoss),
    ]),
  });
  return blocks;
}
