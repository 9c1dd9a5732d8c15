/**
 * HAProxy in front of the bench's server as production puts it (deploy/haproxy/haproxy.cfg):
 * terminating TLS and speaking HTTP/2 to the browser (`alpn h2,http/1.1`), HTTP/1.1 with
 * keep-alive to the app. The certificate is self-signed, made for the run with openssl; the
 * browser is told to accept it. Without haproxy or openssl the bench goes on without these rows.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../test/support/free-port.ts";

export interface Proxy {
  url: string;
  version: string;
  close(): Promise<void>;
}

function installed(command: string, versionArg: string): string | undefined {
  const run = spawnSync(command, [versionArg], { encoding: "utf8" });
  return run.error ? undefined : `${run.stdout}${run.stderr}`.split("\n")[0].trim();
}

async function accepting(port: number, child: ChildProcess, withinMs: number): Promise<void> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`haproxy exited (${child.exitCode})`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`haproxy did not listen on ${port} within ${withinMs} ms`);
}

function config(pem: string, port: number, appPort: number): string {
  return `global
    maxconn 1000
defaults
    mode http
    timeout connect 3s
    timeout client 60s
    timeout server 60s
frontend public
    bind 127.0.0.1:${port} ssl crt ${pem} alpn h2,http/1.1
    http-request set-header X-Forwarded-For %[src]
    default_backend app
backend app
    server app1 127.0.0.1:${appPort}
`;
}

/** HAProxy forwarding to `appPort`, or undefined (with the reason printed) where it cannot run. */
export async function startProxy(appPort: number): Promise<Proxy | undefined> {
  const version = installed("haproxy", "-v");
  if (!version || !installed("openssl", "version")) {
    console.warn(
      "haproxy or openssl is not installed (Debian: apt-get install -y haproxy openssl): " +
        "the rows through HAProxy with TLS and HTTP/2 are skipped.",
    );
    return undefined;
  }
  const dir = mkdtempSync(path.join(tmpdir(), "lg-phone-proxy-"));
  const key = path.join(dir, "key.pem");
  const cert = path.join(dir, "cert.pem");
  const made = spawnSync("openssl", [
    ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"],
    ...["-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=localhost"],
  ]);
  if (made.status !== 0) throw new Error(`openssl could not make a certificate: ${made.stderr}`);
  const pem = path.join(dir, "bench.pem");
  writeFileSync(pem, readFileSync(cert, "utf8") + readFileSync(key, "utf8"));
  const port = await freePort();
  const cfg = path.join(dir, "haproxy.cfg");
  writeFileSync(cfg, config(pem, port, appPort));
  const child = spawn("haproxy", ["-db", "-f", cfg], { stdio: ["ignore", "ignore", "inherit"] });
  await accepting(port, child, 10_000);
  return {
    url: `https://127.0.0.1:${port}`,
    version: `HAProxy ${/version (\S+)/.exec(version)?.[1] ?? version}`,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
