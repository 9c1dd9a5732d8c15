/**
 * The failover drill's configuration, derived from the files a city deploys (deploy/patroni,
 * deploy/haproxy) so that the drill exercises what ships, moved onto loopback ports and a
 * scratch folder; and the drill's verdicts, counted from what clients were told and what the
 * database holds afterwards. Pure functions: test/cluster-drill.test.ts checks them.
 */
import { parse, stringify } from "yaml";

/** Loopback ports of one drill; none is a default port, so a drill runs beside a real PostgreSQL. */
export const DRILL_PORTS = {
  etcdClient: 23790,
  etcdPeer: 23800,
  postgres: [25432, 25433],
  patroniRest: [28008, 28009],
  /** HAProxy: the public door, the Patroni primary for the apps, the stats page. */
  front: 28080,
  primary: 25000,
  stats: 28404,
  apps: [23001, 23002, 23003],
} as const;

export const DRILL_PASSWORDS = {
  superuser: "drill-postgres",
  replication: "drill-replicator",
  rewind: "drill-rewind",
} as const;

export interface DrillNode {
  name: string;
  pgPort: number;
  restPort: number;
  dataDir: string;
  pgpass: string;
}

type Yaml = Record<string, unknown>;

/**
 * deploy/patroni/patroni.yml for one drill node: its name and loopback addresses, etcd on
 * loopback, the scratch data folder, the drill's passwords, loopback in pg_hba, and no WAL
 * archive (the drill has no archive host). Everything else — synchronous mode, pg_rewind,
 * slots, TTLs, parameters — is the shipped file's.
 */
export function patroniConfig(shipped: string, node: DrillNode, etcdClientPort: number): string {
  const config = parse(shipped) as Yaml;
  config.name = node.name;
  config.restapi = {
    listen: `127.0.0.1:${node.restPort}`,
    connect_address: `127.0.0.1:${node.restPort}`,
  };
  config.etcd3 = { hosts: `127.0.0.1:${etcdClientPort}` };
  const bootstrap = config.bootstrap as Yaml;
  const dcs = bootstrap.dcs as Yaml;
  const parameters = (dcs.postgresql as Yaml).parameters as Yaml;
  parameters.archive_mode = "off";
  delete parameters.archive_command;
  delete parameters.archive_timeout;
  bootstrap.pg_hba = [
    "local all all trust",
    "host replication replicator 127.0.0.1/32 scram-sha-256",
    "host all all 127.0.0.1/32 scram-sha-256",
  ];
  const postgresql = config.postgresql as Yaml;
  postgresql.listen = `127.0.0.1:${node.pgPort}`;
  postgresql.connect_address = `127.0.0.1:${node.pgPort}`;
  postgresql.data_dir = node.dataDir;
  postgresql.pgpass = node.pgpass;
  // Sockets beside the data, so the drill never touches the machine's own PostgreSQL's folder.
  postgresql.parameters = { unix_socket_directories: node.dataDir.replace(/\/[^/]+$/, "") };
  const auth = postgresql.authentication as Record<string, Yaml>;
  auth.superuser.password = DRILL_PASSWORDS.superuser;
  auth.replication.password = DRILL_PASSWORDS.replication;
  auth.rewind.password = DRILL_PASSWORDS.rewind;
  return stringify(config);
}

/**
 * deploy/haproxy/haproxy.cfg on loopback: the public door, the three app servers, the two
 * Patroni nodes (their REST ports as health checks), the stats page and the admin socket in the
 * scratch folder. Lines are rewritten, never added, so the checks, retries, timeouts and the
 * JSON 503 are the shipped ones.
 */
