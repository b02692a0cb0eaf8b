/**
 * The bottom line of a run: the answer in plain words, generated from the result document —
 * the scenario's own headline figure, who loses most and why, the EU and its members, the
 * exporter's own cost beside its targets', what bound output, when the hardest hit recovers,
 * who gains and why, output above baseline and why, and the Council's vote. Every report and
 * the terminal summary open with it. docs/reports.md states the rules.
 * @module
 */

import type { ActorEntry, RunDocument } from "../run/document.js";
import type { ActorResult } from "../run/results.js";
import { bindingDrivers, NAMED_SHARE, namedBinding } from "./bound-by.js";
import { pct, usd } from "./format.js";

/** Losses and gains smaller than this (USD over the horizon) are "nothing" in the bottom line. */
export const NEGLIGIBLE_USD = 1e6;
/** World output of a good above baseline by more than this share counts as an overshoot. */
export const OVERSHOOT = 0.01;

/** "A", "A and B", "A, B and C", "A, B, C and 2 more". */
export function listOf(items: readonly string[], max = 4): string {
  if (items.length === 0) return "";
  const shown =
    items.length > max ? [...items.slice(0, max - 1), `${items.length - max + 1} more`] : items;
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
}

/** A good's name inside a sentence: "cloud services", but "AI compute", "EUV lithography". */
function inSentence(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/** Names that read with "the" in a sentence ("the United States", "the Netherlands"). */
const WITH_THE =
  /^(United |European |Rest of |Netherlands|Czech Republic|Philippines|Republic of )/;

/** An actor's name as the subject or object of a sentence: "the United States", "Poland";
 * `start` capitalises the article. */
export function theName(name: string, start = false): string {
  if (!WITH_THE.test(name)) return name;
  const rest = name === "Rest of world" ? "rest of the world" : name;
  return `${start ? "The" : "the"} ${rest}`;
}

/** Names of actors and goods as the report prints them (ids where the document has no name). */
export function namesOf(doc: RunDocument): {
  actor: (id: string) => string;
  good: (id: string) => string;
  goodLabel: (id: string) => string;
  known: (id: string) => boolean;
} {
  const actors = new Map(doc.actors.map((a) => [a.id, a.name]));
  const goods = new Map(doc.goods.map((g) => [g.id, g.name]));
  return {
    actor: (id) => actors.get(id) ?? id,
    good: (id) => inSentence(goods.get(id) ?? id),
    goodLabel: (id) => goods.get(id) ?? id,
    known: (id) => actors.has(id),
  };
}

/** The sentences of the bottom line, in the order they are printed. */
export function bottomLine(doc: RunDocument): string[] {
  const out: string[] = [];
  const T = doc.scenario.horizon;
  const names = namesOf(doc);
  const states = doc.actors.filter((a) => a.kind !== "bloc");
  const headline = doc.scenario.headline ?? "loss";
  if (headline === "capacity-share" && doc.capacityShare) out.push(capacitySentence(doc));
  const top = states[0];
  const largest = Math.max(0, ...states.map((a) => Math.abs(a.loss)));
  if (!top || largest < NEGLIGIBLE_USD) {
    const capacity = doc.scenario.measures.some(
      (m) => m.type === "investment" || m.type === "capacity_growth",
    );
    out.push(
      `No actor loses or gains more than ${usd(NEGLIGIBLE_USD)} over the ${T} months: nothing anyone produces or receives changes${capacity ? " (capacity added is not used while what buyers need stays at its baseline)" : ""}.`,
    );
  } else if (top.loss >= NEGLIGIBLE_USD) {
    out.push(`${loserSentence(doc, top, names)} ${recoverySentence(top, T)}`);
  }
  if (doc.eu && largest >= NEGLIGIBLE_USD) out.push(euSentence(doc.eu, names));
  out.push(...exporterSentences(doc, names));
  const bound = boundSentence(states, names);
  if (bound) out.push(bound);
  const gainer = states.at(-1);
  if (gainer && gainer.loss <= -NEGLIGIBLE_USD) out.push(gainSentence(gainer));
  const over = overshootSentence(doc, names);
  if (over) out.push(over);
  if (doc.council) {
    const c = doc.council;
    const passes = c.vote.pass;
    out.push(
      `In the Council (${c.rules.join(" + ")}) the EU's measure ${passes ? "passes" : "fails"}${c.vote.no.length > 0 ? ` with ${listOf(c.vote.no.map((id) => theName(names.actor(id))))} against` : ""}${!c.compensation.passesWithoutTransfers && c.compensation.status === "optimal" ? `; the least compensation that makes it pass is ${usd(c.compensation.total)}` : ""}.`,
    );
  }
  if (headline !== "capacity-share" && doc.capacityShare) out.push(capacitySentence(doc));
  // How the ranges were made, last: the answer comes first.
  if (doc.draws) {
    const drift = doc.draws.drift;
    out.push(
      `Figures are at the data's central values; ranges are the 5th to 95th percentiles over ${doc.draws.done} ${doc.draws.sampling === "sobol" ? "quasi-random draws (Sobol points with a digital shift)" : "draws"} of every figure given as a distribution (seed ${doc.draws.seed}${doc.draws.done < doc.draws.requested ? `, stopped after ${doc.draws.done} of ${doc.draws.requested}` : ""}), each against its own run without the measures${drift && drift.p95 > NEGLIGIBLE_USD ? `; drawn worlds drift on their own (the world loses up to ${usd(drift.p95)} without any measure in 95% of draws), so the ranges are provisional` : ""} (docs/model.md, "Uncertainty").`,
    );
  }
  return out;
}

function capacitySentence(doc: RunDocument): string {
  const c = doc.capacityShare!;
  const { actor, good } = namesOf(doc);
  const who = capital(listOf(c.actors.map((id) => theName(actor(id)))));
  const paper = c.paper === undefined ? "" : ` (the paper: about ${pct(c.paper, 0)})`;
  const r = c.ranges?.share.at(-1);
  const range = r ? ` (90% of draws: ${pct(r.p5, 1)} to ${pct(r.p95, 1)})` : "";
  return `${who} ${c.actors.length > 1 ? "hold" : "holds"} ${pct(c.baseline, 1)} of world ${good(c.good)} capacity at baseline and ${pct(c.horizon, 1)}${range} in month ${doc.scenario.horizon}; this scenario's investments are ${pct(c.added, 1)} of world capacity then${paper}.`;
}

type Names = ReturnType<typeof namesOf>;

/** The part of a loss that is largest, in words. */
function largestPart(a: ActorResult): { words: string; value: number; chain: boolean } {
  const parts = [
    { words: "final use it goes without", value: a.finalUseLost, chain: false },
    { words: "value added its chain industries lose", value: a.valueAddedLost, chain: true },
    { words: "value added lost in its economy downstream", value: a.downstreamLost, chain: false },
  ];
  return parts.reduce((x, y) => (y.value > x.value ? y : x));
}

/** " (90% of draws: $A to $B)" for a figure that has a range over the draws, else "". Where
 * the central value lies outside that range it says so, with the median draw: the model is not
 * linear in its figures, and a central value can sit at the edge of its range (a stock at none,
 * the mode of a range from none to a little), where the loss is steepest. */
export function rangeWords(a: ActorEntry, figure: "loss" = "loss"): string {
  const r = a.ranges?.[figure];
  if (!r) return "";
  const x = a[figure];
  const outside =
    Math.abs(x - r.p50) > NEGLIGIBLE_USD && (x > r.p95 || x < r.p5)
      ? `; the central value lies ${x > r.p95 ? "above" : "below"} it, the median draw gives ${usd(r.p50)}`
      : "";
  return ` (90% of draws: ${usd(r.p5)} to ${usd(r.p95)}${outside})`;
}

function loserSentence(doc: RunDocument, a: ActorEntry, names: Names): string {
  const gdp = a.lossGdpShare === undefined ? "" : ` (${pct(a.lossGdpShare)} of its GDP)`;
  const part = largestPart(a);
  const short = namedBinding(a.boundBy).map((b) => names.good(b.good));
  // Shortages explain the chain's loss only where the value added lost while inputs bound is
  // most of it; the rest is output its makers had no orders or plant for (docs/model.md §5).
  const bound = a.boundBy.reduce((s, b) => s + b.valueAddedLost, 0);
  const cause =
    short.length === 0
      ? ""
      : part.chain && bound < part.value / 2
        ? `, most of it output they could not sell or make (shortages of ${listOf(short)} explain ${usd(bound)})`
        : `, as ${listOf(short)} ran short`;
  const why =
    part.value > 0 ? `; the largest part is ${part.words} (${usd(part.value)})${cause}` : "";
  const role = roleOf(doc, a.id);
  return `${theName(a.name, true)}${role ? `, ${role},` : ""} loses most: ${usd(a.loss)}${rangeWords(a)} over the ${doc.scenario.horizon} months${gdp}${why}.`;
}

/** "which imposes export controls" / "a target of export controls", from the measures'
 * parties. */
function roleOf(doc: RunDocument, id: string): string | undefined {
  const controls = doc.scenario.measures.filter((m) => m.type === "export_control");
  const by = controls.some((m) => m.by.includes(id));
  const on = controls.some((m) => m.on.includes(id));
  if (by && on) return "which imposes export controls and is the target of others";
  if (by) return "which imposes export controls";
  if (on) return "a target of export controls";
  return undefined;
}

function euSentence(eu: NonNullable<RunDocument["eu"]>, names: Names): string {
  const b = eu.bloc;
  const gdp = b.lossGdpShare === undefined ? "" : ` (${pct(b.lossGdpShare)} of its GDP)`;
  const verb = `${b.loss >= 0 ? `loses ${usd(b.loss)}` : `gains ${usd(-b.loss)}`}${rangeWords(b)}`;
  const hit = [...eu.members]
    .filter((m) => m.loss >= NEGLIGIBLE_USD)
    .sort((x, y) => (y.lossGdpShare ?? 0) - (x.lossGdpShare ?? 0) || y.loss - x.loss)
    .slice(0, 3);
  if (hit.length === 0)
    return `The EU as a whole ${verb}${gdp}; no member loses more than ${usd(NEGLIGIBLE_USD)}.`;
  const first = hit[0]!;
  const firstGdp =
    first.lossGdpShare === undefined ? usd(first.loss) : `${pct(first.lossGdpShare)} of its GDP`;
  const then = hit.slice(1).map((m) => names.actor(m.id));
  return `The EU as a whole ${verb}${gdp}; relative to its economy, ${theName(first.name)} is hit hardest among the members (${firstGdp})${then.length > 0 ? `, then ${listOf(then.map((n) => theName(n)))}` : ""}.`;
}

/** The exporters' own cost beside their targets', one sentence per export control (two that
 * mirror each other, a control and its retaliation, in one). */
function exporterSentences(doc: RunDocument, names: Names): string[] {
  const loss = new Map(doc.actors.filter((a) => a.kind !== "bloc").map((a) => [a.id, a.loss]));
  const sum = (ids: readonly string[]) => ids.reduce((s, id) => s + (loss.get(id) ?? 0), 0);
  const who = (named: readonly string[], ids: readonly string[], role: string) =>
    named.every((r) => names.known(r))
      ? listOf(named.map((r) => theName(names.actor(r))))
      : `the ${ids.length} ${role}${ids.length > 1 ? "s" : ""} (${named.join(", ")})`;
  const verb = (x: number, plural: boolean) =>
    Math.abs(x) < NEGLIGIBLE_USD
      ? `${plural ? "lose" : "loses"} less than ${usd(NEGLIGIBLE_USD)}`
      : x > 0
        ? `${plural ? "lose" : "loses"} ${usd(x)}`
        : `${plural ? "gain" : "gains"} ${usd(-x)}`;
  const plural = (named: readonly string[]) =>
    named.length > 1 || named.some((r) => !names.known(r));
  const seen = new Set<string>();
  const out: string[] = [];
  const controls = doc.scenario.measures.filter(
    (m) => m.type === "export_control" && m.by.length > 0 && m.on.length > 0,
  );
  for (const m of controls) {
    const key = `${m.by.join()}>${m.on.join()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const on = m.on.filter((id) => !m.by.includes(id));
    if (on.length === 0) continue;
    const own = sum(m.by);
    const theirs = sum(on);
    const a = who(m.named.by, m.by, "exporter");
    const b = who(m.named.on, on, "target");
    const mirror = controls.find(
      (x) => x !== m && x.by.join() === m.on.join() && x.on.join() === m.by.join(),
    );
    if (mirror) {
      seen.add(`${mirror.by.join()}>${mirror.on.join()}`);
      out.push(
        `${capital(a)} and ${b} restrict exports to each other (${m.id}, ${mirror.id}): ${a} ${verb(own, plural(m.named.by))}, ${b} ${verb(theirs, plural(m.named.on))}.`,
      );
      continue;
    }
    const ratio =
      own >= NEGLIGIBLE_USD && theirs > 0
        ? `, ${formatRatio(theirs / own)} the exporters' own cost`
        : "";
    out.push(
      `${capital(a)}, imposing ${m.id}, ${verb(own, plural(m.named.by))}; ${on.length > 1 && !plural(m.named.on) ? `its ${on.length} members` : b} ${verb(theirs, plural(m.named.on) || on.length > 1)}${on.length > 1 ? " together" : ""}${ratio}.`,
    );
  }
  return out.slice(0, 3);
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function formatRatio(r: number): string {
  return r >= 10 ? `${Math.round(r)} times` : r >= 1 ? `${r.toFixed(1)} times` : `${pct(r, 0)} of`;
}

function boundSentence(states: readonly ActorResult[], names: Names): string | undefined {
  const top = bindingDrivers(states).filter(([, v]) => v >= NEGLIGIBLE_USD);
  if (top.length === 0) return undefined;
  const [first, ...others] = top.slice(0, 3);
  const rest = others.filter(([, v]) => v >= NAMED_SHARE * first![1]);
  return `What bound output most was ${names.good(first![0])} (${usd(first![1])} of value added lost while it was short)${rest.length > 0 ? `, then ${listOf(rest.map(([g]) => names.good(g)))}` : ""}.`;
}

function recoverySentence(a: ActorResult, T: number): string {
  const peak = a.worstMonth === null ? "" : `peaks in month ${a.worstMonth} and `;
  const when =
    a.recoveryMonth === null
      ? `is still above 1% of its baseline value added in month ${T}, the horizon`
      : a.recoveryMonth === 0
        ? "never reaches 1% of its baseline value added"
        : `stays below 1% of its baseline value added from month ${a.recoveryMonth}`;
  return `Its monthly loss ${peak}${when}.`;
}

function gainSentence(a: ActorResult): string {
  const parts = [
    {
      value: a.valueAddedLost,
      words:
        "its chain industries produce more than at baseline, selling to buyers that others can no longer serve (trade diversion)",
    },
    {
      value: a.downstreamLost,
      words:
        "its economy downstream produces more, replacing output lost elsewhere (trade diversion)",
    },
    { value: a.finalUseLost, words: "it receives more than at baseline" },
  ];
  const main = parts.reduce((x, y) => (y.value < x.value ? y : x));
  return `${theName(a.name, true)} gains most (${usd(-a.loss)}): ${main.words}.`;
}

function overshootSentence(doc: RunDocument, names: Names): string | undefined {
  const capacity = new Set(
    doc.scenario.measures
      .filter((m) => m.type === "investment" || m.type === "capacity_growth")
      .map((m) => m.type),
  );
  const over = doc.goods
    .map((g) => {
      let peak = 0;
      let at = 0;
      let dippedBefore = false;
      let dipped = false;
      g.output.forEach((y, t) => {
        const r = g.baseline > 0 ? y / g.baseline : 1;
        if (r < 1 - OVERSHOOT) dipped = true;
        if (r > peak) {
          peak = r;
          at = t + 1;
          dippedBefore = dipped;
        }
      });
      return { g, peak, at, dippedBefore };
    })
    .filter((o) => o.peak > 1 + OVERSHOOT)
    .sort((x, y) => y.peak - x.peak);
  if (over.length === 0) return undefined;
  const first = over[0]!;
  const catchUp = over.some((o) => o.dippedBefore);
  const reasons = [
    catchUp
      ? "once supply returns, buyers rebuild the stocks they drew down while it was short (catch-up output)"
      : "",
    over.some((o) => !o.dippedBefore)
      ? "suppliers that were not hit serve buyers that others could not, or buyers stock up (trade diversion)"
      : "",
    capacity.size > 0 ? "the scenario adds capacity" : "",
  ].filter((r) => r !== "");
  const goods = listOf(
    over.map((o) => names.good(o.g.id)),
    3,
  );
  return `World output of ${goods} rises above its baseline at times (${names.good(first.g.id)} up to ${pct(first.peak, 0)} of baseline, in month ${first.at}): ${reasons.join("; ")}.`;
}
