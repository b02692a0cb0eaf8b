/**
 * Every figure of a world with its path, the range it must lie in, and its provenance (its own
 * source and year, or those of the item that holds it). `levier data sources` lists these, and
 * the validator checks their ranges.
 * @module
 */
import { formatPath } from "../diagnostics/issue.js";
import { central, type Quantity } from "./quantity.js";
import type { World } from "./schema.js";

/** nonneg: >= 0; positive: > 0; unit: in [0, 1]; positive-unit: in (0, 1]. */
export type Range = "nonneg" | "positive" | "unit" | "positive-unit";

export interface FigureRef {
  path: readonly PropertyKey[];
  quantity: Quantity;
  range: Range;
  source?: string;
  /** The source of the item holding the figure, where the figure names another one. */
  itemSource?: string;
  year?: number;
  note?: string;
}

interface Holder {
  source?: string | undefined;
  year?: number | undefined;
}

/** Visits the figures of a world in a stable order (by collection, item, field). */
export function figuresOf(world: World): FigureRef[] {
  const out: FigureRef[] = [];
  const add = (path: PropertyKey[], q: Quantity | undefined, range: Range, holder: Holder) => {
    if (q === undefined) return;
    const ref: FigureRef = { path, quantity: q, range };
    const own: Holder = typeof q === "number" ? {} : q;
    const source = own.source ?? holder.source;
    const year = own.year ?? holder.year;
    if (source !== undefined) ref.source = source;
    if (own.source !== undefined && holder.source !== undefined && holder.source !== own.source)
      ref.itemSource = holder.source;
    if (year !== undefined) ref.year = year;
    if (typeof q !== "number" && q.note !== undefined) ref.note = q.note;
    out.push(ref);
  };
  world.actors.forEach((a, i) => {
    add(["actors", i, "population"], a.population, "nonneg", a);
    add(["actors", i, "gdp"], a.gdp, "nonneg", a);
    add(["actors", i, "manufacturingShare"], a.manufacturingShare, "unit", a);
  });
  world.goods.forEach((g, i) => {
    add(["goods", i, "globalOutput"], g.globalOutput, "positive", g);
    add(["goods", i, "utilisation"], g.utilisation, "positive-unit", g);
    (g.recipe ?? []).forEach((r, j) => {
      add(["goods", i, "recipe", j, "perUnit"], r.perUnit, "nonneg", g);
      add(["goods", i, "recipe", j, "criticality"], r.criticality, "unit", g);
    });
    add(["goods", i, "stockMonths"], g.stockMonths, "nonneg", g);
    add(["goods", i, "rampUp", "lagMonths"], g.rampUp.lagMonths, "nonneg", g);
    add(["goods", i, "rampUp", "ratePerMonth"], g.rampUp.ratePerMonth, "nonneg", g);
    add(["goods", i, "rampUp", "max"], g.rampUp.max, "nonneg", g);
    add(["goods", i, "valueAddedPerUnit"], g.valueAddedPerUnit, "nonneg", g);
    add(["goods", i, "pricePerUnit"], g.pricePerUnit, "nonneg", g);
    add(["goods", i, "securityWeight"], g.securityWeight, "nonneg", g);
    add(["goods", i, "homeBias"], g.homeBias, "unit", g);
    add(["goods", i, "demandElasticity"], g.demandElasticity, "positive", g);
    add(["goods", i, "rationedDemand"], g.rationedDemand, "nonneg", g);
  });
  world.suppliers.forEach((s, i) => {
    add(["suppliers", i, "share"], s.share, "unit", s);
    add(["suppliers", i, "output"], s.output, "nonneg", s);
    add(["suppliers", i, "utilisation"], s.utilisation, "positive-unit", s);
  });
  world.demand.forEach((d, i) => add(["demand", i, "share"], d.share, "unit", d));
  world.flows.forEach((f, i) => add(["flows", i, "volume"], f.volume, "nonneg", f));
  world.firms.forEach((f, i) => add(["firms", i, "valuation"], f.valuation, "nonneg", f));
  world.controls.forEach((c, i) => {
    add(["controls", i, "cap"], c.cap, "unit", c);
    add(["controls", i, "leakage"], c.leakage, "unit", c);
  });
  return out;
}

/** A figure as `data sources` reports it. */
export interface FigureRow {
  path: string;
  value: number;
  distribution?: Quantity;
  source?: string;
  year?: number;
  note?: string;
}

export function figureRow(f: FigureRef): FigureRow {
  const row: FigureRow = { path: formatPath(f.path), value: central(f.quantity) };
  if (typeof f.quantity !== "number" && "dist" in f.quantity) row.distribution = f.quantity;
  if (f.source !== undefined) row.source = f.source;
  if (f.year !== undefined) row.year = f.year;
  if (f.note !== undefined) row.note = f.note;
  return row;
}
