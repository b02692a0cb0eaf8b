/**
 * The dashboard's one way to the HTTP API (docs/api.md): JSON in and out, the API's error body
 * turned into an `ApiError` that keeps its issues (path, line, column, message), the write token
 * sent as a bearer token, and versions sent back as If-Match.
 * @module
 */

export interface ApiIssue {
  path?: string | null;
  line?: number;
  col?: number;
  message: string;
}

export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
  }
}

const TOKEN_KEY = "levier.token";

/** The write token the analyst gave (kept in this browser only). */
export function token(): string {
  try {
    return localStorage.getItem(TOKEN_KEY) ?? "";
  } catch {
    return "";
  }
}

export function setToken(t: string): void {
  try {
    if (t) localStorage.setItem(TOKEN_KEY, t);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage refused (private mode): the token lasts as long as the page.
  }
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** The body as text of this type (e.g. application/yaml); otherwise the body is JSON. */
  contentType?: string;
  ifMatch?: number | string;
  signal?: AbortSignal;
}

/** The response of a request, or an ApiError with the API's message and issues. */
export async function request(path: string, opts: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json" };
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers["content-type"] = opts.contentType ?? "application/json";
    body = opts.contentType ? String(opts.body) : JSON.stringify(opts.body);
  }
  const t = token();
  if (t && opts.method && opts.method !== "GET") headers.authorization = `Bearer ${t}`;
  if (opts.ifMatch !== undefined) headers["if-match"] = `"${opts.ifMatch}"`;
  let res: Response;
  try {
    res = await fetch(path, {
      method: opts.method ?? "GET",
      headers,
      ...(body !== undefined ? { body } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError(0, `the server did not answer (${String(e)})`);
  }
  if (!res.ok) throw await errorOf(res);
  return res;
}

async function errorOf(res: Response): Promise<ApiError> {
  const text = await res.text();
  try {
    const j = JSON.parse(text) as { error?: { message?: string; issues?: ApiIssue[] } };
    if (j.error) return new ApiError(res.status, j.error.message ?? res.statusText, j.error.issues);
  } catch {
    // Not JSON: fall through to the status line.
  }
  const hint =
    res.status === 401 || res.status === 403
      ? " (writes need the server's token: enter it under Settings)"
      : "";
  return new ApiError(res.status, `${res.status} ${res.statusText}${hint}`);
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await request(path, signal ? { signal } : {});
  return (await res.json()) as T;
}

export async function send<T>(path: string, opts: RequestOptions): Promise<T> {
  const res = await request(path, { method: "POST", ...opts });
  const text = await res.text();
  return (text ? JSON.parse(text) : {}) as T;
}

/** A short sentence for an error, for the page. */
export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
