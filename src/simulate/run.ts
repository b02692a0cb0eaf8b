/**
 * Runs the engine month by month and records what happened: per node and month output, per pool
 * and month stock, inputs used and final demand served, and the input that bound each node.
 * @module
 */
import type { Network } from "../network/network.js";
import { boundaries, type Controls } from "./controls.js";
import { initialState } from "./state.js";
import { DEFAULT_STEP, type StepOptions, step } from "./step.js";

export interface Trace {
  months: number;
  /** [month * nodeCount + node], units per month. */
  output: Float64Array;
  /** [month * nodeCount + node]: the output planned before any input ran short (the orders it
   * had, within capacity); output falls below it only where an input bound. */
  plan: Float64Array;
  capacity: Float64Array;
  /** [month * nodeCount + node]: the good whose shortage bound the node, or -1. */
  bindingGood: Int32Array;
  /** [month * poolCount + pool]. */
  stock: Float64Array;
  used: Float64Array;
  served: Float64Array;
  /** Conservation per month: the largest excess of shipments over what suppliers had, and of
   * use over what pools had (both 0 up to rounding when the engine is right). */
  overShipped: Float64Array;
  overUsed: Float64Array;
}

export function simulate(
  net: Network,
  controls: Controls,
  months: number,
  opts: StepOptions = DEFAULT_STEP,
): Trace {
  const N = net.nodeCount;
  const Q = net.poolCount;
  const trace: Trace = {
    months,
    output: new Float64Array(months * N),
    plan: new Float64Array(months * N),
    capacity: new Float64Array(months * N),
    bindingGood: new Int32Array(months * N),
    stock: new Float64Array(months * Q),
    used: new Float64Array(months * Q),
    served: new Float64Array(months * Q),
    overShipped: new Float64Array(months),
    overUsed: new Float64Array(months),
  };
  const s = initialState(net);
  const changes = boundaries(controls);
  const availNode = new Float64Array(N);
  const availPool = new Float64Array(Q);
  for (let t = 0; t < months; t++) {
    availNode.set(s.inventory);
    for (let q = 0; q < Q; q++) availPool[q] = s.stock[q]! + s.received[q]!;
    step(net, controls, s, changes, opts);
    let overShipped = 0;
    for (let k = 0; k < N; k++) {
      const x = s.nodeShipped[k]! - (availNode[k]! + s.output[k]!);
      if (x > overShipped) overShipped = x;
      const b = s.binding[k]!;
      trace.bindingGood[t * N + k] = b < 0 ? -1 : net.poolGood[net.linkPool[b]!]!;
    }
    let overUsed = 0;
    for (let q = 0; q < Q; q++) {
      const x = s.used[q]! - availPool[q]!;
      if (x > overUsed) overUsed = x;
    }
    trace.overShipped[t] = overShipped;
    trace.overUsed[t] = overUsed;
    trace.output.set(s.output, t * N);
    trace.plan.set(s.plan, t * N);
    trace.capacity.set(s.capacity, t * N);
    trace.stock.set(s.stock, t * Q);
    trace.used.set(s.used, t * Q);
    trace.served.set(s.served, t * Q);
  }
  return trace;
}
