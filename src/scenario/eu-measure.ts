/**
 * Whether a scenario includes a measure the EU takes (an export control or an agreement from
 * EU members), and so a Council vote; and the kind of measure that vote is on.
 * @module
 */
import type { World } from "../world/schema.js";
import { resolveRefs } from "./refs.js";
import type { Scenario } from "./schema.js";

export function euMeasureKind(s: Scenario, world: World): string | undefined {
  let kind: string | undefined;
  for (const m of s.measures) {
    if (isEuMeasure(m, s, world))
      kind ??= m.type === "export_control" ? "export-controls" : "trade-agreement";
  }
  return kind === undefined ? undefined : (s.council?.measure ?? kind);
}

/** The scenario without the EU's measures: the counterfactual the Council weighs them against. */
export function withoutEuMeasures(s: Scenario, world: World): Scenario {
  return { ...s, measures: s.measures.filter((m) => !isEuMeasure(m, s, world)) };
}

function isEuMeasure(m: Scenario["measures"][number], s: Scenario, world: World): boolean {
  if (m.type !== "export_control" && m.type !== "agreement") return false;
  const eu = world.actors.find((a) => a.id === "EU" && a.kind === "bloc");
  const members = new Set(eu?.members ?? []);
  return [...resolveRefs(world, s.groups ?? [], m.from)].some((a) => members.has(a));
}
