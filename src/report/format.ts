/**
 * Number formats shared by every report and the terminal, so that the same figure reads the
 * same everywhere.
 * @module
 */

export { formatNumber, pct, usd } from "../format/number.js";

export function month(m: number | null): string {
  return m === null ? "not by the horizon" : m === 0 ? "never hit" : `month ${m}`;
}

export function worst(m: number | null): string {
  return m === null ? "never hit" : `month ${m}`;
}
