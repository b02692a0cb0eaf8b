/**
 * The `automation` section of a scenario: a path of years over which chosen sectors' recipes
 * move from their own value added towards AI inputs, the EU's structural measures on that path
 * (where its buyers source AI inputs and automated systems), and the years on whose structure
 * the scenario's measures are run as a shock (docs/model.md §8).
 * @module
 */
import { z } from "zod";
import { RefSchema, SlugSchema } from "../world/schema.js";

const Year = z.number().int().min(1900).max(2100).describe("A calendar year.");

/** A figure given as a range with its source: the path runs at `mode`, and at `low` and `high`
 * for the range the report states. */
export const RangeSchema = z
  .strictObject({
    low: z.number().min(0).max(1).describe("The lowest value a reader should allow."),
    mode: z.number().min(0).max(1).describe("The central value, which the path runs at."),
    high: z.number().min(0).max(1).describe("The highest value a reader should allow."),
    source: SlugSchema.describe("Id of the figure's source (in the world's `sources`)."),
    note: z.string().optional().describe("How the figure was found or derived."),
  })
  .refine((r) => r.low <= r.mode && r.mode <= r.high, {
    message: "expected low ≤ mode ≤ high",
  })
  .meta({
    id: "automationRange",
    title: "Range with its source",
    description: "A share with its range (low ≤ mode ≤ high) and the id of its source.",
  });

export const AutomatedSectorSchema = z
  .strictObject({
    goods: z.array(SlugSchema).min(1).describe("The goods whose makers automate (every maker)."),
    ratePerYear: RangeSchema.describe(
      "Share of the sector's remaining own value added per unit that AI inputs take over each year: after t years, 1 − (1 − r)^t of it is automated.",
    ),
  })
  .meta({
    id: "automatedSector",
    title: "Automated sector",
    description: "Goods whose makers' own value added moves to AI inputs at a rate per year.",
  });

export const AiInputSchema = z
  .strictObject({
    good: SlugSchema.describe("The AI input (compute, cloud, models, automated systems)."),
    share: z
      .number()
      .min(0)
      .max(1)
      .describe("Its share of the value automation moves to AI inputs (the shares add up to 1)."),
    criticality: z
      .number()
      .min(0)
      .max(1)
      .describe(
        "How much of the automated work stops without the input: the recipe's criticality of it becomes at least this × the automated share.",
      ),
  })
  .meta({
    id: "aiInput",
    title: "AI input",
    description: "Where the value automation moves goes: one AI input and its share of it.",
  });

export const SourcingPolicySchema = z
  .strictObject({
    id: z.string().min(1).describe("A short name for reports."),
    good: SlugSchema.describe("The good whose sourcing changes."),
    buyers: z.array(RefSchema).min(1).describe("Whose supply of it changes (actors or groups)."),
    from: z
      .array(RefSchema)
      .min(1)
      .describe("The suppliers it comes from more (actors or groups)."),
    share: RangeSchema.describe(
      "The share of each buyer's supply of the good that comes from `from` by `by` (never lowered).",
    ),
    start: Year.describe("The year the shift begins (the share is the baseline's until then)."),
    by: Year.describe("The year the share is reached; linear in between."),
    note: z.string().optional().describe("What the measure is and where its figures come from."),
  })
  .meta({
    id: "sourcingPolicy",
    title: "Sourcing policy",
    description:
      "A structural measure on the path: the buyers' supply of a good comes more from some suppliers (new capacity there, or production kept there).",
  });

export const AutomationSchema = z
  .strictObject({
    from: Year.optional().describe("The base year (default: the world's as-of year)."),
    to: Year.describe("The last year of the path."),
    sectors: z.array(AutomatedSectorSchema).min(1).describe("The sectors that automate."),
    inputs: z.array(AiInputSchema).min(1).describe("The AI inputs automation buys."),
    policies: z
      .array(SourcingPolicySchema)
      .optional()
      .describe(
        "Structural measures on the path; the path is also computed without those imposed by the EU or a member (`from` in the EU).",
      ),
    shockYears: z
      .array(Year)
      .optional()
      .describe(
        "Years on whose structure the scenario's measures are run as a shock (month 1 = January of that year), with and without the policies.",
      ),
    actors: z
      .array(RefSchema)
      .min(1)
      .optional()
      .describe("Whose capture of value the report follows (default: EU)."),
    goods: z
      .array(SlugSchema)
      .min(1)
      .optional()
      .describe(
        "The manufacturing whose value the report decomposes (default: the sectors' goods).",
      ),
  })
  .meta({
    id: "automation",
    title: "Automation path",
    description:
      "Years over which chosen sectors' own value added moves to AI inputs, structural measures on that path, and the years on which the scenario's measures are run as a shock.",
  });

export type Automation = z.infer<typeof AutomationSchema>;
