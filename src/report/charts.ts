/**
 * The charts of a run report as Vega-Lite specifications (plain data): the scenario's headline
 * chart first (who loses and gains, the EU's members, the key goods' output, or a share of
 * world capacity over time), then the others. Actors and goods appear by name, with their ids
 * in the tooltips; month axes end at the horizon. A chart whose values are all zero or all the
 * same is not drawn: `undrawable` says why, and the report prints that sentence instead.
 * @module
 */
import type { RunDocument } from "../run/document.js";
import type { Headline } from "../scenario/schema.js";
import type { Block } from "./blocks.js";
import { NEGLIGIBLE_USD, namesOf } from "./bottom-line.js";
import { bindingDrivers } from "./bound-by.js";
import { usd } from "./format.js";
import { valueCaptureChart, valueShareChart } from "./value-capture.js";

export type VegaLiteSpec = Record<string, unknown>;

export interface Chart {
  id: string;
  title: string;
  spec: VegaLiteSpec;
  /** The chart's data (also in the spec) and the field whose values it draws. */
  values: Record<string, unknown>[];
  valueField: string;
  /** What the values are, for the sentence that replaces a chart with nothing to show. */
  valueWords: string;
  /** Why a chart with no values has none. */
  empty?: string;
}

const WIDTH = 560;
/** A line that stays within this share of its baseline is flat. */
const FLAT = 1e-6;

/** Why a chart would show nothing (no data, every value zero, every value the same), or
 * undefined if it shows something. */
export function undrawable(chart: Chart): string | undefined {
  const v = chart.values.map((r) => Number(r[chart.valueField]));
  if (v.length === 0) return chart.empty ?? "there is nothing to show";
  if (v.every((x) => Math.abs(x) < 1e-12)) return `every ${chart.valueWords} is zero`;
  const lo = Math.min(...v);
  const hi = Math.max(...v);
  if (hi - lo <= FLAT * Math.max(Math.abs(hi), Math.abs(lo)))
    return `every ${chart.valueWords} is the same (${round(hi)})`;
  return undefined;
}

/** A chart, or the sentence that says why it is not drawn (all zero, flat, or empty). */
export function chartBlocks(chart: Chart, level: 2 | 3 = 3): Block[] {
  const why = undrawable(chart);
  if (why)
    return [
      { kind: "heading", level, text: chart.title },
      { kind: "paragraph", text: `Not drawn: ${why}.` },
    ];
  return [
    { kind: "heading", level, text: chart.title },
    { kind: "chart", chart },
  ];
}

function round(x: number): string {
  return Number(x.toPrecision(4)).toString();
}

/** The charts of a run, the headline's first. */
export function reportCharts(doc: RunDocument): Chart[] {
  const headline: Headline = doc.scenario.headline ?? "loss";
  const charts = [
    doc.valueCapture ? valueCaptureChart(doc) : undefined,
    doc.valueCapture ? valueShareChart(doc) : undefined,
    doc.capacityShare ? capacityChart(doc) : undefined,
    lossChart(doc),
    doc.eu ? membersChart(doc) : undefined,
    goodsChart(doc),
    bindingChart(doc),
  ].filter((c): c is Chart => c !== undefined);
  const first = {
    "capacity-share": "capacity-share",
    loss: "hardest-hit",
    eu: "eu-members",
    goods: "goods-output",
    "value-capture": "value-capture",
  }[headline];
  return [...charts.filter((c) => c.id === first), ...charts.filter((c) => c.id !== first)];
}

function monthAxis(horizon: number) {
  return {
    field: "month",
    type: "quantitative",
    title: "month",
    scale: { domain: [1, horizon], nice: false },
    axis: { tickMinStep: 1 },
  };
}

