/**
 * The blocks of a scenario run's report. It opens with its answer: the bottom line in plain
 * words and the chart of the scenario's question; then the measures, the EU, the Council, the
 * tables of who lost, the other charts, and how to read it all.
 * @module
 */

import type { RunDocument } from "../run/document.js";
import { adoptionBlocks, adoptionBottomLine, adoptionChart } from "./adoption-section.js";
import type { Block, Report } from "./blocks.js";
import { bottomLine, namesOf } from "./bottom-line.js";
import { namedBinding } from "./bound-by.js";
import { chartBlocks, reportCharts } from "./charts.js";
import { councilBlocks } from "./council-section.js";
import { month, pct, usd, worst } from "./format.js";
import { insurance, valueCaptureBlocks } from "./value-capture.js";

export function runReport(doc: RunDocument): Report {
  const b: Block[] = [];
  const s = doc.scenario;
  const names = namesOf(doc);
  b.push({ kind: "heading", level: 1, text: s.name });
  b.push({ kind: "heading", level: 2, text: "Bottom line" });
  // With draws the bottom line's last sentence says how the ranges were made: on the page it
  // goes under the headline chart, so that the answer and its chart fit the first screen.
  // An automation path's report leads with what insures the value and what does not.
  const capture = doc.valueCapture && doc.scenario.headline === "value-capture";
  const lines = [...(capture ? insurance(doc, doc.valueCapture!) : []), ...bottomLine(doc)];
  const method = doc.draws ? lines.pop() : undefined;
  // Conditional access: the answer is who adopts, and its chart the adoption timeline.
  const adoption = doc.adoption;
  if (adoption) lines.unshift(...adoptionBottomLine(adoption, names.actor));
  b.push({ kind: "list", id: "bottom-line", items: lines });
  const all = reportCharts(doc);
  const [headline, ...charts] = adoption ? [adoptionChart(adoption), ...all] : all;
  if (headline) b.push(...chartBlocks(headline, 2));
  if (method) b.push({ kind: "paragraph", text: method });

  b.push({ kind: "heading", level: 2, text: "The scenario" });
  if (s.description) b.push({ kind: "paragraph", text: s.description.trim() });
  b.push({
    kind: "paragraph",
    text: `Horizon: ${s.horizon} months. Figures are totals over the horizon unless stated; value added is in US dollars of the data's base year.`,
  });
  b.push({
    kind: "table",
    id: "measures",
    header: ["measure", "type", "from month", "to month", "imposed by", "on"],
    rows: s.measures.map((m) => [
      m.id,
      m.type.replace(/_/g, " "),
      String(m.start),
      String(m.end),
      actorList(m.named.by, names.actor),
      actorList(m.named.on, names.actor),
    ]),
    tips: s.measures.map((m) => [
      undefined,
      undefined,
      undefined,
      undefined,
      m.by.join(", ") || undefined,
      m.on.join(", ") || undefined,
    ]),
  });

  if (doc.valueCapture) b.push(...valueCaptureBlocks(doc));
  if (doc.eu) {
    const eu = doc.eu.bloc;
    b.push({ kind: "heading", level: 2, text: "The EU" });
    b.push({
      kind: "paragraph",
      text: `The EU ${eu.loss >= 0 ? `loses ${usd(eu.loss)}` : `gains ${usd(-eu.loss)}`} in total${eu.lossGdpShare !== undefined ? ` (${pct(eu.lossGdpShare)} of its GDP over the horizon)` : ""}: ${usd(eu.finalUseLost)} of final use it goes without, ${usd(eu.valueAddedLost)} of value added in the chain's goods and ${usd(eu.downstreamLost)} in its economy downstream, less ${usd(eu.embodiedLost)} of its value added counted in others' final use lost. Its security index falls by ${pct(eu.securityIndexLoss)} on average and to ${pct(eu.securityIndexMin)} of baseline at worst. Worst month: ${worst(eu.worstMonth)}; recovered: ${month(eu.recoveryMonth)}.`,
    });
  }
  if (doc.capacityShare) {
    const c = doc.capacityShare;
    const good = names.good(c.good);
    b.push({ kind: "heading", level: 2, text: `Share of world ${good} capacity` });
    const vsPaper =
      c.paper !== undefined
        ? ` The paper puts the contribution at about ${pct(c.paper)}; here the scenario's investments add ${pct(c.added)} of world capacity.`
        : "";
    b.push({
      kind: "paragraph",
      text: `${c.actors.map(names.actor).join(" + ")}: ${pct(c.baseline)} of world ${good} capacity at baseline, ${pct(c.horizon)} in month ${s.horizon}, of which ${pct(c.added)} comes from this scenario's investments.${vsPaper}${c.note ? ` ${c.note.trim()}` : ""}`,
    });
  }
  if (adoption) b.push(...adoptionBlocks(adoption, names.actor));
  if (doc.council) b.push(...councilBlocks(doc.council, names.actor));
  b.push({ kind: "heading", level: 2, text: "Hardest hit" });
  b.push(actorTable(doc.actors.filter((a) => a.kind !== "bloc").slice(0, 15), names.goodLabel));
  if (doc.eu) {
    b.push({ kind: "heading", level: 2, text: "EU member states" });
    b.push(actorTable(doc.eu.members, names.goodLabel, "eu-members"));
  }
  b.push({ kind: "heading", level: 2, text: "Charts" });
  for (const chart of charts) b.push(...chartBlocks(chart));
  b.push({ kind: "heading", level: 2, text: "How to read this" });
  b.push({
    kind: "list",
    items: [
      `Loss (${doc.lossMeasure.id}): ${doc.lossMeasure.meaning} (docs/model.md, "Losses"). Negative figures are gains.`,
      "Final use lost: final demand not served, at baseline prices, plus the consumer surplus lost under the good's demand elasticity.",
      "Value added lost (chain): baseline minus simulated output of the chain's goods, times value added per unit, summed over months; downstream: the same for the sectors of the economy downstream of the chain.",
      "Security index: security-weighted value of what the actor produces and receives, relative to baseline; its loss is one minus its mean over the horizon.",
      "Worst month: the month of the largest monthly loss. Recovered: the first month from which the monthly loss stays below 1% of the actor's baseline monthly value added; 'never 1% down' if it never reached 1%.",
      "Gains and output above baseline: an actor gains when its industries sell to buyers others can no longer serve, or its economy downstream replaces output lost elsewhere (trade diversion); world output rises above baseline after a shortage when buyers rebuild the stocks they drew down (catch-up).",
      "Where the EU is indispensable does not depend on the scenario: `levier report profile EU --out DIR` gives its chokepoints and who depends on its strongest goods.",
      `Conservation check: largest shipment beyond what suppliers had ${doc.conservation.maxOverShipped.toExponential(1)}, largest use beyond what buyers had ${doc.conservation.maxOverUsed.toExponential(1)} (rounding only).`,
    ],
  });
  return { title: s.name, blocks: b, data: doc };
}

