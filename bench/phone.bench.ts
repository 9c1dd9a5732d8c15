/**
 * npm run bench:phone — the worker's phone on a poor line. Chromium loads the worker app with a
 * cold cache (a fresh browser context each time) over emulated lines (the DevTools protocol's
 * Network.emulateNetworkConditions), and the clock runs from navigation until the first gig card
 * is on screen; the front door until its two choices are. The baseline in the same run is the same
 * page over the unthrottled local line, so what remains is what the line costs.
 * The lines are Lighthouse's throttling constants as DevTools applies them (request latency and
 * throughput, the CPU not slowed). Each figure is the median of RUNS loads (and the slowest).
 * Writes bench/results/phone.json and .md, with one load's waterfall of the slow-4G worker app.
 * Needs the built web app (npm run build:web) and Debian's chromium.
 */
import { writeFileSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { loadDemoCity } from "../src/demo/demo-city.ts";
import { startTestApp } from "../test/support/app.ts";

const RUNS = Number(process.env.PHONE_RUNS ?? 5);

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
  requests: { url: string; startMs: number; endMs: number; bytes: number }[];
}

async function load(browser: Browser, base: string, page: Page, line: Line): Promise<Load> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    hasTouch: true,
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
  let t0 = 0;
  cdp.on("Network.requestWillBeSent", (e) =>
    started.set(e.requestId, { url: e.request.url, at: performance.now() }),
  );
  cdp.on("Network.loadingFinished", (e) => {
    const request = started.get(e.requestId);
    bytes += e.encodedDataLength;
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
  await context.close();
  return { ms, bytes, requests: requests.sort((a, b) => a.startMs - b.startMs) };
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
  const base = await t.app.listen({ port: 0, host: "127.0.0.1" });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  const rows: { page: string; line: string; medianMs: number; slowestMs: number; kb: number }[] = [];
  let waterfall: Load["requests"] = [];
  try {
    for (const page of PAGES) {
      // One load to warm the server (its first query plans), not counted.
      await load(browser, base, page, LINES[0]);
      for (const line of LINES) {
        const loads: Load[] = [];
        for (let i = 0; i < RUNS; i++) loads.push(await load(browser, base, page, line));
        const times = loads.map((l) => l.ms);
        rows.push({
          page: page.name,
          line: line.name,
          medianMs: Math.round(median(times)),
          slowestMs: Math.round(Math.max(...times)),
          kb: Math.round(median(loads.map((l) => l.bytes)) / 102.4) / 10,
        });
        console.log(rows.at(-1));
        if (page.path === "/worker" && line.name === "slow 4G") waterfall = loads[0].requests;
      }
    }
  } finally {
    await browser.close();
    await t.close();
  }

  const slow4g = rows.find((r) => r.page.startsWith("worker") && r.line === "slow 4G");
  const md = [
    "# The phone on a poor line (bench/phone.bench.ts)",
    "",
    `Cold cache, a fresh browser context per load, ${RUNS} loads per cell; time from navigation until`,
    "the first gig card (worker app) or the two choices (front door) are visible. Lines are",
    "Lighthouse's throttling constants applied by DevTools (latency per request, throughput); the CPU",
    "is not slowed. Baseline: the same page over the local line in the same run.",
    "",
    "| page | line | median | slowest | transferred |",
    "|---|---|---:|---:|---:|",
    ...rows.map((r) => `| ${r.page} | ${r.line} | ${r.medianMs} ms | ${r.slowestMs} ms | ${r.kb} KB |`),
    "",
    `Target: the worker app's first gig card within 3,000 ms on slow 4G — ${
      slow4g && slow4g.medianMs <= 3000 ? "met" : "missed"
    } (${slow4g?.medianMs ?? "?"} ms).`,
    "",
    "## One slow-4G load of the worker app, request by request",
    "",
    "| request | start | end | bytes |",
    "|---|---:|---:|---:|",
    ...waterfall.map((r) => `| ${r.url.slice(0, 80)} | ${r.startMs} | ${r.endMs} | ${r.bytes} |`),
    "",
  ].join("\n");
  writeFileSync("bench/results/phone.json", `${JSON.stringify({ runs: RUNS, rows, waterfall }, null, 2)}\n`);
  writeFileSync("bench/results/phone.md", md);
  console.log(md);
}

await main();
