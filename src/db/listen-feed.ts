/**
 * The LISTEN connection of one server instance to PostgreSQL. When it is cut (a terminated
 * backend, a failover, a network cut) it reconnects with backoff and LISTENs again on every
 * channel, then tells each subscriber it was reconnected: notices sent meanwhile are lost, so
 * subscribers catch up from the database (the market_events log is the truth, notices hints).
 * A heartbeat finds a connection that died without a word.
 */
import pg from "pg";

export type Listener = (payload: string) => void;

interface Subscription {
  onNotice: Listener;
  onReconnect?: () => void;
}

const FIRST_RETRY_MS = 250;
const LAST_RETRY_MS = 10_000;
const HEARTBEAT_MS = 10_000;
const HEARTBEAT_TIMEOUT_MS = 5_000;
/** Shown in pg_stat_activity, so operators (and tests) can tell this connection apart. */
export const LISTEN_APPLICATION_NAME = "linggong-listen";

export class ListenFeed {
  private readonly channels = new Map<string, Set<Subscription>>();
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** False while the connection is lost and being made again (and before it is first made). */
  isUp(): boolean {
    return this.channels.size === 0 || this.client !== undefined;
  }

  async subscribe(channel: string, subscription: Subscription): Promise<() => Promise<void>> {
    let set = this.channels.get(channel);
    if (!set) {
      set = new Set();
      this.channels.set(channel, set);
    }
    set.add(subscription);
    const client = this.client ?? (this.retryTimer ? undefined : await this.connect());
    // Without a connection now, the reconnect LISTENs on every channel, this one included.
    if (client) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    return async () => {
      set.delete(subscription);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.heartbeatTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** Connects and LISTENs on every channel; concurrent callers share one attempt. */
  private connect(): Promise<pg.Client> {
    this.connecting ??= this.open().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async open(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.url,
      application_name: LISTEN_APPLICATION_NAME,
      keepAlive: true,
    });
    client.on("notification", (message) => {
      for (const s of this.channels.get(message.channel) ?? [])
        this.safely(() => s.onNotice(message.payload ?? ""));
    });
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, undefined));
    try {
      await client.connect();
      for (const channel of this.channels.keys())
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      throw new Error("the listen feed is closed");
    }
    this.client = client;
    this.heartbeatTimer = setInterval(() => this.beat(client), HEARTBEAT_MS);
    this.heartbeatTimer.unref();
    return client;
  }

  /** A query that does not answer in time means the connection is dead, even if no error came. */
  private beat(client: pg.Client): void {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error("LISTEN connection heartbeat timed out")),
        HEARTBEAT_TIMEOUT_MS,
      );
    });
    Promise.race([client.query("select 1"), timeout])
      .catch((error) => {
        this.lost(client, error);
        client.end().catch(() => undefined);
      })
      .finally(() => clearTimeout(timer));
  }

  private lost(client: pg.Client, error: unknown): void {
    if (error) this.onError(error);
    if (this.client !== client) return;
    this.client = undefined;
    clearInterval(this.heartbeatTimer);
    this.scheduleReconnect();
  }

  /** A subscriber's failure is reported, never thrown into the driver's event loop. */
  private safely(call: () => void): void {
    try {
      call();
    } catch (error) {
      this.onError(error);
    }
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer) return;
    const delay = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** this.failures) * (0.5 + Math.random() / 2);
    this.retryTimer = setTimeout(() => {
      this.connect().then(
        () => {
          this.retryTimer = undefined;
          this.failures = 0;
          for (const set of this.channels.values()) for (const s of set) this.safely(() => s.onReconnect?.());
        },
        (error) => {
          this.retryTimer = undefined;
          this.failures += 1;
          this.onError(error);
          this.scheduleReconnect();
        },
      );
    }, delay);
    this.retryTimer.unref();
  }
}
