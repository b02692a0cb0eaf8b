/**
 * The import of an input–output table as levier's economy downstream of the chain, from parsed
 * inputs to the documents to write, without I/O: check the crosswalk against the table and the
 * world, aggregate regions to actors (carving out the states the table lacks), scale each actor
 * to its GDP of the data year, carve the chain's goods out of their industries, group the
 * industries into sectors, join the chain goods' net final demand to the sectors' recipes, and
 * write the sectors as goods with their supplier, final-demand and flow rows, and the seed
 * flows of the chain goods the crosswalk names from their industries' sales (`chain-flows.ts`).
 * @module
 */
import { hasErrors, type Issue } from "../diagnostics/issue.js";
import { realise } from "../run/realise.js";
import { provenanceOf } from "../world/quantity.js";
import { figure, type RealWorld } from "../world/realised.js";
import { intermediateUse } from "../world/recipes.js";
import type { Flow, Source, World, WorldDoc } from "../world/schema.js";
import { groupCodes } from "./accounts.js";
import { aggregateTable, splitRegions } from "./aggregate.js";
import { type ChainOutput, carveOut } from "./carve.js";
import { chainFlowRows, chainFlowSource } from "./chain-flows.js";
import { checkCrosswalk } from "./check.js";
import { type Assumptions, type Crosswalk, industriesOf, type Located } from "./crosswalk.js";
import { economyOf } from "./economy.js";
import { joinChain } from "./join.js";
import { type ImportReport, reportOf } from "./report.js";
import { scaleToGdp } from "./scale.js";
import { type SectorRows, type SourceIds, sectorRows } from "./sector-goods.js";
import { derivedSources } from "./sources.js";
import { balanceWarnings, type MrioTable } from "./table.js";

export interface ImportResult {
  /** Sources and goods of the economy (a partial world document). */
  doc: WorldDoc & { sources: Source[] };
  rows: Omit<SectorRows, "goods"> & { chainFlows: Flow[] };
  report: ImportReport;
  /** Warnings (unbalanced table rows, unused crosswalk entries). */
  issues: Issue[];
}

export function importEconomy(
  table: MrioTable,
  crosswalk: Located<Crosswalk>,
  assumptions: Located<Assumptions>,
  fullWorld: World,
): { result?: ImportResult; issues: Issue[] } {
  // Derived from the central values: the world as the model reads it.
  const world = realise(chainOnly(fullWorld));
  const issues = [
    ...balanceWarnings(table),
    ...checkCrosswalk(table, crosswalk, assumptions, world),
  ];
  const actors = world.actors.filter((a) => a.kind !== "bloc");
  for (const a of actors)
    if (a.gdp === undefined || !(figure(a.gdp) > 0))
      issues.push({
        severity: "error",
        code: "no-gdp",
        message: `actor ${a.id} has no GDP to scale to`,
      });
  if (hasErrors(issues)) return { issues };
  const cw = crosswalk.value;
  const as = assumptions.value;
  const ids = actors.map((a) => a.id);
  const gdp = new Map(actors.map((a) => [a.id, figure(a.gdp!)]));
  const industries = [...new Set(table.sectors.map((s) => s.industry))];

  const split = splitRegions(table, cw, ids, gdp);
  const aggregated = aggregateTable(table, ids, industries, split.parts);
  const scaled = scaleToGdp(aggregated, gdp, cw.table.usdPerUnit);
  for (const f of scaled.factors)
    if (!(f.factor > 0))
      issues.push({
        severity: "error",
        code: "no-value-added",
        message: `actor ${f.actor} has no value added in the table (found ${f.tableValueAdded} USD bn)`,
      });
  if (hasErrors(issues)) return { issues };
  const carved = carveOut(scaled.accounts, chainOutputs(world, cw));
  const sectorIds = as.sectors.map((s) => s.id);
  const grouped = groupCodes(
    carved.accounts,
    sectorIds,
    industries.map((i) => sectorIds.indexOf(cw.industries[i]!)),
  );
  const eco = economyOf(grouped);
  const use = intermediateUse(realise(world));
  const netFinal = new Map(
    world.goods.map((g, i) => [g.id, { value: figure(g.globalOutput) - use[i]!, unit: g.unit }]),
  );
  const joined = joinChain(eco, assumptions, netFinal);
  if (!joined.result) return { issues: [...issues, ...joined.issues] };
  const prefix = cw.table.source;
  const sourceIds: SourceIds = {
    output: `${prefix}_economy_output`,
    valueAdded: `${prefix}_economy_value_added`,
    coefficients: `${prefix}_economy_coefficients`,
    finalUse: `${prefix}_economy_final_use`,
    flows: `${prefix}_economy_flows`,
    join: `${prefix}_economy_join`,
  };
  const dataYear =
    Math.max(...actors.map((a) => provenanceOf(a.gdp!).year ?? a.year ?? 0)) ||
    (fullWorld.meta.asOf ?? cw.table.year);
  const rows = sectorRows(eco, as, joined.result, sourceIds, dataYear);
  const chainFlowId = `${prefix}_chain_flows`;
  const chain = chainFlowRows(world, cw, aggregated, chainFlowId, dataYear);
  issues.push(...chain.issues);
  const report = reportOf({ table, cw, world, split, scaled, carved, eco, join: joined.result });
  const sources = [
    ...cw.sources,
    ...as.sources,
    ...derivedSources(sourceIds, report, cw, as, dataYear),
    ...(chain.flows.length > 0 ? [chainFlowSource(chainFlowId, cw, dataYear)] : []),
  ];
  return {
    result: {
      doc: { sources, goods: rows.goods },
      rows: {
        suppliers: rows.suppliers,
        demand: rows.demand,
        flows: rows.flows,
        chainFlows: chain.flows,
      },
      report,
      issues,
    },
    issues,
  };
}

/** The world without its economy layer (what an earlier import added). */
export function chainOnly(world: World): World {
  const economy = new Set(world.goods.filter((g) => g.layer === "economy").map((g) => g.id));
  if (economy.size === 0) return world;
  return {
    ...world,
    goods: world.goods.filter((g) => !economy.has(g.id)),
    suppliers: world.suppliers.filter((s) => !economy.has(s.good)),
    demand: world.demand.filter((d) => !economy.has(d.good)),
    flows: world.flows.filter((f) => !economy.has(f.good)),
  };
}

/** Each chain supplier's output and value added (USD bn), placed in its table industries. */
function chainOutputs(world: RealWorld, cw: Crosswalk): ChainOutput[] {
  const goods = new Map(world.goods.map((g) => [g.id, g]));
  return world.suppliers.flatMap((s) => {
    const g = goods.get(s.good)!;
    const units =
      s.share !== undefined ? figure(s.share) * figure(g.globalOutput) : figure(s.output!);
    const value = (units * figure(g.pricePerUnit)) / 1e9;
    const va = (units * figure(g.valueAddedPerUnit)) / 1e9;
    return industriesOf(cw.chainGoods[s.good]!).map(([industry, w]) => ({
      actor: s.actor,
      industry,
      good: s.good,
      value: value * w,
      valueAdded: va * w,
    }));
  });
}
