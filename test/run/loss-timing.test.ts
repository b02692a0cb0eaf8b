/**
 * Worst and recovery months (src/run/results.ts lossTiming, docs/model.md): the worst month is
 * defined for every actor with a loss, however small; recovery is the first month from which
 * the loss stays below 1% of baseline monthly value added. Hand-made series.
 */
import { describe, expect, it } from "vitest";
import { lossTiming } from "../../src/run/results.js";

describe("lossTiming (baseline 100 a month: threshold 1)", () => {
  it.each([
    ["a shock that passes", [0, 0.5, 3, 1, 0.2], 3, 4],
    ["a small loss, never 1% down", [0, 0.3, 0.1], 2, 0],
    ["no loss", [0, 0, 0], null, 0],
    ["a gain only", [-2, -1, 0], null, 0],
    ["still down at the horizon", [0, 2, 5], 3, null],
  ] as const)("%s", (_, monthly, worst, recovered) => {
    expect(lossTiming([...monthly], 100)).toEqual({ worstMonth: worst, recoveryMonth: recovered });
  });
});
