/**
 * Hypothetical extraction (Miller & Blair 2009, §12.2; Dietzenbacher, van der Linden & Steenge
 * 1993): how much output the economy would lose without a sector's links.
 *
 * - Forward (supply side): sector k stops selling to other sectors. In the Ghosh model
 *   x' = v'(I − B)⁻¹ with primary inputs v_j = x_j − Σ_i z_ij, row k of B is set to 0, and the
 *   loss is x − x̄ for every sector: the output downstream that rested on k's supply.
 * - Backward (demand side): sector k stops buying from and selling to other sectors (row and
 *   column k of A set to 0, its own final demand kept): x̄ = (I − Ā)⁻¹ f with f = x − A x, and
 *   the loss is x − x̄, the output upstream that served k.
 *
 * Both solve with the sparse Neumann series (`sparse.ts`).
 * @module
 */
import { allocationCoefficients, type IoTable, technicalCoefficients } from "./leontief.js";
import { csrFromDense, csrTranspose, solveLeontief } from "./sparse.js";

export interface Extraction {
  sector: string;
  /** Output lost by every sector (x − x̄), same unit as the table. */
  lost: Float64Array;
  /** Σ of the losses over the other sectors, and that over their total output. */
  lostElsewhere: number;
  lostElsewhereShare: number;
}

function summarise(table: IoTable, k: number, xbar: Float64Array): Extraction {
  const lost = Float64Array.from(table.x, (x, i) => x - xbar[i]!);
  let elsewhere = 0;
  let total = 0;
  lost.forEach((l, i) => {
    if (i === k) return;
    elsewhere += l;
    total += table.x[i]!;
  });
  return {
    sector: table.ids[k]!,
    lost,
    lostElsewhere: elsewhere,
    lostElsewhereShare: total > 0 ? elsewhere / total : 0,
  };
}

export function extractForward(table: IoTable, k: number): Extraction {
  const n = table.x.length;
  const B = allocationCoefficients(table);
  const v = Float64Array.from(table.x, (x, j) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += table.z[i * n + j]!;
    return x - s;
  });
  for (let j = 0; j < n; j++) B[k * n + j] = 0;
  // x̄' = v'(I − B̄)⁻¹  ⇔  (I − B̄ᵀ) x̄ = v.
  const xbar = solveLeontief(csrTranspose(csrFromDense(B, n)), v).x;
  return summarise(table, k, xbar);
}

export function extractBackward(table: IoTable, k: number): Extraction {
  const n = table.x.length;
  const A = technicalCoefficients(table);
  const f = Float64Array.from(table.x, (x, i) => {
    let s = 0;
    for (let j = 0; j < n; j++) s += A[i * n + j]! * table.x[j]!;
    return x - s;
  });
  for (let j = 0; j < n; j++) {
    if (j !== k) {
      A[k * n + j] = 0;
      A[j * n + k] = 0;
    }
  }
  const xbar = solveLeontief(csrFromDense(A, n), f).x;
  return summarise(table, k, xbar);
}
