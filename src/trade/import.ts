/**
 * Recorded bilateral trade (BACI) → `flows` rows of levier's goods. Each HS6 product goes to the
 * goods whose HS code (tradeCodes) is its longest prefix; where several goods share that code,
 * each trade value is split among them by the exporter's output value of each (its supplier
 * share × world output × price; the world's where the exporter makes none of them). Exporters
 * and importers are actors by ISO alpha-3 (countries that are not actors are ROW; trade within
 * ROW is left out), values are converted to the good's units at its price (central values), and
 * each row cites the trade source, the year and the HS6 products it sums. Pure: no I/O.
 * @module
 */
import type { Issue } from "../diagnostics/issue.js";
import { central } from "../world/quantity.js";
import type { World } from "../world/schema.js";
import { hsCodesOf } from "../world/trade-codes.js";
import type { BaciTrade } from "./baci.js";

export interface FlowRow {
  good: string;
  from: string;
  to: string;
  /** Units of the good per year. */
  volume: number;
  source: string;
  year: number;
  note: string;
}

export interface TradeOptions {
  year?: number;
  edition: 2017 | 2022;
  /** The source id the rows cite (defined in the world). */
  source: string;
}

export interface TradeReport {
  year: number;
  /** USD of the trade file's rows in that year, and of those that went to goods. */
  totalUsd: number;
  matchedUsd: number;
  /** Per good: USD of recorded trade and the HS6 products it came from. */
  goods: { good: string; usd: number; products: string[]; rows: number }[];
}

/** Volumes are written with this many significant digits. */
const DIGITS = 6;

export function importTrade(
  trade: BaciTrade,
  world: World,
  opts: TradeOptions,
): { result?: { rows: FlowRow[]; report: TradeReport }; issues: Issue[] } {
  const issues: Issue[] = [];
  const fail = (code: string, message: string, at?: Issue["at"]) => {
    const i: Issue = { severity: "error", code, message };
    if (at) i.at = at;
    issues.push(i);
    return { issues };
  };
  if (!world.sources.some((s) => s.id === opts.source))
    return fail(
      "unknown-source",
      `source ${JSON.stringify(opts.source)} is not defined in the world's sources`,
    );
  const years = [...new Set(trade.rows.map((r) => r.year))].sort();
  const year = opts.year ?? (years.length === 1 ? years[0] : undefined);
  if (year === undefined)
    return fail(
      "ambiguous-year",
      years.length === 0
        ? "the trade file has no rows"
        : `the trade file holds the years ${years.join(", ")}; pick one with --year`,
      { file: trade.file, line: 1, col: 1 },
    );
  if (!years.includes(year))
    return fail(
      "unknown-year",
      `the trade file has no rows for ${year}; it holds ${years.join(", ")}`,
      {
        file: trade.file,
        line: 1,
        col: 1,
      },
    );
  const row = world.actors.find((a) => a.kind === "aggregate")?.id ?? "ROW";
  const actorOf = new Map<string, string>();
  for (const a of world.actors) if (a.kind === "state" && a.iso3) actorOf.set(a.iso3, a.id);
  // HS code → goods naming it.
  const byCode = new Map<string, string[]>();
  for (const g of world.goods)
    for (const c of hsCodesOf(g.tradeCodes, opts.edition))
      byCode.set(c, [...(byCode.get(c) ?? []), g.id]);
  const goodsOf = (hs6: string): string[] | undefined => {
    for (let n = 6; n >= 2; n -= 2) {
      const g = byCode.get(hs6.slice(0, n));
      if (g) return g;
    }
    return undefined;
  };
  const goods = new Map(world.goods.map((g) => [g.id, g]));
  const price = (id: string) => central(goods.get(id)!.pricePerUnit);
  const outputValue = new Map<string, number>();
  for (const s of world.suppliers) {
    const g = goods.get(s.good);
    if (!g) continue;
    const out =
      s.output !== undefined ? central(s.output) : central(s.share ?? 0) * central(g.globalOutput);
    const key = `${s.good}|${s.actor}`;
    outputValue.set(key, (outputValue.get(key) ?? 0) + out * price(s.good));
  }
  const worldValue = (id: string) => central(goods.get(id)!.globalOutput) * price(id);
  const flows = new Map<string, { usd: number; products: Map<string, number> }>();
  const report = new Map<string, { usd: number; products: Set<string>; rows: number }>();
  let totalUsd = 0;
  let matchedUsd = 0;
  for (const r of trade.rows) {
    if (r.year !== year) continue;
    const usd = r.value * 1000;
    totalUsd += usd;
    const among = goodsOf(r.product);
    if (!among) continue;
    const from = actorOf.get(trade.iso3.get(r.exporter)!) ?? row;
    const to = actorOf.get(trade.iso3.get(r.importer)!) ?? row;
    if (from === to) continue;
    matchedUsd += usd;
    const own = among.map((g) => outputValue.get(`${g}|${from}`) ?? 0);
    const sum = own.reduce((s, v) => s + v, 0);
    const weights = sum > 0 ? own : among.map(worldValue);
    const wsum = weights.reduce((s, v) => s + v, 0);
    among.forEach((g, k) => {
      const part = wsum > 0 ? (usd * weights[k]!) / wsum : usd / among.length;
      if (part === 0) return;
      const key = `${g}|${from}|${to}`;
      const f = flows.get(key) ?? { usd: 0, products: new Map<string, number>() };
      f.usd += part;
      f.products.set(r.product, (f.products.get(r.product) ?? 0) + part);
      flows.set(key, f);
      const gr = report.get(g) ?? { usd: 0, products: new Set<string>(), rows: 0 };
      gr.usd += part;
      gr.products.add(r.product);
      report.set(g, gr);
    });
  }
  const order = new Map(world.goods.map((g, i) => [g.id, i]));
  const rows: FlowRow[] = [...flows.entries()]
    .map(([key, f]) => {
      const [good, from, to] = key.split("|") as [string, string, string];
      const products = [...f.products.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([p, v]) => `${p} USD ${money(v)}`);
      const shared = goodsOf([...f.products.keys()][0]!)!.length > 1;
      return {
        good,
        from,
        to,
        volume: Number((f.usd / price(good)).toPrecision(DIGITS)),
        source: opts.source,
        year,
        note: `BACI HS${opts.edition % 100} ${year}: ${products.join(", ")}${shared ? " (a code shared with other goods, split by the exporter's output value)" : ""}; at USD ${price(good)} per unit`,
      };
    })
    .sort(
      (a, b) =>
        order.get(a.good)! - order.get(b.good)! ||
        a.from.localeCompare(b.from) ||
        a.to.localeCompare(b.to),
    );
  for (const r of rows) {
    const gr = report.get(r.good);
    if (gr) gr.rows++;
  }
  return {
    result: {
      rows,
      report: {
        year,
        totalUsd,
        matchedUsd,
        goods: [...report.entries()]
          .sort((a, b) => order.get(a[0])! - order.get(b[0])!)
          .map(([good, g]) => ({
            good,
            usd: g.usd,
            products: [...g.products].sort(),
            rows: g.rows,
          })),
      },
    },
    issues,
  };
}

function money(usd: number): string {
  if (usd >= 1e9) return `${Number((usd / 1e9).toPrecision(4))} bn`;
  if (usd >= 1e6) return `${Number((usd / 1e6).toPrecision(4))} m`;
  return `${Number((usd / 1e3).toPrecision(4))} k`;
}
