/**
 * External programs some tests need (lrsnash, chromium, redis-server, PostgreSQL). When one is
 * missing the test says so plainly; under CI (CI=true) a missing tool is a failure, never a
 * silent skip.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

export function findTool(name: string, candidates: string[] = []): string | undefined {
  for (const c of candidates) if (existsSync(c)) return c;
  try {
    const path = execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
    return path === "" ? undefined : path;
  } catch {
    return undefined;
  }
}

/**
 * The path of a required tool. Under CI a missing tool throws (the suite fails); elsewhere it
 * returns undefined and the caller skips with `skipReason(name)` in the test's name.
 */
export function requireTool(
  name: string,
  apt: string,
  candidates: string[] = [],
): string | undefined {
  const found = findTool(name, candidates);
  if (!found && process.env.CI) {
    throw new Error(
      `${name} is not installed but tests need it: apt-get install ${apt} (.ci/run does)`,
    );
  }
  return found;
}

export function skipReason(name: string, apt: string): string {
  return `SKIPPED: ${name} is not installed (apt-get install ${apt}); CI fails instead of skipping`;
}
