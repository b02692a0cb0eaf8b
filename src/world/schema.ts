/**
 * Schemas of the world's input files. Types are inferred from them; `levier schema world` and
 * `levier schema patch` print them as JSON Schema for editors, with the descriptions given here
 * (src/schema/kinds.ts). Semantic checks that need the whole world (ids that resolve, shares
 * that add up, productive recipes) live in `validate.ts`.
 * @module
 */
import { z } from "zod";
import { QuantitySchema } from "./quantity.js";

/** Actor ids look like ISO codes: DE, EU, ROW. */
export const ActorIdSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,15}$/, { message: "expected an actor id such as DE, EU or ROW" })
  .meta({
    id: "actorId",
    title: "Actor id",
    description:
      "An actor's id: ISO 3166 alpha-2 as the EU uses it (DE, GR, UK), EU for the bloc, ROW for the rest of the world.",
  });

/** Good, group, source and firm ids are lower snake case: euv_lithography. */
export const SlugSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,63}$/, {
    message: "expected a lower-case id such as euv_lithography",
  })
  .meta({
    id: "slug",
    title: "Id",
    description:
      "A lower-case id of a good, group, source, firm or control (letters, digits, _ and -), such as euv_lithography.",
  });

const YearSchema = z.number().int().min(1900).max(2100).meta({
  id: "year",
  title: "Year",
  description: "A calendar year, 1900–2100.",
});

const name = z.string().min(1).describe("The name reports show.");
/** Where an item's figures come from, for those that name none of their own. */
const provenance = {
  source: SlugSchema.optional().describe(
    "Id of the source (in `sources`) of the item's figures that name none of their own.",
  ),
  year: YearSchema.optional().describe(
    "The year the item's figures describe, for those that name none of their own.",
  ),
  note: z.string().optional().describe("How the figures were found or derived, and caveats."),
};

export const SourceKindSchema = z
  .enum(["published", "derived", "assumption"])
  .describe(
    "published: taken from a publication; derived: computed from published figures (the note gives the arithmetic); assumption: a modelling judgement (the note gives the reasoning and the range).",
  );

export const SourceSchema = z
  .strictObject({
    id: SlugSchema.describe("The id figures name in their `source`."),
    kind: SourceKindSchema,
    publisher: z.string().min(1).describe("Who published it (for assumptions: who made it)."),
    title: z.string().min(1).describe("The title of the publication or assumption."),
    year: YearSchema.describe("The year of publication."),
    url: z.string().optional().describe("Where to read it."),
    from: z
      .array(SlugSchema)
      .optional()
      .describe(
        "For derived figures and assumptions: the sources they are computed or judged from, so that `levier data sources` can follow each figure back to its published sources.",
      ),
    via: z
      .string()
      .optional()
      .describe(
        "How the figures were derived from `from`: the import and crosswalk (levier data import eto, data/crosswalks/eto.yaml) or the arithmetic.",
      ),
    /** For assumptions: the reasoning and the range a reader should allow. */
    note: z
      .string()
      .optional()
      .describe(
        "For derived figures, the arithmetic; for assumptions, the reasoning and the range a reader should allow.",
      ),
  })
  .meta({
    id: "source",
    title: "Source",
    description: "One entry of the bibliography, which figures name by id.",
  });

export const ActorKindSchema = z
  .enum(["state", "bloc", "aggregate"])
  .describe(
    "state; bloc (the EU: its `members` are states and it holds no figures of its own); aggregate (ROW, the rest of the world).",
  );

export const ActorSchema = z
  .strictObject({
    id: ActorIdSchema.describe("The actor's id (DE, EU, ROW)."),
    name,
    kind: ActorKindSchema,
    /** Members of a bloc (state ids). */
    members: z.array(ActorIdSchema).optional().describe("Members of a bloc (state ids)."),
    iso3: z.string().length(3).optional().describe("ISO 3166 alpha-3 code, for maps."),
    population: QuantitySchema.optional().describe("Population, persons."),
    gdp: QuantitySchema.optional().describe(
      "Gross domestic product, USD bn per year, current prices.",
    ),
    manufacturingShare: QuantitySchema.optional().describe(
      "Manufacturing value added as a share of GDP (or GVA; the source says which), 0–1.",
    ),
    ...provenance,
  })
  .meta({
    id: "actor",
    title: "Actor",
    description: "A state, a bloc of states (the EU) or an aggregate (the rest of the world).",
  });

