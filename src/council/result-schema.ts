/**
 * The Council's section of a run document (`CouncilOnScenario`: the vote and the least
 * compensation) as a zod schema, for the JSON Schema of the run document
 * (src/run/document-schema.ts); test/schema checks that its type is the interfaces'.
 * @module
 */
import { z } from "zod";

const Ballot = z.enum(["yes", "no", "abstain"]).describe("A member's ballot.");
const Members = (what: string) => z.array(z.string()).describe(`Members (ids) ${what}.`);

export const TallySchema = z
  .strictObject({
    yes: z.number().describe("Members voting yes."),
    no: z.number().describe("Members voting no."),
    abstain: z.number().describe("Members abstaining."),
    yesPopulation: z.number().describe("Persons the yes voters represent."),
    abstainPopulation: z.number().describe("Persons the abstainers represent."),
    yesPopulationShare: z.number().describe("Yes voters' share of the council's population, 0–1."),
  })
  .meta({ id: "tally", title: "Tally", description: "The count of a vote, members and persons." });

export const ThresholdsSchema = z
  .strictObject({
    members: z.number().describe("Members of the council."),
    population: z.number().describe("Total population of the council's members."),
    minYes: z
      .number()
      .describe(
        "Majority rules: members that must vote yes. Unanimity: all members (no vote against).",
      ),
    populationQuota: z
      .number()
      .exactOptional()
      .describe(
        "Majority rules with a population criterion: persons the yes voters must represent.",
      ),
    deemedAttainedAt: z
      .number()
      .exactOptional()
      .describe(
        "With a blocking-minority clause: yes voters at which the majority is deemed attained.",
      ),
    abstentionLimit: z
      .strictObject({
        members: z.number().describe("Abstaining members that prevent adoption."),
        population: z.number().describe("Persons the abstainers must represent to prevent it."),
      })
      .exactOptional()
      .describe(
        "Unanimity with constructive abstention: abstainers that prevent adoption, in both.",
      ),
  })
  .meta({
    id: "thresholds",
    title: "Thresholds",
    description: "What a rule requires of a vote, in members and persons.",
  });

export const RuleOutcomeSchema = z
  .strictObject({
    rule: z.string().describe("The rule's id (qmv, unanimity…)."),
    pass: z.boolean().describe("Whether the rule adopts the act."),
    reason: z.string().describe("One sentence: why it passes or fails."),
    thresholds: ThresholdsSchema.describe("What the rule requires."),
  })
  .meta({ id: "ruleOutcome", title: "Rule outcome", description: "The vote under one rule." });

export const PivotalMemberSchema = z
  .strictObject({
    member: z.string().describe("The member's id."),
    ballot: Ballot.describe("Its ballot."),
    switchTo: z.array(Ballot).describe("The other ballots that would change the outcome."),
  })
  .meta({
    id: "pivotalMember",
    title: "Pivotal member",
    description: "A member for whom some other ballot of its own would change the outcome.",
  });

export const VoteResultSchema = z
  .strictObject({
    pass: z.boolean().describe("Whether the measure passes under every rule it needs."),
    outcomes: z.array(RuleOutcomeSchema).describe("The outcome under each rule (one per step)."),
    tally: TallySchema.describe("The count."),
    yes: Members("voting yes"),
    no: Members("voting no"),
    abstain: Members("abstaining"),
    pivotal: z.array(PivotalMemberSchema).describe("The pivotal members."),
  })
  .meta({
    id: "voteResult",
    title: "Vote",
    description: "Whether a measure passes, given each member's ballot, and who is pivotal.",
  });

const Amount = z
  .strictObject({
    member: z.string().describe("The member's id."),
    amount: z.number().describe("The amount, USD."),
  })
  .meta({
    id: "memberAmount",
    title: "Member amount",
    description: "An amount a member pays or receives.",
  });

export const TransferSchema = z
  .strictObject({
    member: z.string().describe("The member's id."),
    gain: z.number().describe("Its gain before transfers, USD."),
    transfer: z.number().describe("Received (> 0) or paid (< 0), USD."),
    finalGain: z.number().describe("Its gain after the transfer, USD."),
  })
  .meta({ id: "transfer", title: "Transfer", description: "A member's transfer and gains." });

export const CompensationResultSchema = z
  .strictObject({
    status: z
      .enum(["optimal", "infeasible"])
      .describe("optimal: the least compensation found; infeasible: none makes it pass."),
    rules: z.array(z.string()).describe("The rules the measure needs."),
    options: z
      .strictObject({
        allGain: z.boolean().describe("Whether every member must end with a gain."),
        budget: z.boolean().describe("Whether the EU budget may pay."),
        abstentionBand: z.number().describe("Losses within which a member abstains, USD."),
      })
      .describe("The options of the compensation problem."),
    passesWithoutTransfers: z.boolean().describe("Whether the vote passes as it is."),
    before: VoteResultSchema.describe("The vote on the gains as they are."),
    total: z
      .number()
      .describe("Total received by the members compensated (= paid by members + budget), USD."),
    fromMembers: z.number().describe("Paid by members, USD."),
    fromBudget: z.number().describe("Paid by the EU budget, USD."),
    shortfall: z
      .number()
      .exactOptional()
      .describe("Infeasible without the budget: what the budget would have to add, USD."),
    bought: Members("losing, bought to vote yes"),
    transfers: z.array(TransferSchema).describe("Each member's transfer."),
    payers: z.array(Amount).describe("The members that pay, and how much."),
    receivers: z.array(Amount).describe("The members that receive, and how much."),
    after: VoteResultSchema.exactOptional().describe(
      "The check: the vote with the transfers applied (it passes whenever status is optimal).",
    ),
    residual: z.number().describe("Σ transfers − budget (rounding only)."),
    solver: z
      .strictObject({
        rounds: z.number().describe("MILP rounds solved."),
        detail: z.string().describe("What the solver said."),
        objective: z.number().exactOptional().describe("The objective's value."),
      })
      .describe("How the MILP was solved."),
  })
  .meta({
    id: "compensation",
    title: "Compensation",
    description:
      "The least total transfer between members (or, failing that, from the EU budget) that makes the measure pass.",
  });

export const MemberCostSchema = z
  .strictObject({
    member: z.string().describe("The member's id."),
    gain: z
      .number()
      .describe("Net gain over the horizon, USD (= − the loss the EU's measures cause it)."),
    costShare: z
      .number()
      .describe("Share of the EU's total loss borne by this member (losers only; 0 for winners)."),
  })
  .meta({
    id: "memberCost",
    title: "Member's gain",
    description: "A member's gain from the EU's measures and its share of their cost.",
  });

export const CouncilOnScenarioSchema = z
  .strictObject({
    measure: z.string().describe("The kind of measure (export-controls…)."),
    name: z.string().describe("Its name."),
    basis: z.array(z.string()).describe("The treaty basis of each step."),
    rules: z.array(z.string()).describe("The voting rules the steps need."),
    members: z.array(MemberCostSchema).describe("Each member's gain and cost share."),
    vote: VoteResultSchema.describe("The vote on the gains as they are."),
    compensation: CompensationResultSchema.describe("The least compensation that makes it pass."),
  })
  .meta({
    id: "council",
    title: "Council",
    description:
      "For a scenario with an EU measure: who pays, the vote, the least compensation (docs/council.md).",
  });
