/**
 * Writes a run's result document as an Excel workbook: a summary, every actor, the EU members,
 * and monthly series, with numbers as numbers (not text) so analysts can compute with them.
 * @module
 */
import ExcelJS from "exceljs";
import type { RunDocument } from "../run/document.js";
import { bottomLine } from "./bottom-line.js";

export async function toXlsx(doc: RunDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "levier";
  const summary = wb.addWorksheet("Summary");
  summary.addRow(["scenario", doc.scenario.name]);
  summary.addRow(["horizon (months)", doc.scenario.horizon]);
  if (doc.scenario.description) summary.addRow(["description", doc.scenario.description.trim()]);
  summary.addRow([]);
  // The answer first, as in every report (report/bottom-line.ts).
  summary.addRow(["bottom line"]).font = { bold: true };
  for (const line of bottomLine(doc)) summary.addRow(["", line]).alignment = { wrapText: true };
  summary.addRow([]);
  summary.addRow(["measure", "type", "from month", "to month"]).font = { bold: true };
  for (const m of doc.scenario.measures) summary.addRow([m.id, m.type, m.start, m.end]);
  if (doc.capacityShare) {
    const c = doc.capacityShare;
    summary.addRow([]);
    summary.addRow([`share of world ${c.good} capacity`, c.actors.join("+")]);
    summary.addRow(["at baseline", c.baseline]);
    summary.addRow([`in month ${doc.scenario.horizon}`, c.horizon]);
    summary.addRow(["of which from the scenario's investments", c.added]);
  }
  summary.addRow([]);
  summary.addRow(["unit of", "unit"]).font = { bold: true };
  for (const [k, v] of Object.entries(doc.units)) summary.addRow([k, v]);
  summary.getColumn(1).width = 42;
  summary.getColumn(2).width = 60;

  const columns = [
    { header: "actor", key: "id", width: 8 },
    { header: "name", key: "name", width: 22 },
    { header: "kind", key: "kind", width: 10 },
    { header: "loss (USD)", key: "loss", width: 20, style: { numFmt: "#,##0" } },
    { header: "loss, share of GDP", key: "lossGdpShare", width: 16, style: { numFmt: "0.000%" } },
    {
      header: "final use lost (USD)",
      key: "finalUseLost",
      width: 20,
      style: { numFmt: "#,##0" },
    },
    {
      header: "of which consumer surplus (USD)",
      key: "consumerSurplusLost",
      width: 22,
      style: { numFmt: "#,##0" },
    },
    {
      header: "downstream value added lost (USD)",
      key: "downstreamLost",
      width: 24,
      style: { numFmt: "#,##0" },
    },
    {
      header: "value added counted in others' final use (USD)",
      key: "embodiedLost",
      width: 26,
      style: { numFmt: "#,##0" },
    },
    {
      header: "value added lost, chain (USD)",
      key: "valueAddedLost",
      width: 22,
      style: { numFmt: "#,##0" },
    },
    {
      header: "baseline value added (USD)",
      key: "valueAddedBaseline",
      width: 24,
      style: { numFmt: "#,##0" },
    },
    {
      header: "share of sector",
      key: "valueAddedLostShare",
      width: 14,
      style: { numFmt: "0.00%" },
    },
    {
      header: "share of GDP",
      key: "valueAddedLostGdpShare",
      width: 14,
      style: { numFmt: "0.000%" },
    },
    {
      header: "security index loss",
      key: "securityIndexLoss",
      width: 18,
      style: { numFmt: "0.00%" },
    },
    {
      header: "security index min",
      key: "securityIndexMin",
      width: 18,
      style: { numFmt: "0.00%" },
    },
    { header: "worst month (largest monthly loss)", key: "worstMonth", width: 16 },
    {
      header:
        "recovery month (loss below 1% of value added from; 0 never above, empty not by the horizon)",
      key: "recoveryMonth",
      width: 24,
    },
  ];
  const actorSheet = (name: string, actors: RunDocument["actors"]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
    ws.columns = columns;
    ws.getRow(1).font = { bold: true };
    for (const a of actors)
      ws.addRow({
        ...a,
        lossGdpShare: a.lossGdpShare ?? null,
        valueAddedLostGdpShare: a.valueAddedLostGdpShare ?? null,
      });
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  };
  actorSheet("Actors", doc.actors);
  if (doc.eu) actorSheet("EU members", doc.eu.members);

  const months = Array.from({ length: doc.scenario.horizon }, (_, t) => `month ${t + 1}`);
  /** A sheet of monthly series: label columns, then one column per month. */
  const series = (name: string, labels: string[], rows: [(string | number)[], number[]][]) => {
    // The header row and the label columns stay in view; the labels can be filtered.
    const ws = wb.addWorksheet(name, {
      views: [{ state: "frozen", xSplit: labels.length, ySplit: 1 }],
    });
    ws.addRow([...labels, ...months]).font = { bold: true };
    for (const [head, values] of rows) ws.addRow([...head, ...values]);
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: labels.length } };
  };
  series(
    "Goods by month",
    ["good", "unit", "baseline per month"],
    doc.goods.map((g) => [[g.id, g.unit, g.baseline], g.output]),
  );
  series(
    "Output by node and month",
    ["node", "actor", "good", "baseline per month"],
    doc.nodes.map((n) => [[n.id, n.actor, n.good, n.baseline], n.output]),
  );
  series(
    "Stock by pool and month",
    ["actor", "good"],
    doc.pools.map((p) => [[p.actor, p.good], p.stock]),
  );
  series(
    "Loss by month",
    ["actor"],
    doc.actors.map((x) => [[x.id], x.monthly.loss]),
  );
  series(
    "Value added lost by month",
    ["actor"],
    doc.actors.map((x) => [[x.id], x.monthly.valueAddedLost]),
  );
  series(
    "Security index by month",
    ["actor"],
    doc.actors.map((x) => [[x.id], x.monthly.securityIndex]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
