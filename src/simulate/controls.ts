/**
 * What measures become for the engine: time-varying caps on edges, guaranteed flows, capacity
 * changes and stock targets, each active over a range of months. The engine never looks at a
 * measure's type; it applies these rules.
 * @module
 */

/** Months are 1-based and both ends are inclusive. */
export interface MonthRange {
  start: number;
  end: number;
}

/** Caps what may flow on some edges each month. */
export interface EdgeCap extends MonthRange {
  edges: Int32Array;
  /** fraction: each edge may carry `value` × its baseline flow. budget: the edges together may
   * carry `value` units per month, shared in proportion to what is ordered on them. */
  kind: "fraction" | "budget";
  value: number;
  /** Share of the blocked volume that gets through anyway (enforcement gaps, transshipment). */
  leakage: number;
  /** The measure this rule comes from, for reports. */
  label: string;
}

/** A flow the supplier serves first and that no cap blocks. */
export interface EdgeGuarantee extends MonthRange {
  edges: Int32Array;
  /** Guaranteed units per month per edge. */
  volume: Float64Array;
  label: string;
}

/** Multiplies capacity (a shock) or adds to it (an investment) on some nodes. */
export interface CapacityChange extends MonthRange {
  nodes: Int32Array;
  factor: number;
  /** Units per month added to each node. */
  add: Float64Array;
  label: string;
}

/** Extra months of stock that some pools aim to hold. */
export interface StockTarget extends MonthRange {
  pools: Int32Array;
  extraMonths: number;
  label: string;
}

export interface Controls {
  caps: EdgeCap[];
  guarantees: EdgeGuarantee[];
  capacity: CapacityChange[];
  stocks: StockTarget[];
}

export const NO_CONTROLS: Controls = { caps: [], guarantees: [], capacity: [], stocks: [] };

export function active(r: MonthRange, month: number): boolean {
  return month >= r.start && month <= r.end;
}

/** The months at which the set of active rules may change: each start and each end + 1. */
export function boundaries(c: Controls): Set<number> {
  const out = new Set<number>();
  for (const list of [c.caps, c.guarantees, c.capacity, c.stocks] as MonthRange[][]) {
    for (const r of list) {
      out.add(r.start);
      out.add(r.end + 1);
    }
  }
  return out;
}
