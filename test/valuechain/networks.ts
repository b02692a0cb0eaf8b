/**
 * Networks for the value-chain tests. `handNetwork`: a three-country, two-good network built by hand: A and B make chips (price 1, value added
 * 0.6, no listed inputs), B and C make cars (price 10, value added 4, 2 chips a car). Monthly
 * flows: B's 10 cars go 4 to A, 5 to B, 1 to C; C's 5 cars 2 to A, 3 to C; B's chip pool (20)
 * gets 10 from A and 10 from B; C's (10) 6 from A and 4 from B; A's final chips (5) all from A.
 */
import { finishNetwork, type Network } from "../../src/network/network.js";
import { realise } from "../../src/run/realise.js";
import { figure, type RealWorld } from "../../src/world/realised.js";
import { randomWorld } from "../helpers/random-world.js";

export function handNetwork(): Network {
  const f64 = (...x: number[]) => Float64Array.from(x);
  const i32 = (...x: number[]) => Int32Array.from(x);
  return finishNetwork({
    goods: ["chip", "car"],
    actors: ["A", "B", "C"],
    goodValueAdded: f64(0.6, 4),
    goodPrice: f64(1, 10),
    goodSecurityWeight: f64(1, 1),
    goodElasticity: f64(0.5, 0.5),
    goodRationed: f64(0, 0),
    goodEconomy: Uint8Array.from([0, 0]),
    rampLag: f64(3, 3),
    rampRate: f64(0.05, 0.05),
    rampMax: f64(0.3, 0.3),
    nodeCount: 4,
    nodeId: ["A:chip", "B:chip", "B:car", "C:car"],
    nodeGood: i32(0, 0, 1, 1),
    nodeActor: i32(0, 1, 1, 2),
    nodeCapacity: f64(21, 14, 10, 5),
    // Pools: B|chip, C|chip, A|chip, A|car, B|car, C|car.
    poolCount: 6,
    poolGood: i32(0, 0, 0, 1, 1, 1),
    poolActor: i32(1, 2, 0, 0, 1, 2),
    poolFinal: f64(0, 0, 5, 6, 5, 4),
    poolStockMonths: f64(0, 0, 0, 0, 0, 0),
    linkStart: i32(0, 0, 0, 1, 2),
    linkPool: i32(0, 1),
    linkCoef: f64(2, 2),
    linkCrit: f64(1, 1),
    edgeStart: i32(0, 3, 6, 9, 12),
    edgePool: i32(0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5),
    edgeBase: f64(10, 6, 5, 10, 4, 0, 4, 5, 1, 2, 0, 3),
  });
}

/** A random world whose prices cover value added and listed inputs (raised where they do not,
 * goods in recipe order), so that value is conserved in levels. */
export function consistentWorld(seed: number): RealWorld {
  const w = realise(randomWorld(seed));
  const price = new Map<string, number>();
  const goods = w.goods.map((g) => {
    const inputs = (g.recipe ?? []).reduce(
      (s, r) => s + figure(r.perUnit) * price.get(r.input)!,
      0,
    );
    const p = Math.max(figure(g.pricePerUnit), figure(g.valueAddedPerUnit) + inputs + 0.5);
    price.set(g.id, p);
    return { ...g, pricePerUnit: p };
  });
  return { ...w, goods };
}
