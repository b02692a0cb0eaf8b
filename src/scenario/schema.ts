/**
 * Scenario files: a horizon, an optional patch of the world, extra groups of actors, and
 * measures with the months they apply (1-based, both ends inclusive). `levier schema scenario`
 * prints them as JSON Schema, with the descriptions given here.
 * @module
 */

import { z } from "zod";
import { LOSS_MEASURES } from "../losses/measure.js";
import { SAMPLINGS } from "../random/sampling.js";
import { EmbeddedPatchSchema, GroupSchema, RefSchema, SlugSchema } from "../world/schema.js";
import { AutomationSchema } from "./automation-schema.js";
import { AdoptionSchema, ConditionalAccessSchema } from "./conditional-access-schema.js";

const Refs = z.array(RefSchema).min(1);
const Goods = z.array(SlugSchema).min(1).describe("The goods (ids of the world's goods).");
const Month = z.number().int().min(1).max(1200).meta({
  id: "runMonth",
  title: "Month of the run",
  description: "A month of the run, 1-based (1 = the first month), at most 1200.",
});
const Share = z.number().min(0).max(1).meta({
  id: "share",
  title: "Share",
  description: "A share, 0–1.",
});
const Per = z
  .enum(["year", "month"])
  .optional()
  .describe("The period of `quantity`: a year (the default) or a month.");

/** What a report can lead with (`report.headline`). */
export const HEADLINES = ["loss", "eu", "goods", "capacity-share", "value-capture"] as const;
export type Headline = (typeof HEADLINES)[number];

const common = {
  /** A short name for reports. */
  id: z.string().min(1).optional().describe("A short name for reports and warnings."),
  start: Month.optional().describe("The first month the measure applies. Default 1."),
  end: Month.optional().describe(
    "The last month the measure applies (inclusive). Default: the horizon.",
  ),
  note: z.string().optional().describe("Why the measure, and where its figures come from."),
};

export const ExportControlSchema = z
  .strictObject({
    type: z.literal("export_control").describe("An export control: caps routes."),
    from: Refs.describe("The exporters (actors or groups)."),
    to: Refs.describe("The targets (actors or groups)."),
    goods: Goods,
    cap: Share.optional().describe(
      "Each route may carry this share of its baseline flow (0 = a full cutoff).",
    ),
    quantity: z
      .number()
      .min(0)
      .optional()
      .describe(
        "Or: each target may receive at most this many units per `per`, from all the exporters.",
      ),
    per: Per,
    leakage: Share.optional().describe(
      "Share of the blocked volume that gets through anyway (third countries, weak enforcement).",
    ),
    ...common,
  })
  .meta({
    id: "exportControlMeasure",
    title: "Export control",
    description:
      "Caps the routes from the exporters to the targets in the goods: a share of baseline flow (`cap`) or a quantity per target.",
  });

export const CapacityShockSchema = z
  .strictObject({
    type: z.literal("capacity_shock").describe("A loss of capacity."),
    actors: Refs.describe("Whose capacity is lost (actors or groups)."),
    goods: Goods,
    fraction: Share.describe("Share of capacity lost while the shock lasts."),
    ...common,
  })
  .meta({
    id: "capacityShock",
    title: "Capacity shock",
    description: "A share of the actors' capacity in the goods lost while the shock lasts.",
  });

export const InvestmentSchema = z
  .strictObject({
    type: z.literal("investment").describe("New capacity."),
    actor: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]{1,15}$/, { message: "expected a state or aggregate actor id" })
      .describe("The state (or aggregate) that invests."),
    good: SlugSchema.describe("The good whose capacity is added."),
    capacity: z.number().min(0).describe("Capacity added, units of the good per year."),
    lagMonths: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe("Months from `start` until the capacity is available."),
    cost: z.number().min(0).optional().describe("Cost, USD."),
    source: z.string().optional().describe("Where the figures come from."),
    ...common,
  })
  .meta({
    id: "investment",
    title: "Investment",
    description: "Capacity an actor adds in a good, available after a lag.",
  });

export const AgreementSchema = z
  .strictObject({
    type: z.literal("agreement").describe("Guaranteed flows, which override caps."),
    from: Refs.describe("The exporters (actors or groups)."),
    to: Refs.describe("The beneficiaries (actors or groups)."),
    goods: Goods,
    share: z
      .number()
      .min(0)
      .optional()
      .describe("Guaranteed share of the baseline flow on each route (may exceed 1)."),
    quantity: z
      .number()
      .min(0)
      .optional()
      .describe(
        "Or: guaranteed units per `per` to each target, shared among the exporters' routes.",
      ),
    per: Per,
    ...common,
  })
  .meta({
    id: "agreement",
    title: "Agreement",
    description: "Guaranteed flows from the exporters to the targets, which override caps.",
  });

export const StockpileSchema = z
  .strictObject({
    type: z.literal("stockpile").describe("Extra stocks."),
    actors: Refs.describe("Who holds the stocks (actors or groups)."),
    goods: Goods,
    months: z.number().min(0).describe("Extra months of baseline use to hold."),
    ...common,
  })
  .meta({
    id: "stockpile",
    title: "Stockpile",
    description: "Extra months of baseline use of the goods that the actors hold in stock.",
  });

/** A trend: the capacity of some actors' industries grows by a rate per year, applied as one
 * step at the start of each year of the measure (for projections, e.g. world compute by 2030). */
