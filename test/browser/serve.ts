/**
 * The real `levier serve` for browser tests: the built CLI (bin/levier.js, so `npm run build`
 * must have run, as `npm test` does) on 127.0.0.1 with any free port, a temporary SQLite
 * database and a write token; stopped with SIGTERM (SIGKILL after 5 s) and its folder removed.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");

export interface Served {
  url: string;
  token: string;
  stop: () => Promise<void>;
  log: () => string;
}

export async function serve(): Promise<Served> {
  if (!existsSync(join(ROOT, "dist/web/index.html")))
    throw new Error("dist/web/index.html is missing: run `npm run build` (npm test does) first");
  const dir = mkdtempSync(join(tmpdir(), "levier-browser-"));
  const token = randomBytes(24).toString("hex");
  const child: ChildProcess = spawn(
    process.execPath,
    ["bin/levier.js", "serve", "--port", "0", "--db", join(dir, "levier.db"), "--token", token],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  child.stdout?.on("data", (d) => {
    out += String(d);
  });
  child.stderr?.on("data", (d) => {
    out += String(d);
  });
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`levier serve did not start in 90 s:\n${out}`)),
      90_000,
    );
    const look = () => {
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(`http://127.0.0.1:${m[1]}`);
      }
    };
    child.stdout?.on("data", look);
    child.stderr?.on("data", look);
    child.on("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`levier serve exited with ${code}:\n${out}`));
    });
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const gone = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), 5000);
      await gone;
      clearTimeout(t);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { url, token, stop, log: () => out };
}
