/**
 * The charts of a run report as Vega-Lite specifications (plain data): output of key goods over
 * time, losses by EU member state, the goods that bound, the hardest-hit actors.
 * @module
 */
import type { RunDocument } from "../run/document.js";

export type VegaLiteSpec = Record<string, unknown>;

export interface Chart {
  id: string;
  title: string;
  spec: VegaLiteSpec;
}

const WIDTH = 560;

export function reportCharts(doc: RunDocument, goods?: readonly string[]): Chart[] {
  const charts: Chart[] = [];
  const key =
    goods && goods.length > 0
      ? goods
      : [...doc.goods]
          .sort((a, b) => b.lostShare - a.lostShare)
          .slice(0, 5)
          .map((g) => g.id);
  const series = doc.goods
    .filter((g) => key.includes(g.id))
    .flatMap((g) =>
      g.output.map((y, t) => ({
        good: g.id,
        month: t + 1,
        percent: g.baseline > 0 ? (100 * y) / g.baseline : 100,
      })),
    );
  charts.push({
    id: "goods-output",
    title: "World output of the key goods, % of baseline",
    spec: {
      width: WIDTH,
      height: 260,
      data: { values: series },
      mark: { type: "line", point: false },
      encoding: {
        x: { field: "month", type: "quantitative", title: "month" },
        y: {
          field: "percent",
          type: "quantitative",
          title: "% of baseline world output",
          scale: { zero: false },
        },
        color: { field: "good", type: "nominal", title: "good" },
      },
    },
  });
  if (doc.eu) {
    charts.push({
      id: "eu-members",
      title: "Loss by EU member state, % of its GDP over the horizon",
      spec: {
        width: WIDTH,
        height: 320,
        data: {
          values: doc.eu.members.map((m) => ({
            member: m.id,
            percent: 100 * (m.lossGdpShare ?? 0),
            usd: m.loss,
          })),
        },
        mark: "bar",
        encoding: {
          y: { field: "member", type: "nominal", sort: "-x", title: null },
          x: { field: "percent", type: "quantitative", title: "% of GDP lost" },
          tooltip: [{ field: "member" }, { field: "usd", format: ",.0f" }],
        },
      },
    });
  }
  const drivers = new Map<string, number>();
  for (const a of doc.actors)
    if (a.kind !== "bloc")
      for (const b of a.boundBy) drivers.set(b.good, (drivers.get(b.good) ?? 0) + b.valueAddedLost);
  if (drivers.size > 0) {
    charts.push({
      id: "binding-goods",
      title: "Goods that bound output: value added lost while they did, USD bn",
      spec: {
        width: WIDTH,
        height: 200,
        data: { values: [...drivers].map(([good, v]) => ({ good, bn: v / 1e9 })) },
        mark: "bar",
        encoding: {
          y: { field: "good", type: "nominal", sort: "-x", title: null },
          x: { field: "bn", type: "quantitative", title: "USD bn" },
        },
      },
    });
  }
  const hit = doc.actors.filter((a) => a.kind !== "bloc").slice(0, 12);
  charts.push({
    id: "hardest-hit",
    title: "Hardest-hit actors: loss, USD bn",
    spec: {
      width: WIDTH,
      height: 260,
      data: { values: hit.map((a) => ({ actor: a.id, bn: a.loss / 1e9 })) },
      mark: "bar",
      encoding: {
        y: { field: "actor", type: "nominal", sort: "-x", title: null },
        x: { field: "bn", type: "quantitative", title: "USD bn" },
      },
    },
  });
  return charts;
}