export const CapacityGrowthSchema = z
  .strictObject({
    type: z.literal("capacity_growth").describe("A trend in capacity."),
    actors: Refs.describe("Whose capacity grows (actors or groups)."),
    goods: Goods,
    ratePerYear: z
      .number()
      .gt(-1)
      .max(100)
      .describe("Growth per year, 0.5 = +50% a year (negative for a decline, above −1)."),
    source: z.string().optional().describe("Where the rate comes from."),
    ...common,
  })
  .meta({
    id: "capacityGrowth",
    title: "Capacity growth",
    description:
      "The capacity of the actors' industries grows by a rate per year, applied as one step at the start of each year of the measure (for projections).",
  });

/** Suspends export controls in force at the world's as-of date (ids of the world's
 * `controls`) over the measure's months; a need the baseline dropped stays dropped. */
export const LiftControlSchema = z
  .strictObject({
    type: z.literal("lift_control").describe("Suspends standing export controls."),
    controls: z
      .array(SlugSchema)
      .min(1)
      .describe("Ids of the world's `controls` in force at its as-of date."),
    ...common,
  })
  .meta({
    id: "liftControl",
    title: "Lift export controls",
    description:
      "Suspends export controls in force at the world's as-of date over the measure's months; a need the baseline dropped stays dropped.",
  });

export const MeasureSchema = z
  .discriminatedUnion("type", [
    ExportControlSchema,
    CapacityShockSchema,
    InvestmentSchema,
    AgreementSchema,
    StockpileSchema,
    CapacityGrowthSchema,
    LiftControlSchema,
    ConditionalAccessSchema,
  ])
  .meta({
    id: "measure",
    title: "Measure",
    description:
      "One measure of a scenario, by `type`: export_control, capacity_shock, investment, agreement, stockpile, capacity_growth, lift_control or conditional_access.",
  });

export const ScenarioSchema = z
  .strictObject({
    name: z.string().min(1).describe("The scenario's name, for reports."),
    description: z.string().optional().describe("What the scenario asks, in a paragraph."),
    horizon: z.number().int().min(1).max(1200).describe("Months simulated, 1–1200."),
    world: EmbeddedPatchSchema.optional().describe(
      "Figures of the world this scenario changes (a patch, as in a world file with `extends`).",
    ),
    groups: z
      .array(GroupSchema)
      .optional()
      .describe("Groups of actors, beside the world's, that the measures may name."),
    measures: z.array(MeasureSchema).describe("The measures, with the months they apply."),
    automation: AutomationSchema.optional().describe(
      "An automation path over years: who captures the value of chosen sectors as AI inputs take over their own value added (docs/model.md §8).",
    ),
    options: z
      .strictObject({
        refillRate: Share.optional().describe(
          "Share of the gap to the stock target reordered each month (default 0.25).",
        ),
        loss: z
          .enum(LOSS_MEASURES)
          .optional()
          .describe(
            "The loss measure that ranks actors and sets the Council's gains (default: total).",
          ),
        draws: z
          .number()
          .int()
          .min(1)
          .max(1_000_000)
          .optional()
          .describe(
            "Monte Carlo draws over every figure given as a distribution, run after the central run so that each figure carries its range (docs/model.md, Uncertainty); `levier run --draws N` overrides it, `--draws 0` runs none.",
          ),
        seed: z
          .number()
          .int()
          .min(0)
          .max(4294967295)
          .optional()
          .describe("Seed of the draws (default 1): draw k is reproducible from (seed, k)."),
        sampling: z
          .enum(SAMPLINGS)
          .optional()
          .describe(
            "How the draws are made (default random): pseudo-random, or sobol, the points of a Sobol sequence with a random digital shift from the seed (randomised quasi-Monte Carlo: means that converge faster for smooth outputs; docs/model.md §5b). `levier run --sampling` overrides it.",
          ),
      })
      .optional()
      .describe("Options of the simulation."),
    adoption: AdoptionSchema.optional().describe(
      'How the rules of the conditional_access measures spread (docs/model.md, "Conditional access and adoption").',
    ),
    council: z
      .strictObject({
        measure: z
          .string()
          .min(1)
          .describe("The kind of measure (export-controls, trade-agreement…)."),
      })
      .optional()
      .describe(
        "The Council vote on the EU's measures: the kind of measure, which sets the treaty basis and voting rules (`levier council rules` lists them). Default: export-controls when the EU or a member restricts exports, trade-agreement when it grants guaranteed flows.",
      ),
    report: z
      .strictObject({
        headline: z
          .enum(HEADLINES)
          .optional()
          .describe(
            "The scenario's question, which leads its report as the bottom line's first figure and the first chart: `loss` (who loses most and who gains; the default), `eu` (the EU's members), `goods` (world output of the key goods over time), `capacity-share` (the share of world capacity in `capacityShare`, month by month) or `value-capture` (the share of the value of the automation path's manufacturing captured by its actors, year by year).",
          ),
        goods: z
          .array(SlugSchema)
          .optional()
          .describe("Goods whose output over time the report charts (default: the most affected)."),
        capacityShare: z
          .strictObject({
            actors: Refs.describe("The actors (or groups) whose share is stated."),
            good: SlugSchema.describe("The good."),
            paper: z.number().optional().describe("The paper's figure, to set beside it."),
            note: z.string().optional().describe("What the figure means."),
          })
          .optional()
          .describe(
            "Actors whose share of world capacity of a good the report follows, month by month and at the horizon.",
          ),
      })
      .optional()
      .describe("What the report should state for this scenario."),
  })
  .meta({
    title: "levier scenario",
    description:
      "A scenario: a horizon in months, an optional patch of the world, extra groups of actors, and measures with the months they apply (1-based, both ends inclusive).",
  });

export type Scenario = z.infer<typeof ScenarioSchema>;
export type Measure = z.infer<typeof MeasureSchema>;
