/**
 * The bottom line, on result documents written by hand, so that each sentence is checked against
 * figures whose answer is known: who loses most and why, the exporter's cost beside its
 * targets', mirrored controls, gains and overshoots, and a scenario where nothing moves. And the
 * charts: a chart whose values are all zero or all the same is replaced by a sentence.
 */
import { describe, expect, it } from "vitest";
import { bottomLine, listOf, theName } from "../../src/report/bottom-line.js";
import { reportCharts, undrawable } from "../../src/report/charts.js";
import { runReport } from "../../src/report/run-report.js";
import type { RunDocument } from "../../src/run/document.js";
import type { ActorResult } from "../../src/run/results.js";

function actor(
  id: string,
  name: string,
  loss: number,
  more: Partial<ActorResult> = {},
): ActorResult {
  return {
    id,
    name,
    kind: "state",
    loss,
    valueAddedLost: 0,
    finalUseLost: 0,
    finalUseValueLost: 0,
    consumerSurplusLost: 0,
    downstreamLost: 0,
    stockDrawn: 0,
    embodiedLost: 0,
    valueAddedBaseline: 1e12,
    downstreamBaseline: 1e12,
    valueAddedLostShare: 0,
    securityIndexLoss: 0,
    securityIndexMin: 1,
    worstMonth: loss > 0 ? 3 : null,
    recoveryMonth: loss > 0 ? 9 : 0,
    boundBy: [],
    monthly: {
      loss: [],
      valueAddedLost: [],
      finalUseLost: [],
      downstreamLost: [],
      securityIndex: [],
    },
    ...more,
  };
}

function doc(actors: ActorResult[], more: Partial<RunDocument> = {}): RunDocument {
  const flat = [100, 100, 100, 100];
  return {
    lossMeasure: { id: "total", meaning: "welfare loss" },
    scenario: {
      name: "hand-made",
      horizon: 4,
      measures: [
        {
          id: "cut",
          type: "export_control",
          start: 1,
          end: 4,
          by: ["XA"],
          on: ["XB"],
          named: { by: ["XA"], on: ["XB"] },
        },
      ],
    },
    units: {} as RunDocument["units"],
    actors: [...actors].sort((a, b) => b.loss - a.loss),
    goods: [
      {
        id: "chips",
        name: "Chips",
        unit: "units",
        baseline: 100,
        output: [100, 60, 80, 104],
        lostShare: 0.14,
      },
      {
        id: "tools",
        name: "Lithography tools",
        unit: "units",
        baseline: 100,
        output: flat,
        lostShare: 0,
      },
    ],
    nodes: [],
    pools: [],
    conservation: { maxOverShipped: 0, maxOverUsed: 0 },
    warnings: [],
    ...more,
  };
}

const A = actor("XA", "United Exporters", 2e9, { finalUseLost: 5e8, valueAddedLost: 1.5e9 });
const B = actor("XB", "Importia", 8e9, {
  lossGdpShare: 0.004,
  finalUseLost: 1e9,
  downstreamLost: 6e9,
  valueAddedLost: 1e9,
  boundBy: [{ good: "chips", valueAddedLost: 7e9 }],
});
const C = actor("XC", "Neutralia", -3e8, { valueAddedLost: -4e8, finalUseLost: 1e8 });

