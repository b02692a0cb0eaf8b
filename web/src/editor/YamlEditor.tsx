/**
 * The scenario's YAML text with line numbers, the lines that have issues marked in the gutter,
 * and the list of issues; choosing an issue puts the cursor on its line.
 */
import { useRef } from "react";
import type { ApiIssue } from "../api.js";

export function YamlEditor(props: {
  text: string;
  onText: (t: string) => void;
  issues: ApiIssue[];
  state: string;
}) {
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const lines = props.text.split("\n").length;
  const bad = new Set(props.issues.map((i) => i.line).filter((l): l is number => !!l));
  const goTo = (line: number, col = 1) => {
    const t = area.current;
    if (!t) return;
    const starts = [0];
    for (let i = 0; i < t.value.length; i++) if (t.value[i] === "\n") starts.push(i + 1);
    const at = (starts[line - 1] ?? 0) + Math.max(0, col - 1);
    t.focus();
    t.setSelectionRange(at, at);
    const lh = t.scrollHeight / Math.max(1, lines);
    t.scrollTop = Math.max(0, (line - 3) * lh);
  };
  return (
    <div className="yaml">
      <label htmlFor="yaml-text">Scenario YAML</label>
      <div className="yaml-box">
        <div className="gutter" ref={gutter} aria-hidden="true">
          {Array.from({ length: lines }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a gutter line is its number
            <div key={`l${i + 1}`} className={bad.has(i + 1) ? "bad" : undefined}>
              {bad.has(i + 1) ? "✖ " : ""}
              {i + 1}
            </div>
          ))}
        </div>
        <textarea
          id="yaml-text"
          ref={area}
          spellCheck={false}
          value={props.text}
          aria-describedby="yaml-state"
          aria-invalid={props.issues.length > 0}
          onChange={(e) => props.onText(e.target.value)}
          onScroll={(e) => {
            if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
          }}
        />
      </div>
      <p id="yaml-state" role="status" className={props.issues.length ? "error-text" : "ok-text"}>
        {props.state}
      </p>
      {props.issues.length ? (
        <ul className="issues" aria-label="Issues in the YAML">
          {props.issues.map((i) => (
            <li key={`${i.path}-${i.line}-${i.col}-${i.message}`}>
              {i.line ? (
                <button type="button" className="link" onClick={() => goTo(i.line ?? 1, i.col)}>
                  line {i.line}
                  {i.col ? `:${i.col}` : ""}
                </button>
              ) : null}{" "}
              {i.path ? <code>{i.path}</code> : null} {i.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
