/**
 * A sensitivity result as a table (the terminal, CSV) and as a report with the tornado chart
 * (or the Sobol indices' chart), in the output's own unit: dollars for a loss, a percentage
 * for a share, a plain number otherwise.
 * @module
 */
import type { SensitivityResult } from "../run/sensitivity.js";
import type { Block, Report } from "./blocks.js";
import { type Chart, chartBlocks } from "./charts.js";
import { formatNumber, pct, score, usd } from "./format.js";
import type { Table } from "./table.js";

/** How the output's numbers read: USD for losses, shares as percentages. */
function unitOf(output: string): (x: number) => string {
  const last = output.split(".").at(-1) ?? "";
  if (/Share$|^share$|^horizon$|^baseline$|^added$|IndexLoss$/.test(last)) return (x) => pct(x);
  if (/[Ll]oss$|[Ll]ost$|^loss$/.test(last)) return usd;
  return formatNumber;
}

export function sensitivityTable(r: SensitivityResult): Table {
  const f = unitOf(r.output);
  if (r.tornado)
    return {
      name: "tornado",
      columns: [
        { header: "group" },
        { header: "figures", align: "right" },
        { header: "at its 5th percentile", align: "right" },
        { header: "at its 95th", align: "right" },
        { header: "swing", align: "right" },
      ],
      rows: r.tornado.map((b) => [
        b.group,
        b.figures,
        { text: f(b.low), value: b.low },
        { text: f(b.high), value: b.high },
        { text: f(b.swing), value: b.swing },
      ]),
    };
  const s = r.sobol!;
  return {
    name: "sobol",
    columns: [
      { header: "group" },
      { header: "figures", align: "right" },
      { header: "first-order index", align: "right" },
      { header: "95% interval", align: "right" },
      { header: "total index", align: "right" },
      { header: "95% interval ", align: "right" },
    ],
    rows: s.indices.map((x) => [
      x.group,
      x.figures,
      { text: score(x.first.estimate), value: x.first.estimate },
      `${score(x.first.low)} to ${score(x.first.high)}`,
      { text: score(x.total.estimate), value: x.total.estimate },
      `${score(x.total.low)} to ${score(x.total.high)}`,
    ]),
  };
}

function chartOf(r: SensitivityResult): Chart {
  const f = unitOf(r.output);
  if (r.tornado) {
    const bars = r.tornado.filter((b) => b.swing > 0).slice(0, 15);
    // Dollars in billions on the axis; other units as they are.
    const money = f === usd;
    const k = money ? 1e-9 : 1;
    const axis = money ? `${r.output}, USD bn` : r.output;
    const values = bars.flatMap((b) => [
      { group: b.group, end: "5th percentile", from: k * r.central, to: k * b.low, swing: b.swing },
      {
        group: b.group,
        end: "95th percentile",
        from: k * r.central,
        to: k * b.high,
        swing: b.swing,
      },
    ]);
    return {
      id: "tornado",
      title: `Tornado: ${r.output} with each group of figures at its 5th and 95th percentile (central: ${f(r.central)})`,
      values: values.map((v) => ({ ...v, value: v.to })),
      valueField: "value",
      valueWords: "output",
      empty: "no group of figures moves the output",
      spec: {
        width: 560,
        height: Math.max(80, 24 * bars.length),
        data: { values },
        mark: "bar",
        encoding: {
          y: {
            field: "group",
            type: "nominal",
            sort: { field: "swing", order: "descending" },
            title: null,
            axis: { labelLimit: 260 },
          },
          x: { field: "from", type: "quantitative", title: axis, scale: { zero: false } },
          x2: { field: "to" },
          color: { field: "end", type: "nominal", title: "group at its" },
        },
      },
    };
  }
  const values = r.sobol!.indices.slice(0, 15).map((x) => ({
    group: x.group,
    total: x.total.estimate,
    low: x.total.low,
    high: x.total.high,
  }));
  return {
    id: "sobol",
    title: `Total Sobol indices of ${r.output}, with 95% intervals`,
    values,
    valueField: "total",
    valueWords: "index",
    spec: {
      width: 560,
      height: Math.max(80, 24 * values.length),
      data: { values },
      layer: [
        {
          mark: "bar",
          encoding: {
            y: { field: "group", type: "nominal", sort: "-x", title: null },
            x: { field: "total", type: "quantitative", title: "total index" },
          },
        },
        {
          mark: { type: "rule", color: "#333" },
          encoding: {
            y: { field: "group", type: "nominal", sort: "-x" },
            x: { field: "low", type: "quantitative" },
            x2: { field: "high" },
          },
        },
      ],
    },
  };
}

export function sensitivityReport(r: SensitivityResult): Report {
  const f = unitOf(r.output);
  const t = sensitivityTable(r);
  const top = r.tornado?.[0] ?? r.sobol?.indices[0];
  const lead = r.tornado
    ? `${r.output} is ${f(r.central)} at central values; it moves most with the figures of ${top?.group ?? "no group"}${r.tornado[0] ? ` (from ${f(r.tornado[0].low)} to ${f(r.tornado[0].high)} as they go from their 5th to their 95th percentile)` : ""}.`
    : `${r.output} is ${f(r.central)} at central values; its variance over the figures' ranges comes most from ${top?.group ?? "no group"} (total index ${score(r.sobol!.indices[0]?.total.estimate ?? 0)}).`;
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: `Sensitivity: ${r.scenario}` },
    { kind: "heading", level: 2, text: "Bottom line" },
    { kind: "list", id: "bottom-line", items: [lead] },
    ...chartBlocks(chartOf(r), 2),
    {
      kind: "paragraph",
      text: `${r.groups.length} groups of figures given as distributions, by ${r.by}; ${r.evaluations} runs of the scenario. ${r.tornado ? "Each group at its 5th and 95th percentile, every other figure at its central value." : `Sobol indices by Saltelli sampling (${r.sobol!.samples} rows, seed ${r.sobol!.seed}): first order by Saltelli et al. (2010), total by Jansen (1999), 95% bootstrap intervals.`} docs/model.md, "Sensitivity", states the method.`,
    },
    {
      kind: "table",
      header: t.columns.map((c) => c.header),
      align: t.columns.map((c) => c.align ?? "left"),
      rows: t.rows.map((row) =>
        row.map((c) =>
          typeof c === "object" ? c.text : typeof c === "number" ? String(c) : String(c),
        ),
      ),
    },
  ];
  return { title: `Sensitivity: ${r.scenario}`, blocks, data: r };
}
