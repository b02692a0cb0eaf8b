/**
 * The one set of number formats: every report, the terminal and the core's own messages
 * (warnings, vote tallies, import notes) print a figure the same way. Pure functions, in the
 * core, so that core messages need not format numbers themselves; `report/format.ts` adds the
 * report-only formats (months) and re-exports these.
 * @module
 */

/** USD amounts: "$1.23 bn", "$456 m", "−$12.3 m". */
export function usd(x: number): string {
  const sign = x < 0 ? "−" : "";
  const a = Math.abs(x);
  if (a >= 1e12) return `${sign}$${(a / 1e12).toFixed(2)} tn`;
  if (a >= 1e9) return `${sign}$${(a / 1e9).toFixed(2)} bn`;
  if (a >= 1e6) return `${sign}$${(a / 1e6).toFixed(1)} m`;
  if (a >= 1e3) return `${sign}$${(a / 1e3).toFixed(1)} k`;
  return `${sign}$${a.toFixed(0)}`;
}

/** `x` to `digits` decimals with a true minus sign; what rounds to zero has none ("0.00",
 * never "-0.00"). `trim` drops trailing zeros ("11.3", "−2"). */
export function signed(x: number, digits = 2, trim = false): string {
  const fixed = Math.abs(x).toFixed(digits);
  const text = trim ? String(Number(fixed)) : fixed;
  return `${x < 0 && Number(fixed) !== 0 ? "−" : ""}${text}`;
}

/** Shares as percentages, two decimals unless asked: "12.34%", "−0.50%"; a share that rounds
 * to zero is "0.00%", never "-0.00%". */
export function pct(x: number, digits = 2): string {
  return `${signed(x * 100, digits)}%`;
}

/** Plain numbers: up to 4 significant digits, thousands grouped, no exponent for everyday
 * magnitudes. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const abs = Math.abs(x);
  if (abs >= 1e15 || abs < 1e-4) return x.toExponential(3);
  const digits = Math.max(0, 3 - Math.floor(Math.log10(abs)));
  return x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}
