/**
 * The published estimates of docs/validation.md (`examples/validation/references.yaml`): for
 * each case a scenario file and the studies that priced it, each with the levier metric it is
 * compared with, the published figure in that metric and the range accepted for levier's.
 * Problems are reported with file:line:col, like any other input of levier.
 * @module
 */
import { z } from "zod";
import { InputError } from "../../src/diagnostics/errors.js";
import type { Issue } from "../../src/diagnostics/issue.js";
import { parseYaml } from "../../src/parse/yaml.js";
import { validateDoc } from "../../src/world/schema-issues.js";

const Text = z.string().min(1);
const Actor = z.string().regex(/^(WORLD|[A-Z][A-Z0-9_]{1,15})$/, {
  message: "expected an actor id (US, TW) or WORLD (the sum over every actor that is not a bloc)",
});
const Slug = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, { message: "expected a good id" });

export const MetricSchema = z.discriminatedUnion("measure", [
  z.strictObject({ measure: z.enum(["loss", "lossGdpShare"]), actor: Actor }),
  z.strictObject({ measure: z.literal("outputLost"), good: Slug }),
  z.strictObject({
    measure: z.literal("outputValueLostShare"),
    actor: Actor,
    goods: z.array(Slug).min(1),
  }),
]);

const ReferenceSchema = z.strictObject({
  id: Slug,
  study: Text,
  publisher: Text,
  year: z.number().int().min(1900).max(2100),
  url: z.url(),
  also: z.url().optional(),
  /** The figure as the study states it, in its own unit. */
  figure: Text,
  unit: Text,
  scope: Text,
  metric: MetricSchema,
  /** The published figure converted to the metric (central, and its range where it has one). */
  value: z.number(),
  low: z.number().optional(),
  high: z.number().optional(),
  conversion: Text,
  /** The range accepted for levier's figure, in the metric's unit, and why. */
  range: z.tuple([z.number(), z.number()]),
  why: Text,
  /** What levier leaves out or adds compared with the study. */
  gap: Text,
});

const CaseSchema = z.strictObject({
  id: Slug,
  /** A scenario file in the same folder. */
  scenario: z.string().regex(/^[a-z0-9-]+\.yaml$/, { message: "expected a file name like x.yaml" }),
  title: Text,
  references: z.array(ReferenceSchema).min(1),
});

export const ReferencesSchema = z.strictObject({
  cases: z.array(CaseSchema).min(1),
  /** Studies looked at and not used, with the reason. */
  considered: z.array(z.strictObject({ study: Text, url: z.url().optional(), why: Text })),
});

export type Metric = z.infer<typeof MetricSchema>;
export type Reference = z.infer<typeof ReferenceSchema>;
export type ValidationCase = z.infer<typeof CaseSchema>;
export type References = z.infer<typeof ReferencesSchema>;

/** Parses and checks references.yaml; throws an InputError naming file:line:col. */
export function parseReferences(text: string, file: string): References {
  const parsed = parseYaml(text, file);
  if (!parsed.doc) throw new InputError(parsed.issues);
  const doc = parsed.doc;
  const { value, issues } = validateDoc(ReferencesSchema, doc);
  if (!value) throw new InputError(issues);
  const problems: Issue[] = [];
  value.cases.forEach((c, i) =>
    c.references.forEach((r, j) => {
      const path = ["cases", i, "references", j, "range"];
      const [lo, hi] = r.range;
      const fail = (message: string) =>
        problems.push({
          severity: "error",
          code: "range",
          at: doc.locate(path),
          path: `cases[${i}].references[${j}].range`,
          message,
        });
      if (!(lo < hi)) fail(`expected low < high, found [${lo}, ${hi}]`);
      else if (lo <= 0 && hi >= 0)
        fail(
          `expected a range on one side of 0 (the direction of the effect), found [${lo}, ${hi}]`,
        );
    }),
  );
  if (problems.length > 0) throw new InputError(problems);
  return value;
}
