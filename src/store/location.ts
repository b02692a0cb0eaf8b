/**
 * Where a store is, from what the user wrote (`--db`): a file path or a `sqlite:` URL for an
 * embedded SQLite file, `postgres://` or `postgresql://` for a PostgreSQL server.
 * @module
 */
import { StoreUnavailable, shownUrl } from "./errors.js";

export type Location =
  | { kind: "sqlite"; path: string; where: string }
  | { kind: "postgres"; url: string; where: string };

/** `sqlite:PATH`, `sqlite://PATH` (so `sqlite:///abs/file.db` is `/abs/file.db`) and
 * `sqlite::memory:`; `postgres://…` and `postgresql://…`; anything without a scheme is a path.
 * A one-letter scheme is a Windows drive, hence a path too. */
export function parseLocation(target: string): Location {
  const t = target.trim();
  if (t === "") throw new StoreUnavailable('""', "no database given (a file path or a URL)");
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(t)?.[1]?.toLowerCase();
  if (scheme === undefined) return { kind: "sqlite", path: t, where: t };
  if (scheme === "sqlite") {
    let path = t.slice("sqlite:".length);
    if (path.startsWith("//")) path = path.slice(2);
    if (path === "") throw new StoreUnavailable(t, "the sqlite: URL names no file");
    return { kind: "sqlite", path, where: path };
  }
  if (scheme === "postgres" || scheme === "postgresql") {
    const where = shownUrl(t);
    let url: URL;
    try {
      url = new URL(t);
    } catch {
      throw new StoreUnavailable(
        where,
        "not a valid PostgreSQL URL (postgres://user@host:port/db)",
      );
    }
    if (url.hostname === "" && !url.searchParams.has("host"))
      throw new StoreUnavailable(where, "the URL names no host (postgres://user@host:port/db)");
    return { kind: "postgres", url: t, where };
  }
  throw new StoreUnavailable(
    shownUrl(t),
    `unknown kind of database "${scheme}:" (give a file path, sqlite:PATH or postgres://…)`,
  );
}
