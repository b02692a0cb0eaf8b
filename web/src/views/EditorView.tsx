/**
 * The scenario editor: the form and the YAML side by side, validated as you type (debounced,
 * by `POST /api/scenarios/validate`, so the issues are the CLI's, at their lines); save (a new
 * scenario, or a new version with If-Match), and run, with draws for bands.
 */
import { useEffect, useMemo, useState } from "react";
import { ApiError, type ApiIssue, getJson, messageOf, send } from "../api.js";
import { ErrorBox, Loading } from "../components/Status.js";
import { ScenarioForm } from "../editor/ScenarioForm.js";
import { YamlEditor } from "../editor/YamlEditor.js";
import { parse } from "../editor/yaml-doc.js";
import { href, setParams } from "../route.js";
import type { Example, ScenarioDoc } from "../types.js";

const DEBOUNCE_MS = 300;

interface Loaded {
  text: string;
  version?: number;
  name?: string;
}

export function EditorView({ params }: { params: Record<string, string> }) {
  const [loaded, setLoaded] = useState<Loaded>();
  const [loadError, setLoadError] = useState<string>();
  useEffect(() => {
    setLoaded(undefined);
    setLoadError(undefined);
    const p = params.id
      ? getJson<ScenarioDoc>(`/api/scenarios/${encodeURIComponent(params.id)}`).then((s) => ({
          text: s.content,
          version: s.version,
          name: s.name,
        }))
      : getJson<Example[]>("/api/examples").then((ex) => {
          const e = ex.find((x) => x.name === params.example) ?? ex[0];
          if (!e) throw new Error("the server has no examples to start from");
          return { text: e.content, name: e.title };
        });
    p.then(setLoaded, (e) => setLoadError(messageOf(e)));
  }, [params.id, params.example]);
  if (loadError) return <ErrorBox error={loadError} />;
  if (!loaded) return <Loading what="the scenario" />;
  return (
    <Editor
      key={`${params.id ?? params.example}-${loaded.version ?? 0}`}
      id={params.id}
      loaded={loaded}
    />
  );
}

function Editor(props: { id: string | undefined; loaded: Loaded }) {
  const [text, setText] = useState(props.loaded.text);
  const [version, setVersion] = useState(props.loaded.version);
  const [saved, setSaved] = useState(props.loaded.text);
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const [state, setState] = useState("Checking…");
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<{ message: string; issues?: ApiIssue[] }>();
  const [draws, setDraws] = useState("");
  const parsed = useMemo(() => parse(text), [text]);

  useEffect(() => {
    setState("Checking…");
    const ctl = new AbortController();
    const t = setTimeout(() => {
      send<{ ok: boolean; issues?: ApiIssue[] }>("/api/scenarios/validate", {
        body: text,
        contentType: "application/yaml",
        signal: ctl.signal,
      }).then(
        (r) => {
          setIssues(r.ok ? [] : (r.issues ?? []));
          setState(
            r.ok ? "The scenario is valid." : `${r.issues?.length ?? 0} issue(s) in the scenario.`,
          );
        },
        (e) => {
          if (ctl.signal.aborted) return;
          if (e instanceof ApiError && e.issues.length) {
            setIssues(e.issues);
            setState(`${e.issues.length} issue(s) in the scenario.`);
          } else setState(`Could not check the scenario: ${messageOf(e)}`);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [text]);

  const save = async (): Promise<string | undefined> => {
    setError(undefined);
    try {
      if (props.id && text === saved) return props.id;
      if (props.id) {
        const r = await send<{ id: string; version: number }>(
          `/api/scenarios/${encodeURIComponent(props.id)}`,
          {
            method: "PUT",
            body: text,
            contentType: "application/yaml",
            ...(version !== undefined ? { ifMatch: version } : {}),
          },
        );
        setVersion(r.version);
        setSaved(text);
        return r.id ?? props.id;
      }
      const r = await send<{ id: string; version: number }>("/api/scenarios", {
        body: text,
        contentType: "application/yaml",
      });
      setSaved(text);
      setParams("editor", { id: r.id }, true);
      return r.id;
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 412
          ? {
              message:
                "Someone saved this scenario since you opened it: reload it to see their version (your text is still here).",
            }
          : { message: messageOf(e), ...(e instanceof ApiError ? { issues: e.issues } : {}) },
      );
      return undefined;
    }
  };

  const run = async () => {
    setBusy("Saving and starting the run…");
    const id = await save();
    if (id) {
      try {
        const d = Number(draws);
        const r = await send<{ id: string }>("/api/runs", {
          body: {
            scenarioId: id,
            ...(draws.trim() !== "" && Number.isInteger(d) ? { draws: d } : {}),
          },
        });
        location.hash = href("run", { id: r.id });
      } catch (e) {
        setError({ message: messageOf(e), ...(e instanceof ApiError ? { issues: e.issues } : {}) });
      }
    }
    setBusy(undefined);
  };

  return (
    <div className="editor">
      <p className="lead">
        {props.id
          ? `Scenario ${props.id}`
          : `A new scenario from the example “${props.loaded.name ?? ""}”`}
        {version !== undefined ? `, version ${version}` : ""}
        {text !== saved || !props.id ? " (not saved)" : ""}.
      </p>
      <div className="side-by-side">
        <section aria-labelledby="form-title">
          <h2 id="form-title">Form</h2>
          <ScenarioForm parsed={parsed} onText={setText} />
        </section>
        <section aria-labelledby="yaml-title">
          <h2 id="yaml-title">YAML</h2>
          <YamlEditor text={text} onText={setText} issues={issues} state={state} />
        </section>
      </div>
      {error ? (
        <ErrorBox error={error.message} {...(error.issues ? { issues: error.issues } : {})} />
      ) : null}
      <div className="actions">
        <button type="button" onClick={() => void save()} disabled={!!busy}>
          Save
        </button>
        <label htmlFor="draws">
          Draws (empty: the scenario’s options.draws; 0: central values only; more give bands)
        </label>
        <input
          id="draws"
          type="number"
          min={0}
          max={1000}
          step={1}
          value={draws}
          onChange={(e) => setDraws(e.target.value)}
        />
        <button type="button" onClick={() => void run()} disabled={!!busy}>
          Save and run
        </button>
        <span role="status">{busy ?? ""}</span>
      </div>
    </div>
  );
}
