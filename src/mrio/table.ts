/**
 * A multi-regional input–output table in memory, whatever file layout it came from (WIOD's
 * three CSV files, the OECD's one): n sectors (region × industry), their intermediate use of
 * one another, their sales to final-demand columns (region × category), their gross output.
 * Values are in the table's unit (USD m for WIOD and ICIO).
 * @module
 */
import type { Issue, Location } from "../diagnostics/issue.js";

export interface MrioTable {
  /** The layout it was read from, for messages and sources. */
  layout: "wiod" | "icio";
  /** Region and industry of each row (and column, in the same order) of the intermediate block. */
  sectors: { region: string; industry: string }[];
  /** Region (the buyer) and category of each final-demand column. */
  finals: { region: string; category: string }[];
  /** intermediate[i * n + j]: what sector i supplies to sector j. */
  intermediate: Float64Array;
  /** final[i * f + k]: what sector i supplies to final-demand column k. */
  final: Float64Array;
  /** Gross output of each sector. */
  output: Float64Array;
  /** Where each sector's row label and each final column's label stand, for messages. */
  sectorAt: Location[];
  finalAt: Location[];
}

/** Splits `AUS_c1`, `AUS_D01T02` or `AUS_A01_02` at the first underscore. */
export function splitLabel(label: string): [string, string] | undefined {
  const k = label.indexOf("_");
  if (k <= 0 || k === label.length - 1) return undefined;
  return [label.slice(0, k), label.slice(k + 1)];
}

/** Value added of each sector: output − its intermediate inputs (the column sum). */
export function valueAdded(t: MrioTable): Float64Array {
  const n = t.sectors.length;
  const va = Float64Array.from(t.output);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) va[j] = va[j]! - t.intermediate[i * n + j]!;
  return va;
}

/** Output minus what each row's sales add up to (intermediate + final use); 0 when balanced. */
export function rowDiscrepancy(t: MrioTable): Float64Array {
  const n = t.sectors.length;
  const f = t.finals.length;
  const d = Float64Array.from(t.output);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += t.intermediate[i * n + j]!;
    for (let k = 0; k < f; k++) s += t.final[i * f + k]!;
    d[i] = d[i]! - s;
  }
  return d;
}

/** Rows whose sales differ from their output by more than this share of output (and 1 unit). */
export const ROW_BALANCE_TOLERANCE = 0.02;

/**
 * A warning when rows do not balance (the table's own discrepancies and rounding), naming the
 * worst, so that a wrongly assembled table shows before its numbers are used.
 */
export function balanceWarnings(t: MrioTable): Issue[] {
  const d = rowDiscrepancy(t);
  let count = 0;
  let worst = -1;
  let worstGap = 0;
  d.forEach((v, i) => {
    const x = Math.abs(t.output[i]!);
    if (Math.abs(v) <= Math.max(ROW_BALANCE_TOLERANCE * x, 1)) return;
    count++;
    const gap = Math.abs(v) / Math.max(x, 1);
    if (gap > worstGap) {
      worstGap = gap;
      worst = i;
    }
  });
  if (count === 0) return [];
  const s = t.sectors[worst]!;
  const x = t.output[worst]!;
  return [
    {
      severity: "warning",
      code: "unbalanced-rows",
      at: t.sectorAt[worst]!,
      message: `${count} rows' intermediate and final use differ from their output by more than ${100 * ROW_BALANCE_TOLERANCE}%; the worst, ${s.region}_${s.industry}, has output ${x} and use ${x - d[worst]!}; the table's output is used`,
    },
  ];
}