export const GroupSchema = z
  .strictObject({
    id: SlugSchema.describe("The id measures and games name (us_ai_tier1_2025)."),
    name,
    members: z
      .array(ActorIdSchema)
      .min(1)
      .describe("The actors in the group (blocs count their members)."),
    ...provenance,
  })
  .meta({
    id: "group",
    title: "Group of actors",
    description: "A named set of actors that scenarios can target: a tier, a coalition.",
  });

export const LayerSchema = z
  .enum([
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
  ])
  .describe(
    "The stage of the chain the good belongs to; economy for a broad sector of the economy downstream of the chain (from an input–output table).",
  );

export const RecipeInputSchema = z
  .strictObject({
    input: SlugSchema.describe("The id of the input good."),
    perUnit: QuantitySchema.describe(
      "Units of the input needed per unit of output, in the two goods' units.",
    ),
    criticality: QuantitySchema.describe(
      "How much output falls when the input is missing altogether, 0–1: 1 = output stops, 0 = none.",
    ),
    note: z.string().optional().describe("The arithmetic behind perUnit and criticality."),
  })
  .meta({
    id: "recipeInput",
    title: "Recipe input",
    description:
      "One input of a good: output is limited by the scarcest input, y = min over inputs of 1 − criticality·(1 − share of the need received).",
  });

export const RampUpSchema = z
  .strictObject({
    lagMonths: QuantitySchema.describe(
      "Months of unmet demand before other suppliers start adding capacity.",
    ),
    ratePerMonth: QuantitySchema.describe(
      "Capacity a supplier adds per month once ramping, as a share of its baseline capacity.",
    ),
    max: QuantitySchema.describe(
      "The most a supplier can add, as a share of its baseline capacity.",
    ),
  })
  .meta({
    id: "rampUp",
    title: "Ramp-up",
    description: "How fast other suppliers of a good add capacity when it runs short.",
  });

export const DemandKeySchema = z
  .enum(["gdp", "population", "manufacturing"])
  .describe(
    "How final demand not given row by row is shared among actors: by GDP, population, or GDP × manufacturing share.",
  );

/** An HS chapter (30), heading (8486) or subheading (8486.20 or 848620). */
export const HsCodeSchema = z.string().regex(/^[0-9]{2}([0-9]{2}(\.?[0-9]{2})?)?$/, {
  message: "expected an HS chapter, heading or subheading such as 30, 8486 or 8486.20",
});

export const TradeCodesSchema = z
  .strictObject({
    hs: z
      .array(HsCodeSchema)
      .optional()
      .describe("HS 2022 chapters, headings or subheadings (30, 8486, 8486.20)."),
    hs2017: z
      .array(HsCodeSchema)
      .optional()
      .describe("HS 2017 codes, where they differ from the 2022 ones."),
    ebops: z
      .array(
        z
          .string()
          .regex(/^S[A-L][0-9]{0,3}$/, { message: "expected an EBOPS 2010 code such as SI2" }),
      )
      .optional()
      .describe("EBOPS 2010 service codes (SI2 computer services, SH2 licences for R&D outcomes)."),
    cpa: z
      .array(
        z.string().regex(/^[0-9]{2}(\.[0-9]{1,2}(\.[0-9]{1,2})?)?$/, {
          message: "expected a CPA 2.1 code such as 62.01",
        }),
      )
      .optional()
      .describe("CPA 2.1 product codes (62.01, 63.11)."),
    source: SlugSchema.describe("Id of the source of the correspondence."),
    note: z
      .string()
      .optional()
      .describe("What the codes cover of the good, and what they leave out."),
  })
  .meta({
    id: "tradeCodes",
    title: "Trade codes",
    description:
      "The codes trade statistics record the good under: HS for goods (2022, and 2017 where they differ), EBOPS 2010 and CPA 2.1 for services.",
  });

