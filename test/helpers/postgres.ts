/**
 * A throwaway PostgreSQL cluster on 127.0.0.1 for tests (../shared/DEPENDENCIES.md's recipe):
 * initdb into a temporary folder, pg_ctl start on a free port with the socket in that folder,
 * a passwordless user `test`; stopped with `pg_ctl -m immediate` and removed. As root the
 * server runs as the `postgres` user (initdb and postgres refuse root).
 */
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, realpathSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import pg from "pg";
import { requireTool } from "./tools.js";

/** initdb, from PATH or Debian's /usr/lib/postgresql/N/bin (newest first). */
export function findInitdb(): string | undefined {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  return requireTool(
    "initdb",
    "postgresql",
    versions.map((v) => join(root, v, "bin", "initdb")),
  );
}

export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

export interface Postgres {
  port: number;
  /** A URL of the database `name` on this server. */
  url(name: string): string;
  /** Creates an empty database and gives its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): void;
}

export async function startPostgres(initdb: string): Promise<Postgres> {
  const bin = dirname(realpathSync(initdb));
  const dir = mkdtempSync(join(tmpdir(), "levier-pg-"));
  const root = process.getuid?.() === 0;
  const as = (cmd: string, args: string[]) =>
    root ? (["runuser", ["-u", "postgres", "--", cmd, ...args]] as const) : ([cmd, args] as const);
  const run = (cmd: string, args: string[]) => {
    const [c, a] = as(cmd, args);
    execFileSync(c, a, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  };
  if (root) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }));
    chownSync(dir, uid, gid);
  }
  const data = join(dir, "data");
  const port = await freePort();
  try {
    run(
      join(bin, "initdb"),
      ["-D", data, "-U", "test", "-A", "trust", "-E", "UTF8"].concat(["--locale=C", "--no-sync"]),
    );
    run(join(bin, "pg_ctl"), [
      ...["-D", data, "-l", join(dir, "server.log"), "-w", "-t", "30", "start", "-o"],
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
    ]);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const url = (name: string) => `postgres://test@127.0.0.1:${port}/${name}`;
  return {
    port,
    url,
    async createDatabase(name) {
      const c = new pg.Client({ connectionString: url("postgres") });
      await c.connect();
      try {
        await c.query(`create database "${name}"`);
      } finally {
        await c.end();
      }
      return url(name);
    },
    stop() {
      try {
        run(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
