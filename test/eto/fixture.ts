/**
 * A small ETO dataset in the layout of the real one (inputs.csv, providers.csv, provision.csv,
 * sequence.csv), written to a temporary directory, with a crosswalk onto two goods of the
 * default world; `corrupt` edits one file to make a malformed corpus.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const FILES: Record<string, string> = {
  "inputs.csv": [
    "input_id,input_name,type,stage_name,stage_id,description,year,market_share_chart_global_market_size_info,market_share_chart_caption,market_share_chart_source",
    'N19,Lithography tools,tool_resource,,,"All lithography, tracks included",2025,$16.3 billion (2025),,CSET analysis of TechInsights data (2025).',
    "N20,EUV lithography tools,tool_resource,,,EUV scanners,2025,$6.5 billion (2025),,CSET analysis of TechInsights data (2025).",
    "N22,ArF immersion (DUV) lithography tools,tool_resource,,,Immersion scanners,2025,$8 billion (2025),,CSET analysis of TechInsights data (2025).",
    "N32,Resist processing tools,tool_resource,,,Tracks,2025,$2 billion (2025),,CSET analysis of TechInsights data (2025).",
    "N84,Electronic design automation software,tool_resource,,,EDA,2019,$6.8 billion (2019),,[CSET](https://cset.georgetown.edu/publication/the-semiconductor-supply-chain/)",
  ].join("\n"),
  "providers.csv": [
    "provider_name,alias,provider_id,provider_type,country",
    "USA,United States,P1,country,",
    "Various countries,,P5,country,",
    "JPN,Japan,P7,country,",
    "NLD,Netherlands,P45,country,",
    "MYS,Malaysia,P46,country,",
    "SWE,Sweden,P90,country,",
    "ASML,,P9,organization,NLD",
    "Tokyo Electron,,P10,organization,JPN",
    "Tokyo Electron,TEL,P10,organization,JPN",
    "Mycronic,,P11,organization,SWE",
    "MyTrack,,P12,organization,MYS",
    "Various companies,,P13,organization,Various countries",
    "Synopsys,,P20,organization,USA",
    "Zuken,,P21,organization,JPN",
  ].join("\n"),
  "provision.csv": [
    "provider_name,provider_id,provided_name,provided_id,share_provided,year,source",
    'NLD,P45,EUV lithography tools,N20,100.0,2025,"CSET analysis of TechInsights data (2025). Data used for analysis were published by TechInsights on July 3, 2026."',
    'ASML,P9,EUV lithography tools,N20,100.0,2025,"CSET analysis of TechInsights data (2025). Data used for analysis were published by TechInsights on July 3, 2026."',
    'NLD,P45,ArF immersion (DUV) lithography tools,N22,99.0,2025,"CSET analysis of TechInsights data (2025). Data used for analysis were published by TechInsights on July 3, 2026."',
    'JPN,P7,ArF immersion (DUV) lithography tools,N22,1.0,2025,"CSET analysis of TechInsights data (2025). Data used for analysis were published by TechInsights on July 3, 2026."',
    'ASML,P9,ArF immersion (DUV) lithography tools,N22,99.0,2025,"CSET analysis of TechInsights data (2025). Data used for analysis were published by TechInsights on July 3, 2026."',
    'Tokyo Electron,P10,Resist processing tools,N32,92.0,2025,"CSET analysis of TechInsights data (2025). Data used for analysis were published by TechInsights on July 3, 2026."',
    'Mycronic,P11,Resist processing tools,N32,4.0,2025,"CSET analysis of TechInsights data (2025). Data used for analysis were published by TechInsights on July 3, 2026."',
    'MyTrack,P12,Resist processing tools,N32,2.0,2025,"CSET analysis of TechInsights data (2025). Data used for analysis were published by TechInsights on July 3, 2026."',
    'Various companies,P13,Resist processing tools,N32,1.0,2025,"CSET analysis of TechInsights data (2025). Data used for analysis were published by TechInsights on July 3, 2026."',
    "USA,P1,Electronic design automation software,N84,97.0,2019,[CSET](https://cset.georgetown.edu/publication/the-semiconductor-supply-chain/)",
    "JPN,P7,Electronic design automation software,N84,3.0,2019,[CSET](https://cset.georgetown.edu/publication/the-semiconductor-supply-chain/)",
    "SWE,P90,Electronic design automation software,N84,1.0,2019,[CSET](https://cset.georgetown.edu/publication/the-semiconductor-supply-chain/)",
    "Synopsys,P20,Electronic design automation software,N84,,2019,[CSET](https://cset.georgetown.edu/publication/the-semiconductor-supply-chain/)",
    "Zuken,P21,Electronic design automation software,N84,,2019,[CSET](https://cset.georgetown.edu/publication/the-semiconductor-supply-chain/)",
  ].join("\n"),
  "sequence.csv": [
    "input_name,input_id,goes_into_name,goes_into_id,is_type_of_name,is_type_of_id",
    "EUV lithography tools,N20,,,Lithography tools,N19",
    "ArF immersion (DUV) lithography tools,N22,,,Lithography tools,N19",
  ].join("\n"),
};

export const CROSSWALK = `dataset:
  source: eto_chip_dataset
  url: https://github.com/georgetown-cset/eto-chip-explorer
regions:
  Various countries: ROW
  EUR: null
sourceLines:
  - starts: "CSET analysis of TechInsights data (2025)"
    source: cset_eto_2025
  - starts: "[CSET]"
    source: cset_2021
goods:
  euv_lithography:
    inputs: [N20]
    source: cset_eto_2025
    note: EUV scanners.
  duv_lithography:
    inputs: [N22, N32]
    source: lithography_split_derived
    note: Immersion scanners and tracks.
  eda_software:
    inputs: [N84]
    source: eda_shares_derived
    note: EDA.
    ranges:
      US: {low: 0.9, high: 0.97, note: "a judgement"}
`;

/** Writes the dataset (with `edit` applied to one file) and the crosswalk; returns the paths. */
export function writeFixture(
  edit?: { file: string; change: (text: string) => string },
  crosswalk: string = CROSSWALK,
): { dir: string; data: string; crosswalk: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), "levier-eto-"));
  const data = join(dir, "eto");
  mkdirSync(data);
  for (const [name, text] of Object.entries(FILES)) {
    const body = edit?.file === name ? edit.change(text) : text;
    writeFileSync(join(data, name), `${body}\n`);
  }
  writeFileSync(join(dir, "eto.yaml"), crosswalk);
  return { dir, data, crosswalk: join(dir, "eto.yaml"), out: join(dir, "suppliers.csv") };
}
