/**
 * 选择城市: where one deployment serves several cities, the front door lets a visitor choose hers.
 * The choice is the `linggong_city` cookie, which the server reads on every request of a visitor
 * who has not signed in (src/platform/http/request-city.ts); the apps behind the two buttons then
 * load that city's districts, gigs and stations. With one city nothing is shown.
 */
import type { CityChoice, Reference } from "../shared/api-types.ts";

const COOKIE = "linggong_city";
const A_YEAR_IN_SECONDS = 365 * 24 * 3600;

function chosenCity(): string | null {
  const pair = document.cookie.split("; ").find((part) => part.startsWith(`${COOKIE}=`));
  return pair ? decodeURIComponent(pair.slice(COOKIE.length + 1)) : null;
}

/** `null` forgets the choice: the address's city or the deployment's default applies again. */
function chooseCity(code: string | null): void {
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from the phones' browsers we serve (WeChat, older Safari).
  document.cookie =
    code === null
      ? `${COOKIE}=; path=/; max-age=0; samesite=lax`
      : `${COOKIE}=${encodeURIComponent(code)}; path=/; max-age=${A_YEAR_IN_SECONDS}; samesite=lax`;
}

async function read<T>(path: string): Promise<T> {
  const response = await fetch(path, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** The city the server puts this visitor in, as the apps will see it: its reference data, read again. */
async function currentCity(): Promise<string> {
  return (await read<Reference>("/api/reference")).city.code;
}

export async function showCityChooser(): Promise<void> {
  const label = document.getElementById("lg-city");
  const select = document.getElementById("lg-city-select") as HTMLSelectElement | null;
  if (!label || !select) return;
  try {
    const cities = await read<CityChoice[]>("/api/cities");
    if (cities.length < 2) return;
    // A city no longer served (or a mistyped cookie) would be refused on every request.
    const chosen = chosenCity();
    if (chosen !== null && !cities.some((city) => city.code === chosen)) chooseCity(null);
    select.replaceChildren(...cities.map((city) => new Option(city.name, city.code)));
    select.value = await currentCity();
    select.addEventListener("change", async () => {
      chooseCity(select.value);
      select.value = await currentCity();
    });
    label.hidden = false;
  } catch {
    // Without the list the page still works, in the city the address or the default gives.
  }
}
