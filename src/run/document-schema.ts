/**
 * The run document (`RunDocument`, what `levier run --json` prints) as a zod schema, from which
 * `levier schema result` generates its JSON Schema. It mirrors the interfaces of document.ts,
 * results.ts, scenario-run.ts and council/on-scenario.ts field by field; test/schema checks
 * that its inferred type equals `RunDocument` (so neither can change alone) and that the
 * examples' documents validate against the JSON Schema.
 * @module
 */
import { z } from "zod";
import { CouncilOnScenarioSchema } from "../council/result-schema.js";
import { IssueShape } from "../diagnostics/issue-schema.js";
import { LOSS_MEASURES } from "../losses/measure.js";
import { SAMPLINGS } from "../random/sampling.js";
import { HEADLINES } from "../scenario/schema.js";
import { AdoptionResultSchema } from "./adoption-schema.js";
import { UNITS } from "./document.js";
import { STREAMS } from "./draws.js";
import { ValueCaptureSchema } from "./value-capture-schema.js";

const usd = (what: string) => z.number().describe(`${what}, USD over the horizon.`);
const series = (what: string) => z.array(z.number()).describe(`${what}, one value per month.`);

export const ActorResultSchema = z
  .strictObject({
    id: z.string().describe("The actor's id."),
    name: z.string().describe("The actor's name."),
    kind: z.string().describe("state, bloc or aggregate."),
    members: z
      .array(z.string())
      .exactOptional()
      .describe("A bloc's members; its figures are their sums."),
    loss: z
      .number()
      .describe(
        "The total loss (welfare): USD over the horizon, negative for a gain (docs/model.md).",
      ),
    lossGdpShare: z
      .number()
      .exactOptional()
      .describe("loss / GDP over the horizon, when the world gives GDP."),
    valueAddedLost: usd("(a) Production value added lost in the chain's goods"),
    finalUseLost: usd(
      "(b) Final use lost: its value at baseline prices plus consumer surplus lost",
    ),
    finalUseValueLost: usd("Final use lost, at baseline prices"),
    consumerSurplusLost: usd("Consumer surplus lost with the final use lost"),
    downstreamLost: usd("(c) Value added lost in the economy's sectors downstream of the chain"),
    stockDrawn: usd("Value of the stocks the actor drew down (negative: built up)"),
    embodiedLost: usd(
      "The actor's value added embodied in the final use lost and stocks drawn anywhere (counted there)",
    ),
    valueAddedBaseline: usd("Baseline value added in the chain's goods"),
    downstreamBaseline: usd("Baseline value added in the downstream economy"),
    valueAddedLostShare: z.number().describe("valueAddedLost / valueAddedBaseline."),
    valueAddedLostGdpShare: z
      .number()
      .exactOptional()
      .describe("valueAddedLost / GDP over the horizon, when the world gives GDP."),
    securityIndexLoss: z
      .number()
      .describe("1 − the mean over the horizon of the security index (1 = baseline)."),
    securityIndexMin: z.number().describe("The lowest monthly security index (1 = baseline)."),
    worstMonth: z
      .number()
      .nullable()
      .describe(
        "Month (1-based) of the largest monthly loss (total measure); null if no month has a loss.",
      ),
    recoveryMonth: z
      .number()
      .nullable()
      .describe(
        "First month from which the monthly loss stays below 1% of the actor's baseline monthly value added; 0 if it never reached it, null if it is still above it at the horizon.",
      ),
    boundBy: z
      .array(
        z
          .strictObject({
            good: z.string().describe("The good's id."),
            valueAddedLost: usd("Value added lost while it bound"),
          })
          .meta({
            id: "boundBy",
            title: "Binding good",
            description: "A good whose shortage bound the actor's output.",
          }),
      )
      .describe(
        "Goods whose shortage bound the actor's output, with the value added lost while they did (at most 5).",
      ),
    monthly: z
      .strictObject({
        loss: series("The total loss, USD"),
        valueAddedLost: series("Value added lost in the chain, USD"),
        finalUseLost: series("Final use lost, USD"),
        downstreamLost: series("Value added lost downstream, USD"),
        securityIndex: series("The security index (1 = baseline)"),
      })
      .describe("The figures month by month."),
  })
  .meta({
    id: "actorResult",
    title: "Actor's result",
    description:
      "An actor's losses over the horizon (blocs as the sum of their members), its security index, worst and recovery months.",
  });

export const GoodResultSchema = z
  .strictObject({
    id: z.string().describe("The good's id."),
    name: z.string().describe("The good's name, for reports."),
    unit: z.string().describe("The good's unit."),
    baseline: z.number().describe("World output per month at baseline."),
    output: series("World output"),
    lostShare: z.number().describe("Share of baseline world output lost over the horizon."),
  })
  .meta({
    id: "goodResult",
    title: "Good's result",
    description: "World output of a good over time.",
  });

