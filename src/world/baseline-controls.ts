/**
 * What the baseline does for a good that export controls in force cut: the routes they allow,
 * the margins fitted to them (`controlled-margins.ts`), and notes in words for `data show`.
 * @module
 */
import type { GoodBaseline } from "./baseline.js";
import { type Adjustment, fitMargins } from "./controlled-margins.js";
import type { StandingControl } from "./controls.js";
import { finalShares } from "./final-demand.js";
import { central } from "./quantity.js";
import { seedFlows } from "./ras.js";
import type { Good, World } from "./schema.js";

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
 * Fits a controlled good's margins to the routes its controls allow (in place) and records
 * what changed; returns the routes that no feasible plan uses, or undefined when the controls
 * cut no route the seed would use (then any balance RAS finds is feasible as it stands).
 */
export function fitControlled(
  world: World,
  g: Good,
  gb: GoodBaseline,
  pass: Float64Array,
  standing: readonly StandingControl[],
  notes: BaselineNote[],
): Uint8Array | undefined {
  const { suppliers, users, output } = gb;
  // The routes the seed would use (at the users' uses before any adjustment), less those cut.
  const unit = seedFlows(world, g.id, central(g.homeBias ?? 0), suppliers, output, users, gb.use);
  const allowed = new Uint8Array(unit.length);
  let cut = false;
  for (let c = 0; c < unit.length; c++) {
    allowed[c] = unit[c]! * pass[c]! > 0 ? 1 : 0;
    if (unit[c]! > 0 && pass[c] === 0) cut = true;
  }
  if (!cut) return undefined;
  const shares = finalShares(world, g.id, g.demandBy);
  const finalWeight = Float64Array.from(users.map((a) => shares.get(a) ?? 0));
  const fitted = fitMargins(
    { output, use: gb.use, finalUse: gb.finalUse, needScale: gb.needScale, finalWeight },
    allowed,
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
  return fitted.unusable;
}

function adjustmentNote(
  g: Good,
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
