/**
 * The economy sectors as goods of the world (layer `economy`, unit "USD bn of output", price
 * 1e9), with their supplier, final-demand and flow rows. Derived figures cite the derived
 * source of the step that produced them (`ids`); assumptions keep the sources they carry in the
 * assumptions file.
 * @module
 */

import { pct as percent } from "../format/number.js";
import type { Quantity } from "../world/quantity.js";
import type { Demand, Flow, Good, RecipeInput, Supplier } from "../world/schema.js";
import type { Assumptions } from "./crosswalk.js";
import type { Economy } from "./economy.js";
import type { JoinResult } from "./join.js";

export interface SourceIds {
  output: string;
  valueAdded: string;
  coefficients: string;
  finalUse: string;
  flows: string;
  join: string;
}

export interface SectorRows {
  goods: Good[];
  suppliers: Supplier[];
  demand: Demand[];
  flows: Flow[];
}

/** Shares are written to this many significant digits (small actors of big sectors need them
 * for their flows to fit); ROW takes the remainder to 1. */
const SHARE_DIGITS = 12;

export function sectorRows(
  eco: Economy,
  as: Assumptions,
  join: JoinResult,
  ids: SourceIds,
  year: number,
): SectorRows {
  const S = eco.sectors.length;
  const A = eco.actors.length;
  const fig = (value: number, source: string): Quantity => ({ value: sig(value), source, year });
  const goods = as.sectors.map((sector): Good => {
    const s = eco.sectors.indexOf(sector.id);
    const recipe: RecipeInput[] = [];
    for (let t = 0; t < S; t++) {
      const c = eco.coef[t * S + s]!;
      if (c < as.minCoefficient) continue;
      recipe.push({
        input: eco.sectors[t]!,
        perUnit: fig(c, ids.coefficients),
        criticality: criticalityOf(as, eco.sectors[t]!, sector.id),
      });
    }
    for (const j of join.inputs.filter((x) => x.sector === s)) {
      const [mode, low, high] = j.perUnit;
      recipe.push({
        input: j.good,
        perUnit: {
          dist: "triangular",
          low: sigDown(low),
          mode: sigDown(mode),
          high: sig(high),
          source: ids.join,
          year,
        },
        criticality: j.criticality,
        note: `${pct(j.share[0])} (${pct(j.share[1])}-${pct(j.share[2])}) of the good's net final demand`,
      });
    }
    const x = eco.output[s]!;
    return {
      id: sector.id,
      name: sector.name,
      unit: "USD bn of output",
      layer: "economy",
      description: sector.description,
      globalOutput: fig(x, ids.output),
      utilisation: sector.utilisation,
      recipe,
      stockMonths: sector.stockMonths,
      rampUp: sector.rampUp,
      valueAddedPerUnit: fig((1e9 * eco.valueAdded[s]!) / x, ids.valueAdded),
      pricePerUnit: { value: 1e9, source: ids.output, year },
      securityWeight: sector.securityWeight,
      demandElasticity: sector.demandElasticity,
      source: ids.output,
      year,
    };
  });
  const shareRows = (values: (s: number, a: number) => number, source: string) =>
    as.sectors.flatMap((sector) => {
      const s = eco.sectors.indexOf(sector.id);
      const total = eco.actors.reduce((t, _, a) => t + values(s, a), 0);
      const rows = eco.actors.map((actor, a) => ({
        good: sector.id,
        actor,
        share: round(total > 0 ? values(s, a) / total : 0),
        source,
        year,
      }));
      const row = rows.find((r) => r.actor === "ROW")!;
      row.share = round(1 - rows.reduce((t, r) => t + (r === row ? 0 : r.share), 0));
      return rows.filter((r) => r.share > 0);
    });
  const suppliers = shareRows((s, a) => eco.supply[s * A + a]!, ids.output);
  const demand = shareRows((s, a) => eco.demandKey[s * A + a]!, ids.finalUse);
  const flows: Flow[] = [];
  for (const sector of as.sectors) {
    const s = eco.sectors.indexOf(sector.id);
    eco.actors.forEach((to, b) => {
      let imports = 0;
      eco.actors.forEach((from, a) => {
        const v = eco.flows[(s * A + a) * A + b]!;
        if (a === b || !(v > 0)) return;
        flows.push({ good: sector.id, from, to, volume: sig(v), source: ids.flows, year });
        imports++;
      });
      // A buyer that imports none of it in the table gets one row of volume 0, so that it buys
      // at home rather than from the pooled market.
      if (imports === 0) {
        const from = eco.actors.find((x) => x !== to)!;
        flows.push({ good: sector.id, from, to, volume: 0, source: ids.flows, year });
      }
    });
  }
  return { goods, suppliers, demand, flows };
}

export function criticalityOf(as: Assumptions, input: string, user: string): Quantity {
  const c = as.criticality;
  const pair = (c.pairs ?? []).find((p) => p.input === input && p.user === user);
  return pair?.criticality ?? c.inputs?.[input] ?? c.default;
}

/** Twelve significant digits: the baseline balances flows to 1e-9, so the figures must fit. */
export function sig(v: number): number {
  return Number(v.toPrecision(12));
}

/** Twelve significant digits rounded towards 0, so that rounded uses never exceed the total. */
function sigDown(v: number): number {
  if (v === 0) return 0;
  const e = 10 ** (Math.floor(Math.log10(Math.abs(v))) - 11);
  return Number((Math.floor(v / e) * e).toPrecision(12));
}

function round(v: number): number {
  return v === 0 ? 0 : Number(v.toPrecision(SHARE_DIGITS));
}

function pct(v: number): string {
  return percent(v, 1);
}