function actorList(ids: readonly string[], name: (id: string) => string): string {
  if (ids.length === 0) return "–";
  return ids.length > 6
    ? `${ids.slice(0, 5).map(name).join(", ")} and ${ids.length - 5} more`
    : ids.map(name).join(", ");
}

function actorTable(
  actors: RunDocument["actors"],
  good: (id: string) => string,
  id?: string,
): Extract<Block, { kind: "table" }> {
  return {
    kind: "table",
    ...(id ? { id } : {}),
    header: [
      "actor",
      "loss",
      "share of GDP",
      "final use lost",
      "value added lost (chain)",
      "downstream",
      "security index loss",
      "worst month (largest monthly loss)",
      "recovered (monthly loss below 1% of its value added from)",
      "bound by",
    ],
    align: ["left", "right", "right", "right", "right", "right", "right", "left", "left", "left"],
    rows: actors.map((a) => [
      a.name,
      usd(a.loss),
      a.lossGdpShare === undefined ? "–" : pct(a.lossGdpShare),
      usd(a.finalUseLost),
      usd(a.valueAddedLost),
      usd(a.downstreamLost),
      pct(a.securityIndexLoss),
      worst(a.worstMonth),
      month(a.recoveryMonth),
      namedBinding(a.boundBy)
        .map((x) => good(x.good))
        .join(", ") || "–",
    ]),
    tips: actors.map((a) => [
      a.id,
      ...Array.from({ length: 8 }, () => undefined),
      namedBinding(a.boundBy)
        .map((x) => x.good)
        .join(", ") || undefined,
    ]),
  };
}
