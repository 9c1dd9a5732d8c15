/**
 * Live figures (实时): subscribes to GET /api/monitoring/stream. The server pushes today's key
 * figures within a second or two of a market event; the page shows them and reloads what it shows.
 */
import { useEffect, useRef, useState } from "react";
import type { LiveFigures } from "../shared/api-types.ts";
import { monitoring } from "./monitoring.ts";
import { useCity } from "./period.ts";

export interface Live {
  connected: boolean;
  figures: LiveFigures | null;
  /** When the last push arrived (ms since epoch). */
  at: number | null;
}

export function useLive(onPush?: (figures: LiveFigures) => void): Live {
  const [live, setLive] = useState<Live>({ connected: false, figures: null, at: null });
  const callback = useRef(onPush);
  callback.current = onPush;
  // A province admin's chosen city; none for the others, whose scope the server knows.
  const city = useCity();

  useEffect(() => {
    const source = new EventSource(monitoring.streamUrl({ period: "day", city }), { withCredentials: true });
    source.onopen = () => setLive((l) => ({ ...l, connected: true }));
    // EventSource reconnects by itself; meanwhile the indicator says the link is down.
    source.onerror = () => setLive((l) => ({ ...l, connected: false }));
    source.addEventListener("figures", (event) => {
      const figures = JSON.parse((event as MessageEvent<string>).data) as LiveFigures;
      setLive({ connected: true, figures, at: Date.now() });
      callback.current?.(figures);
    });
    return () => source.close();
  }, [city]);

  return live;
}
