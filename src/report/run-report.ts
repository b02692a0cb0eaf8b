/**
 * The blocks of a scenario run's report.
 * @module
 */

import type { RunDocument } from "../run/document.js";
import type { Block, Report } from "./blocks.js";
import { reportCharts } from "./charts.js";
import { councilBlocks } from "./council-section.js";
import { month, pct, usd, worst } from "./format.js";

/** `sections`: further blocks to place after the EU's and the Council's (e.g. where the EU is
 * indispensable). */
export function runReport(
  doc: RunDocument,
  keyGoods?: readonly string[],
  sections: readonly Block[] = [],
): Report {
  const b: Block[] = [];
  const s = doc.scenario;
  b.push({ kind: "heading", level: 1, text: s.name });
  if (s.description) b.push({ kind: "paragraph", text: s.description.trim() });
  b.push({
    kind: "paragraph",
    text: `Horizon: ${s.horizon} months. Figures are totals over the horizon unless stated; value added is in US dollars of the data's base year.`,
  });
  b.push({ kind: "heading", level: 2, text: "Measures" });
  b.push({
    kind: "table",
    header: ["measure", "type", "from month", "to month"],
    rows: s.measures.map((m) => [m.id, m.type, String(m.start), String(m.end)]),
  });

  if (doc.eu) {
    const eu = doc.eu.bloc;
    b.push({ kind: "heading", level: 2, text: "The EU" });
    b.push({
      kind: "paragraph",
      text: `The EU loses ${usd(eu.loss)} in total${eu.lossGdpShare !== undefined ? ` (${pct(eu.lossGdpShare)} of its GDP over the horizon)` : ""}: ${usd(eu.finalUseLost)} of final use it goes without, ${usd(eu.valueAddedLost)} of value added in the chain's goods and ${usd(eu.downstreamLost)} in its economy downstream, less ${usd(eu.embodiedLost)} of its value added counted in others' final use lost. Its security index falls by ${pct(eu.securityIndexLoss)} on average and to ${pct(eu.securityIndexMin)} of baseline at worst. Worst month: ${worst(eu.worstMonth)}; recovered: ${month(eu.recoveryMonth)}.`,
    });
  }
  if (doc.capacityShare) {
    const c = doc.capacityShare;
    b.push({ kind: "heading", level: 2, text: `Share of world ${c.good} capacity` });
    const vsPaper =
      c.paper !== undefined
        ? ` The paper puts the contribution at about ${pct(c.paper)}; here the scenario's investments add ${pct(c.added)} of world capacity.`
        : "";
    b.push({
      kind: "paragraph",
      text: `${c.actors.join(" + ")}: ${pct(c.baseline)} of world ${c.good} capacity at baseline, ${pct(c.horizon)} in month ${s.horizon}, of which ${pct(c.added)} comes from this scenario's investments.${vsPaper}${c.note ? ` ${c.note.trim()}` : ""}`,
    });
  }
  if (doc.council) b.push(...councilBlocks(doc.council));
  b.push(...sections);
  b.push({ kind: "heading", level: 2, text: "Hardest hit" });
  b.push(actorTable(doc.actors.filter((a) => a.kind !== "bloc").slice(0, 15)));
  if (doc.eu) {
    b.push({ kind: "heading", level: 2, text: "EU member states" });
    b.push(actorTable(doc.eu.members, "eu-members"));
  }
  const charts = reportCharts(doc, keyGoods);
  b.push({ kind: "heading", level: 2, text: "Charts" });
  for (const chart of charts) {
    b.push({ kind: "heading", level: 3, text: chart.title });
    b.push({ kind: "chart", chart });
  }
  b.push({ kind: "heading", level: 2, text: "How to read this" });
  b.push({
    kind: "list",
    items: [
      `Loss (${doc.lossMeasure.id}): ${doc.lossMeasure.meaning} (docs/model.md, "Losses"). Negative figures are gains.`,
      "Final use lost: final demand not served, at baseline prices, plus the consumer surplus lost under the good's demand elasticity.",
      "Value added lost (chain): baseline minus simulated output of the chain's goods, times value added per unit, summed over months; downstream: the same for the sectors of the economy downstream of the chain.",
      "Security index: security-weighted value of what the actor produces and receives, relative to baseline; its loss is one minus its mean over the horizon.",
      `Recovered: the first month from which the monthly loss stays below 1% of baseline.`,
      `Conservation check: largest shipment beyond what suppliers had ${doc.conservation.maxOverShipped.toExponential(1)}, largest use beyond what buyers had ${doc.conservation.maxOverUsed.toExponential(1)} (rounding only).`,
    ],
  });
  return { title: s.name, blocks: b, data: doc };
}

function actorTable(actors: RunDocument["actors"], id?: string): Extract<Block, { kind: "table" }> {
  return {
    kind: "table",
    ...(id ? { id } : {}),
    header: [
      "actor",
      "name",
      "loss",
      "share of GDP",
      "final use lost",
      "value added lost (chain)",
      "downstream",
      "security index loss",
      "worst month (largest loss)",
      "recovered (monthly loss below 1% of its value added from)",
      "bound by",
    ],
    align: [
      "left",
      "left",
      "right",
      "right",
      "right",
      "right",
      "right",
      "right",
      "left",
      "left",
      "left",
    ],
    rows: actors.map((a) => [
      a.id,
      a.name,
      usd(a.loss),
      a.lossGdpShare === undefined ? "–" : pct(a.lossGdpShare),
      usd(a.finalUseLost),
      usd(a.valueAddedLost),
      usd(a.downstreamLost),
      pct(a.securityIndexLoss),
      worst(a.worstMonth),
      month(a.recoveryMonth),
      a.boundBy
        .slice(0, 2)
        .map((x) => x.good)
        .join(", ") || "–",
    ]),
  };
}
