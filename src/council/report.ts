/**
 * The Council's results as plain, serialisable documents: what `levier council … --json`
 * prints, and what reports and the API will show. Pure; the CLI renders them as text.
 * @module
 */
import type { Council } from "./council.js";
import { gameOf } from "./game.js";
import { powerIndices } from "./power/index.js";
import { type Rule, thresholdsOf } from "./rule.js";
import { formatShare, formatThreshold } from "./share.js";

/** One line saying what a rule requires, e.g. "at least 55% of members (not fewer than 15); …". */
export function describeRule(rule: Rule): string {
  if (rule.kind === "unanimity") {
    const ca = rule.constructiveAbstention;
    return ca
      ? `no vote against; abstainers must stay below ${formatShare(ca.members)} of members or below ${formatShare(ca.population)} of population`
      : "no vote against; abstentions do not prevent adoption";
  }
  const parts = [
    `${formatThreshold(rule.members)} of members${rule.members.notFewerThan ? ` (not fewer than ${rule.members.notFewerThan})` : ""}`,
  ];
  if (rule.population) parts.push(`${formatThreshold(rule.population)} of population`);
  if (rule.blockingMinority !== undefined)
    parts.push(`blocking minority needs ${rule.blockingMinority} members`);
  return parts.join("; ");
}

export function rulesDocument(c: Council) {
  return {
    year: c.year,
    members: c.members.length,
    rules: c.rules.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      aliases: r.doc.aliases ?? [],
      requirement: describeRule(r),
      thresholds: thresholdsOf(r, c.members),
      abstention: r.doc.abstention,
      basis: r.basis,
      source: r.doc.source,
    })),
    measureKinds: c.measureKinds,
  };
}

export type RulesDocument = ReturnType<typeof rulesDocument>;

/** Exact power indices of every member under `rule`, with the rule's thresholds. */
export function powerDocument(c: Council, rule: Rule) {
  const game = gameOf(rule, c.members);
  const p = powerIndices(game);
  const total = c.members.reduce((s, m) => s + m.population, 0);
  return {
    rule: rule.id,
    name: rule.name,
    basis: rule.basis,
    year: c.year,
    method: p.method,
    thresholds: thresholdsOf(rule, c.members),
    coalitions: 2 ** c.members.length,
    winningCoalitions: p.winningCoalitions,
    passProbability: p.passProbability,
    members: c.members.map((m, i) => ({
      id: m.id,
      name: m.name,
      population: m.population,
      populationShare: m.population / total,
      swings: p.swings[i],
      banzhaf: p.banzhaf?.[i] ?? null,
      banzhafAbsolute: p.banzhafAbsolute[i],
      shapleyShubik: p.shapleyShubik?.[i] ?? null,
      shapleyShubikExact: p.shapleyShubikExact?.[i] ?? null,
    })),
  };
}

export type PowerDocument = ReturnType<typeof powerDocument>;
