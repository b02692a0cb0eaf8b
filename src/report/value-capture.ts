/**
 * The report's section on an automation path: the value-capture chart (the followed actors'
 * manufacturing value by origin, year by year), their share with and without the EU's policies
 * with its range over the automation rates, the shock on later years, and in plain words what
 * insures and what does not (docs/model.md §8).
 * @module
 */
import type { RunDocument } from "../run/document.js";
import type { ValueCapture } from "../run/value-capture-schema.js";
import type { YearCapture } from "../valuechain/capture.js";
import type { Block } from "./blocks.js";
import { namesOf } from "./bottom-line.js";
import type { Chart } from "./charts.js";
import { pct, usd } from "./format.js";

const WIDTH = 560;

function who(doc: RunDocument, v: ValueCapture): string {
  const names = namesOf(doc);
  return v.actors.map(names.actor).join(" + ");
}

/** The two foreign actors that capture most of the value at the end of the path. */
function leadingForeign(v: ValueCapture): string[] {
  const last = v.path[v.path.length - 1]!;
  return Object.entries(last.foreign)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 2)
    .map(([id]) => id);
}

function originRows(doc: RunDocument, v: ValueCapture, y: YearCapture) {
  const names = namesOf(doc);
  const w = who(doc, v);
  const lead = leadingForeign(v);
  let rest = 0;
  for (const [id, s] of Object.entries(y.foreign)) if (!lead.includes(id)) rest += s;
  return [
    { origin: `${w}: its makers' own value added`, share: y.origin.makers, order: 1 },
    { origin: `${w}: its AI inputs`, share: y.origin.aiInputs, order: 2 },
    { origin: `${w}: its other industries`, share: y.origin.other, order: 3 },
    ...lead.map((id, i) => ({ origin: names.actor(id), share: y.foreign[id] ?? 0, order: 4 + i })),
    { origin: "rest of the world", share: rest, order: 6 },
    { origin: "inputs no actor's (untraced)", share: y.origin.untraced, order: 7 },
  ];
}

/** The headline chart: the value of the followed manufacturing by origin, year by year. */
export function valueCaptureChart(doc: RunDocument): Chart {
  const v = doc.valueCapture!;
  const values = v.path.flatMap((y) =>
    originRows(doc, v, y).map((r) => ({ year: y.year, ...r, percent: 100 * r.share })),
  );
  const names = namesOf(doc);
  return {
    id: "value-capture",
    title: `Who captures the value of ${who(doc, v)}'s manufacturing (${v.goods.map(names.good).join(", ")}), % of its value, ${v.baseYear}–${v.years[v.years.length - 1]}`,
    values,
    valueField: "percent",
    valueWords: "share of the value by origin",
    spec: {
      width: WIDTH,
      height: 280,
      data: { values },
      mark: { type: "area" },
      encoding: {
        x: {
          field: "year",
          type: "quantitative",
          title: "year",
          axis: { format: "d", tickMinStep: 1 },
        },
        y: {
          field: "percent",
          type: "quantitative",
          stack: "zero",
          title: "% of the value",
          scale: { domain: [0, 100] },
        },
        color: {
          field: "origin",
          type: "nominal",
          title: null,
          sort: { field: "order" },
          legend: { orient: "bottom", columns: 2, labelLimit: 280 },
        },
        order: { field: "order", type: "quantitative" },
        tooltip: [
          { field: "origin" },
          { field: "year" },
          { field: "percent", format: ".1f", title: "%" },
        ],
      },
    },
  };
}

