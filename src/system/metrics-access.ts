/**
 * Who may read /metrics. With METRICS_TOKEN set: whoever sends `Authorization: Bearer <token>`
 * (Prometheus' `authorization` setting), from any address. Without it: only this machine
 * (a Prometheus or node exporter scraping over loopback). A session never opens it.
 * HAProxy refuses /metrics on the public side in any case (deploy/haproxy/haproxy.cfg).
 */
import { timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { defineErrors } from "../platform/errors.ts";

export const metricsErrors = defineErrors({
  metrics_token_required: {
    status: 401,
    zh: "读取运行指标需要指标令牌",
    en: "Reading the metrics needs the metrics token",
  },
  metrics_loopback_only: {
    status: 403,
    zh: "未配置指标令牌时只能从本机读取运行指标",
    en: "Without a metrics token the metrics can only be read from this machine",
  },
});

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

export function checkMetricsAccess(request: FastifyRequest, token: string | undefined): void {
  if (token) {
    const sent = Buffer.from(request.headers.authorization ?? "");
    const expected = Buffer.from(`Bearer ${token}`);
    if (sent.length !== expected.length || !timingSafeEqual(sent, expected))
      throw metricsErrors.metrics_token_required();
    return;
  }
  // request.ip is the client behind a trusted proxy, so a proxy on loopback does not open it.
  if (!LOOPBACK.test(request.ip)) throw metricsErrors.metrics_loopback_only();
}
