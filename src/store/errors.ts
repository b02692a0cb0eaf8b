/**
 * How opening or using a store fails, apart from the store itself so that the CLI can map the
 * error to an exit code (2: the URL, the path or the server is at fault) without loading
 * Kysely or a driver.
 * @module
 */

/** A store that cannot be opened or used: a bad URL, a path that is not a SQLite database, a
 * PostgreSQL server that does not answer, a database migrated by a newer levier. `where` names
 * it (a path, or the URL without its password). */
export class StoreUnavailable extends Error {
  constructor(
    readonly where: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`the store at ${where}: ${reason}`, options);
    this.name = "StoreUnavailable";
  }
}

/** A URL with its password replaced by ***, for messages. */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.href;
  } catch {
    // Not a URL a parser takes: hide whatever sits between "//user:" and "@".
    return url.replace(/(\/\/[^:/@]*:)[^@/]*@/, "$1***@");
  }
}
