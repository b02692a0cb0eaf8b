/**
 * Checks of a scenario's `automation` section that need the world: goods, actors and sources
 * that resolve, years in order, input shares that add up to 1, and sourcing policies whose
 * suppliers make the good. Each problem names where it is (file:line:col).
 * @module
 */
import { formatPath, type Issue } from "../diagnostics/issue.js";
import type { LocatedDoc } from "../parse/located.js";
import type { Group, World } from "../world/schema.js";
import type { Automation } from "./automation-schema.js";
import { resolveRefs } from "./refs.js";

export function checkAutomation(
  a: Automation,
  groups: readonly Group[],
  world: World,
  doc: LocatedDoc,
): Issue[] {
  const issues: Issue[] = [];
  const at = (...p: PropertyKey[]) => ["automation", ...p];
  const error = (path: PropertyKey[], code: string, message: string) =>
    issues.push({ severity: "error", code, at: doc.locate(path), path: formatPath(path), message });
  const goods = new Map(world.goods.map((g) => [g.id, g]));
  const sources = new Set(world.sources.map((s) => s.id));
  const actorIds = new Set(world.actors.map((x) => x.id));
  const groupIds = new Set([...world.groups, ...groups].map((g) => g.id));
  const good = (path: PropertyKey[], id: string) => {
    if (!goods.has(id))
      error(
        path,
        "unknown-id",
        `unknown good ${JSON.stringify(id)}; expected one of the ids in goods`,
      );
  };
  const refs = (path: PropertyKey[], list: readonly string[]) =>
    list.forEach((r, j) => {
      const isActor = /^[A-Z]/.test(r);
      if (isActor ? !actorIds.has(r) : !groupIds.has(r))
        error(
          [...path, j],
          "unknown-id",
          `unknown ${isActor ? "actor" : "group"} ${JSON.stringify(r)}; expected an actor id or a group id of the world or the scenario`,
        );
    });
  const source = (path: PropertyKey[], id: string) => {
    if (!sources.has(id))
      error(
        path,
        "unknown-id",
        `unknown source ${JSON.stringify(id)}; expected the id of one of the world's sources (add it under world: sources:)`,
      );
  };
  const from = a.from ?? world.meta.asOf ?? a.to;
  if (a.to < from)
    error(at("to"), "range", `expected a last year >= the base year (${from}), found ${a.to}`);
  if (a.to - from > 100)
    error(at("to"), "range", `expected a path of at most 100 years, found ${a.to - from}`);
  const automated = new Set<string>();
  a.sectors.forEach((s, i) => {
    s.goods.forEach((g, j) => {
      good(at("sectors", i, "goods", j), g);
      if (automated.has(g))
        error(at("sectors", i, "goods", j), "duplicate", `${g} is already in an earlier sector`);
      automated.add(g);
    });
    source(at("sectors", i, "ratePerYear", "source"), s.ratePerYear.source);
  });
  let sum = 0;
  a.inputs.forEach((x, i) => {
    good(at("inputs", i, "good"), x.good);
    if (automated.has(x.good))
      error(
        at("inputs", i, "good"),
        "cycle",
        `${x.good} is automated itself; an AI input must not be`,
      );
    sum += x.share;
  });
  if (Math.abs(sum - 1) > 1e-9)
    error(at("inputs"), "shares", `expected the inputs' shares to add up to 1, found ${sum}`);
  (a.policies ?? []).forEach((p, i) => {
    good(at("policies", i, "good"), p.good);
    refs(at("policies", i, "buyers"), p.buyers);
    refs(at("policies", i, "from"), p.from);
    source(at("policies", i, "share", "source"), p.share.source);
    if (p.by < p.start)
      error(
        at("policies", i, "by"),
        "range",
        `expected a year >= start (${p.start}), found ${p.by}`,
      );
    const makers = new Set(world.suppliers.filter((s) => s.good === p.good).map((s) => s.actor));
    const suppliers = [...resolveRefs(world, groups, p.from)];
    if (goods.has(p.good) && suppliers.length > 0 && !suppliers.some((s) => makers.has(s)))
      error(
        at("policies", i, "from"),
        "no-supplier",
        `none of ${suppliers.join(", ")} makes ${p.good} in the world; expected suppliers of it (add supplier rows in world: suppliers:)`,
      );
  });
  (a.shockYears ?? []).forEach((y, i) => {
    if (y < from || y > a.to)
      error(
        at("shockYears", i),
        "range",
        `expected a year of the path (${from}–${a.to}), found ${y}`,
      );
  });
  if (a.actors) refs(at("actors"), a.actors);
  else if (!actorIds.has("EU"))
    error(
      at(),
      "no-eu",
      "without automation.actors the path follows the EU, which the world lacks",
    );
  (a.goods ?? []).forEach((g, j) => good(at("goods", j), g));
  return issues;
}