export const GoodSchema = z
  .strictObject({
    id: SlugSchema.describe("The good's id (euv_lithography)."),
    name,
    unit: z
      .string()
      .min(1)
      .describe(
        "The unit of output: physical where it helps (tonnes, wafers), else USD bn of output.",
      ),
    layer: LayerSchema,
    description: z.string().optional().describe("What the good is, in a sentence or two."),
    globalOutput: QuantitySchema.describe("World output per year, in the good's unit."),
    utilisation: QuantitySchema.optional().describe(
      "Baseline output over capacity, 0–1: the spare capacity rerouting can use. Default 1.",
    ),
    recipe: z
      .array(RecipeInputSchema)
      .optional()
      .describe("The inputs of one unit of the good, from other goods."),
    stockMonths: QuantitySchema.describe(
      "Months of this good's baseline use that its users hold in stock.",
    ),
    rampUp: RampUpSchema.describe(
      "How fast other suppliers add capacity when the good runs short.",
    ),
    valueAddedPerUnit: QuantitySchema.describe(
      "Value added per unit, USD (what is lost when a unit is not made).",
    ),
    pricePerUnit: QuantitySchema.describe(
      "Price per unit, USD, for the value of trade (1e9 for goods in USD bn).",
    ),
    securityWeight: QuantitySchema.describe(
      "Weight of the good in an actor's security index, >= 0.",
    ),
    homeBias: QuantitySchema.optional().describe(
      "Share of a buyer's need that it sources at home first, where it makes the good, 0–1. Default 0.",
    ),
    demandBy: DemandKeySchema.optional(),
    demandElasticity: QuantitySchema.optional().describe(
      "Price elasticity of final demand at baseline (> 0), for the consumer surplus lost when final demand goes unserved (docs/model.md, Losses). Default 0.5.",
    ),
    tradeCodes: TradeCodesSchema.optional().describe(
      "The codes trade statistics record the good under (HS for goods, EBOPS/CPA for services).",
    ),
    rationedDemand: QuantitySchema.optional().describe(
      "For a good rationed (sold out) in the data year: demand left unserved at baseline prices, as a share of each buyer's baseline receipts; output a supplier's own buyers no longer take is sold to it, up to this share of the buyers it may still serve (docs/model.md, step 6). Default 0.",
    ),
    ...provenance,
  })
  .meta({
    id: "good",
    title: "Good",
    description:
      "A stage of the value chain (or a sector of the economy downstream of it): its output, recipe, stocks, ramp-up, prices and security weight.",
  });

/** One supplier of a good: its share of world output (or its output), and its utilisation. */
export const SupplierSchema = z
  .strictObject({
    good: SlugSchema.describe("The good supplied."),
    actor: ActorIdSchema.describe("The supplying state (or ROW), never a bloc."),
    share: QuantitySchema.optional().describe("Share of world output, 0–1. Give this or `output`."),
    output: QuantitySchema.optional().describe(
      "Output per year in the good's unit. Give this or `share`.",
    ),
    utilisation: QuantitySchema.optional().describe(
      "Overrides the good's utilisation for this supplier.",
    ),
    ...provenance,
  })
  .meta({
    id: "supplier",
    title: "Supplier",
    description: "One supplier of a good: its share of world output (or its output).",
  });

/** One actor's share of a good's final demand. */
export const DemandSchema = z
  .strictObject({
    good: SlugSchema.describe("The good demanded."),
    actor: ActorIdSchema.describe("The buying state (or ROW), never a bloc."),
    share: QuantitySchema.describe("The actor's share of the good's world final demand, 0–1."),
    ...provenance,
  })
  .meta({
    id: "demand",
    title: "Final demand",
    description: "One actor's share of a good's final demand.",
  });

/** An explicit bilateral flow; where a buyer has any, they replace the pooled market for it. */
export const FlowSchema = z
  .strictObject({
    good: SlugSchema.describe("The good that flows."),
    from: ActorIdSchema.describe("The exporting state (or ROW)."),
    to: ActorIdSchema.describe("The importing state (or ROW)."),
    volume: QuantitySchema.describe("Units of the good per year."),
    ...provenance,
  })
  .meta({
    id: "flow",
    title: "Flow",
    description:
      "An explicit bilateral flow; where a buyer has any for a good, they replace the pooled market for it.",
  });

