/** Builds the web app into web/dist; the server serves it (src/web/web.plugin.ts). */
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { precompressDirectory } from "../src/web/precompress.ts";

const root = fileURLToPath(new URL(".", import.meta.url));

/** Brotli and gzip copies of the output, served as they are by the server (src/web/web.plugin.ts). */
function precompress(): Plugin {
  return {
    name: "linggong-precompress",
    apply: "build",
    async writeBundle(options) {
      if (!options.dir) return;
      const count = await precompressDirectory(options.dir);
      this.info(`brotli and gzip copies of ${count} files`);
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), precompress()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The manifest lets web/measure-first-screen.mjs add up what each first screen downloads.
    manifest: true,
    // The worker app is budgeted at 250 KB gzipped for its first screen; the size script checks it.
    chunkSizeWarningLimit: 900,
    // Two pages: the front door is plain HTML with a small script (landing.html); every other
    // address is the single-page app (index.html).
    rollupOptions: { input: { app: `${root}index.html`, landing: `${root}landing.html` } },
  },
  server: {
    // `npm run dev:web` talks to `npm start` on port 3000.
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
});
