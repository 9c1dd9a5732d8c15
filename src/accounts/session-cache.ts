/**
 * Sessions this instance has checked, kept in memory so a request does not wait on the database to
 * learn who sent it.
 *
 * Losing access must still be immediate on every instance: the database announces every change to
 * a session or an account on the `sessions_changed` channel (triggers, drizzle/0011), and each
 * instance forgets that account's sessions when the notice arrives, within milliseconds of the
 * commit. The cache is trusted only while the LISTEN connection is up; while it is down nothing is
 * kept, and on reconnection (notices may have been lost) everything is forgotten. A lookup that
 * raced a notice is not kept either (the generation check), and no entry lives longer than a minute
 * whatever happens.
 */
import type { Database } from "../db/client.ts";
import type { SessionUser } from "../platform/http/access.ts";

export const SESSIONS_CHANNEL = "sessions_changed";
/** The caches of the apps on each database connection of this process (one, except in tests). */
const cachesOf = new WeakMap<Database, Set<SessionCache>>();

/**
 * Forgets an account's sessions on this instance at once, for a command that has just committed a
 * change to them (sign-out, an account disabled): the database's notice reaches this instance a
 * moment later, and the next request must not be a moment too early. Other instances rely on the
 * notice.
 */
export function forgetSessionsOf(database: Database, userId: string): void {
  for (const cache of cachesOf.get(database) ?? []) cache.forgetUser(userId);
}
const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 50_000;

interface Entry {
  user: SessionUser;
  /** When the session itself expires (the app's clock). */
  expiresAt: Date;
  /** When the entry was made (the monotonic clock). */
  keptAt: number;
}

export class SessionCache {
  private readonly byToken = new Map<string, Entry>();
  private readonly tokensOf = new Map<string, Set<string>>();
  /** Moves on every notice and reconnection; a lookup that started before a move is not kept. */
  private generation = 0;
  private unlisten: (() => Promise<void>) | undefined;

  constructor(private readonly database: Database) {}

  async start(): Promise<void> {
    let caches = cachesOf.get(this.database);
    if (!caches) {
      caches = new Set();
      cachesOf.set(this.database, caches);
    }
    caches.add(this);
    this.unlisten = await this.database.listen(
      SESSIONS_CHANNEL,
      (userId) => this.forgetUser(userId),
      () => this.clear(),
    );
  }

  async stop(): Promise<void> {
    cachesOf.get(this.database)?.delete(this);
    await this.unlisten?.();
    this.unlisten = undefined;
    this.clear();
  }

  /** Whether entries may be trusted now: listening, and the connection up. */
  private trusted(): boolean {
    return this.unlisten !== undefined && this.database.listenFeedUp();
  }

  /** The session's account if known and still valid; undefined when the database must be asked. */
  get(tokenHash: string, now: Date): SessionUser | undefined {
    if (!this.trusted()) {
      if (this.byToken.size > 0) this.clear();
      return undefined;
    }
    const entry = this.byToken.get(tokenHash);
    if (!entry) return undefined;
    if (entry.expiresAt <= now || performance.now() - entry.keptAt > MAX_AGE_MS) {
      this.forgetToken(tokenHash);
      return undefined;
    }
    return entry.user;
  }

  /** Marks the start of a database lookup; pass the mark to keep(). */
  mark(): number {
    return this.generation;
  }

  /** Keeps what the database said, unless a notice arrived while it was being asked. */
  keep(mark: number, tokenHash: string, user: SessionUser, expiresAt: Date): void {
    if (mark !== this.generation || !this.trusted()) return;
    if (this.byToken.size >= MAX_ENTRIES) {
      const oldest = this.byToken.keys().next().value;
      if (oldest !== undefined) this.forgetToken(oldest);
    }
    this.byToken.set(tokenHash, { user, expiresAt, keptAt: performance.now() });
    let tokens = this.tokensOf.get(user.id);
    if (!tokens) {
      tokens = new Set();
      this.tokensOf.set(user.id, tokens);
    }
    tokens.add(tokenHash);
  }

  /** How many sessions are kept (for tests and metrics). */
  size(): number {
    return this.byToken.size;
  }

  forgetUser(userId: string): void {
    this.generation += 1;
    for (const token of this.tokensOf.get(userId) ?? []) this.byToken.delete(token);
    this.tokensOf.delete(userId);
  }

  private forgetToken(tokenHash: string): void {
    const entry = this.byToken.get(tokenHash);
    this.byToken.delete(tokenHash);
    if (!entry) return;
    const tokens = this.tokensOf.get(entry.user.id);
    tokens?.delete(tokenHash);
    if (tokens?.size === 0) this.tokensOf.delete(entry.user.id);
  }

  private clear(): void {
    this.generation += 1;
    this.byToken.clear();
    this.tokensOf.clear();
  }
}