export const FirmSchema = z
  .strictObject({
    id: SlugSchema.describe("The firm's id (asml)."),
    name,
    actor: ActorIdSchema.describe("Where the firm is headquartered."),
    goods: z.array(SlugSchema).optional().describe("The goods the firm makes."),
    valuation: QuantitySchema.optional().describe("Latest valuation, USD bn."),
    ...provenance,
  })
  .meta({
    id: "firm",
    title: "Firm",
    description: "A firm named by the paper or central to the chain.",
  });

const SupplierShareMetric = z
  .strictObject({
    kind: z.literal("supplier-share").describe("The actors' combined share of world output."),
    actors: z.array(ActorIdSchema).min(1).describe("The actors (blocs count their members)."),
    goods: z.array(SlugSchema).min(1).describe("The goods whose output is shared."),
    weight: z
      .enum(["value", "units"])
      .optional()
      .describe("Weigh goods by the value of output (price × output, the default) or by units."),
  })
  .meta({
    title: "Supplier share",
    description: "The actors' combined share of world output of the goods.",
  });

const FirmValuationRatioMetric = z
  .strictObject({
    kind: z.literal("firm-valuation-ratio").describe("One firm's valuation over another's."),
    numerator: SlugSchema.describe("The firm whose valuation is divided."),
    denominator: SlugSchema.describe("The firm whose valuation divides."),
  })
  .meta({ title: "Firm valuation ratio", description: "One firm's valuation over another's." });

const GroupCountMetric = z
  .strictObject({
    kind: z.literal("group-count").describe("The number of actors in a group."),
    group: SlugSchema.describe("The group counted."),
  })
  .meta({ title: "Group count", description: "The number of actors in a group." });

const TradeBalanceMetric = z
  .strictObject({
    kind: z.literal("trade-balance").describe("Exports minus imports between two actors."),
    exporter: ActorIdSchema.describe("The actor whose balance it is (blocs count their members)."),
    partner: ActorIdSchema.describe("Its trade partner (blocs count their members)."),
    goods: z.array(SlugSchema).min(1).describe("The goods traded."),
  })
  .meta({
    title: "Trade balance",
    description:
      "Exports minus imports between two actors, USD bn per year, in the baseline network's flows of the goods.",
  });

/** A claim of the paper and the figure of the data that should reproduce it. */
export const HeadlineSchema = z
  .strictObject({
    id: SlugSchema.describe("The headline's id."),
    claim: z.string().min(1).describe("The paper's claim, in words."),
    paper: z
      .number()
      .optional()
      .describe("The paper's figure, where it gives one (a share 0–1, a ratio, a count)."),
    metric: z
      .discriminatedUnion("kind", [
        SupplierShareMetric,
        FirmValuationRatioMetric,
        GroupCountMetric,
        TradeBalanceMetric,
      ])
      .describe("The figure of the data that should reproduce the claim."),
    tolerance: z
      .tuple([z.number(), z.number()])
      .describe("The range [low, high] within which the data's figure must lie."),
    expect: z
      .enum(["reproduce", "differs"])
      .optional()
      .describe(
        "reproduce (default): the data should land within the tolerance of the paper's claim; differs: the data follows a primary source that disagrees with the paper (the note says which and why) and the tolerance brackets the primary source's figure.",
      ),
    note: z
      .string()
      .optional()
      .describe("Where the figure comes from; why it differs, if it does."),
  })
  .meta({
    id: "headline",
    title: "Headline",
    description: "A claim of the paper and the figure of the data that should reproduce it.",
  });

/** An actor id (DE, EU — a bloc stands for its members) or a group id (us_ai_tier1_2025). */
export const RefSchema = z
  .string()
  .regex(/^([A-Z][A-Z0-9_]{1,15}|[a-z][a-z0-9_-]{0,63})$/, {
    message: "expected an actor id (DE, EU) or a group id (us_ai_tier1_2025)",
  })
  .meta({
    id: "actorOrGroup",
    title: "Actor or group",
    description:
      "An actor id (DE, EU: a bloc stands for its members) or a group id (us_ai_tier1_2025).",
  });

/** A calendar month, YYYY-MM. */
export const MonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, {
    message: "expected a month as YYYY-MM, such as 2023-09",
  })
  .meta({
    id: "calendarMonth",
    title: "Calendar month",
    description: "A month as YYYY-MM (2023-09).",
  });

