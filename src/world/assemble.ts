/**
 * Assembles a world from the documents that hold its parts (the files of `data/`, or one file),
 * optionally over a base world that the documents patch (`extends`). Keeps, for every item,
 * where it came from, so that later checks can place their issues at file:line:col.
 * @module
 */
import { formatLocation, type Issue, type Location } from "../diagnostics/issue.js";
import type { LocatedDoc } from "../parse/located.js";
import { COLLECTIONS, type Collection, type World, type WorldDoc } from "./schema.js";

export interface Part {
  doc: WorldDoc;
  located: LocatedDoc;
  /** Where the part sits in its document, for the paths messages show (a scenario's
   * `world:`); none for a world file. */
  prefix?: readonly PropertyKey[];
}

interface Origin {
  located: LocatedDoc;
  fromBase?: boolean;
  /** Path of the item inside its document. */
  path: readonly PropertyKey[];
  item: Record<string, unknown>;
  /** Where the part sits in its document (`Part.prefix`). */
  prefix?: readonly PropertyKey[];
}

export interface Assembled {
  world: World;
  /** Where the value at a path of `world` came from. */
  locate(path: readonly PropertyKey[]): Location | undefined;
  /** Whether the item at `[collection, index]` was given or changed by the top-level documents
   * (always true without a base world); checks use it to point at what a patch changed. */
  fromTop(path: readonly PropertyKey[]): boolean;
  /** The path of the value in the document it came from (a patch's own `suppliers[0]`, not the
   * merged world's `suppliers[772]`); the path itself where the item has no single origin. */
  pathOf?(path: readonly PropertyKey[]): readonly PropertyKey[];
}

type Items = Record<Collection, Record<string, unknown>[]>;
type Origins = Record<Collection, Origin[][]>;

/** The key under which a patch replaces an item of a collection. */
export function itemKey(collection: Collection, item: Record<string, unknown>): string {
  switch (collection) {
    case "suppliers":
    case "demand":
      return `${item.good}|${item.actor}`;
    case "flows":
      return `${item.good}|${item.from}|${item.to}`;
    default:
      return String(item.id);
  }
}

function describeKey(collection: Collection, key: string): string {
  if (collection === "suppliers" || collection === "demand") {
    const [good, actor] = key.split("|");
    return `${collection.replace(/s$/, "")} row for good ${JSON.stringify(good)} and actor ${JSON.stringify(actor)}`;
  }
  if (collection === "flows") {
    const [good, from, to] = key.split("|");
    return `flow of ${JSON.stringify(good)} from ${from} to ${to}`;
  }
  return `id ${JSON.stringify(key)} in ${collection}`;
}

/**
 * Concatenates the parts (reporting keys given twice), then, if a base is given, merges them
 * over it: an item whose key the base has overrides the base item field by field; others are
 * added.
 */
export function assemble(
  parts: readonly Part[],
  base?: Assembled,
): { assembled?: Assembled; issues: Issue[] } {
  const issues: Issue[] = [];
  const items = emptyItems();
  const origins = emptyOrigins();
  let meta: World["meta"] | undefined;
  let metaDoc: LocatedDoc | undefined;

  if (base) {
    for (const c of COLLECTIONS) {
      base.world[c].forEach((item, i) => {
        items[c].push(item as unknown as Record<string, unknown>);
        origins[c].push([
          {
            located: baseLocated(base, c, i),
            fromBase: true,
            path: [],
            item: item as unknown as Record<string, unknown>,
          },
        ]);
      });
    }
    meta = base.world.meta;
  }

  const baseIndex = new Map<string, number>();
  for (const c of COLLECTIONS)
    items[c].forEach((item, i) => baseIndex.set(`${c}#${itemKey(c, item)}`, i));
  const seenThisLevel = new Map<string, Location>();

  for (const part of parts) {
    if (part.doc.meta) {
      meta = { ...(meta ?? {}), ...part.doc.meta };
      metaDoc = part.located;
    }
    for (const c of COLLECTIONS) {
      const list = (part.doc[c] ?? []) as Record<string, unknown>[];
      list.forEach((item, i) => {
        const key = `${c}#${itemKey(c, item)}`;
        const at = part.located.locate([c, i]);
        const first = seenThisLevel.get(key);
        if (first) {
          issues.push({
            severity: "error",
            code: "duplicate",
            at,
            path: `${c}[${i}]`,
            message: `duplicate ${describeKey(c, itemKey(c, item))}; first given at ${formatLocation(first)}`,
          });
          return;
        }
        seenThisLevel.set(key, at);
        const origin: Origin = {
          located: part.located,
          path: [c, i],
          item,
          ...(part.prefix ? { prefix: part.prefix } : {}),
        };
        const target = base ? baseIndex.get(key) : undefined;
        if (target !== undefined) {
          items[c][target] = { ...items[c][target], ...item };
          origins[c][target]?.unshift(origin);
        } else {
          items[c].push(item);
          origins[c].push([origin]);
        }
      });
    }
  }
  if (issues.length > 0) return { issues };

  const world = { meta: meta ?? { name: "unnamed world" }, ...items } as unknown as World;
  /** The origin of the item at `path` that holds the field the path names. */
  const originOf = (path: readonly PropertyKey[]): Origin | undefined => {
    const [c, i, ...rest] = path;
    const chain = typeof i === "number" ? origins[c as Collection]?.[i] : undefined;
    if (!chain || chain.length === 0) return undefined;
    const field = rest[0];
    return (
      chain.find((o) => field === undefined || (field as string) in o.item) ??
      chain[chain.length - 1]
    );
  };
  const locate = (path: readonly PropertyKey[]): Location | undefined => {
    const [c, i, ...rest] = path;
    if (c === "meta") return metaDoc?.locate(path) ?? (base ? base.locate(path) : undefined);
    const list = origins[c as Collection];
    if (!list) return undefined;
    if (typeof i !== "number") return list[0]?.[0]?.located.locate([c as string]);
    const origin = originOf(path);
    return origin?.located.locate([...origin.path, ...rest]);
  };
  const pathOf = (path: readonly PropertyKey[]): readonly PropertyKey[] => {
    const origin = originOf(path);
    return origin && !origin.fromBase
      ? [...(origin.prefix ?? []), ...origin.path, ...path.slice(2)]
      : path;
  };
  const fromTop = (path: readonly PropertyKey[]): boolean => {
    const [c, i] = path;
    const chain = typeof i === "number" ? origins[c as Collection]?.[i] : undefined;
    return !base || (chain !== undefined && chain.length > 0 && !chain[0]!.fromBase);
  };
  return { assembled: { world, locate, fromTop, ...(base ? { pathOf } : {}) }, issues: [] };
}

/** A located view of one base item, so merged items can still point into the base files. */
function baseLocated(base: Assembled, c: Collection, i: number): LocatedDoc {
  return {
    file: "",
    value: undefined,
    locate: (path) => base.locate([c, i, ...path]) ?? { file: "(base world)", line: 1, col: 1 },
  };
}

function emptyItems(): Items {
  return Object.fromEntries(COLLECTIONS.map((c) => [c, []])) as unknown as Items;
}

function emptyOrigins(): Origins {
  return Object.fromEntries(COLLECTIONS.map((c) => [c, []])) as unknown as Origins;
}
