/**
 * A firm-level network from two tables, run by the same engine as the country-level world:
 *
 * - `nodes.csv`: `id, actor, good, final` and optionally `capacity` and `stock_months` — one
 *   firm making one good of the world; `final` is what it sells to final users a month;
 * - `edges.csv`: `from, to, volume` — a supplier firm selling `volume` of its good a month to a
 *   buyer firm.
 *
 * A firm's baseline output is what it sells (its edges plus `final`). Each buyer firm gets one
 * pool per good it buys; its recipe coefficient for that good is its baseline purchases over its
 * output, with the criticality of the world's recipe for its good. Final sales go to one
 * final-demand pool per (actor, good). Unlike the pooled country world, only the listed edges
 * can carry more when buyers reorder.
 * @module
 */
import type { Issue } from "../diagnostics/issue.js";
import type { CsvTable } from "../parse/csv.js";
import { figure, type RealWorld } from "../world/realised.js";

import { finishNetwork, goodParameters, groupBy, type Network } from "./network.js";

interface Row {
  get(name: string): string | undefined;
  at(name: string): { file: string; line: number; col: number };
}

function rows(table: CsvTable): Row[] {
  const index = new Map(table.header.map((c, i) => [c.text.trim(), i]));
  return table.rows.map((cells) => ({
    get: (name) => {
      const i = index.get(name);
      const t = i === undefined ? undefined : cells[i]?.text.trim();
      return t === "" ? undefined : t;
    },
    at: (name) => {
      const cell = cells[index.get(name) ?? 0] ?? cells[0]!;
      return { file: table.file, line: cell.line, col: cell.col };
    },
  }));
}

