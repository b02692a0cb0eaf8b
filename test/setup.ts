// Any test that writes to the console fails: the core returns its warnings, it never prints.
import { afterEach, vi } from "vitest";

const methods = ["log", "info", "warn", "error", "debug"] as const;
let written: string[] = [];

for (const m of methods) {
  vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
    written.push(`console.${m}: ${args.map(String).join(" ")}`);
  });
}

afterEach(() => {
  const lines = written;
  written = [];
  if (lines.length > 0) throw new Error(`test wrote to the console:\n${lines.join("\n")}`);
});
