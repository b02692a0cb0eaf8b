/**
 * The gains file: each member's gain from a measure, before the simulator provides them. YAML
 * or JSON, in any of three shapes:
 *
 *   DE: 1.2                       # a map member → gain (a number, or economic/security parts)
 *   NL: { economic: -3, security: 0.5 }
 *
 *   - { member: DE, gain: 1.2 }   # a list of entries
 *   - { member: NL, economic: -3, security: 0.5 }
 *
 *   unit: EUR bn                  # or a document with options and `gains` in either shape
 *   weights: { economic: 1, security: 0.5 }
 *   abstentionBand: 0.1           # members with −0.1 ≤ gain < 0 abstain
 *   others: 0                     # gain of members not listed (otherwise all must be listed)
 *   gains: { DE: 1.2, NL: -3 }
 *
 * Every problem is an issue at file:line:col: unknown member ids, members listed twice,
 * members missing.
 * @module
 */
import { z } from "zod";
import { formatPath, type Issue } from "../diagnostics/issue.js";
import type { LocatedDoc } from "../parse/located.js";
import { validateDoc } from "../world/schema-issues.js";
import { DEFAULT_WEIGHTS, type GainInput, type GainWeights, netGain } from "./ballot.js";
import { MAX_MAGNITUDE } from "./compensation/milp.js";
import type { Member } from "./rule.js";

const PartsSchema = z
  .strictObject({ economic: z.number().optional(), security: z.number().optional() })
  .refine((p) => p.economic !== undefined || p.security !== undefined, {
    message: "expected an economic or a security gain (or both)",
  });

export const GainValueSchema = z.union([z.number(), PartsSchema]);

const EntrySchema = z
  .strictObject({
    member: z.string().min(1),
    gain: z.number().optional(),
    economic: z.number().optional(),
    security: z.number().optional(),
  })
  .refine(
    (e) => (e.gain !== undefined) !== (e.economic !== undefined || e.security !== undefined),
    { message: "expected either gain or economic/security parts" },
  );

const GainsMapSchema = z.record(z.string(), GainValueSchema);
const GainsListSchema = z.array(EntrySchema).min(1);

export const GainsFileSchema = z.strictObject({
  unit: z.string().min(1).optional(),
  weights: z
    .strictObject({
      economic: z.number().min(0).optional(),
      security: z.number().min(0).optional(),
    })
    .optional(),
  abstentionBand: z.number().min(0).max(MAX_MAGNITUDE).optional(),
  others: GainValueSchema.optional(),
  gains: z.union([GainsMapSchema, GainsListSchema]),
});

export interface Gains {
  /** Net gain of each member, in the council's member order. */
  gains: number[];
  /** The inputs as given (or `others`), in the same order. */
  inputs: GainInput[];
  weights: GainWeights;
  abstentionBand: number;
  unit?: string;
}

type GainsFile = z.infer<typeof GainsFileSchema>;

/** Gains beyond this are refused: the LP text that HiGHS reads treats 1e15 and more as infinite. */
export const MAX_GAIN = MAX_MAGNITUDE;

export function gainsFromDoc(
  doc: LocatedDoc,
  members: readonly Member[],
): { gains?: Gains; issues: Issue[] } {
  const value = doc.value;
  const structured =
    value !== null && typeof value === "object" && !Array.isArray(value) && "gains" in value;
  const prefix: PropertyKey[] = structured ? ["gains"] : [];
  let file: GainsFile | undefined;
  if (structured) file = validateDoc(GainsFileSchema, doc).value;
  else if (Array.isArray(value)) {
    const list = validateDoc(GainsListSchema, doc).value;
    if (list) file = { gains: list };
  } else {
    const map = validateDoc(GainsMapSchema, doc).value;
    if (map) file = { gains: map };
  }
  if (!file) {
    const schema = structured
      ? GainsFileSchema
      : Array.isArray(value)
        ? GainsListSchema
        : GainsMapSchema;
    return { issues: validateDoc(schema, doc).issues };
  }
  const issues: Issue[] = [];
  const error = (code: string, path: PropertyKey[], message: string) =>
    issues.push({ severity: "error", code, at: doc.locate(path), path: formatPath(path), message });

  const index = new Map(members.map((m, i) => [m.id, i]));
  const inputs: (GainInput | undefined)[] = new Array(members.length).fill(undefined);
  const paths: PropertyKey[][] = members.map(() => prefix);
  const known = members.map((m) => m.id).join(", ");
  const put = (id: string, input: GainInput, path: PropertyKey[]) => {
    const i = index.get(id);
    if (i === undefined)
      error("unknown-id", path, `unknown member ${JSON.stringify(id)}; expected one of ${known}`);
    else if (inputs[i] !== undefined) error("duplicate-id", path, `member ${id} is listed twice`);
    else {
      inputs[i] = input;
      paths[i] = path;
    }
  };
  if (Array.isArray(file.gains))
    file.gains.forEach((e, j) => {
      const input: GainInput = e.gain ?? partsOf(e);
      put(e.member, input, [...prefix, j, "member"]);
    });
  else for (const [id, input] of Object.entries(file.gains)) put(id, input, [...prefix, id]);

  const missing = members.filter((_, i) => inputs[i] === undefined).map((m) => m.id);
  if (missing.length > 0 && file.others === undefined)
    error(
      "missing-member",
      prefix,
      `no gain for ${missing.join(", ")}; expected every member, or \`others: 0\` for those not listed`,
    );
  if (issues.length > 0) return { issues };
  const weights: GainWeights = {
    economic: file.weights?.economic ?? DEFAULT_WEIGHTS.economic,
    security: file.weights?.security ?? DEFAULT_WEIGHTS.security,
  };
  const complete = inputs.map((x) => x ?? (file.others as GainInput));
  const gains: Gains = {
    gains: complete.map((x) => netGain(x, weights)),
    inputs: complete,
    weights,
    abstentionBand: file.abstentionBand ?? 0,
  };
  if (file.unit !== undefined) gains.unit = file.unit;
  gains.gains.forEach((g, i) => {
    if (!(Math.abs(g) <= MAX_GAIN))
      error(
        "out-of-range",
        paths[i] as PropertyKey[],
        `the weighted gain of ${members[i]?.id} is ${g}; expected a finite number within ±${MAX_GAIN} (use a larger unit)`,
      );
  });
  if (issues.length > 0) return { issues };
  return { gains, issues: [] };
}

function partsOf(e: { economic?: number | undefined; security?: number | undefined }): GainInput {
  const parts: { economic?: number; security?: number } = {};
  if (e.economic !== undefined) parts.economic = e.economic;
  if (e.security !== undefined) parts.security = e.security;
  return parts;
}
