/**
 * ETO provision → levier supplier rows. For each good of the crosswalk: each of its ETO inputs
 * gives country shares (ETO's country rows where it has them, else its firms' shares summed by
 * the firm's country); several inputs are weighted by their global market sizes; countries that
 * are actors of the world get their rows, the rest (countries that are not actors, "Various
 * countries", the share ETO leaves unassigned) go to the world's rest-of-world actor. Each row
 * cites the good's source and says in its note which inputs, years, provision.csv lines and
 * firms it comes from. Pure: no I/O.
 * @module
 */
import type { Issue, Location } from "../diagnostics/issue.js";
import type { World } from "../world/schema.js";
import type { LocatedCrosswalk } from "./crosswalk.js";
import type { EtoDataset, EtoInput, EtoProvision } from "./dataset.js";

/** A supplier row as the importer writes it (the columns of suppliers.csv). */
export interface ImportedRow {
  good: string;
  actor: string;
  share: number;
  low?: number;
  high?: number;
  dist?: "triangular" | "pert";
  source: string;
  year: number;
  note: string;
}

export interface InputReport {
  id: string;
  name: string;
  marketUsd?: number;
  year: number;
  /** The levier source its source line maps to. */
  source: string;
  /** Sum of the country shares ETO gives, percent (may exceed 100 by rounding). */
  total: number;
}

export interface GoodReport {
  good: string;
  inputs: InputReport[];
  /** Sum of the inputs' market sizes, USD (where several are weighted). */
  marketUsd?: number;
  rows: number;
  /** What went to the rest of the world, by ETO provider name, as a share of the good. */
  rest: { name: string; share: number }[];
}

export interface EtoImport {
  rows: ImportedRow[];
  report: GoodReport[];
}

/** Shares are written with this many decimals (0.0001 = 0.01% of world output). */
export const SHARE_DIGITS = 4;

const round = (v: number) => Number(v.toFixed(SHARE_DIGITS));

interface CountryShare {
  /** ETO provider name (ISO 3166 alpha-3, or "Various countries"). */
  name: string;
  /** Percent. */
  share: number;
  lines: number[];
}

