/**
 * From a scenario file's text to a checked scenario and the world it runs on (the world in use,
 * patched by the scenario's `world:`). Every problem is reported with file:line:col; nothing is
 * half-loaded.
 * @module
 */
import { formatPath, hasErrors, type Issue } from "../diagnostics/issue.js";
import type { LocatedDoc } from "../parse/located.js";
import { parseYaml } from "../parse/yaml.js";
import { type LoadedWorld, patchWorldOf } from "../world/load.js";
import type { World } from "../world/schema.js";
import { validateDoc } from "../world/schema-issues.js";
import { checkAutomation } from "./automation-check.js";
import { type Scenario, ScenarioSchema } from "./schema.js";

export interface LoadedScenario {
  scenario: Scenario;
  world: LoadedWorld;
  /** Where each part of the scenario is, for later messages. */
  doc: LocatedDoc;
  /** When `--months` left measures out: each kept measure's index in the file. */
  measureIndex?: number[];
}

export interface ScenarioOptions {
  /** Overrides the scenario's horizon; measures that end later are cut at it. */
  horizon?: number;
}

export function loadScenario(
  text: string,
  file: string,
  world: LoadedWorld,
  options: ScenarioOptions = {},
): { loaded?: LoadedScenario; issues: Issue[] } {
  const parsed = parseYaml(text, file);
  if (!parsed.doc) return { issues: parsed.issues };
  const doc = parsed.doc;
  const { value: scenario, issues } = validateDoc(ScenarioSchema, doc, "scenario");
  if (!scenario) return { issues };
  const cut: Issue[] = [];
  const dropped = new Set<number>();
  const horizon = options.horizon;
  if (horizon !== undefined) {
    scenario.horizon = horizon;
    scenario.measures.forEach((m, i) => {
      if ((m.start ?? 1) > horizon) {
        // Cut by --months: a measure that starts after the horizon changes nothing within it.
        dropped.add(i);
        cut.push({
          severity: "warning",
          code: "cut",
          at: doc.locate(["measures", i, "start"]),
          path: `measures[${i}].start`,
          message: `starts in month ${m.start}, after the ${horizon}-month horizon; left out of the run`,
        });
        return;
      }
      if (m.end !== undefined && m.end > horizon && (m.start ?? 1) <= horizon) {
        cut.push({
          severity: "warning",
          code: "cut",
          at: doc.locate(["measures", i, "end"]),
          path: `measures[${i}].end`,
          message: `ends in month ${m.end}, after the ${horizon}-month horizon; cut at the horizon`,
        });
        m.end = horizon;
      }
    });
  }
  const result = patchWorldOf(world, scenario.world, doc);
  if (!result.world) return { issues: result.issues };
  const patched = result.world;
  const problems = [...cut, ...checkScenario(scenario, patched.world, doc, dropped)];
  if (hasErrors(problems)) return { issues: problems };
  if (dropped.size === 0) return { loaded: { scenario, world: patched, doc }, issues: problems };
  const measureIndex = scenario.measures.flatMap((_, i) => (dropped.has(i) ? [] : [i]));
  scenario.measures = measureIndex.map((i) => scenario.measures[i]!);
  return { loaded: { scenario, world: patched, doc, measureIndex }, issues: problems };
}