export function haproxyConfig(shipped: string, folder: string): string {
  const p = DRILL_PORTS;
  let appServer = 0;
  const pgServer = { primary: 0, replica: 0 };
  let section = "";
  return shipped
    .split("\n")
    .map((line) => {
      const trimmed = line.trim();
      if (/^(global|defaults|frontend|backend|listen)\b/.test(trimmed)) section = trimmed;
      if (trimmed.startsWith("stats socket "))
        return `    stats socket ${folder}/haproxy.sock mode 600 level admin`;
      if (trimmed.startsWith("maxconn ")) return "    maxconn 2000";
      if (trimmed === "bind :80") return `    bind 127.0.0.1:${p.front}`;
      if (section === "listen postgres_primary" && trimmed.startsWith("bind "))
        return `    bind 127.0.0.1:${p.primary}`;
      if (section === "listen postgres_replica" && trimmed.startsWith("bind "))
        return `    bind 127.0.0.1:${p.primary + 1}`;
      if (section === "frontend stats" && trimmed.startsWith("bind ")) return `    bind 127.0.0.1:${p.stats}`;
      const app = /^server (app\d+) \S+ (.*)$/.exec(trimmed);
      if (app && section === "backend app") {
        const port = p.apps[appServer++];
        return `    server ${app[1]} 127.0.0.1:${port} ${app[2]}`;
      }
      const pg = /^server (pg\d+) \S+ check port \d+(.*)$/.exec(trimmed);
      if (pg && section.startsWith("listen postgres_")) {
        const kind = section.endsWith("primary") ? "primary" : "replica";
        const i = pgServer[kind]++;
        return `    server ${pg[1]} 127.0.0.1:${p.postgres[i]} check port ${p.patroniRest[i]}${pg[2]}`;
      }
      return line;
    })
    .join("\n");
}

/** One write a client was told succeeded (2xx): what it created, to be found afterwards. */
export interface Acknowledged {
  kind: "application" | "booking";
  id: string;
}

/** Acknowledged writes the database no longer holds: a failover must lose none. */
export function lostWrites(
  acknowledged: readonly Acknowledged[],
  present: ReadonlySet<string>,
): Acknowledged[] {
  return acknowledged.filter((write) => !present.has(`${write.kind}:${write.id}`));
}

export interface GigSeats {
  gigId: string;
  headcount: number;
  /** Bookings not cancelled and not no-show. */
  live: number;
}

/** Gigs holding more live bookings than places. */
export function overbooked(gigs: readonly GigSeats[]): GigSeats[] {
  return gigs.filter((g) => g.live > g.headcount);
}

/** What a client saw, by status class; 503 is the one 5xx a failover may show. */
export interface Answers {
  ok: number;
  clientErrors: number;
  unavailable: number;
  otherServerErrors: number;
  /** Requests with no HTTP answer at all (connection refused or reset, timeout). */
  noAnswer: number;
}

export function emptyAnswers(): Answers {
  return { ok: 0, clientErrors: 0, unavailable: 0, otherServerErrors: 0, noAnswer: 0 };
}

export function countAnswer(answers: Answers, status: number | undefined): void {
  if (status === undefined) answers.noAnswer += 1;
  else if (status >= 200 && status < 300) answers.ok += 1;
  else if (status === 503) answers.unavailable += 1;
  else if (status >= 500) answers.otherServerErrors += 1;
  else answers.clientErrors += 1;
}

/** One write as a client saw it: when it was sent, when it was answered, and whether with a 2xx. */
export interface TimedWrite {
  sentAtMs: number;
  answeredAtMs: number;
  ok: boolean;
}

/**
 * Time to recover, ms: from the kill to the first acknowledged write among those sent after the
 * first write that failed after the kill (a write committed just before the kill and answered
 * just after it proves nothing). 0 when no write failed after the kill; undefined when writes
 * failed and none succeeded again.
 */
export function recoveryMs(killedAtMs: number, writes: readonly TimedWrite[]): number | undefined {
  let firstFailure = Number.POSITIVE_INFINITY;
  for (const w of writes)
    if (!w.ok && w.sentAtMs >= killedAtMs) firstFailure = Math.min(firstFailure, w.sentAtMs);
  if (firstFailure === Number.POSITIVE_INFINITY) return 0;
  let firstSuccess: number | undefined;
  for (const w of writes)
    if (w.ok && w.sentAtMs >= firstFailure && (firstSuccess === undefined || w.answeredAtMs < firstSuccess))
      firstSuccess = w.answeredAtMs;
  return firstSuccess === undefined ? undefined : firstSuccess - killedAtMs;
}
