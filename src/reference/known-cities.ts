/**
 * The deployment's cities, kept in memory: every request asks whether the city it names exists
 * (src/platform/http/request-city.ts), and cities are added rarely (`npm run city:add`), by
 * another process. A code not in memory reads the table again, so a city added while the server
 * runs is found at its first request; the chooser's list, asked for once a visit, is read fresh.
 */
import type { DbOrTx } from "../db/client.ts";
import { listCities } from "./reference.repository.ts";

export type KnownCity = Awaited<ReturnType<typeof listCities>>[number];

export class KnownCities {
  private cities = new Map<string, KnownCity>();
  /** One read at a time: a burst of unknown codes costs one query, not one each. */
  private reading: Promise<void> | null = null;

  constructor(private readonly db: DbOrTx) {}

  async has(code: string): Promise<boolean> {
    if (this.cities.has(code)) return true;
    await this.read();
    return this.cities.has(code);
  }

  async list(): Promise<KnownCity[]> {
    await this.read();
    return [...this.cities.values()];
  }

  private read(): Promise<void> {
    this.reading ??= listCities(this.db)
      .then((rows) => {
        this.cities = new Map(rows.map((row) => [row.code, row]));
      })
      .finally(() => {
        this.reading = null;
      });
    return this.reading;
  }
}
