/**
 * `levier council rules|power|vote|compensate`: the Council's voting rules, exact power
 * indices, votes on given gains, and the least compensation that makes a measure pass. The
 * council data (rules, measure kinds, 2025 populations) is read from data/council, or from the
 * directory given with --council-data; gains come from a YAML/JSON file (--gains).
 * @module
 */
import { resolve } from "node:path";
import type { Command } from "commander";
import { type CompensationResult, compensate } from "../council/compensation/compensate.js";
import type { Council } from "../council/council.js";
import { type Gains, gainsFromDoc } from "../council/gains.js";
import {
  describeRule,
  type PowerDocument,
  powerDocument,
  rulesDocument,
} from "../council/report.js";
import { type Rule, thresholdsOf } from "../council/rule.js";
import type { VoteResult } from "../council/vote.js";
import { rulesFor as chooseRules, ruleNamed, voteOnGains } from "../council/vote-document.js";
import { InputError } from "../diagnostics/errors.js";
import { councilReader, DEFAULT_COUNCIL_DATA, loadCouncilFrom } from "../io/council-files.js";
import { loadHighsSolver } from "../node/highs.js";
import { parseYaml } from "../parse/yaml.js";
import { formatNumber, pct } from "../report/format.js";
import type { Table } from "../report/table.js";
import { emptyCell, pctCell, UNITS } from "../report/table.js";
import { tableText } from "../report/text-table.js";
import { type CliContext, printJson } from "./context.js";
import { printTables, type TableFlags, withTables } from "./tables.js";

export { DEFAULT_COUNCIL_DATA };

interface DataOpts extends TableFlags {
  councilData?: string;
  json?: boolean;
}
interface MeasureOpts extends DataOpts {
  rule?: string;
  measure?: string;
  gains: string;
}

export function registerCouncil(program: Command, ctx: CliContext): void {
  const council = program
    .command("council")
    .description("EU Council: voting rules, power indices, votes and compensation");
  const dataOption = (cmd: Command) =>
    cmd
      .option(
        "--council-data <dir>",
        "directory with the council datapackage.json (default: data/council)",
      )
      .option("--json", "print one JSON document");

  withTables(
    dataOption(
      council
        .command("rules")
        .description("list the voting rules and the kinds of measure with their treaty basis"),
    ),
    ["rules", "measures"],
  ).action((opts: DataOpts) => {
    const c = loadFor(ctx, opts);
    if (opts.json) return printJson(ctx, rulesDocument(c));
    const tables = rulesTables(c);
    printTables(ctx, opts, tables, () => `${tables.map((t) => tableText(t)).join("\n\n")}\n`);
  });

  withTables(
    dataOption(
      council
        .command("power")
        .description(
          "exact Banzhaf and Shapley–Shubik power of each member, and the probability of passage",
        )
        .requiredOption("--rule <rule>", "voting rule (council rules lists them)"),
    ),
    ["members"],
  ).action((opts: DataOpts & { rule: string }) => {
    const c = loadFor(ctx, opts);
    const doc = powerDocument(c, ruleFor(c, opts.rule));
    if (opts.json) return printJson(ctx, doc);
    printTables(ctx, opts, [powerTable(doc)], () => renderPower(doc));
  });

  const measureOptions = (cmd: Command) =>
    dataOption(
      cmd
        .option("--rule <rule>", "voting rule (council rules lists them)")
        .option("--measure <kind>", "kind of measure: every act it needs must pass")
        .requiredOption("--gains <file>", "YAML/JSON file of each member's gain (docs/council.md)"),
    );

  measureOptions(
    council.command("vote").description("whether a measure passes, given each member's gain"),
  ).action((opts: MeasureOpts) => {
    const c = loadFor(ctx, opts);
    const { rules, measure } = rulesFor(c, opts);
    const gains = readGains(ctx, opts.gains, c);
    const { result, doc } = voteOnGains(c, { rules, ...(measure ? { measure } : {}) }, gains);
    if (opts.json) printJson(ctx, doc);
    else ctx.stdout.write(renderVote(result, rules));
  });

  withTables(
    measureOptions(
      council
        .command("compensate")
        .description("the least transfer between members that makes a measure pass"),
    ),
    ["transfers"],
  )
    .option("--all-gain", "every member must end with a gain of at least 0")
    .option("--budget", "the EU budget may pay what the members who gain cannot")
    .action(async (opts: MeasureOpts & { allGain?: boolean; budget?: boolean }) => {
      const c = loadFor(ctx, opts);
      const { rules, measure } = rulesFor(c, opts);
      const gains = readGains(ctx, opts.gains, c);
      const solver = await loadHighsSolver();
      const input = {
        rules,
        members: c.members,
        gains: gains.gains,
        abstentionBand: gains.abstentionBand,
        allGain: opts.allGain === true,
        budget: opts.budget === true,
      };
      const result = compensate(input, solver);
      if (opts.json)
        printJson(ctx, {
          ...(measure ? { measure } : {}),
          ...(gains.unit ? { unit: gains.unit } : {}),
          ...result,
        });
      else
        printTables(ctx, opts, [transfersTable(result, gains.unit)], () =>
          renderCompensation(result, gains.unit),
        );
    });
}

/** The Council data in use (data/council unless --council-data says otherwise). */
export function loadFor(ctx: CliContext, opts: DataOpts = {}): Council {
  const dir = opts.councilData ? resolve(ctx.cwd, opts.councilData) : DEFAULT_COUNCIL_DATA;
  return loadCouncilFrom(ctx.cwd, dir);
}

function ruleFor(c: Council, name: string): Rule {
  return ruleNamed(c, name);
}

function rulesFor(c: Council, opts: MeasureOpts): { rules: Rule[]; measure?: string } {
  return chooseRules(c, opts);
}

