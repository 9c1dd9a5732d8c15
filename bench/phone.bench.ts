/**
 * npm run bench:phone — the worker's phone on a poor line. Chromium loads the worker app with a
 * cold cache (a fresh browser context each time) over emulated lines (the DevTools protocol's
 * Network.emulateNetworkConditions), and the clock runs from navigation until the first gig card
 * is on screen; the front door until its two choices are. The baseline in the same run is the same
 * page over the unthrottled local line, so what remains is what the line costs.
 * The lines are Lighthouse's throttling constants as DevTools applies them (request latency and
 * throughput, the CPU not slowed). Each figure is the median of RUNS loads (and the slowest).
 * Each load is made twice in turn: straight to Node over HTTP/1.1, and through HAProxy
 * terminating TLS with HTTP/2 as production serves it (phone-proxy.ts; skipped without haproxy).
 * Writes bench/results/phone.json and .md, with one load's waterfall of the slow-4G worker app
 * each way. Needs the built web app (npm run build:web) and Debian's chromium.
 */
import { writeFileSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { loadDemoCity } from "../src/demo/demo-city.ts";
import { startTestApp } from "../test/support/app.ts";
import { startProxy } from "./phone-proxy.ts";

const RUNS = Number(process.env.PHONE_RUNS ?? 5);
/** The landing page's compressed JavaScript may weigh this much (issue 15). */
const LANDING_JS_KB = 60;

/** How the browser reaches the server. */
interface Route {
  name: string;
  base: string;
}

interface Line {
  name: string;
  /** Added to every request, ms. */
  latency: number;
  /** Kilobits per second. */
  downKbps: number;
  upKbps: number;
}
const LINES: Line[] = [
  { name: "local (baseline)", latency: 0, downKbps: 0, upKbps: 0 },
  // Lighthouse mobileSlow4G: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, as DevTools applies them.
  { name: "slow 4G", latency: 150 * 3.75, downKbps: 1638.4 * 0.9, upKbps: 750 * 0.9 },
  // Lighthouse mobileRegular3G: 300 ms RTT, 700 kbit/s down, 700 kbit/s up.
  { name: "regular 3G", latency: 300 * 3.75, downKbps: 700 * 0.9, upKbps: 700 * 0.9 },
];

interface Page {
  name: string;
  path: string;
  /** What counts as the page being useful. */
  ready: string;
}
const PAGES: Page[] = [
  { name: "front door /", path: "/", ready: "a.lg-choice-worker" },
  { name: "worker app /worker (first gig card)", path: "/worker", ready: ".lg-gig-card" },
];

interface Load {
  ms: number;
  bytes: number;
  /** Bytes of JavaScript files as transferred (compressed, with their headers). */
  jsBytes: number;
  requests: { url: string; startMs: number; endMs: number; bytes: number }[];
}

/** One cold load; `settle` waits until the network is quiet, so every file is counted. */
async function load(browser: Browser, base: string, page: Page, line: Line, settle = false): Promise<Load> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    hasTouch: true,
    ignoreHTTPSErrors: true,
  });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: line.latency,
    downloadThroughput: line.downKbps > 0 ? (line.downKbps * 1024) / 8 : -1,
    uploadThroughput: line.upKbps > 0 ? (line.upKbps * 1024) / 8 : -1,
  });
  const started = new Map<string, { url: string; at: number }>();
  const requests: Load["requests"] = [];
  let bytes = 0;
  let jsBytes = 0;
  let t0 = 0;
  cdp.on("Network.requestWillBeSent", (e) =>
    started.set(e.requestId, { url: e.request.url, at: performance.now() }),
  );
  cdp.on("Network.loadingFinished", (e) => {
    const request = started.get(e.requestId);
    bytes += e.encodedDataLength;
    if (request && /\.js(\?|$)/.test(request.url)) jsBytes += e.encodedDataLength;
    if (request)
      requests.push({
        url: request.url.replace(base, ""),
        startMs: Math.round(request.at - t0),
        endMs: Math.round(performance.now() - t0),
        bytes: e.encodedDataLength,
      });
  });
  t0 = performance.now();
  await tab.goto(base + page.path, { waitUntil: "commit", timeout: 60_000 });
  await tab.locator(page.ready).first().waitFor({ state: "visible", timeout: 60_000 });
  const ms = performance.now() - t0;
  if (settle) await tab.waitForLoadState("networkidle");
  await context.close();
  return { ms, bytes, jsBytes, requests: requests.sort((a, b) => a.startMs - b.startMs) };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function main(): Promise<void> {
  const t = await startTestApp();
  await loadDemoCity(t.ctx.database.db, {
    seed: 7,
    now: t.clock.now(),
    workers: 200,
    gigs: 120,
    historyDays: 3,
  });
  // The city was written behind the server's back: its indexes (which answer browsing) catch up.
  await t.app.matching.catchUp();
  const direct = await t.app.listen({ port: 0, host: "127.0.0.1" });
  const proxy = await startProxy(Number(new URL(direct).port));
  const routes: Route[] = [{ name: "Node, HTTP/1.1", base: direct }];
  if (proxy) routes.push({ name: "HAProxy, TLS + HTTP/2", base: proxy.url });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      ...["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
      "--ignore-certificate-errors",
    ],
  });
  const rows: Row[] = [];
  const landing: { via: string; jsKb: number }[] = [];
  const waterfalls: { via: string; requests: Load["requests"] }[] = [];
  try {
    for (const page of PAGES) {
      // One load each way to warm the server (its first query plans), not counted.
      for (const route of routes) await load(browser, route.base, page, LINES[0]);
      // What the landing page fetches of JavaScript, everything it loads counted.
      if (page.path === "/")
        for (const route of routes) {
          const settled = await load(browser, route.base, page, LINES[0], true);
          landing.push({ via: route.name, jsKb: Math.round(settled.jsBytes / 102.4) / 10 });
        }
      for (const line of LINES) {
        // The routes take turns, load by load, so both see the machine's load alike.
        const loads = routes.map((): Load[] => []);
        for (let i = 0; i < RUNS; i++)
          for (const [r, route] of routes.entries())
            loads[r].push(await load(browser, route.base, page, line));
        for (const [r, route] of routes.entries()) {
          rows.push(summary(page, line, route, loads[r]));
          console.log(rows.at(-1));
          if (page.path === "/worker" && line.name === "slow 4G")
            waterfalls.push({ via: route.name, requests: loads[r][0].requests });
        }
      }
    }
  } finally {
    await browser.close();
    await proxy?.close();
    await t.close();
  }
  const result = { runs: RUNS, proxy: proxy?.version ?? "not installed: skipped", rows, landing, waterfalls };
  writeFileSync("bench/results/phone.json", `${JSON.stringify(result, null, 2)}\n`);
  const md = markdown(result);
  writeFileSync("bench/results/phone.md", md);
  console.log(md);
}

