/**
 * The ETO crosswalk (`data/crosswalks/eto.yaml`): which ETO inputs make up each levier good
 * (weighted by the inputs' global market sizes where several do), which levier source each of
 * the dataset's source lines is, where providers that are not a country (ETO's "Various
 * countries") go, and the ranges (modelling judgements) that some imported shares carry. Read as
 * located YAML, so that every problem names its line and column.
 * @module
 */
import { z } from "zod";
import type { Issue } from "../diagnostics/issue.js";
import type { LocatedDoc } from "../parse/located.js";
import { parseYaml } from "../parse/yaml.js";
import { ActorIdSchema, SlugSchema } from "../world/schema.js";
import { validateDoc } from "../world/schema-issues.js";

const InputId = z.string().regex(/^N[0-9]+$/, { message: "expected an ETO input id such as N19" });

export const RangeSchema = z.strictObject({
  low: z.number().min(0).max(1),
  high: z.number().min(0).max(1),
  dist: z.enum(["triangular", "pert"]).optional(),
  /** Why the share may lie in this range. */
  note: z.string().min(1),
});

export const EtoGoodSchema = z.strictObject({
  /** The ETO input ids whose provision makes up the good. */
  inputs: z.array(InputId).min(1),
  /** The source id the good's supplier rows cite (defined in the world's sources). */
  source: SlugSchema,
  /** Ranges around imported shares, by actor: a triangular distribution with the share as mode. */
  ranges: z.record(ActorIdSchema, RangeSchema).optional(),
  /** What the good covers of the dataset, and why. */
  note: z.string().min(1),
});

export const EtoCrosswalkSchema = z.strictObject({
  dataset: z.strictObject({
    /** The source id of the dataset as a whole. */
    source: SlugSchema,
    url: z.string().min(1),
  }),
  /** Provider names that are not an ISO 3166 alpha-3 country: the actor they go to, or null to
   * refuse them (a region spanning several actors). */
  regions: z.record(z.string().min(1), ActorIdSchema.nullable()),
  /** The dataset's source lines (provision.csv `source`, or the input's chart source where the
   * row has none) → levier source ids: the first entry whose `starts` begins the line. */
  sourceLines: z.array(z.strictObject({ starts: z.string().min(1), source: SlugSchema })).min(1),
  goods: z.record(SlugSchema, EtoGoodSchema),
});

export type EtoCrosswalk = z.infer<typeof EtoCrosswalkSchema>;
export type EtoGood = z.infer<typeof EtoGoodSchema>;

export interface LocatedCrosswalk {
  value: EtoCrosswalk;
  doc: LocatedDoc;
}

export function readEtoCrosswalk(
  text: string,
  file: string,
): { located?: LocatedCrosswalk; issues: Issue[] } {
  const parsed = parseYaml(text, file);
  if (!parsed.doc) return { issues: parsed.issues };
  const { value, issues } = validateDoc(EtoCrosswalkSchema, parsed.doc);
  if (value === undefined) return { issues };
  return { located: { value, doc: parsed.doc }, issues: [] };
}
