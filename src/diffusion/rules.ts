/**
 * Rules as data (data/diffusion/rules.yaml): a rule an actor may adopt (the AI Code of
 * Practice, a co-production agreement, a model-access commitment), what adopting grants, and
 * what complying costs each actor, with sources; read from text, every problem an issue at
 * file:line:col. The cost of actor i over a horizon of T months is
 * c_i = perYear_i × T / 12, perYear_i = the actor's own figure where the rule gives one, else
 * shareOfGdp × GDP_i (docs/model.md, "Conditional access and adoption").
 * @module
 */
import { z } from "zod";
import { formatPath, type Issue } from "../diagnostics/issue.js";
import type { LocatedDoc } from "../parse/located.js";
import { parseYaml } from "../parse/yaml.js";
import { SlugSchema, SourceSchema } from "../world/schema.js";
import { validateDoc } from "../world/schema-issues.js";

const Sourced = {
  source: z.string().min(1).describe("A source id of the rule book's `sources`."),
  year: z.number().int().optional().describe("The year of the figure."),
  note: z.string().optional().describe("The reasoning, or where in the source."),
};

export const RuleSchema = z
  .strictObject({
    id: SlugSchema.describe("The rule's id, which conditional_access measures name."),
    name: z.string().min(1).describe("The rule's name, for reports."),
    description: z.string().optional().describe("What the rule asks of an adopter."),
    grants: z.string().min(1).describe("What adopting grants, in words."),
    cost: z
      .strictObject({
        shareOfGdp: z
          .number()
          .min(0)
          .max(0.1)
          .describe("Compliance cost per year as a share of GDP."),
        ...Sourced,
      })
      .describe("The compliance cost of an actor the rule names no figure for."),
    actors: z
      .array(
        z
          .strictObject({
            actor: z
              .string()
              .regex(/^[A-Z][A-Z0-9_]{1,15}$/, { message: "expected an actor id" })
              .describe("The actor."),
            perYear: z.number().min(0).describe("Compliance cost per year, USD bn."),
            ...Sourced,
          })
          .describe("An actor's own compliance cost."),
      )
      .optional()
      .describe("Actors whose compliance cost is given on its own (USD bn a year)."),
  })
  .meta({ id: "rule", title: "Rule", description: "A rule to adopt, what it grants and costs." });

export const RuleBookSchema = z
  .strictObject({
    rules: z.array(RuleSchema).min(1).describe("The rules."),
    sources: z.array(SourceSchema).min(1).describe("The sources the rules' figures name."),
  })
  .meta({
    title: "levier rule book",
    description:
      "Rules an actor may adopt to keep access to goods that conditional_access measures condition: what adopting grants and what complying costs, with sources.",
  });

export type Rule = z.infer<typeof RuleSchema>;
export type RuleBook = z.infer<typeof RuleBookSchema>;

/** Reads a rule book; sources that do not resolve and duplicate ids are errors. */
export function readRuleBook(text: string, file: string): { book?: RuleBook; issues: Issue[] } {
  const parsed = parseYaml(text, file);
  if (!parsed.doc) return { issues: parsed.issues };
  const { value, issues } = validateDoc(RuleBookSchema, parsed.doc, "rules");
  if (!value) return { issues };
  const problems = checkRuleBook(value, parsed.doc);
  return problems.length > 0 ? { issues: problems } : { book: value, issues: [] };
}

function checkRuleBook(book: RuleBook, doc: LocatedDoc): Issue[] {
  const out: Issue[] = [];
  const error = (path: PropertyKey[], code: string, message: string) =>
    out.push({ severity: "error", code, at: doc.locate(path), path: formatPath(path), message });
  const sources = new Set(book.sources.map((s) => s.id));
  const seen = new Set<string>();
  book.rules.forEach((r, i) => {
    if (seen.has(r.id))
      error(["rules", i, "id"], "duplicate", `rule ${JSON.stringify(r.id)} is given twice`);
    seen.add(r.id);
    const src = (path: PropertyKey[], id: string) => {
      if (!sources.has(id))
        error(
          path,
          "unknown-id",
          `unknown source ${JSON.stringify(id)}; expected one of the ids in sources`,
        );
    };
    src(["rules", i, "cost", "source"], r.cost.source);
    r.actors?.forEach((a, j) => src(["rules", i, "actors", j, "source"], a.source));
  });
  return out;
}

/** Compliance cost of `actor` over `months`, USD (GDP in USD bn). */
export function complianceCost(rule: Rule, actor: string, gdpBn: number, months: number): number {
  const own = rule.actors?.find((a) => a.actor === actor);
  const perYearBn = own ? own.perYear : rule.cost.shareOfGdp * gdpBn;
  return perYearBn * 1e9 * (months / 12);
}
