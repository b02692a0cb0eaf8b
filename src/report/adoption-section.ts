/**
 * The adoption section of a run report (conditional access, `run/adoption.ts`): the answer in
 * plain words for the bottom line, the adoption timeline chart (shares of world GDP and AI
 * compute under the rule, month by month), who adopts when and why, what conditioning costs
 * the conditioning actors, what would tip the cascade and whom to court first.
 * @module
 */
import type { AdoptionResult } from "../run/adoption-schema.js";
import type { Block } from "./blocks.js";
import { listOf } from "./bottom-line.js";
import type { Chart } from "./charts.js";
import { pct, usd } from "./format.js";

const WIDTH = 560;

/** The bottom line's first sentences: who adopts, the shares, the own cost, the tipping point. */
export function adoptionBottomLine(a: AdoptionResult, name: (id: string) => string): string[] {
  const adopters = a.actors.filter((x) => x.adopted).sort((x, y) => x.month! - y.month!);
  const by = listOf(a.by.length > 3 ? ["the EU"] : a.by.map(name));
  const out: string[] = [];
  if (adopters.length === 0)
    out.push(
      `No one adopts ${a.rule.name}: for every candidate the access ${by} conditions is worth less than complying (the most any gains is ${usd(Math.max(0, ...a.actors.map((x) => x.value)))}, against compliance costs of ${usd(Math.min(...a.actors.map((x) => x.cost)))} and more); the rule covers ${pct(a.final.gdpShare)} of world GDP and ${pct(a.final.computeShare)} of world AI compute, the conditioning actors' own.`,
    );
  else
    out.push(
      `${adopters.length} of ${a.actors.length} candidates adopt ${a.rule.name}: ${listOf(
        adopters.map((x) => `${name(x.id)} (month ${x.month})`),
        8,
      )}. By month ${a.timeline.length} the rule covers ${pct(a.final.gdpShare)} of world GDP and ${pct(a.final.computeShare)} of world AI compute.`,
    );
  out.push(
    `Conditioning costs ${by} ${usd(a.ownCost.withCascade)} over the horizon (${usd(a.ownCost.nobodyAdopts)} if no one adopted): what it no longer sells to those it cuts off.`,
  );
  const cut = a.tipping.costCut;
  out.push(
    cut.cut === undefined
      ? `No cut in compliance costs gets the cascade to ${pct(a.tipping.target)} of world GDP: even a free rule reaches ${pct(cut.share)}.`
      : cut.cut === 0
        ? `The cascade reaches the target of ${pct(a.tipping.target)} of world GDP at the costs as given.`
        : `Tipping point: cutting every compliance cost by ${pct(cut.cut)} (a subsidy or a lighter rule) takes the cascade to ${pct(cut.share)} of world GDP, past the target of ${pct(a.tipping.target)}.`,
  );
  const g = a.tipping.goods;
  if (g)
    out.push(
      g.goods === undefined
        ? `Conditioning more goods (${listOf(g.tried.at(-1)?.goods ?? [])}) does not get it there: at most ${pct(g.share)} of world GDP.`
        : g.goods.length === 0
          ? "No more goods need to be conditioned to reach the target."
          : `Conditioning ${listOf(g.goods)} as well takes it to ${pct(g.share)} of world GDP.`,
    );
  if (a.courting)
    out.push(
      `Whom to court first: ${listOf(a.courting.seeds.map(name))} (greedy choice of ${a.courting.k}); with ${a.courting.k === 1 ? "it" : "them"} on board at the start, the rule reaches ${pct(a.courting.gdpShare)} of world GDP.`,
    );
  return out;
}

/** The adoption timeline: shares of world GDP and AI compute under the rule, month by month. */
export function adoptionChart(a: AdoptionResult): Chart {
  const values = a.timeline.flatMap((t) => [
    { month: t.month, percent: 100 * t.gdpShare, series: "share of world GDP under the rule" },
    {
      month: t.month,
      percent: 100 * t.computeShare,
      series: "share of world AI compute under the rule",
    },
  ]);
  return {
    id: "adoption-timeline",
    title: `Adoption of ${a.rule.name}: shares of the world under the rule, % (month by month)`,
    values,
    valueField: "percent",
    valueWords: "share",
    spec: {
      width: WIDTH,
      height: 260,
      data: { values },
      mark: { type: "line", interpolate: "step-after", point: true },
      encoding: {
        x: {
          field: "month",
          type: "quantitative",
          title: "month",
          scale: { domain: [1, a.timeline.length], nice: false },
        },
        y: {
          field: "percent",
          type: "quantitative",
          title: "% of world",
          scale: { domain: [0, 100] },
        },
        color: {
          field: "series",
          type: "nominal",
          title: null,
          legend: { orient: "top", columns: 1 },
        },
        tooltip: [
          { field: "series" },
          { field: "month" },
          { field: "percent", format: ".1f", title: "%" },
        ],
      },
    },
  };
}

/** The section: the mechanism, who adopts when and why, the tipping searches. */
export function adoptionBlocks(a: AdoptionResult, name: (id: string) => string): Block[] {
  const b: Block[] = [];
  b.push({ kind: "heading", level: 2, text: `Conditional access: ${a.rule.name}` });
  b.push({
    kind: "paragraph",
    text: `From month ${a.start}, ${listOf(a.by.length > 3 ? ["the EU"] : a.by.map(name))} restricts ${listOf(a.goods)} to the candidates that have not adopted ${a.rule.name}; adopting grants ${a.rule.grants}. Every ${a.roundMonths} months (a round), each candidate that has not adopted compares the access it would keep — what the simulator says it loses over the horizon in the ${a.lossMeasure} loss measure with the current adopters cut off, minus what it loses if it adopts too — plus the pull of its trade partners under the rule (λ = ${pct(a.influence, 3)} of its GDP a year per unit of trade share), with its compliance cost (data/diffusion/rules.yaml${a.costScale === 1 ? "" : `, × ${a.costScale}`}). It adopts when the first two exceed the third (docs/model.md, "Conditional access and adoption"). ${a.simulations} whole-horizon simulations were run.`,
  });
  b.push({
    kind: "table",
    id: "adoption",
    header: [
      "actor",
      "adopts",
      "from month",
      "access kept",
      "pull of partners",
      "compliance cost",
      "condition",
    ],
    align: ["left", "left", "right", "right", "right", "right", "left"],
    rows: [...a.actors]
      .sort((x, y) => (x.month ?? 1e9) - (y.month ?? 1e9) || y.gdp - x.gdp)
      .map((x) => [
        name(x.id),
        x.adopted ? (x.round === 0 ? "yes (courted)" : `yes (round ${x.round})`) : "no",
        x.month === undefined ? "–" : String(x.month),
        usd(x.value),
        usd(x.pull),
        usd(x.cost),
        x.condition,
      ]),
  });
  if (a.tipping.goods) {
    b.push({
      kind: "table",
      id: "tipping-goods",
      header: ["goods conditioned as well", "share of world GDP under the rule"],
      align: ["left", "right"],
      rows: a.tipping.goods.tried.map((t) => [t.goods.join(", ") || "(none)", pct(t.share)]),
    });
  }
  return b;
}
