/**
 * Progress on stderr (src/cli/progress.ts): drawn when stderr is a terminal (here a pseudo-
 * terminal from util-linux's `script`), cleared before the command prints; never drawn into a
 * pipe or under --json.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin/levier.js");
const WORLD = join(ROOT, "test/fixtures/analysis/chain.yaml");
const BUILT = existsSync(join(ROOT, "dist/cli/main.js"));
const argv = ["exposure", "DD", "--threads", "1", "--world", WORLD];

describe.runIf(BUILT || process.env.CI)("progress", () => {
  it("is drawn on a terminal and cleared before the table", () => {
    const line = [process.execPath, BIN, ...argv].map((a) => `'${a}'`).join(" ");
    const r = spawnSync("script", ["-qec", line, "/dev/null"], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/exposure \[[=-]+\] \d+\/\d+ simulations/);
    expect(r.stdout).toContain("supplier withholding everything");
  });

  it("is not drawn into a pipe, nor under --json", () => {
    for (const extra of [[], ["--json"]]) {
      const r = spawnSync(process.execPath, [BIN, ...argv, ...extra], {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(r.status).toBe(0);
      expect(r.stderr).not.toMatch(/simulations/);
      expect(r.stdout).not.toMatch(/simulations, /);
    }
  });
});

describe.runIf(!BUILT && !process.env.CI)("progress", () => {
  it("SKIPPED: dist/ is not built (npm run build; npm test does it)", () => {});
});
