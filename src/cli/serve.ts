/**
 * `levier serve`: the HTTP API and the dashboard (`src/server/`) over a store (`src/store/`):
 * an SQLite file (default `levier.db` here, created if missing) or PostgreSQL (`--db
 * postgres://…`). Listens on 127.0.0.1 unless `--host` says otherwise, prints the URL, and
 * closes cleanly on Ctrl-C or SIGTERM (runs in progress end cancelled with what they
 * finished). At start it marks the runs a crashed server left running as interrupted: one
 * server per database. `--new-token NAME` makes a write token, prints it once and exits.
 * @module
 */
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import type { Command } from "commander";
import { UsageError } from "../diagnostics/errors.js";
import type { Store } from "../run/store.js";
import { type CliContext, println } from "./context.js";
import { defaultThreads, wholeFlag } from "./flags.js";

interface ServeOptions {
  port: string;
  host: string;
  db?: string;
  token?: string;
  private?: boolean;
  newToken?: string;
  bodyLimit: string;
  rateLimit: string;
  rateWindow: string;
  concurrency: string;
  threads?: string;
}

export const DEFAULT_PORT = 8080;

export function registerServe(program: Command, ctx: CliContext) {
  program
    .command("serve")
    .description(
      "serve the HTTP API and the dashboard over a database of worlds, scenarios and runs",
    )
    .option("--port <p>", "port to listen on (0: any free port)", String(DEFAULT_PORT))
    .option(
      "--host <h>",
      "address to listen on (0.0.0.0: every interface; put TLS and --private in front)",
      "127.0.0.1",
    )
    .option(
      "--db <url>",
      "SQLite file or postgres://user:pass@host:port/db (default: levier.db here)",
    )
    .option(
      "--token <t>",
      "the write token (default: $LEVIER_TOKEN; tokens made with --new-token work too)",
    )
    .option("--private", "reads need the token too")
    .option(
      "--new-token <name>",
      "make a write token named NAME in the database, print it once, and exit",
    )
    .option("--body-limit <bytes>", "largest request body", String(1024 * 1024))
    .option("--rate-limit <n>", "requests per client per window (0: no limit)", "600")
    .option("--rate-window <s>", "the rate limit's window, in seconds", "60")
    .option(
      "--concurrency <n>",
      "runs and analyses computing at once (each on a thread of its own)",
      "1",
    )
    .option("--threads <n>", "threads for one run's draws, its own included (default 1)")
    .action(async (opts: ServeOptions) => {
      const port = wholeFlag("--port", opts.port, 0, 65535, "a port number");
      const bodyLimit = wholeFlag(
        "--body-limit",
        opts.bodyLimit,
        1024,
        1024 ** 3,
        "a number of bytes",
      );
      const max = wholeFlag("--rate-limit", opts.rateLimit, 0, 1_000_000);
      const windowS = wholeFlag("--rate-window", opts.rateWindow, 1, 86_400, "a number of seconds");
      const concurrency = wholeFlag("--concurrency", opts.concurrency, 1, 64);
      const threads =
        opts.threads === undefined
          ? 1
          : wholeFlag("--threads", opts.threads, 1, Math.max(64, defaultThreads()));
      const host = opts.host.trim();
      if (host === "")
        throw new UsageError('--host: expected an address (127.0.0.1, ::1, 0.0.0.0), found ""');
      const token = opts.token ?? process.env.LEVIER_TOKEN;
      if (token !== undefined && token.length < 16)
        throw new UsageError(
          "--token: expected a secret of at least 16 characters (levier serve --new-token NAME makes one)",
        );
      const db = opts.db ?? resolve(ctx.cwd, "levier.db");
      const { openStore } = await import("../store/open.js");
      const store = await openStore(db);
      if (opts.newToken !== undefined) return newToken(ctx, store, opts.newToken);
      await serve(ctx, store, {
        port,
        host,
        bodyLimit,
        rateLimit: { max, windowMs: windowS * 1000 },
        concurrency,
        threads,
        private: opts.private === true,
        ...(token === undefined ? {} : { token }),
      });
    });
}

async function newToken(ctx: CliContext, store: Store, name: string) {
  try {
    if (name.trim() === "")
      throw new UsageError("--new-token: give the token a name (who or what it is for)");
    const secret = `lv_${randomBytes(24).toString("base64url")}`;
    const t = await store.createToken({ name, secret, at: new Date().toISOString() });
    println(ctx.stdout, secret);
    println(
      ctx.stderr,
      `levier: made the token ${JSON.stringify(t.name)} (id ${t.id}) in ${store.where}; it is shown only this once`,
    );
  } finally {
    await store.close();
  }
}

async function serve(
  ctx: CliContext,
  store: Store,
  opts: {
    port: number;
    host: string;
    bodyLimit: number;
    rateLimit: { max: number; windowMs: number };
    concurrency: number;
    threads: number;
    private: boolean;
    token?: string;
  },
) {
  const { buildServer } = await import("../server/app.js");
  const now = () => new Date().toISOString();
  let app: Awaited<ReturnType<typeof buildServer>> | undefined;
  try {
    // The runs a server that stopped left queued or running: nothing will finish them.
    const interrupted = await store.markInterrupted(now());
    if (interrupted > 0)
      println(
        ctx.stderr,
        `levier: ${interrupted} run(s) left in progress by a server that stopped are marked interrupted`,
      );
    app = await buildServer({ store, ...opts });
    const tokens = await store.listTokens();
    if (opts.token === undefined && !tokens.some((t) => t.revokedAt === null))
      println(
        ctx.stderr,
        "levier: no write token: writes will be refused (give --token or LEVIER_TOKEN, or make one with levier serve --new-token NAME)",
      );
    // Read the default world back and summarise it before listening, so that the dashboard's
    // first view does not wait seconds for it (a warm answer takes some 50 ms).
    await app.app.inject({
      url: "/api/worlds/default",
      headers: opts.token === undefined ? {} : { authorization: `Bearer ${opts.token}` },
    });
    try {
      await app.app.listen({ port: opts.port, host: opts.host });
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === "EADDRINUSE")
        throw new UsageError(
          `--port: ${opts.port} is in use on ${opts.host}; give another (--port 0: any free one)`,
        );
      if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND")
        throw new UsageError(`--host: ${opts.host} is not an address of this machine`);
      throw e;
    }
    const addr = app.app.server.address();
    const port = typeof addr === "object" && addr ? addr.port : opts.port;
    const shown = opts.host.includes(":") ? `[${opts.host}]` : opts.host;
    println(ctx.stdout, `http://${shown}:${port}/`);
    println(
      ctx.stderr,
      `levier: serving the API at http://${shown}:${port}/api/ (reference: /api/docs) on ${store.where}; Ctrl-C stops`,
    );
    await new Promise<void>((done) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        done();
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
    println(ctx.stderr, "levier: stopping: runs in progress end cancelled with what they finished");
  } finally {
    if (app) {
      await app.runs.close();
      await app.app.close();
    }
    await store.close();
  }
}
