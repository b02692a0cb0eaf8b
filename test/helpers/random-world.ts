/**
 * Random but valid worlds for property tests: goods in a chain of recipes (each good uses only
 * earlier goods, so recipes are productive), outputs large enough to cover intermediate use,
 * random suppliers, stocks, criticalities, utilisation and ramp-up. Built from a seed with a
 * small seeded generator (mulberry32), never Math.random.
 */
import { mulberry32 } from "../../src/random/mulberry32.js";

export { mulberry32 };

import type { World } from "../../src/world/schema.js";

export function randomWorld(seed: number): World {
  const r = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const nActors = int(3, 6);
  const nGoods = int(2, 5);
  const actors = Array.from({ length: nActors }, (_, i) => ({
    id: `A${i}`,
    name: `Actor ${i}`,
    kind: "state" as const,
    gdp: 10 + 100 * r(),
    population: 1 + 10 * r(),
    manufacturingShare: 0.1 + 0.2 * r(),
  }));
  type G = World["goods"][number];
  const goods: G[] = [];
  for (let j = 0; j < nGoods; j++) {
    const recipe = [];
    for (let i = 0; i < j; i++)
      if (r() < 0.6) recipe.push({ input: `g${i}`, perUnit: 0.05 + 0.5 * r(), criticality: r() });
    goods.push({
      id: `g${j}`,
      name: `Good ${j}`,
      unit: "units",
      layer: "manufacturing",
      globalOutput: 0,
      utilisation: 0.6 + 0.4 * r(),
      recipe,
      stockMonths: r() < 0.3 ? 0 : 3 * r(),
      rampUp: { lagMonths: int(0, 4), ratePerMonth: 0.2 * r(), max: r() },
      valueAddedPerUnit: 1 + 5 * r(),
      pricePerUnit: 6 + 5 * r(),
      securityWeight: r(),
      homeBias: r() < 0.5 ? 0 : 0.5 * r(),
      demandBy: "gdp",
    });
  }
  // Outputs from the last good back, so that each covers what later goods use, with slack.
  const output = new Array<number>(nGoods).fill(0);
  for (let j = nGoods - 1; j >= 0; j--) {
    let use = 0;
    for (let k = j + 1; k < nGoods; k++)
      for (const x of goods[k]!.recipe ?? [])
        if (x.input === `g${j}`) use += (x.perUnit as number) * output[k]!;
    output[j] = use * (1.05 + r()) + 10 * r() + 1;
    goods[j]!.globalOutput = output[j]!;
  }
  const suppliers: World["suppliers"] = [];
  for (const g of goods) {
    const chosen = actors.filter(() => r() < 0.6);
    const list = chosen.length > 0 ? chosen : [actors[int(0, nActors - 1)]!];
    const w = list.map(() => 0.1 + r());
    const total = w.reduce((a, b) => a + b, 0);
    list.forEach((a, i) => suppliers.push({ good: g.id, actor: a.id, share: w[i]! / total }));
  }
  return {
    meta: { name: `random world ${seed}` },
    sources: [],
    actors,
    groups: [],
    goods,
    suppliers,
    demand: [],
    flows: [],
    firms: [],
    headlines: [],
    controls: [],
  };
}
