/**
 * The terminal summary of a run: the actors hit hardest, the EU and its members, and what drove
 * it.
 * @module
 */

import type { RunDocument } from "../run/document.js";
import { bottomLine, namesOf } from "./bottom-line.js";
import { bindingDrivers } from "./bound-by.js";
import { month, pct, usd, worst } from "./format.js";
import { textTable, wrapText } from "./text-table.js";

export function terminalSummary(doc: RunDocument, top = 10): string {
  const out: string[] = [];
  out.push(
    `${doc.scenario.name} — ${doc.scenario.horizon} months, ${doc.scenario.measures.length} measure(s)`,
  );
  out.push("");
  for (const line of bottomLine(doc)) out.push(`- ${wrapText(line, "  ")}`);
  out.push("");
  out.push(`Hardest hit (${doc.lossMeasure.id} loss over the horizon: ${doc.lossMeasure.meaning})`);
  const states = doc.actors.filter((a) => a.kind !== "bloc");
  out.push(table(states.slice(0, top)));
  if (doc.eu) {
    out.push("");
    out.push(
      `The EU as a bloc: loses ${usd(doc.eu.bloc.loss)}${doc.eu.bloc.lossGdpShare !== undefined ? ` (${pct(doc.eu.bloc.lossGdpShare)} of its GDP)` : ""}, security index loss ${pct(doc.eu.bloc.securityIndexLoss)}`,
    );
    out.push("");
    out.push("EU member states");
    out.push(table(doc.eu.members));
  }
  const drivers = bindingDrivers(states);
  if (drivers.length > 0) {
    out.push("");
    out.push("What drove it: goods whose shortage bound output (value added lost while they did)");
    const rows = drivers.slice(0, 6);
    out.push(
      textTable(
        ["good", "value added lost"],
        rows.map(([g, v]) => [namesOf(doc).goodLabel(g), usd(v)]),
      ),
    );
  }
  if (doc.council) {
    const c = doc.council;
    const top = [...c.members].sort((x, y) => x.gain - y.gain)[0];
    out.push("");
    out.push(
      `Council (${c.rules.join(" + ")}): the measure ${c.vote.pass ? "passes" : "fails"}; against: ${c.vote.no.join(", ") || "none"}${top && top.gain < 0 ? `; ${top.member} bears ${pct(top.costShare)} of the members' cost` : ""}`,
    );
    if (!c.compensation.passesWithoutTransfers && c.compensation.status === "optimal")
      out.push(
        `Least compensation to pass: ${usd(c.compensation.total)} (${c.compensation.bought.join(", ")} bought${c.compensation.fromBudget > 0 ? `, ${usd(c.compensation.fromBudget)} from the EU budget` : ""})`,
      );
  }
  if (doc.capacityShare) {
    const c = doc.capacityShare;
    out.push("");
    out.push(
      `${c.actors.join("+")} share of world ${c.good} capacity: ${pct(c.baseline)} at baseline, ${pct(c.horizon)} in month ${doc.scenario.horizon}, of which ${pct(c.added)} from this scenario's investments${c.paper !== undefined ? ` (the paper: ≈${pct(c.paper)})` : ""}`,
    );
  }
  return `${out.join("\n")}\n`;
}

function table(actors: RunDocument["actors"]): string {
  return textTable(
    [
      "actor",
      "loss",
      "of GDP",
      "final use lost",
      "VA lost (chain)",
      "downstream",
      "security index loss",
      "worst month (largest loss)",
      "recovered (loss < 1% of VA)",
    ],
    actors.map((a) => [
      a.name,
      usd(a.loss),
      a.lossGdpShare === undefined ? "–" : pct(a.lossGdpShare),
      usd(a.finalUseLost),
      usd(a.valueAddedLost),
      usd(a.downstreamLost),
      pct(a.securityIndexLoss),
      worst(a.worstMonth),
      month(a.recoveryMonth),
    ]),
  );
}
