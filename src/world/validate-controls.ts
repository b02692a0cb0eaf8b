/**
 * Checks of a world's export controls that the schema cannot express: references that resolve
 * (actors, blocs or groups), goods that exist, an end after the start, a source that exists, an
 * as-of date to judge them by; and a warning for a control in force that caps no route.
 * @module
 */
import type { Issue } from "../diagnostics/issue.js";
import { realise } from "../run/realise.js";
import { resolveRefs } from "../scenario/refs.js";
import type { World } from "./schema.js";
import { supplierShare } from "./shares.js";

type Report = (
  severity: Issue["severity"],
  code: string,
  path: PropertyKey[],
  message: string,
) => void;

export function checkControls(world: World, report: Report): void {
  if (world.controls.length === 0) return;
  const error = (code: string, path: PropertyKey[], message: string) =>
    report("error", code, path, message);
  const actors = new Set(world.actors.map((a) => a.id));
  const groups = new Set(world.groups.map((g) => g.id));
  const real = realise(world);
  const goods = new Map(real.goods.map((g) => [g.id, g]));
  const sources = new Set(world.sources.map((s) => s.id));
  if (world.meta.asOf === undefined)
    error(
      "no-as-of",
      ["controls", 0],
      "a world with controls needs meta.asOf, the year that decides which are in force",
    );
  world.controls.forEach((c, i) => {
    for (const side of ["from", "to"] as const) {
      c[side].forEach((r, j) => {
        const isActor = /^[A-Z]/.test(r);
        if (isActor ? !actors.has(r) : !groups.has(r))
          error(
            "unknown-id",
            ["controls", i, side, j],
            `unknown ${isActor ? "actor" : "group"} ${JSON.stringify(r)}; expected an actor id (a bloc stands for its members) or a group id`,
          );
      });
    }
    c.goods.forEach((g, j) => {
      if (!goods.has(g))
        error(
          "unknown-id",
          ["controls", i, "goods", j],
          `unknown good ${JSON.stringify(g)}; expected one of the ids in goods`,
        );
    });
    if (c.until !== undefined && c.until <= c.since)
      error(
        "range",
        ["controls", i, "until"],
        `expected the month it ended after the month it began (${c.since}), found ${c.until}`,
      );
    if (c.source !== undefined && !sources.has(c.source))
      error(
        "unknown-source",
        ["controls", i, "source"],
        `source ${JSON.stringify(c.source)} is not defined in sources`,
      );
    const from = resolveRefs(world, [], c.from);
    const makes = real.suppliers.some(
      (s) =>
        from.has(s.actor) &&
        c.goods.includes(s.good) &&
        goods.has(s.good) &&
        supplierShare(s, goods.get(s.good)!) > 0,
    );
    if (!makes && c.from.every((r) => actors.has(r) || groups.has(r)))
      report(
        "warning",
        "no-route",
        ["controls", i, "from"],
        `${c.id}: none of ${c.from.join(", ")} makes ${c.goods.join(", ")}; the control caps no route`,
      );
  });
}
