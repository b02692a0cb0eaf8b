/**
 * Voting rules as the core uses them: shares parsed into exact fractions, and the whole-number
 * thresholds a rule implies for a given council (how many members, how many persons).
 * @module
 */
import type { MajorityRuleDoc, RuleDoc, UnanimityRuleDoc } from "./schema.js";
import { minimumCount, parseShare, type Share, type Threshold } from "./share.js";

export interface Member {
  /** ISO 3166-1 alpha-2 code (GR for Greece, not the EU's EL). */
  id: string;
  name: string;
  /** Persons, as in Annex III of the Council's Rules of Procedure (or derived; see the data). */
  population: number;
}

interface RuleCommon {
  id: string;
  name: string;
  basis: string;
  /** The document it came from, for listing. */
  doc: RuleDoc;
}

export interface CountThreshold extends Threshold {
  /** An absolute floor in members, e.g. 15 in Art. 16(4) TEU. */
  notFewerThan?: number;
}

export interface MajorityRule extends RuleCommon {
  kind: "majority";
  members: CountThreshold;
  population?: CountThreshold;
  /** A blocking minority needs at least this many members (4 under Art. 16(4) TEU). */
  blockingMinority?: number;
}

export interface UnanimityRule extends RuleCommon {
  kind: "unanimity";
  /** Abstainers reaching both shares prevent adoption (Art. 31(1) TEU: 1/3 and 1/3). */
  constructiveAbstention?: { members: Share; population: Share };
}

export type Rule = MajorityRule | UnanimityRule;

/** The whole numbers a rule implies for a council of `n` members and `population` persons. */
export interface Thresholds {
  members: number;
  /** Total population of the council's members. */
  population: number;
  /** Majority rules: members that must vote yes. Unanimity: all members (no vote against). */
  minYes: number;
  /** Majority rules with a population criterion: persons the yes voters must represent. */
  populationQuota?: number;
  /** With a blocking-minority clause: yes voters at which the majority is deemed attained. */
  deemedAttainedAt?: number;
  /** Unanimity with constructive abstention: abstainers that prevent adoption, in both. */
  abstentionLimit?: { members: number; population: number };
}

export function ruleFromDoc(doc: RuleDoc): Rule {
  const common = { id: doc.id, name: doc.name, basis: doc.basis, doc };
  if (doc.kind === "majority") return majority(doc, common);
  return unanimity(doc, common);
}

function majority(doc: MajorityRuleDoc, common: RuleCommon): MajorityRule {
  const rule: MajorityRule = { ...common, kind: "majority", members: threshold(doc.members) };
  if (doc.population) rule.population = threshold(doc.population);
  if (doc.blockingMinority) rule.blockingMinority = doc.blockingMinority.members;
  return rule;
}

function unanimity(doc: UnanimityRuleDoc, common: RuleCommon): UnanimityRule {
  const rule: UnanimityRule = { ...common, kind: "unanimity" };
  const ca = doc.constructiveAbstention;
  if (ca)
    rule.constructiveAbstention = { members: share(ca.members), population: share(ca.population) };
  return rule;
}

function threshold(doc: MajorityRuleDoc["members"]): CountThreshold {
  const strict = "moreThan" in doc;
  const t: CountThreshold = {
    share: share("moreThan" in doc ? doc.moreThan : doc.atLeast),
    strict,
  };
  if (doc.notFewerThan !== undefined) t.notFewerThan = doc.notFewerThan;
  return t;
}

function share(v: number | string): Share {
  const s = parseShare(v);
  if (!s) throw new RangeError(`ruleFromDoc: ${JSON.stringify(v)} is not a share; validate first`);
  return s;
}

function count(t: CountThreshold, whole: number): number {
  return Math.max(minimumCount(t, whole), t.notFewerThan ?? 0);
}

export function thresholdsOf(rule: Rule, members: readonly Member[]): Thresholds {
  const n = members.length;
  const population = totalPopulation(members);
  if (rule.kind === "unanimity") {
    const t: Thresholds = { members: n, population, minYes: n };
    const ca = rule.constructiveAbstention;
    if (ca)
      t.abstentionLimit = {
        members: minimumCount({ share: ca.members, strict: false }, n),
        population: minimumCount({ share: ca.population, strict: false }, population),
      };
    return t;
  }
  const t: Thresholds = { members: n, population, minYes: count(rule.members, n) };
  if (rule.population) t.populationQuota = count(rule.population, population);
  if (rule.blockingMinority !== undefined)
    t.deemedAttainedAt = Math.max(0, n - rule.blockingMinority + 1);
  return t;
}

export function totalPopulation(members: readonly Member[]): number {
  let sum = 0;
  for (const m of members) sum += m.population;
  return sum;
}
