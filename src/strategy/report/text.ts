/**
 * A game report in plain words, for `levier game solve` without `--json`: one paragraph per
 * section, each section skipped when the report has nothing for it.
 * @module
 */
import type { Rational } from "../rational.js";
import type { GameReport } from "./solve.js";

export function renderReport(r: GameReport): string {
  const sections = [
    header(r),
    r.method === "not-computed" ? [] : equilibria(r),
    r.method === "not-computed" ? [] : dominance(r),
    r.method === "not-computed" ? [] : security(r),
    subgamePerfect(r),
    threats(r),
    r.notes.map((n) => `Note: ${n}.`),
  ].filter((s) => s.length > 0);
  return `${sections.map((s) => s.join("\n")).join("\n\n")}\n`;
}

function header(r: GameReport): string[] {
  const { players, strategies } = r.game;
  const title = r.game.title === "" ? "Untitled game" : r.game.title;
  const kind = r.game.kind === "extensive" ? "an extensive-form game" : "a normal-form game";
  const out = [`${title}: ${kind} with ${players.length} player${players.length === 1 ? "" : "s"}`];
  players.forEach((p, i) => {
    const s = strategies[i];
    if (s) out.push(`  ${p}: ${s.length} strateg${s.length === 1 ? "y" : "ies"} (${s.join(", ")})`);
  });
  return out;
}

function equilibria(r: GameReport): string[] {
  const { players, strategies } = r.game;
  const n = r.equilibria.length;
  const out = [
    r.method === "extreme-equilibria"
      ? `Nash equilibria: ${n} extreme equilibri${n === 1 ? "um" : "a"} (in a degenerate game every equilibrium is a mix of extreme ones within a component)`
      : `Nash equilibria in pure strategies: ${n}`,
  ];
  r.equilibria.forEach((e, k) => {
    const plays = e.strategies.map(
      (x, p) => `${players[p]} plays ${mixed(x, strategies[p] ?? [])}`,
    );
    out.push(`  ${k + 1}. ${plays.join("; ")}. Payoffs: ${payoffs(e.payoffs, players)}.`);
  });
  if (r.method === "extreme-equilibria") {
    out.push("", `Pure-strategy equilibria: ${r.pure.length === 0 ? "none" : r.pure.length}`);
    for (const e of r.pure)
      out.push(`  ${e.profile.join(", ")} (payoffs ${payoffs(e.payoffs, players)})`);
  }
  return out;
}

function dominance(r: GameReport): string[] {
  if (r.dominance.eliminated.length === 0) return ["Dominance: no strategy is strictly dominated."];
  const out = ["Iterated elimination of strictly dominated strategies:"];
  for (const e of r.dominance.eliminated) {
    const by =
      e.kind === "pure"
        ? `"${e.by[0]?.strategy}"`
        : `the mixture ${e.by.map((b) => `${b.strategy} ${b.prob}`).join(", ")}`;
    out.push(`  round ${e.round}: ${e.player}'s "${e.strategy}" is strictly dominated by ${by}`);
  }
  const left = r.dominance.surviving.map((s, p) => `${r.game.players[p]}: ${s.join(", ")}`);
  out.push(`  left: ${left.join("; ")}`);
  return out;
}

function security(r: GameReport): string[] {
  const out = ["Security levels (what each player can guarantee whatever the others do):"];
  r.security.forEach((s, p) => {
    out.push(
      `  ${s.player}: ${s.mixed.value} with ${mixed(s.mixed.strategy, r.game.strategies[p] ?? [])}; ` +
        `${s.pure.value} with a pure strategy (${s.pure.strategies.join(" or ")})`,
    );
  });
  return out;
}

function subgamePerfect(r: GameReport): string[] {
  if (r.subgamePerfect === null)
    return ["Subgame-perfect equilibrium: not computed (the game has imperfect information)."];
  if (!r.subgamePerfect) return [];
  const spe = r.subgamePerfect;
  const out = [
    `Subgame-perfect equilibrium (backward induction): payoffs ${payoffs(spe.payoffs, r.game.players)}`,
  ];
  for (const c of spe.choices) {
    const tie =
      c.best.length > 1
        ? ` (tie with ${c.best.filter((b) => b !== c.action).join(", ")}; the first is taken)`
        : "";
    const off = c.onPath ? "" : " [off the equilibrium path]";
    out.push(`  ${where(c.path)}, ${c.player} chooses ${c.action}${tie}${off}`);
  }
  return out;
}

function threats(r: GameReport): string[] {
  if (!r.threats || r.threats.length === 0) return [];
  const out = [
    "Threats and promises (credible = the mover would really do it if the node were reached):",
  ];
  for (const t of r.threats) {
    const spePayoff = t.actions.find((x) => x.action === t.subgamePerfectAction)?.payoff;
    for (const a of t.actions) {
      if (a.action === t.subgamePerfectAction) continue;
      const verdict = a.credible ? "credible (a best response there too)" : "NOT credible";
      out.push(
        `  ${where(t.path)}, a plan by ${t.player} to choose ${a.action} is ${verdict}: ` +
          `it gives ${t.player} ${a.payoff}, against ${spePayoff} from ${t.subgamePerfectAction}`,
      );
    }
  }
  return out;
}

function where(path: readonly string[]): string {
  return path.length === 0 ? "at the start" : `after ${path.join(", ")}`;
}

function mixed(x: readonly Rational[], labels: readonly string[]): string {
  const parts = x.flatMap((p, i) => (p.isZero() ? [] : [{ label: labels[i] as string, p }]));
  if (parts.length === 1) return parts[0]?.label as string;
  return parts.map((q) => `${q.label} ${q.p}`).join(", ");
}

function payoffs(values: readonly Rational[], players: readonly string[]): string {
  return values.map((v, p) => `${players[p]} ${v}`).join(", ");
}
