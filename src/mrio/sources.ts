/**
 * The derived sources of an import, whose notes give each step's arithmetic (from the import's
 * report), so that every figure the import writes can be traced to the table and the
 * assumptions.
 * @module
 */

import { pct } from "../format/number.js";
import type { Source } from "../world/schema.js";
import type { Assumptions, Crosswalk } from "./crosswalk.js";
import type { ImportReport } from "./report.js";
import type { SourceIds } from "./sector-goods.js";

export function derivedSources(
  ids: SourceIds,
  rep: ImportReport,
  cw: Crosswalk,
  as: Assumptions,
  year: number,
): Source[] {
  const table = cw.sources.find((s) => s.id === cw.table.source);
  const name = table ? table.title : cw.table.source;
  const publisher = `levier (derived from ${cw.table.source})`;
  const n = (v: number) => Math.round(v).toLocaleString("en-US");
  const f2 = (v: number) => v.toFixed(2);
  const steps = [
    `Table: ${name} (${rep.table.layout}, ${rep.table.year}): ${rep.table.sectors} region-industry rows, output USD ${n(rep.table.output)} bn, value added (output less intermediate inputs) USD ${n(rep.table.valueAdded)} bn.`,
    rep.carvedRegion
      ? `Regions: each maps to one actor; ${rep.carvedRegion.actors.map((a) => a.actor).join(", ")} are carved out of ${rep.carvedRegion.region} in proportion to their GDP (${rep.carvedRegion.actors.map((a) => `${a.actor} ${pct(a.share, 2)}`).join(", ")} of its estimated USD ${n(rep.carvedRegion.gdp)} bn = their GDP + ${pct(rep.carvedRegion.shareOfHost, 1)} of ROW's GDP, the region's share of the table's ROW value added), with its structure; its internal flows become each part's domestic flows.`
      : "Regions: each maps to one actor.",
    `Scaling: each actor's output, inputs, value added and final use × GDP_${year} / VA_${rep.table.year}: ${rep.scaling.map((s) => `${s.actor} ${f2(s.factor)}`).join(", ")}.`,
    `Carve-out: the chain goods' output (USD ${n(rep.chain.output)} bn, value added ${n(rep.chain.valueAdded)} bn) is subtracted actor by actor from its industry (${Object.entries(
      cw.chainGoods,
    )
      .map(
        ([g, i]) =>
          `${g} ${
            typeof i === "string"
              ? i
              : Object.entries(i)
                  .map(([k, w]) => `${k} ${w}`)
                  .join("/")
          }`,
      )
      .join(
        ", ",
      )}), USD ${n(rep.carve.output)} bn of output and ${n(rep.carve.valueAdded)} bn of value added in all; floored at 0 in ${rep.carve.floors.length} actor-industries (${rep.carve.floors.map((b) => `${b.actor} ${b.industry}: chain ${n(b.chainOutput)} of ${n(b.output)}`).join("; ")}).`,
    `Sectors: ${as.sectors
      .map(
        (s) =>
          `${s.id} = ${Object.entries(cw.industries)
            .filter(([, v]) => v === s.id)
            .map(([k]) => k)
            .join("+")}`,
      )
      .join("; ")}.`,
  ];
  const common = steps.join(" ");
  const mk = (
    id: string,
    title: string,
    note: string,
    kind: Source["kind"] = "derived",
  ): Source => ({
    id,
    kind,
    publisher,
    title,
    year,
    ...(kind === "derived"
      ? {
          from: [cw.table.source],
          via: `levier data import mrio (data/crosswalks/${cw.table.layout}.yaml and its assumptions)`,
        }
      : {}),
    note: `${note} ${common}`,
  });
  const va = rep.sectors.map((s) => `${s.id} ${(s.valueAdded / s.output).toFixed(3)}`).join(", ");
  const joinNote = rep.join
    .map(
      (j) =>
        `${j.good}: net final demand ${j.netFinal.toPrecision(4)} ${j.unit}, ${pct(j.final, 1)} stays final, ${j.sectors.map((s) => `${s.id} ${pct(s.share, 1)}`).join(", ")}`,
    )
    .join("; ");
  return [
    mk(
      ids.output,
      "Economy sectors: world output and supplier shares",
      `World output (USD bn): ${rep.sectors.map((s) => `${s.id} ${n(s.output)}`).join(", ")}; supplier share = the actor's output of the sector after the steps below over world output.`,
    ),
    mk(
      ids.valueAdded,
      "Economy sectors: value added per unit of output",
      `Value added per USD of output, world (sum over actors of value added over output): ${va}. World value added in the model (sectors + chain goods) USD ${n(rep.model.valueAdded)} bn = ${pct(rep.model.ratio, 2)} of world GDP ${n(rep.model.gdp)}.`,
    ),
    mk(
      ids.coefficients,
      "Economy sectors: input coefficients between sectors",
      "perUnit(s -> t) = world purchases of sector s by sector t / world output of t, from the intermediate block after the steps below; coefficients below " +
        as.minCoefficient +
        " are left out.",
    ),
    mk(
      ids.finalUse,
      "Economy sectors: final use by actor",
      "Each actor's share of the sector's final demand in the model = its use of the sector in the table (what it buys for its industries and its final use: households, non-profits, government, capital formation, inventories), less what its industries need at the world-average input coefficients, floored at 0; so each actor's use in the model (its industries' need plus its final demand) is its use in the table, and its imports (the flows) fit it. After the steps below.",
    ),
    mk(
      ids.flows,
      "Economy sectors: bilateral flows",
      "Volume from a to b = what a's sector supplies to b's industries and final use (USD bn a year), after the steps below; the baseline year balances them (RAS) to the model's outputs and uses, each buyer's own industry supplying the rest of its use.",
    ),
    mk(
      ids.join,
      "Chain goods bought by the economy sectors (the join)",
      `perUnit(g -> t) = share × net final demand of g / world output of t. ${joinNote}. Shares named in the assumptions are theirs; the rest goes to the other sectors in proportion to their purchases of the rule's restBy sector in the table.`,
      "assumption",
    ),
  ];
}
