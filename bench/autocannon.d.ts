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
  export default function autocannon(options: {
    url: string | string[];
    connections: number;
    duration?: number;
    amount?: number;
    headers?: Record<string, string>;
    requests?: RequestStep[];
  }): Promise<Result>;
}
