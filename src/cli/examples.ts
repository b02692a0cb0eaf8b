/**
 * One worked example per command, shown at the end of its `--help` (as git's and curl's
 * manuals do). Keyed by the command's path under `levier`. test/cli/help.test.ts checks that
 * every command has one and that each names its own command.
 * @module
 */
export const EXAMPLES: Record<string, string[]> = {
  run: [
    "levier run examples/taiwan-fab-disruption.yaml --out out   # an HTML report in out/",
    "levier run examples/nl-lithography-cut-to-china.yaml --months 12 --json > run.json",
    "levier run examples/taiwan-fab-disruption.yaml --charts charts   # charts/*.svg and *.png",
    "levier run examples/taiwan-fab-disruption.yaml --csv --table actors > actors.csv",
    "levier run examples/taiwan-fab-disruption.yaml --draws 200 --seed 7   # ranges over 200 draws",
    "levier run examples/taiwan-fab-disruption.yaml --draws 2000 --redis redis://10.0.0.5:6379   # on levier workers",
  ],
  sensitivity: [
    "levier sensitivity examples/taiwan-fab-disruption.yaml --output eu.bloc.loss --months 12",
    "levier sensitivity examples/us-ai-diffusion-caps-2025.yaml --output actors.PL.loss --method sobol --samples 32",
  ],
  chokepoints: [
    "levier chokepoints --actor NL --top 10   # where the Netherlands is indispensable",
    "levier chokepoints --csv > chokepoints.csv   # every row, raw figures, for a spreadsheet",
  ],
  exposure: [
    "levier exposure EU --horizon 12   # what the EU depends on, and what each cut-off costs",
    "levier exposure EU --draws 20 --seed 1   # with each loss's range over 20 draws",
  ],
  leverage: [
    "levier leverage --actors US,CN,EU,NL,TW --top 10",
    "levier leverage --actors US,CN,EU,NL,TW --draws 20   # ranges; share of draws each holds",
  ],
  "value-added": [
    "levier value-added --actor EU --good vehicles   # who made the value of the EU's cars",
  ],
  io: ["levier io --level goods --extract euv_lithography   # Leontief multipliers, extraction"],
  dependencies: ["levier dependencies --json > dependencies.json"],
  "report profile": ["levier report profile NL --out out --format html --charts out/charts"],
  "council rules": ["levier council rules"],
  "council power": ["levier council power --rule qmv"],
  "council vote": [
    "levier council vote --rule qmv --gains gains.yaml   # gains: { DE: 1.2e9, FR: -3e8, ... } (docs/council.md)",
  ],
  "council compensate": ["levier council compensate --rule qmv --gains gains.yaml --budget"],
  "data validate": [
    "levier data validate   # the world in use",
    "levier data validate data/goods.yaml   # one file, in the context of its world",
  ],
  "data show": ["levier data show --top 5"],
  "data sources": ["levier data sources --json > sources.json"],
  "data schema": ["levier data schema > world.schema.json   # the same as levier schema world"],
  "data import mrio": [
    "levier data import mrio ../shared/data/wiod --layout wiod --out /tmp/world",
  ],
  "data import eto": [
    "levier data import eto eto-chip-explorer/data --out /tmp/suppliers.csv   # the changed shares",
  ],
  "data import trade": [
    "levier data import trade BACI_HS22_Y2023_V202501.csv --countries country_codes_V202501.csv --out trade.yaml",
  ],
  schema: [
    "levier schema scenario --out scenario.schema.json",
    "levier schema result > result.schema.json   # what levier run --json prints",
  ],
  "game solve": [
    "levier game solve game.nfg   # Nash equilibria, dominance, threats (Gambit .nfg/.efg)",
  ],
  serve: [
    "levier serve   # http://127.0.0.1:8080/ over levier.db in this directory",
    "levier serve --new-token analyst   # prints a write token once",
    "levier serve --db postgres://levier:secret@db:5432/levier --port 8080 --private",
  ],
  worker: [
    "levier worker --redis redis://10.0.0.5:6379 --concurrency 4   # on each machine; Ctrl-C stops it",
  ],
  "game build": [
    "levier game build examples/games/us-caps-vs-eu-retaliation.yaml --out out",
    "levier game build examples/games/us-caps-vs-eu-retaliation.yaml --draws 50   # verdicts under uncertainty",
  ],
};

/** The path of a command under the program: "report profile", "run". */
export function commandPath(cmd: { name(): string; parent: unknown }): string {
  const names: string[] = [];
  let c = cmd as { name(): string; parent: unknown } | null;
  while (c && (c as { parent: unknown }).parent) {
    names.unshift(c.name());
    c = (c as { parent: { name(): string; parent: unknown } | null }).parent;
  }
  return names.join(" ");
}
