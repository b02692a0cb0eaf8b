/**
 * The one place where errors become HTTP answers (../shared/DESIGN.md's taxonomy, mapped as the
 * CLI maps it to exit codes in `cli/exit.ts`): bad input 400 with its issues as data, in the
 * CLI's words and positions; an unknown id 404; a store that cannot be reached 503; anything
 * else 500 without a stack trace. Every error body is
 * `{ error: { status, message, issues: [{ path, line, col, message, code }] } }`.
 * @module
 */
import { InputError, NotFoundError, UsageError } from "../diagnostics/errors.js";
import { formatIssue, type Issue } from "../diagnostics/issue.js";
import { StoreUnavailable } from "../store/errors.js";

export interface ApiIssue {
  /** Where in the document (`measures[0].good`), or null for the document as a whole. */
  path: string | null;
  /** 1-based position in the text sent, or null. */
  line: number | null;
  col: number | null;
  message: string;
  code: string;
  severity: "error" | "warning";
}

export interface ErrorBody {
  error: { status: number; message: string; issues: ApiIssue[] };
}

/** An answer other than 2xx, raised by a route. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    message: string,
    readonly issues: ApiIssue[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Issues as the API sends them: the errors when there are some (as the CLI prints them),
 * else every issue. */
export function apiIssues(issues: readonly Issue[]): ApiIssue[] {
  const errors = issues.filter((i) => i.severity === "error");
  return (errors.length > 0 ? errors : issues).map((i) => ({
    path: i.path ?? null,
    line: i.at?.line ?? null,
    col: i.at?.col ?? null,
    message: i.message,
    code: i.code,
    severity: i.severity,
  }));
}

/** The message of a bad input: the issues as the CLI prints them, one a line. */
export function issuesMessage(issues: readonly Issue[]): string {
  const errors = issues.filter((i) => i.severity === "error");
  return (errors.length > 0 ? errors : issues).map(formatIssue).join("\n");
}

interface FastifyLike {
  statusCode?: number;
  code?: string;
  message?: string;
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof InputError) {
    return err.issues.length === 0
      ? new ApiError(400, err.message)
      : new ApiError(400, issuesMessage(err.issues), apiIssues(err.issues));
  }
  if (err instanceof UsageError) return new ApiError(400, err.message);
  if (err instanceof NotFoundError) return new ApiError(404, err.message);
  if (err instanceof StoreUnavailable)
    return new ApiError(503, `the store is unavailable: ${err.message}`);
  const f = err as FastifyLike;
  if (f?.code === "FST_ERR_CTP_BODY_TOO_LARGE")
    return new ApiError(413, "the request's body is larger than the server's limit (--body-limit)");
  if (f?.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE")
    return new ApiError(415, `${f.message}; send application/json or application/yaml`);
  if (typeof f?.statusCode === "number" && f.statusCode >= 400 && f.statusCode < 500)
    return new ApiError(f.statusCode, f.message ?? "bad request");
  return new ApiError(
    500,
    "internal error: the server failed to answer this request (see its log)",
  );
}

export function errorBody(e: ApiError): ErrorBody {
  return { error: { status: e.status, message: e.message, issues: e.issues } };
}