export function importEto(
  data: EtoDataset,
  cw: LocatedCrosswalk,
  world: World,
): { result?: EtoImport; issues: Issue[] } {
  const issues: Issue[] = [];
  const where = (path: PropertyKey[]) => cw.doc.locate(path);
  const error = (at: Location, code: string, message: string, path?: PropertyKey[]) => {
    const i: Issue = { severity: "error", code, at, message };
    if (path) i.path = path.map(String).join(".");
    issues.push(i);
  };
  const sourceIds = new Set(world.sources.map((s) => s.id));
  const rowActor = world.actors.find((a) => a.kind === "aggregate")?.id;
  if (!rowActor)
    error(
      where(["regions"]),
      "unknown-id",
      "the world has no rest-of-world actor (kind aggregate)",
    );
  const byIso3 = new Map<string, string>();
  for (const a of world.actors) if (a.kind === "state" && a.iso3) byIso3.set(a.iso3, a.id);
  const goodIds = new Set(world.goods.map((g) => g.id));
  const x = cw.value;
  if (!sourceIds.has(x.dataset.source))
    error(
      where(["dataset", "source"]),
      "unknown-id",
      `unknown source ${x.dataset.source}; expected an id in the world's sources`,
    );
  x.sourceLines.forEach((l, i) => {
    if (!sourceIds.has(l.source))
      error(
        where(["sourceLines", i, "source"]),
        "unknown-id",
        `unknown source ${l.source}; expected an id in the world's sources`,
      );
  });
  for (const [region, actor] of Object.entries(x.regions))
    if (actor !== null && !world.actors.some((a) => a.id === actor && a.kind !== "bloc"))
      error(
        where(["regions", region]),
        "unknown-id",
        `unknown actor ${actor}; expected a state or the rest of the world`,
      );
  const typesOf = ancestors(data);
  const rows: ImportedRow[] = [];
  const report: GoodReport[] = [];
  for (const [good, entry] of Object.entries(x.goods)) {
    const gpath = ["goods", good];
    if (!goodIds.has(good)) {
      error(where(gpath), "unknown-id", `unknown good ${good}; expected a good of the world`);
      continue;
    }
    if (!sourceIds.has(entry.source))
      error(
        where([...gpath, "source"]),
        "unknown-id",
        `unknown source ${entry.source}; expected an id in the world's sources`,
      );
    const inputs: {
      input: EtoInput;
      shares: CountryShare[];
      year: number;
      source: string;
      total: number;
      scale: number;
    }[] = [];
    entry.inputs.forEach((id, k) => {
      const ipath = [...gpath, "inputs", k];
      const input = data.inputs.get(id);
      if (!input) {
        error(
          where(ipath),
          "unknown-id",
          `unknown ETO input ${id}; expected an id of ${data.files.inputs}`,
        );
        return;
      }
      const dup = entry.inputs.find((o) => o !== id && typesOf.get(id)?.has(o));
      if (dup)
        error(
          where(ipath),
          "double-count",
          `${id} (${input.name}) is a type of ${dup}, also listed: its market would count twice`,
        );
      if (entry.inputs.length > 1 && input.marketUsd === undefined)
        error(
          where(ipath),
          "no-weight",
          `${id} (${input.name}) has no market size in ${data.files.inputs} (line ${input.at.line}), so it cannot be weighted with the good's other inputs`,
        );
      const got = sharesOf(data, id);
      if (got.shares.length === 0) {
        error(
          where(ipath),
          "no-shares",
          `ETO gives no shares for ${id} (${input.name}) in ${data.files.provision}`,
        );
        return;
      }
      const total = got.shares.reduce((s, c) => s + c.share, 0);
      const small = got.shares.filter((c) => c.share <= 1).length;
      const allowed = 100 + small + 0.05 * (got.shares.length - small);
      if (total > allowed + 1e-9) {
        const first = got.rows[0]!;
        error(
          { file: data.files.provision, line: first.shareAt.line, col: first.shareAt.col },
          "shares-sum",
          `the shares of ${id} (${input.name}) add up to ${fmt(total)}%, more than rounding allows (${fmt(allowed)}%: 1 point for each share of 1% or less, 0.05 for the others)`,
        );
        return;
      }
      const years = [...new Set(got.rows.map((r) => r.year))];
      const line = got.rows[0]!.source || input.chartSource;
      const mapped = x.sourceLines.find((l) => line.startsWith(l.starts));
      if (!mapped) {
        const r = got.rows[0]!;
        error(
          { file: data.files.provision, line: r.sourceAt.line, col: r.sourceAt.col },
          "unknown-source",
          `source line ${JSON.stringify(line.slice(0, 60))} of ${id} matches no entry of the crosswalk's sourceLines`,
        );
        return;
      }
      inputs.push({
        input,
        shares: got.shares,
        year: Math.max(...years),
        source: mapped.source,
        total,
        scale: total > 100 ? 100 / total : 1,
      });
    });
    if (inputs.length !== entry.inputs.length) continue;
    const weight = (i: (typeof inputs)[number]) => (inputs.length > 1 ? i.input.marketUsd! : 1);
    const totalWeight = inputs.reduce((s, i) => s + weight(i), 0);
    const byActor = new Map<string, { share: number; parts: string[]; from: Set<string> }>();
    const rest = new Map<string, number>();
    let unknown = false;
    for (const i of inputs) {
      const w = weight(i) / totalWeight;
      for (const c of i.shares) {
        const v = (w * c.share * i.scale) / 100;
        const actor = actorOf(c.name, x.regions, byIso3, rowActor ?? "ROW");
        if (actor === undefined) {
          const p = [...data.providers.values()].find(
            (q) => q.name === c.name || q.country === c.name,
          );
          error(
            p ? { file: data.files.providers, line: p.at.line, col: p.at.col } : where(gpath),
            "unknown-region",
            `provider ${JSON.stringify(c.name)} (in ${i.input.id}) is a region that spans several actors; the crosswalk's regions must map it`,
          );
          unknown = true;
          continue;
        }
        if (v === 0) continue;
        if (actor === rowActor && !byIso3.has(c.name))
          rest.set(c.name, (rest.get(c.name) ?? 0) + v);
        if (actor === rowActor) continue;
        const a = byActor.get(actor) ?? { share: 0, parts: [], from: new Set<string>() };
        a.share += v;
        a.from.add(i.input.id);
        const of = inputs.length > 1 ? ` of USD ${usd(i.input.marketUsd!)}` : "";
        a.parts.push(
          `${i.input.id} ${i.input.name} ${fmt(c.share)}%${of} (${i.year}, provision.csv line ${c.lines.join("+")})`,
        );
        byActor.set(actor, a);
      }
      if (i.total < 100)
        rest.set("unassigned", (rest.get("unassigned") ?? 0) + (w * (100 - i.total)) / 100);
    }
    if (unknown) continue;
    const year = Math.max(...inputs.map((i) => i.year));
    const norm = (from: Set<string>) => {
      const scaled = inputs.filter((i) => i.scale !== 1 && from.has(i.input.id));
      return scaled
        .map(
          (i) =>
            `; ${i.input.id}'s country shares add up to ${fmt(i.total)}%, each divided by ${fmt(i.total / 100, 4)}`,
        )
        .join("");
    };
    const cites = [...new Set(inputs.map((i) => i.source))].join(", ");
    const head =
      inputs.length > 1
        ? `ETO, ${inputs.length} inputs weighted by market size (USD ${usd(totalWeight)}): `
        : "ETO ";
    const goodRows: ImportedRow[] = [];
    const sorted = [...byActor.entries()]
      .map(([actor, a]) => ({ actor, share: round(a.share), parts: a.parts, from: a.from }))
      .filter((a) => a.share > 0)
      .sort((a, b) => b.share - a.share || a.actor.localeCompare(b.actor));
    for (const a of sorted) {
      const firms = firmsOf(
        data,
        inputs.map((i) => i.input.id),
        a.actor,
        x.regions,
        byIso3,
        rowActor ?? "ROW",
      );
      goodRows.push({
        good,
        actor: a.actor,
        share: a.share,
        source: entry.source,
        year,
        note: `${head}${a.parts.join("; ")}${firms ? `; firms: ${firms}` : ""}${norm(a.from)} [${cites}]`,
      });
    }
    const left = round(1 - goodRows.reduce((s, r) => s + r.share, 0));
    if (left > 0 && rowActor) {
      const named = [...rest.entries()]
        .filter(([, v]) => fmt(100 * v, 2) !== "0")
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([n, v]) => `${n} ${fmt(100 * v, 2)}%`);
      goodRows.push({
        good,
        actor: rowActor,
        share: left,
        source: entry.source,
        year,
        note: `remainder to 1: ${named.length ? named.join(", ") : "rounding"} (countries that are not actors of the world, ETO's "various", and what ETO leaves unassigned) [${cites}]`,
      });
    }
    for (const [actor, r] of Object.entries(entry.ranges ?? {})) {
      const row = goodRows.find((g) => g.actor === actor);
      const at = where([...gpath, "ranges", actor]);
      if (!row) {
        error(
          at,
          "unknown-id",
          `${actor} has no imported share of ${good} for this range to apply to`,
        );
        continue;
      }
      if (!(r.low <= row.share && row.share <= r.high)) {
        error(
          at,
          "out-of-range",
          `the imported share of ${actor} in ${good} is ${row.share}, outside this range ${r.low}–${r.high}`,
        );
        continue;
      }
      row.low = r.low;
      row.high = r.high;
      if (r.dist) row.dist = r.dist;
      row.note += `; range: ${r.note}`;
    }
    rows.push(...goodRows);
    const gr: GoodReport = {
      good,
      inputs: inputs.map((i) => {
        const ir: InputReport = {
          id: i.input.id,
          name: i.input.name,
          year: i.year,
          source: i.source,
          total: i.total,
        };
        if (i.input.marketUsd !== undefined) ir.marketUsd = i.input.marketUsd;
        return ir;
      }),
      rows: goodRows.length,
      rest: [...rest.entries()].map(([name, share]) => ({ name, share })),
    };
    if (inputs.length > 1) gr.marketUsd = totalWeight;
    report.push(gr);
  }
  if (issues.some((i) => i.severity === "error")) return { issues };
  return { result: { rows, report }, issues };
}

