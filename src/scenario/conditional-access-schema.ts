/**
 * The `conditional_access` measure and the scenario's `adoption` section (docs/model.md,
 * "Conditional access and adoption"): an actor restricts goods to the actors that have not
 * adopted a named rule; who adopts, and when, comes from a threshold cascade run with the
 * simulator in the loop (`run/adoption.ts`). The measure compiles to export-control caps on the
 * routes to each target from the measure's start to the month before the target adopts.
 * @module
 */
import { z } from "zod";
import { RefSchema, SlugSchema } from "../world/schema.js";

const Refs = z.array(RefSchema).min(1);
const Month = z.number().int().min(1).max(1200);

export const ConditionalAccessSchema = z
  .strictObject({
    type: z
      .literal("conditional_access")
      .describe("Access to goods conditioned on adopting a rule."),
    from: Refs.describe("Who conditions access (actors or groups): the exporters."),
    to: Refs.describe(
      "The actors (or groups) whose access is conditioned: the candidates for adoption. Members of `from` are left out.",
    ),
    goods: z.array(SlugSchema).min(1).describe("The goods conditioned (ids of the world's goods)."),
    rule: SlugSchema.describe(
      "The rule to adopt (an id of the rule book, data/diffusion/rules.yaml).",
    ),
    cap: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe(
        "Share of its baseline flow each route to an actor that has not adopted may still carry (default 0: cut off).",
      ),
    leakage: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe("Share of the blocked volume that gets through anyway."),
    id: z.string().min(1).optional().describe("A short name for reports and warnings."),
    start: Month.optional().describe("The first month the condition applies. Default 1."),
    end: Month.optional().describe("The last month it applies (inclusive). Default: the horizon."),
    note: z.string().optional().describe("Why the measure, and where its figures come from."),
  })
  .meta({
    id: "conditionalAccess",
    title: "Conditional access",
    description:
      "Restricts the goods from `from` to the actors of `to` that have not adopted `rule`; compiles to export-control caps that lift in the month each target adopts.",
  });

export type ConditionalAccess = z.infer<typeof ConditionalAccessSchema>;

export const AdoptionSchema = z
  .strictObject({
    roundMonths: z
      .number()
      .int()
      .min(1)
      .max(120)
      .optional()
      .describe(
        "Months per round of the cascade (default 6): an actor that adopts in round r (1, 2, …) adopts in month start + (r − 1) × roundMonths.",
      ),
    rounds: z
      .number()
      .int()
      .min(1)
      .max(50)
      .optional()
      .describe("Most rounds (default: as many as fit in the horizon)."),
    influence: z
      .number()
      .min(0)
      .optional()
      .describe(
        "λ, the pull of partners under the rule, as a share of the actor's GDP a year per unit of tie weight (default 0.0003): pull_i = λ · GDP_i · T/12 · (b_i + Σ_{j adopted} w_ij), w_ij = the share of i's trade that is with j, b_i that with the actors that condition (docs/model.md). An assumption to state.",
      ),
    costScale: z
      .number()
      .min(0)
      .optional()
      .describe("Multiplies every compliance cost (default 1): a subsidy or simplification."),
    seeds: z
      .array(z.string().regex(/^[A-Z][A-Z0-9_]{1,15}$/))
      .optional()
      .describe("Actors that adopt at the start (by a deal or a subsidy), before round 1."),
    target: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe(
        "A share of world GDP under the rule that the tipping conditions aim at (default 0.5).",
      ),
    tippingGoods: z
      .array(SlugSchema)
      .optional()
      .describe(
        "Goods the tipping search may add to the conditioned goods: the least set that makes the cascade reach `target`.",
      ),
    court: z
      .number()
      .int()
      .min(0)
      .max(5)
      .optional()
      .describe(
        "k, how many actors to court first: the greedy choice (lazy evaluation) of the k seeds that maximise final adoption (GDP under the rule). Default 0: none.",
      ),
  })
  .meta({
    id: "adoption",
    title: "Adoption cascade",
    description:
      "How third countries adopt the rules that conditional_access measures name: a threshold cascade in rounds with the simulator in the loop.",
  });

export type AdoptionOptions = z.infer<typeof AdoptionSchema>;