/** Checks that need the world: ids that resolve, months in order, one way to state a cap. */
export function checkScenario(
  s: Scenario,
  world: World,
  doc: LocatedDoc,
  dropped: ReadonlySet<number> = new Set(),
): Issue[] {
  const issues: Issue[] = [];
  const error = (path: PropertyKey[], code: string, message: string) =>
    issues.push({ severity: "error", code, at: doc.locate(path), path: formatPath(path), message });
  const actors = new Map(world.actors.map((a) => [a.id, a]));
  const goods = new Set(world.goods.map((g) => g.id));
  const groups = new Set(world.groups.map((g) => g.id));
  (s.groups ?? []).forEach((g, i) => {
    if (groups.has(g.id))
      error(
        ["groups", i, "id"],
        "duplicate",
        `group ${JSON.stringify(g.id)} is already defined by the world`,
      );
    groups.add(g.id);
    g.members.forEach((m, j) => {
      if (!actors.has(m))
        error(["groups", i, "members", j], "unknown-id", `unknown actor ${JSON.stringify(m)}`);
    });
  });
  const refs = (path: PropertyKey[], list: readonly string[]) =>
    list.forEach((r, j) => {
      const isActor = /^[A-Z]/.test(r);
      if (isActor ? !actors.has(r) : !groups.has(r)) {
        error(
          [...path, j],
          "unknown-id",
          `unknown ${isActor ? "actor" : "group"} ${JSON.stringify(r)}; expected an actor id or a group id of the world or the scenario`,
        );
      }
    });
  const goodRefs = (path: PropertyKey[], list: readonly string[]) =>
    list.forEach((g, j) => {
      if (!goods.has(g))
        error(
          [...path, j],
          "unknown-id",
          `unknown good ${JSON.stringify(g)}; expected one of the ids in goods`,
        );
    });
  const goodRef = (path: PropertyKey[], g: string) => {
    if (!goods.has(g))
      error(
        path,
        "unknown-id",
        `unknown good ${JSON.stringify(g)}; expected one of the ids in goods`,
      );
  };
  s.measures.forEach((m, i) => {
    const at = (...p: PropertyKey[]) => ["measures", i, ...p];
    const start = m.start ?? 1;
    const end = m.end ?? s.horizon;
    // A measure --months leaves out is checked for its ids, not its months.
    const timed = !dropped.has(i);
    if (timed && start > s.horizon)
      error(
        at("start"),
        "range",
        `expected a start month within the horizon (1–${s.horizon}), found ${start}`,
      );
    if (timed && end < start && start <= s.horizon)
      error(at("end"), "range", `expected an end month >= start (${start}), found ${end}`);
    else if (timed && end > s.horizon)
      error(
        at("end"),
        "range",
        `expected an end month within the horizon (1–${s.horizon}), found ${end}`,
      );
    switch (m.type) {
      case "export_control":
      case "agreement": {
        refs(at("from"), m.from);
        refs(at("to"), m.to);
        goodRefs(at("goods"), m.goods);
        const amount = m.type === "export_control" ? "cap" : "share";
        const given = (m.type === "export_control" ? m.cap : m.share) !== undefined;
        if (given === (m.quantity !== undefined)) {
          error(
            at(),
            "schema",
            `expected exactly one of ${amount} and quantity, found ${given ? "both" : "neither"}`,
          );
        }
        if (m.per !== undefined && m.quantity === undefined)
          error(at("per"), "schema", "per goes with quantity");
        break;
      }
      case "conditional_access":
        refs(at("from"), m.from);
        refs(at("to"), m.to);
        goodRefs(at("goods"), m.goods);
        break;
      case "capacity_shock":
      case "capacity_growth":
      case "stockpile":
        refs(at("actors"), m.actors);
        goodRefs(at("goods"), m.goods);
        break;
      case "lift_control": {
        const known = new Set(world.controls.map((c) => c.id));
        m.controls.forEach((id, j) => {
          if (!known.has(id))
            error(
              at("controls", j),
              "unknown-id",
              `unknown control ${JSON.stringify(id)}; expected one of the ids in the world's controls (levier data show lists them)`,
            );
        });
        break;
      }
      case "investment": {
        const a = actors.get(m.actor);
        if (!a) error(at("actor"), "unknown-id", `unknown actor ${JSON.stringify(m.actor)}`);
        else if (a.kind === "bloc")
          error(
            at("actor"),
            "bloc-not-allowed",
            `${m.actor} is a bloc; expected one investment per member state`,
          );
        goodRef(at("good"), m.good);
        if (start + (m.lagMonths ?? 0) > s.horizon) {
          issues.push({
            severity: "warning",
            code: "after-horizon",
            at: doc.locate(at("lagMonths")),
            path: formatPath(at("lagMonths")),
            message: `the capacity arrives in month ${start + (m.lagMonths ?? 0)}, after the horizon (${s.horizon}); it changes nothing`,
          });
        }
        break;
      }
    }
  });
  if (s.report?.goods) goodRefs(["report", "goods"], s.report.goods);
  if (s.report?.headline === "capacity-share" && !s.report.capacityShare)
    error(
      ["report", "headline"],
      "no-capacity-share",
      "the headline capacity-share needs report.capacityShare (the actors and the good whose share of world capacity to follow)",
    );
  if (s.report?.headline === "eu" && !actors.has("EU"))
    error(["report", "headline"], "no-eu", "the headline eu needs an EU bloc in the world");
  if (s.report?.capacityShare) {
    refs(["report", "capacityShare", "actors"], s.report.capacityShare.actors);
    goodRef(["report", "capacityShare", "good"], s.report.capacityShare.good);
  }
  if (s.report?.headline === "value-capture" && !s.automation)
    error(
      ["report", "headline"],
      "no-automation",
      "the headline value-capture needs an automation section (the path whose value capture to follow)",
    );
  if (s.automation) issues.push(...checkAutomation(s.automation, s.groups ?? [], world, doc));
  return issues;
}
