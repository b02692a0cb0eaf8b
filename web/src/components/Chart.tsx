/**
 * A Vega-Lite chart drawn in the browser as SVG (vega and vega-lite are loaded on first use, so
 * the first view does not wait for them), with buttons that download it as SVG and PNG. Vega's
 * expressions run through its interpreter, so the page needs no `unsafe-eval` in its CSP.
 */
import { useEffect, useRef, useState } from "react";
import { saveBlob, saveUrl, slug } from "../download.js";

export type Spec = Record<string, unknown>;

type Loaded = {
  vega: typeof import("vega");
  compile: typeof import("vega-lite").compile;
  expressionInterpreter: typeof import("vega-interpreter").expressionInterpreter;
};
let loading: Promise<Loaded> | undefined;
function loadVega(): Promise<Loaded> {
  loading ??= Promise.all([import("vega"), import("vega-lite"), import("vega-interpreter")]).then(
    ([vega, vl, interp]) => ({
      vega,
      compile: vl.compile,
      expressionInterpreter: interp.expressionInterpreter,
    }),
  );
  return loading;
}

export function Chart(props: { title: string; spec: Spec; filename?: string; note?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const view = useRef<import("vega").View | null>(null);
  const [error, setError] = useState<string>();
  const [ready, setReady] = useState(false);
  const name = props.filename ?? slug(props.title);

  useEffect(() => {
    let gone = false;
    setReady(false);
    loadVega()
      .then(async ({ vega, compile, expressionInterpreter }) => {
        if (gone || !box.current) return;
        const vgSpec = compile(props.spec as never).spec;
        const runtime = vega.parse(vgSpec, undefined, { ast: true });
        const v = new vega.View(runtime, {
          renderer: "svg",
          container: box.current,
          hover: true,
          expr: expressionInterpreter,
        });
        view.current?.finalize();
        view.current = v;
        await v.runAsync();
        const svg = box.current?.querySelector("svg");
        if (svg) {
          svg.setAttribute("role", "img");
          svg.setAttribute("aria-label", props.title);
        }
        if (!gone) setReady(true);
      })
      .catch((e: unknown) => !gone && setError(String(e)));
    return () => {
      gone = true;
    };
  }, [props.spec, props.title]);

  useEffect(
    () => () => {
      view.current?.finalize();
    },
    [],
  );

  const svg = async () => {
    const text = await view.current?.toSVG();
    if (text) saveBlob(new Blob([text], { type: "image/svg+xml" }), `${name}.svg`);
  };
  const png = async () => {
    const url = await view.current?.toImageURL("png", 2);
    if (url) saveUrl(url, `${name}.png`);
  };
  return (
    <figure className="chart">
      <figcaption>{props.title}</figcaption>
      {error ? <p className="error">The chart could not be drawn: {error}</p> : null}
      {/* Focusable, so a chart wider than the page scrolls with the keyboard too. */}
      <div
        ref={box}
        className="chart-box"
        data-ready={ready ? "true" : "false"}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus (WCAG 2.1.1)
        tabIndex={0}
      />
      {props.note ? <p className="note">{props.note}</p> : null}
      <div className="buttons">
        <button type="button" className="small" onClick={svg} disabled={!ready}>
          Download “{props.title}” as SVG
        </button>
        <button type="button" className="small" onClick={png} disabled={!ready}>
          Download “{props.title}” as PNG
        </button>
      </div>
    </figure>
  );
}
