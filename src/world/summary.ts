/**
 * The readable summary of a world that `levier data show` prints: actors, goods by layer, the
 * top suppliers of every good with their shares, the paper's headline figures, and the export
 * controls on record with what the baseline did to carry those in force.
 * @module
 */

import { realise } from "../run/realise.js";
import { type ControlRow, controlsSummary } from "./controls-summary.js";
import { evaluateHeadlines, type HeadlineResult } from "./headlines.js";
import { figure } from "./realised.js";
import type { Layer, TradeCodes, World } from "./schema.js";
import { sharesByGood } from "./shares.js";

export interface WorldSummary {
  meta: World["meta"];
  actors: {
    id: string;
    name: string;
    kind: string;
    members?: string[];
    /** ISO 3166 alpha-3 code, for maps. */
    iso3?: string;
    /** Persons (central value). */
    population?: number;
  }[];
  goods: {
    id: string;
    name: string;
    layer: Layer;
    unit: string;
    globalOutput: number;
    /** The codes trade statistics record the good under (HS, EBOPS, CPA), with their source. */
    tradeCodes?: TradeCodes;
  }[];
  /** Per good id: every supplier and its share of world output (0–1, central value), with the
   * id of the source of its share and the year it describes, where the data names them. */
  suppliers: Record<string, SupplierShare[]>;
  /** The bibliography the figures name by id. */
  sources: {
    id: string;
    kind: string;
    publisher: string;
    title: string;
    year: number;
    url?: string;
  }[];
  firms: { id: string; name: string; actor: string; valuation?: number }[];
  headlines: HeadlineResult[];
  /** Export controls on record, in force at the world's as-of date or not. */
  controls: ControlRow[];
  /** What the baseline did to balance the goods the controls in force cut, in words. */
  baselineNotes: string[];
  counts: {
    actors: number;
    goods: number;
    suppliers: number;
    sources: number;
    controls: number;
    controlsInForce: number;
  };
}

export interface SupplierShare {
  actor: string;
  share: number;
  source?: string;
  year?: number;
}

/** The source and year a figure names itself, or else its item's. */
function provenanceOf(
  figure: unknown,
  item: { source?: string | undefined; year?: number | undefined },
): { source?: string; year?: number } {
  const own = typeof figure === "object" && figure !== null ? (figure as typeof item) : {};
  const source = own.source ?? item.source;
  const year = own.year ?? item.year;
  return { ...(source ? { source } : {}), ...(year !== undefined ? { year } : {}) };
}

export function summarize(source: World): WorldSummary {
  // Described at central values, on the world as the model reads it.
  const world = realise(source);
  const shares = sharesByGood(world);
  const controls = controlsSummary(world);
  return {
    meta: world.meta,
    actors: world.actors.map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      ...(a.members ? { members: [...a.members] } : {}),
      ...(a.iso3 ? { iso3: a.iso3 } : {}),
      ...(a.population !== undefined ? { population: figure(a.population) } : {}),
    })),
    goods: world.goods.map((g) => ({
      id: g.id,
      name: g.name,
      layer: g.layer,
      unit: g.unit,
      globalOutput: figure(g.globalOutput),
      ...(g.tradeCodes ? { tradeCodes: g.tradeCodes } : {}),
    })),
    suppliers: Object.fromEntries(
      [...shares].map(([good, list]) => [
        good,
        list.map((s) => {
          const row = source.suppliers.find((r) => r.good === good && r.actor === s.actor);
          return { ...s, ...(row ? provenanceOf(row.share ?? row.output, row) : {}) };
        }),
      ]),
    ),
    sources: world.sources.map((s) => ({
      id: s.id,
      kind: s.kind,
      publisher: s.publisher,
      title: s.title,
      year: s.year,
      ...(s.url ? { url: s.url } : {}),
    })),
    firms: world.firms.map((f) => ({
      id: f.id,
      name: f.name,
      actor: f.actor,
      ...(f.valuation !== undefined ? { valuation: figure(f.valuation) } : {}),
    })),
    headlines: evaluateHeadlines(world),
    controls: controls.controls,
    baselineNotes: controls.baselineNotes,
    counts: {
      actors: world.actors.length,
      goods: world.goods.length,
      suppliers: world.suppliers.length,
      sources: world.sources.length,
      controls: world.controls.length,
      controlsInForce: controls.controls.filter((c) => c.inForce).length,
    },
  };
}
