/**
 * Plays a script of requests through autocannon's keep-alive connections, spread evenly over the
 * instances' URLs (as a round-robin balancer would), and times every response by its route.
 * One request is in flight per connection, so the time from building a request to its response
 * is that request's latency.
 */
import autocannon from "autocannon";
import type { ScriptedRequest } from "./mix.ts";

export interface RouteFigures {
  count: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The first refusals seen, for the report (status and error code). */
  samples: string[];
  /** Requests given up after autocannon's 10 s without an answer (counted in `errors`). */
  timeouts: number;
}

export interface RunFigures {
  requests: number;
  seconds: number;
  requestsPerSec: number;
  errors: number;
  routes: Record<string, RouteFigures>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export async function play(
  urls: string[],
  script: ScriptedRequest[],
  connections: number,
): Promise<RunFigures> {
  let next = 0;
  const times = new Map<string, number[]>();
  const refused = new Map<string, { errors: number; samples: string[] }>();
  const timedOut = new Map<string, number>();
  const started = process.hrtime.bigint();
  const result = await autocannon({
    url: urls,
    connections,
    amount: script.length,
    // A request unanswered for 10 s is given up and its connection opened again: count it by route.
    setupClient: (client) =>
      client.on("timeout", () => {
        const item = client.requestIterator.context.item as ScriptedRequest | undefined;
        if (item) timedOut.set(item.route, (timedOut.get(item.route) ?? 0) + 1);
      }),
    requests: [
      {
        setupRequest: (request, context) => {
          const item = script[next++ % script.length];
          context.item = item;
          context.t0 = process.hrtime.bigint();
          const headers: Record<string, string> = { authorization: `Bearer ${item.token}` };
          if (item.body !== undefined) headers["content-type"] = "application/json";
          return { ...request, method: item.method, path: item.path, headers, body: item.body };
        },
        onResponse: (status, body, context) => {
          const item = context.item as ScriptedRequest;
          const ms = Number(process.hrtime.bigint() - (context.t0 as bigint)) / 1e6;
          const list = times.get(item.route) ?? [];
          list.push(ms);
          times.set(item.route, list);
          if (status >= 400) {
            const entry = refused.get(item.route) ?? { errors: 0, samples: [] };
            entry.errors += 1;
            if (entry.samples.length < 3) entry.samples.push(`${status} ${body.slice(0, 120)}`);
            refused.set(item.route, entry);
          }
        },
      },
    ],
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const routes: Record<string, RouteFigures> = {};
  for (const route of timedOut.keys()) if (!times.has(route)) times.set(route, []);
  for (const [route, list] of times) {
    list.sort((a, b) => a - b);
    const bad = refused.get(route);
    routes[route] = {
      count: list.length,
      errors: (bad?.errors ?? 0) + (timedOut.get(route) ?? 0),
      timeouts: timedOut.get(route) ?? 0,
      p50Ms: round(percentile(list, 50)),
      p99Ms: round(percentile(list, 99)),
      maxMs: round(list[list.length - 1] ?? 0),
      samples: bad?.samples ?? [],
    };
  }
  const answered = [...times.values()].reduce((sum, list) => sum + list.length, 0);
  return {
    requests: answered,
    seconds: round(seconds),
    requestsPerSec: Math.round(answered / seconds),
    errors: result.errors + result.non2xx,
    routes,
  };
}