export function firmNetwork(
  world: RealWorld,
  nodesTable: CsvTable,
  edgesTable: CsvTable,
): { network?: Network; issues: Issue[] } {
  const issues: Issue[] = [];
  const error = (r: Row, column: string, message: string) =>
    issues.push({ severity: "error", code: "network", at: r.at(column), message });
  for (const [table, required] of [
    [nodesTable, ["id", "actor", "good", "final"]],
    [edgesTable, ["from", "to", "volume"]],
  ] as const) {
    const have = new Set(table.header.map((c) => c.text.trim()));
    for (const name of required) {
      if (!have.has(name))
        issues.push({
          severity: "error",
          code: "network",
          at: { file: table.file, line: 1, col: 1 },
          message: `missing column ${JSON.stringify(name)}; expected ${required.join(", ")}`,
        });
    }
  }
  if (issues.length > 0) return { issues };

  const goods = world.goods.map((g) => g.id);
  const goodIndex = new Map(goods.map((g, i) => [g, i]));
  const actors = world.actors.filter((a) => a.kind !== "bloc").map((a) => a.id);
  const actorIndex = new Map(actors.map((a, i) => [a, i]));
  const number = (r: Row, column: string, optional = false): number | undefined => {
    const text = r.get(column);
    if (text === undefined) {
      if (!optional) error(r, column, `expected a number >= 0 in column ${column}, found nothing`);
      return undefined;
    }
    const x = Number(text);
    if (!Number.isFinite(x) || x < 0) {
      error(r, column, `expected a number >= 0, found ${JSON.stringify(text)}`);
      return undefined;
    }
    return x;
  };

  const nodeIds: string[] = [];
  const nodeRow = new Map<string, number>();
  const nodeGood: number[] = [];
  const nodeActor: number[] = [];
  const finalSales: number[] = [];
  const capacityGiven: (number | undefined)[] = [];
  const stockGiven: (number | undefined)[] = [];
  for (const r of rows(nodesTable)) {
    const id = r.get("id") ?? "";
    const actor = actorIndex.get(r.get("actor") ?? "");
    const good = goodIndex.get(r.get("good") ?? "");
    if (id === "") error(r, "id", "expected a firm id, found nothing");
    else if (nodeRow.has(id)) error(r, "id", `duplicate firm id ${JSON.stringify(id)}`);
    if (actor === undefined)
      error(
        r,
        "actor",
        `unknown actor ${JSON.stringify(r.get("actor") ?? "")}; expected a state or aggregate of the world`,
      );
    if (good === undefined)
      error(
        r,
        "good",
        `unknown good ${JSON.stringify(r.get("good") ?? "")}; expected one of the world's goods`,
      );
    const final = number(r, "final");
    capacityGiven.push(number(r, "capacity", true));
    stockGiven.push(number(r, "stock_months", true));
    nodeRow.set(id, nodeIds.length);
    nodeIds.push(id);
    nodeGood.push(good ?? 0);
    nodeActor.push(actor ?? 0);
    finalSales.push(final ?? 0);
  }
  const recipe = new Map<string, number>();
  world.goods.forEach((g, j) => {
    for (const x of g.recipe ?? [])
      recipe.set(`${j}|${goodIndex.get(x.input)}`, figure(x.criticality));
  });

  // Pools: one per (buyer firm, good bought); one per (actor, good) for final sales.
  const poolKey = new Map<string, number>();
  const poolGood: number[] = [];
  const poolActor: number[] = [];
  const poolOwner: number[] = [];
  const pool = (key: string, good: number, actor: number, owner: number) => {
    let q = poolKey.get(key);
    if (q === undefined) {
      q = poolGood.length;
      poolKey.set(key, q);
      poolGood.push(good);
      poolActor.push(actor);
      poolOwner.push(owner);
    }
    return q;
  };
  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  const edgeVolume: number[] = [];
  for (const r of rows(edgesTable)) {
    const from = nodeRow.get(r.get("from") ?? "");
    const to = nodeRow.get(r.get("to") ?? "");
    if (from === undefined)
      error(
        r,
        "from",
        `unknown firm ${JSON.stringify(r.get("from") ?? "")}; expected an id of nodes.csv`,
      );
    if (to === undefined)
      error(
        r,
        "to",
        `unknown firm ${JSON.stringify(r.get("to") ?? "")}; expected an id of nodes.csv`,
      );
    const volume = number(r, "volume");
    if (from === undefined || to === undefined || volume === undefined) continue;
    if (from === to) error(r, "to", "a firm cannot supply itself");
    const g = nodeGood[from]!;
    if (!recipe.has(`${nodeGood[to]}|${g}`)) {
      error(
        r,
        "to",
        `${r.get("to")} makes ${goods[nodeGood[to]!]}, whose recipe does not use ${goods[g]}; expected an edge the world's recipes allow`,
      );
      continue;
    }
    edgeFrom.push(from);
    edgeTo.push(pool(`f|${to}|${g}`, g, nodeActor[to]!, to));
    edgeVolume.push(volume);
  }
  finalSales.forEach((v, k) => {
    if (v > 0) {
      edgeFrom.push(k);
      edgeTo.push(pool(`d|${nodeActor[k]}|${nodeGood[k]}`, nodeGood[k]!, nodeActor[k]!, -1));
      edgeVolume.push(v);
    }
  });
  if (issues.length > 0) return { issues };

  const N = nodeIds.length;
  const Q = poolGood.length;
  const { start: edgeStart, order } = groupBy(N, Int32Array.from(edgeFrom));
  const edgePool = Int32Array.from(order, (i) => edgeTo[i]!);
  const edgeBase = Float64Array.from(order, (i) => edgeVolume[i]!);
  const output = new Float64Array(N);
  edgeFrom.forEach((f, i) => {
    output[f] += edgeVolume[i]!;
  });
  const receipts = new Float64Array(Q);
  edgeTo.forEach((q, i) => {
    receipts[q] += edgeVolume[i]!;
  });
  const poolFinal = new Float64Array(Q);
  const poolStockMonths = new Float64Array(Q);
  for (let q = 0; q < Q; q++) {
    const owner = poolOwner[q]!;
    if (owner < 0) poolFinal[q] = receipts[q]!;
    const g = world.goods[poolGood[q]!]!;
    poolStockMonths[q] =
      owner >= 0 && stockGiven[owner] !== undefined ? stockGiven[owner]! : figure(g.stockMonths);
  }
  const byOwner = new Map<number, number[]>();
  poolOwner.forEach((o, q) => {
    if (o >= 0) byOwner.set(o, [...(byOwner.get(o) ?? []), q]);
  });
  const linkStart = [0];
  const linkPool: number[] = [];
  const linkCoef: number[] = [];
  const linkCrit: number[] = [];
  for (let k = 0; k < N; k++) {
    for (const q of byOwner.get(k) ?? []) {
      linkPool.push(q);
      linkCoef.push(output[k]! > 0 ? receipts[q]! / output[k]! : 0);
      linkCrit.push(recipe.get(`${nodeGood[k]}|${poolGood[q]}`) ?? 0);
    }
    linkStart.push(linkPool.length);
  }
  const nodeCapacity = Float64Array.from(
    output,
    (x, k) => capacityGiven[k] ?? x / figure(world.goods[nodeGood[k]!]!.utilisation ?? 1),
  );
  return {
    network: finishNetwork({
      ...goodParameters(world),
      actors,
      nodeCount: N,
      nodeId: nodeIds,
      nodeGood: Int32Array.from(nodeGood),
      nodeActor: Int32Array.from(nodeActor),
      nodeCapacity,
      poolCount: Q,
      poolGood: Int32Array.from(poolGood),
      poolActor: Int32Array.from(poolActor),
      poolFinal,
      poolStockMonths,
      linkStart: Int32Array.from(linkStart),
      linkPool: Int32Array.from(linkPool),
      linkCoef: Float64Array.from(linkCoef),
      linkCrit: Float64Array.from(linkCrit),
      edgeStart,
      edgePool,
      edgeBase,
    }),
    issues: [],
  };
}