/**
 * An export control in force or on record: a standing measure of the baseline. It caps the
 * routes from `from` to `to` in `goods` (never an actor to itself) at `cap` of the uncontrolled
 * pooled flow, with `leakage` of the rest getting through. It is in force when `since` is no
 * later than the world's as-of date and `until` (the month it ended) is later (docs/data.md).
 */
export const ControlSchema = z
  .strictObject({
    id: SlugSchema.describe("The control's id, which lift_control measures name."),
    name,
    from: z.array(RefSchema).min(1).describe("The exporters (actors or groups)."),
    to: z.array(RefSchema).min(1).describe("The targets (actors or groups)."),
    goods: z.array(SlugSchema).min(1).describe("The goods controlled."),
    cap: QuantitySchema.describe(
      "Share of the uncontrolled pooled flow that may still pass, 0–1 (0 = barred).",
    ),
    leakage: QuantitySchema.optional().describe(
      "Share of the blocked volume that gets through anyway, 0–1. Default 0.",
    ),
    since: MonthSchema.describe("The first month in force."),
    until: MonthSchema.optional().describe(
      "The month it ended (rescinded, suspended, lapsed); absent while it stands.",
    ),
    ...provenance,
  })
  .meta({
    id: "control",
    title: "Export control",
    description:
      "An export control in force or on record: a standing measure of the baseline, in force when `since` is no later than the world's as-of date and `until` is later (docs/data.md).",
  });

export const MetaSchema = z
  .strictObject({
    name: z.string().min(1).describe("The world's name."),
    version: z.string().optional().describe("The world's version."),
    asOf: YearSchema.optional().describe(
      "The year the world describes; export controls in force at its December are standing measures.",
    ),
    description: z.string().optional().describe("What the world holds."),
  })
  .meta({
    id: "meta",
    title: "World metadata",
    description: "The world's name, version and as-of year.",
  });

const collections = {
  meta: MetaSchema.optional().describe("What the world is: its name, version, as-of year."),
  sources: z
    .array(SourceSchema)
    .optional()
    .describe("The bibliography: every source id figures name."),
  actors: z.array(ActorSchema).optional().describe("States, blocs and aggregates."),
  groups: z.array(GroupSchema).optional().describe("Named sets of actors that scenarios target."),
  goods: z
    .array(GoodSchema)
    .optional()
    .describe("The goods of the chain and the economy's sectors."),
  suppliers: z.array(SupplierSchema).optional().describe("Each good's suppliers and their shares."),
  demand: z
    .array(DemandSchema)
    .optional()
    .describe("Shares of final demand, where given row by row."),
  flows: z.array(FlowSchema).optional().describe("Explicit bilateral flows."),
  firms: z.array(FirmSchema).optional().describe("Firms and their valuations."),
  headlines: z.array(HeadlineSchema).optional().describe("The paper's figures and the data's."),
  controls: z.array(ControlSchema).optional().describe("Export controls in force or on record."),
};

/**
 * A world document: a whole world in one file, a part of one (each file of `data/`), or, with
 * `extends`, a patch over another world ("default" or a path) that overrides figures by id.
 */
export const WorldDocSchema = z.strictObject({
  extends: z
    .string()
    .min(1)
    .optional()
    .describe('The world this document patches: "default" or a path relative to this file.'),
  ...collections,
});

/** A world file as an editor sees it: a whole world or a part of one, without `extends` (a
 * document with `extends` is a patch, `WorldPatchSchema`). */
export const WorldFileSchema = z.strictObject(collections).meta({
  title: "levier world file",
  description:
    "A world, or a part of one (each YAML file of data/ is one): the parts of a world are assembled into one, where every key is optional. A file with `extends` is a patch (levier schema patch).",
});

export type Source = z.infer<typeof SourceSchema>;
export type Actor = z.infer<typeof ActorSchema>;
export type Group = z.infer<typeof GroupSchema>;
export type Layer = z.infer<typeof LayerSchema>;
export type RecipeInput = z.infer<typeof RecipeInputSchema>;
export type Good = z.infer<typeof GoodSchema>;
export type TradeCodes = z.infer<typeof TradeCodesSchema>;
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

