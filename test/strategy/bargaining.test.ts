/**
 * Nash bargaining and Rubinstein's alternating offers on cases solved by hand.
 */
import { describe, expect, it } from "vitest";
import {
  type Deal,
  nashBargainingFinite,
  nashBargainingHull,
} from "../../src/strategy/bargaining/nash-bargaining.js";
import { rubinstein } from "../../src/strategy/bargaining/rubinstein.js";
import { q } from "../../src/strategy/rational.js";

const deal = (label: string, u1: number | string, u2: number | string): Deal => ({
  label,
  payoffs: [q(u1), q(u2)],
});
const zero = [q(0), q(0)] as [ReturnType<typeof q>, ReturnType<typeof q>];

describe("Nash bargaining over a finite set of deals", () => {
  it("maximises the product of gains: (3, 3) beats (4, 1) and (1, 4)", () => {
    const r = nashBargainingFinite([deal("a", 4, 1), deal("b", 3, 3), deal("c", 1, 4)], zero);
    expect(r.agreement && [r.mix[0]?.label, String(r.product)]).toEqual(["b", "9"]);
  });

  it("ignores deals below the disagreement point and reports ties", () => {
    const r = nashBargainingFinite(
      [deal("low", 10, 0), deal("x", 3, 2), deal("y", 2, 3)],
      [q(1), q(1)],
    );
    expect(r.agreement).toBe(true);
    expect(r.maximisers?.map((d) => d.label)).toEqual(["x", "y"]);
  });

  it("reports no agreement when no deal gives both a strict gain", () => {
    const r = nashBargainingFinite([deal("a", 5, 1), deal("b", 1, 5)], [q(1), q(1)]);
    expect(r.agreement).toBe(false);
  });
});

describe("Nash bargaining over the convex hull", () => {
  it("splits a segment evenly from (0, 0): (2, 2) with weights 1/2, 1/2", () => {
    const r = nashBargainingHull([deal("all to 1", 4, 0), deal("all to 2", 0, 4)], zero);
    if (!r.agreement) throw new Error("expected an agreement");
    expect(r.point.map(String)).toEqual(["2", "2"]);
    expect(r.mix.map((m) => [m.label, String(m.weight)])).toEqual([
      ["all to 2", "1/2"],
      ["all to 1", "1/2"],
    ]);
  });

  it("moves with the disagreement point: d = (1, 0) on u1 + u2 = 4 gives (5/2, 3/2)", () => {
    // Maximise (u1 − 1)(4 − u1): u1 = 5/2.
    const r = nashBargainingHull([deal("A", 4, 0), deal("B", 0, 4)], [q(1), q(0)]);
    expect(r.agreement && r.point.map(String)).toEqual(["5/2", "3/2"]);
  });

  it("can prefer a vertex: a kink at (3, 3) beats the edges around it", () => {
    const r = nashBargainingHull(
      [deal("A", 4, 0), deal("K", 3, 3), deal("B", 0, 4), deal("O", 0, 0)],
      zero,
    );
    expect(r.agreement && [r.point.map(String), r.mix.map((m) => m.label)]).toEqual([
      ["3", "3"],
      ["K"],
    ]);
  });

  it("reaches a point between deals that the finite solution cannot (lithography for compute)", () => {
    // Deals: EU grants lithography access (EU 1, other 5) or withholds it for compute access
    // (EU 5, other 1); conflict gives (0, 0). Mixing gives (3, 3), product 9 > 5.
    const ds = [deal("grant", 1, 5), deal("withhold", 5, 1)];
    const hull = nashBargainingHull(ds, zero);
    const finite = nashBargainingFinite(ds, zero);
    expect(hull.agreement && [hull.point.map(String), String(hull.product)]).toEqual([
      ["3", "3"],
      "9",
    ]);
    expect(finite.agreement && String(finite.product)).toBe("5");
  });
});

describe("Rubinstein bargaining", () => {
  it("gives the first mover (1 − δ2)/(1 − δ1δ2)", () => {
    const r = rubinstein({ delta1: q("1/2"), delta2: q("1/2") });
    expect(r.agreement && r.shares.map(String)).toEqual(["2/3", "1/3"]);
    const s = rubinstein({ delta1: q("9/10"), delta2: q("1/2") });
    expect(s.agreement && s.shares.map(String)).toEqual(["10/11", "1/11"]);
  });

  it("lets an outside option bind only when it beats the Rubinstein share", () => {
    // Player 2 gets 1/3 as responder with δ = 1/2; an option of 1/4 is irrelevant, 1/2 binds.
    const weak = rubinstein({ delta1: q("1/2"), delta2: q("1/2"), outside2: q("1/4") });
    expect(weak.agreement && [weak.shares.map(String), weak.binding]).toEqual([
      ["2/3", "1/3"],
      "none",
    ]);
    const strong = rubinstein({ delta1: q("1/2"), delta2: q("1/2"), outside2: q("1/2") });
    expect(strong.agreement && [strong.shares.map(String), strong.binding]).toEqual([
      ["1/2", "1/2"],
      "2",
    ]);
  });

  it("has no agreement when the outside options exhaust the pie, and rejects δ = 1", () => {
    expect(
      rubinstein({ delta1: q("1/2"), delta2: q("1/2"), outside1: q("1/2"), outside2: q("1/2") })
        .agreement,
    ).toBe(false);
    expect(() => rubinstein({ delta1: q(1), delta2: q("1/2") })).toThrow(RangeError);
  });
});
