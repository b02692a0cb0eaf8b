#!/usr/bin/env node
// The `levier` command: runs the compiled CLI (npm ci builds it through `prepare`).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const entry = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write("levier: dist/ is missing; run `npm run build` (npm ci does it for you)\n");
  process.exit(1);
}
// A reader that stops early (`levier run --json | head`) closes the pipe: stop quietly, as
// Unix tools do, rather than with an unhandled EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
