/**
 * Serves the built web app (web/dist) and answers the app's own addresses with index.html,
 * so a deep link such as /worker/work works on reload. Any other address a browser asks for
 * gets the app too, with status 404: the app shows its not-found page with the way home.
 * /api/* never falls back (an unknown API route stays a JSON 404 from the error handler), nor
 * does a missing file such as /assets/old-chunk.js.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { httpErrors } from "../platform/http/http.errors.ts";
import { projectPath } from "../platform/paths.ts";
import { FacePages } from "./face-pages.ts";

export const WEB_DIST = projectPath("web", "dist");

/** The faces of the product whose addresses belong to the single-page app. */
const APP_PREFIXES = ["/worker", "/employer", "/station", "/kiosk", "/display", "/admin", "/legal"];

export async function webApp(app: FastifyInstance, options: { root?: string } = {}): Promise<void> {
  const root = options.root ?? WEB_DIST;
  if (!existsSync(path.join(root, "index.html"))) {
    app.log.warn({ root }, "web app not built; run `npm run build:web` (npm start does it for you)");
    return;
  }
  await app.register(fastifyStatic, {
    root,
    // Files are served by the route below, looked up per request, so a rebuild of web/dist is
    // served without a restart.
    serve: false,
    // The build leaves .br and .gz copies beside each file (precompress.ts); sent by Accept-Encoding.
    preCompressed: true,
    // Hashed assets never change; index.html must always be fresh so a new build is picked up.
    setHeaders: (reply, filePath) => {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      reply.header("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  const pages = new FacePages(root);
  /** index.html with the face's own chunks announced (face-pages.ts); always fresh. */
  const sendApp = (request: FastifyRequest, reply: FastifyReply) => {
    const [pathname, search = ""] = request.url.split("?");
    const html = pages.pageFor(pathname, search);
    if (html === null) return reply.sendFile("index.html");
    return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(html);
  };
  // Pages of the web app, not API: kept out of the OpenAPI document.
  const page = { schema: { hide: true } };
  // The front door is its own small page (web/landing.html), not the single-page app.
  app.get("/", page, (_request, reply) => reply.sendFile("landing.html"));
  for (const prefix of APP_PREFIXES) {
    app.get(prefix, page, sendApp);
    app.get(`${prefix}/*`, page, sendApp);
  }
  app.get("/*", page, (request, reply) => {
    // Fastify has already refused a URL whose percent-encoding is broken (400).
    const pathname = decodeURIComponent(request.url.split("?")[0]);
    if (/^\/api(\/|$)/.test(pathname)) {
      // The same answer as without the web app: a segment too long for a route parameter is 414.
      const longest = Math.max(...pathname.split("/").map((part) => part.length));
      if (longest > (app.initialConfig.maxParamLength ?? 100)) throw httpErrors.uri_too_long();
      return reply.callNotFound();
    }
    const file = path.join(root, path.normalize(pathname));
    if (file.startsWith(root + path.sep) && statSync(file, { throwIfNoEntry: false })?.isFile())
      return reply.sendFile(path.relative(root, file));
    if (path.extname(pathname)) return reply.callNotFound();
    return sendApp(request, reply.code(404));
  });
}
