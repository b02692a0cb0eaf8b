/**
 * Checks that a crosswalk and the economy assumptions fit the table and the world they join:
 * every table region and industry mapped, every id named resolving, every chain good placed in
 * an industry. Problems are located in the file that has to change: a table label the crosswalk
 * lacks at the label's cell, a wrong id in the crosswalk at its line and column.
 * @module
 */
import type { Issue } from "../diagnostics/issue.js";
import type { World } from "../world/schema.js";
import { type Assumptions, type Crosswalk, industriesOf, type Located } from "./crosswalk.js";
import type { MrioTable } from "./table.js";

export function checkCrosswalk(
  table: MrioTable,
  cw: Located<Crosswalk>,
  as: Located<Assumptions>,
  world: World,
): Issue[] {
  const issues: Issue[] = [];
  const at = (doc: Located<unknown>, path: PropertyKey[], message: string, code = "unknown-id") =>
    issues.push({
      severity: "error",
      code,
      at: doc.doc.locate(path),
      path: path.join("."),
      message,
    });
  const c = cw.value;
  const file = cw.doc.file;
  const producers = new Set(world.actors.filter((a) => a.kind !== "bloc").map((a) => a.id));
  const sectors = new Set(as.value.sectors.map((s) => s.id));

  const regions = new Map<string, Issue["at"]>();
  const industries = new Map<string, Issue["at"]>();
  table.sectors.forEach((s, i) => {
    if (!regions.has(s.region)) regions.set(s.region, table.sectorAt[i]);
    if (!industries.has(s.industry)) industries.set(s.industry, table.sectorAt[i]);
  });
  table.finals.forEach((f, k) => {
    if (!regions.has(f.region)) regions.set(f.region, table.finalAt[k]);
  });
  const unknown = (kind: string, label: string, where: Issue["at"], key: string) => {
    const issue: Issue = {
      severity: "error",
      code: "unknown-label",
      message: `${kind} ${JSON.stringify(label)} is not in the ${key} of the crosswalk ${file}; add it there`,
    };
    if (where) issue.at = where;
    issues.push(issue);
  };
  for (const [r, where] of regions) if (!(r in c.regions)) unknown("region", r, where, "regions");
  for (const [i, where] of industries)
    if (!(i in c.industries)) unknown("industry", i, where, "industries");

  for (const [r, actor] of Object.entries(c.regions)) {
    if (!producers.has(actor))
      at(
        cw,
        ["regions", r],
        `${actor} is not a state or ROW of the world; expected one of its actor ids`,
      );
    if (!regions.has(r))
      issues.push({
        severity: "warning",
        code: "unused",
        at: cw.doc.locate(["regions", r]),
        message: `region ${r} is not in the table; the mapping is not used`,
      });
  }
  for (const [i, sector] of Object.entries(c.industries))
    if (!sectors.has(sector))
      at(
        cw,
        ["industries", i],
        `${sector} is not a sector of ${as.doc.file}; expected one of ${[...sectors].join(", ")}`,
      );

  const mapped = new Set(Object.values(c.regions));
  if (c.carve) {
    if (!regions.has(c.carve.from))
      at(cw, ["carve", "from"], `region ${c.carve.from} is not in the table`, "unknown-label");
    c.carve.actors.forEach((a, k) => {
      if (!producers.has(a) || a === "ROW")
        at(cw, ["carve", "actors", k], `${a} is not a state of the world`);
      else if (mapped.has(a))
        at(
          cw,
          ["carve", "actors", k],
          `${a} is already a table region; carve only states the table lacks`,
          "duplicate",
        );
      mapped.add(a);
    });
  }
  for (const a of producers)
    if (!mapped.has(a))
      issues.push({
        severity: "error",
        code: "unmapped-actor",
        at: cw.doc.locate(["regions"]),
        message: `actor ${a} is neither a table region nor carved out of one; add it to regions or carve.actors`,
      });

  const chain = world.goods.filter((g) => g.layer !== "economy").map((g) => g.id);
  for (const g of chain)
    if (!(g in c.chainGoods))
      at(
        cw,
        ["chainGoods"],
        `chain good ${g} has no table industry; add it to chainGoods`,
        "unmapped-good",
      );
  for (const [g, entry] of Object.entries(c.chainGoods)) {
    if (!chain.includes(g)) at(cw, ["chainGoods", g], `${g} is not a chain good of the world`);
    const parts = industriesOf(entry);
    for (const [i] of parts)
      if (!industries.has(i))
        at(cw, ["chainGoods", g], `industry ${i} is not in the table`, "unknown-label");
    const sum = parts.reduce((s, [, w]) => s + w, 0);
    if (Math.abs(sum - 1) > 1e-9)
      at(cw, ["chainGoods", g], `industry shares add up to ${sum}; expected 1`, "shares-sum");
  }
  (c.chainFlows ?? []).forEach((g, k) => {
    if (!(g in c.chainGoods))
      at(cw, ["chainFlows", k], `${g} has no table industry in chainGoods; add it there`);
  });

  const used = new Set(Object.values(c.industries));
  as.value.sectors.forEach((s, k) => {
    if (!used.has(s.id))
      at(
        as,
        ["sectors", k, "id"],
        `sector ${s.id} has no table industry in ${file}`,
        "empty-sector",
      );
  });
  const sectorRef = (path: PropertyKey[], id: string) => {
    if (!sectors.has(id)) at(as, path, `${id} is not one of the sectors`);
  };
  for (const id of Object.keys(as.value.criticality.inputs ?? {}))
    sectorRef(["criticality", "inputs", id], id);
  (as.value.criticality.pairs ?? []).forEach((p, k) => {
    sectorRef(["criticality", "pairs", k, "input"], p.input);
    sectorRef(["criticality", "pairs", k, "user"], p.user);
  });
  as.value.join.forEach((j, k) => {
    if (!chain.includes(j.good))
      at(as, ["join", k, "good"], `${j.good} is not a chain good of the world`);
    for (const id of Object.keys(j.sectors ?? {})) sectorRef(["join", k, "sectors", id], id);
    if (j.restBy !== undefined) sectorRef(["join", k, "restBy"], j.restBy);
    (j.restAmong ?? []).forEach((id, i) => sectorRef(["join", k, "restAmong", i], id));
    for (const id of Object.keys(j.criticality))
      if (id !== "default") sectorRef(["join", k, "criticality", id], id);
    if (!("default" in j.criticality) && [...sectors].some((s) => !(s in j.criticality)))
      at(
        as,
        ["join", k, "criticality"],
        "expected a criticality for every sector, or a default",
        "schema",
      );
  });
  return issues;
}
