/**
 * The Council: its rules (`levier council rules --json`), a vote on members' gains or on
 * ballots given member by member (`council vote --json`), exact power indices (`council
 * power --json`) and the least compensation (`council compensate --json`), the last two on a
 * job thread.
 * @module
 */
import { z } from "zod";
import { BALLOTS, type Ballot } from "../../council/ballot.js";
import type { Council } from "../../council/council.js";
import { gainsFromRequest } from "../../council/gains-request.js";
import { rulesDocument } from "../../council/report.js";
import {
  type RuleNames,
  rulesFor,
  voteOnBallots,
  voteOnGains,
} from "../../council/vote-document.js";
import { InputError } from "../../diagnostics/errors.js";
import { formatPath } from "../../diagnostics/issue.js";
import { loadCouncilFrom } from "../../io/council-files.js";
import { ApiError, apiIssues, issuesMessage } from "../api-error.js";
import type { ServerContext } from "../app.js";
import { bodyDoc, route } from "../route.js";

const NAMES: RuleNames = { rule: "rule", measure: "measure" };

const BallotSchema = z.enum(BALLOTS as unknown as [Ballot, ...Ballot[]]);

export const VoteBody = z.looseObject({
  rule: z.string().min(1).optional().describe("a voting rule (GET /api/council/rules lists them)"),
  measure: z
    .string()
    .min(1)
    .optional()
    .describe("or a kind of measure: every act it needs must pass"),
  votes: z
    .record(z.string(), BallotSchema)
    .optional()
    .describe("each member's ballot: yes, no or abstain (every member, or others for the rest)"),
  others: z
    .union([BallotSchema, z.number()])
    .optional()
    .describe("the ballot (with votes) or gain (with gains) of members not listed"),
  gains: z
    .unknown()
    .optional()
    .describe("each member's gain, as in a gains file (docs/council.md): { DE: 1.2, NL: -3 }"),
});

export const CompensateBody = z.looseObject({
  rule: z.string().min(1).optional(),
  measure: z.string().min(1).optional(),
  gains: z.unknown().describe("each member's gain, as in a gains file"),
  allGain: z.boolean().optional().describe("every member must end with a gain of at least 0"),
  budget: z.boolean().optional().describe("the EU budget may pay what the members who gain cannot"),
});

function ballotsOf(
  c: Council,
  votes: Record<string, Ballot>,
  others: unknown,
  locate: (p: PropertyKey[]) => { line: number; col: number } | undefined,
): Ballot[] {
  const known = new Set(c.members.map((m) => m.id));
  const issues = Object.keys(votes)
    .filter((k) => !known.has(k))
    .map((k) => ({
      severity: "error" as const,
      code: "unknown-member",
      path: formatPath(["votes", k]),
      message: `unknown member ${JSON.stringify(k)}; expected one of ${c.members.map((m) => m.id).join(", ")}`,
      ...(locate(["votes", k]) ? { at: { file: "body", ...locate(["votes", k])! } } : {}),
    }));
  const fallback = typeof others === "string" ? (others as Ballot) : undefined;
  const missing = c.members.filter((m) => votes[m.id] === undefined).map((m) => m.id);
  if (missing.length > 0 && fallback === undefined)
    issues.push({
      severity: "error",
      code: "missing-member",
      path: "votes",
      message: `no ballot for ${missing.join(", ")}; give every member's, or others: yes|no|abstain for the rest`,
    });
  if (issues.length > 0) throw new InputError(issues);
  return c.members.map((m) => votes[m.id] ?? fallback!);
}

export function registerCouncilRoutes(ctx: ServerContext) {
  const { app, table, jobs } = ctx;
  let kept: Council | undefined;
  const council = () => (kept ??= loadCouncilFrom(process.cwd()));

  route(
    app,
    table,
    {
      method: "GET",
      url: "/api/council/rules",
      tag: "council",
      access: "read",
      summary:
        "The voting rules and the kinds of measure with their treaty basis (levier council rules --json)",
      responses: { 200: "The rules" },
    },
    async () => rulesDocument(council()),
  );

  route(
    app,
    table,
    {
      method: "GET",
      url: "/api/council/power",
      tag: "council",
      access: "read",
      query: z.object({ rule: z.string().min(1).describe("a voting rule") }),
      summary:
        "Exact Banzhaf and Shapley–Shubik power of each member under a rule (levier council power --json)",
      responses: { 200: "The power document" },
    },
    async ({ query }) =>
      jobs.run("council", { op: "power", rule: query.rule }, `power:${query.rule}`),
  );

  route(
    app,
    table,
    {
      method: "POST",
      url: "/api/council/vote",
      tag: "council",
      access: "read",
      body: VoteBody,
      summary:
        "Whether a measure passes: on members' gains (as levier council vote --json) or on ballots given member by member",
      responses: { 200: "{ pass, outcomes (by rule), yes, no, abstain, tally, pivotal, members }" },
    },
    async ({ body, text }) => {
      const c = council();
      const chosen = rulesFor(c, body, NAMES);
      const doc = bodyDoc(text);
      if (body.votes !== undefined) {
        const votes = body.votes as Record<string, Ballot>;
        return voteOnBallots(
          c,
          chosen,
          ballotsOf(c, votes, body.others, (p) => doc.locate(p)),
        );
      }
      if (body.gains === undefined)
        throw new ApiError(400, "give gains (each member's gain) or votes (each member's ballot)");
      const { gains, issues } = gainsFromRequest(doc, c.members);
      if (!gains) throw new ApiError(400, issuesMessage(issues), apiIssues(issues));
      return voteOnGains(c, chosen, gains).doc;
    },
  );

  route(
    app,
    table,
    {
      method: "POST",
      url: "/api/council/compensate",
      tag: "council",
      access: "read",
      body: CompensateBody,
      summary:
        "The least transfer between members that makes a measure pass (levier council compensate --json)",
      responses: { 200: "The compensation" },
    },
    async ({ text }) => jobs.run("council", { op: "compensate", body: text }, `compensate:${text}`),
  );
}
