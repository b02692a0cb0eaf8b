/**
 * One node line of a Gambit .efg file — `p`, `c` or `t` with its information set and outcome —
 * checked against the definitions seen earlier in the file.
 * @module
 */
import type { GameNode, Outcome } from "../extensive.js";
import { Rational, sum } from "../rational.js";
import { fail, must } from "./parse-failure.js";
import { describeToken, type Token, type TokenStream } from "./tokens.js";

interface InfosetDef {
  label: string;
  actions: string[];
  line: number;
  probs?: Rational[];
}

function describeInfoset(x: InfosetDef): string {
  const actions = x.actions.map((a, i) => `${JSON.stringify(a)}${x.probs ? ` ${x.probs[i]}` : ""}`);
  return `${JSON.stringify(x.label)} { ${actions.join(" ")} }`;
}

export interface Ctx {
  ts: TokenStream;
  players: string[];
  outcomes: Outcome[];
  outcomeIds: Map<number, number>;
  infosets: Map<string, InfosetDef>;
}

export function readNode(ctx: Ctx): GameNode {
  const { ts } = ctx;
  const t = ts.next();
  if (t.kind !== "symbol" || !["c", "p", "t"].includes(t.text))
    fail(
      ts,
      t,
      `expected a node: "c" (chance), "p" (player) or "t" (terminal), found ${describeToken(t)}`,
    );
  const label = must(ts.expect("text", 'the node\'s name (a quoted text, may be "")')).text;
  if (t.text === "t") return withOutcome(ctx, { kind: "terminal", label });
  let player = -1;
  if (t.text === "p") {
    const pt = ts.next();
    const n = ctx.players.length;
    if (
      pt.kind !== "number" ||
      !pt.value?.isInteger() ||
      pt.value.num < 1n ||
      pt.value.num > BigInt(n)
    )
      fail(ts, pt, `expected a player number between 1 and ${n}, found ${describeToken(pt)}`);
    player = Number(pt.value.num) - 1;
  }
  const it = ts.next();
  if (it.kind !== "number" || !it.value?.isInteger() || it.value.num < 1n)
    fail(
      ts,
      it,
      `expected an information set number (a whole number ≥ 1), found ${describeToken(it)}`,
    );
  const infoset = Number(it.value.num);
  const info = readInfoset(ctx, player, infoset);
  if (player < 0) {
    const node: GameNode = {
      kind: "chance",
      label,
      infoset,
      infosetLabel: info.label,
      actions: info.actions,
      probs: info.probs as Rational[],
      children: [],
    };
    return withOutcome(ctx, node);
  }
  const node: GameNode = {
    kind: "decision",
    label,
    player,
    infoset,
    infosetLabel: info.label,
    actions: info.actions,
    children: [],
  };
  return withOutcome(ctx, node);
}

function readInfoset(ctx: Ctx, player: number, infoset: number) {
  const { ts } = ctx;
  const key = `${player}:${infoset}`;
  const who =
    player < 0
      ? `chance information set ${infoset}`
      : `information set ${infoset} of player ${player + 1}`;
  const known = ctx.infosets.get(key);
  if (ts.peek().kind !== "text") {
    if (!known)
      fail(
        ts,
        ts.peek(),
        `${who} is used before it is defined; expected its name and actions here, found ${describeToken(ts.peek())}`,
      );
    return known;
  }
  const labelTok = ts.next();
  const open = must(ts.expect("{", `"{" opening the actions of ${who}`));
  const actions: string[] = [];
  const probs: Rational[] = [];
  while (ts.peek().kind === "text") {
    actions.push(ts.next().text);
    if (player < 0) {
      const p = ts.next();
      if (p.kind !== "number")
        fail(
          ts,
          p,
          `expected the probability of chance action ${JSON.stringify(actions.at(-1))}, found ${describeToken(p)}`,
        );
      if ((p.value as Rational).sign() < 0)
        fail(ts, p, `expected a probability ≥ 0, found ${p.text}`);
      probs.push(p.value as Rational);
      if (ts.peek().kind === ",") ts.next();
    }
  }
  must(ts.expect("}", `a quoted action label or "}" closing the actions of ${who}`));
  if (actions.length === 0) fail(ts, open, `expected at least one action for ${who}, found none`);
  if (player < 0 && !sum(probs).eq(Rational.ONE))
    fail(ts, open, `expected the probabilities of ${who} to sum to 1, found ${sum(probs)}`);
  const info = {
    label: labelTok.text,
    actions,
    line: labelTok.line,
    ...(player < 0 ? { probs } : {}),
  };
  if (known) {
    if (describeInfoset(known) !== describeInfoset(info))
      fail(
        ts,
        labelTok,
        `${who} was defined on line ${known.line} as ${describeInfoset(known)}; expected the same here, found ${describeInfoset(info)}`,
      );
    return known;
  }
  ctx.infosets.set(key, info);
  return info;
}

function withOutcome<N extends GameNode>(ctx: Ctx, node: N): N {
  const { ts } = ctx;
  const t = ts.next();
  if (t.kind !== "number" || !t.value?.isInteger() || t.value.sign() < 0)
    fail(ts, t, `expected an outcome number (0 for none), found ${describeToken(t)}`);
  const id = Number(t.value.num);
  if (ts.peek().kind !== "text") {
    if (id === 0) return node;
    const index = ctx.outcomeIds.get(id);
    if (index === undefined)
      fail(
        ts,
        t,
        `outcome ${id} is used before it is defined; expected its name and payoffs after it, found ${describeToken(ts.peek())}`,
      );
    node.outcome = index;
    return node;
  }
  const labelTok = ts.next();
  if (id === 0)
    fail(ts, labelTok, "the null outcome 0 cannot have a name or payoffs; expected a number ≥ 1");
  must(ts.expect("{", `"{" opening the payoffs of outcome ${id}`));
  const payoffs: Token[] = [];
  while (ts.peek().kind === "number") {
    payoffs.push(ts.next());
    if (ts.peek().kind === ",") ts.next();
  }
  const close = ts.peek();
  const n = ctx.players.length;
  if (payoffs.length !== n || close.kind !== "}")
    fail(
      ts,
      payoffs.length > n ? (payoffs[n] as Token) : close,
      `expected ${n} payoff${n === 1 ? "" : "s"} in outcome ${id} (one per player), found ${payoffs.length}${close.kind === "}" ? "" : ` then ${describeToken(close)}`}`,
    );
  ts.next();
  const outcome = { label: labelTok.text, payoffs: payoffs.map((p) => p.value as Rational) };
  const index = ctx.outcomeIds.get(id);
  if (index !== undefined) {
    const known = ctx.outcomes[index] as Outcome;
    const describe = (o: Outcome) => `${JSON.stringify(o.label)} { ${o.payoffs.join(", ")} }`;
    if (describe(known) !== describe(outcome))
      fail(
        ts,
        labelTok,
        `outcome ${id} was defined earlier as ${describe(known)}; expected the same here, found ${describe(outcome)}`,
      );
    node.outcome = index;
    return node;
  }
  ctx.outcomeIds.set(id, ctx.outcomes.length);
  node.outcome = ctx.outcomes.length;
  ctx.outcomes.push(outcome);
  return node;
}
