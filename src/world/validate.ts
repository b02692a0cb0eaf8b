/**
 * Checks of a whole world that a schema cannot express: ids that resolve, numbers in range,
 * supplier shares that add up to world output, demand shares that add up, recipes that are
 * productive, sources that exist. Returns every problem found, placed at file:line:col.
 * @module
 */
import { formatPath, type Issue } from "../diagnostics/issue.js";
import { realise } from "../run/realise.js";
import type { Assembled } from "./assemble.js";
import { figuresOf, type Range } from "./figures.js";
import { bounds, central, distributionProblem } from "./quantity.js";
import { coefficients, intermediateUse, unproductiveCycles } from "./recipes.js";
import type { World } from "./schema.js";
import { supplierShare } from "./shares.js";
import { checkControls } from "./validate-controls.js";

/** Supplier shares of a good, and final-demand shares, must add up to 1 within this. */
export const SHARE_TOLERANCE = 0.01;

export function validateWorld({ world, locate, fromTop, pathOf }: Assembled): Issue[] {
  const issues: Issue[] = [];
  const report = (
    severity: Issue["severity"],
    code: string,
    path: PropertyKey[],
    message: string,
  ) => {
    // The path as the user wrote it: a patch's own item, not the merged world's index.
    const issue: Issue = {
      severity,
      code,
      path: formatPath(pathOf ? pathOf(path) : path),
      message,
    };
    const at = locate(path);
    if (at) issue.at = at;
    issues.push(issue);
  };
  const error = (code: string, path: PropertyKey[], message: string) =>
    report("error", code, path, message);

  const actors = new Map(world.actors.map((a) => [a.id, a]));
  const goods = new Map(world.goods.map((g) => [g.id, g]));
  const groups = new Set(world.groups.map((g) => g.id));
  const firms = new Set(world.firms.map((f) => f.id));
  const sources = new Set(world.sources.map((s) => s.id));

  const actorRef = (path: PropertyKey[], id: string, producer = false) => {
    const a = actors.get(id);
    if (!a)
      error(
        "unknown-id",
        path,
        `unknown actor ${JSON.stringify(id)}; expected one of the ids in actors`,
      );
    else if (producer && a.kind === "bloc")
      error(
        "bloc-not-allowed",
        path,
        `${id} is a bloc; expected a state or aggregate (give its members' rows instead)`,
      );
  };
  const goodRef = (path: PropertyKey[], id: string) => {
    if (!goods.has(id))
      error(
        "unknown-id",
        path,
        `unknown good ${JSON.stringify(id)}; expected one of the ids in goods`,
      );
  };

  world.actors.forEach((a, i) => {
    if (a.kind === "bloc") {
      if (!a.members || a.members.length === 0)
        error(
          "bloc-members",
          ["actors", i, "members"],
          `bloc ${a.id} has no members; expected a list of state ids`,
        );
      (a.members ?? []).forEach((m, j) => {
        const member = actors.get(m);
        if (!member)
          error(
            "unknown-id",
            ["actors", i, "members", j],
            `unknown member ${JSON.stringify(m)} of bloc ${a.id}; expected a state id`,
          );
        else if (member.kind !== "state")
          error(
            "bloc-members",
            ["actors", i, "members", j],
            `member ${m} of bloc ${a.id} is a ${member.kind}; expected a state`,
          );
      });
    } else if (a.members) {
      error(
        "bloc-members",
        ["actors", i, "members"],
        `${a.id} is a ${a.kind}, not a bloc; only blocs have members`,
      );
    }
  });
  world.groups.forEach((g, i) =>
    g.members.forEach((m, j) => actorRef(["groups", i, "members", j], m)),
  );
  world.goods.forEach((g, i) => {
    const seen = new Set<string>();
    (g.recipe ?? []).forEach((r, j) => {
      goodRef(["goods", i, "recipe", j, "input"], r.input);
      if (seen.has(r.input))
        error(
          "duplicate",
          ["goods", i, "recipe", j, "input"],
          `input ${r.input} is listed twice in the recipe of ${g.id}`,
        );
      seen.add(r.input);
    });
  });
  world.suppliers.forEach((s, i) => {
    goodRef(["suppliers", i, "good"], s.good);
    actorRef(["suppliers", i, "actor"], s.actor, true);
    if ((s.share === undefined) === (s.output === undefined)) {
      error(
        "schema",
        ["suppliers", i],
        `expected exactly one of share and output, found ${s.share === undefined ? "neither" : "both"}`,
      );
    }
  });
  world.demand.forEach((d, i) => {
    goodRef(["demand", i, "good"], d.good);
    actorRef(["demand", i, "actor"], d.actor, true);
  });
  world.flows.forEach((f, i) => {
    goodRef(["flows", i, "good"], f.good);
    actorRef(["flows", i, "from"], f.from, true);
    actorRef(["flows", i, "to"], f.to, true);
    if (f.from === f.to)
      error(
        "self-flow",
        ["flows", i, "to"],
        `a flow from ${f.from} to itself; expected two different actors`,
      );
  });
  world.firms.forEach((f, i) => {
    actorRef(["firms", i, "actor"], f.actor);
    (f.goods ?? []).forEach((g, j) => goodRef(["firms", i, "goods", j], g));
  });
  world.headlines.forEach((h, i) => {
    const m = h.metric;
    if (m.kind === "supplier-share") {
      m.actors.forEach((a, j) => actorRef(["headlines", i, "metric", "actors", j], a));
      m.goods.forEach((g, j) => goodRef(["headlines", i, "metric", "goods", j], g));
    } else if (m.kind === "firm-valuation-ratio") {
      for (const k of ["numerator", "denominator"] as const) {
        if (!firms.has(m[k]))
          error(
            "unknown-id",
            ["headlines", i, "metric", k],
            `unknown firm ${JSON.stringify(m[k])}`,
          );
      }
    } else if (m.kind === "trade-balance") {
      actorRef(["headlines", i, "metric", "exporter"], m.exporter);
      actorRef(["headlines", i, "metric", "partner"], m.partner);
      m.goods.forEach((g, j) => goodRef(["headlines", i, "metric", "goods", j], g));
    } else if (!groups.has(m.group)) {
      error(
        "unknown-id",
        ["headlines", i, "metric", "group"],
        `unknown group ${JSON.stringify(m.group)}`,
      );
    }
    if (h.tolerance[0] > h.tolerance[1])
      error(
        "range",
        ["headlines", i, "tolerance"],
        `expected [low, high] with low <= high, found [${h.tolerance.join(", ")}]`,
      );
  });

  checkSources(world, sources, error);
  checkControls(world, report);
  const rangeErrors = checkRanges(world, error);
  if (rangeErrors === 0 && !issues.some((i) => i.code === "unknown-id"))
    checkBalances(world, error, fromTop);
  for (const f of figuresOf(world)) {
    if (f.source === undefined || f.year === undefined) {
      const missing =
        f.source === undefined
          ? f.year === undefined
            ? "a source and a year"
            : "a source"
          : "a year";
      report(
        "warning",
        "unsourced",
        [...f.path],
        `figure has no ${missing}; give them on the figure or on the item that holds it`,
      );
    }
  }
  return issues;
}