export const NodeResultSchema = z
  .strictObject({
    id: z.string().describe("The node's id (actor:good, or a firm's id)."),
    actor: z.string().describe("The actor whose industry it is."),
    good: z.string().describe("The good it makes."),
    baseline: z.number().describe("Baseline output per month."),
    output: series("Output"),
    shortfall: series("Baseline − output (negative: above baseline)"),
  })
  .meta({
    id: "nodeResult",
    title: "Node's result",
    description: "One production node: an actor's industry (or a firm), month by month.",
  });

export const PoolResultSchema = z
  .strictObject({
    actor: z.string().describe("The actor that holds the stock."),
    good: z.string().describe("The good held."),
    stock: series("Units held at the end of the month"),
  })
  .meta({
    id: "poolResult",
    title: "Pool's result",
    description: "One pool: what an actor holds in stock of a good, month by month.",
  });

export const CapacityShareSchema = z
  .strictObject({
    actors: z.array(z.string()).describe("The actors (ids) whose share it is."),
    good: z.string().describe("The good."),
    baseline: z.number().describe("Their share of world capacity at baseline, 0–1."),
    horizon: z.number().describe("Their share of world capacity in the last month, 0–1."),
    added: z
      .number()
      .describe(
        "Of which: capacity the scenario's investments added, as a share of world capacity.",
      ),
    paper: z.number().exactOptional().describe("The paper's figure."),
    note: z.string().exactOptional().describe("What the figure means."),
    monthly: z
      .strictObject({
        share: series("Their share of world capacity (0–1)"),
        added: series("The share of world capacity the scenario's investments added (0–1)"),
      })
      .describe("The same month by month (index 0 = month 1)."),
  })
  .meta({
    id: "capacityShare",
    title: "Capacity share",
    description:
      "The share of world capacity of a good that some actors hold (scenario `report.capacityShare`).",
  });

export const RunWarningSchema = z
  .strictObject({
    ...IssueShape,
    measure: z
      .string()
      .exactOptional()
      .describe("For a measure's warning: the measure's label, its id or `type #n`."),
    index: z
      .number()
      .int()
      .exactOptional()
      .describe("For a measure's warning: its index in the scenario's `measures`."),
  })
  .meta({
    id: "runWarning",
    title: "Warning",
    description: "A warning of the run, with where it is; a measure's warning names the measure.",
  });

export const StatsSchema = z
  .strictObject({
    mean: z.number().describe("The mean over the draws."),
    p5: z.number().describe("The 5th percentile (type 7: linear between order statistics)."),
    p25: z.number().describe("The 25th percentile."),
    p50: z.number().describe("The median."),
    p75: z.number().describe("The 75th percentile."),
    p95: z.number().describe("The 95th percentile."),
  })
  .meta({
    id: "stats",
    title: "Range over the draws",
    description: "The mean and percentiles of a figure over the Monte Carlo draws.",
  });

const stat = (what: string) => StatsSchema.exactOptional().describe(`The range of ${what}.`);

const ActorEntrySchema = ActorResultSchema.extend({
  ranges: z
    .strictObject({
      loss: stat("the loss (in the run's measure)"),
      lossGdpShare: stat("the loss as a share of GDP"),
      finalUseLost: stat("the final use lost"),
      valueAddedLost: stat("the value added lost in the chain"),
      downstreamLost: stat("the value added lost downstream"),
      securityIndexLoss: stat("the security index loss"),
    })
    .exactOptional()
    .describe("With --draws: each figure's mean and percentiles over the draws."),
});

const GoodEntrySchema = GoodResultSchema.extend({
  ranges: z
    .strictObject({
      output: z
        .array(StatsSchema)
        .describe("Per month, world output as a share of the draw's baseline."),
    })
    .exactOptional()
    .describe("With --draws: the range of world output over the draws."),
});

const CapacityEntrySchema = CapacityShareSchema.extend({
  ranges: z
    .strictObject({
      share: z.array(StatsSchema).describe("Per month, the actors' share of world capacity."),
    })
    .exactOptional()
    .describe("With --draws: the range of the share over the draws."),
});

export const DrawsInfoSchema = z
  .strictObject({
    requested: z.number().int().describe("Draws asked for."),
    done: z.number().int().describe("Draws finished (fewer when the run was stopped)."),
    seed: z.number().int().describe("The seed: draw k is reproducible alone from (seed, k)."),
    sampling: z
      .enum(SAMPLINGS)
      .describe(
        "random: pseudo-random draws; sobol: the points of a Sobol sequence with a random digital shift from the seed (randomised quasi-Monte Carlo).",
      ),
    stream: z.enum([STREAMS.random, STREAMS.sobol]).describe("How each draw's uniforms are made."),
    dimensions: z
      .number()
      .int()
      .exactOptional()
      .describe(
        "Sobol sampling: the coordinates of each point, one per figure drawn (and per correlation group); those past the direction numbers' table (2048) are pseudo-random.",
      ),
    inputs: z
      .record(z.string(), z.string())
      .exactOptional()
      .describe("SHA-256 hashes of the inputs (the scenario file, the world), to replay a run."),
    drift: StatsSchema.exactOptional().describe(
      "The world's loss in each draw's reference run (no measures): how far drawn worlds drift from rest on their own, which the ranges have taken out.",
    ),
    note: z.string().describe("What the ranges cover."),
  })
  .meta({
    id: "drawsInfo",
    title: "Monte Carlo draws",
    description: "How the draws of a run were made, so that it can be replayed.",
  });

