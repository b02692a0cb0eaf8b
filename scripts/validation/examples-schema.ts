/**
 * What docs/validation.md expects of the examples (`examples/validation/examples.yaml`):
 * for each example its question and headlines, each headline a figure of the run (a loss, a
 * share of GDP, a ratio of two losses, the hardest-hit actors, the bloc's most exposed member,
 * a share of world capacity, a figure of an automation path) with its expected sign, the range accepted and the reason.
 * Problems are reported with file:line:col, like any other input of levier.
 * @module
 */
import { z } from "zod";
import { InputError } from "../../src/diagnostics/errors.js";
import type { Issue } from "../../src/diagnostics/issue.js";
import { parseYaml } from "../../src/parse/yaml.js";
import { validateDoc } from "../../src/world/schema-issues.js";
import { checkRange } from "./examples-range.js";

const Text = z.string().min(1);
const Id = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, { message: "expected an id like eu-loss" });
/** An actor (US, EU), a group of the world (us_ai_tier2_eu_2025) or WORLD. */
const Ref = z.string().regex(/^(WORLD|[A-Z][A-Z0-9_]{1,15}|[a-z][a-z0-9_]{1,63})$/, {
  message: "expected an actor id (US, EU), a group id of the world or WORLD",
});
const ActorId = z.string().regex(/^[A-Z][A-Z0-9_]{1,15}$/, { message: "expected an actor id" });

export const SIGNS = ["positive", "negative", "either", "zero"] as const;
export type Sign = (typeof SIGNS)[number];

export const VALUE_CAPTURE_FIGURES = [
  "share",
  "shareChange",
  "policyGain",
  "shockLossShare",
  "shockRelief",
] as const;

const Pair = z.tuple([z.number(), z.number()]);
const Expected = {
  /** The direction: positive (a loss), negative (a gain), either, or zero (no effect at all). */
  expect: z.enum(SIGNS),
  /** The figure reasoned in `reason`, low and high: the range accepted is the page's rule,
   * a third of the low end to three times the high end (`acceptedRange`)... */
  estimate: Pair.optional(),
  /** ...or, for ratios and shares, the accepted values themselves, both ends included. None
   * for `zero`. */
  range: Pair.optional(),
  reason: Text,
};
const Common = {
  id: Id,
  title: Text,
  /** A known flaw of the model that puts the figure outside what the reasoning accepts: the
   * page states it, and the test checks the figure is still outside (so a fix that brings it in
   * range must remove this note). */
  known: Text.optional(),
};

export const HeadlineSchema = z.discriminatedUnion("measure", [
  /** An actor's (a bloc's, a group's, the world's) loss over the horizon, USD. */
  z.strictObject({ ...Common, measure: z.literal("loss"), actor: Ref, ...Expected }),
  /** The same as a share of its GDP over the horizon. */
  z.strictObject({ ...Common, measure: z.literal("lossGdpShare"), actor: Ref, ...Expected }),
  /** The loss of `of` over the loss of `to`: a target's against an exporter's. */
  z.strictObject({ ...Common, measure: z.literal("lossRatio"), of: Ref, to: Ref, ...Expected }),
  /** The `count` states with the largest losses, USD (no bloc, no rest of the world). */
  z.strictObject({
    ...Common,
    measure: z.literal("hardestHit"),
    count: z.number().int().min(1).max(10),
    /** Each of these must be among them... */
    includes: z.array(ActorId).min(1),
    /** ...and the others drawn from these (any state when absent). */
    others: z.array(ActorId).min(1).optional(),
    reason: Text,
  }),
  /** The member of a bloc with the largest loss as a share of its GDP: who, and how much. */
  z.strictObject({
    ...Common,
    measure: z.literal("mostExposedMember"),
    bloc: ActorId,
    members: z.array(ActorId).min(1),
    ...Expected,
  }),
  /** The scenario's `report.capacityShare`: at baseline, in the last month, or the part the
   * scenario's investments added. */
  z.strictObject({
    ...Common,
    measure: z.literal("capacityShare"),
    at: z.enum(["baseline", "horizon", "added"]),
    ...Expected,
  }),
  /** A figure of the scenario's automation path (docs/model.md §8): the followed actors' share
   * of the value of their manufacturing in `year` (`path`: with every policy, or without the
   * EU's), its change since the base year, the EU's policies' gain in it (with − without), the
   * shock's loss over that output in `year`'s structure, or the policies' relief of it
   * (without − with). */
  z.strictObject({
    ...Common,
    measure: z.literal("valueCapture"),
    figure: z.enum(VALUE_CAPTURE_FIGURES),
    year: z.number().int(),
    path: z.enum(["with", "without"]).default("with"),
    ...Expected,
  }),
]);

const ExampleSchema = z.strictObject({
  id: Id,
  /** A scenario file in examples/. */
  scenario: z.string().regex(/^[a-z0-9-]+\.yaml$/, { message: "expected a file name like x.yaml" }),
  title: Text,
  /** The question the example asks, in the words of its comment. */
  question: Text,
  headlines: z.array(HeadlineSchema).min(1),
});

export const ExamplesSchema = z.strictObject({ examples: z.array(ExampleSchema).min(1) });

export type Headline = z.infer<typeof HeadlineSchema>;
export type Example = z.infer<typeof ExampleSchema>;
export type Examples = z.infer<typeof ExamplesSchema>;
export type RangedHeadline = Exclude<Headline, { measure: "hardestHit" }>;

/** Parses and checks examples.yaml; `knows` says whether an id names an actor or a group.
 * Throws an InputError naming file:line:col. */
export function parseExamples(text: string, file: string, knows: (id: string) => boolean) {
  const parsed = parseYaml(text, file);
  if (!parsed.doc) throw new InputError(parsed.issues);
  const doc = parsed.doc;
  const { value, issues } = validateDoc(ExamplesSchema, doc);
  if (!value) throw new InputError(issues);
  const problems: Issue[] = [];
  value.examples.forEach((e, i) =>
    e.headlines.forEach((h, j) => {
      const at = (key: string, message: string, code = "headline") => {
        const path = ["examples", i, "headlines", j, key];
        problems.push({
          severity: "error",
          code,
          at: doc.locate(path),
          path: `examples[${i}].headlines[${j}].${key}`,
          message,
        });
      };
      for (const [key, id] of refsOf(h))
        if (id !== "WORLD" && !knows(id))
          at(key, `no actor or group ${JSON.stringify(id)} in the world`, "unknown-actor");
      if (h.measure !== "hardestHit")
        checkRange(h, (m) => at(h.estimate ? "estimate" : "range", m, "range"));
    }),
  );
  if (problems.length > 0) throw new InputError(problems);
  return value;
}

function refsOf(h: Headline): [string, string][] {
  switch (h.measure) {
    case "loss":
    case "lossGdpShare":
      return [["actor", h.actor]];
    case "lossRatio":
      return [
        ["of", h.of],
        ["to", h.to],
      ];
    case "hardestHit":
      return [
        ...h.includes.map((id): [string, string] => ["includes", id]),
        ...(h.others ?? []).map((id): [string, string] => ["others", id]),
      ];
    case "mostExposedMember":
      return [["bloc", h.bloc]];
    case "capacityShare":
    case "valueCapture":
      return [];
  }
}
