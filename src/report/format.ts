/**
 * Number formats shared by every report, so that the same figure reads the same everywhere.
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

/** Shares as percentages with two decimals: "12.34%". */
export function pct(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

export function month(m: number | null): string {
  return m === null ? "not by the horizon" : m === 0 ? "never hit" : `month ${m}`;
}

export function worst(m: number | null): string {
  return m === null ? "never hit" : `month ${m}`;
}