function readGains(ctx: CliContext, path: string, c: Council): Gains {
  const text = councilReader(ctx.cwd).read(path);
  if (text === undefined)
    throw InputError.single(
      "missing-file",
      `cannot read ${path}; expected a YAML or JSON file of gains`,
      {
        file: path,
        line: 1,
        col: 1,
      },
    );
  const parsed = parseYaml(text, path);
  if (!parsed.doc) throw new InputError(parsed.issues);
  const { gains, issues } = gainsFromDoc(parsed.doc, c.members);
  if (!gains) throw new InputError(issues);
  return gains;
}

/** The voting rules and the kinds of measure, with their treaty basis. */
function rulesTables(c: Council): Table[] {
  const rules: Table = {
    name: "rules",
    columns: [
      { header: "rule" },
      { header: "name" },
      { header: "requirement" },
      { header: `EU-${c.members.length} yes / persons` },
      { header: "basis" },
    ],
    rows: c.rules.map((r) => {
      const t = thresholdsOf(r, c.members);
      return [
        r.id,
        r.name,
        describeRule(r),
        `${t.minYes}${t.populationQuota ? ` / ${formatNumber(t.populationQuota)}` : ""}`,
        r.basis,
      ];
    }),
  };
  const kinds: Table = {
    name: "measures",
    columns: [
      { header: "measure kind" },
      { header: "rules" },
      { header: "basis" },
      { header: "name" },
    ],
    rows: c.measureKinds.map((k) => [
      k.id,
      k.steps.map((s) => s.rule).join(" + "),
      k.steps.map((s) => s.basis).join("; "),
      k.name,
    ]),
  };
  return [rules, kinds];
}

/** Each member's population and power under the rule. */
function powerTable(doc: PowerDocument): Table {
  return {
    name: "members",
    columns: [
      { header: "member" },
      { header: "name" },
      { header: "population" },
      { header: "share", unit: UNITS.fraction },
      { header: "Banzhaf", unit: UNITS.fraction },
      { header: "Shapley–Shubik", unit: UNITS.fraction },
    ],
    rows: doc.members.map((m) => [
      m.id,
      m.name,
      m.population,
      pctCell(m.populationShare, 2),
      m.banzhaf === null ? emptyCell("-") : pctCell(m.banzhaf, 2),
      m.shapleyShubik === null ? emptyCell("-") : pctCell(m.shapleyShubik, 2),
    ]),
  };
}

/** The transfers that make the measure pass (members whose transfer is not 0). */
function transfersTable(r: CompensationResult, unit: string | undefined): Table {
  const u = unit ? { unit } : {};
  return {
    name: "transfers",
    columns: [
      { header: "member" },
      { header: "gain", ...u },
      { header: "transfer", ...u },
      { header: "gain after", ...u },
      { header: "role" },
    ],
    rows: r.transfers
      .filter((t) => t.transfer !== 0)
      .map((t) => [
        t.member,
        t.gain,
        t.transfer,
        t.finalGain,
        t.transfer > 0 ? "receives" : "pays",
      ]),
  };
}

function renderPower(doc: PowerDocument): string {
  const lines = [
    `${doc.name} (${doc.rule}), ${doc.basis}; population figures for ${doc.year}`,
    "",
    tableText(powerTable(doc)),
    "",
    `Probability that a random coalition passes: ${pct(doc.passProbability, 2)} (${formatNumber(doc.winningCoalitions)} of ${formatNumber(doc.coalitions)} coalitions; exact, by ${doc.method})`,
  ];
  return `${lines.join("\n")}\n`;
}

function renderVote(result: VoteResult, rules: Rule[]): string {
  const lines = [`The measure ${result.pass ? "PASSES" : "FAILS"}.`];
  result.outcomes.forEach((o, i) =>
    lines.push(`  ${rules[i]?.name ?? o.rule}: ${o.pass ? "passes" : "fails"}, ${o.reason}`),
  );
  lines.push(
    `Yes (${result.yes.length}, ${pct(result.tally.yesPopulationShare, 2)} of population): ${result.yes.join(" ") || "-"}`,
  );
  lines.push(`No (${result.no.length}): ${result.no.join(" ") || "-"}`);
  lines.push(`Abstain (${result.abstain.length}): ${result.abstain.join(" ") || "-"}`);
  lines.push(
    `Pivotal: ${result.pivotal.map((p) => `${p.member} (${p.ballot} -> ${p.switchTo.join("/")})`).join(", ") || "none (no single member can change the outcome)"}`,
  );
  return `${lines.join("\n")}\n`;
}

function renderCompensation(r: CompensationResult, unit: string | undefined): string {
  const u = unit ? ` ${unit}` : "";
  const lines: string[] = [];
  lines.push(
    `Without transfers the measure ${r.passesWithoutTransfers ? "passes" : "fails"} (${r.rules.join(" + ")}).`,
  );
  if (r.status === "infeasible") {
    lines.push("No transfer between members makes it pass: those who gain do not gain enough.");
    if (r.shortfall !== undefined)
      lines.push(`The EU budget would have to add ${formatNumber(r.shortfall)}${u} (--budget).`);
    return `${lines.join("\n")}\n`;
  }
  lines.push(
    `Least total transfer: ${formatNumber(r.total)}${u} (from members ${formatNumber(r.fromMembers)}, from the EU budget ${formatNumber(r.fromBudget)}).`,
  );
  if (r.bought.length > 0) lines.push(`Bought to vote yes: ${r.bought.join(" ")}`);
  const moved = transfersTable(r, unit);
  if (moved.rows.length > 0) lines.push("", tableText(moved));
  if (r.after) lines.push("", `With the transfers: ${renderVote(r.after, []).trimEnd()}`);
  return `${lines.join("\n")}\n`;
}
