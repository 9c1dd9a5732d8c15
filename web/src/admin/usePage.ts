/** One monitoring page's data for the chosen period, reloaded whenever the live stream pushes. */
import { createContext, useContext } from "react";
import { type Resource, useResource } from "../shared/useResource.ts";
import type { Live } from "./live.ts";
import { monitoring } from "./monitoring.ts";
import { usePeriod } from "./period.ts";

/** The layout's live link: `version` moves on with every push (the last market event counted). */
export const LiveContext = createContext<Live & { version: number }>({
  connected: false,
  figures: null,
  at: null,
  version: 0,
});

export const useLiveFigures = () => useContext(LiveContext);

export function usePage<T>(path: string): Resource<T> {
  const [query] = usePeriod();
  const { version } = useLiveFigures();
  return useResource(() => monitoring.page<T>(path, query), [path, query, version]);
}
