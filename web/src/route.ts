/**
 * Every view's state lives in the URL's hash (`#/view?key=value&…`), so a link reproduces what
 * the analyst saw. `useRoute` reads it and re-renders when it changes.
 * @module
 */
import { useEffect, useState } from "react";

export const VIEWS = [
  "chain",
  "actor",
  "map",
  "scenarios",
  "editor",
  "run",
  "compare",
  "council",
  "game",
] as const;
export type View = (typeof VIEWS)[number];

export interface Route {
  view: View;
  params: Record<string, string>;
}

export function parseHash(hash: string): Route {
  const h = hash.replace(/^#\/?/, "");
  const [path = "", query = ""] = h.split("?", 2);
  const view = (VIEWS as readonly string[]).includes(path) ? (path as View) : "chain";
  return { view, params: Object.fromEntries(new URLSearchParams(query)) };
}

export function href(view: View, params: Record<string, string | number | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return `#/${view}${s ? `?${s}` : ""}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    addEventListener("hashchange", on);
    return () => removeEventListener("hashchange", on);
  }, []);
  return route;
}

/** Change the current view's parameters: a new history entry, or in place with `replace`. */
export function setParams(
  view: View,
  params: Record<string, string | number | undefined>,
  replace = false,
): void {
  const next = href(view, params);
  if (replace) {
    history.replaceState(null, "", next);
    dispatchEvent(new HashChangeEvent("hashchange"));
  } else location.hash = next;
}
