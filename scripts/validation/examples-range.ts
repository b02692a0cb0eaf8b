/**
 * The values a headline accepts and the verdict on a figure: an estimate widened by the page's
 * rule (a third of its low end to three times its high end) or a stated range, checked to say
 * the headline's sign; a figure in range, beyond its estimate, or outside and by how much.
 * @module
 */
import type { RangedHeadline } from "./examples-schema.js";
import { sig } from "./format.js";

/** The values accepted for a headline's figure, both ends included; undefined for `zero`. The
 * page's rule on an estimate [lo, hi]: the same direction and order of magnitude, from a third
 * of lo to three times hi (three times lo and a third of hi on the side of gains). */
export function acceptedRange(h: RangedHeadline): [number, number] | undefined {
  if (h.range) return h.range;
  if (!h.estimate) return undefined;
  const [lo, hi] = h.estimate;
  return [lo >= 0 ? lo / 3 : lo * 3, hi > 0 ? hi * 3 : hi / 3];
}

/** The range must say the sign: positive [≥ 0, > 0], negative [< 0, ≤ 0], either across 0. */
export function checkRange(h: RangedHeadline, fail: (message: string) => void) {
  if (h.expect === "zero") {
    if (h.range || h.estimate)
      fail("expected no range or estimate with expect: zero (the figure must be exactly 0)");
    return;
  }
  if (h.range && h.estimate) {
    fail("expected an estimate (the page's rule gives the range) or a range, not both");
    return;
  }
  if (h.estimate && !(h.estimate[0] < h.estimate[1])) {
    fail(`expected an estimate with low < high, found [${h.estimate.join(", ")}]`);
    return;
  }
  const range = acceptedRange(h);
  if (!range) {
    fail(`expected an estimate or a range [low, high] with expect: ${h.expect}`);
    return;
  }
  const [lo, hi] = range;
  if (!(lo < hi)) fail(`expected low < high, found [${lo}, ${hi}]`);
  else if (h.expect === "positive" && !(lo >= 0))
    fail(`expected a range at or above 0 with expect: positive, found [${lo}, ${hi}]`);
  else if (h.expect === "negative" && !(hi <= 0))
    fail(`expected a range at or below 0 with expect: negative, found [${lo}, ${hi}]`);
  else if (h.expect === "either" && !(lo < 0 && hi > 0))
    fail(`expected a range across 0 with expect: either, found [${lo}, ${hi}]`);
}

/** Whether a figure meets a ranged expectation, and the verdict in words. */
export function ranged(h: RangedHeadline, value: number | undefined) {
  const out = (verdict: string) => ({ value, met: false, verdict: `outside: ${verdict}` });
  if (value === undefined) return { value, met: false, verdict: "not computed" };
  if (h.expect === "zero")
    return value === 0 ? { value, met: true, verdict: "as expected" } : out("not 0");
  const [lo, hi] = acceptedRange(h) ?? [Number.NaN, Number.NaN];
  if (value >= lo && value <= hi) return { value, met: true, verdict: withinVerdict(h, value) };
  if (h.expect === "positive" && value <= 0)
    return out(value === 0 ? "no effect" : "the opposite direction");
  if (h.expect === "negative" && value >= 0)
    return out(value === 0 ? "no effect" : "the opposite direction");
  if (value < lo)
    return out(lo > 0 ? `${times(lo / value)}× below the low end` : "below the low end");
  return out(
    hi > 0 && value > 0 ? `${times(value / hi)}× above the high end` : "above the high end",
  );
}

/** "as expected", saying where a figure accepted lies beyond the estimate it was reasoned at. */
function withinVerdict(h: RangedHeadline, value: number): string {
  const [lo, hi] = h.estimate ?? [value, value];
  if (value > hi && hi > 0) return `as expected (${times(value / hi)}× the estimate's high end)`;
  if (value < lo && lo > 0 && value > 0)
    return `as expected (${times(lo / value)}× below the estimate's low end)`;
  if (value > hi || value < lo) return "as expected (beyond the estimate)";
  return "as expected";
}

function times(x: number): string {
  return sig(x);
}
