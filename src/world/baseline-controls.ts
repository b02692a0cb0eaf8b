/**
 * What the baseline does for a good that export controls in force cover: the routes they allow
 * and the most each capped route may carry, the margins fitted to them
 * (`controlled-margins.ts`), the flows balanced under those bounds (`ras-bounded.ts`), and notes
 * in words for `data show`.
 * @module
 */
import type { GoodBaseline } from "./baseline.js";
import { type Adjustment, fitMargins } from "./controlled-margins.js";
import type { StandingControl } from "./controls.js";
import { finalShares } from "./final-demand.js";
import { balance, seedFlows } from "./ras.js";
import { balanceBounded } from "./ras-bounded.js";
import { figure, type Realised, type RealWorld } from "./realised.js";
import type { Good } from "./schema.js";

/** Something the baseline had to do to balance a controlled good, in words for `data show`. */
export interface BaselineNote {
  good: string;
  actor?: string;
  kind: "dropped" | "scaled" | "unsold" | "unbalanced";
  /** The controls that cut the actor's supply. */
  controls: string[];
  text: string;
}

/**
 * The baseline flows of a good that controls in force cover: each capped route bounded by its
 * pass share (cap + leakage × (1 − cap)) of its flow in the uncontrolled balanced baseline,
 * barred routes at 0, the margins fitted to what those routes can carry (in place, with notes),
 * and the seed balanced by RAS under those bounds (`ras-bounded.ts`).
 */
export function controlledFlows(
  world: RealWorld,
  g: Realised<Good>,
  gb: GoodBaseline,
  pass: Float64Array,
  standing: readonly StandingControl[],
  notes: BaselineNote[],
): Float64Array {
  const { suppliers, users, output } = gb;
  const homeBias = figure(g.homeBias ?? 0);
  // The uncontrolled baseline of the good, at the users' uses before any adjustment.
  const seed = seedFlows(world, g.id, homeBias, suppliers, output, users, gb.use);
  const free = Float64Array.from(seed);
  balance(free, output, gb.use);
  const allowed = new Uint8Array(seed.length);
  const bound = new Float64Array(seed.length).fill(Infinity);
  for (let c = 0; c < seed.length; c++) {
    if (pass[c]! < 1) bound[c] = pass[c]! * free[c]!;
    allowed[c] = seed[c]! > 0 && bound[c]! > 0 ? 1 : 0;
  }
  const shares = finalShares(world, g.id, g.demandBy);
  const finalWeight = Float64Array.from(users.map((a) => shares.get(a) ?? 0));
  const fitted = fitMargins(
    { output, use: gb.use, finalUse: gb.finalUse, needScale: gb.needScale, finalWeight },
    allowed,
    bound,
  );
  for (const a of fitted.adjustments) notes.push(adjustmentNote(g, users[a.user]!, a, standing));
  if (fitted.unsold > 0 || fitted.shortfall > 0) {
    notes.push({
      good: g.id,
      kind: "unsold",
      controls: [],
      text: `${g.id}: ${fmt(fitted.unsold + fitted.shortfall)} ${perYear(g.unit)} cannot reach a buyer over the routes the controls allow`,
    });
  }
  // The seed at the fitted uses, on the routes some feasible plan uses, balanced under the bounds.
  const flows = seedFlows(world, g.id, homeBias, suppliers, output, users, gb.use);
  for (let c = 0; c < flows.length; c++)
    if (allowed[c] !== 1 || fitted.unusable[c] === 1) flows[c] = 0;
  balanceBounded(flows, output, gb.use, bound);
  return flows;
}

function adjustmentNote(
  g: Realised<Good>,
  actor: string,
  a: Adjustment,
  standing: readonly StandingControl[],
): BaselineNote {
  const controls = standing
    .filter((c) => c.goods.has(g.id) && c.to.has(actor) && c.passes < 1)
    .map((c) => c.control.id);
  const by = controls.length > 0 ? ` (${controls.join(", ")})` : "";
  const text =
    a.kind === "dropped"
      ? `${actor} has no supplier of ${g.id} that the controls in force allow${by}: its use of ${fmt(a.before)} ${perYear(g.unit)} is dropped at baseline (its industries do without it) and that output goes to the final use of the other buyers`
      : `${actor} can get only ${fmt(a.after)} of the ${fmt(a.before)} ${perYear(g.unit)} of ${g.id} it uses from the suppliers the controls in force allow${by}: its need is scaled down by ${((1 - a.after / a.before) * 100).toFixed(1)}% and the rest goes to the final use of other buyers`;
  return { good: g.id, actor, kind: a.kind, controls, text };
}

/** "t a year", but "TWh a year" stays as it is. */
export function perYear(unit: string): string {
  return /a year$/.test(unit) ? unit : `${unit} a year`;
}

export function fmt(x: number): string {
  return Number(x.toPrecision(4)).toString();
}
