/**
 * The Nash bargaining solution (J. Nash, "The bargaining problem", Econometrica 18 (1950)
 * 155–162): among feasible agreements that give each player at least the disagreement payoff
 * d, the one that maximises the product of gains (u1 − d1)(u2 − d2). Two feasible sets:
 *
 * - a **finite set of deals**: every individually rational deal is scored exactly;
 * - the **convex hull** of the deals (lotteries or splits between them): the maximiser lies on
 *   the boundary of the hull, so each hull edge P + λ(Q − P), λ ∈ [0, 1], clipped to the
 *   individually rational region, is searched for the maximum of the quadratic
 *   f(λ) = (P1 + λΔ1 − d1)(P2 + λΔ2 − d2) — at λ* = −b/(2a) when a = Δ1Δ2 < 0 and λ* lies in
 *   range, else at an end — all in exact rationals.
 *
 * When no feasible point gives both players a strictly positive gain, there is no agreement
 * that both strictly prefer: the result says so (`agreement: false`) rather than pick an
 * arbitrary point with product 0.
 * @module
 */
import { Rational } from "../rational.js";
import { convexHull, type Point } from "./convex-hull.js";

export type { Point } from "./convex-hull.js";

export interface Deal {
  label: string;
  payoffs: Point;
}

export type BargainingResult =
  | {
      agreement: true;
      point: Point;
      /** (u1 − d1)(u2 − d2) at the solution. */
      product: Rational;
      /** The deals mixed: one deal with weight 1, or two hull vertices with weights. */
      mix: { label: string; weight: Rational }[];
    }
  | { agreement: false; reason: string };

/** The Nash solution over a finite set of deals; ties keep every maximiser, in input order. */
export function nashBargainingFinite(
  deals: readonly Deal[],
  disagreement: Point,
): BargainingResult & { maximisers?: Deal[] } {
  let best: Rational | undefined;
  let maximisers: Deal[] = [];
  for (const deal of deals) {
    const g = gains(deal.payoffs, disagreement);
    if (!g) continue;
    const prod = g[0].mul(g[1]);
    const c = best ? prod.cmp(best) : 1;
    if (c > 0) {
      best = prod;
      maximisers = [deal];
    } else if (c === 0) maximisers.push(deal);
  }
  if (!best || best.sign() <= 0) return noGain(deals.length);
  const first = maximisers[0] as Deal;
  return {
    agreement: true,
    point: first.payoffs,
    product: best,
    mix: [{ label: first.label, weight: Rational.ONE }],
    maximisers,
  };
}

/** The Nash solution over the convex hull of the deals. */
export function nashBargainingHull(deals: readonly Deal[], d: Point): BargainingResult {
  if (deals.length === 0) return noGain(0);
  const hull = convexHull(deals.map((x) => x.payoffs));
  const labelOf = (p: Point) =>
    (deals.find((x) => x.payoffs[0].eq(p[0]) && x.payoffs[1].eq(p[1])) as Deal).label;
  let best:
    | { point: Point; product: Rational; mix: { label: string; weight: Rational }[] }
    | undefined;
  const consider = (point: Point, mix: { label: string; weight: Rational }[]) => {
    const g = gains(point, d);
    if (!g) return;
    const product = g[0].mul(g[1]);
    if (!best || product.gt(best.product)) best = { point, product, mix };
  };
  for (const p of hull) consider(p, [{ label: labelOf(p), weight: Rational.ONE }]);
  for (let i = 0; i < hull.length && hull.length > 1; i++) {
    const P = hull[i] as Point;
    const Q = hull[(i + 1) % hull.length] as Point;
    const lambda = edgeMaximiser(P, Q, d);
    if (lambda === undefined) continue;
    const point: Point = [
      P[0].add(lambda.mul(Q[0].sub(P[0]))),
      P[1].add(lambda.mul(Q[1].sub(P[1]))),
    ];
    consider(point, [
      { label: labelOf(P), weight: Rational.ONE.sub(lambda) },
      { label: labelOf(Q), weight: lambda },
    ]);
  }
  if (!best || best.product.sign() <= 0) return noGain(deals.length);
  return { agreement: true, ...best };
}

/** The λ in (0, 1) maximising f on the part of edge PQ where both gains are ≥ 0, if any. */
function edgeMaximiser(P: Point, Q: Point, d: Point): Rational | undefined {
  const d1 = Q[0].sub(P[0]);
  const d2 = Q[1].sub(P[1]);
  const g1 = P[0].sub(d[0]);
  const g2 = P[1].sub(d[1]);
  // Gains along the edge: g1 + λ d1 ≥ 0 and g2 + λ d2 ≥ 0 bound λ to [lo, hi].
  let lo = Rational.ZERO;
  let hi = Rational.ONE;
  for (const [g, dd] of [
    [g1, d1],
    [g2, d2],
  ] as const) {
    if (dd.isZero()) {
      if (g.sign() < 0) return undefined;
      continue;
    }
    const root = g.neg().div(dd);
    if (dd.sign() > 0) lo = root.gt(lo) ? root : lo;
    else hi = root.lt(hi) ? root : hi;
  }
  if (lo.gt(hi)) return undefined;
  const a = d1.mul(d2);
  const b = d1.mul(g2).add(d2.mul(g1));
  // Convex or linear along the edge: the maximum is at an end. Ends are either hull vertices
  // (scored already) or points where a gain is 0 (product 0), so only an inner λ* can win.
  if (a.sign() >= 0) return undefined;
  const star = b.neg().div(a.add(a));
  return star.gt(lo) && star.lt(hi) ? star : undefined;
}

function gains(u: Point, d: Point): [Rational, Rational] | undefined {
  const g1 = u[0].sub(d[0]);
  const g2 = u[1].sub(d[1]);
  return g1.sign() < 0 || g2.sign() < 0 ? undefined : [g1, g2];
}

function noGain(n: number): BargainingResult {
  return {
    agreement: false,
    reason:
      n === 0
        ? "there are no deals to choose from"
        : "no feasible deal gives both players strictly more than the disagreement point",
  };
}
