/**
 * Schemas of the world's input files. Types are inferred from them; `levier data schema` prints
 * them as JSON Schema for editors. Semantic checks that need the whole world (ids that resolve,
 * shares that add up, productive recipes) live in `validate.ts`.
 * @module
 */
import { z } from "zod";
import { QuantitySchema } from "./quantity.js";

/** Actor ids look like ISO codes: DE, EU, ROW. */
export const ActorIdSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,15}$/, { message: "expected an actor id such as DE, EU or ROW" });

/** Good, group, source and firm ids are lower snake case: euv_lithography. */
export const SlugSchema = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, {
  message: "expected a lower-case id such as euv_lithography",
});

export const SourceKindSchema = z.enum(["published", "derived", "assumption"]);

export const SourceSchema = z.strictObject({
  id: SlugSchema,
  kind: SourceKindSchema,
  publisher: z.string().min(1),
  title: z.string().min(1),
  year: z.number().int().min(1900).max(2100),
  url: z.string().optional(),
  /** For assumptions: the reasoning and the range a reader should allow. */
  note: z.string().optional(),
});

export const ActorKindSchema = z.enum(["state", "bloc", "aggregate"]);

export const ActorSchema = z.strictObject({
  id: ActorIdSchema,
  name: z.string().min(1),
  kind: ActorKindSchema,
  /** Members of a bloc (state ids). */
  members: z.array(ActorIdSchema).optional(),
  iso3: z.string().length(3).optional(),
  /** Persons. */
  population: QuantitySchema.optional(),
  /** Gross domestic product, USD bn per year. */
  gdp: QuantitySchema.optional(),
  /** Manufacturing value added as a share of GDP (or GVA; the source says which), 0–1. */
  manufacturingShare: QuantitySchema.optional(),
  source: SlugSchema.optional(),
  year: z.number().int().min(1900).max(2100).optional(),
  note: z.string().optional(),
});

export const GroupSchema = z.strictObject({
  id: SlugSchema,
  name: z.string().min(1),
  members: z.array(ActorIdSchema).min(1),
  source: SlugSchema.optional(),
  year: z.number().int().min(1900).max(2100).optional(),
  note: z.string().optional(),
});

export const LayerSchema = z.enum([
  "materials",
  "equipment",
  "design",
  "fabrication",
  "chips",
  "compute",
  "models",
  "data",
  "manufacturing",
  "energy",
  "security",
  /** A broad sector of the economy downstream of the chain (from an input–output table). */
  "economy",
]);

export const RecipeInputSchema = z.strictObject({
  input: SlugSchema,
  /** Units of the input needed per unit of output. */
  perUnit: QuantitySchema,
  /** How much output falls when the input is missing: 1 = output stops, 0 = none. */
  criticality: QuantitySchema,
  note: z.string().optional(),
});

export const RampUpSchema = z.strictObject({
  /** Months of unmet demand before other suppliers start adding capacity. */
  lagMonths: QuantitySchema,
  /** Capacity a supplier adds per month once ramping, as a share of its baseline capacity. */
  ratePerMonth: QuantitySchema,
  /** The most a supplier can add, as a share of its baseline capacity. */
  max: QuantitySchema,
});

export const DemandKeySchema = z.enum(["gdp", "population", "manufacturing"]);

export const GoodSchema = z.strictObject({
  id: SlugSchema,
  name: z.string().min(1),
  unit: z.string().min(1),
  layer: LayerSchema,
  description: z.string().optional(),
  /** World output per year, in the good's unit. */
  globalOutput: QuantitySchema,
  /** Baseline output over capacity, 0–1; the spare capacity rerouting can use. Default 1. */
  utilisation: QuantitySchema.optional(),
  recipe: z.array(RecipeInputSchema).optional(),
  /** Months of this good's baseline use that its users hold in stock. */
  stockMonths: QuantitySchema,
  rampUp: RampUpSchema,
  /** Value added per unit, USD. */
  valueAddedPerUnit: QuantitySchema,
  /** Price per unit, USD (for the value of trade). */
  pricePerUnit: QuantitySchema,
  /** Weight of the good in an actor's security index, >= 0. */
  securityWeight: QuantitySchema,
  /** Share of a buyer's need that it sources at home first, 0–1. Default 0. */
  homeBias: QuantitySchema.optional(),
  /** How final demand not given row by row is shared among actors. */
  demandBy: DemandKeySchema.optional(),
  /** Price elasticity of final demand at baseline (> 0), for the consumer surplus lost when
   * final demand goes unserved (docs/model.md, "Losses"). Default 0.5. */
  demandElasticity: QuantitySchema.optional(),
  /** Demand left unserved at baseline prices, as a share of each buyer's baseline receipts,
   * for a good that is rationed (sold out) in the data year: output that a supplier's own buyers
   * no longer take (a cap, a buyer gone) is sold to it, up to this share of the supplier's
   * buyers that it may still serve (docs/model.md, step 6). Default 0. */
  rationedDemand: QuantitySchema.optional(),
  source: SlugSchema.optional(),
  year: z.number().int().min(1900).max(2100).optional(),
  note: z.string().optional(),
});

