/**
 * The chain from published sources to each figure: a figure's source, and what that source is
 * derived or judged from (`from`, recursively), listed from the published sources down to the
 * source the figure cites, each link with its kind (published, derived: import, crosswalk or
 * arithmetic as its `via` says; assumption). Where a figure names its own source and the item
 * holding it another (an export control's legal text, the cap's judgement), both chains count.
 * Also which sources back figures through such chains, and which back nothing at all.
 * @module
 */
import type { FigureRef } from "./figures.js";
import type { Source, World } from "./schema.js";

export interface ChainLink {
  source: string;
  kind: Source["kind"] | "unknown";
  /** The sources this one comes from (for derived sources and assumptions). */
  from?: string[];
}

export function chainResolver(world: World): (ids: readonly (string | undefined)[]) => ChainLink[] {
  const byId = new Map(world.sources.map((s) => [s.id, s]));
  const memo = new Map<string, ChainLink[]>();
  const walk = (id: string, stack: Set<string>): ChainLink[] => {
    const hit = memo.get(id);
    if (hit) return hit;
    const s = byId.get(id);
    if (!s) return [{ source: id, kind: "unknown" }];
    if (stack.has(id)) return [];
    stack.add(id);
    const out: ChainLink[] = [];
    for (const f of s.from ?? []) out.push(...walk(f, stack));
    stack.delete(id);
    const link: ChainLink = { source: id, kind: s.kind };
    if (s.from) link.from = [...s.from];
    out.push(link);
    const unique = dedupe(out);
    memo.set(id, unique);
    return unique;
  };
  return (ids) => dedupe(ids.flatMap((id) => (id === undefined ? [] : walk(id, new Set()))));
}

function dedupe(links: ChainLink[]): ChainLink[] {
  const seen = new Set<string>();
  return links.filter((l) => {
    if (seen.has(l.source)) return false;
    seen.add(l.source);
    return true;
  });
}

/** The sources a figure's chain passes through: its own, and the item's where they differ. */
export function chainIds(f: FigureRef): (string | undefined)[] {
  return f.itemSource !== undefined && f.itemSource !== f.source
    ? [f.itemSource, f.source]
    : [f.source];
}

/** Source ids cited by items that hold no figure of their own (groups, firms, goods' trade
 * codes, export controls), so that such a source is not taken for one that backs nothing. */
export function itemCitations(world: World): Map<string, number> {
  const n = new Map<string, number>();
  const add = (id: string | undefined) => {
    if (id !== undefined) n.set(id, (n.get(id) ?? 0) + 1);
  };
  for (const g of world.groups) add(g.source);
  for (const f of world.firms) add(f.source);
  for (const g of world.goods) add(g.tradeCodes?.source);
  for (const c of world.controls) add(c.source);
  return n;
}

/** Those sources that no figure's chain passes through and no item cites: they back nothing. */
export function unusedSources(world: World, backs: Map<string, number>): string[] {
  const cited = itemCitations(world);
  const fromOf = new Set(world.sources.flatMap((s) => s.from ?? []));
  return world.sources
    .filter((s) => !backs.get(s.id) && !cited.get(s.id) && !fromOf.has(s.id))
    .map((s) => s.id);
}
