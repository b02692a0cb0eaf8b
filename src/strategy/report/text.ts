/**
 * A game report in plain words, for `levier game solve` without `--json`.
 * @module
 */
import type { Rational } from "../rational.js";
import type { GameReport } from "./solve.js";

export function renderReport(r: GameReport): string {
  const out: string[] = [];
  const { players, strategies } = r.game;
  const title = r.game.title === "" ? "Untitled game" : r.game.title;
  const kind = r.game.kind === "extensive" ? "an extensive-form game" : "a normal-form game";
  out.push(`${title}: ${kind} with ${players.length} player${players.length === 1 ? "" : "s"}`);
  players.forEach((p, i) => {
    const s = strategies[i] as string[];
    out.push(`  ${p}: ${s.length} strateg${s.length === 1 ? "y" : "ies"} (${s.join(", ")})`);
  });
  out.push("");
  const heading =
    r.method === "extreme-equilibria"
      ? `Nash equilibria: ${r.equilibria.length} extreme equilibri${r.equilibria.length === 1 ? "um" : "a"} (in a degenerate game every equilibrium is a mix of extreme ones within a component)`
      : `Nash equilibria in pure strategies: ${r.equilibria.length}`;
  out.push(heading);
  r.equilibria.forEach((e, k) => {
    const plays = e.strategies.map(
      (x, p) => `${players[p]} plays ${mixed(x, strategies[p] as string[])}`,
    );
    out.push(`  ${k + 1}. ${plays.join("; ")}. Payoffs: ${payoffs(e.payoffs, players)}.`);
  });
  out.push("");
  if (r.method === "extreme-equilibria") {
    out.push(`Pure-strategy equilibria: ${r.pure.length === 0 ? "none" : r.pure.length}`);
    for (const e of r.pure)
      out.push(`  ${e.profile.join(", ")} (payoffs ${payoffs(e.payoffs, players)})`);
    out.push("");
  }
  if (r.dominance.eliminated.length === 0)
    out.push("Dominance: no strategy is strictly dominated.");
  else {
    out.push("Iterated elimination of strictly dominated strategies:");
    for (const e of r.dominance.eliminated) {
      const by =
        e.kind === "pure"
          ? `"${e.by[0]?.strategy}"`
          : `the mixture ${e.by.map((b) => `${b.strategy} ${b.prob}`).join(", ")}`;
      out.push(`  round ${e.round}: ${e.player}'s "${e.strategy}" is strictly dominated by ${by}`);
    }
    out.push(
      `  left: ${r.dominance.surviving.map((s, p) => `${players[p]}: ${s.join(", ")}`).join("; ")}`,
    );
  }
  out.push("");
  out.push("Security levels (what each player can guarantee whatever the others do):");
  r.security.forEach((s, p) => {
    out.push(
      `  ${s.player}: ${s.mixed.value} with ${mixed(s.mixed.strategy, strategies[p] as string[])}; ` +
        `${s.pure.value} with a pure strategy (${s.pure.strategies.join(" or ")})`,
    );
  });
  if (r.subgamePerfect === null) {
    out.push("", "Subgame-perfect equilibrium: not computed (the game has imperfect information).");
  } else if (r.subgamePerfect) {
    const spe = r.subgamePerfect;
    out.push(
      "",
      `Subgame-perfect equilibrium (backward induction): payoffs ${payoffs(spe.payoffs, players)}`,
    );
    for (const c of spe.choices) {
      const where = c.path.length === 0 ? "at the start" : `after ${c.path.join(", ")}`;
      const tie =
        c.best.length > 1
          ? ` (tie with ${c.best.filter((b) => b !== c.action).join(", ")}; the first is taken)`
          : "";
      out.push(
        `  ${where}, ${c.player} chooses ${c.action}${tie}${c.onPath ? "" : " [off the equilibrium path]"}`,
      );
    }
  }
  if (r.threats && r.threats.length > 0) {
    out.push(
      "",
      "Threats and promises (credible = the mover would really do it if the node were reached):",
    );
    for (const t of r.threats) {
      const where = t.path.length === 0 ? "at the start" : `after ${t.path.join(", ")}`;
      for (const a of t.actions) {
        if (a.action === t.subgamePerfectAction && a.credible) continue;
        const verdict = a.credible ? "credible (a best response there too)" : "NOT credible";
        out.push(
          `  ${where}, a plan by ${t.player} to choose ${a.action} is ${verdict}: it gives ${t.player} ${a.payoff}, ` +
            `against ${t.actions.find((x) => x.action === t.subgamePerfectAction)?.payoff} from ${t.subgamePerfectAction}`,
        );
      }
    }
  }
  for (const n of r.notes) out.push("", `Note: ${n}.`);
  return `${out.join("\n")}\n`;
}

function mixed(x: readonly Rational[], labels: readonly string[]): string {
  const parts = x.flatMap((p, i) => (p.isZero() ? [] : [{ label: labels[i] as string, p }]));
  if (parts.length === 1) return parts[0]?.label as string;
  return parts.map((q) => `${q.label} ${q.p}`).join(", ");
}

function payoffs(values: readonly Rational[], players: readonly string[]): string {
  return values.map((v, p) => `${players[p]} ${v}`).join(", ");
}
