/** The part of autocannon's API the benchmarks use (the package ships no types). */
declare module "autocannon" {
  interface Result {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    duration: number;
    non2xx: number;
    errors: number;
  }
  interface RawRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }
  interface RequestStep {
    setupRequest?: (request: RawRequest, context: Record<string, unknown>) => RawRequest;
    onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
  }
  /** One connection; emits `timeout` when a request went unanswered for 10 s. */
  interface Client {
    on(event: "timeout", listener: () => void): void;
    requestIterator: { context: Record<string, unknown> };
  }
  export default function autocannon(options: {
    url: string | string[];
    connections: number;
    duration?: number;
    amount?: number;
    headers?: Record<string, string>;
    requests?: RequestStep[];
    setupClient?: (client: Client) => void;
  }): Promise<Result>;
}
