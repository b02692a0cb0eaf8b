/**
 * An actor's profile as a report: its chokepoints, its exposure, its leverage over and under
 * each major power, with Vega-Lite charts (analysis/profile.ts computes the figures; the
 * Markdown and HTML writers render the blocks).
 * @module
 */
import type { Profile } from "../analysis/profile.js";
import type { Block, Report } from "./blocks.js";
import { type Chart, chartBlocks } from "./charts.js";
import { chokepointTableOf, MEASURED_COLUMNS } from "./chokepoint-table.js";
import { pct, usd } from "./format.js";
import { idLabels, type Labels } from "./labels.js";

const WIDTH = 560;
const SHOWN = 15;

/** `sections`: further blocks after the leverage (for a bloc: who depends on its goods). */
export function profileReport(
  p: Profile,
  sections: readonly Block[] = [],
  labels: Labels = idLabels,
): Report {
  const a = p.actor;
  const b: Block[] = [
    { kind: "heading", level: 1, text: `Profile: ${a.name} (${a.id})` },
    {
      kind: "paragraph",
      text: `Horizon ${p.horizon} months. ${a.kind === "bloc" ? `A bloc of ${a.members.length} members; its figures are its members' summed. ` : ""}Value added is in US dollars over the horizon, in the modelled goods; docs/analysis.md defines every figure.`,
    },
    ...chokepointBlocks(p, labels),
    ...exposureBlocks(p, labels),
    ...leverageBlocks(p, labels),
    ...sections,
  ];
  return { title: `Profile: ${a.name}`, blocks: b, data: p };
}

function chokepointBlocks(p: Profile, l: Labels): Block[] {
  const rows = p.chokepoints.filter((r) => r.score > 0).slice(0, SHOWN);
  const out: Block[] = [{ kind: "heading", level: 2, text: "Its chokepoints" }];
  if (rows.length === 0) {
    out.push({ kind: "paragraph", text: `${p.actor.name} is not a chokepoint for any good.` });
    return out;
  }
  out.push(
    {
      kind: "paragraph",
      text: "Score = share of world output × criticality downstream × (1 − substitutability within the horizon); rank = the place the row would take in the world's chokepoint table.",
    },
    {
      kind: "table",
      ...chokepointTableOf(rows, ["rank", "good", ...MEASURED_COLUMNS], l),
    },
    ...chartBlocks(scoreChart(p, l)),
  );
  return out;
}

function exposureBlocks(p: Profile, l: Labels): Block[] {
  const e = p.exposure;
  const deps = e.dependencies.slice(0, SHOWN);
  const out: Block[] = [
    { kind: "heading", level: 2, text: "Its exposure" },
    {
      kind: "paragraph",
      text: `What ${p.actor.name} buys from others, from whom, with how many months of stock, and its loss over the horizon (the total measure: final use it goes without and value added its industries lose) if that supplier withholds that good (simulated where the estimate reaches ${pct(e.threshold)} of its value added; the estimate otherwise, marked ≤).`,
    },
    {
      kind: "table",
      header: [
        "good",
        "supplier",
        "share of its use",
        "value a year",
        "stock (months)",
        "loss",
        "share",
        "security index loss",
      ],
      align: ["left", "left", "right", "right", "right", "right", "right", "right"],
      tips: deps.map((d) => [d.good, d.supplier]),
      rows: deps.map((d) => [
        l.good(d.good),
        l.actor(d.supplier),
        pct(d.shareOfUse),
        usd(d.value),
        String(d.stockMonths),
        `${d.simulated ? "" : "≤ "}${usd(d.loss)}`,
        `${d.simulated ? "" : "≤ "}${pct(d.lossShare)}`,
        d.simulated ? pct(d.securityLoss) : "–",
      ]),
    },
    ...chartBlocks(exposureChart(p, l)),
  ];
  if (e.members) {
    out.push(
      { kind: "heading", level: 3, text: "Members' dependence outside the bloc" },
      {
        kind: "table",
        header: ["member", "imports from outside a year", "share of its receipts", "largest"],
        align: ["left", "right", "right", "left"],
        tips: e.members.map((m) => [m.member]),
        rows: e.members.map((m) => [
          l.actor(m.member),
          usd(m.extraImports),
          pct(m.extraShare),
          m.top
            .map((t) => `${l.good(t.good)} from ${l.actor(t.supplier)} (${pct(t.shareOfUse)})`)
            .join("; "),
        ]),
      },
    );
  }
  return out;
}