const unitsShape = Object.fromEntries(
  Object.entries(UNITS).map(([key, unit]) => [
    key,
    z.literal(unit).describe(`The unit of ${key}.`),
  ]),
) as { [K in keyof typeof UNITS]: z.ZodLiteral<(typeof UNITS)[K]> };

export const RunDocumentSchema = z
  .strictObject({
    lossMeasure: z
      .strictObject({
        id: z.enum(LOSS_MEASURES).describe("The measure's name."),
        meaning: z.string().describe("What it counts."),
      })
      .describe("The loss measure that ranks the actors (and sets the Council's gains)."),
    scenario: z
      .strictObject({
        name: z.string().describe("The scenario's name."),
        description: z.string().exactOptional().describe("What it asks."),
        horizon: z.number().describe("Months simulated."),
        measures: z
          .array(
            z
              .strictObject({
                id: z.string().describe("The measure's label: its id, or `type #n`."),
                type: z.string().describe("The measure's type."),
                start: z.number().describe("Its first month."),
                end: z.number().describe("Its last month."),
                by: z
                  .array(z.string())
                  .describe(
                    "Who imposes or pays for it (states): the exporters of a control or agreement, the investor.",
                  ),
                on: z
                  .array(z.string())
                  .describe(
                    "Whom it falls on (states): the targets of a control or agreement, the actors of a shock, stockpile or growth trend.",
                  ),
                named: z
                  .strictObject({
                    by: z.array(z.string()).describe("`by` as the scenario names it."),
                    on: z.array(z.string()).describe("`on` as the scenario names it."),
                  })
                  .describe("The same as the scenario names them (actor, bloc or group ids)."),
              })
              .meta({ id: "measureRun", title: "Measure run", description: "A measure as run." }),
          )
          .describe("The measures as run, with their months."),
        headline: z
          .enum(HEADLINES)
          .exactOptional()
          .describe("What the report leads with (`report.headline`; default `loss`)."),
        keyGoods: z
          .array(z.string())
          .exactOptional()
          .describe("Goods the report charts over time (`report.goods`)."),
      })
      .describe("The scenario run."),
    units: z.strictObject(unitsShape).readonly().describe("The unit of each figure."),
    actors: z
      .array(ActorEntrySchema)
      .describe("Every actor, largest loss first in the loss measure (ties by id)."),
    eu: z
      .strictObject({
        bloc: ActorEntrySchema.describe("The EU as the sum of its members."),
        members: z.array(ActorEntrySchema).describe("Its members, in the order of `actors`."),
      })
      .exactOptional()
      .describe("The EU and its members, where the world has the EU as a bloc."),
    goods: z.array(GoodEntrySchema).describe("Every good's world output over time."),
    nodes: z
      .array(NodeResultSchema)
      .describe("Per production node and month: output and shortfall."),
    pools: z.array(PoolResultSchema).describe("Per pool and month: stock."),
    capacityShare: CapacityEntrySchema.exactOptional().describe(
      "The share of world capacity the scenario's report states.",
    ),
    draws: DrawsInfoSchema.exactOptional().describe(
      "With --draws: how the draws were made and how many finished.",
    ),
    council: CouncilOnScenarioSchema.exactOptional().describe(
      "For scenarios with an EU measure: who pays, the vote, the least compensation.",
    ),
    valueCapture: ValueCaptureSchema.exactOptional().describe(
      "For scenarios with an automation path: who captures the value, year by year.",
    ),
    adoption: AdoptionResultSchema.exactOptional().describe(
      "For scenarios with conditional_access measures: who adopts the rule, when and why.",
    ),
    conservation: z
      .strictObject({
        maxOverShipped: z
          .number()
          .describe(
            "The largest excess, over all months and nodes, of shipments over what the supplier had (units).",
          ),
        maxOverUsed: z
          .number()
          .describe(
            "The largest excess, over all months and pools, of use over what the pool had (units).",
          ),
      })
      .describe("Checks of the engine's conservation of goods (0 up to rounding)."),
    warnings: z
      .array(RunWarningSchema)
      .describe(
        "Every warning of the run, with where it is: the world's, the scenario's and the measures'.",
      ),
  })
  .meta({
    title: "levier run result",
    description:
      "The result document of a scenario run: what `levier run --json` prints and every report renders.",
  });
