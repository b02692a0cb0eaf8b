/**
 * The document of a Council vote (`levier council vote --json`, `POST /api/council/vote`): the
 * rules asked for, chosen by name or by the kind of measure, every member's ballot, and the
 * outcome under each rule. Ballots come from gains (a member votes by the sign of its gain) or
 * are given as they are. Every surface builds its vote here.
 * @module
 */
import { InputError, UsageError } from "../diagnostics/errors.js";
import { type Ballot, ballotOf } from "./ballot.js";
import { type Council, findMeasureKind, findRule, ruleNames, rulesOfMeasure } from "./council.js";
import type { Gains } from "./gains.js";
import type { Rule } from "./rule.js";
import { vote } from "./vote.js";

/** How the surface names the choice in messages (`--rule` on the command line, `rule` in a
 * request's body). */
export interface RuleNames {
  rule: string;
  measure: string;
}

export const FLAG_NAMES: RuleNames = { rule: "--rule", measure: "--measure" };

/** The rule called `name`, or an InputError that lists the rules. */
export function ruleNamed(c: Council, name: string, names: RuleNames = FLAG_NAMES): Rule {
  const rule = findRule(c, name);
  if (!rule)
    throw InputError.single(
      "unknown-rule",
      `unknown rule ${JSON.stringify(name)}; expected one of ${ruleNames(c).join(", ")}`,
      undefined,
      names.rule,
    );
  return rule;
}

/** The rules a vote is held under: one rule, or every act a kind of measure needs. */
export function rulesFor(
  c: Council,
  asked: { rule?: string | undefined; measure?: string | undefined },
  names: RuleNames = FLAG_NAMES,
): { rules: Rule[]; measure?: string } {
  if ((asked.rule === undefined) === (asked.measure === undefined))
    throw new UsageError(
      `give either ${names.rule} or ${names.measure} (council rules lists both)`,
    );
  if (asked.rule !== undefined) return { rules: [ruleNamed(c, asked.rule, names)] };
  const kind = findMeasureKind(c, asked.measure as string);
  if (!kind)
    throw InputError.single(
      "unknown-measure",
      `unknown measure kind ${JSON.stringify(asked.measure)}; expected one of ${c.measureKinds.map((k) => k.id).join(", ")}`,
      undefined,
      names.measure,
    );
  return { rules: rulesOfMeasure(c, kind), measure: kind.id };
}

/** The vote on members' gains: each votes by its gain (with the abstention band). */
export function voteOnGains(c: Council, chosen: { rules: Rule[]; measure?: string }, gains: Gains) {
  const ballots = gains.gains.map((g) => ballotOf(g, gains.abstentionBand));
  const result = vote(chosen.rules, c.members, ballots);
  return {
    result,
    doc: {
      rules: chosen.rules.map((r) => r.id),
      ...(chosen.measure ? { measure: chosen.measure } : {}),
      ...result,
      members: c.members.map((m, i) => ({ id: m.id, gain: gains.gains[i], ballot: ballots[i] })),
      abstentionBand: gains.abstentionBand,
      weights: gains.weights,
      ...(gains.unit ? { unit: gains.unit } : {}),
    },
  };
}

/** The vote on ballots as given, member by member in the Council's order. */
export function voteOnBallots(
  c: Council,
  chosen: { rules: Rule[]; measure?: string },
  ballots: readonly Ballot[],
) {
  const result = vote(chosen.rules, c.members, ballots);
  return {
    rules: chosen.rules.map((r) => r.id),
    ...(chosen.measure ? { measure: chosen.measure } : {}),
    ...result,
    members: c.members.map((m, i) => ({ id: m.id, ballot: ballots[i] })),
  };
}