interface Row {
  page: string;
  line: string;
  via: string;
  medianMs: number;
  slowestMs: number;
  kb: number;
  jsKb: number;
}

function summary(page: Page, line: Line, route: Route, loads: Load[]): Row {
  const times = loads.map((l) => l.ms);
  const kb = (values: number[]) => Math.round(median(values) / 102.4) / 10;
  return {
    page: page.name,
    line: line.name,
    via: route.name,
    medianMs: Math.round(median(times)),
    slowestMs: Math.round(Math.max(...times)),
    kb: kb(loads.map((l) => l.bytes)),
    jsKb: kb(loads.map((l) => l.jsBytes)),
  };
}

function markdown(r: {
  runs: number;
  proxy: string;
  rows: Row[];
  landing: { via: string; jsKb: number }[];
  waterfalls: { via: string; requests: Load["requests"] }[];
}) {
  const slow4g = r.rows.filter((row) => row.page.startsWith("worker") && row.line === "slow 4G");
  return [
    "# The phone on a poor line (bench/phone.bench.ts)",
    "",
    `Cold cache, a fresh browser context per load, ${r.runs} loads per cell; time from navigation until`,
    "the first gig card (worker app) or the two choices (front door) are visible. Lines are",
    "Lighthouse's throttling constants applied by DevTools (latency per request, throughput); the CPU",
    "is not slowed. Baseline: the same page over the local line in the same run. Each load is made",
    `both ways in turn: straight to Node over HTTP/1.1, and through HAProxy (${r.proxy}) terminating`,
    "TLS with HTTP/2 (self-signed certificate made for the run), as production serves it.",
    "",
    "| page | line | via | median | slowest | transferred | of it JavaScript |",
    "|---|---|---|---:|---:|---:|---:|",
    ...r.rows.map(
      (row) =>
        `| ${row.page} | ${row.line} | ${row.via} | ${row.medianMs} ms | ${row.slowestMs} ms | ${row.kb} KB | ${row.jsKb} KB |`,
    ),
    "",
    ...slow4g.map(
      (row) =>
        `Target: the worker app's first gig card within 3,000 ms on slow 4G, ${row.via} — ${
          row.medianMs <= 3000 ? "met" : "missed"
        } (${row.medianMs} ms).`,
    ),
    ...r.landing.map(
      (l) =>
        `Target: the landing page's compressed JavaScript ≤ ${LANDING_JS_KB} KB, ${l.via} — ${
          l.jsKb <= LANDING_JS_KB ? "met" : "missed"
        } (${l.jsKb} KB with headers, every file it loads until the network is quiet).`,
    ),
    "",
    ...r.waterfalls.flatMap((w) => [
      `## One slow-4G load of the worker app, request by request: ${w.via}`,
      "",
      "| request | start | end | bytes |",
      "|---|---:|---:|---:|",
      ...w.requests.map((q) => `| ${q.url.slice(0, 80)} | ${q.startMs} | ${q.endMs} | ${q.bytes} |`),
      "",
    ]),
  ].join("\n");
}

await main();
