/**
 * The dashboard's frame: a skip link, the navigation between views (real links, so every view
 * has its own URL), the write token under Settings, and the current view.
 */
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { setToken, token } from "./api.js";
import { Loading } from "./components/Status.js";
import { href, type Route, useRoute, type View } from "./route.js";
import { ChainView } from "./views/ChainView.js";

// The first view (the chain) comes with the page; the others load when first opened.
const ActorView = lazy(() =>
  import("./views/ActorView.js").then((m) => ({ default: m.ActorView })),
);
const CompareView = lazy(() =>
  import("./views/CompareView.js").then((m) => ({ default: m.CompareView })),
);
const CouncilView = lazy(() =>
  import("./views/CouncilView.js").then((m) => ({ default: m.CouncilView })),
);
const EditorView = lazy(() =>
  import("./views/EditorView.js").then((m) => ({ default: m.EditorView })),
);
const GameView = lazy(() => import("./views/GameView.js").then((m) => ({ default: m.GameView })));
const MapView = lazy(() => import("./views/MapView.js").then((m) => ({ default: m.MapView })));
const RunView = lazy(() => import("./views/RunView.js").then((m) => ({ default: m.RunView })));
const ScenariosView = lazy(() =>
  import("./views/ScenariosView.js").then((m) => ({ default: m.ScenariosView })),
);

const NAV: { view: View; label: string }[] = [
  { view: "chain", label: "Value chain" },
  { view: "map", label: "Map" },
  { view: "scenarios", label: "Scenarios and runs" },
  { view: "compare", label: "Compare runs" },
  { view: "council", label: "Council" },
  { view: "game", label: "Games" },
];

const TITLES: Record<View, string> = {
  chain: "The value chain",
  actor: "Actor profile",
  map: "Map",
  scenarios: "Scenarios and runs",
  editor: "Scenario editor",
  run: "Run",
  compare: "Two runs compared",
  council: "Council vote",
  game: "Game",
};

function Current({ route }: { route: Route }) {
  const p = route.params;
  switch (route.view) {
    case "chain":
      return <ChainView params={p} />;
    case "actor":
      return <ActorView params={p} />;
    case "map":
      return <MapView params={p} />;
    case "scenarios":
      return <ScenariosView />;
    case "editor":
      return <EditorView params={p} />;
    case "run":
      return <RunView params={p} />;
    case "compare":
      return <CompareView params={p} />;
    case "council":
      return <CouncilView params={p} />;
    case "game":
      return <GameView params={p} />;
  }
}

function Settings() {
  const [value, setValue] = useState(token());
  const [saved, setSaved] = useState(false);
  return (
    <details className="settings">
      <summary>Settings</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setToken(value.trim());
          setSaved(true);
        }}
      >
        <label htmlFor="token">Write token (kept in this browser)</label>
        <input
          id="token"
          type="password"
          autoComplete="off"
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setSaved(false);
          }}
        />
        <button type="submit">Save token</button>
        <span role="status">{saved ? "Saved." : ""}</span>
      </form>
    </details>
  );
}

export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    document.title = `${TITLES[route.view]} · levier`;
    // After following a link, move focus to the new view, as a page load would.
    if (!first.current) main.current?.focus();
    first.current = false;
  }, [route.view]);
  const active =
    route.view === "actor"
      ? "chain"
      : route.view === "editor" || route.view === "run"
        ? "scenarios"
        : route.view;
  return (
    <>
      <button type="button" className="skip" onClick={() => main.current?.focus()}>
        Skip to content
      </button>
      <header>
        <p className="brand">
          <a href={href("chain")}>levier</a>
          <span> · the global AI value chain</span>
        </p>
        <nav aria-label="Views">
          <ul>
            {NAV.map((n) => (
              <li key={n.view}>
                <a href={href(n.view)} aria-current={active === n.view ? "page" : undefined}>
                  {n.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <Settings />
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <h1>{TITLES[route.view]}</h1>
        <Suspense fallback={<Loading what="the view" />}>
          <Current route={route} />
        </Suspense>
      </main>
    </>
  );
}