/** The followed actors' share, with and without the EU's policies, and its range. */
export function valueShareChart(doc: RunDocument): Chart {
  const v = doc.valueCapture!;
  const w = who(doc, v);
  const values = [
    ...v.path.map((y) => ({ year: y.year, percent: 100 * y.share, series: "with the policies" })),
    ...(v.without ?? []).map((y) => ({
      year: y.year,
      percent: 100 * y.share,
      series: "without the EU's policies",
    })),
  ];
  const band = v.path.map((y, i) => {
    const a = 100 * v.low[i]!.share;
    const b = 100 * v.high[i]!.share;
    return { year: y.year, lo: Math.min(a, b), hi: Math.max(a, b) };
  });
  const x = {
    field: "year",
    type: "quantitative",
    title: "year",
    axis: { format: "d", tickMinStep: 1 },
  };
  return {
    id: "value-share",
    title: `${w}'s share of the value of its manufacturing, %, with and without the EU's policies (band: low to high automation rates)`,
    values,
    valueField: "percent",
    valueWords: "share of the value",
    spec: {
      width: WIDTH,
      height: 240,
      layer: [
        {
          data: { values: band },
          mark: { type: "area", opacity: 0.18 },
          encoding: { x, y: { field: "lo", type: "quantitative" }, y2: { field: "hi" } },
        },
        {
          data: { values },
          mark: { type: "line", point: true },
          encoding: {
            x,
            y: {
              field: "percent",
              type: "quantitative",
              title: "% of the value",
              scale: { zero: false },
            },
            color: { field: "series", type: "nominal", title: null, legend: { orient: "top" } },
            tooltip: [
              { field: "series" },
              { field: "year" },
              { field: "percent", format: ".2f", title: "%" },
            ],
          },
        },
      ],
    },
  };
}

/** The section's blocks (after the headline chart): what the path says, in plain words. */
export function valueCaptureBlocks(doc: RunDocument): Block[] {
  const v = doc.valueCapture!;
  const names = namesOf(doc);
  const w = who(doc, v);
  const first = v.path[0]!;
  const last = v.path[v.path.length - 1]!;
  const lastYear = last.year;
  const b: Block[] = [{ kind: "heading", level: 2, text: "Who captures the value" }];
  const lowEnd = v.low[v.low.length - 1]!.share;
  const highEnd = v.high[v.high.length - 1]!.share;
  const rates = v.sectors
    .map(
      (s) =>
        `${s.goods.map(names.good).join(", ")}: ${pct(s.ratePerYear.mode)} a year (${pct(s.ratePerYear.low)}–${pct(s.ratePerYear.high)}; source ${s.ratePerYear.source})`,
    )
    .join("; ");
  b.push({
    kind: "paragraph",
    id: "value-capture-summary",
    text: `In ${v.baseYear}, ${pct(first.share)} of the value of ${w}'s manufacturing (${usd(first.outputValue)} a year) is ${w}'s own value added, ${pct(first.origin.makers)} of it its makers' own. Automation moves each year a share of the makers' own value added to AI inputs (${rates}), bought from ${v.inputs.map((i) => `${names.good(i.good)} ${pct(i.share)}`).join(", ")}. By ${lastYear} ${w} keeps ${pct(last.share)} with the policies (${pct(Math.min(lowEnd, highEnd))}–${pct(Math.max(lowEnd, highEnd))} from the high to the low rate)${v.without ? `, ${pct(v.without[v.without.length - 1]!.share)} without the EU's` : ""}; its makers' own share falls to ${pct(last.origin.makers)}, and AI inputs bought cost ${pct(last.aiInputIntensity)} of the output's value (${pct(first.aiInputIntensity)} in ${v.baseYear}), ${pct(last.aiInputsOwnShare)} of them made in ${w}.`,
  });
  b.push({ kind: "list", id: "insurance", items: insurance(doc, v) });
  b.push({
    kind: "table",
    id: "value-capture-years",
    header: [
      "year",
      `${w}'s share`,
      "without the EU's policies",
      "makers' own",
      "AI inputs per $ of output",
      "of which made in " + w,
      `${w}'s share of world value of these goods`,
      "of world value added",
    ],
    align: ["left", "right", "right", "right", "right", "right", "right", "right"],
    rows: v.path.map((y, i) => [
      String(y.year),
      pct(y.share),
      v.without ? pct(v.without[i]!.share) : "–",
      pct(y.origin.makers),
      pct(y.aiInputIntensity),
      pct(y.aiInputsOwnShare),
      pct(y.worldShare),
      pct(y.worldValueAdded),
    ]),
  });
  if (v.policies.length > 0)
    b.push({
      kind: "table",
      id: "value-capture-policies",
      header: [
        "policy",
        "good",
        "buyers",
        "from",
        "share of their supply",
        "from",
        "by",
        "the EU's",
      ],
      rows: v.policies.map((p) => [
        p.id,
        names.good(p.good),
        listOf(p.buyers),
        listOf(p.from),
        `${pct(p.share.mode)} (${pct(p.share.low)}–${pct(p.share.high)}; ${p.share.source})`,
        String(p.start),
        String(p.by),
        p.eu ? "yes" : "no",
      ]),
    });
  if (v.inconsistent.length > 0)
    b.push({
      kind: "paragraph",
      text: `Data note: in ${v.inconsistent.length} node(s) (${v.inconsistent.slice(0, 3).join(", ")}${v.inconsistent.length > 3 ? "…" : ""}) the listed inputs and own value added exceed the price; their inputs are scaled to fit (docs/model.md §8).`,
    });
  return b;
}

