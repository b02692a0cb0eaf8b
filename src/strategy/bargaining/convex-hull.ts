/**
 * The convex hull of points in the plane, exactly (Andrew's monotone chain, A. M. Andrew,
 * "Another efficient algorithm for convex hulls in two dimensions", Inf. Proc. Letters 9
 * (1979) 216–219), counter-clockwise, without collinear points.
 * @module
 */
import type { Rational } from "../rational.js";

export type Point = [Rational, Rational];

export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((p, q) => p[0].cmp(q[0]) || p[1].cmp(q[1]));
  const unique = sorted.filter((p, i) => {
    const prev = sorted[i - 1];
    return prev === undefined || !(prev[0].eq(p[0]) && prev[1].eq(p[1]));
  });
  if (unique.length <= 2) return unique;
  const half = (list: Point[]) => {
    const h: Point[] = [];
    for (const p of list) {
      while (
        h.length >= 2 &&
        cross(h[h.length - 2] as Point, h[h.length - 1] as Point, p).sign() <= 0
      )
        h.pop();
      h.push(p);
    }
    h.pop();
    return h;
  };
  const lower = half(unique);
  const upper = half([...unique].reverse());
  return [...lower, ...upper];
}

/** (b − a) × (c − a): > 0 when a, b, c turn counter-clockwise. */
function cross(a: Point, b: Point, c: Point): Rational {
  return b[0]
    .sub(a[0])
    .mul(c[1].sub(a[1]))
    .sub(b[1].sub(a[1]).mul(c[0].sub(a[0])));
}