function goodsChart(doc: RunDocument): Chart {
  const names = namesOf(doc);
  const keys =
    doc.scenario.keyGoods && doc.scenario.keyGoods.length > 0
      ? doc.scenario.keyGoods
      : [...doc.goods]
          .sort((a, b) => b.lostShare - a.lostShare)
          .slice(0, 5)
          .map((g) => g.id);
  const shown = doc.goods.filter(
    (g) =>
      keys.includes(g.id) &&
      g.output.some((y) => g.baseline > 0 && Math.abs(y / g.baseline - 1) > FLAT),
  );
  const values = shown.flatMap((g) =>
    g.output.map((y, t) => {
      const r = g.ranges?.output[t];
      return {
        good: names.goodLabel(g.id),
        id: g.id,
        month: t + 1,
        percent: g.baseline > 0 ? (100 * y) / g.baseline : 100,
        ...(r ? { p5: 100 * r.p5, p95: 100 * r.p95 } : {}),
      };
    }),
  );
  const banded = shown.some((g) => g.ranges);
  return {
    id: "goods-output",
    title: "World output of the key goods, % of baseline",
    values,
    valueField: "percent",
    valueWords: "key good's world output, month by month,",
    empty: "the key goods' world output stays at its baseline in every month",
    spec: {
      width: WIDTH,
      height: 260,
      data: { values },
      ...band(
        banded,
        {
          x: monthAxis(doc.scenario.horizon),
          y: { field: "p5", type: "quantitative" },
          y2: { field: "p95" },
          color: { field: "good", type: "nominal" },
        },
        {
          mark: { type: "line", point: false },
          encoding: {
            x: monthAxis(doc.scenario.horizon),
            y: {
              field: "percent",
              type: "quantitative",
              title: "% of baseline world output",
              scale: { zero: false },
            },
            color: { field: "good", type: "nominal", title: "good", legend: { labelLimit: 300 } },
            tooltip: [
              { field: "good" },
              { field: "id", title: "id" },
              { field: "month" },
              { field: "percent", format: ".1f", title: "% of baseline" },
            ],
          },
        },
      ),
    },
  };
}

/** Horizontal bars, with a rule from the 5th to the 95th percentile over the draws on each when
 * the run made draws. */
function errorBars(
  ranged: boolean,
  bars: { mark: unknown; encoding: Record<string, unknown> },
): Record<string, unknown> {
  if (!ranged) return bars;
  const y = {
    ...(bars.encoding.y as Record<string, unknown>),
    // "max" (one value a bar): layered domains are unioned, and a union sorts only by count,
    // min or max.
    sort: { field: "bn", op: "max", order: "descending" },
  };
  return {
    layer: [
      { ...bars, encoding: { ...bars.encoding, y } },
      {
        mark: { type: "rule", color: "#333" },
        encoding: { y, x: { field: "p5", type: "quantitative" }, x2: { field: "p95" } },
      },
    ],
  };
}

/** A chart's marks, with a band under them (the 5th to 95th percentiles over the draws) when
 * the run made draws; without, the marks alone, as before. */
function band(
  banded: boolean,
  area: Record<string, unknown>,
  marks: { mark: unknown; encoding: Record<string, unknown> },
): Record<string, unknown> {
  if (!banded) return marks;
  return {
    layer: [{ mark: { type: "area", opacity: 0.18 }, encoding: area }, marks],
  };
}

function membersChart(doc: RunDocument): Chart {
  const values = doc.eu!.members.map((m) => ({
    member: m.name,
    id: m.id,
    percent: 100 * (m.lossGdpShare ?? 0),
    bn: m.loss / 1e9,
  }));
  return {
    id: "eu-members",
    title: "Loss by EU member state, % of its GDP over the horizon",
    values,
    valueField: "percent",
    valueWords: "member's loss",
    spec: {
      width: WIDTH,
      height: 360,
      data: { values },
      mark: "bar",
      encoding: {
        y: { field: "member", type: "nominal", sort: "-x", title: null, axis: { labelLimit: 260 } },
        x: { field: "percent", type: "quantitative", title: "% of GDP lost (negative: gained)" },
        tooltip: [
          { field: "member" },
          { field: "id", title: "id" },
          { field: "percent", format: ".4f", title: "% of GDP" },
          { field: "bn", format: ".3f", title: "USD bn" },
        ],
      },
    },
  };
}

/** The hardest hit, the largest gainers and the exporters of any export control, by loss. */
function lossChart(doc: RunDocument): Chart {
  const states = doc.actors.filter((a) => a.kind !== "bloc");
  const controls = doc.scenario.measures.filter((m) => m.type === "export_control");
  const by = new Set(controls.flatMap((m) => m.by));
  const on = new Set(controls.flatMap((m) => m.on));
  const picked = new Set([
    ...states.slice(0, 10).filter((a) => a.loss >= NEGLIGIBLE_USD),
    ...states
      .slice(-3)
      .filter((a) => a.loss <= -NEGLIGIBLE_USD)
      .reverse(),
    ...states.filter((a) => by.has(a.id)),
  ]);
  const values = [...picked].map((a) => ({
    actor: a.name,
    id: a.id,
    bn: a.loss / 1e9,
    role: by.has(a.id) ? "imposes the controls" : on.has(a.id) ? "targeted" : "other",
    ...(a.ranges?.loss ? { p5: a.ranges.loss.p5 / 1e9, p95: a.ranges.loss.p95 / 1e9 } : {}),
  }));
  const ranged = values.some((v) => "p5" in v);
  return {
    id: "hardest-hit",
    title: "Who loses and who gains: loss over the horizon, USD bn (negative: a gain)",
    values,
    valueField: "bn",
    valueWords: "actor's loss",
    empty: `no actor loses or gains more than ${usd(NEGLIGIBLE_USD)}`,
    spec: {
      width: WIDTH,
      height: Math.max(120, 22 * values.length),
      data: { values },
      ...errorBars(ranged, {
        mark: "bar",
        encoding: {
          y: {
            field: "actor",
            type: "nominal",
            sort: "-x",
            title: null,
            axis: { labelLimit: 260 },
          },
          x: { field: "bn", type: "quantitative", title: "USD bn" },
          ...(by.size > 0
            ? {
                color: {
                  field: "role",
                  type: "nominal",
                  title: "role",
                  legend: { labelLimit: 240 },
                  scale: {
                    domain: ["imposes the controls", "targeted", "other"],
                    range: ["#d95f02", "#1b9e77", "#7570b3"],
                  },
                },
              }
            : {}),
          tooltip: [
            { field: "actor" },
            { field: "id", title: "id" },
            { field: "bn", format: ".3f", title: "USD bn" },
          ],
        },
      }),
    },
  };
}

