/**
 * Who may write, and read: a request that writes (any route declared `write`) needs
 * `Authorization: Bearer <token>`, where the token is the one the server was started with
 * (`--token`, `LEVIER_TOKEN`) or one kept hashed in the store (`levier serve --new-token`).
 * Without the header: 401; with a token nobody knows: 403. Reads are open unless the server is
 * private (`--private`), when they need a token too.
 * @module
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";
import type { Store } from "../run/store.js";
import { ApiError } from "./api-error.js";
import type { Access } from "./route.js";

export interface AuthOptions {
  /** The token given at start, if any. */
  token?: string;
  /** Reads need a token too. */
  private?: boolean;
}

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

export function authCheck(store: Store, opts: AuthOptions) {
  const given = opts.token === undefined ? undefined : digest(opts.token);
  return async (req: FastifyRequest, access: Access) => {
    if (access === "read" && !opts.private) return;
    const header = req.headers.authorization;
    if (header === undefined)
      throw new ApiError(
        401,
        access === "write"
          ? "this request writes: send Authorization: Bearer <token> (the server's --token, LEVIER_TOKEN, or one made with levier serve --new-token)"
          : "this server is private (--private): send Authorization: Bearer <token>",
        [],
        { "www-authenticate": 'Bearer realm="levier"' },
      );
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m)
      throw new ApiError(401, "expected Authorization: Bearer <token>", [], {
        "www-authenticate": 'Bearer realm="levier", error="invalid_request"',
      });
    const secret = m[1]!;
    if (given && timingSafeEqual(given, digest(secret))) return;
    if (await store.findToken(secret)) return;
    throw new ApiError(403, "the token is not one this server knows (or it was revoked)");
  };
}
