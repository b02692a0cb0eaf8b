/**
 * Schemas of the Council data files (data/council): voting rules, measure kinds with their
 * treaty basis, sources. Types are inferred from them. The population table is CSV and read by
 * `population.ts`; checks that need several files (rule ids that resolve, sources that exist)
 * live in `load.ts`.
 * @module
 */
import { z } from "zod";
import { SlugSchema, SourceSchema } from "../world/schema.js";
import { parseShare } from "./share.js";

/** A share written as 0.55, "55%" or "1/3", between 0 (excluded) and 1. */
export const ShareSchema = z
  .union([z.number(), z.string()])
  .refine((v) => parseShare(v) !== undefined, {
    message: 'expected a share in (0, 1] such as 0.55, "55%" or "1/3"',
  });

/**
 * "At least 55%" or "more than 50%" of a whole (exactly one of the two keys), and optionally a
 * floor in absolute numbers ("comprising at least fifteen of them", Art. 16(4) TEU).
 */
export const ThresholdSchema = z.union([
  z.strictObject({ atLeast: ShareSchema, notFewerThan: z.number().int().min(1).optional() }),
  z.strictObject({ moreThan: ShareSchema, notFewerThan: z.number().int().min(1).optional() }),
]);

const AbstentionSchema = z.strictObject({
  /** What an abstention does under this rule. */
  effect: z.enum(["counts-against", "does-not-prevent"]),
  basis: z.string().min(1),
});

const RuleBase = {
  id: SlugSchema,
  name: z.string().min(1),
  /** Treaty articles that define the rule. */
  basis: z.string().min(1),
  source: SlugSchema,
  year: z.number().int().min(1900).max(2100),
  note: z.string().optional(),
  aliases: z.array(SlugSchema).optional(),
};

/**
 * Double (or single) majority: enough members voting yes and, optionally, enough population;
 * with a blocking-minority clause the majority is deemed attained when fewer than
 * `blockingMinority.members` members do not vote yes (Art. 16(4) TEU).
 */
export const MajorityRuleSchema = z.strictObject({
  ...RuleBase,
  kind: z.literal("majority"),
  members: ThresholdSchema,
  population: ThresholdSchema.optional(),
  blockingMinority: z.strictObject({ members: z.number().int().min(1) }).optional(),
  abstention: AbstentionSchema,
});

/**
 * Unanimity: adopted when no member votes against (abstentions do not prevent adoption,
 * Art. 238(4) TFEU); with `constructiveAbstention`, not adopted when the abstaining members
 * reach both shares (Art. 31(1) TEU: one third of the members and one third of the population).
 */
export const UnanimityRuleSchema = z.strictObject({
  ...RuleBase,
  kind: z.literal("unanimity"),
  constructiveAbstention: z
    .strictObject({ members: ShareSchema, population: ShareSchema, basis: z.string().min(1) })
    .optional(),
  abstention: AbstentionSchema,
});

export const RuleSchema = z.discriminatedUnion("kind", [MajorityRuleSchema, UnanimityRuleSchema]);

export const RulesFileSchema = z.strictObject({ rules: z.array(RuleSchema).min(1) });

/** One act a measure needs, with the rule the Council (or committee) adopts it by. */
export const StepSchema = z.strictObject({
  act: z.string().min(1),
  rule: SlugSchema,
  basis: z.string().min(1),
});

export const MeasureKindSchema = z.strictObject({
  id: SlugSchema,
  name: z.string().min(1),
  /** The acts the measure needs, all of which must be adopted; most kinds have one. */
  steps: z.array(StepSchema).min(1),
  source: SlugSchema,
  year: z.number().int().min(1900).max(2100),
  examples: z.array(z.string().min(1)).optional(),
  note: z.string().optional(),
});

export const MeasureKindsFileSchema = z.strictObject({
  measureKinds: z.array(MeasureKindSchema).min(1),
});

export const SourcesFileSchema = z.strictObject({ sources: z.array(SourceSchema).min(1) });

export type RuleDoc = z.infer<typeof RuleSchema>;
export type MajorityRuleDoc = z.infer<typeof MajorityRuleSchema>;
export type UnanimityRuleDoc = z.infer<typeof UnanimityRuleSchema>;
export type MeasureKind = z.infer<typeof MeasureKindSchema>;
export type Step = z.infer<typeof StepSchema>;
