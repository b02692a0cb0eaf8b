/**
 * Reads Gambit's strategic-game format (.nfg), both versions, as documented in Gambit's "Game
 * representation formats" and implemented by its reader (`src/games/file.cc`):
 *
 *     NFG 1 R "title" { "P1" "P2" } { 3 2 } ["comment"]           payoff version: payoffs
 *     NFG 1 R "title" { "P1" "P2" } { { "a" "b" } { "c" "d" } }   outcome version:
 *        { { "name" 1, 2 } … } 1 2 0 …                              outcomes, then indices
 *
 * Profiles run in Gambit's order (player 1's strategy varies fastest). In the payoff version
 * each profile lists every player's payoff; in the outcome version each profile names an
 * outcome by number (1-based; 0 is the null outcome, all payoffs 0). The strategies list
 * may hold counts or labels in either version. Numbers may be integers, decimals (read
 * exactly) or fractions `p/q`; commas between numbers are optional. Errors are issues with
 * line and column, saying what was expected and what was found.
 * @module
 */
import type { Issue } from "../../diagnostics/issue.js";
import type { NormalFormGame } from "../game.js";
import { Rational } from "../rational.js";
import { catchFailure, fail, must } from "./parse-failure.js";
import { describeToken, type Token, TokenStream, tokenize } from "./tokens.js";

/** Larger games are refused before their payoffs are read. */
export const MAX_PROFILES = 1_000_000;

export interface ReadResult<T> {
  game?: T;
  issues: Issue[];
}

export function readNfg(text: string, file: string): ReadResult<NormalFormGame> {
  const lexed = tokenize(text, file);
  if (lexed.issue) return { issues: [lexed.issue] };
  const ts = new TokenStream(lexed.tokens, file);
  return catchFailure(() => parse(ts));
}

function parse(ts: TokenStream): NormalFormGame {
  const head = ts.next();
  if (head.kind !== "symbol" || head.text !== "NFG")
    fail(
      ts,
      head,
      `expected "NFG" at the start of a strategic game file, found ${describeToken(head)}`,
    );
  const version = ts.next();
  if (version.kind !== "number" || version.text !== "1")
    fail(ts, version, `expected version 1 after NFG, found ${describeToken(version)}`);
  const kind = ts.next();
  if (kind.kind !== "symbol" || (kind.text !== "R" && kind.text !== "D"))
    fail(ts, kind, `expected R or D (the number type) after "NFG 1", found ${describeToken(kind)}`);
  const title = must(ts.expect("text", "the game's title (a quoted text)")).text;
  const players = readLabels(ts, "the list of players");
  if (players.labels.length === 0)
    fail(ts, players.close, "expected at least one player in the list of players, found none");
  const strategies = readStrategies(ts, players.labels);
  let comment = "";
  if (ts.peek().kind === "text") comment = ts.next().text;
  const sizes = strategies.map((s) => s.length);
  const profiles = sizes.reduce((a, b) => a * b, 1);
  if (profiles > MAX_PROFILES)
    fail(ts, ts.peek(), `the game has ${profiles} strategy profiles; the limit is ${MAX_PROFILES}`);
  const payoffs =
    ts.peek().kind === "{"
      ? readOutcomeBody(ts, sizes, players.labels.length)
      : readPayoffBody(ts, sizes, players.labels.length);
  return { title, comment, players: players.labels, strategies, payoffs };
}

function readLabels(ts: TokenStream, what: string): { labels: string[]; close: Token } {
  must(ts.expect("{", `"{" opening ${what}`));
  const labels: string[] = [];
  while (ts.peek().kind === "text") labels.push(ts.next().text);
  const close = must(ts.expect("}", `a quoted label or "}" closing ${what}`));
  return { labels, close };
}

function readStrategies(ts: TokenStream, players: string[]): string[][] {
  must(ts.expect("{", `"{" opening the strategies of the ${players.length} players`));
  const out: string[][] = [];
  const nested = ts.peek().kind === "{";
  for (let p = 0; p < players.length; p++) {
    const who = `player ${p + 1} (${JSON.stringify(players[p])})`;
    if (nested) {
      const { labels, close } = readLabels(ts, `the strategies of ${who}`);
      if (labels.length === 0)
        fail(ts, close, `expected at least one strategy for ${who}, found none`);
      out.push(labels);
    } else {
      const t = ts.peek();
      if (t.kind !== "number" || !t.value?.isInteger() || t.value.sign() <= 0)
        fail(
          ts,
          t,
          `expected the number of strategies of ${who} (a whole number ≥ 1), found ${describeToken(t)}`,
        );
      ts.next();
      const count = Number(t.value.num);
      if (count > MAX_PROFILES)
        fail(ts, t, `${who} has ${count} strategies; the limit is ${MAX_PROFILES}`);
      out.push(Array.from({ length: count }, (_, i) => String(i + 1)));
    }
  }
  const close = ts.peek();
  if (close.kind !== "}")
    fail(
      ts,
      close,
      `expected "}" after the strategies of ${players.length} player${players.length === 1 ? "" : "s"}, found ${describeToken(close)}`,
    );
  ts.next();
  return out;
}

