/** Loading and error messages, announced to screen readers. */
import type { ApiIssue } from "../api.js";

export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="loading">
      Loading {what}…
    </p>
  );
}

export function ErrorBox({ error, issues }: { error: string; issues?: ApiIssue[] }) {
  return (
    <div role="alert" className="error">
      <p>{error}</p>
      {issues?.length ? (
        <ul>
          {issues.map((i) => (
            <li key={`${i.path}-${i.line}-${i.col}-${i.message}`}>
              {i.line ? `line ${i.line}${i.col ? `:${i.col}` : ""}: ` : ""}
              {i.path ? <code>{i.path}</code> : null} {i.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
