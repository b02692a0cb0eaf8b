/**
 * The report of a game built from simulations (`levier game build --out`): the answer in plain
 * words first (subgame-perfect play and the credibility of the threat, the equilibria, the
 * bargaining point, how it moves with a player's leverage, and the shares of draws), then the
 * mechanism, the game itself (the payoff matrix of two players, or every profile of more), the
 * threat tree, the bargaining, the leverage sweep with its chart, and the draws.
 * @module
 */
import { signed } from "../format/number.js";
import type { GameDocument } from "../run/game-document.js";
import type { Block, Report } from "./blocks.js";
import { type Chart, chartBlocks } from "./charts.js";
import { usd } from "./format.js";

const WIDTH = 560;
const fmt = (x: number) => signed(x, 3, true);

type Line = string;

/** The summary's sentences that answer the question, in the order a reader wants them. */
function answerLines(doc: GameDocument): Line[] {
  const s = doc.summary;
  const pick = (re: RegExp) => s.filter((l) => re.test(l));
  const out = [
    ...pick(/^Subgame-perfect play/),
    ...pick(/^\w+'s threat to .* is (not )?credible/),
    ...pick(/^What the threat could reach: /),
    ...pick(/^Nash equilibrium|^There (is no pure|are \d+ )/),
    ...pick(/^Disagreement point/),
    ...pick(/^Nash bargaining over the deals|^No deal gives/),
  ];
  // How it moves with the leverage: the summary's line per level, in words.
  if (doc.leverage)
    out.push(
      ...s
        .filter((l) => l.startsWith("- withholding "))
        .map((l) => `With ${doc.leverage!.actor} ${l.slice(2)}`),
    );
  const d = doc.draws;
  if (d) {
    const top = d.equilibria
      .slice(0, 3)
      .map((e) => `${e.equilibrium} in ${Math.round(100 * e.share)}%`)
      .join(", ");
    out.push(
      `Under uncertainty (${d.done} draws): ${top || "no equilibrium"}${d.threat ? `; the threat is credible in ${Math.round(100 * d.threat.credibleShare)}% of draws and deters in ${Math.round(100 * d.threat.detersShare)}%` : ""}.`,
    );
  }
  return out;
}

function labelsOf(b: { agreement: boolean } & Record<string, unknown>): string[] {
  if (!b.agreement) return [];
  const m = (b.maximisers ?? b.mix) as { label: string }[] | undefined;
  return (m ?? []).map((x) => x.label);
}

const key = (strategies: readonly string[]) => strategies.join("/");

/** The game as a table: a payoff matrix for two players, else one row per profile. */
function gameTable(doc: GameDocument): Block {
  const players = doc.game.players as string[];
  const strategies = doc.game.strategies as string[][];
  const pure = new Set(doc.solution.pure.map((p) => key(p.profile)));
  const dealPoint = doc.bargaining?.finite.agreement
    ? new Set(labelsOf(doc.bargaining.finite as never))
    : new Set<string>();
  const byKey = new Map(doc.profiles.map((p) => [key(p.strategies), p]));
  const cell = (s: string[]) => {
    const p = byKey.get(key(s))!;
    const marks = [
      pure.has(key(s)) ? "Nash equilibrium" : "",
      dealPoint.has(key(s)) ? "bargaining point" : "",
    ].filter(Boolean);
    return `${p.payoffs.map((u, i) => `${players[i]} ${fmt(u)}`).join(" · ")}${marks.length ? ` (${marks.join(", ")})` : ""}`;
  };
  if (players.length === 2) {
    return {
      kind: "table",
      id: "game",
      header: [`${players[0]} \\ ${players[1]}`, ...strategies[1]!],
      rows: strategies[0]!.map((r) => [r, ...strategies[1]!.map((c) => cell([r, c]))]),
    };
  }
  return {
    kind: "table",
    id: "game",
    header: [...players, ...players.map((p) => `${p} payoff`), "solution"],
    align: [...players.map(() => "left" as const), ...players.map(() => "right" as const), "left"],
    rows: doc.profiles.map((p) => [
      ...p.strategies,
      ...p.payoffs.map(fmt),
      [
        pure.has(key(p.strategies)) ? "Nash equilibrium" : "",
        dealPoint.has(key(p.strategies)) ? "bargaining point" : "",
      ]
        .filter(Boolean)
        .join(", "),
    ]),
  };
}

/** What each payoff is made of: the simulated losses, the stated stakes, compliance costs. */
function profileTable(doc: GameDocument): Block {
  const players = doc.game.players as string[];
  const header = ["profile"];
  for (const p of players) header.push(`${p} loss`, `${p} security-index loss, pp`);
  if (doc.profiles[0]?.compliance) for (const p of players) header.push(`${p} compliance cost`);
  if (doc.profiles[0]?.jointStakes) for (const p of players) header.push(`${p} joint stakes`);
  return {
    kind: "table",
    id: "profiles",
    header,
    align: header.map((_, i) => (i === 0 ? "left" : "right")),
    rows: doc.profiles.map((p) => [
      key(p.strategies),
      ...players.flatMap((_, i) => [usd(p.loss[i]!), fmt(100 * p.securityIndexLoss[i]!)]),
      ...(p.compliance ?? []).map((c) => usd(c)),
      ...(p.jointStakes ?? []).map(fmt),
    ]),
  };
}

/** Each player's payoff in each profile (the game drawn). */
function payoffChart(doc: GameDocument): Chart {
  const players = doc.game.players as string[];
  const values = doc.profiles.flatMap((p) =>
    p.payoffs.map((u, i) => ({ profile: key(p.strategies), player: players[i]!, payoff: u })),
  );
  return {
    id: "payoffs",
    title: "Payoffs by strategy profile (≈ USD bn; higher is better, 0 is the status quo)",
    values,
    valueField: "payoff",
    valueWords: "payoff",
    spec: {
      width: WIDTH,
      height: Math.max(160, 22 * doc.profiles.length),
      data: { values },
      mark: { type: "bar" },
      encoding: {
        y: { field: "profile", type: "nominal", title: players.join(" / "), sort: null },
        yOffset: { field: "player", type: "nominal" },
        x: { field: "payoff", type: "quantitative", title: "payoff" },
        color: { field: "player", type: "nominal", title: null, legend: { orient: "top" } },
        tooltip: [{ field: "profile" }, { field: "player" }, { field: "payoff", format: ".3f" }],
      },
    },
  };
}

/** The bargaining point's payoffs at each level of the leverage sweep. */
function leverageChart(doc: GameDocument): Chart | undefined {
  const lev = doc.leverage;
  if (!lev) return undefined;
  const players = doc.game.players as string[];
  const values = lev.levels.flatMap((l) => {
    const b = l.bargaining?.finite;
    if (!b?.agreement) return [];
    return (b.point as unknown[]).map((u, i) => ({
      level: l.id,
      player: players[i]!,
      payoff: Number(eval_(u)),
    }));
  });
  return {
    id: "leverage",
    title: `Payoffs at the Nash bargaining point, by what ${lev.actor} withholds`,
    values,
    valueField: "payoff",
    valueWords: "payoff",
    empty: "no level has an agreement",
    spec: {
      width: WIDTH,
      height: 260,
      data: { values },
      mark: { type: "bar" },
      encoding: {
        x: { field: "level", type: "nominal", title: `${lev.actor} withholds`, sort: null },
        xOffset: { field: "player", type: "nominal" },
        y: { field: "payoff", type: "quantitative", title: "payoff (≈ USD bn)" },
        color: { field: "player", type: "nominal", title: null, legend: { orient: "top" } },
        tooltip: [{ field: "level" }, { field: "player" }, { field: "payoff", format: ".3f" }],
      },
    },
  };
}

/** An exact rational as JSON writes it ("p/q" or "p"), as a number. */
function eval_(x: unknown): number {
  if (typeof x === "number") return x;
  if (typeof x === "object" && x && "toNumber" in x)
    return (x as { toNumber(): number }).toNumber();
  const [p, q] = String(x).split("/");
  return Number(p) / (q === undefined ? 1 : Number(q));
}

export function gameReport(doc: GameDocument): Report {
  const b: Block[] = [];
  b.push({ kind: "heading", level: 1, text: doc.name });
  b.push({ kind: "heading", level: 2, text: "Bottom line" });
  b.push({ kind: "list", id: "bottom-line", items: answerLines(doc) });
  b.push(...chartBlocks(payoffChart(doc), 2));
  b.push({ kind: "heading", level: 2, text: "How it works" });
  if (doc.description) b.push({ kind: "paragraph", text: doc.description });
  b.push({ kind: "paragraph", text: doc.summary[0]! });
  b.push({ kind: "heading", level: 2, text: "The game" });
  b.push(gameTable(doc));
  b.push({
    kind: "paragraph",
    text: "What the payoffs are made of: each player's simulated loss over the horizon and its security-index loss (the payoff weighs them), and where the specification has them the compliance cost of the rules a strategy adopts and the stated joint stakes.",
  });
  b.push(profileTable(doc));
  if (doc.sequential) {
    b.push({ kind: "heading", level: 2, text: "The threat" });
    b.push({
      kind: "list",
      id: "threat",
      items: doc.summary.filter((l) => /^Subgame-perfect|'s threat to /.test(l)),
    });
  }
  if (doc.bargaining) {
    b.push({ kind: "heading", level: 2, text: "Bargaining" });
    b.push({
      kind: "list",
      id: "bargaining",
      items: doc.summary.filter((l) =>
        /^Disagreement point|^Deals:|^Nash bargaining|^No deal|^Allowing mixtures/.test(l),
      ),
    });
  }
  const lc = leverageChart(doc);
  if (doc.leverage && lc) {
    b.push({ kind: "heading", level: 2, text: `${doc.leverage.actor}'s leverage` });
    b.push({
      kind: "table",
      id: "leverage",
      header: ["level", "withholds", "pure equilibria", "bargaining point"],
      rows: doc.leverage.levels.map((l) => [
        l.id,
        l.goods.length === 0 ? "nothing" : l.goods.join(", "),
        l.equilibria.length === 0 ? "none" : l.equilibria.join(" | "),
        l.bargaining?.finite.agreement
          ? labelsOf(l.bargaining.finite as never).join(" or ")
          : "no agreement",
      ]),
    });
    b.push(...chartBlocks(lc, 3));
  }
  if (doc.draws) {
    b.push({ kind: "heading", level: 2, text: "Under uncertainty" });
    b.push({ kind: "list", id: "draws", items: doc.draws.summary });
  }
  b.push({ kind: "heading", level: 2, text: "Summary" });
  b.push({ kind: "list", id: "summary", items: doc.summary });
  return { title: doc.name, blocks: b, data: doc };
}