type ErrorFn = (code: string, path: PropertyKey[], message: string) => void;

function checkSources(world: World, sources: Set<string>, error: ErrorFn) {
  const check = (path: PropertyKey[], id: string | undefined) => {
    if (id !== undefined && !sources.has(id))
      error("unknown-source", path, `source ${JSON.stringify(id)} is not defined in sources`);
  };
  for (const c of ["actors", "groups", "goods", "suppliers", "demand", "flows", "firms"] as const) {
    (world[c] as { source?: string }[]).forEach((item, i) => check([c, i, "source"], item.source));
  }
  for (const f of figuresOf(world)) {
    if (typeof f.quantity !== "number") check([...f.path, "source"], f.quantity.source);
  }
  world.goods.forEach((g, i) => check(["goods", i, "tradeCodes", "source"], g.tradeCodes?.source));
  world.sources.forEach((s, i) =>
    (s.from ?? []).forEach((id, j) => check(["sources", i, "from", j], id)),
  );
}

const RANGE_TEXT: Record<Range, string> = {
  nonneg: "a number >= 0",
  positive: "a number > 0",
  unit: "a share between 0 and 1",
  "positive-unit": "a share above 0 and at most 1",
};

function inRange(v: number, range: Range): boolean {
  switch (range) {
    case "nonneg":
      return v >= 0;
    case "positive":
      return v > 0;
    case "unit":
      return v >= 0 && v <= 1;
    case "positive-unit":
      return v > 0 && v <= 1;
  }
}

