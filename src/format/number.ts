/**
 * The one set of number formats: every report, chart label, table, the terminal and the core's
 * own messages (warnings, vote tallies, import notes) print a figure the same way. All of them
 * go through `Intl.NumberFormat` (en-US digits and grouping) with two rules of levier's own: a
 * true minus sign (U+2212), and nothing that rounds to zero carries a sign ("0.00%", never
 * "-0.00%"). Pure functions, in the core, so that core messages need not format numbers
 * themselves; `report/format.ts` adds the report-only formats (months) and re-exports these.
 * @module
 */

const MINUS = "\u2212";
const cache = new Map<string, Intl.NumberFormat>();

/** A cached en-US formatter for `options` (formatters are costly to build). */
function formatter(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat("en-US", { signDisplay: "negative", ...options });
    cache.set(key, f);
  }
  return f;
}

/** `x` through `Intl.NumberFormat` with `options`, with a true minus sign. `signDisplay:
 * "negative"` already leaves a value that rounds to zero unsigned. */
export function formatWith(x: number, options: Intl.NumberFormatOptions): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? "–" : x > 0 ? "∞" : `${MINUS}∞`;
  return formatter(options)
    .formatToParts(x)
    .map((p) => (p.type === "minusSign" ? MINUS : p.type === "exponentSeparator" ? "e" : p.value))
    .join("");
}

/** Fixed decimals: `digits` decimals, or at most `digits` when `trim` ("11.3", "−2"). */
function fixed(x: number, digits: number, trim: boolean): string {
  return formatWith(x, {
    maximumFractionDigits: digits,
    minimumFractionDigits: trim ? 0 : digits,
    useGrouping: false,
  });
}

const SCALES: readonly [number, string, number][] = [
  [1e12, "tn", 2],
  [1e9, "bn", 2],
  [1e6, "m", 1],
  [1e3, "k", 1],
];

/** USD amounts in compact units: "$1.23 bn", "$456.0 m", "−$12.3 m", "$512". */
export function usd(x: number): string {
  if (!Number.isFinite(x)) return formatWith(x, {});
  const a = Math.abs(x);
  const scale = SCALES.find(([s, , d]) => Number((a / s).toFixed(d)) >= 1);
  const digits = scale ? scale[2] : 0;
  const body = formatWith(a / (scale ? scale[0] : 1), {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
  const sign = x < 0 && body !== formatWith(0, { minimumFractionDigits: digits }) ? MINUS : "";
  return `${sign}$${body}${scale ? ` ${scale[1]}` : ""}`;
}

/** `x` to `digits` decimals with a true minus sign; what rounds to zero has none ("0.00",
 * never "-0.00"). `trim` drops trailing zeros ("11.3", "−2"). */
export function signed(x: number, digits = 2, trim = false): string {
  return fixed(x, digits, trim);
}

/** Shares as percentages, two decimals unless asked: "12.34%", "−0.50%". A share too small
 * for the decimals keeps two significant digits rather than reading as nothing ("0.0042%"); a
 * share that is zero is "0.00%", never "-0.00%". */
export function pct(x: number, digits = 2): string {
  const v = x * 100;
  const limit = 0.5 * 10 ** -digits;
  if (v !== 0 && Math.abs(v) < limit && Number.isFinite(v))
    return `${formatWith(v, { maximumSignificantDigits: 2, useGrouping: false })}%`;
  return `${fixed(v, digits, false)}%`;
}

/** Plain numbers: up to 4 significant digits, thousands grouped, no exponent for everyday
 * magnitudes ("94,862,494,047" becomes "94,860,000,000"; 0.0579 stays "0.0579"). */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return formatWith(x, {});
  if (x === 0) return "0";
  const abs = Math.abs(x);
  if (abs >= 1e15 || abs < 1e-4)
    return formatWith(x, { notation: "scientific", maximumSignificantDigits: 4 });
  const digits = Math.max(0, 3 - Math.floor(Math.log10(abs)));
  return formatWith(x, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** Scores and indices (dimensionless, often small): three significant digits, no exponent
 * down to 0.0001 ("0.0579", "1.90", "0.000583"). */
export function score(x: number): string {
  if (!Number.isFinite(x)) return formatWith(x, {});
  if (x === 0) return "0";
  if (Math.abs(x) < 1e-4)
    return formatWith(x, { notation: "scientific", maximumSignificantDigits: 3 });
  return formatWith(x, { maximumSignificantDigits: 3, useGrouping: false });
}