/** One supplier of a good: its share of world output (or its output), and its utilisation. */
export const SupplierSchema = z.strictObject({
  good: SlugSchema,
  actor: ActorIdSchema,
  /** Share of world output, 0–1. Give this or `output`. */
  share: QuantitySchema.optional(),
  /** Output per year in the good's unit. Give this or `share`. */
  output: QuantitySchema.optional(),
  /** Overrides the good's utilisation for this supplier. */
  utilisation: QuantitySchema.optional(),
  source: SlugSchema.optional(),
  year: z.number().int().min(1900).max(2100).optional(),
  note: z.string().optional(),
});

/** One actor's share of a good's final demand. */
export const DemandSchema = z.strictObject({
  good: SlugSchema,
  actor: ActorIdSchema,
  share: QuantitySchema,
  source: SlugSchema.optional(),
  year: z.number().int().min(1900).max(2100).optional(),
  note: z.string().optional(),
});

/** An explicit bilateral flow; where a buyer has any, they replace the pooled market for it. */
export const FlowSchema = z.strictObject({
  good: SlugSchema,
  from: ActorIdSchema,
  to: ActorIdSchema,
  /** Units per year. */
  volume: QuantitySchema,
  source: SlugSchema.optional(),
  year: z.number().int().min(1900).max(2100).optional(),
  note: z.string().optional(),
});

export const FirmSchema = z.strictObject({
  id: SlugSchema,
  name: z.string().min(1),
  actor: ActorIdSchema,
  goods: z.array(SlugSchema).optional(),
  /** Latest valuation, USD bn. */
  valuation: QuantitySchema.optional(),
  source: SlugSchema.optional(),
  year: z.number().int().min(1900).max(2100).optional(),
  note: z.string().optional(),
});

/** A claim of the paper and the figure of the data that should reproduce it. */
export const HeadlineSchema = z.strictObject({
  id: SlugSchema,
  claim: z.string().min(1),
  /** The paper's figure, where it gives one (a share 0–1, a ratio, a count). */
  paper: z.number().optional(),
  metric: z.discriminatedUnion("kind", [
    /** The actors' combined share of world output of the goods (blocs count their members). */
    z.strictObject({
      kind: z.literal("supplier-share"),
      actors: z.array(ActorIdSchema).min(1),
      goods: z.array(SlugSchema).min(1),
      /** Weigh goods by the value of output (price × output, the default) or by units. */
      weight: z.enum(["value", "units"]).optional(),
    }),
    z.strictObject({
      kind: z.literal("firm-valuation-ratio"),
      numerator: SlugSchema,
      denominator: SlugSchema,
    }),
    z.strictObject({ kind: z.literal("group-count"), group: SlugSchema }),
    /** Exports minus imports between two actors (blocs count their members), USD bn per year,
     * in the baseline network's flows of the goods. */
    z.strictObject({
      kind: z.literal("trade-balance"),
      exporter: ActorIdSchema,
      partner: ActorIdSchema,
      goods: z.array(SlugSchema).min(1),
    }),
  ]),
  /** The range within which the data's figure must lie. */
  tolerance: z.tuple([z.number(), z.number()]),
  /**
   * "reproduce" (default): the data should land within the tolerance of the paper's claim.
   * "differs": the data follows a primary source that disagrees with the paper; the note says
   * which and why, and the tolerance brackets the primary source's figure.
   */
  expect: z.enum(["reproduce", "differs"]).optional(),
  note: z.string().optional(),
});

/** An actor id (DE, EU — a bloc stands for its members) or a group id (us_ai_tier1_2025). */
export const RefSchema = z.string().regex(/^([A-Z][A-Z0-9_]{1,15}|[a-z][a-z0-9_-]{0,63})$/, {
  message: "expected an actor id (DE, EU) or a group id (us_ai_tier1_2025)",
});

/** A calendar month, YYYY-MM. */
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, {
  message: "expected a month as YYYY-MM, such as 2023-09",
});

