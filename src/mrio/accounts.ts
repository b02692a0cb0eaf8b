/**
 * Input–output accounts over levier's actors: rows and columns are (actor, code) pairs, code
 * being a table industry or an economy sector; final use is by buying actor. The steps of the
 * import (aggregation, scaling, carve-out, grouping into sectors) each take and return these.
 * @module
 */

export interface Accounts {
  actors: string[];
  codes: string[];
  /** z[p * m + q], m = actors × codes, p = a * codes + i: what (a, i) supplies to (b, j). */
  z: Float64Array;
  /** y[p * actors + b]: what (a, i) supplies to the final use of actor b. */
  y: Float64Array;
  /** Gross output of each (actor, code). */
  x: Float64Array;
  /** Value added of each (actor, code). */
  va: Float64Array;
}

export function emptyAccounts(actors: string[], codes: string[]): Accounts {
  const m = actors.length * codes.length;
  return {
    actors,
    codes,
    z: new Float64Array(m * m),
    y: new Float64Array(m * actors.length),
    x: new Float64Array(m),
    va: new Float64Array(m),
  };
}

/** Output less intermediate inputs, column by column. */
export function residualValueAdded(acc: Accounts): Float64Array {
  const m = acc.x.length;
  const va = Float64Array.from(acc.x);
  for (let p = 0; p < m; p++) for (let q = 0; q < m; q++) va[q] = va[q]! - acc.z[p * m + q]!;
  return va;
}

/** Sum of `values` over the codes of each actor. */
export function byActor(acc: Accounts, values: Float64Array): Float64Array {
  const C = acc.codes.length;
  const out = new Float64Array(acc.actors.length);
  values.forEach((v, p) => {
    out[Math.floor(p / C)] = out[Math.floor(p / C)]! + v;
  });
  return out;
}

/** Sum of `values` over the actors, for each code. */
export function byCode(acc: Accounts, values: Float64Array): Float64Array {
  const C = acc.codes.length;
  const out = new Float64Array(C);
  values.forEach((v, p) => {
    out[p % C] = out[p % C]! + v;
  });
  return out;
}

/** Groups codes: `group[i]` is the index of code i's group in `groups`. */
export function groupCodes(acc: Accounts, groups: string[], group: readonly number[]): Accounts {
  const A = acc.actors.length;
  const C = acc.codes.length;
  const G = groups.length;
  const m = A * C;
  const out = emptyAccounts(acc.actors, groups);
  const n = A * G;
  const to = (p: number) => Math.floor(p / C) * G + group[p % C]!;
  for (let p = 0; p < m; p++) {
    const P = to(p);
    out.x[P] = out.x[P]! + acc.x[p]!;
    out.va[P] = out.va[P]! + acc.va[p]!;
    for (let b = 0; b < A; b++) out.y[P * A + b] = out.y[P * A + b]! + acc.y[p * A + b]!;
    for (let q = 0; q < m; q++) {
      const v = acc.z[p * m + q]!;
      if (v !== 0) out.z[P * n + to(q)] = out.z[P * n + to(q)]! + v;
    }
  }
  return out;
}
