/**
 * Export controls as standing measures of the baseline: which are in force at the world's as-of
 * date, and what share of the uncontrolled pooled flow each lets through on a route. A control
 * never applies to an actor's supply to itself; where several cover one route, the tightest
 * holds (as caps combine in the engine).
 * @module
 */
import { resolveRefs } from "../scenario/refs.js";
import { figure, type Realised, type RealWorld } from "./realised.js";
import type { Control, World } from "./schema.js";

/**
 * The month at which a world's controls are judged: December of its as-of year, so that a
 * control that ended during that year (rescinded, suspended) is not in force.
 */
export function asOfMonth(world: Pick<World, "meta">): string | undefined {
  return world.meta.asOf === undefined ? undefined : `${world.meta.asOf}-12`;
}

/** In force at `month` (YYYY-MM): begun by then and not ended by then. */
export function inForceAt(c: Pick<Control, "since" | "until">, month: string | undefined): boolean {
  if (month === undefined) return false;
  return c.since <= month && (c.until === undefined || c.until > month);
}

/** A control in force, with its references resolved to the actors of the network. */
export interface StandingControl {
  control: Realised<Control>;
  from: Set<string>;
  to: Set<string>;
  goods: Set<string>;
  /** Most of a route's uncontrolled balanced flow the baseline lets through: cap + leakage ×
   * (1 − cap). */
  passes: number;
  leakage: number;
}

/** The controls in force at the world's as-of date, in data order. */
export function standingControls(world: RealWorld): StandingControl[] {
  const month = asOfMonth(world);
  return world.controls
    .filter((c) => inForceAt(c, month))
    .map((c) => {
      const cap = figure(c.cap);
      const leakage = c.leakage === undefined ? 0 : figure(c.leakage);
      return {
        control: c,
        from: resolveRefs(world, [], c.from),
        to: resolveRefs(world, [], c.to),
        goods: new Set(c.goods),
        passes: cap + leakage * (1 - cap),
        leakage,
      };
    });
}

/**
 * pass[s × users.length + u]: the most, as a share of the uncontrolled flow from supplier s to
 * user u of `good`, that the controls let through, or undefined when no control touches the
 * good's routes.
 */
export function passShares(
  standing: readonly StandingControl[],
  good: string,
  suppliers: readonly string[],
  users: readonly string[],
): Float64Array | undefined {
  const applying = standing.filter((c) => c.goods.has(good));
  if (applying.length === 0) return undefined;
  const U = users.length;
  const pass = new Float64Array(suppliers.length * U).fill(1);
  let touched = false;
  suppliers.forEach((s, si) => {
    users.forEach((u, ui) => {
      if (s === u) return;
      for (const c of applying) {
        if (!c.from.has(s) || !c.to.has(u)) continue;
        touched = true;
        if (c.passes < pass[si * U + ui]!) pass[si * U + ui] = c.passes;
      }
    });
  });
  return touched ? pass : undefined;
}