function shapeText(sizes: number[]): string {
  const n = sizes.length;
  return `${sizes.join("×")} profiles × ${n} player${n === 1 ? "" : "s"}`;
}

/** Reads numbers (commas optional) until a non-number; returns them with their tokens. */
function readNumbers(ts: TokenStream, limit: number): Token[] {
  const out: Token[] = [];
  while (out.length <= limit) {
    if (ts.peek().kind === "," && out.length > 0) ts.next();
    if (ts.peek().kind !== "number") break;
    out.push(ts.next());
  }
  return out;
}

function readPayoffBody(ts: TokenStream, sizes: number[], players: number): Rational[][] {
  const profiles = sizes.reduce((a, b) => a * b, 1);
  const expected = profiles * players;
  const numbers = readNumbers(ts, expected);
  const what = `expected ${expected} payoffs (${shapeText(sizes)})`;
  if (numbers.length > expected) {
    const extra = numbers[expected] as Token;
    fail(
      ts,
      extra,
      `${what}, found ${expected + 1 + readNumbers(ts, Number.MAX_SAFE_INTEGER).length}`,
    );
  }
  const end = ts.peek();
  if (numbers.length < expected) {
    if (end.kind !== "eof")
      fail(ts, end, `${what}, found ${describeToken(end)} after ${numbers.length}`);
    fail(ts, end, `${what}, found ${numbers.length}`);
  }
  if (end.kind !== "eof")
    fail(ts, end, `expected end of file after the payoffs, found ${describeToken(end)}`);
  const payoffs: Rational[][] = Array.from({ length: players }, () => new Array(profiles));
  for (let k = 0; k < profiles; k++)
    for (let p = 0; p < players; p++)
      (payoffs[p] as Rational[])[k] = (numbers[k * players + p] as Token).value as Rational;
  return payoffs;
}

function readOutcomeBody(ts: TokenStream, sizes: number[], players: number): Rational[][] {
  must(ts.expect("{", `"{" opening the list of outcomes`));
  const outcomes: Rational[][] = [];
  while (ts.peek().kind === "{") {
    ts.next();
    const label = `outcome ${outcomes.length + 1}`;
    must(ts.expect("text", `the name of ${label} (a quoted text, may be "")`));
    const numbers = readNumbers(ts, players);
    const close = ts.peek();
    if (numbers.length !== players || close.kind !== "}") {
      const found = numbers.length > players ? `${numbers.length} or more` : String(numbers.length);
      const t = numbers.length > players ? (numbers[players] as Token) : close;
      const tail =
        close.kind === "}" || numbers.length > players ? "" : ` then ${describeToken(close)}`;
      fail(
        ts,
        t,
        `expected ${players} payoff${players === 1 ? "" : "s"} in ${label} (one per player), found ${found}${tail}`,
      );
    }
    ts.next();
    outcomes.push(numbers.map((t) => t.value as Rational));
  }
  must(ts.expect("}", `"{" opening an outcome or "}" closing the list of outcomes`));
  const profiles = sizes.reduce((a, b) => a * b, 1);
  const indices = readNumbers(ts, profiles);
  const what = `expected ${profiles} outcome numbers (${sizes.join("×")} profiles)`;
  if (indices.length > profiles)
    fail(
      ts,
      indices[profiles] as Token,
      `${what}, found ${profiles + 1 + readNumbers(ts, Number.MAX_SAFE_INTEGER).length}`,
    );
  const end = ts.peek();
  if (indices.length < profiles) {
    if (end.kind !== "eof")
      fail(ts, end, `${what}, found ${describeToken(end)} after ${indices.length}`);
    fail(ts, end, `${what}, found ${indices.length}`);
  }
  if (end.kind !== "eof")
    fail(ts, end, `expected end of file after the outcome numbers, found ${describeToken(end)}`);
  const zero = Array.from({ length: players }, () => Rational.ZERO);
  const payoffs: Rational[][] = Array.from({ length: players }, () => new Array(profiles));
  indices.forEach((t, k) => {
    const v = t.value as Rational;
    if (!v.isInteger() || v.sign() < 0 || v.num > BigInt(outcomes.length))
      fail(ts, t, `expected an outcome number between 0 and ${outcomes.length}, found ${t.text}`);
    const o = v.num === 0n ? zero : (outcomes[Number(v.num) - 1] as Rational[]);
    for (let p = 0; p < players; p++) (payoffs[p] as Rational[])[k] = o[p] as Rational;
  });
  return payoffs;
}
