/**
 * Whether a measure passes, given each member's ballot: the tally under each rule it needs
 * (one per step; sanctions need two), the outcome, and the pivotal members, those for whom
 * some other ballot of their own would change the outcome. Counts and populations are whole
 * numbers, compared with the thresholds of `rule.ts` exactly.
 * @module
 */

import { pct } from "../format/number.js";
import { BALLOTS, type Ballot } from "./ballot.js";
import { type Member, type Rule, type Thresholds, thresholdsOf } from "./rule.js";

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
  yesPopulation: number;
  abstainPopulation: number;
  /** Yes voters' share of the council's population, 0–1. */
  yesPopulationShare: number;
}

export interface RuleOutcome {
  rule: string;
  pass: boolean;
  /** One sentence: why it passes or fails. */
  reason: string;
  thresholds: Thresholds;
}

export interface PivotalMember {
  member: string;
  ballot: Ballot;
  /** The other ballots that would change the outcome. */
  switchTo: Ballot[];
}

export interface VoteResult {
  pass: boolean;
  outcomes: RuleOutcome[];
  tally: Tally;
  yes: string[];
  no: string[];
  abstain: string[];
  pivotal: PivotalMember[];
}

export function tallyOf(members: readonly Member[], ballots: readonly Ballot[]): Tally {
  const t: Tally = {
    yes: 0,
    no: 0,
    abstain: 0,
    yesPopulation: 0,
    abstainPopulation: 0,
    yesPopulationShare: 0,
  };
  let total = 0;
  members.forEach((m, i) => {
    total += m.population;
    const b = ballots[i];
    if (b === "yes") {
      t.yes++;
      t.yesPopulation += m.population;
    } else if (b === "abstain") {
      t.abstain++;
      t.abstainPopulation += m.population;
    } else t.no++;
  });
  t.yesPopulationShare = total > 0 ? t.yesPopulation / total : 0;
  return t;
}

/** Whether `rule` adopts the act with this tally. */
export function passes(rule: Rule, t: Thresholds, tally: Tally): boolean {
  if (rule.kind === "unanimity") {
    if (tally.no > 0 || tally.yes === 0) return false;
    const limit = t.abstentionLimit;
    return !(
      limit &&
      tally.abstain >= limit.members &&
      tally.abstainPopulation >= limit.population
    );
  }
  if (t.deemedAttainedAt !== undefined && tally.yes >= t.deemedAttainedAt) return true;
  if (tally.yes < t.minYes) return false;
  return t.populationQuota === undefined || tally.yesPopulation >= t.populationQuota;
}

export function outcomeOf(
  rule: Rule,
  members: readonly Member[],
  ballots: readonly Ballot[],
): RuleOutcome {
  const thresholds = thresholdsOf(rule, members);
  const tally = tallyOf(members, ballots);
  const pass = passes(rule, thresholds, tally);
  return { rule: rule.id, pass, reason: reasonOf(rule, thresholds, tally, pass), thresholds };
}

/** The vote on a measure that needs every rule in `rules` to pass (in practice one or two). */
export function vote(
  rules: readonly Rule[],
  members: readonly Member[],
  ballots: readonly Ballot[],
): VoteResult {
  if (ballots.length !== members.length)
    throw new RangeError(`vote: ${ballots.length} ballots for ${members.length} members`);
  const outcomes = rules.map((r) => outcomeOf(r, members, ballots));
  const pass = outcomes.every((o) => o.pass);
  const ids = (b: Ballot) => members.filter((_, i) => ballots[i] === b).map((m) => m.id);
  const pivotal: PivotalMember[] = [];
  const trial = [...ballots];
  members.forEach((m, i) => {
    const own = ballots[i] as Ballot;
    const switchTo = BALLOTS.filter((b) => {
      if (b === own) return false;
      trial[i] = b;
      const changed = passesAll(rules, members, trial) !== pass;
      trial[i] = own;
      return changed;
    });
    if (switchTo.length > 0) pivotal.push({ member: m.id, ballot: own, switchTo });
  });
  return {
    pass,
    outcomes,
    tally: tallyOf(members, ballots),
    yes: ids("yes"),
    no: ids("no"),
    abstain: ids("abstain"),
    pivotal,
  };
}

export function passesAll(
  rules: readonly Rule[],
  members: readonly Member[],
  ballots: readonly Ballot[],
): boolean {
  const tally = tallyOf(members, ballots);
  return rules.every((r) => passes(r, thresholdsOf(r, members), tally));
}

function reasonOf(rule: Rule, t: Thresholds, tally: Tally, pass: boolean): string {
  const persons = (x: number) => String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const yesPop = `${pct(tally.yesPopulation / t.population)} of the population`;
  if (rule.kind === "unanimity") {
    if (tally.no > 0)
      return `${tally.no} member${tally.no === 1 ? "" : "s"} voted against; unanimity allows none`;
    if (tally.yes === 0) return "no member voted in favour";
    const limit = t.abstentionLimit;
    if (limit && tally.abstain >= limit.members && tally.abstainPopulation >= limit.population)
      return `${tally.abstain} members abstaining with ${pct(tally.abstainPopulation / t.population)} of the population reach the constructive-abstention limit (${limit.members} members and ${persons(limit.population)} persons)`;
    return `no vote against (${tally.yes} in favour, ${tally.abstain} abstaining)`;
  }
  const notYes = tally.no + tally.abstain;
  if (t.deemedAttainedAt !== undefined && tally.yes >= t.deemedAttainedAt && pass)
    return `${tally.yes} members in favour: only ${notYes} did not vote yes, fewer than a blocking minority needs (${t.members - t.deemedAttainedAt + 1}), so the majority is deemed attained`;
  if (tally.yes < t.minYes) return `${tally.yes} members in favour; ${t.minYes} needed`;
  if (t.populationQuota !== undefined && tally.yesPopulation < t.populationQuota)
    return `${tally.yes} members in favour with ${yesPop}; ${persons(t.populationQuota)} persons (${pct(t.populationQuota / t.population)}) needed`;
  return t.populationQuota === undefined
    ? `${tally.yes} members in favour (${t.minYes} needed)`
    : `${tally.yes} members in favour (${t.minYes} needed) with ${yesPop} (${pct(t.populationQuota / t.population)} needed)`;
}
