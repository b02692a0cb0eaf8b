/**
 * From a table's regions to levier's actors. Each region maps to one actor, except the region
 * out of which the states it lacks are carved: those states get a share of it in proportion to
 * their GDP, with its structure, and the rest stays with the actor the region maps to. Within a
 * split region, what it supplies to itself stays within each part (each carved state inherits
 * the region's internal flows as its own domestic flows, in proportion to its share); between
 * regions, flows are shared by the product of the parts' shares. Rows, columns and final use
 * thereby keep their identities: each part's output, inputs and value added are its share of
 * the region's.
 * @module
 */
import { type Accounts, emptyAccounts, residualValueAdded } from "./accounts.js";
import type { Crosswalk } from "./crosswalk.js";
import { type MrioTable, valueAdded } from "./table.js";

export interface Part {
  actor: number;
  weight: number;
}

export interface RegionSplit {
  parts: Map<string, Part[]>;
  /** Carved states' shares of the carved region, and the GDP estimate they rest on. */
  carved: { actor: string; share: number }[];
  /** Estimated GDP (data year) of the carved region, and the region's share of its actor. */
  regionGdp: number;
  regionShare: number;
}

/**
 * The parts of each region. The carved region's data-year GDP is estimated as the carved states'
 * GDP plus its share (in table value added) of the actor it maps to, times that actor's GDP.
 */
export function splitRegions(
  table: MrioTable,
  cw: Crosswalk,
  actors: string[],
  gdp: ReadonlyMap<string, number>,
): RegionSplit {
  const index = new Map(actors.map((a, i) => [a, i]));
  const parts = new Map<string, Part[]>();
  for (const [r, a] of Object.entries(cw.regions))
    parts.set(r, [{ actor: index.get(a)!, weight: 1 }]);
  if (!cw.carve) return { parts, carved: [], regionGdp: 0, regionShare: 0 };
  const from = cw.carve.from;
  const host = cw.regions[from]!;
  const va = valueAdded(table);
  let region = 0;
  let hostTotal = 0;
  table.sectors.forEach((s, i) => {
    if (s.region === from) region += va[i]!;
    if (cw.regions[s.region] === host) hostTotal += va[i]!;
  });
  const regionShare = hostTotal > 0 ? region / hostTotal : 0;
  const carvedGdp = cw.carve.actors.reduce((t, a) => t + (gdp.get(a) ?? 0), 0);
  const regionGdp = carvedGdp + regionShare * (gdp.get(host) ?? 0);
  const carved = cw.carve.actors.map((a) => ({ actor: a, share: (gdp.get(a) ?? 0) / regionGdp }));
  const rest = 1 - carved.reduce((t, c) => t + c.share, 0);
  parts.set(from, [
    ...carved.map((c) => ({ actor: index.get(c.actor)!, weight: c.share })),
    { actor: index.get(host)!, weight: rest },
  ]);
  return { parts, carved, regionGdp, regionShare };
}

/** The table over (actor, industry), in the table's units; final categories are summed. */
export function aggregateTable(
  table: MrioTable,
  actors: string[],
  industries: string[],
  parts: ReadonlyMap<string, Part[]>,
): Accounts {
  const acc = emptyAccounts(actors, industries);
  const A = actors.length;
  const C = industries.length;
  const m = A * C;
  const n = table.sectors.length;
  const f = table.finals.length;
  const ind = new Map(industries.map((c, i) => [c, i]));
  const rowParts = table.sectors.map((s) => parts.get(s.region)!);
  const rowInd = table.sectors.map((s) => ind.get(s.industry)!);
  const rowRegion = table.sectors.map((s) => s.region);
  const finalParts = table.finals.map((k) => parts.get(k.region)!);
  for (let i = 0; i < n; i++) {
    const P = rowParts[i]!;
    const ci = rowInd[i]!;
    for (const a of P)
      acc.x[a.actor * C + ci] = acc.x[a.actor * C + ci]! + a.weight * table.output[i]!;
    for (let j = 0; j < n; j++) {
      const v = table.intermediate[i * n + j]!;
      if (v === 0) continue;
      const cj = rowInd[j]!;
      if (rowRegion[i] === rowRegion[j]) {
        for (const a of P) {
          const cell = (a.actor * C + ci) * m + a.actor * C + cj;
          acc.z[cell] = acc.z[cell]! + a.weight * v;
        }
        continue;
      }
      for (const a of P)
        for (const b of rowParts[j]!) {
          const cell = (a.actor * C + ci) * m + b.actor * C + cj;
          acc.z[cell] = acc.z[cell]! + a.weight * b.weight * v;
        }
    }
    for (let k = 0; k < f; k++) {
      const v = table.final[i * f + k]!;
      if (v === 0) continue;
      const same = table.finals[k]!.region === rowRegion[i];
      for (const a of P)
        for (const b of same ? [a] : finalParts[k]!) {
          const cell = (a.actor * C + ci) * A + b.actor;
          acc.y[cell] = acc.y[cell]! + (same ? a.weight : a.weight * b.weight) * v;
        }
    }
  }
  // Value added: output less inputs, column by column (the table's own definition).
  acc.va = residualValueAdded(acc);
  return acc;
}