function listOf(ids: readonly string[]): string {
  return ids.length > 6
    ? `${ids.slice(0, 5).join(", ")} and ${ids.length - 5} more`
    : ids.join(", ");
}

/** What insures and what does not, in plain words, from the path's own numbers. */
export function insurance(doc: RunDocument, v: ValueCapture): string[] {
  const w = who(doc, v);
  const first = v.path[0]!;
  const last = v.path[v.path.length - 1]!;
  const items: string[] = [];
  const lost = first.share - last.share;
  const uninsured = v.without ? first.share - v.without[v.without.length - 1]!.share : undefined;
  items.push(
    lost > 0
      ? `Automation costs ${w} ${pct(lost)} of the value of its manufacturing by ${last.year}${uninsured === undefined ? "" : ` with the EU's policies, ${pct(uninsured)} without them`}: what its makers' workers and capital earned goes to the makers of compute, cloud, models and automated systems, ${pct(1 - last.aiInputsOwnShare)} of them outside ${w}.`
      : `On this path ${w} loses no share of the value of its manufacturing (${pct(first.share)} → ${pct(last.share)}).`,
  );
  if (v.without) {
    const without = v.without[v.without.length - 1]!;
    const gain = last.share - without.share;
    const euPolicies = v.policies.filter((p) => p.eu);
    items.push(
      gain > 1e-4
        ? `The EU's policies (${euPolicies.map((p) => p.id).join(", ")}) insure ${pct(gain)} of the value by ${last.year}: ${pct(lost > 0 ? Math.min(1, gain / (first.share - without.share)) : 0)} of what automation would otherwise move out of ${w}. What insures is making the AI inputs in ${w}: the value automation moves stays where the inputs are made.`
        : `The EU's policies (${euPolicies.map((p) => p.id).join(", ")}) insure almost nothing (${pct(gain)} of the value by ${last.year}): they do not change where the AI inputs of ${w}'s manufacturing are made.`,
    );
  }
  items.push(
    `What does not insure: holding the makers alone. ${w}'s makers keep their own share only of the work not automated (${pct(last.origin.makers)} of the value by ${last.year}, from ${pct(first.origin.makers)}); the rest of the value follows the AI inputs, and a rate of automation faster than assumed (${pct(v.high[v.high.length - 1]!.share)} at the high rate) moves more of it.`,
  );
  const s = v.shocks;
  if (s && s.with.length > 1) {
    const a = s.with[0]!;
    const z = s.with[s.with.length - 1]!;
    const grows = z.loss > a.loss;
    const without = s.without?.[s.without.length - 1];
    items.push(
      `The scenario's measures, run as a shock on the structure of ${a.year} and of ${z.year}: ${w} loses ${usd(a.loss)} in ${a.year} and ${usd(z.loss)} in ${z.year} (${pct(a.lossShare, 3)} and ${pct(z.lossShare, 3)} of its manufacturing output over ${s.horizon} months)${grows ? ": the exposure grows as automation deepens" : ": the exposure does not grow on this path"}${without ? `; without the EU's policies it would lose ${usd(without.loss)} in ${z.year}` : ""}.`,
    );
  }
  return items;
}
