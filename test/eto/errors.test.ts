/**
 * Malformed ETO corpora (written by the test from the good fixture with one edit each) and
 * malformed crosswalks are refused with file:line:col errors and exit 2; nothing is written.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { CROSSWALK, writeFixture } from "./fixture.js";

async function refused(fx: ReturnType<typeof writeFixture>) {
  const r = await runCli([
    "data",
    "import",
    "eto",
    fx.data,
    "--crosswalk",
    fx.crosswalk,
    "--out",
    fx.out,
  ]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(existsSync(fx.out)).toBe(false);
  return r.stderr;
}

const edit = (file: string, change: (t: string) => string) => writeFixture({ file, change });

describe("levier data import eto refuses malformed input", () => {
  it("a missing column, at the header", async () => {
    const fx = edit("provision.csv", (t) => t.replace("share_provided", "share"));
    const err = await refused(fx);
    expect(err).toContain(`${join(fx.data, "provision.csv")}:1:1: error[missing-column]`);
    expect(err).toContain("share_provided");
  });

  it("a share over 100, at its cell", async () => {
    const fx = edit("provision.csv", (t) =>
      t.replace("NLD,P45,EUV lithography tools,N20,100.0", "NLD,P45,EUV lithography tools,N20,120"),
    );
    const err = await refused(fx);
    expect(err).toContain(`${join(fx.data, "provision.csv")}:2:35: error[out-of-range]`);
    expect(err).toContain("between 0 and 100 percent, found 120");
  });

  it("shares adding up to more than rounding allows, at the input's first share", async () => {
    const fx = edit("provision.csv", (t) =>
      t.replace(
        "JPN,P7,ArF immersion (DUV) lithography tools,N22,1.0",
        "JPN,P7,ArF immersion (DUV) lithography tools,N22,30.0",
      ),
    );
    const err = await refused(fx);
    expect(err).toMatch(
      /provision\.csv:4:\d+: error\[shares-sum\] the shares of N22 .* add up to 129%/,
    );
  });

  it("a bad number, at its cell", async () => {
    const fx = edit("provision.csv", (t) =>
      t.replace(
        "SWE,P90,Electronic design automation software,N84,1.0",
        "SWE,P90,Electronic design automation software,N84,one",
      ),
    );
    const err = await refused(fx);
    expect(err).toMatch(
      /provision\.csv:\d+:\d+: error\[bad-number\] expected a share in percent, found "one"/,
    );
  });

  it("an unknown input or provider id, at its cell", async () => {
    const fx = edit("provision.csv", (t) =>
      t.replace("ASML,P9,EUV lithography tools,N20", "ASML,P99,EUV lithography tools,N200"),
    );
    const err = await refused(fx);
    expect(err).toContain(
      `${join(fx.data, "provision.csv")}:3:6: error[unknown-id] unknown provider "P99"`,
    );
    expect(err).toContain(
      `${join(fx.data, "provision.csv")}:3:32: error[unknown-id] unknown input "N200"`,
    );
  });

  it("a provider listed twice as two different things, at the second", async () => {
    const fx = edit("providers.csv", (t) =>
      t.replace(
        "Tokyo Electron,TEL,P10,organization,JPN",
        "Tokyo Electron,TEL,P10,organization,USA",
      ),
    );
    const err = await refused(fx);
    expect(err).toMatch(
      /providers\.csv:10:\d+: error\[duplicate-id\] provider P10 is listed again \(line 9\)/,
    );
  });

  it("an unknown input in the crosswalk, at its line and column", async () => {
    const fx = writeFixture(
      undefined,
      CROSSWALK.replace("inputs: [N22, N32]", "inputs: [N22, N33]"),
    );
    const err = await refused(fx);
    expect(err).toContain(`${fx.crosswalk}:18:19: error[unknown-id]`);
    expect(err).toContain("unknown ETO input N33");
  });

  it("an input together with its parent category, which would count twice", async () => {
    const fx = writeFixture(undefined, CROSSWALK.replace("inputs: [N20]", "inputs: [N20, N19]"));
    const err = await refused(fx);
    expect(err).toMatch(
      /eto\.yaml:14:14: error\[double-count\] N20 \(EUV lithography tools\) is a type of N19/,
    );
  });

  it("a region spanning several actors, at the provider", async () => {
    const fx = edit("providers.csv", (t) =>
      t.replace(
        "Various companies,,P13,organization,Various countries",
        "Various companies,,P13,organization,EUR",
      ),
    );
    const err = await refused(fx);
    expect(err).toMatch(
      /providers\.csv:\d+:\d+: error\[unknown-region\] provider "EUR" \(in N32\) is a region/,
    );
  });

  it("a range that does not hold the imported share, at the range", async () => {
    const fx = writeFixture(
      undefined,
      CROSSWALK.replace("US: {low: 0.9, high: 0.97", "US: {low: 0.8, high: 0.9"),
    );
    const err = await refused(fx);
    expect(err).toMatch(
      /eto\.yaml:\d+:\d+: error\[out-of-range\] the imported share of US in eda_software is 0\.9604, outside this range 0\.8–0\.9/,
    );
  });

  it("a crosswalk with an unknown field, at the field", async () => {
    const fx = writeFixture(
      undefined,
      CROSSWALK.replace("    note: EUV scanners.", "    note: EUV scanners.\n    weight: 2"),
    );
    const err = await refused(fx);
    expect(err).toMatch(/eto\.yaml:17:\d+: error\[schema\]/);
  });
});
