/**
 * From the table's year to the data year: each actor's accounts are scaled so that its value
 * added equals its GDP of the data year (USD bn), keeping its structure. The factor
 * k_a = GDP_a / VA_a multiplies what actor a produces and what it buys: its industries'
 * output, value added and intermediate inputs (its columns of z) and its final use (its column
 * of y). Input coefficients and value-added shares of each actor's industries, and the mix of
 * its final use, are those of the table; world value added becomes world GDP exactly.
 * @module
 */
import { type Accounts, byActor } from "./accounts.js";

export interface Scaled {
  accounts: Accounts;
  /** Per actor: its value added in the table (USD bn), its GDP, and the factor. */
  factors: { actor: string; tableValueAdded: number; gdp: number; factor: number }[];
}

/** `usdPerUnit`: USD per unit of the table (1e6 for USD m); results are in USD bn. */
export function scaleToGdp(
  acc: Accounts,
  gdp: ReadonlyMap<string, number>,
  usdPerUnit: number,
): Scaled {
  const A = acc.actors.length;
  const C = acc.codes.length;
  const m = A * C;
  const toBn = usdPerUnit / 1e9;
  const va = byActor(acc, acc.va);
  const factors = acc.actors.map((actor, a) => {
    const tableValueAdded = va[a]! * toBn;
    const g = gdp.get(actor) ?? 0;
    return {
      actor,
      tableValueAdded,
      gdp: g,
      factor: tableValueAdded > 0 ? g / tableValueAdded : 0,
    };
  });
  const k = factors.map((f) => f.factor * toBn);
  const out: Accounts = {
    actors: acc.actors,
    codes: acc.codes,
    z: new Float64Array(acc.z.length),
    y: new Float64Array(acc.y.length),
    x: new Float64Array(m),
    va: new Float64Array(m),
  };
  for (let q = 0; q < m; q++) {
    const kq = k[Math.floor(q / C)]!;
    out.x[q] = acc.x[q]! * kq;
    out.va[q] = acc.va[q]! * kq;
  }
  for (let p = 0; p < m; p++) {
    for (let q = 0; q < m; q++) out.z[p * m + q] = acc.z[p * m + q]! * k[Math.floor(q / C)]!;
    for (let b = 0; b < A; b++) out.y[p * A + b] = acc.y[p * A + b]! * k[b]!;
  }
  return { accounts: out, factors };
}
