/**
 * A corpus of bad command lines and file-system failures, run as a user runs them (the built
 * `bin/levier.js` in a child process, with a time limit): each gets exit 2 and one short
 * message on stderr, never a stack trace or a hang; a reader that closes the pipe early stops
 * the command quietly. `--out` and `--charts` failures are caught before any simulation runs.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin/levier.js");
const BUILT = existsSync(join(ROOT, "dist/cli/main.js"));
/** Every case must finish within this (a hang fails the test instead of stalling it). */
const LIMIT_MS = 60_000;

const tmp = mkdtempSync(join(tmpdir(), "levier-bad-"));
chmodSync(tmp, 0o755);
const file = join(tmp, "a-file");
writeFileSync(file, "not a directory\n");
const readOnly = join(tmp, "read-only");
mkdirSync(readOnly);
chmodSync(readOnly, 0o555);
afterAll(() => {
  chmodSync(readOnly, 0o755);
  rmSync(tmp, { recursive: true, force: true });
});

const S = "examples/nl-lithography-cut-to-china.yaml";
const G = "examples/games/us-caps-vs-eu-retaliation.yaml";

/** [what, argv, a fragment the message must contain]. */
const CASES: [string, string[], string][] = [
  ["run without a scenario", ["run"], "missing required argument"],
  ["an unknown command", ["frobnicate"], "unknown command"],
  ["an unknown flag", ["run", S, "--frobnicate"], "unknown option"],
  ["--months 0", ["run", S, "--months", "0"], "--months"],
  ["--months abc", ["run", S, "--months", "abc"], "--months"],
  ["--months 1.5", ["run", S, "--months", "1.5"], "--months"],
  ["--months 5000", ["run", S, "--months", "5000"], "--months"],
  ["--months with no value", ["run", S, "--months"], "argument missing"],
  ["--draws beyond a million", ["run", S, "--draws", "2000000"], "--draws"],
  ["--draws 1.5", ["run", S, "--draws", "1.5"], "--draws"],
  ["--draws -3", ["run", S, "--draws", "-3"], "--draws"],
  ["--seed abc", ["run", S, "--seed", "abc"], "--seed"],
  ["--seed beyond 32 bits", ["run", S, "--draws", "2", "--seed", "4294967296"], "--seed"],
  ["--workers 0", ["run", S, "--draws", "2", "--workers", "0"], "--workers"],
  ["--sampling halton", ["run", S, "--draws", "2", "--sampling", "halton"], "--sampling"],
  ["--draws on a firm network", ["run", S, "--draws", "2", "--network", "x"], "--network"],
  ["--format pdf", ["run", S, "--format", "pdf"], "--format"],
  ["--format xlsx without --out", ["run", S, "--format", "xlsx"], "--out"],
  ["--loss bogus", ["run", S, "--loss", "bogus"], "bogus"],
  ["a scenario that does not exist", ["run", "no-such.yaml"], "no-such.yaml"],
  ["a scenario that is a directory", ["run", "examples"], "examples"],
  ["--network that does not exist", ["run", S, "--network", join(tmp, "none")], "nodes.csv"],
  ["--world that does not exist", ["--world", join(tmp, "none"), "run", S], "none"],
  ["run --out at a file", ["run", S, "--out", file], "is a file, not a directory"],
  ["run --out under a file", ["run", S, "--out", join(file, "sub")], "nothing can be written"],
  ["run --out under /proc", ["run", S, "--out", "/proc/levier-out"], "/proc is a system folder"],
  ["run --out under /sys", ["run", S, "--out", "/sys/levier-out"], "/sys is a system folder"],
  ["run --out under /dev", ["run", S, "--out", "/dev/levier-out"], "/dev is a system folder"],
  ["run --out read-only", ["run", S, "--out", join(readOnly, "out")], "no permission"],
  ["run --charts at a file", ["run", S, "--charts", file], `--charts ${file}: `],
  ["run --charts under a file", ["run", S, "--charts", join(file, "c")], "nothing can be written"],
  [
    "run --charts under /proc",
    ["run", S, "--charts", "/proc/levier-c"],
    "/proc is a system folder",
  ],
  ["run --charts read-only", ["run", S, "--charts", join(readOnly, "c")], "no permission"],
  ["run --charts with no value", ["run", S, "--charts"], "argument missing"],
  ["report profile --charts at a file", ["report", "profile", "NL", "--charts", file], "is a file"],
  ["run --csv with --json", ["run", S, "--csv", "--json"], "--csv and --json"],
  ["run --csv without --table", ["run", S, "--csv"], "pick one with --table"],
  ["run --table without --csv", ["run", S, "--table", "actors"], "add --csv"],
  ["run --table of no such table", ["run", S, "--csv", "--table", "x"], "--table: expected one of"],
  ["--table on a command of one table", ["io", "--csv", "--table", "x"], "unknown option"],
  ["chokepoints --csv --top 0", ["chokepoints", "--csv", "--top", "0"], "--top"],
  ["game build without a file", ["game", "build"], "missing required argument"],
  ["game build of a missing file", ["game", "build", "no-such-game.yaml"], "no-such-game.yaml"],
  ["game build --out at a file", ["game", "build", G, "--out", file], "is a file"],
  ["game build --out under /proc", ["game", "build", G, "--out", "/proc/x"], "/proc"],
  ["report profile --out at a file", ["report", "profile", "NL", "--out", file], "is a file"],
  ["report profile --format pdf", ["report", "profile", "NL", "--format", "pdf"], "--format"],
  ["report profile of an unknown actor", ["report", "profile", "XX"], "XX"],
  ["chokepoints --horizon abc", ["chokepoints", "--horizon", "abc"], "--horizon"],
  ["leverage --threads 0", ["leverage", "--threads", "0"], "--threads"],
  ["exposure --draws -1", ["exposure", "EU", "--draws", "-1"], "--draws"],
  ["exposure --seed x", ["exposure", "EU", "--draws", "2", "--seed", "x"], "--seed"],
  ["leverage --seed without --draws", ["leverage", "--seed", "3"], "give --draws N too"],
  [
    "leverage --workers vs --threads",
    ["leverage", "--draws", "2", "--workers", "2", "--threads", "1"],
    "--workers",
  ],
  ["data import with a bad layout", ["data", "import", "mrio", tmp, "--layout", "x"], "--layout"],
  [
    "data import --out at a file",
    ["data", "import", "mrio", tmp, "--layout", "wiod", "--out", file],
    "is a file",
  ],
  ["data validate of a missing file", ["data", "validate", join(tmp, "none.yaml")], "none.yaml"],
  [
    "--world on council rules, which reads none",
    ["council", "rules", "--world", "data"],
    "reads no world",
  ],
  [
    "--world before game solve, which reads none",
    ["--world", "data", "game", "solve", "x.nfg"],
    "reads no world",
  ],
];