/** What the description of a patch's item says, for `what` keyed by `key`. */
function patchItemText(what: string, key: string): string {
  return `${what} to change or add: an item with the ${key} of one in the world patched replaces the fields given, field by field; one with a new ${key} is added and must then be whole.`;
}

/** Items of a patch give their key and only the fields they change. */
export const WorldPatchSchema = z
  .strictObject({
    extends: z
      .string()
      .min(1)
      .describe('The world this patch changes: "default" or a path relative to this file.'),
    meta: MetaSchema.partial()
      .optional()
      .describe("Fields of the world's metadata to change (name, version, asOf, description)."),
    sources: z
      .array(
        SourceSchema.partial()
          .required({ id: true })
          .meta({
            id: "sourcePatch",
            title: "Source (patch)",
            description: patchItemText("A source", "id"),
          }),
      )
      .optional()
      .describe("Sources to change or add."),
    actors: z
      .array(
        ActorSchema.partial()
          .required({ id: true })
          .meta({
            id: "actorPatch",
            title: "Actor (patch)",
            description: patchItemText("An actor", "id"),
          }),
      )
      .optional()
      .describe("Actors to change or add."),
    groups: z
      .array(
        GroupSchema.partial()
          .required({ id: true })
          .meta({
            id: "groupPatch",
            title: "Group (patch)",
            description: patchItemText("A group", "id"),
          }),
      )
      .optional()
      .describe("Groups of actors to change or add."),
    goods: z
      .array(
        GoodSchema.partial()
          .required({ id: true })
          .meta({
            id: "goodPatch",
            title: "Good (patch)",
            description: patchItemText("A good", "id"),
          }),
      )
      .optional()
      .describe("Goods to change or add."),
    suppliers: z
      .array(
        SupplierSchema.partial()
          .required({ good: true, actor: true })
          .meta({
            id: "supplierPatch",
            title: "Supplier (patch)",
            description: patchItemText("A supplier row", "good and actor"),
          }),
      )
      .optional()
      .describe("Supplier rows to change or add, matched by good and actor."),
    demand: z
      .array(
        DemandSchema.partial()
          .required({ good: true, actor: true })
          .meta({
            id: "demandPatch",
            title: "Final demand (patch)",
            description: patchItemText("A demand row", "good and actor"),
          }),
      )
      .optional()
      .describe("Final-demand rows to change or add, matched by good and actor."),
    flows: z
      .array(
        FlowSchema.partial()
          .required({ good: true, from: true, to: true })
          .meta({
            id: "flowPatch",
            title: "Flow (patch)",
            description: patchItemText("A flow", "good, from and to"),
          }),
      )
      .optional()
      .describe("Flows to change or add, matched by good, from and to."),
    firms: z
      .array(
        FirmSchema.partial()
          .required({ id: true })
          .meta({
            id: "firmPatch",
            title: "Firm (patch)",
            description: patchItemText("A firm", "id"),
          }),
      )
      .optional()
      .describe("Firms to change or add."),
    headlines: z
      .array(
        HeadlineSchema.partial()
          .required({ id: true })
          .meta({
            id: "headlinePatch",
            title: "Headline (patch)",
            description: patchItemText("A headline", "id"),
          }),
      )
      .optional()
      .describe("Headlines to change or add."),
    controls: z
      .array(
        ControlSchema.partial()
          .required({ id: true })
          .meta({
            id: "controlPatch",
            title: "Export control (patch)",
            description: patchItemText("An export control", "id"),
          }),
      )
      .optional()
      .describe("Export controls to change or add."),
  })
  .meta({
    title: "levier world patch",
    description:
      "A patch over another world (extends): items with the key of one of its items replace that item's fields, field by field; items with a new key are added whole. The patched world is checked as a whole.",
  });

/** A patch held inside another document (a scenario's or a game's `world:`): it always
 * patches the world the command runs on, so it has no `extends`. */
export const EmbeddedPatchSchema = WorldPatchSchema.omit({ extends: true }).meta({
  id: "worldPatch",
  title: "World patch",
  description:
    "Figures of the world that this document changes or adds, as in a world patch without `extends`: items with the key of one of the world's items replace its fields, field by field; items with a new key are added whole.",
});
