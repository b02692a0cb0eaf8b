/**
 * Scenario files: a horizon, an optional patch of the world, extra groups of actors, and
 * measures with the months they apply (1-based, both ends inclusive).
 * @module
 */

import { z } from "zod";
import { LOSS_MEASURES } from "../losses/measure.js";
import { GroupSchema, SlugSchema, WorldPatchSchema } from "../world/schema.js";

/** An actor id (DE, EU — a bloc stands for its members) or a group id (us_ai_tier1_2025). */
const RefSchema = z.string().regex(/^([A-Z][A-Z0-9_]{1,15}|[a-z][a-z0-9_-]{0,63})$/, {
  message: "expected an actor id (DE, EU) or a group id (us_ai_tier1_2025)",
});
const Refs = z.array(RefSchema).min(1);
const Goods = z.array(SlugSchema).min(1);
const Month = z.number().int().min(1).max(1200);
const Share = z.number().min(0).max(1);

/** What a report can lead with (`report.headline`). */
export const HEADLINES = ["loss", "eu", "goods", "capacity-share"] as const;
export type Headline = (typeof HEADLINES)[number];

const common = {
  /** A short name for reports. */
  id: z.string().min(1).optional(),
  start: Month.optional(),
  end: Month.optional(),
  note: z.string().optional(),
};

export const ExportControlSchema = z.strictObject({
  type: z.literal("export_control"),
  from: Refs,
  to: Refs,
  goods: Goods,
  /** Each edge may carry this share of its baseline flow (0 = a full cutoff). */
  cap: Share.optional(),
  /** Or: each target may receive at most this many units per `per`, from all the exporters. */
  quantity: z.number().min(0).optional(),
  per: z.enum(["year", "month"]).optional(),
  /** Share of the blocked volume that gets through anyway (third countries, weak enforcement). */
  leakage: Share.optional(),
  ...common,
});

export const CapacityShockSchema = z.strictObject({
  type: z.literal("capacity_shock"),
  actors: Refs,
  goods: Goods,
  /** Share of capacity lost while the shock lasts. */
  fraction: Share,
  ...common,
});

export const InvestmentSchema = z.strictObject({
  type: z.literal("investment"),
  actor: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{1,15}$/, { message: "expected a state or aggregate actor id" }),
  good: SlugSchema,
  /** Capacity added, units of the good per year. */
  capacity: z.number().min(0),
  /** Months from `start` until the capacity is available. */
  lagMonths: z.number().int().min(0).optional(),
  /** Cost, USD. */
  cost: z.number().min(0).optional(),
  source: z.string().optional(),
  ...common,
});

export const AgreementSchema = z.strictObject({
  type: z.literal("agreement"),
  from: Refs,
  to: Refs,
  goods: Goods,
  /** Guaranteed share of the baseline flow on each route (may exceed 1). */
  share: z.number().min(0).optional(),
  /** Or: guaranteed units per `per` to each target, shared among the exporters' routes. */
  quantity: z.number().min(0).optional(),
  per: z.enum(["year", "month"]).optional(),
  ...common,
});

export const StockpileSchema = z.strictObject({
  type: z.literal("stockpile"),
  actors: Refs,
  goods: Goods,
  /** Extra months of baseline use to hold. */
  months: z.number().min(0),
  ...common,
});

/** A trend: the capacity of some actors' industries grows by a rate per year, applied as one
 * step at the start of each year of the measure (for projections, e.g. world compute by 2030). */
export const CapacityGrowthSchema = z.strictObject({
  type: z.literal("capacity_growth"),
  actors: Refs,
  goods: Goods,
  /** Growth per year, 0.5 = +50% a year (negative for a decline, above −1). */
  ratePerYear: z.number().gt(-1).max(100),
  source: z.string().optional(),
  ...common,
});

/** Suspends export controls in force at the world's as-of date (ids of the world's
 * `controls`) over the measure's months; a need the baseline dropped stays dropped. */
export const LiftControlSchema = z.strictObject({
  type: z.literal("lift_control"),
  controls: z.array(SlugSchema).min(1),
  ...common,
});

export const MeasureSchema = z.discriminatedUnion("type", [
  ExportControlSchema,
  CapacityShockSchema,
  InvestmentSchema,
  AgreementSchema,
  StockpileSchema,
  CapacityGrowthSchema,
  LiftControlSchema,
]);

export const ScenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  /** Months simulated. */
  horizon: z.number().int().min(1).max(1200),
  /** Figures of the world this scenario changes (a patch, as in a world file with `extends`). */
  world: WorldPatchSchema.omit({ extends: true }).optional(),
  groups: z.array(GroupSchema).optional(),
  measures: z.array(MeasureSchema),
  options: z
    .strictObject({
      /** Share of the gap to the stock target reordered each month (default 0.25). */
      refillRate: Share.optional(),
      /** The loss measure that ranks actors and sets the Council's gains (default: total). */
      loss: z.enum(LOSS_MEASURES).optional(),
    })
    .optional(),
  /** The Council vote on the EU's measures: the kind of measure, which sets the treaty basis and
   * voting rules (`levier council rules` lists them). Default: export-controls when the EU or a
   * member restricts exports, trade-agreement when it grants guaranteed flows. */
  council: z.strictObject({ measure: z.string().min(1) }).optional(),
  /** What the report should state for this scenario. */
  report: z
    .strictObject({
      /** The scenario's question, which leads its report as the bottom line's first figure and
       * the first chart: `loss` (who loses most and who gains; the default), `eu` (the EU's
       * members), `goods` (world output of the key goods over time) or `capacity-share` (the
       * share of world capacity below, over time). */
      headline: z.enum(HEADLINES).optional(),
      /** Goods whose output over time the report charts (default: the most affected). */
      goods: z.array(SlugSchema).optional(),
      /** Actors whose share of world capacity of a good the report states at the horizon. */
      capacityShare: z
        .strictObject({
          actors: Refs,
          good: SlugSchema,
          paper: z.number().optional(),
          note: z.string().optional(),
        })
        .optional(),
    })
    .optional(),
});

export type Scenario = z.infer<typeof ScenarioSchema>;
export type Measure = z.infer<typeof MeasureSchema>;
