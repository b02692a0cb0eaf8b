/**
 * The Council as the core sees it once loaded: members with populations, rules, measure kinds
 * and sources; and the look-ups commands need.
 * @module
 */
import type { Source } from "../world/schema.js";
import type { PopulationRow } from "./population.js";
import type { Rule } from "./rule.js";
import type { MeasureKind } from "./schema.js";

export interface Council {
  members: PopulationRow[];
  rules: Rule[];
  measureKinds: MeasureKind[];
  sources: Source[];
  /** The year the population figures apply to. */
  year: number;
}

/** The rule with this id or alias. */
export function findRule(council: Pick<Council, "rules">, name: string): Rule | undefined {
  return council.rules.find((r) => r.id === name || (r.doc.aliases ?? []).includes(name));
}

export function findMeasureKind(
  council: Pick<Council, "measureKinds">,
  id: string,
): MeasureKind | undefined {
  return council.measureKinds.find((m) => m.id === id);
}

/** The rules of a measure kind's steps, in order. */
export function rulesOfMeasure(council: Council, kind: MeasureKind): Rule[] {
  return kind.steps.map((s) => {
    const rule = findRule(council, s.rule);
    if (!rule) throw new RangeError(`rulesOfMeasure: unknown rule ${s.rule}; load validates this`);
    return rule;
  });
}

export function ruleNames(council: Pick<Council, "rules">): string[] {
  return council.rules.flatMap((r) => [r.id, ...(r.doc.aliases ?? [])]);
}
