/**
 * Withholding as engine controls: every edge from a node of the withholding actors to a pool of
 * the receiving actors capped at 0 over the months, with no leakage — the edges an
 * `export_control` with `cap: 0` selects (scenario/compile.ts), never an actor to itself unless
 * asked (a good that disappears altogether stops reaching its own makers' pools too).
 * @module
 */
import type { LossMeasure } from "../../losses/measure.js";
import type { Network } from "../../network/network.js";
import { standingCaps } from "../../scenario/standing.js";
import type { Controls } from "../../simulate/controls.js";

/** One simulated withholding: plain data, so that it can be sent to a worker thread. */
export interface WithholdTask {
  /** Network actor indices that withhold, and those they withhold from. */
  from: Int32Array;
  to: Int32Array;
  /** Only these network good indices; every good when absent. */
  goods?: Int32Array;
  /** Cut an actor's supply to itself too (for a good that vanishes from the world). */
  includeSelf?: boolean;
  /** Months simulated; the cut lasts all of them. */
  months: number;
  /** The loss measure the results carry per actor (default: the total). */
  measure?: LossMeasure;
}

/** The network indices of the chain's goods: every good but the economy's sectors. Withholding
 * "everything" in the analyses means everything along the chain; a full embargo of the
 * downstream economy's trade is a different question (a scenario can ask it). */
export function chainGoods(net: Network): Int32Array {
  const out: number[] = [];
  for (let g = 0; g < net.goods.length; g++) if (net.goodEconomy[g] !== 1) out.push(g);
  return Int32Array.from(out);
}

/** The edges a task cuts, in edge order. */
export function withheldEdges(net: Network, task: WithholdTask): Int32Array {
  const from = mask(net.actors.length, task.from);
  const to = mask(net.actors.length, task.to);
  const goods = task.goods ? mask(net.goods.length, task.goods) : undefined;
  const out: number[] = [];
  for (let k = 0; k < net.nodeCount; k++) {
    const a = net.nodeActor[k]!;
    if (!from[a] || (goods && !goods[net.nodeGood[k]!])) continue;
    for (let e = net.edgeStart[k]!; e < net.edgeStart[k + 1]!; e++) {
      const b = net.poolActor[net.edgePool[e]!]!;
      if (to[b] && (b !== a || task.includeSelf === true)) out.push(e);
    }
  }
  return Int32Array.from(out);
}

/** The engine controls of a task: its edges capped at 0 from month 1 to its last month, and the
 * world's standing export controls, as in every run. */
export function withholdControls(net: Network, task: WithholdTask): Controls {
  return {
    caps: [
      {
        start: 1,
        end: task.months,
        edges: withheldEdges(net, task),
        kind: "fraction",
        value: 0,
        leakage: 0,
        label: "withhold",
      },
      ...standingCaps(net, task.months),
    ],
    guarantees: [],
    capacity: [],
    stocks: [],
  };
}

function mask(size: number, members: Int32Array): Uint8Array {
  const m = new Uint8Array(size);
  for (const i of members) m[i] = 1;
  return m;
}
