/**
 * Every command's `--help` ends with a worked example (src/cli/examples.ts) that names the
 * command itself and uses only options the command has, so the examples cannot drift from the
 * flags.
 */
import { describe, expect, it } from "vitest";
import { EXAMPLES } from "../../src/cli/examples.js";
import { runCli } from "../helpers/cli.js";

const root = await runCli(["--help"]);
const groups = ["data", "game", "council", "report", "data import"];

/** Every command path that runs an action, found by walking the help texts: a group lists
 * its subcommands; anything else runs. */
async function leaves(path: string[] = []): Promise<string[]> {
  const r = await runCli([...path, "--help"]);
  if (path.length > 0 && !groups.includes(path.join(" "))) return [path.join(" ")];
  const subs = [...(r.stdout.split("Commands:")[1]?.matchAll(/^ {2}(\S+)/gm) ?? [])]
    .map((m) => m[1]!)
    .filter((n) => n !== "help");
  const out: string[] = [];
  for (const s of subs) out.push(...(await leaves([...path, s])));
  return out;
}

describe("--help", () => {
  it("lists the commands", () => expect(root.stdout).toMatch(/Commands:/));

  it("ends every command's help with an example of that command, using its own options", async () => {
    const commands = await leaves();
    expect(commands.length).toBeGreaterThanOrEqual(18);
    for (const path of commands) {
      const r = await runCli([...path.split(" "), "--help"]);
      expect(r.code, path).toBe(0);
      expect(r.stdout, path).toMatch(/\nExamples?:\n {2}\$ levier /);
      for (const example of EXAMPLES[path] ?? []) {
        expect(example.startsWith(`levier ${path}`), example).toBe(true);
        const flags = example.split("#")[0]!.match(/--[a-z-]+/g) ?? [];
        for (const flag of flags) expect(r.stdout, `${path}: ${flag}`).toContain(flag);
      }
    }
    expect(Object.keys(EXAMPLES).sort()).toEqual([...commands].sort());
  });
});