function bindingChart(doc: RunDocument): Chart {
  const names = namesOf(doc);
  const values = bindingDrivers(doc.actors).map(([id, v]) => ({
    good: names.goodLabel(id),
    id,
    bn: v / 1e9,
  }));
  return {
    id: "binding-goods",
    title: "Goods that bound output: value added lost while they did, USD bn",
    values,
    valueField: "bn",
    valueWords: "good's value added lost",
    empty: "no good's shortage bound anyone's output",
    spec: {
      width: WIDTH,
      height: Math.max(80, 24 * values.length),
      data: { values },
      mark: "bar",
      encoding: {
        y: { field: "good", type: "nominal", sort: "-x", title: null, axis: { labelLimit: 260 } },
        x: { field: "bn", type: "quantitative", title: "USD bn" },
        tooltip: [
          { field: "good" },
          { field: "id", title: "id" },
          { field: "bn", format: ".3f", title: "USD bn" },
        ],
      },
    },
  };
}

/** Some actors' share of world capacity of a good over time, the part the scenario's
 * investments add, and the paper's figure as a rule. */
function capacityChart(doc: RunDocument): Chart {
  const c = doc.capacityShare!;
  const names = namesOf(doc);
  const who = c.actors.map(names.actor).join(" + ");
  const values = c.monthly.share.flatMap((s, t) => [
    { month: t + 1, percent: 100 * s, series: `${who}: share of world capacity` },
    {
      month: t + 1,
      percent: 100 * (c.monthly.added[t] ?? 0),
      series: "of which this scenario's investments",
    },
  ]);
  const layers: Record<string, unknown>[] = [
    {
      mark: { type: "line", point: false },
      encoding: {
        x: monthAxis(doc.scenario.horizon),
        y: { field: "percent", type: "quantitative", title: "% of world capacity" },
        color: {
          field: "series",
          type: "nominal",
          title: null,
          legend: { orient: "top", labelLimit: 480, columns: 1 },
        },
        tooltip: [
          { field: "series" },
          { field: "month" },
          { field: "percent", format: ".2f", title: "%" },
        ],
      },
    },
  ];
  if (c.ranges) {
    const bandValues = c.ranges.share.map((r, t) => ({
      month: t + 1,
      p5: 100 * r.p5,
      p95: 100 * r.p95,
    }));
    layers.unshift({
      data: { values: bandValues },
      mark: { type: "area", opacity: 0.18 },
      encoding: {
        x: monthAxis(doc.scenario.horizon),
        y: { field: "p5", type: "quantitative" },
        y2: { field: "p95" },
      },
    });
  }
  if (c.paper !== undefined) {
    const paper = [{ percent: 100 * c.paper, label: `the paper: ≈${round(100 * c.paper)}%` }];
    layers.push(
      {
        data: { values: paper },
        mark: { type: "rule", strokeDash: [4, 4], color: "#666" },
        encoding: { y: { field: "percent", type: "quantitative" } },
      },
      {
        data: { values: paper },
        mark: { type: "text", align: "left", dx: 4, dy: -6, color: "#444" },
        encoding: {
          y: { field: "percent", type: "quantitative" },
          x: { datum: 1, type: "quantitative" },
          text: { field: "label" },
        },
      },
    );
  }
  return {
    id: "capacity-share",
    title: `${who}'s share of world ${names.good(c.good)} capacity, % (month by month)`,
    values,
    valueField: "percent",
    valueWords: "share",
    spec: { width: WIDTH, height: 280, data: { values }, layer: layers },
  };
}
