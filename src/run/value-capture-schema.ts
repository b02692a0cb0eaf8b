/**
 * The automation path's part of the run document (`valueCapture`) as a zod schema, for
 * `levier schema result`; its type is the one `run/value-capture.ts` builds (test/schema checks
 * that the two agree).
 * @module
 */
import { z } from "zod";
import { LOSS_MEASURES } from "../losses/measure.js";

const share = (what: string) => z.number().describe(`${what} (0–1).`);
const range = z
  .strictObject({
    low: z.number().describe("The lowest value a reader should allow."),
    mode: z.number().describe("The central value, which the path runs at."),
    high: z.number().describe("The highest value a reader should allow."),
    source: z.string().describe("The id of its source in the world's sources."),
    note: z.string().exactOptional().describe("How the figure was found or derived."),
  })
  .describe("A figure with its range: the path runs at `mode`.");

export const YearCaptureSchema = z
  .strictObject({
    year: z.number().int().describe("The calendar year."),
    outputValue: z
      .number()
      .describe("The followed actors' output of the followed goods, USD a year."),
    origin: z
      .strictObject({
        makers: share(
          "Their makers of the followed goods' own value added, over the output's value",
        ),
        aiInputs: share("Their makers of AI inputs' value added"),
        other: share("Their other industries' value added"),
        untraced: share("Unlisted inputs no network actor made"),
      })
      .describe("Shares of the output's value by origin; with `foreign` they add up to 1."),
    foreign: z
      .record(z.string(), z.number())
      .describe("Shares of the output's value made by each other actor, by actor id."),
    share: share("The followed actors' share of the value of their manufacturing"),
    aiInputIntensity: z.number().describe("AI inputs bought directly per dollar of that output."),
    aiInputsOwnShare: share("Of those AI inputs, the share bought from the followed actors"),
    worldShare: share(
      "The followed actors' value added embodied in the world's output of the followed goods, over its value",
    ),
    worldValueAdded: share("The followed actors' share of world value added (produced)"),
  })
  .meta({
    id: "yearCapture",
    title: "Value capture in a year",
    description: "Who captures the value of the followed actors' manufacturing in one year.",
  });

const ShockYearSchema = z
  .strictObject({
    year: z.number().int().describe("The year whose structure the measures ran on."),
    loss: z
      .number()
      .describe("The followed actors' loss in the run's measure, USD over the horizon."),
    lossShare: z
      .number()
      .describe("That over the value of their manufacturing output over the horizon."),
  })
  .describe("A shock on one year's structure.");

export const ValueCaptureSchema = z
  .strictObject({
    actors: z.array(z.string()).describe("The followed actors as the scenario names them."),
    members: z.array(z.string()).describe("The network actors they stand for."),
    goods: z.array(z.string()).describe("The manufacturing whose value is decomposed."),
    inputs: z
      .array(
        z.strictObject({
          good: z.string().describe("The AI input."),
          share: z.number().describe("Its share of the value automation moves."),
          criticality: z.number().describe("Its criticality when the work is fully automated."),
        }),
      )
      .describe("The AI inputs automation buys."),
    sectors: z
      .array(
        z.strictObject({
          goods: z.array(z.string()).describe("The automated goods."),
          ratePerYear: range,
        }),
      )
      .describe("The automated sectors and their rates."),
    baseYear: z.number().int().describe("The base year of the path."),
    years: z.array(z.number().int()).describe("The years of the path, base year first."),
    policies: z
      .array(
        z.strictObject({
          id: z.string().describe("The policy's name."),
          good: z.string().describe("The good whose sourcing changes."),
          buyers: z.array(z.string()).describe("Whose supply changes, as the scenario names them."),
          from: z.array(z.string()).describe("The suppliers it comes from more."),
          share: range,
          start: z.number().int().describe("The year the shift begins."),
          by: z.number().int().describe("The year the share is reached."),
          eu: z.boolean().describe("Imposed by the EU or a member: left out of `without`."),
          note: z.string().exactOptional().describe("What the policy is."),
        }),
      )
      .describe("The structural measures on the path."),
    path: z.array(YearCaptureSchema).describe("Year by year, with every policy."),
    without: z
      .array(YearCaptureSchema)
      .exactOptional()
      .describe("Year by year, without the EU's policies (absent when none is the EU's)."),
    low: z.array(YearCaptureSchema).describe("With every policy, at the low automation rates."),
    high: z.array(YearCaptureSchema).describe("With every policy, at the high automation rates."),
    shocks: z
      .strictObject({
        measure: z.enum(LOSS_MEASURES).describe("The loss measure of the run."),
        horizon: z.number().int().describe("Months each shock runs."),
        with: z.array(ShockYearSchema).describe("With every policy."),
        without: z.array(ShockYearSchema).exactOptional().describe("Without the EU's policies."),
      })
      .exactOptional()
      .describe("The scenario's measures run on chosen years' structures."),
    inconsistent: z
      .array(z.string())
      .describe("Nodes whose listed inputs and own value added exceed their price."),
  })
  .meta({
    id: "valueCapture",
    title: "Value capture along an automation path",
    description:
      "Who captures the value of the followed actors' manufacturing, year by year, with and without the EU's policies (docs/model.md §8).",
  });

export type ValueCapture = z.output<typeof ValueCaptureSchema>;
export type ShockYear = z.output<typeof ShockYearSchema>;