describe("the bottom line", () => {
  const lines = bottomLine(doc([A, B, C]));

  it("says who loses most, how much and why, and when it recovers", () => {
    expect(lines[0]).toBe(
      "Importia, a target of export controls, loses most: $8.00 bn over the 4 months (0.40% of its GDP); the largest part is value added lost in its economy downstream ($6.00 bn), as chips ran short. Its monthly loss peaks in month 3 and stays below 1% of its baseline value added from month 9.",
    );
  });

  it("puts the exporter's own cost beside its target's", () => {
    expect(lines).toContain(
      "The United Exporters, imposing cut, loses $2.00 bn; Importia loses $8.00 bn, 4.0 times the exporters' own cost.",
    );
  });

  it("names what bound output, who gains and why, and output above baseline", () => {
    expect(lines).toContain(
      "What bound output most was chips ($7.00 bn of value added lost while it was short).",
    );
    expect(lines).toContain(
      "Neutralia gains most ($300.0 m): its chain industries produce more than at baseline, selling to buyers that others can no longer serve (trade diversion).",
    );
    expect(lines.at(-1)).toBe(
      "World output of chips rises above its baseline at times (chips up to 104% of baseline, in month 4): once supply returns, buyers rebuild the stocks they drew down while it was short (catch-up output).",
    );
  });

  it("names a second good that bound output only where it cost a tenth of the first", () => {
    // A ripple: tools bound a node for a month, a cent on the dollar of the chips shortage.
    const boundBy = (chips: number, tools: number) =>
      actor("XB", "Importia", 8e9, {
        ...B,
        boundBy: [
          { good: "chips", valueAddedLost: chips },
          { good: "tools", valueAddedLost: tools },
        ],
      });
    const ripple = boundBy(7e9, 6.9e8);
    const one = bottomLine(doc([A, ripple, C]));
    expect(one[0]).toContain("($6.00 bn), as chips ran short.");
    expect(one).toContain(
      "What bound output most was chips ($7.00 bn of value added lost while it was short).",
    );
    const boundCells = (d: RunDocument) =>
      runReport(d).blocks.flatMap((b) => {
        if (b.kind !== "table") return [];
        const col = b.header.indexOf("bound by");
        return col < 0 ? [] : b.rows.map((r) => r[col]);
      });
    expect(boundCells(doc([A, ripple, C]))).toContain("Chips");
    const both = boundBy(6.3e9, 7e8);
    const two = bottomLine(doc([A, both, C]));
    expect(two[0]).toContain("($6.00 bn), as chips and lithography tools ran short.");
    expect(boundCells(doc([A, both, C]))).toContain("Chips, Lithography tools");
    expect(two).toContain(
      "What bound output most was chips ($6.30 bn of value added lost while it was short), then lithography tools.",
    );
  });

  it("joins a control and its retaliation in one sentence", () => {
    const d = doc([A, B, C]);
    d.scenario.measures.push({
      id: "retaliation",
      type: "export_control",
      start: 1,
      end: 4,
      by: ["XB"],
      on: ["XA"],
      named: { by: ["XB"], on: ["XA"] },
    });
    expect(bottomLine(d)).toContain(
      "The United Exporters and Importia restrict exports to each other (cut, retaliation): the United Exporters loses $2.00 bn, Importia loses $8.00 bn.",
    );
  });

  it("says plainly when nothing moves", () => {
    const still = [actor("XA", "A", 0), actor("XB", "B", 0)];
    const d = doc(still, {
      goods: [
        { id: "chips", name: "Chips", unit: "u", baseline: 1, output: [1, 1, 1, 1], lostShare: 0 },
      ],
    });
    d.scenario.measures = [];
    expect(bottomLine(d)).toEqual([
      "No actor loses or gains more than $1.0 m over the 4 months: nothing anyone produces or receives changes.",
    ]);
  });
});

describe("charts with nothing to show", () => {
  it("are replaced by a sentence: zero, flat and empty", () => {
    const base = { id: "c", title: "t", spec: {}, valueField: "v", valueWords: "value" };
    expect(undrawable({ ...base, values: [{ v: 0 }, { v: 0 }] })).toBe("every value is zero");
    expect(undrawable({ ...base, values: [{ v: 100 }, { v: 100 }] })).toBe(
      "every value is the same (100)",
    );
    expect(undrawable({ ...base, values: [], empty: "nobody moved" })).toBe("nobody moved");
    expect(undrawable({ ...base, values: [{ v: 100 }, { v: 99 }] })).toBeUndefined();
  });

  it("leave the flat goods out of the output chart and the report says what is not drawn", () => {
    const d = doc([A, B, C], { scenario: { ...doc([]).scenario, keyGoods: ["chips", "tools"] } });
    const goods = reportCharts(d).find((c) => c.id === "goods-output")!;
    expect(new Set(goods.values.map((v) => v.id))).toEqual(new Set(["chips"]));
    const still = doc([actor("XA", "A", 0)]);
    const report = runReport(still);
    const sentences = report.blocks.flatMap((b) =>
      b.kind === "paragraph" && b.text.startsWith("Not drawn") ? [b.text] : [],
    );
    expect(sentences).toContain("Not drawn: every actor's loss is zero.");
    expect(
      report.blocks.filter((b) => b.kind === "chart").map((b) => b.kind === "chart" && b.chart.id),
    ).toEqual(["goods-output"]);
  });

  it("month axes end at the horizon", () => {
    const goods = reportCharts(doc([A, B])).find((c) => c.id === "goods-output")!;
    const x = (goods.spec.encoding as { x: { scale: { domain: number[] } } }).x;
    expect(x.scale.domain).toEqual([1, 4]);
  });
});

describe("words", () => {
  it("lists and articles", () => {
    expect(listOf(["A"])).toBe("A");
    expect(listOf(["A", "B", "C"])).toBe("A, B and C");
    expect(listOf(["A", "B", "C", "D", "E", "F"])).toBe("A, B, C and 3 more");
    expect(theName("Netherlands", true)).toBe("The Netherlands");
    expect(theName("Rest of world")).toBe("the rest of the world");
    expect(theName("Poland")).toBe("Poland");
  });
});
