/**
 * index.html for one face of the app, with that face's chunks announced in its head.
 *
 * Each face is a lazily loaded chunk (web/src/main.tsx), so a plain index.html makes the browser
 * fetch the entry, run it, and only then ask for the face: one more round trip before the first
 * screen, half a second and more on a slow phone line (bench/results/phone.md). The build's
 * manifest names each face's chunk and everything it imports; the page for /worker lists them as
 * <link rel="modulepreload"> and its styles as stylesheets, so they arrive with the entry. Vite's
 * loader finds the styles already in the page and does not add them twice.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";

/** The face's chunk in the build's manifest, by the face's address. */
const FACE_CHUNKS: Record<string, string> = {
  "/worker": "src/worker/WorkerApp.tsx",
  "/employer": "src/employer/EmployerApp.tsx",
  "/station": "src/station/StationApp.tsx",
  "/admin": "src/admin/AdminApp.tsx",
};

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** Chunks in the order their styles must apply: what a chunk imports before the chunk itself. */
function importsFirst(
  manifest: Manifest,
  key: string,
  out: string[] = [],
  seen = new Set<string>(),
): string[] {
  if (seen.has(key) || !manifest[key]) return out;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) importsFirst(manifest, imported, out, seen);
  out.push(key);
  return out;
}

/**
 * The <link> tags that announce a face's chunks, less what index.html already loads. Styles come
 * in import order (a library's before the face's own), as Vite's loader would add them, so the
 * face's rules still win.
 */
export function faceLinks(manifest: Manifest, faceKey: string, entryKey = "index.html"): string {
  if (!manifest[faceKey]) return "";
  const loaded = new Set(importsFirst(manifest, entryKey));
  const styles = new Set<string>();
  for (const key of loaded) for (const css of manifest[key].css ?? []) styles.add(css);
  const scripts: string[] = [];
  const sheets: string[] = [];
  for (const key of importsFirst(manifest, faceKey)) {
    const chunk = manifest[key];
    if (!loaded.has(key)) scripts.push(`<link rel="modulepreload" crossorigin href="/${chunk.file}">`);
    for (const css of chunk.css ?? []) {
      if (styles.has(css)) continue;
      styles.add(css);
      sheets.push(`<link rel="stylesheet" crossorigin href="/${css}">`);
    }
  }
  return [...scripts, ...sheets].join("\n    ");
}

/**
 * What the worker app's first screen asks the API for at once (web/src/shared/session.tsx,
 * reference.ts, worker/gigs/GigList.tsx's early page): announced in the page for exactly /worker
 * so the browser asks while the scripts are still arriving, not after they have run — on a slow
 * phone line that is the wait for every script in turn. The app's own fetches take these answers.
 */
const WORKER_LIST_FETCHES = ["/api/me", "/api/reference", "/api/gigs?sort=soonest"];
const WORKER_LIST_PAGE = "/worker?";

/** The face an address belongs to, if any: "/worker/work" → "/worker". */
export function faceOf(pathname: string): string | null {
  const prefix = `/${pathname.split("/")[1] ?? ""}`;
  return prefix in FACE_CHUNKS ? prefix : null;
}

/**
 * Pages per face, rebuilt when index.html changes (a new build is served without a restart).
 * Without a manifest (an old or partial build) every face gets index.html as it is.
 */
export class FacePages {
  private builtAt = -1;
  private pages = new Map<string, string>();

  constructor(private readonly root: string) {}

  /** index.html for the face at this address; null when the build has none. */
  pageFor(pathname: string, search = ""): string | null {
    const index = path.join(this.root, "index.html");
    const stat = statSync(index, { throwIfNoEntry: false });
    if (!stat) return null;
    if (stat.mtimeMs !== this.builtAt) this.rebuild(index, stat.mtimeMs);
    const listPage = pathname === "/worker" && search === "" ? this.pages.get(WORKER_LIST_PAGE) : undefined;
    return listPage ?? this.pages.get(faceOf(pathname) ?? "") ?? this.pages.get("") ?? null;
  }

  private rebuild(index: string, builtAt: number): void {
    const html = readFileSync(index, "utf8");
    this.pages = new Map([["", html]]);
    this.builtAt = builtAt;
    let manifest: Manifest;
    try {
      manifest = JSON.parse(readFileSync(path.join(this.root, ".vite", "manifest.json"), "utf8"));
    } catch {
      return;
    }
    for (const [face, key] of Object.entries(FACE_CHUNKS)) {
      const links = faceLinks(manifest, key);
      if (links) this.pages.set(face, html.replace("</head>", `  ${links}\n  </head>`));
    }
    const worker = this.pages.get("/worker");
    if (worker) {
      const fetches = WORKER_LIST_FETCHES.map(
        (href) => `<link rel="preload" as="fetch" crossorigin href="${href}">`,
      ).join("\n    ");
      // Ahead of the scripts, so the three small answers are asked for first.
      const opening = /<meta charset="[^"]*" ?\/?>/i.test(worker)
        ? /<meta charset="[^"]*" ?\/?>/i
        : /<head[^>]*>/i;
      this.pages.set(
        WORKER_LIST_PAGE,
        worker.replace(opening, (tag) => `${tag}\n    ${fetches}`),
      );
    }
  }
}
