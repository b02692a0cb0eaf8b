/**
 * The Nash bargaining solution with n players over a finite set of deals (J. Nash, "The
 * bargaining problem", Econometrica 18 (1950) 155–162, as extended to n players): among the
 * deals that give every player at least its disagreement payoff d_i, the one that maximises
 * Π_i (u_i − d_i), scored exactly. With two players it is `nashBargainingFinite`.
 * @module
 */
import { Rational } from "../rational.js";

export interface DealN {
  label: string;
  /** One payoff per player. */
  payoffs: readonly Rational[];
}

export type BargainingResultN =
  | {
      agreement: true;
      point: readonly Rational[];
      /** Π_i (u_i − d_i) at the solution. */
      product: Rational;
      /** Every deal that attains the maximum, in input order (the first is `point`). */
      maximisers: DealN[];
    }
  | { agreement: false; reason: string };

export function nashBargainingFiniteN(
  deals: readonly DealN[],
  disagreement: readonly Rational[],
): BargainingResultN {
  let best: Rational | undefined;
  let maximisers: DealN[] = [];
  for (const deal of deals) {
    if (deal.payoffs.length !== disagreement.length)
      throw new RangeError("nashBargainingFiniteN: a deal needs one payoff per player");
    let prod = Rational.ONE;
    let rational = true;
    deal.payoffs.forEach((u, i) => {
      const g = u.sub(disagreement[i] as Rational);
      if (g.sign() < 0) rational = false;
      prod = prod.mul(g);
    });
    if (!rational) continue;
    const c = best ? prod.cmp(best) : 1;
    if (c > 0) {
      best = prod;
      maximisers = [deal];
    } else if (c === 0) maximisers.push(deal);
  }
  if (!best || best.sign() <= 0)
    return {
      agreement: false,
      reason:
        deals.length === 0
          ? "there are no deals to choose from"
          : "no feasible deal gives every player strictly more than the disagreement point",
    };
  return { agreement: true, point: (maximisers[0] as DealN).payoffs, product: best, maximisers };
}
