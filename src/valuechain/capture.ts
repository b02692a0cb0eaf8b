/**
 * Who captures the value of some actors' manufacturing in one year's structure (docs/model.md
 * §8): the value of their output of the followed goods split by origin (their makers' own value
 * added, their other industries', that of the AI inputs they make, and each other actor's), the
 * AI inputs bought per unit of it and where they are made, their share of the value of the
 * world's output of those goods, and their share of world value added.
 * @module
 */
import { embodied, outputValue, total } from "./origin.js";
import type { Structure, ValueCoefficients } from "./structure.js";

export interface Followed {
  /** Network actor indices of the followed actors (a bloc's members). */
  actors: ReadonlySet<number>;
  /** Good indices of the followed manufacturing, and of the AI inputs. */
  goods: ReadonlySet<number>;
  aiInputs: ReadonlySet<number>;
}

export interface YearCapture {
  year: number;
  /** Their output of the followed goods, USD a year. */
  outputValue: number;
  /** Shares of that value by origin: their makers of the followed goods, their makers of AI
   * inputs, their other industries; `foreign` by actor id; `untraced`: unlisted inputs no
   * network actor made. They add up to 1. */
  origin: { makers: number; aiInputs: number; other: number; untraced: number };
  foreign: Record<string, number>;
  /** makers + aiInputs + other: the followed actors' share of the value of their manufacturing. */
  share: number;
  /** AI inputs bought directly per unit of value of that output, and the part of them bought
   * from the followed actors. */
  aiInputIntensity: number;
  aiInputsOwnShare: number;
  /** The followed actors' value added embodied in the world's output of the followed goods,
   * over its value. */
  worldShare: number;
  /** The followed actors' share of world value added (produced, all goods). */
  worldValueAdded: number;
}

export function yearCapture(
  s: Structure,
  vc: ValueCoefficients,
  f: Followed,
  year: number,
): YearCapture {
  const { net } = s;
  const mine = (k: number) => f.actors.has(net.nodeActor[k]!);
  const made = (k: number) => f.goods.has(net.nodeGood[k]!);
  const fOwn = outputValue(s, (k) => mine(k) && made(k));
  const value = total(fOwn);
  const e = embodied(vc, fOwn);
  let makers = 0;
  let ai = 0;
  let other = 0;
  const foreign: Record<string, number> = {};
  for (let k = 0; k < net.nodeCount; k++) {
    const v = e.valueAdded[k]!;
    if (v === 0) continue;
    if (!mine(k)) {
      const id = net.actors[net.nodeActor[k]!]!;
      foreign[id] = (foreign[id] ?? 0) + v / value;
    } else if (made(k)) makers += v;
    else if (f.aiInputs.has(net.nodeGood[k]!)) ai += v;
    else other += v;
  }
  const untraced = total(e.untraced);
  let bought = 0;
  let boughtOwn = 0;
  for (let j = 0; j < net.nodeCount; j++) {
    if (!(mine(j) && made(j))) continue;
    const x = 12 * s.output[j]!;
    for (let l = net.linkStart[j]!; l < net.linkStart[j + 1]!; l++) {
      const q = net.linkPool[l]!;
      const g = net.poolGood[q]!;
      if (!f.aiInputs.has(g)) continue;
      const v = s.coef[l]! * x * net.goodPrice[g]!;
      bought += v;
      for (let i = net.poolEdgeStart[q]!; i < net.poolEdgeStart[q + 1]!; i++) {
        const edge = net.poolEdges[i]!;
        if (mine(net.edgeNode[edge]!)) boughtOwn += v * s.supply[edge]!;
      }
    }
  }
  const fWorld = outputValue(s, made);
  const ew = embodied(vc, fWorld);
  let worldMine = 0;
  for (let k = 0; k < net.nodeCount; k++) if (mine(k)) worldMine += ew.valueAdded[k]!;
  let vaMine = 0;
  let vaAll = 0;
  for (let k = 0; k < net.nodeCount; k++) {
    const v = vc.own[k]! * 12 * s.output[k]! * net.goodPrice[net.nodeGood[k]!]!;
    vaAll += v;
    if (mine(k)) vaMine += v;
  }
  const share = value > 0 ? (makers + ai + other) / value : 0;
  return {
    year,
    outputValue: value,
    origin: {
      makers: value > 0 ? makers / value : 0,
      aiInputs: value > 0 ? ai / value : 0,
      other: value > 0 ? other / value : 0,
      untraced: value > 0 ? untraced / value : 0,
    },
    foreign,
    share,
    aiInputIntensity: value > 0 ? bought / value : 0,
    aiInputsOwnShare: bought > 0 ? boughtOwn / bought : 0,
    worldShare: total(fWorld) > 0 ? worldMine / total(fWorld) : 0,
    worldValueAdded: vaAll > 0 ? vaMine / vaAll : 0,
  };
}

/** The share of an actor's value added in a dollar of its own output of good `g` (its makers'
 * own share, through everything it supplies to itself along the chain); 0 if it makes none. */
export function makerShare(s: Structure, vc: ValueCoefficients, actor: number, g: number): number {
  const { net } = s;
  const f = Float64Array.from({ length: net.nodeCount }, (_, k) =>
    net.nodeActor[k] === actor && net.nodeGood[k] === g ? 1 : 0,
  );
  const value = total(f);
  if (!(value > 0)) return 0;
  const e = embodied(vc, f);
  let v = 0;
  for (let k = 0; k < net.nodeCount; k++) if (net.nodeActor[k] === actor) v += e.valueAdded[k]!;
  return v / value;
}