/** As root, permission bits do not stop writes: run as `nobody` (setpriv, util-linux). */
function command(argv: string[]): [string, string[]] {
  const asRoot = process.getuid?.() === 0;
  return asRoot
    ? [
        "setpriv",
        ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, BIN, ...argv],
      ]
    : [process.execPath, [BIN, ...argv]];
}

describe.runIf(BUILT || process.env.CI)("bad command lines", () => {
  it("are at least 30", () => expect(CASES.length).toBeGreaterThanOrEqual(30));

  it.each(CASES)("%s: exit 2 and one message", (_, argv, fragment) => {
    const [cmd, args] = command(argv);
    const r = spawnSync(cmd, args, {
      cwd: ROOT,
      encoding: "utf8",
      timeout: LIMIT_MS,
      env: { ...process.env, HOME: tmp },
    });
    expect(r.error, "the command did not finish within the limit").toBeUndefined();
    expect(r.status, r.stderr).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines.length, r.stderr).toBeLessThanOrEqual(3);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr).toContain(fragment);
  });

  it("says when --seed and --workers had no effect (a run without draws), and runs", () => {
    const [cmd, args] = command(["run", S, "--draws", "0", "--seed", "4", "--months", "1"]);
    const r = spawnSync(cmd, args, { cwd: ROOT, encoding: "utf8", timeout: LIMIT_MS });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain("--seed had no effect: this run made no draws");
  });

  it("stops quietly when the reader closes the pipe", () => {
    const [cmd, args] = command(["run", S, "--months", "2", "--json"]);
    const r = spawnSync(
      "sh",
      ["-c", `"${cmd}" ${args.map((a) => `'${a}'`).join(" ")} | head -c 10`],
      {
        cwd: ROOT,
        encoding: "utf8",
        timeout: LIMIT_MS,
      },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toHaveLength(10);
    expect(r.stderr).not.toMatch(/EPIPE|^\s+at /m);
  });
});

describe.runIf(!BUILT && !process.env.CI)("bad command lines", () => {
  it("SKIPPED: dist/ is not built (npm run build; npm test does it)", () => {});
});
