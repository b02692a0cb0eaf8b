/**
 * The Council section of a run report: who inside the EU pays for the measure, whether it
 * passes under the rules its treaty basis requires, who is pivotal, and the least compensation
 * that would make it pass.
 * @module
 */
import type { CouncilOnScenario } from "../council/on-scenario.js";
import type { Block } from "./blocks.js";
import { theName } from "./bottom-line.js";
import { pct, usd } from "./format.js";

/** `label`: an actor's name ("Netherlands"); ids where none is given. */
export function councilBlocks(
  c: CouncilOnScenario,
  label: (id: string) => string = (id) => id,
): Block[] {
  const name = (id: string) => theName(label(id));
  const names = (ids: readonly string[]) => ids.map(name).join(", ");
  const b: Block[] = [];
  b.push({ kind: "heading", level: 2, text: "The Council: who pays, and does it pass?" });
  const losers = c.members.filter((m) => m.gain < 0).sort((x, y) => x.gain - y.gain);
  const total = losers.reduce((s, m) => s - m.gain, 0);
  const top = losers[0];
  b.push({
    kind: "paragraph",
    text: `As a measure of the kind "${c.name}" (${c.basis.join("; ")}), the measure needs ${c.rules.join(" and ")} in the Council. Each member is counted as voting for it when its simulated loss (the total measure: final use it goes without and value added it loses, with the EU's measures against without them) does not rise (security benefits, the measure's purpose, are not priced here). The members lose ${usd(total)} in all${top ? `; ${name(top.member)} bears ${pct(top.costShare)} of it` : ""}.`,
  });
  b.push({
    kind: "paragraph",
    text: `Vote: the measure ${c.vote.pass ? "passes" : "fails"}. ${c.vote.outcomes.map((o) => `${o.rule}: ${o.reason.replace(/\.?$/, ".")}`).join(" ")} Yes: ${c.vote.yes.length} members (${pct(c.vote.tally.yesPopulationShare)} of the population); against: ${names(c.vote.no) || "none"}.${c.vote.pivotal.length > 0 ? ` Pivotal: ${names(c.vote.pivotal.map((p) => p.member))}.` : ""}`,
  });
  if (losers.length > 0) {
    b.push({
      kind: "table",
      header: ["member", "loss", "share of the EU's cost"],
      align: ["left", "right", "right"],
      rows: losers.map((m) => [label(m.member), usd(-m.gain), pct(m.costShare)]),
    });
  }
  const comp = c.compensation;
  if (comp.passesWithoutTransfers) {
    b.push({ kind: "paragraph", text: "It passes without any transfer between members." });
  } else if (comp.status === "optimal") {
    const from =
      comp.fromBudget > 0
        ? `, of which ${usd(comp.fromBudget)} from the EU budget because the members who gain cannot pay it all`
        : "";
    b.push({
      kind: "paragraph",
      text: `The least compensation that makes it pass: ${usd(comp.total)} in all${from}, bringing ${names(comp.bought)} to vote yes (checked by voting again with the transfers applied: it ${comp.after?.pass ? "passes" : "fails"}).`,
    });
    b.push({
      kind: "table",
      header: ["member", "gain", "transfer", "gain after"],
      align: ["left", "right", "right", "right"],
      rows: comp.transfers
        .filter((t) => t.transfer !== 0)
        .map((t) => [label(t.member), usd(t.gain), usd(t.transfer), usd(t.finalGain)]),
    });
  } else {
    b.push({
      kind: "paragraph",
      text: `No compensation makes it pass${comp.shortfall !== undefined ? ` (the budget would have to add ${usd(comp.shortfall)})` : ""}.`,
    });
  }
  return b;
}
