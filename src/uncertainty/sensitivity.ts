/**
 * Which assumptions an answer hangs on (../shared/DESIGN.md, "Uncertainty"). The world's
 * figures given as distributions are grouped (by good: every figure of a good's recipe, its
 * suppliers' shares, its demand…; or by source), and each group is one factor u in (0, 1): all
 * its figures move together to their u-quantiles (`realiseAt`). An output is any number of the
 * run document named by a path (`actors.EU.loss`, `capacityShare.horizon`; array items by their
 * id, else by index).
 * - Tornado (one at a time): each group at its 5th and at its 95th percentile, every other
 *   figure at its central value; the swing is the difference of the two outputs.
 * - Sobol indices (`sobol.ts`): first-order and total indices of each group, with bootstrap
 *   intervals, over a Saltelli design.
 * Evaluations are plain tasks (a factor vector each), so they run through the worker pool like
 * the draws.
 * @module
 */
import type { LossMeasure } from "../losses/measure.js";
import { runDocument } from "../run/document.js";
import { type FigurePath, realiseAt } from "../run/realise.js";
import { runScenario } from "../run/scenario-run.js";
import type { Scenario } from "../scenario/schema.js";
import type { Quantity } from "../world/quantity.js";
import type { World } from "../world/schema.js";

export const GROUPINGS = ["good", "source"] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** What every evaluation shares. */
export interface SensitivityJob {
  world: World;
  scenario: Scenario;
  measure: LossMeasure;
  by: Grouping;
  /** The output's path in the run document. */
  output: string;
}

export interface InputGroup {
  id: string;
  /** Figures given as distributions in it. */
  figures: number;
}

type Item = { good?: unknown; id?: unknown; source?: unknown };

/** The group of the figure at `path` (with its quantity `q`). */
function groupKey(world: World, by: Grouping, path: FigurePath, q: Quantity): string {
  const collection = String(path[0]);
  const list = (world as unknown as Record<string, unknown>)[collection];
  const item = (Array.isArray(list) ? list[path[1] as number] : undefined) as Item | undefined;
  if (by === "source") {
    const own = typeof q === "object" && "source" in q ? q.source : undefined;
    return String(own ?? item?.source ?? collection);
  }
  if (typeof item?.good === "string") return item.good;
  if (collection === "goods" && typeof item?.id === "string") return item.id;
  return collection;
}

/** Every group of the world's uncertain figures, in the order first met; and each figure's. */
export function inputGroups(
  world: World,
  by: Grouping,
): { groups: InputGroup[]; of: (path: FigurePath, q: Quantity) => number } {
  const index = new Map<string, number>();
  const groups: InputGroup[] = [];
  const of = (path: FigurePath, q: Quantity) => {
    const key = groupKey(world, by, path, q);
    let i = index.get(key);
    if (i === undefined) {
      i = groups.length;
      index.set(key, i);
      groups.push({ id: key, figures: 0 });
    }
    return i;
  };
  // Walk once (at central values) to list the groups in order and count their figures.
  realiseAt(world, (path, q) => {
    groups[of(path, q)]!.figures++;
    return undefined;
  });
  return { groups, of };
}

/** `inputGroups` once per world and grouping: every evaluation of a job shares them. */
const cache = new WeakMap<World, Map<Grouping, ReturnType<typeof inputGroups>>>();
function groupsOf(world: World, by: Grouping): ReturnType<typeof inputGroups> {
  let m = cache.get(world);
  if (!m) {
    m = new Map();
    cache.set(world, m);
  }
  let g = m.get(by);
  if (!g) {
    g = inputGroups(world, by);
    m.set(by, g);
  }
  return g;
}

/** The number at `path` in a document: `a.b.c`, array items by id, else by index. */
export function valueAt(doc: unknown, path: string): number | undefined {
  let x: unknown = doc;
  for (const key of path.split(".")) {
    if (Array.isArray(x)) {
      const byId = x.find((e) => typeof e === "object" && e !== null && (e as Item).id === key);
      x = byId ?? (/^\d+$/.test(key) ? x[Number(key)] : undefined);
    } else if (typeof x === "object" && x !== null) x = (x as Record<string, unknown>)[key];
    else return undefined;
  }
  return typeof x === "number" ? x : undefined;
}

/** The output with each group at the factor given (NaN or missing: central values). */
export function evaluate(job: SensitivityJob, factors: readonly number[]): number {
  const { of } = groupsOf(job.world, job.by);
  const world = realiseAt(job.world, (path, q) => {
    const u = factors[of(path, q)];
    return u === undefined || Number.isNaN(u) ? undefined : u;
  });
  const run = runScenario({ scenario: job.scenario, world: { world } });
  const v = valueAt(runDocument(run, job.measure), job.output);
  if (v === undefined) throw new RangeError(`no number at ${job.output} in the run document`);
  return v;
}

export function evaluateAll(job: SensitivityJob, rows: readonly (readonly number[])[]): number[] {
  return rows.map((r) => evaluate(job, r));
}

/** The factor vectors of a tornado over `k` groups: central first, then each group at its 5th
 * and its 95th percentile. */
export function tornadoRows(k: number): number[][] {
  const central = new Array<number>(k).fill(Number.NaN);
  const rows = [central];
  for (let i = 0; i < k; i++)
    for (const u of [0.05, 0.95]) {
      const r = [...central];
      r[i] = u;
      rows.push(r);
    }
  return rows;
}

export interface TornadoBar {
  group: string;
  figures: number;
  /** The output with the group at its 5th and at its 95th percentile. */
  low: number;
  high: number;
  /** |high − low|. */
  swing: number;
}

/** The tornado from the outputs of `tornadoRows`, largest swing first. */
export function tornado(
  groups: readonly InputGroup[],
  y: readonly number[],
): { central: number; bars: TornadoBar[] } {
  const bars = groups.map((g, i) => {
    const low = y[1 + 2 * i]!;
    const high = y[2 + 2 * i]!;
    return { group: g.id, figures: g.figures, low, high, swing: Math.abs(high - low) };
  });
  bars.sort((a, b) => b.swing - a.swing || a.group.localeCompare(b.group));
  return { central: y[0]!, bars };
}
