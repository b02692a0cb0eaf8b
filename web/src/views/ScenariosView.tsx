/**
 * What is stored: the scenarios (open one in the editor), the runs with their status (open one,
 * or pick two to compare), and the examples a new scenario can start from.
 */
import { useState } from "react";
import { ErrorBox, Loading } from "../components/Status.js";
import { href } from "../route.js";
import type { Example, RunRow, ScenarioRow } from "../types.js";
import { useFetch } from "../use-fetch.js";

export function ScenariosView() {
  const scenarios = useFetch<ScenarioRow[]>("/api/scenarios");
  const runs = useFetch<RunRow[]>("/api/runs");
  const examples = useFetch<Example[]>("/api/examples");
  const [a, setA] = useState("");
  const [b, setB] = useState("");
  const names = new Map((scenarios.data ?? []).map((s) => [s.id, s.name]));
  const done = (runs.data ?? []).filter((r) => r.status === "done");
  return (
    <div className="scenarios">
      <section aria-labelledby="new">
        <h2 id="new">Start a scenario from an example</h2>
        {examples.error ? <ErrorBox error={examples.error} /> : null}
        {examples.loading ? <Loading what="the examples" /> : null}
        <ul>
          {(examples.data ?? []).map((e) => (
            <li key={e.name}>
              <a href={href("editor", { example: e.name })}>{e.title}</a>{" "}
              <span className="sub">({e.name})</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="stored">
        <h2 id="stored">Stored scenarios</h2>
        {scenarios.error ? <ErrorBox error={scenarios.error} /> : null}
        {scenarios.data && !scenarios.data.length ? (
          <p>None yet: start from an example above.</p>
        ) : null}
        <ul>
          {(scenarios.data ?? []).map((s) => (
            <li key={s.id}>
              <a href={href("editor", { id: s.id })}>{s.name}</a>{" "}
              <span className="sub">(version {s.version})</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="runs">
        <h2 id="runs">Runs</h2>
        {runs.error ? <ErrorBox error={runs.error} /> : null}
        {runs.data && !runs.data.length ? <p>No run yet.</p> : null}
        <ul>
          {(runs.data ?? []).map((r) => (
            <li key={r.id}>
              <a href={href("run", { id: r.id })}>
                Run {r.id} of “{names.get(r.scenarioId) ?? r.scenarioId}”
              </a>{" "}
              <span className="sub">
                ({r.status}
                {r.draws ? `, ${r.draws} draws` : ""}
                {r.createdAt ? `, started ${new Date(r.createdAt).toLocaleString("en-GB")}` : ""})
              </span>
            </li>
          ))}
        </ul>
        {done.length >= 2 ? (
          <form
            className="pick"
            onSubmit={(e) => {
              e.preventDefault();
              if (a && b) location.hash = href("compare", { a, b });
            }}
          >
            <label htmlFor="cmp-a">First run</label>
            <select id="cmp-a" value={a} onChange={(e) => setA(e.target.value)}>
              <option value="">Choose…</option>
              {done.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.id}: {names.get(r.scenarioId) ?? r.scenarioId}
                </option>
              ))}
            </select>
            <label htmlFor="cmp-b">Second run</label>
            <select id="cmp-b" value={b} onChange={(e) => setB(e.target.value)}>
              <option value="">Choose…</option>
              {done.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.id}: {names.get(r.scenarioId) ?? r.scenarioId}
                </option>
              ))}
            </select>
            <button type="submit" disabled={!a || !b || a === b}>
              Compare the two runs
            </button>
          </form>
        ) : null}
      </section>
    </div>
  );
}
