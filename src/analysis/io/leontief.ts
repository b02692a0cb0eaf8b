/**
 * Input–output multipliers of a table of intermediate flows Z (z_ij: value of i used by j per
 * year) and total outputs x (Miller & Blair 2009, ch. 2 and §12.1):
 *
 * - technical coefficients A = Z diag(x)⁻¹ (a_ij = z_ij / x_j, inputs per unit of output);
 * - the Leontief inverse L = (I − A)⁻¹ and output multipliers m_j = Σ_i L_ij, the output of
 *   every sector needed per unit of final demand for j (backward linkage);
 * - allocation coefficients B = diag(x)⁻¹ Z (b_ij = z_ij / x_i, shares of i's output sold to
 *   j), the Ghosh inverse G = (I − B)⁻¹ and supply-side multipliers g_i = Σ_j G_ij, the output
 *   downstream of a unit of primary input into i (forward linkage).
 *
 * Two paths give the same multipliers: dense (LU, the whole inverses) and sparse (one Neumann
 * series solve each, m = (I − Aᵀ)⁻¹ 1 and g = (I − B)⁻¹ 1, no inverse formed).
 * @module
 */
import { identityMinus, invert } from "./dense.js";
import { csrFromDense, csrTranspose, type SolveOptions, solveLeontief } from "./sparse.js";

export interface IoTable {
  ids: string[];
  /** z[i * n + j]: value of sector i's output used by sector j per year. */
  z: Float64Array;
  /** Total output of each sector per year, same unit. */
  x: Float64Array;
}

export interface Multipliers {
  /** Column sums of the Leontief inverse. */
  output: Float64Array;
  /** Row sums of the Ghosh inverse. */
  supply: Float64Array;
}

export function technicalCoefficients({ z, x }: IoTable): Float64Array {
  const n = x.length;
  return Float64Array.from(z, (v, k) => {
    const xj = x[k % n]!;
    return xj > 0 ? v / xj : 0;
  });
}

export function allocationCoefficients({ z, x }: IoTable): Float64Array {
  const n = x.length;
  return Float64Array.from(z, (v, k) => {
    const xi = x[Math.floor(k / n)]!;
    return xi > 0 ? v / xi : 0;
  });
}

export function leontiefInverse(table: IoTable): Float64Array {
  const n = table.x.length;
  return invert(identityMinus(technicalCoefficients(table), n), n);
}

export function ghoshInverse(table: IoTable): Float64Array {
  const n = table.x.length;
  return invert(identityMinus(allocationCoefficients(table), n), n);
}

/** Multipliers from the dense inverses. */
export function multipliersDense(table: IoTable): Multipliers {
  const n = table.x.length;
  const L = leontiefInverse(table);
  const G = ghoshInverse(table);
  const output = new Float64Array(n);
  const supply = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      output[j] = output[j]! + L[i * n + j]!;
      supply[i] = supply[i]! + G[i * n + j]!;
    }
  }
  return { output, supply };
}

/** Multipliers by two sparse Neumann-series solves. */
export function multipliersSparse(table: IoTable, opts: SolveOptions = {}): Multipliers {
  const n = table.x.length;
  const ones = new Float64Array(n).fill(1);
  const At = csrTranspose(csrFromDense(technicalCoefficients(table), n));
  const B = csrFromDense(allocationCoefficients(table), n);
  return { output: solveLeontief(At, ones, opts).x, supply: solveLeontief(B, ones, opts).x };
}
