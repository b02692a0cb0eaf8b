/**
 * The committed crosswalks fit their tables' label sets and the default world: every region and
 * industry of the table is mapped, every actor of the world is a region or carved out of one,
 * every chain good has an industry. The WIOD 2013 and OECD ICIO 2023 label sets are written out
 * here from the releases' documentation (../shared/data/wiod/ORIGIN.md; the OECD's ReadMe),
 * independently of the crosswalk files.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { fileReader } from "../../src/io/world-files.js";
import { checkCrosswalk } from "../../src/mrio/check.js";
import { readAssumptions, readCrosswalk } from "../../src/mrio/crosswalk.js";
import { chainOnly } from "../../src/mrio/import.js";
import type { MrioTable } from "../../src/mrio/table.js";
import { loadWorld } from "../../src/world/load.js";

const ROOT = resolve(import.meta.dirname, "../..");
const WIOD_REGIONS =
  "AUS AUT BEL BGR BRA CAN CHN CYP CZE DEU DNK ESP EST FIN FRA GBR GRC HUN IDN IND IRL ITA JPN KOR LTU LUX LVA MEX MLT NLD POL PRT ROM RUS SVK SVN SWE TUR TWN USA RoW".split(
    " ",
  );
const WIOD_INDUSTRIES = Array.from({ length: 35 }, (_, i) => `c${i + 1}`);
const ICIO_REGIONS = [
  ..."ARG AUS AUT BEL BGD BGR BLR BRA BRN CAN CHE CHL CHN CIV CMR COL CRI CYP CZE DEU DNK EGY ESP EST FIN FRA GBR GRC HKG HRV HUN IDN IND IRL ISL ISR ITA JOR JPN KAZ KHM KOR LAO LTU LUX LVA MAR MEX MLT MMR MYS NGA NLD NOR NZL PAK PER PHL POL PRT ROU RUS SAU SEN SGP SVK SVN SWE THA TUN TUR TWN UKR USA VNM ZAF ROW".split(
    " ",
  ),
  "MX1",
  "MX2",
  "CN1",
  "CN2",
];
const ICIO_INDUSTRIES =
  "D01T02 D03 D05T06 D07T08 D09 D10T12 D13T15 D16 D17T18 D19 D20 D21 D22 D23 D24 D25 D26 D27 D28 D29 D30 D31T33 D35 D36T39 D41T43 D45T47 D49 D50 D51 D52 D53 D55T56 D58T60 D61 D62T63 D64T66 D68 D69T75 D77T82 D84 D85 D86T88 D90T93 D94T96 D97T98".split(
    " ",
  );

function labelsOnly(regions: string[], industries: string[], layout: "wiod" | "icio"): MrioTable {
  const sectors = regions.flatMap((region) => industries.map((industry) => ({ region, industry })));
  const at = { file: "table.csv", line: 1, col: 1 };
  return {
    layout,
    sectors,
    finals: regions.map((region) => ({ region, category: "f1" })),
    intermediate: new Float64Array(0),
    final: new Float64Array(0),
    output: new Float64Array(0),
    sectorAt: sectors.map(() => at),
    finalAt: regions.map(() => at),
  };
}

const world = chainOnly(loadWorld(fileReader(ROOT)).world!.world);

describe.each([
  ["wiod", WIOD_REGIONS, WIOD_INDUSTRIES, 41, 35],
  ["icio", ICIO_REGIONS, ICIO_INDUSTRIES, 81, 45],
] as const)("data/crosswalks/%s.yaml", (layout, regions, industries, nRegions, nIndustries) => {
  const file = resolve(ROOT, "data/crosswalks", `${layout}.yaml`);
  const cw = readCrosswalk(readFileSync(file, "utf8"), file).located!;
  const asFile = resolve(ROOT, "data/crosswalks", cw.value.assumptions);
  const as = readAssumptions(readFileSync(asFile, "utf8"), asFile).located!;

  it("maps every region and industry of the release, and nothing else", () => {
    expect(regions).toHaveLength(nRegions);
    expect(industries).toHaveLength(nIndustries);
    expect(Object.keys(cw.value.regions).sort()).toEqual([...regions].sort());
    expect(Object.keys(cw.value.industries).sort()).toEqual([...industries].sort());
  });

  it("covers the default world: no error, no unused entry", () => {
    const issues = checkCrosswalk(labelsOnly([...regions], [...industries], layout), cw, as, world);
    expect(issues).toEqual([]);
  });
});