/**
 * An export control in force or on record: a standing measure of the baseline. It caps the
 * routes from `from` to `to` in `goods` (never an actor to itself) at `cap` of the uncontrolled
 * pooled flow, with `leakage` of the rest getting through. It is in force when `since` is no
 * later than the world's as-of date and `until` (the month it ended) is later (docs/data.md).
 */
export const ControlSchema = z.strictObject({
  id: SlugSchema,
  name: z.string().min(1),
  from: z.array(RefSchema).min(1),
  to: z.array(RefSchema).min(1),
  goods: z.array(SlugSchema).min(1),
  /** Share of the uncontrolled pooled flow that may still pass, 0–1 (0 = barred). */
  cap: QuantitySchema,
  /** Share of the blocked volume that gets through anyway, 0–1. Default 0. */
  leakage: QuantitySchema.optional(),
  /** First month in force. */
  since: MonthSchema,
  /** The month it ended (rescinded, suspended, lapsed); absent while it stands. */
  until: MonthSchema.optional(),
  source: SlugSchema.optional(),
  year: z.number().int().min(1900).max(2100).optional(),
  note: z.string().optional(),
});

export const MetaSchema = z.strictObject({
  name: z.string().min(1),
  version: z.string().optional(),
  asOf: z.number().int().min(1900).max(2100).optional(),
  description: z.string().optional(),
});

/**
 * A world document: a whole world in one file, a part of one (each file of `data/`), or, with
 * `extends`, a patch over another world ("default" or a path) that overrides figures by id.
 */
export const WorldDocSchema = z.strictObject({
  extends: z.string().min(1).optional(),
  meta: MetaSchema.optional(),
  sources: z.array(SourceSchema).optional(),
  actors: z.array(ActorSchema).optional(),
  groups: z.array(GroupSchema).optional(),
  goods: z.array(GoodSchema).optional(),
  suppliers: z.array(SupplierSchema).optional(),
  demand: z.array(DemandSchema).optional(),
  flows: z.array(FlowSchema).optional(),
  firms: z.array(FirmSchema).optional(),
  headlines: z.array(HeadlineSchema).optional(),
  controls: z.array(ControlSchema).optional(),
});

export type Source = z.infer<typeof SourceSchema>;
export type Actor = z.infer<typeof ActorSchema>;
export type Group = z.infer<typeof GroupSchema>;
export type Layer = z.infer<typeof LayerSchema>;
export type RecipeInput = z.infer<typeof RecipeInputSchema>;
export type Good = z.infer<typeof GoodSchema>;
export type Supplier = z.infer<typeof SupplierSchema>;
export type Demand = z.infer<typeof DemandSchema>;
export type Flow = z.infer<typeof FlowSchema>;
export type Firm = z.infer<typeof FirmSchema>;
export type Headline = z.infer<typeof HeadlineSchema>;
export type Control = z.infer<typeof ControlSchema>;
export type WorldDoc = z.infer<typeof WorldDocSchema>;

/** The collections of a world, in the order files are read and reported. */
export const COLLECTIONS = [
  "sources",
  "actors",
  "groups",
  "goods",
  "suppliers",
  "demand",
  "flows",
  "firms",
  "headlines",
  "controls",
] as const;
export type Collection = (typeof COLLECTIONS)[number];

/** A validated world: every collection present. */
export interface World {
  meta: z.infer<typeof MetaSchema>;
  sources: Source[];
  actors: Actor[];
  groups: Group[];
  goods: Good[];
  suppliers: Supplier[];
  demand: Demand[];
  flows: Flow[];
  firms: Firm[];
  headlines: Headline[];
  controls: Control[];
}

/** Items of a patch give their key and only the fields they change. */
export const WorldPatchSchema = z.strictObject({
  extends: z.string().min(1),
  meta: MetaSchema.partial().optional(),
  sources: z.array(SourceSchema.partial().required({ id: true })).optional(),
  actors: z.array(ActorSchema.partial().required({ id: true })).optional(),
  groups: z.array(GroupSchema.partial().required({ id: true })).optional(),
  goods: z.array(GoodSchema.partial().required({ id: true })).optional(),
  suppliers: z.array(SupplierSchema.partial().required({ good: true, actor: true })).optional(),
  demand: z.array(DemandSchema.partial().required({ good: true, actor: true })).optional(),
  flows: z.array(FlowSchema.partial().required({ good: true, from: true, to: true })).optional(),
  firms: z.array(FirmSchema.partial().required({ id: true })).optional(),
  headlines: z.array(HeadlineSchema.partial().required({ id: true })).optional(),
  controls: z.array(ControlSchema.partial().required({ id: true })).optional(),
});
