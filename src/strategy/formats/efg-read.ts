/**
 * Reads Gambit's extensive-game format (.efg), as documented in Gambit's "Game representation
 * formats" and implemented by its reader (`src/games/file.cc`):
 *
 *     EFG 2 R "title" { "P1" "P2" } ["comment"]
 *     p "name" player infoset ["infoset name" { "a" "b" }] outcome ["name" { payoffs }]
 *     c "name" infoset ["infoset name" { "a" 1/2 "b" 1/2 }] outcome ["name" { payoffs }]
 *     t "name" outcome ["name" { payoffs }]
 *
 * Nodes come in depth-first preorder, each decision or chance node followed by its children.
 * An information set's label and actions (and a chance node's probabilities) are given where it
 * first appears and may be repeated, identically, later; an outcome likewise (0 is no outcome).
 * Chance probabilities must be ≥ 0 and sum to exactly 1. The tree is read without recursion.
 * @module
 */
import type { ExtensiveGame, GameNode } from "../extensive.js";
import { type Ctx, readNode } from "./efg-node.js";
import type { ReadResult } from "./nfg-read.js";
import { catchFailure, fail, must } from "./parse-failure.js";
import { describeToken, TokenStream, tokenize } from "./tokens.js";

/** Larger trees are refused. */
export const MAX_NODES = 1_000_000;

export function readEfg(text: string, file: string): ReadResult<ExtensiveGame> {
  const lexed = tokenize(text, file);
  if (lexed.issue) return { issues: [lexed.issue] };
  const ts = new TokenStream(lexed.tokens, file);
  return catchFailure(() => parse(ts));
}

function parse(ts: TokenStream): ExtensiveGame {
  const head = ts.next();
  if (head.kind !== "symbol" || head.text !== "EFG")
    fail(
      ts,
      head,
      `expected "EFG" at the start of an extensive game file, found ${describeToken(head)}`,
    );
  const version = ts.next();
  if (version.kind !== "number" || version.text !== "2")
    fail(ts, version, `expected version 2 after EFG, found ${describeToken(version)}`);
  const kind = ts.next();
  if (kind.kind !== "symbol" || (kind.text !== "R" && kind.text !== "D"))
    fail(ts, kind, `expected R or D (the number type) after "EFG 2", found ${describeToken(kind)}`);
  const title = must(ts.expect("text", "the game's title (a quoted text)")).text;
  must(ts.expect("{", `"{" opening the list of players`));
  const players: string[] = [];
  while (ts.peek().kind === "text") players.push(ts.next().text);
  const close = must(ts.expect("}", `a quoted player name or "}" closing the list of players`));
  if (players.length === 0)
    fail(ts, close, "expected at least one player in the list of players, found none");
  let comment = "";
  if (ts.peek().kind === "text") comment = ts.next().text;
  const ctx: Ctx = { ts, players, outcomes: [], outcomeIds: new Map(), infosets: new Map() };
  const root = readTree(ctx);
  const end = ts.peek();
  if (end.kind !== "eof")
    fail(
      ts,
      end,
      `expected end of file after the last node of the tree, found ${describeToken(end)}`,
    );
  return { title, comment, players, outcomes: ctx.outcomes, root };
}

/** Reads nodes in preorder with an explicit stack of parents waiting for children. */
function readTree(ctx: Ctx): GameNode {
  const pending: { node: GameNode & { children: GameNode[] }; want: number }[] = [];
  let root: GameNode | undefined;
  let count = 0;
  do {
    if (++count > MAX_NODES)
      fail(ctx.ts, ctx.ts.peek(), `the tree has more than ${MAX_NODES} nodes`);
    const node = readNode(ctx);
    const parent = pending.at(-1);
    if (parent) {
      parent.node.children.push(node);
      if (parent.node.children.length === parent.want) pending.pop();
    } else root = node;
    if (node.kind !== "terminal") pending.push({ node, want: node.actions.length });
  } while (pending.length > 0);
  return root as GameNode;
}
