/**
 * Checks of a game specification that need the world: players that exist, strategy ids that
 * resolve, and every measure checked as in a scenario, with errors at file:line:col.
 * @module
 */
import { formatPath, type Issue } from "../diagnostics/issue.js";
import type { RuleBook } from "../diffusion/rules.js";
import type { LocatedDoc } from "../parse/located.js";
import { checkScenario } from "../scenario/load.js";
import type { World } from "../world/schema.js";
import type { GameSpec } from "./schema.js";

/** `rules`: the rule book that `adopts` and conditional_access measures name (their ids are
 * checked against it; without one, naming a rule is an error). */
export function checkGameSpec(
  spec: GameSpec,
  world: World,
  doc: LocatedDoc,
  rules?: RuleBook,
): Issue[] {
  const issues: Issue[] = [];
  const error = (path: PropertyKey[], code: string, message: string) =>
    issues.push({ severity: "error", code, at: doc.locate(path), path: formatPath(path), message });
  const actors = new Set(world.actors.map((a) => a.id));
  const players = spec.players.map((p) => p.actor);
  spec.players.forEach((p, i) => {
    if (!actors.has(p.actor))
      error(["players", i, "actor"], "unknown-id", `unknown actor ${JSON.stringify(p.actor)}`);
    if (players.indexOf(p.actor) !== i)
      error(["players", i, "actor"], "duplicate", `${p.actor} is already a player`);
    const ids = p.strategies.map((s) => s.id);
    ids.forEach((id, j) => {
      if (ids.indexOf(id) !== j)
        error(
          ["players", i, "strategies", j, "id"],
          "duplicate",
          `strategy ${JSON.stringify(id)} is listed twice for ${p.actor}`,
        );
    });
  });
  const strategyOf = (actor: string, id: string, path: PropertyKey[]) => {
    const p = spec.players.find((x) => x.actor === actor);
    if (p && !p.strategies.some((s) => s.id === id))
      error(
        path,
        "unknown-id",
        `${actor} has no strategy ${JSON.stringify(id)}; expected one of ${p.strategies.map((s) => s.id).join(", ")}`,
      );
  };
  if (spec.sequential) {
    const s = spec.sequential;
    if (spec.players.length !== 2)
      error(
        ["sequential"],
        "schema",
        `a threat sequence needs exactly two players, found ${spec.players.length}`,
      );
    for (const k of ["threatener", "target"] as const) {
      if (!players.includes(s[k]))
        error(
          ["sequential", k],
          "unknown-id",
          `${s[k]} is not a player; expected ${players.join(" or ")}`,
        );
    }
    if (s.threatener === s.target)
      error(["sequential", "target"], "schema", "the target must be the other player");
    strategyOf(s.threatener, s.idle, ["sequential", "idle"]);
    strategyOf(s.threatener, s.threat, ["sequential", "threat"]);
    strategyOf(s.target, s.comply, ["sequential", "comply"]);
    strategyOf(s.target, s.resist, ["sequential", "resist"]);
  }
  if (spec.bargaining) {
    const b = spec.bargaining;
    if (!b.deals && !b.profiles)
      error(
        ["bargaining"],
        "schema",
        "expected deals, or profiles: true (every strategy profile a feasible deal)",
      );
    if (b.disagreement.length !== spec.players.length)
      error(
        ["bargaining", "disagreement"],
        "schema",
        `expected one strategy per player (${players.join(", ")}), found ${b.disagreement.length}`,
      );
    b.disagreement.forEach((id, i) => {
      if (players[i]) strategyOf(players[i]!, id, ["bargaining", "disagreement", i]);
    });
    (b.deals ?? []).forEach((d, j) => {
      if (d.strategies.length !== spec.players.length)
        error(
          ["bargaining", "deals", j, "strategies"],
          "schema",
          `expected one strategy per player (${players.join(", ")}), found ${d.strategies.length}`,
        );
      d.strategies.forEach((id, i) => {
        if (players[i]) strategyOf(players[i]!, id, ["bargaining", "deals", j, "strategies", i]);
      });
    });
  }
  spec.jointStakes?.forEach((j, i) => {
    for (const [actor, ids] of Object.entries(j.when)) {
      if (!players.includes(actor)) {
        error(
          ["jointStakes", i, "when", actor],
          "unknown-id",
          `${actor} is not a player; expected one of ${players.join(", ")}`,
        );
        continue;
      }
      ids.forEach((id, k) => strategyOf(actor, id, ["jointStakes", i, "when", actor, k]));
    }
    for (const actor of Object.keys(j.stakes))
      if (!players.includes(actor))
        error(
          ["jointStakes", i, "stakes", actor],
          "unknown-id",
          `${actor} is not a player; expected one of ${players.join(", ")}`,
        );
  });
  if (spec.leverage) {
    const l = spec.leverage;
    if (!players.includes(l.actor))
      error(
        ["leverage", "actor"],
        "unknown-id",
        `${l.actor} is not a player; expected one of ${players.join(", ")}`,
      );
    const goods = new Set(world.goods.map((g) => g.id));
    l.levels.forEach((level, i) => {
      level.goods.forEach((g, k) => {
        if (!goods.has(g))
          error(
            ["leverage", "levels", i, "goods", k],
            "unknown-id",
            `unknown good ${JSON.stringify(g)}; expected one of the ids in goods`,
          );
      });
    });
    const p = spec.players.find((x) => x.actor === l.actor);
    if (p && !p.strategies.some((s) => s.measures.some((m) => m.type === "conditional_access")))
      error(
        ["leverage", "actor"],
        "no-conditional-access",
        `${l.actor} has no conditional_access measure whose goods the levels could vary`,
      );
  }
  // Rules that `adopts` and conditional_access measures name.
  const ruleIds = new Set((rules?.rules ?? []).map((r) => r.id));
  const ruleAt = (id: string, path: PropertyKey[]) => {
    if (ruleIds.has(id)) return;
    error(
      path,
      rules ? "unknown-id" : "no-rules",
      rules
        ? `unknown rule ${JSON.stringify(id)}; expected one of ${[...ruleIds].join(", ")}`
        : "a rule needs a rule book (data/diffusion/rules.yaml, or --rules FILE)",
    );
  };
  spec.players.forEach((p, i) =>
    p.strategies.forEach((s, j) => {
      s.adopts?.forEach((r, k) => ruleAt(r, ["players", i, "strategies", j, "adopts", k]));
      s.measures.forEach((m, k) => {
        if (m.type === "conditional_access")
          ruleAt(m.rule, ["players", i, "strategies", j, "measures", k, "rule"]);
      });
    }),
  );
  // Every measure, checked as the measures of one scenario.
  const where: PropertyKey[][] = [];
  const measures = [
    ...spec.players.flatMap((p, i) =>
      p.strategies.flatMap((s, j) =>
        s.measures.map((m, k) => {
          where.push(["players", i, "strategies", j, "measures", k]);
          return m;
        }),
      ),
    ),
    ...(spec.bargaining?.deals ?? []).flatMap((d, j) =>
      d.measures.map((m, k) => {
        where.push(["bargaining", "deals", j, "measures", k]);
        return m;
      }),
    ),
  ];
  const view: LocatedDoc = {
    file: doc.file,
    value: undefined,
    locate: (path) => {
      const [head, i, ...rest] = path;
      if (head === "measures" && typeof i === "number" && where[i])
        return doc.locate([...where[i]!, ...rest]);
      return doc.locate(path);
    },
  };
  const scenario = {
    name: spec.name,
    horizon: spec.horizon,
    measures,
    ...(spec.groups ? { groups: spec.groups } : {}),
  };
  for (const issue of checkScenario(scenario, world, view)) {
    const m = /^measures\[(\d+)\](.*)$/.exec(issue.path ?? "");
    issues.push(m ? { ...issue, path: `${formatPath(where[Number(m[1])]!)}${m[2]}` } : issue);
  }
  return issues;
}
