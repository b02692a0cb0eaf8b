/**
 * The adoption section of the run document (`run/adoption.ts`) as a zod schema; its inferred
 * type is the section's type, so the document and `levier schema result` cannot drift apart.
 * @module
 */
import { z } from "zod";
import { LOSS_MEASURES } from "../losses/measure.js";

const usd = (what: string) => z.number().describe(`${what}, USD over the horizon.`);

export const AdoptionActorSchema = z.strictObject({
  id: z.string().describe("The candidate's id."),
  name: z.string().describe("Its name."),
  adopted: z.boolean().describe("Whether it adopted the rule within the horizon."),
  round: z.number().int().exactOptional().describe("The round it adopted (0: a seed)."),
  month: z.number().int().exactOptional().describe("The month from which it has access."),
  condition: z.string().describe("The condition: the rule, and the goods and exporters."),
  cost: usd("c_i, its compliance cost"),
  value: usd("V_i(S), the access it keeps by adopting, when it decided (its round, else the last)"),
  pull: usd("The pull of partners under the rule, when it decided"),
  gdp: z.number().describe("Its GDP, USD bn a year."),
});

const CostCutSchema = z.strictObject({
  cut: z
    .number()
    .exactOptional()
    .describe(
      "The least cut in every compliance cost (0–1); absent when even a free rule falls short.",
    ),
  share: z.number().describe("The share of world GDP under the rule at that cut."),
  evaluations: z.number().int().describe("Cascades run."),
});

const GoodsSetSchema = z.strictObject({
  goods: z
    .array(z.string())
    .exactOptional()
    .describe("The least set of extra goods to condition; absent when none reaches the target."),
  share: z.number().describe("The share it reaches (or the largest any set reached)."),
  tried: z
    .array(
      z.strictObject({
        goods: z.array(z.string()).describe("The extra goods conditioned."),
        share: z.number().describe("The share of world GDP under the rule it reached."),
      }),
    )
    .describe("Every set tried and the share it reached."),
});

export const AdoptionResultSchema = z
  .strictObject({
    rule: z
      .strictObject({
        id: z.string().describe("The rule's id."),
        name: z.string().describe("Its name."),
        grants: z.string().describe("What adopting grants."),
        description: z.string().exactOptional().describe("What it asks of an adopter."),
      })
      .describe("The rule, from the rule book."),
    by: z.array(z.string()).describe("The actors that condition access."),
    goods: z.array(z.string()).describe("The goods conditioned."),
    start: z.number().int().describe("The month the condition starts (round 1)."),
    roundMonths: z.number().int().describe("Months per round."),
    influence: z.number().describe("λ: pull per unit of tie weight, share of GDP a year."),
    costScale: z.number().describe("The factor on every compliance cost."),
    lossMeasure: z.enum(LOSS_MEASURES).describe("The loss measure of V_i."),
    actors: z.array(AdoptionActorSchema).describe("Every candidate: whether, when and why."),
    rounds: z
      .array(
        z.strictObject({
          round: z.number().int().describe("The round, from 1."),
          month: z.number().int().describe("The month its adopters gain access."),
          before: z.array(z.string()).describe("Who had adopted when the round began."),
          adopters: z.array(z.string()).describe("Who adopted in the round."),
        }),
      )
      .describe("The rounds of the cascade, up to the first with no adopter."),
    timeline: z
      .array(
        z.strictObject({
          month: z.number().int().describe("The month, from 1."),
          gdpShare: z.number().describe("Share of world GDP under the rule."),
          computeShare: z.number().describe("Share of world AI compute capacity under the rule."),
          adopters: z.number().int().describe("Candidates that have adopted."),
        }),
      )
      .describe(
        "Month by month: the shares under the rule (the conditioning actors count from month 1).",
      ),
    final: z
      .strictObject({
        gdpShare: z.number().describe("Share of world GDP under the rule at the horizon."),
        computeShare: z
          .number()
          .describe("Share of world AI compute under the rule at the horizon."),
        adopters: z.array(z.string()).describe("The candidates that adopted."),
      })
      .describe("Where the cascade ends."),
    ownCost: z
      .strictObject({
        nobodyAdopts: usd("The conditioning actors' loss if nobody adopted"),
        withCascade: usd("Their loss with the cascade as it runs"),
      })
      .describe("What conditioning costs the actors that condition."),
    tipping: z
      .strictObject({
        target: z.number().describe("The share of world GDP under the rule aimed at."),
        costCut: CostCutSchema.describe(
          "The least cut in every compliance cost that reaches the target.",
        ),
        goods: GoodsSetSchema.exactOptional().describe(
          "The least set of extra goods that reaches the target (`adoption.tippingGoods`).",
        ),
      })
      .describe(
        "Tipping conditions: the least cost cut, and the least set of goods, that reach the target.",
      ),
    courting: z
      .strictObject({
        k: z.number().int().describe("How many to court."),
        seeds: z.array(z.string()).describe("The k candidates to court first (greedy, lazy)."),
        gdpShare: z.number().describe("The share of world GDP under the rule they lead to."),
        evaluations: z.number().int().describe("Cascades run."),
      })
      .exactOptional()
      .describe("Whom to court first (`adoption.court`)."),
    simulations: z
      .number()
      .int()
      .describe("Whole-horizon simulations run by the cascade and its searches."),
  })
  .describe("Conditional access: who adopts the rule, when, and under which condition.");

export type AdoptionResult = z.infer<typeof AdoptionResultSchema>;
export type AdoptionActor = z.infer<typeof AdoptionActorSchema>;
