/**
 * The installed command: `bin/levier.js` runs the built CLI (npm ci builds it; npm test builds
 * before testing), as `npx levier` does from the repository root.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const BUILT = existsSync(resolve(ROOT, "dist/cli/main.js"));

describe("bin/levier.js", () => {
  it.skipIf(!BUILT && !process.env.CI)(
    BUILT
      ? "validates the default world with exit 0"
      : "SKIPPED: dist/ is not built (npm run build; npm test does it)",
    () => {
      const out = execFileSync(process.execPath, ["bin/levier.js", "data", "validate"], {
        cwd: ROOT,
        encoding: "utf8",
      });
      expect(out).toMatch(/^data: ok, \d+ figures/);
    },
  );

  it.skipIf(!BUILT && !process.env.CI)(
    BUILT ? "exits 2 on bad input and 0 on --help" : "SKIPPED: dist/ is not built",
    () => {
      const bad = spawnSync(process.execPath, ["bin/levier.js", "run", "no-such-scenario.yaml"], {
        cwd: ROOT,
        encoding: "utf8",
      });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain("no-such-scenario.yaml:1:1: error[not-found]");
      const help = spawnSync(process.execPath, ["bin/levier.js", "--help"], {
        cwd: ROOT,
        encoding: "utf8",
      });
      expect(help.status).toBe(0);
      expect(help.stdout).toContain("Usage: levier");
    },
  );
});