/** The country shares ETO gives for an input, with the provision rows they come from. */
function sharesOf(
  data: EtoDataset,
  input: string,
): { shares: CountryShare[]; rows: EtoProvision[] } {
  const rows = data.provision.filter((r) => r.input === input && r.share !== undefined);
  const countries = rows.filter((r) => data.providers.get(r.provider)?.type === "country");
  const used = countries.length > 0 ? countries : rows;
  const by = new Map<string, CountryShare>();
  for (const r of used) {
    const p = data.providers.get(r.provider)!;
    const name = p.type === "country" ? p.name : p.country;
    const c = by.get(name) ?? { name, share: 0, lines: [] };
    c.share += r.share!;
    c.lines.push(r.line);
    by.set(name, c);
  }
  return { shares: [...by.values()], rows: used };
}

function actorOf(
  name: string,
  regions: Record<string, string | null>,
  byIso3: Map<string, string>,
  row: string,
): string | undefined {
  if (name in regions) return regions[name] ?? undefined;
  const a = byIso3.get(name);
  if (a) return a;
  return /^[A-Z]{3}$/.test(name) ? row : undefined;
}

/** The firms of `actor` that provide any of `inputs`, largest first (at most six). */
function firmsOf(
  data: EtoDataset,
  inputs: string[],
  actor: string,
  regions: Record<string, string | null>,
  byIso3: Map<string, string>,
  row: string,
): string {
  const size = new Map<string, number>();
  for (const r of data.provision) {
    if (!inputs.includes(r.input)) continue;
    const p = data.providers.get(r.provider)!;
    if (p.type !== "organization" || actorOf(p.country, regions, byIso3, row) !== actor) continue;
    if (r.share === 0) continue;
    const w = (data.inputs.get(r.input)?.marketUsd ?? 1) * (r.share ?? 0);
    size.set(p.name, (size.get(p.name) ?? 0) + w);
  }
  return [...size.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 6)
    .map(([n]) => n)
    .join(", ");
}

/** Input → every input it is (transitively) a type of. */
function ancestors(data: EtoDataset): Map<string, Set<string>> {
  const parent = new Map<string, string[]>();
  for (const s of data.sequence)
    if (s.isTypeOf) parent.set(s.input, [...(parent.get(s.input) ?? []), s.isTypeOf]);
  const out = new Map<string, Set<string>>();
  for (const id of data.inputs.keys()) {
    const seen = new Set<string>();
    const stack = [...(parent.get(id) ?? [])];
    while (stack.length > 0) {
      const p = stack.pop()!;
      if (seen.has(p)) continue;
      seen.add(p);
      stack.push(...(parent.get(p) ?? []));
    }
    out.set(id, seen);
  }
  return out;
}

function fmt(v: number, digits = 1): string {
  return String(Number(v.toFixed(digits)));
}

function usd(v: number): string {
  return v >= 1e9 ? `${fmt(v / 1e9, 3)} bn` : `${fmt(v / 1e6, 1)} m`;
}
