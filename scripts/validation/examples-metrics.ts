/**
 * levier's side of an example's headline: the figure it names, read from the run's result
 * document, and whether it meets the expectation examples.yaml states for it. An actor stands
 * for itself, a bloc or a group for the sum over its members, WORLD for every actor that is not
 * a bloc. A figure the document does not carry gives undefined, never a stand-in.
 * @module
 */
import type { RunDocument } from "../../src/run/document.js";
import { resolveRefs } from "../../src/scenario/refs.js";
import { central } from "../../src/world/quantity.js";
import type { Group, World } from "../../src/world/schema.js";
import { ranged } from "./examples-range.js";
import type { Headline } from "./examples-schema.js";
import { field } from "./metrics.js";

/** The parts of a loss the page shows beside it (docs/model.md §5). */
export const PARTS = [
  "valueAddedLost",
  "finalUseLost",
  "downstreamLost",
  "stockDrawn",
  "embodiedLost",
] as const;

export interface Run {
  doc: RunDocument;
  /** The scenario's world (a scenario may patch the default one) and its groups. */
  world: World;
  groups: readonly Group[];
}

export interface HeadlineResult {
  headline: Headline;
  /** The figure in the headline's unit (for mostExposedMember: the member's share of GDP). */
  value: number | undefined;
  /** hardestHit: the actors and their losses; mostExposedMember: the member. */
  actors: { id: string; loss: number; share?: number }[];
  /** The loss and its parts (USD), for a loss headline. */
  parts: { name: string; value: number | undefined }[];
  met: boolean;
  /** "as expected", or what is outside. */
  verdict: string;
}

/** The actor ids a reference stands for (never a bloc). */
export function membersOf(run: Run, ref: string): string[] {
  if (ref === "WORLD") return run.world.actors.filter((a) => a.kind !== "bloc").map((a) => a.id);
  return [...resolveRefs(run.world, run.groups, [ref])].sort();
}

/** A sum over the reference's members of a field of their results; undefined if any lacks it. */
export function amountOf(run: Run, ref: string, name: string): number | undefined {
  let sum = 0;
  for (const id of membersOf(run, ref)) {
    const a = run.doc.actors.find((x) => x.id === id);
    const v = a ? field(a, name) : undefined;
    if (v === undefined) return undefined;
    sum += v;
  }
  return sum;
}

/** GDP of the reference's members over the horizon, USD; undefined if one has none. */
export function gdpOfRef(run: Run, ref: string): number | undefined {
  let sum = 0;
  for (const id of membersOf(run, ref)) {
    const gdp = run.world.actors.find((a) => a.id === id)?.gdp;
    if (gdp === undefined) return undefined;
    sum += central(gdp) * 1e9;
  }
  return (sum * run.doc.scenario.horizon) / 12;
}

function share(run: Run, ref: string): number | undefined {
  const loss = amountOf(run, ref, "loss");
  const gdp = gdpOfRef(run, ref);
  return loss === undefined || gdp === undefined || gdp === 0 ? undefined : loss / gdp;
}

/** States by loss, largest first (ties by id): no bloc and no aggregate such as ROW. */
export function statesByLoss(doc: RunDocument): { id: string; loss: number }[] {
  return doc.actors
    .filter((a) => a.kind === "state")
    .map((a) => ({ id: a.id, loss: a.loss }))
    .sort((a, b) => b.loss - a.loss || a.id.localeCompare(b.id));
}

/** The bloc's member with the largest loss as a share of its GDP (ties by id). */
export function mostExposed(run: Run, bloc: string) {
  const members = membersOf(run, bloc)
    .map((id) => ({ id, loss: amountOf(run, id, "loss") ?? 0, share: share(run, id) }))
    .filter((m): m is { id: string; loss: number; share: number } => m.share !== undefined)
    .sort((a, b) => b.share - a.share || a.id.localeCompare(b.id));
  return members[0];
}

export function evaluate(h: Headline, run: Run): HeadlineResult {
  const base = { headline: h, actors: [], parts: [] };
  switch (h.measure) {
    case "loss": {
      const parts = PARTS.map((name) => ({ name, value: amountOf(run, h.actor, name) }));
      return { ...base, ...ranged(h, amountOf(run, h.actor, "loss")), parts };
    }
    case "lossGdpShare":
      return { ...base, ...ranged(h, share(run, h.actor)) };
    case "lossRatio": {
      const of = amountOf(run, h.of, "loss");
      const to = amountOf(run, h.to, "loss");
      const parts = [
        { name: h.of, value: of },
        { name: h.to, value: to },
      ];
      // The target loses and the other side does not: the ratio is unbounded above, which a
      // range with a positive high end accepts (more leverage than any finite ratio).
      if (of !== undefined && to !== undefined && of > 0 && !(to > 0)) {
        const met = h.expect === "positive";
        const verdict = met
          ? "as expected (unbounded: only the target loses)"
          : "outside: only the target loses";
        return { ...base, value: undefined, met, verdict, parts };
      }
      const value = of === undefined || to === undefined || to === 0 ? undefined : of / to;
      return { ...base, ...ranged(h, value), parts };
    }
    case "hardestHit": {
      const top = statesByLoss(run.doc).slice(0, h.count);
      const ids = top.map((a) => a.id);
      const missing = h.includes.filter((id) => !ids.includes(id));
      const allowed = h.others ? new Set([...h.includes, ...h.others]) : undefined;
      const stray = allowed ? ids.filter((id) => !allowed.has(id)) : [];
      const problems = [
        ...missing.map((id) => `${id} is not among them`),
        ...stray.map((id) => `${id} is among them`),
      ];
      const met = problems.length === 0;
      const verdict = met ? "as expected" : `outside: ${problems.join("; ")}`;
      return { ...base, value: undefined, actors: top, met, verdict };
    }
    case "mostExposedMember": {
      const m = mostExposed(run, h.bloc);
      const result = ranged(h, m?.share);
      const actors = m ? [m] : [];
      if (m && !h.members.includes(m.id)) {
        const verdict = `outside: ${m.id} is the most exposed${result.met ? "" : `, and ${result.verdict.replace(/^outside: /, "")}`}`;
        return { ...base, ...result, actors, met: false, verdict };
      }
      return { ...base, ...result, actors };
    }
    case "capacityShare":
      return { ...base, ...ranged(h, run.doc.capacityShare?.[h.at]) };
    case "valueCapture":
      return { ...base, ...ranged(h, captureFigure(run.doc, h)) };
  }
}

/** A figure of the automation path; undefined where the document lacks the year or the path. */
export function captureFigure(
  doc: RunDocument,
  h: Extract<Headline, { measure: "valueCapture" }>,
): number | undefined {
  const v = doc.valueCapture;
  if (!v) return undefined;
  const share = (path: "with" | "without", year: number) =>
    (path === "with" ? v.path : v.without)?.find((y) => y.year === year)?.share;
  const shock = (path: "with" | "without", year: number) =>
    (path === "with" ? v.shocks?.with : v.shocks?.without)?.find((y) => y.year === year)?.lossShare;
  const diff = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? undefined : a - b;
  switch (h.figure) {
    case "share":
      return share(h.path, h.year);
    case "shareChange":
      return diff(share(h.path, h.year), share(h.path, v.baseYear));
    case "policyGain":
      return diff(share("with", h.year), share("without", h.year));
    case "shockLossShare":
      return shock(h.path, h.year);
    case "shockRelief":
      return diff(shock("without", h.year), shock("with", h.year));
  }
}
