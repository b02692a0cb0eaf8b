/**
 * A game built from a game file (levier's game specification, as in examples/games): every
 * strategy profile simulated, the payoff matrix, the Nash equilibria, dominance, and for a
 * threat sequence whether each threat is credible (subgame perfection). The file's text is kept
 * in the URL, so a link rebuilds the same game.
 */
import { useCallback, useEffect, useState } from "react";
import { ApiError, type ApiIssue, messageOf, send } from "../api.js";
import { ErrorBox, Loading } from "../components/Status.js";
import { Table } from "../components/Table.js";
import { setParams } from "../route.js";

type Rat = string;
interface Solution {
  game: { players: string[]; strategies: string[][] };
  equilibria: { strategies: Rat[][]; payoffs: Rat[] }[];
  pure: { profile: string[]; payoffs: Rat[] }[];
  dominance: {
    eliminated: {
      round: number;
      player: string;
      strategy: string;
      by: { strategy: string; prob: Rat }[];
    }[];
    surviving: string[][];
  };
  threats?: {
    path: string[];
    label: string;
    player: string;
    onPath: boolean;
    subgamePerfectAction: string;
    actions: { action: string; payoff: Rat; credible: boolean }[];
  }[];
}
interface Built {
  game: { title: string; players: string[]; strategies: string[][] };
  profiles: { strategies: string[]; payoffs: number[]; loss: number[] }[];
  solution: Solution;
  sequential?: { solution: Solution };
  summary: string[];
  warnings?: { message: string }[];
}

/** A rational as the API writes it ("-22267/1000") to a decimal. */
export function ratio(r: Rat): number {
  const [p, q] = r.split("/");
  return Number(p) / (q ? Number(q) : 1);
}
const dec = (r: Rat) => ratio(r).toLocaleString("en", { maximumFractionDigits: 3 });

export function GameView({ params }: { params: Record<string, string> }) {
  const [text, setText] = useState(params.spec ?? "");
  const [built, setBuilt] = useState<Built>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; issues?: ApiIssue[] }>();
  const build = useCallback(async (spec: string) => {
    setBusy(true);
    setError(undefined);
    try {
      setBuilt(
        await send<Built>("/api/games/build", { body: spec, contentType: "application/yaml" }),
      );
    } catch (e) {
      setError({ message: messageOf(e), ...(e instanceof ApiError ? { issues: e.issues } : {}) });
    }
    setBusy(false);
  }, []);
  useEffect(() => {
    if (params.spec) {
      setText(params.spec);
      void build(params.spec);
    }
  }, [params.spec, build]);
  return (
    <div className="game">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (text === params.spec) void build(text);
          else setParams("game", { spec: text });
        }}
      >
        <label htmlFor="game-file">Open a game file (YAML, as in examples/games)</label>
        <input
          id="game-file"
          type="file"
          accept=".yaml,.yml,.json"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void f.text().then(setText);
          }}
        />
        <label htmlFor="game-text">Game specification</label>
        <textarea
          id="game-text"
          rows={14}
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" disabled={busy || !text.trim()}>
          Build and solve the game
        </button>
        <span role="status">{busy ? "Simulating every strategy profile…" : ""}</span>
      </form>
      {error ? (
        <ErrorBox error={error.message} {...(error.issues ? { issues: error.issues } : {})} />
      ) : null}
      {busy ? <Loading what="the game" /> : null}
      {built ? <GameResult b={built} /> : null}
    </div>
  );
}

function GameResult({ b }: { b: Built }) {
  const s = b.solution;
  const [p1, p2] = b.game.players;
  const threats = b.sequential?.solution.threats ?? s.threats ?? [];
  return (
    <>
      <h2>{b.game.title}</h2>
      <ul className="summary">
        {b.summary.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <Table
        caption={`Payoffs of every strategy profile (${b.game.players.join(", ")}; higher is better, 0 the status quo)`}
        filename="game-profiles"
        rows={b.profiles}
        rowKey={(p) => p.strategies.join("-")}
        columns={[
          ...b.game.players.map((pl, i) => ({
            label: `${pl}'s strategy`,
            cell: (p: Built["profiles"][number]) => p.strategies[i] ?? "",
          })),
          ...b.game.players.map((pl, i) => ({
            label: `${pl}'s payoff`,
            cell: (p: Built["profiles"][number]) => p.payoffs[i]?.toFixed(3) ?? "",
            raw: (p: Built["profiles"][number]) => p.payoffs[i],
            numeric: true,
          })),
        ]}
      />
      <Table
        caption="Nash equilibria (each player's mixed strategy and payoff)"
        filename="game-equilibria"
        rows={s.equilibria}
        rowKey={(_, i) => `eq${i}`}
        columns={s.game.players.map((pl, i) => ({
          label: `${pl}: strategy (payoff)`,
          cell: (e: Solution["equilibria"][number]) =>
            `${(e.strategies[i] ?? [])
              .map((q, k) =>
                ratio(q) > 0
                  ? `${s.game.strategies[i]?.[k]} ${Math.round(ratio(q) * 1000) / 10}%`
                  : "",
              )
              .filter(Boolean)
              .join(", ")} (${dec(e.payoffs[i] ?? "0")})`,
        }))}
      />
      {s.dominance.eliminated.length ? (
        <p>
          Dominated and eliminated:{" "}
          {s.dominance.eliminated
            .map((d) => `${d.player}'s ${d.strategy} (round ${d.round})`)
            .join("; ")}
          . Surviving: {p1}: {s.dominance.surviving[0]?.join(", ")}; {p2}:{" "}
          {s.dominance.surviving[1]?.join(", ")}.
        </p>
      ) : null}
      {threats.length ? (
        <Table
          caption="Credibility of each move in the threat sequence (subgame perfection)"
          filename="game-threats"
          rows={threats.flatMap((t) => t.actions.map((a) => ({ t, a })))}
          rowKey={(r) => `${r.t.path.join("/")}-${r.a.action}`}
          rowClass={(r) => (r.a.credible ? undefined : "incredible")}
          columns={[
            { label: "Decision", cell: (r) => r.t.label },
            { label: "Who", cell: (r) => r.t.player },
            { label: "Action", cell: (r) => r.a.action },
            {
              label: "Payoff to the mover",
              cell: (r) => dec(r.a.payoff),
              raw: (r) => ratio(r.a.payoff),
              numeric: true,
            },
            { label: "Credible", cell: (r) => (r.a.credible ? "yes" : "no") },
            {
              label: "Chosen in equilibrium",
              cell: (r) => (r.a.action === r.t.subgamePerfectAction ? "yes" : "no"),
            },
            { label: "On the equilibrium path", cell: (r) => (r.t.onPath ? "yes" : "no") },
          ]}
        />
      ) : null}
    </>
  );
}
