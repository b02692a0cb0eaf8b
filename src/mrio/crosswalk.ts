/**
 * The two data files that say how an input–output table becomes levier's economy sectors:
 *
 * - a **crosswalk** for one table (`data/crosswalks/wiod.yaml`): which levier actor each table
 *   region is, which levier states the table lacks and are carved out of one of its regions,
 *   which economy sector each table industry belongs to, which table industry makes each chain
 *   good (for the carve-out), which chain goods take their seed flows from that industry's
 *   sales by destination (`chain-flows.ts`), and the table's published source;
 * - the **economy assumptions** (`data/crosswalks/economy.yaml`, named by the crosswalk): the
 *   sectors with their modelling parameters, the criticality of inputs between sectors, and how
 *   the chain goods' net final demand is moved into the sectors' recipes (the join).
 *
 * Both are read as located YAML, so that every problem names its line and column.
 * @module
 */
import { z } from "zod";
import type { Issue } from "../diagnostics/issue.js";
import type { LocatedDoc } from "../parse/located.js";
import { parseYaml } from "../parse/yaml.js";
import { QuantitySchema } from "../world/quantity.js";
import { ActorIdSchema, RampUpSchema, SlugSchema, SourceSchema } from "../world/schema.js";
import { validateDoc } from "../world/schema-issues.js";

const Code = z.string().min(1);

export const CrosswalkSchema = z.strictObject({
  table: z.strictObject({
    layout: z.enum(["wiod", "icio"]),
    /** Source id of the table (defined under `sources`). */
    source: SlugSchema,
    /** The year the table describes. */
    year: z.number().int().min(1900).max(2100),
    /** USD per unit of the table's values (1e6 for tables in USD m). */
    usdPerUnit: z.number().positive(),
  }),
  sources: z.array(SourceSchema).min(1),
  /** Table region → levier actor (a state or ROW). */
  regions: z.record(Code, ActorIdSchema),
  /** Levier states the table lacks, carved out of region `from` in proportion to GDP. */
  carve: z.strictObject({ from: Code, actors: z.array(ActorIdSchema).min(1) }).optional(),
  /** Table industry → economy sector id. */
  industries: z.record(Code, SlugSchema),
  /** Chain good → the table industry that makes it, or industries with shares adding to 1. */
  chainGoods: z.record(SlugSchema, z.union([Code, z.record(Code, z.number().positive())])),
  /** Chain goods whose baseline flows are seeded from their industry's sales by destination. */
  chainFlows: z.array(SlugSchema).optional(),
  /** The economy assumptions file, relative to this one. */
  assumptions: z.string().min(1),
});

export const SectorSchema = z.strictObject({
  id: SlugSchema,
  name: z.string().min(1),
  description: z.string().min(1),
  stockMonths: QuantitySchema,
  rampUp: RampUpSchema,
  utilisation: QuantitySchema,
  securityWeight: QuantitySchema,
  demandElasticity: QuantitySchema,
});

export const JoinSchema = z.strictObject({
  good: SlugSchema,
  /** Share of the good's net final demand that stays final (households' own use). */
  final: QuantitySchema,
  /** Shares given outright to sectors. */
  sectors: z.record(SlugSchema, QuantitySchema).optional(),
  /** The rest goes to the other sectors in proportion to their purchases of this sector... */
  restBy: SlugSchema.optional(),
  /** ...among these sectors (default: all those not named in `sectors`)... */
  restAmong: z.array(SlugSchema).min(1).optional(),
  /** ...each such share within ± this fraction of itself (the proxy's uncertainty). */
  restSpread: z.number().min(0).max(1).optional(),
  /** Criticality of the good in each sector; `default` for sectors not named. */
  criticality: z.record(SlugSchema, QuantitySchema),
  note: z.string().min(1),
});

export const AssumptionsSchema = z.strictObject({
  sources: z.array(SourceSchema).min(1),
  sectors: z.array(SectorSchema).min(1),
  criticality: z.strictObject({
    /** For any input between sectors not matched below. */
    default: QuantitySchema,
    /** By input sector, for every user. */
    inputs: z.record(SlugSchema, QuantitySchema).optional(),
    /** By input and user, overriding the above. */
    pairs: z
      .array(z.strictObject({ input: SlugSchema, user: SlugSchema, criticality: QuantitySchema }))
      .optional(),
  }),
  /** Input coefficients between sectors below this are left out of the recipes. */
  minCoefficient: z.number().nonnegative(),
  join: z.array(JoinSchema),
});

export type Crosswalk = z.infer<typeof CrosswalkSchema>;
export type Assumptions = z.infer<typeof AssumptionsSchema>;
export type Sector = z.infer<typeof SectorSchema>;
export type JoinRule = z.infer<typeof JoinSchema>;

export interface Located<T> {
  value: T;
  doc: LocatedDoc;
}

export function readCrosswalk(text: string, file: string) {
  return readLocated(CrosswalkSchema, text, file);
}

export function readAssumptions(text: string, file: string) {
  return readLocated(AssumptionsSchema, text, file);
}

function readLocated<S extends z.ZodType>(
  schema: S,
  text: string,
  file: string,
): { located?: Located<z.infer<S>>; issues: Issue[] } {
  const parsed = parseYaml(text, file);
  if (!parsed.doc) return { issues: parsed.issues };
  const { value, issues } = validateDoc(schema, parsed.doc);
  if (value === undefined) return { issues };
  return { located: { value, doc: parsed.doc }, issues: [] };
}

/** The industries of a chain good with their shares. */
export function industriesOf(entry: Crosswalk["chainGoods"][string]): [string, number][] {
  return typeof entry === "string" ? [[entry, 1]] : Object.entries(entry);
}
