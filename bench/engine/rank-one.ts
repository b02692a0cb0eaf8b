/**
 * How much of the default world's pooled market a per-good market could represent (issue 10
 * item 5): per good, its edges and the largest |log| of its flows' cross-ratios
 * (`rank-one-goods.ts`), and the share of edges in goods whose flows are rank one.
 *
 *   node --import tsx bench/engine/rank-one.ts
 */
import { fileReader } from "../../src/io/world-files.js";
import { compileWorld } from "../../src/network/compile-world.js";
import { realise } from "../../src/run/realise.js";
import { loadWorld } from "../../src/world/load.js";
import { RANK_ONE, standingEdges, worstCrossRatio } from "./rank-one-goods.js";

const { world } = loadWorld(fileReader());
if (!world) throw new Error("the default world does not load");
const net = compileWorld(realise(world.world));
const standing = standingEdges(net);
let factorable = 0;
console.log("good                          layer      edges   largest |log cross-ratio|");
for (let g = 0; g < net.goods.length; g++) {
  const edges = net.goodEdgeCount[g]!;
  const worst = worstCrossRatio(net, g, standing);
  if (worst < RANK_ONE) factorable += edges;
  console.log(
    `${net.goods[g]!.padEnd(29)} ${(net.goodEconomy[g] ? "economy" : "chain").padEnd(8)} ${String(edges).padStart(7)}   ${worst.toExponential(2)}${worst < RANK_ONE ? "  rank one" : ""}`,
  );
}
const E = net.edgePool.length;
console.log(
  `edges of goods whose flows are rank one off the home diagonal and the standing controls: ${factorable.toLocaleString("en")} of ${E.toLocaleString("en")} (${((100 * factorable) / E).toFixed(0)}%); the others must stay explicit edges`,
);
