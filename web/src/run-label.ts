/**
 * How a run is named in the pickers: its scenario's name, when it was started, and its draws,
 * rather than two identifiers nobody reads. The run's id ends the label, so two runs of the
 * same scenario started in the same minute still differ.
 * @module
 */
import type { RunRow, ScenarioRow } from "./types.js";

export function runLabel(r: RunRow, scenarios: readonly ScenarioRow[] | undefined): string {
  const name = scenarios?.find((s) => s.id === r.scenarioId)?.name ?? `scenario ${r.scenarioId}`;
  const when = r.createdAt ? `${r.createdAt.slice(0, 16).replace("T", " ")} UTC` : undefined;
  const draws = r.draws ? `${r.draws} draws` : "central";
  return `${name} (${[when, draws].filter(Boolean).join(", ")}; run ${r.id.slice(0, 8)})`;
}
