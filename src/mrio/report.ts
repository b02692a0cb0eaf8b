/**
 * What an import did, in numbers: the table's totals, the carved region, the scaling factors,
 * the carve-out and where its floor binds, each sector's output and value added, the join, and
 * the world's value added in the model against world GDP. The CLI prints it; docs/data.md
 * quotes it; `sources.ts` writes it into the derived sources' notes.
 * @module
 */
import { figure, type RealWorld } from "../world/realised.js";
import type { RegionSplit } from "./aggregate.js";
import type { carveOut, FloorBinding } from "./carve.js";
import type { Crosswalk } from "./crosswalk.js";
import type { Economy } from "./economy.js";
import type { JoinResult } from "./join.js";
import type { Scaled } from "./scale.js";
import type { MrioTable } from "./table.js";

export interface ImportReport {
  table: { layout: string; year: number; sectors: number; output: number; valueAdded: number };
  carvedRegion:
    | {
        region: string;
        gdp: number;
        shareOfHost: number;
        actors: { actor: string; share: number }[];
      }
    | undefined;
  scaling: Scaled["factors"];
  carve: { output: number; valueAdded: number; floors: FloorBinding[] };
  sectors: { id: string; output: number; valueAdded: number; netFinal: number }[];
  chain: { output: number; valueAdded: number };
  /** World value added in the model (sectors + chain goods) against world GDP, USD bn. */
  model: { valueAdded: number; gdp: number; ratio: number };
  join: {
    good: string;
    unit: string;
    netFinal: number;
    final: number;
    sectors: { id: string; share: number }[];
  }[];
}

export function reportOf(r: {
  table: MrioTable;
  cw: Crosswalk;
  world: RealWorld;
  split: RegionSplit;
  scaled: Scaled;
  carved: ReturnType<typeof carveOut>;
  eco: Economy;
  join: JoinResult;
}): ImportReport {
  const { eco } = r;
  const S = eco.sectors.length;
  const toBn = r.cw.table.usdPerUnit / 1e9;
  let tableVa = 0;
  r.scaled.factors.forEach((f) => {
    tableVa += f.tableValueAdded;
  });
  const sectors = eco.sectors.map((id, s) => {
    let used = 0;
    for (let t = 0; t < S; t++) used += eco.coef[s * S + t]! * eco.output[t]!;
    return {
      id,
      output: eco.output[s]!,
      valueAdded: eco.valueAdded[s]!,
      netFinal: eco.output[s]! - used,
    };
  });
  let chainOut = 0;
  let chainVa = 0;
  for (const g of r.world.goods) {
    chainOut += (figure(g.globalOutput) * figure(g.pricePerUnit)) / 1e9;
    chainVa += (figure(g.globalOutput) * figure(g.valueAddedPerUnit)) / 1e9;
  }
  const gdp = r.scaled.factors.reduce((t, f) => t + f.gdp, 0);
  const valueAdded = sectors.reduce((t, s) => t + s.valueAdded, 0) + chainVa;
  return {
    table: {
      layout: r.table.layout,
      year: r.cw.table.year,
      sectors: r.table.sectors.length,
      output: r.table.output.reduce((t, v) => t + v, 0) * toBn,
      valueAdded: tableVa,
    },
    carvedRegion: r.cw.carve && {
      region: r.cw.carve.from,
      gdp: r.split.regionGdp,
      shareOfHost: r.split.regionShare,
      actors: r.split.carved,
    },
    scaling: r.scaled.factors,
    carve: { ...r.carved.carved, floors: r.carved.floors },
    sectors,
    chain: { output: chainOut, valueAdded: chainVa },
    model: { valueAdded, gdp, ratio: valueAdded / gdp },
    join: r.join.goods.map((g) => ({
      ...g,
      sectors: r.join.inputs
        .filter((i) => i.good === g.good)
        .map((i) => ({ id: eco.sectors[i.sector]!, share: i.share[0] })),
    })),
  };
}
