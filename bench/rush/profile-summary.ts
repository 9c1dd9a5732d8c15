/**
 * Reads V8 CPU profiles (`.cpuprofile`, as written by `RUSH_CPU_PROF=dir`) and prints where the time
 * went, as Markdown: the top functions by self time and by inclusive time, self time grouped by
 * package or source file, and inclusive time by product area (the first `src/<area>/` on the stack).
 *
 *   node --import tsx bench/rush/profile-summary.ts <file-or-dir>... [--top=25] [--out=file.md]
 *
 * Several profiles (the two instances) are added together. Self time is the time a function was the
 * one running; inclusive time counts it once per sample wherever it stands on the stack.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Time per key, in microseconds. */
type Tally = Map<string, number>;

const add = (tally: Tally, key: string, us: number) => tally.set(key, (tally.get(key) ?? 0) + us);

/** `node_modules/pg-protocol/...` → `pg-protocol`; `src/gigs/x.ts` → `src/gigs/x.ts`; `node:` → `node:internals`. */
function ownerOf(url: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : "(native)";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const parts = url.slice(modules + "node_modules/".length).split("/");
    return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith("node:")) return "node:internals";
  const src = url.indexOf("/src/");
  if (src >= 0) return url.slice(src + 1);
  const bench = url.indexOf("/bench/");
  return bench >= 0 ? url.slice(bench + 1) : url;
}

/** The product area a stack (innermost frame first) serves: the nearest `src/<area>/` frame, platform and db last. */
function areaOf(frames: ProfileNode[]): string {
  for (const node of frames) {
    const m = /\/src\/([a-z-]+)\//.exec(node.callFrame.url);
    if (m && m[1] !== "platform" && m[1] !== "db") return `src/${m[1]}`;
  }
  for (const node of frames) {
    const m = /\/src\/([a-z-]+)\//.exec(node.callFrame.url);
    if (m) return `src/${m[1]}`;
  }
  const top = frames[frames.length - 1];
  return top ? ownerOf(top.callFrame.url, top.callFrame.functionName) : "(none)";
}

function functionKey(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  if (!url) return functionName || "(anonymous)";
  return `${functionName || "(anonymous)"} ${ownerOf(url, functionName)}:${lineNumber + 1}`;
}

export interface Summary {
  totalUs: number;
  selfByFunction: Tally;
  totalByFunction: Tally;
  selfByOwner: Tally;
  totalByArea: Tally;
}

export function summarise(profiles: CpuProfile[]): Summary {
  const s: Summary = {
    totalUs: 0,
    selfByFunction: new Map(),
    totalByFunction: new Map(),
    selfByOwner: new Map(),
    totalByArea: new Map(),
  };
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    profile.samples.forEach((id, i) => {
      const us = profile.timeDeltas[i] ?? 0;
      const leaf = byId.get(id);
      if (!leaf) return;
      s.totalUs += us;
      add(s.selfByFunction, functionKey(leaf), us);
      add(s.selfByOwner, ownerOf(leaf.callFrame.url, leaf.callFrame.functionName), us);
      const stack: ProfileNode[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const node = byId.get(at);
        if (node) stack.push(node);
      }
      // Innermost first: areaOf takes the frame nearest the leaf that belongs to a product area.
      add(s.totalByArea, areaOf(stack), us);
      for (const key of new Set(stack.map(functionKey))) add(s.totalByFunction, key, us);
    });
  }
  return s;
}

function table(title: string, tally: Tally, totalUs: number, top: number): string[] {
  const rows = [...tally].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `### ${title}`,
    "",
    "| | ms | share |",
    "|---|---:|---:|",
    ...rows.map(
      ([key, us]) =>
        `| \`${key.replace(/\|/g, "\\|")}\` | ${Math.round(us / 1000)} | ${((100 * us) / totalUs).toFixed(1)} % |`,
    ),
    "",
  ];
}

export function summaryMarkdown(s: Summary, top = 25): string {
  return [
    `Sampled time: ${Math.round(s.totalUs / 1000)} ms over all profiles.`,
    "",
    ...table("Self time by package or source file", s.selfByOwner, s.totalUs, top),
    ...table("Inclusive time by product area (nearest `src/<area>/` frame)", s.totalByArea, s.totalUs, top),
    ...table("Top functions by self time", s.selfByFunction, s.totalUs, top),
    ...table("Top functions by inclusive time", s.totalByFunction, s.totalUs, top),
  ].join("\n");
}

function profileFiles(paths: string[]): string[] {
  return paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => f.endsWith(".cpuprofile"))
          .map((f) => join(p, f))
      : [p],
  );
}

if (process.argv[1] && relative(process.argv[1], new URL(import.meta.url).pathname) === "") {
  const args = process.argv.slice(2);
  const top = Number(args.find((a) => a.startsWith("--top="))?.slice(6) ?? 25);
  const out = args.find((a) => a.startsWith("--out="))?.slice(6);
  const files = profileFiles(args.filter((a) => !a.startsWith("--")));
  const md = summaryMarkdown(summarise(files.map((f) => JSON.parse(readFileSync(f, "utf8")))), top);
  if (out) writeFileSync(out, md);
  console.log(md);
}
