/**
 * Rubinstein's alternating-offers bargaining (A. Rubinstein, "Perfect equilibrium in a
 * bargaining model", Econometrica 50 (1982) 97–109) over a pie of size 1, with discount
 * factors δ1, δ2 ∈ [0, 1), player 1 proposing first. The unique subgame-perfect equilibrium
 * agrees at once; player 1 gets (1 − δ2)/(1 − δ1δ2).
 *
 * **Outside options** w1, w2 ≥ 0 (Binmore, Shaked & Sutton 1989; A. Muthoo, Bargaining Theory
 * with Applications, 1999, §5.3): a responder may, instead of countering, opt out and take
 * w_i. In the stationary equilibrium player 1 keeps x and player 2, when proposing, offers y:
 *
 *     x = 1 − max(δ2(1 − y), w2),     y = max(δ1 x, w1)
 *
 * a contraction (slope ≤ δ1δ2 < 1), so there is one solution, found by trying the four cases
 * of which maximum binds. An outside option matters only when it beats what the player would
 * get by waiting (the outside option principle). With w1 + w2 ≥ 1 no split beats opting out,
 * and there is no agreement.
 * @module
 */
import { Rational } from "../rational.js";

export interface RubinsteinInput {
  delta1: Rational;
  delta2: Rational;
  /** Outside options, 0 when absent. */
  outside1?: Rational;
  outside2?: Rational;
}

export type RubinsteinResult =
  | {
      agreement: true;
      /** Shares of the pie under the immediate agreement (player 1 proposes). */
      shares: [Rational, Rational];
      /** What player 2 offers player 1 when it is player 2's turn to propose. */
      responderOffer: Rational;
      /** Which outside options bind ("none", "1", "2" or "both"). */
      binding: "none" | "1" | "2" | "both";
    }
  | { agreement: false; reason: string };

export function rubinstein(input: RubinsteinInput): RubinsteinResult {
  const { delta1: d1, delta2: d2 } = input;
  const w1 = input.outside1 ?? Rational.ZERO;
  const w2 = input.outside2 ?? Rational.ZERO;
  const one = Rational.ONE;
  for (const [name, d] of [
    ["delta1", d1],
    ["delta2", d2],
  ] as const)
    if (d.sign() < 0 || d.ge(one))
      throw new RangeError(`rubinstein: ${name} must be in [0, 1), found ${d}`);
  if (w1.sign() < 0 || w2.sign() < 0)
    throw new RangeError("rubinstein: outside options must be ≥ 0");
  if (w1.add(w2).ge(one))
    return { agreement: false, reason: "the outside options add up to the whole pie or more" };
  const candidates: [Rational, Rational, "none" | "1" | "2" | "both"][] = [];
  const plain = one.sub(d2).div(one.sub(d1.mul(d2)));
  candidates.push([plain, d1.mul(plain), "none"]);
  candidates.push([one.sub(w2), d1.mul(one.sub(w2)), "2"]);
  candidates.push([one.sub(d2.mul(one.sub(w1))), w1, "1"]);
  candidates.push([one.sub(w2), w1, "both"]);
  for (const [x, y, binding] of candidates) {
    const yy = maxR(d1.mul(x), w1);
    const xx = one.sub(maxR(d2.mul(one.sub(y)), w2));
    if (x.eq(xx) && y.eq(yy))
      return { agreement: true, shares: [x, one.sub(x)], responderOffer: y, binding };
  }
  throw new Error("rubinstein: no stationary solution (cannot happen for δ1δ2 < 1)");
}

function maxR(a: Rational, b: Rational): Rational {
  return a.ge(b) ? a : b;
}
