/** An independent path to a withholding's result: a scenario with an export control at cap 0,
 * compiled, run and summarised by the engine's own pipeline (scenario/, simulate/); each
 * actor's total loss (the measure analyses use by default). */

import { realiseScenario } from "../../src/run/realise.js";
import { runScenario } from "../../src/run/scenario-run.js";
import { loadScenario } from "../../src/scenario/load.js";
import { loadFixture } from "../helpers/world.js";

export function lossByScenario(
  fixture: string,
  from: string[],
  to: string[],
  months: number,
  goods: string[],
): Map<string, number> {
  const { world } = loadFixture(`analysis/${fixture}.yaml`);
  if (!world) throw new Error(`fixture ${fixture} does not load`);
  const text = [
    "name: withhold",
    `horizon: ${months}`,
    "measures:",
    "  - type: export_control",
    `    from: [${from.join(", ")}]`,
    `    to: [${to.join(", ")}]`,
    `    goods: [${goods.join(", ")}]`,
    "    cap: 0",
  ].join("\n");
  const { loaded, issues } = loadScenario(text, "withhold.yaml", world);
  if (!loaded) throw new Error(issues.map((i) => i.message).join("; "));
  const run = runScenario(realiseScenario(loaded));
  return new Map(run.result.actors.map((a) => [a.id, a.loss]));
}
