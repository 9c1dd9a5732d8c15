/**
 * Server-side prepared statements for what the app sends again and again (PostgreSQL only).
 *
 * An unnamed statement is parsed and planned by PostgreSQL every time it arrives; in the morning
 * rush planning alone was a third of the database's time (a booking read with its gig, employer
 * and both people joins six tables and took 2.6 ms to plan, 0.1 ms to run). A named statement is
 * parsed once per connection, and after five runs PostgreSQL may keep a generic plan for it.
 * As pgJDBC does (`prepareThreshold`), a text is named once it has been sent a few times, so
 * one-off statements (migrations, a bulk import's batch) never take a name; the names are
 * bounded, so a stream of distinct texts cannot fill a backend's memory. Decision 0018.
 */

/** Runs of one text before it is prepared (pgJDBC's default). */
const PREPARE_AFTER = 5;
/** Names given at most, per process: each connection keeps a plan for each it has used. */
const MOST_NAMES = 500;
/** Texts counted at most before the counts start over (texts seen once or twice are forgotten). */
const MOST_COUNTED = 10_000;

export class StatementNames {
  private readonly named = new Map<string, string>();
  private readonly uses = new Map<string, number>();

  constructor(
    private readonly prepareAfter = PREPARE_AFTER,
    private readonly mostNames = MOST_NAMES,
  ) {}

  /** The name `text` is sent under, or undefined while it is still sent unnamed. */
  nameFor(text: string): string | undefined {
    const name = this.named.get(text);
    if (name !== undefined || this.named.size >= this.mostNames) return name;
    const used = (this.uses.get(text) ?? 0) + 1;
    if (used < this.prepareAfter) {
      if (this.uses.size >= MOST_COUNTED) this.uses.clear();
      this.uses.set(text, used);
      return undefined;
    }
    this.uses.delete(text);
    const given = `lg_${this.named.size + 1}`;
    this.named.set(text, given);
    return given;
  }

  /** How many texts are prepared. */
  get size(): number {
    return this.named.size;
  }
}
