/**
 * Everything `levier game solve` reports about one game, as a JSON-ready value (rationals
 * serialise as exact strings): equilibria, pure equilibria, iterated dominance, security
 * levels, and for extensive games the subgame-perfect equilibrium and the credibility of
 * threats. A two-player game gets all its extreme equilibria; a game with more players gets
 * its pure equilibria in that slot (the `method` field says which).
 * @module
 */
import { type ExtensiveGame, isPerfectInformation } from "../extensive.js";
import type { AnyGame } from "../formats/read-game.js";
import { type NormalFormGame, pureAsMixed } from "../game.js";
import { extremeEquilibria } from "../nash/extreme-equilibria.js";
import type { Rational } from "../rational.js";
import { subgamePerfect, type ThreatAssessment, threats } from "../solvers/backward-induction.js";
import { iteratedDominance } from "../solvers/dominance.js";
import { pureEquilibria } from "../solvers/pure-equilibria.js";
import { reducedNormalForm } from "../solvers/reduced-normal-form.js";
import { security } from "../solvers/security.js";

export interface GameReport {
  game: {
    kind: "normal" | "extensive";
    title: string;
    players: string[];
    /** Strategy labels (for an extensive game: of its reduced normal form). */
    strategies: string[][];
  };
  /** "not-computed": an extensive game whose reduced normal form is too large. */
  method: "extreme-equilibria" | "pure-equilibria" | "not-computed";
  equilibria: { strategies: Rational[][]; payoffs: Rational[] }[];
  pure: { profile: string[]; payoffs: Rational[] }[];
  dominance: {
    eliminated: {
      round: number;
      player: string;
      strategy: string;
      kind: "pure" | "mixed";
      by: { strategy: string; prob: Rational }[];
    }[];
    surviving: string[][];
  };
  security: {
    player: string;
    pure: { value: Rational; strategies: string[] };
    mixed: { value: Rational; strategy: Rational[] };
  }[];
  subgamePerfect?: {
    payoffs: Rational[];
    ties: boolean;
    choices: {
      path: string[];
      node: string;
      player: string;
      action: string;
      best: string[];
      onPath: boolean;
    }[];
  } | null;
  threats?: (Omit<ThreatAssessment, "player"> & { player: string })[];
  notes: string[];
}

export function solveGame(input: AnyGame): GameReport {
  if (input.kind === "normal") return solveNormal(input.game, "normal", []);
  return solveExtensive(input.game);
}

function solveNormal(
  game: NormalFormGame,
  kind: "normal" | "extensive",
  notes: string[],
): GameReport {
  const names = game.players;
  const label = (p: number, s: number) => (game.strategies[p] as string[])[s] as string;
  const pure = pureEquilibria(game);
  const two = game.players.length === 2;
  const equilibria = two
    ? extremeEquilibria(game).equilibria
    : pure.map((e) => ({
        strategies: e.profile.map((s, p) =>
          pureAsMixed((game.strategies[p] as string[]).length, s),
        ),
        payoffs: e.payoffs,
      }));
  if (!two)
    notes.push(`with ${game.players.length} players only pure-strategy equilibria are computed`);
  const dom = iteratedDominance(game);
  return {
    game: { kind, title: game.title, players: names, strategies: game.strategies },
    method: two ? "extreme-equilibria" : "pure-equilibria",
    equilibria,
    pure: pure.map((e) => ({ profile: e.profile.map((s, p) => label(p, s)), payoffs: e.payoffs })),
    dominance: {
      eliminated: dom.eliminated.map((e) => ({
        round: e.round,
        player: names[e.player] as string,
        strategy: label(e.player, e.strategy),
        kind: e.kind,
        by: e.by.map((b) => ({ strategy: label(e.player, b.strategy), prob: b.prob })),
      })),
      surviving: dom.surviving.map((ss, p) => ss.map((s) => label(p, s))),
    },
    security: names.map((name, p) => {
      const s = security(game, p);
      return {
        player: name,
        pure: { value: s.pure.value, strategies: s.pure.strategies.map((x) => label(p, x)) },
        mixed: s.mixed,
      };
    }),
    notes,
  };
}

function solveExtensive(game: ExtensiveGame): GameReport {
  const notes: string[] = [];
  let report: GameReport;
  try {
    const nf = reducedNormalForm(game);
    notes.push("solved through the reduced normal form for equilibria, dominance and security");
    report = solveNormal(nf, "extensive", notes);
  } catch (err) {
    // Too large to reduce: a perfect-information game still gets backward induction.
    if (!(err instanceof RangeError) || !isPerfectInformation(game)) throw err;
    notes.push(`${err.message}: equilibria, dominance and security were not computed`);
    report = {
      game: { kind: "extensive", title: game.title, players: game.players, strategies: [] },
      method: "not-computed",
      equilibria: [],
      pure: [],
      dominance: { eliminated: [], surviving: [] },
      security: [],
      notes,
    };
  }
  if (!isPerfectInformation(game)) {
    notes.push("imperfect information: no backward induction (subgamePerfect is null)");
    return { ...report, subgamePerfect: null, threats: [] };
  }
  const spe = subgamePerfect(game);
  const name = (p: number) => game.players[p] as string;
  return {
    ...report,
    subgamePerfect: {
      payoffs: spe.payoffs,
      ties: spe.ties,
      choices: spe.decisions.map((d) => ({
        path: d.path,
        node: d.label,
        player: name(d.player),
        action: d.actions[d.chosen] as string,
        best: d.best.map((a) => d.actions[a] as string),
        onPath: d.onPath,
      })),
    },
    threats: threats(spe).map((t) => ({ ...t, player: name(t.player) })),
  };
}
