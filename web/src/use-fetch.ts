/**
 * A GET of the API as React state: the data, the error, and whether it is still loading;
 * fetched again when the path changes, and abandoned when the view goes away.
 * @module
 */
import { useEffect, useState } from "react";
import { getJson, messageOf } from "./api.js";

export interface Fetched<T> {
  data?: T;
  error?: string;
  loading: boolean;
}

export function useFetch<T>(path: string | undefined): Fetched<T> {
  const [state, setState] = useState<Fetched<T>>({ loading: path !== undefined });
  useEffect(() => {
    if (path === undefined) {
      setState({ loading: false });
      return;
    }
    const ctl = new AbortController();
    setState((s) => ({ ...(s.data !== undefined ? { data: s.data } : {}), loading: true }));
    getJson<T>(path, ctl.signal).then(
      (data) => setState({ data, loading: false }),
      (e) => {
        if (!ctl.signal.aborted) setState({ error: messageOf(e), loading: false });
      },
    );
    return () => ctl.abort();
  }, [path]);
  return state;
}
