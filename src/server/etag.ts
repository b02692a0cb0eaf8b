/**
 * Concurrent edits refused rather than lost: every stored row has a version; a single-row GET
 * sends it as `ETag: "<version>"`, and a PUT or DELETE must send it back in `If-Match` (428
 * without it). The store refuses a write on a row that has moved on, and that is 412 with the
 * version it is at now.
 * @module
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Conflict } from "../run/store.js";
import { ApiError } from "./api-error.js";

export function sendEtag(reply: FastifyReply, version: number): void {
  reply.header("etag", `"${version}"`);
}

/** The version `If-Match` names, or 428. */
export function ifMatch(req: FastifyRequest): number {
  const h = req.headers["if-match"];
  if (h === undefined)
    throw new ApiError(
      428,
      'this request changes a row: send If-Match: "<version>" with the ETag of the row as last read',
    );
  const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(String(h));
  if (!m)
    throw new ApiError(
      400,
      `If-Match: expected "<version>" (the row's ETag), found ${JSON.stringify(h)}`,
    );
  return Number(m[1]);
}

export function conflict(c: Conflict, what: string): ApiError {
  return new ApiError(
    412,
    `the ${what} has changed since it was read (If-Match "${c.expected}", it is now at version ${c.current}); read it again and reapply the change`,
    [],
    { etag: `"${c.current}"` },
  );
}
