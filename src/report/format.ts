/**
 * Number formats shared by every report and the terminal, so that the same figure reads the
 * same everywhere.
 * @module
 */

export { formatNumber, pct, score, usd } from "../format/number.js";

/** A recovery month (`recoveryMonth`): from when the monthly loss stays below 1% of the
 * actor's baseline monthly value added. */
export function month(m: number | null): string {
  return m === null ? "not by the horizon" : m === 0 ? "never 1% down" : `month ${m}`;
}

/** The month of the largest monthly loss (`worstMonth`). */
export function worst(m: number | null): string {
  return m === null ? "no loss" : `month ${m}`;
}
