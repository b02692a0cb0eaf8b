/** Small worlds for the loss tests, written as YAML text and loaded through levier's loader. */
import type { LoadedWorld, WorldReader } from "../../src/world/load.js";
import { loadWorld } from "../../src/world/load.js";

/** A reader over in-memory files (no disk). */
export function memoryReader(files: Record<string, string>, main: string): WorldReader {
  return {
    read: (path) => files[path],
    isDirectory: () => false,
    resolve: (_from, relative) => relative,
    defaultWorld: main,
  };
}

export function worldOf(yaml: string): LoadedWorld {
  const { world, issues } = loadWorld(memoryReader({ "w.yaml": yaml }, "w.yaml"));
  if (!world) throw new Error(issues.map((i) => `${i.path ?? ""} ${i.message}`).join("\n"));
  return world;
}

const actor = (id: string) =>
  `  - { id: ${id}, name: ${id}, kind: state, population: 10, gdp: 100, manufacturingShare: 0.2, source: hand, year: 2025 }`;

/**
 * SS makes a `gadget` that BB and CC only consume (final demand, half each): price 10, value
 * added 10 a unit (no inputs), 120 a year, no stock, nothing to ramp up.
 */
export function marketWorld(): string {
  return `meta: { name: market, asOf: 2025 }
sources:
  - { id: hand, kind: assumption, publisher: levier tests, title: Hand-made figures, year: 2025 }
actors:
${["SS", "BB", "CC"].map(actor).join("\n")}
goods:
  - { id: gadget, name: Gadget, unit: units, layer: manufacturing, globalOutput: 120, stockMonths: 0, rampUp: { lagMonths: 100, ratePerMonth: 0, max: 0 }, valueAddedPerUnit: 10, pricePerUnit: 10, securityWeight: 1, demandElasticity: 0.4, source: hand, year: 2025 }
suppliers:
  - { good: gadget, actor: SS, share: 1, source: hand, year: 2025 }
demand:
  - { good: gadget, actor: BB, share: 0.5, source: hand, year: 2025 }
  - { good: gadget, actor: CC, share: 0.5, source: hand, year: 2025 }
`;
}

/**
 * PP makes a \`part\` (price = value added = 4, 60 a year, no inputs) that MM uses, half a part
 * per unit with criticality \`crit\`, to make a \`final\` good (120 a year, price 10, value added
 * 8 = 10 − 0.5 × 4) that HH consumes. No stocks, no spare capacity, no ramp-up.
 */
export function partWorld(crit: number): string {
  return `meta: { name: parts, asOf: 2025 }
sources:
  - { id: hand, kind: assumption, publisher: levier tests, title: Hand-made figures, year: 2025 }
actors:
${["PP", "MM", "HH"].map(actor).join("\n")}
goods:
  - { id: part, name: Part, unit: units, layer: chips, globalOutput: 60, stockMonths: 0, rampUp: { lagMonths: 100, ratePerMonth: 0, max: 0 }, valueAddedPerUnit: 4, pricePerUnit: 4, securityWeight: 1, source: hand, year: 2025 }
  - { id: final, name: Final, unit: units, layer: manufacturing, globalOutput: 120, recipe: [{ input: part, perUnit: 0.5, criticality: ${crit} }], stockMonths: 0, rampUp: { lagMonths: 100, ratePerMonth: 0, max: 0 }, valueAddedPerUnit: 8, pricePerUnit: 10, securityWeight: 1, demandElasticity: 0.5, source: hand, year: 2025 }
suppliers:
  - { good: part, actor: PP, share: 1, source: hand, year: 2025 }
  - { good: final, actor: MM, share: 1, source: hand, year: 2025 }
demand:
  - { good: final, actor: HH, share: 1, source: hand, year: 2025 }
`;
}
