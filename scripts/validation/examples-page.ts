/**
 * The section of docs/validation.md on the examples: a summary of every headline, then
 * each example with its question and measures, and for each headline what is expected (sign
 * and range, or who), levier's figure with the parts of its loss, the verdict and the reason.
 * @module
 */
import type { HeadlineResult } from "./examples-metrics.js";
import { acceptedRange } from "./examples-range.js";
import type { ExampleResult, ExamplesRun } from "./examples-run.js";
import type { Headline } from "./examples-schema.js";
import { money, percent, sig } from "./format.js";

const PART_NAMES: Record<string, string> = {
  valueAddedLost: "value added lost in the chain",
  finalUseLost: "final use lost",
  downstreamLost: "value added lost downstream",
  stockDrawn: "stocks drawn",
  embodiedLost: "less its value added embodied in others' losses",
};

/** The section's lines; `measureLine` writes a scenario measure as the cases do. */
export function examplesSection(
  run: ExamplesRun,
  measureLine: (m: ExampleResult["scenario"]["measures"][number], horizon: number) => string,
): string[] {
  const all = run.examples.flatMap((e) => e.headlines.map((h) => ({ e, h })));
  const met = all.filter(({ h }) => h.met).length;
  return [
    "## The six examples",
    "",
    "Each scenario of `examples/` asks one of the paper's questions. For each, this section states its headlines (the world's loss; the three states hit hardest, in USD, leaving out the EU bloc and the rest of the world; the EU and its member hit hardest as a share of GDP; for an export control, the target's loss against the exporter's own cost; for the gigafactories, the EU's share of world AI compute; for the automation path, the EU's share of the value of its manufacturing and what a US cap on AI inputs costs it, with and without its policies), the direction and order of magnitude expected of each, and why. The expectations are in `examples/validation/examples.yaml`: they come from how the chain works and from published magnitudes, not from levier's output, and none is widened to let a figure pass, so a figure outside its range is a flaw of the model (or of the reasoning) to settle. The test suite checks each headline against its expectation.",
    "",
    `**${met} of ${all.length} headlines as expected.**`,
    "",
    "| example | headline | expected | levier | verdict |",
    "|---|---|---|---|---|",
    ...all.map(
      ({ e, h }) =>
        `| ${e.example.title} | ${h.headline.title} | ${expected(h.headline)} | ${figure(h)} | ${h.verdict}${h.headline.known ? " (known flaw, open)" : ""} |`,
    ),
    "",
    ...run.examples.flatMap((e, i) => exampleSection(e, i, measureLine)),
  ];
}

function exampleSection(
  e: ExampleResult,
  i: number,
  measureLine: (m: ExampleResult["scenario"]["measures"][number], horizon: number) => string,
): string[] {
  const s = e.scenario;
  const letter = String.fromCharCode(65 + i);
  return [
    `### ${letter}. ${e.example.title}`,
    "",
    `Scenario [\`${e.file}\`](../${e.file}), ${s.horizon} months. **The question:** ${e.example.question.trim()}`,
    "",
    ...s.measures.map((m) => `- ${measureLine(m, s.horizon)}`),
    "",
    ...(e.warnings.length > 0
      ? [`Warnings: ${e.warnings.map((w) => `\`${w}\``).join("; ")}.`, ""]
      : []),
    ...e.headlines.flatMap((h) => [
      `- **${h.headline.title}.** Expected: ${expected(h.headline)}. levier: ${figure(h)}${partsOf(h)}. **Verdict:** ${h.verdict}.${h.headline.known ? ` **Known flaw of the model, open:** ${h.headline.known.trim()}` : ""}`,
      `  *Why:* ${h.headline.reason.trim()}`,
    ]),
    "",
  ];
}

/** What a headline expects, in words and in its unit. */
export function expected(h: Headline): string {
  if (h.measure === "hardestHit") {
    const others = h.others ? `the rest from ${h.others.join(", ")}` : "any state besides";
    return `${h.includes.join(" and ")} among the ${h.count}; ${others}`;
  }
  if (h.expect === "zero") return "exactly 0";
  const [lo, hi] = acceptedRange(h) ?? [0, 0];
  const accepted = `${inUnit(h, lo)} to ${inUnit(h, hi)}`;
  const span = h.estimate
    ? `${inUnit(h, h.estimate[0])} to ${inUnit(h, h.estimate[1])} (accepted: ${accepted})`
    : accepted;
  const sign = { positive: "a loss", negative: "a gain", either: "either sign" }[h.expect];
  switch (h.measure) {
    case "mostExposedMember":
      return `${h.members.join(", ")}; a loss of ${span} of its GDP`;
    case "lossRatio":
      return `${span}`;
    case "capacityShare":
      return span;
    case "valueCapture":
      return isDifference(h)
        ? `${{ positive: "a rise", negative: "a fall", either: "either sign" }[h.expect]}, ${span}`
        : span;
    default:
      return `${sign}, ${span}`;
  }
}

function inUnit(h: Headline, x: number): string {
  switch (h.measure) {
    case "loss":
      return money(x);
    case "lossRatio":
      return sig(x);
    case "valueCapture":
      return isDifference(h) ? `${sig(x * 100)} points` : percent(x);
    default:
      return percent(x);
  }
}

/** A figure of an automation path that is a difference of two shares (in percentage points). */
function isDifference(h: Headline): boolean {
  return h.measure === "valueCapture" && h.figure !== "share" && h.figure !== "shockLossShare";
}

/** levier's figure in the headline's unit. */
export function figure(r: HeadlineResult): string {
  const h = r.headline;
  if (h.measure === "hardestHit")
    return r.actors.map((a) => `${a.id} ${money(a.loss)}`).join(", ") || "—";
  if (r.value === undefined) return "—";
  if (h.measure === "mostExposedMember") {
    const m = r.actors[0];
    return m ? `${m.id}, ${percent(r.value)} of its GDP (${money(m.loss)})` : "—";
  }
  return inUnit(h, r.value);
}

function partsOf(r: HeadlineResult): string {
  if (r.parts.length === 0) return "";
  const h = r.headline;
  const text = r.parts
    .map((p) => {
      const v = p.value === undefined ? "—" : money(p.value);
      return h.measure === "lossRatio" ? `${p.name} ${v}` : `${PART_NAMES[p.name] ?? p.name} ${v}`;
    })
    .join("; ");
  return ` (${text})`;
}
