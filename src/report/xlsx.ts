/**
 * Writes a run's result document as an Excel workbook: a summary, every actor, the EU members,
 * and monthly series, with numbers as numbers (not text) so analysts can compute with them.
 * @module
 */
import ExcelJS from "exceljs";
import type { RunDocument } from "./document.js";

export async function toXlsx(doc: RunDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "levier";
  const summary = wb.addWorksheet("Summary");
  summary.addRow(["scenario", doc.scenario.name]);
  summary.addRow(["horizon (months)", doc.scenario.horizon]);
  if (doc.scenario.description) summary.addRow(["description", doc.scenario.description.trim()]);
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
    {
      header: "value added lost (USD)",
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
    { header: "worst month", key: "worstMonth", width: 12 },
    { header: "recovery month", key: "recoveryMonth", width: 14 },
  ];
  const actorSheet = (name: string, actors: RunDocument["actors"]) => {
    const ws = wb.addWorksheet(name);
    ws.columns = columns;
    ws.getRow(1).font = { bold: true };
    for (const a of actors)
      ws.addRow({ ...a, valueAddedLostGdpShare: a.valueAddedLostGdpShare ?? null });
  };
  actorSheet("Actors", doc.actors);
  if (doc.eu) actorSheet("EU members", doc.eu.members);

  const months = Array.from({ length: doc.scenario.horizon }, (_, t) => t + 1);
  const goods = wb.addWorksheet("Goods by month");
  goods.addRow(["good", "unit", "baseline per month", ...months.map((m) => `month ${m}`)]).font = {
    bold: true,
  };
  for (const g of doc.goods) goods.addRow([g.id, g.unit, g.baseline, ...g.output]);
  const nodes = wb.addWorksheet("Output by node and month");
  nodes.addRow([
    "node",
    "actor",
    "good",
    "baseline per month",
    ...months.map((m) => `month ${m}`),
  ]).font = { bold: true };
  for (const n of doc.nodes) nodes.addRow([n.id, n.actor, n.good, n.baseline, ...n.output]);
  const stocks = wb.addWorksheet("Stock by pool and month");
  stocks.addRow(["actor", "good", ...months.map((m) => `month ${m}`)]).font = { bold: true };
  for (const p of doc.pools) stocks.addRow([p.actor, p.good, ...p.stock]);
  const loss = wb.addWorksheet("Value added lost by month");
  loss.addRow(["actor", ...months.map((m) => `month ${m}`)]).font = { bold: true };
  for (const a of doc.actors) loss.addRow([a.id, ...a.monthly.valueAddedLost]);
  const si = wb.addWorksheet("Security index by month");
  si.addRow(["actor", ...months.map((m) => `month ${m}`)]).font = { bold: true };
  for (const a of doc.actors) si.addRow([a.id, ...a.monthly.securityIndex]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