function checkRanges(world: World, error: ErrorFn): number {
  let count = 0;
  for (const f of figuresOf(world)) {
    const problem = distributionProblem(f.quantity);
    if (problem) {
      error("distribution", [...f.path], problem);
      count++;
      continue;
    }
    const value = central(f.quantity);
    const [lo, hi] = bounds(f.quantity);
    const bad = !inRange(value, f.range)
      ? value
      : !inRange(lo, f.range)
        ? lo
        : Number.isFinite(hi) && !inRange(hi, f.range)
          ? hi
          : undefined;
    if (bad !== undefined) {
      error("range", [...f.path], `expected ${RANGE_TEXT[f.range]}, found ${bad}`);
      count++;
    }
  }
  return count;
}

/** Supplier shares, demand shares and recipes against world output. */
function checkBalances(world: World, error: ErrorFn, fromTop: Assembled["fromTop"]) {
  /** The row a sum problem is reported at: the last one the top-level document gave. */
  const blame = (collection: "suppliers" | "demand", rows: number[]) =>
    [...rows].reverse().find((r) => fromTop([collection, r])) ?? rows[rows.length - 1]!;
  const listing = (parts: [string, number][]) =>
    parts.map(([id, v]) => `${id} ${round(v)}`).join(", ");
  // The balances are checked at central values, on the world as the model reads it.
  const real = realise(world);
  const use = intermediateUse(real);
  const { ids, a } = coefficients(real);
  const n = ids.length;
  world.goods.forEach((g, i) => {
    const rows = world.suppliers.flatMap((s, k) => (s.good === g.id ? [k] : []));
    const parts = rows.map((k): [string, number] => [
      world.suppliers[k]!.actor,
      supplierShare(real.suppliers[k]!, real.goods[i]!),
    ]);
    const total = parts.reduce((sum, [, v]) => sum + v, 0);
    if (rows.length === 0) {
      error(
        "no-suppliers",
        ["goods", i, "id"],
        `good ${g.id} has no suppliers; expected rows in suppliers whose shares add up to 1`,
      );
    } else if (Math.abs(total - 1) > SHARE_TOLERANCE) {
      error(
        "shares-sum",
        ["suppliers", blame("suppliers", rows), "share"],
        `supplier shares of ${g.id} add up to ${round(total)} of world output (${listing(parts)}); expected 1 ± ${SHARE_TOLERANCE}`,
      );
    }
    const output = central(g.globalOutput);
    const final = output - use[i]!;
    if (final < -SHARE_TOLERANCE * output) {
      const users = world.goods
        .map((u, j): [string, number] => [u.id, a[i * n + j]! * central(u.globalOutput)])
        .filter(([, v]) => v > 0)
        .sort((x, y) => y[1] - x[1]);
      error(
        "over-used",
        ["goods", i, "globalOutput"],
        `recipes use ${round(use[i]!)} ${g.unit} of ${g.id} per year (${listing(users)}) but world output is ${round(output)}; expected output to cover intermediate use`,
      );
    }
    const demandRows = world.demand.flatMap((d, k) => (d.good === g.id ? [k] : []));
    const sum = demandRows.reduce((t, k) => t + central(world.demand[k]!.share), 0);
    if (demandRows.length > 0 && sum > 1 + SHARE_TOLERANCE) {
      error(
        "shares-sum",
        ["demand", blame("demand", demandRows), "share"],
        `final-demand shares of ${g.id} add up to ${round(sum)}; expected at most 1`,
      );
    } else if (
      final > SHARE_TOLERANCE * output &&
      g.demandBy === undefined &&
      Math.abs(sum - 1) > SHARE_TOLERANCE
    ) {
      const path: PropertyKey[] =
        demandRows.length > 0
          ? ["demand", blame("demand", demandRows), "share"]
          : ["goods", i, "id"];
      error(
        "shares-sum",
        path,
        `final-demand shares of ${g.id} add up to ${round(sum)}; expected 1 ± ${SHARE_TOLERANCE}, or demandBy on the good to share the rest`,
      );
    }
  });
  for (const cycle of unproductiveCycles(real)) {
    const i = world.goods.findIndex((g) => g.id === cycle.goods[0]);
    error(
      "unproductive",
      ["goods", i, "recipe"],
      `recipes of ${cycle.goods.join(", ")} form a cycle with spectral radius ${round(cycle.radius)}; expected below 1, so that every good can be produced`,
    );
  }
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