function leverageBlocks(p: Profile, l: Labels): Block[] {
  if (p.leverage.length === 0) return [];
  return [
    { kind: "heading", level: 2, text: "Its leverage over and under each major power" },
    {
      kind: "paragraph",
      text: `Over: ${p.actor.name} withholds everything it ships to the power for the whole horizon; under: the power does the same to ${p.actor.name}. Damage is the target's total loss (final use it goes without and value added its industries lose; negative: a gain) and its security-index loss; cost is the withholder's loss in the same measure, mostly its lost exports. Asymmetry = damage over − damage under, in shares of each one's value added.`,
    },
    {
      kind: "table",
      header: [
        "power",
        "damage over",
        "security loss over",
        "cost over",
        "damage under",
        "security loss under",
        "cost under",
        "asymmetry",
      ],
      align: ["left", "right", "right", "right", "right", "right", "right", "right"],
      tips: p.leverage.map((x) => [x.power]),
      rows: p.leverage.map((x) => [
        l.actor(x.power),
        `${usd(x.over.damage)} (${pct(x.over.damageShare)})`,
        pct(x.over.securityLoss),
        `${usd(x.over.cost)} (${pct(x.over.costShare)})`,
        `${usd(x.under.damage)} (${pct(x.under.damageShare)})`,
        pct(x.under.securityLoss),
        `${usd(x.under.cost)} (${pct(x.under.costShare)})`,
        pct(x.over.asymmetryShare),
      ]),
    },
    ...chartBlocks(leverageChart(p, l)),
  ];
}

function scoreChart(p: Profile, l: Labels): Chart {
  const values = p.chokepoints
    .filter((r) => r.score > 0)
    .slice(0, SHOWN)
    .map((r) => ({ good: l.good(r.good), id: r.good, score: r.score, share: r.share }));
  return {
    id: "profile-chokepoints",
    title: `Chokepoint scores of ${p.actor.name}`,
    values,
    valueField: "score",
    valueWords: "score",
    empty: `${p.actor.name} is not a chokepoint for any good`,
    spec: {
      width: WIDTH,
      height: 22 * Math.max(3, values.length),
      data: { values },
      mark: "bar",
      encoding: {
        y: { field: "good", type: "nominal", sort: "-x", title: null },
        x: { field: "score", type: "quantitative", title: "chokepoint score" },
        tooltip: [{ field: "good" }, { field: "share", format: ".1%" }],
      },
    },
  };
}

function exposureChart(p: Profile, l: Labels): Chart {
  const values = p.exposure.dependencies.slice(0, SHOWN).map((d) => ({
    dependency: `${l.good(d.good)} from ${l.actor(d.supplier)}`,
    percent: 100 * d.lossShare,
    simulated: d.simulated ? "simulated" : "estimate (upper)",
  }));
  return {
    id: "profile-exposure",
    title: `Value added ${p.actor.name} loses if the supplier withholds the good, % over ${p.horizon} months`,
    values,
    valueField: "percent",
    valueWords: "loss",
    empty: `${p.actor.name} depends on no supplier above the threshold`,
    spec: {
      width: WIDTH,
      height: 22 * Math.max(3, values.length),
      data: { values },
      mark: "bar",
      encoding: {
        y: {
          field: "dependency",
          type: "nominal",
          sort: "-x",
          title: null,
          axis: { labelLimit: 280 },
        },
        x: { field: "percent", type: "quantitative", title: "% of its value added" },
        color: { field: "simulated", type: "nominal", title: null },
      },
    },
  };
}

function leverageChart(p: Profile, l: Labels): Chart {
  const values = p.leverage.flatMap((x) => [
    {
      power: l.actor(x.power),
      direction: `${p.actor.name} → power`,
      percent: 100 * x.over.damageShare,
    },
    {
      power: l.actor(x.power),
      direction: `power → ${p.actor.name}`,
      percent: 100 * x.under.damageShare,
    },
  ]);
  return {
    id: "profile-leverage",
    title: "Damage of withholding everything, % of the target's value added",
    values,
    valueField: "percent",
    valueWords: "damage",
    spec: {
      width: WIDTH,
      height: 260,
      data: { values },
      mark: "bar",
      encoding: {
        x: { field: "power", type: "nominal", title: null },
        xOffset: { field: "direction" },
        y: { field: "percent", type: "quantitative", title: "% of the target's value added" },
        color: { field: "direction", type: "nominal", title: null },
      },
    },
  };
}
