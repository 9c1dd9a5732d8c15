/** Loads one thing from the API and keeps loading / error / data together, with a reload. */
import { useCallback, useEffect, useRef, useState } from "react";
import { messageOf } from "./api.ts";

export interface Resource<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload: () => Promise<void>;
}

export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]): Resource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  // Only the latest request may write: a slow answer to an old filter must not win.
  const latest = useRef(0);
  const loader = useRef(load);
  loader.current = load;
  const key = JSON.stringify(deps);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const value = await loader.current();
      if (ticket === latest.current) {
        setData(value);
        setError(null);
      }
    } catch (caught) {
      if (ticket === latest.current) setError(messageOf(caught));
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the caller's deps, which change what `load` fetches.
  useEffect(() => void reload(), [reload, key]);

  return { data, error, loading, reload };
}

/** Runs an action and keeps its error for the screen to show; `run` gives `null` when it failed. */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (...args: A): Promise<{ value: R } | null> => {
      setBusy(true);
      setError(null);
      try {
        return { value: await action(...args) };
      } catch (caught) {
        setError(messageOf(caught));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [action],
  );
  return { run, busy, error, setError };
}
