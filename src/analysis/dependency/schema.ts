/**
 * The file that states the Commission's dependency test as data (data/analysis/
 * commission-dependency.yaml): the bloc, the criteria with their measure and threshold, each
 * with its source, and the sources. `parseDependencyTest` turns its text into a test or issues
 * at file:line:col; it reads no file itself.
 * @module
 */
import { z } from "zod";
import type { Issue } from "../../diagnostics/issue.js";
import { parseYaml } from "../../parse/yaml.js";
import { ActorIdSchema, SlugSchema, SourceSchema } from "../../world/schema.js";
import { validateDoc } from "../../world/schema-issues.js";

export const MeasureSchema = z.enum([
  /** HHI of the extra-bloc suppliers' shares of the bloc's extra-bloc imports. */
  "extra_import_hhi",
  /** Extra-bloc imports over all the members' imports (intra-bloc included). */
  "extra_import_share",
  /** Extra-bloc imports over the bloc's use of the good (intermediate and final). */
  "extra_import_share_of_use",
  /** Extra-bloc imports over the members' exports to every destination (intra-bloc included). */
  "extra_imports_over_exports",
  /** Extra-bloc imports over the members' exports outside the bloc. */
  "extra_imports_over_extra_exports",
]);
export type Measure = z.infer<typeof MeasureSchema>;

export const CriterionSchema = z.strictObject({
  id: SlugSchema,
  name: z.string().min(1),
  measure: MeasureSchema,
  /** The criterion holds when the measure is strictly above this. */
  above: z.number().refine(Number.isFinite, { message: "expected a finite number" }),
  source: SlugSchema,
  year: z.number().int().min(1900).max(2100),
  note: z.string().optional(),
});

export const DependencyTestFileSchema = z.strictObject({
  test: z.strictObject({
    id: SlugSchema,
    name: z.string().min(1),
    bloc: ActorIdSchema,
    verdict: z.enum(["all", "any"]),
    criteria: z.array(CriterionSchema).min(1),
  }),
  sources: z.array(SourceSchema).min(1),
});

export type Criterion = z.infer<typeof CriterionSchema>;
export type DependencyTestFile = z.infer<typeof DependencyTestFileSchema>;
export type DependencyTest = DependencyTestFile["test"] & {
  sources: DependencyTestFile["sources"];
};

export function parseDependencyTest(
  text: string,
  file: string,
): { test?: DependencyTest; issues: Issue[] } {
  const parsed = parseYaml(text, file);
  if (!parsed.doc) return { issues: parsed.issues };
  const { value, issues } = validateDoc(DependencyTestFileSchema, parsed.doc);
  if (!value) return { issues };
  const known = new Set(value.sources.map((s) => s.id));
  const missing: Issue[] = value.test.criteria.flatMap((c, i): Issue[] =>
    known.has(c.source)
      ? []
      : [
          {
            severity: "error",
            code: "unknown-source",
            at: parsed.doc!.locate(["test", "criteria", i, "source"]),
            path: `test.criteria[${i}].source`,
            message: `unknown source "${c.source}"; expected one of ${[...known].join(", ")}`,
          },
        ],
  );
  if (missing.length > 0) return { issues: missing };
  return { test: { ...value.test, sources: value.sources }, issues: [] };
}
