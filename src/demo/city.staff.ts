/**
 * The public side of the demo city: one gig market (零工市场) and two or three neighbourhood
 * stations (零工驿站) per district, a staff account at each, district and city admins.
 * Staff and admins sign in with a username and the demo password.
 */
import { type CityBuild, DAY_MS } from "./city.build.ts";
import { personName } from "./people.ts";
import { addressedPlaceIn } from "./places.ts";

export const DEMO_PASSWORD = "linggong-demo";
export const CITY_ADMIN_USERNAME = "admin.city";

const SERVICE_CENTRE = "党群服务中心";

/** A fixed landline per market so demo screens look the same every time. */
const OPENING_HOURS = "周一至周六 7:00–17:00";

export function generateStationsAndStaff(build: CityBuild): void {
  const { random, places } = build;
  const createdAt = new Date(build.nowMs - 400 * DAY_MS);
  places.districts.forEach((district, d) => {
    const sites = [
      {
        kind: "market" as const,
        name: `${district.name}零工市场`,
        username: `station.${district.slug}`,
        township: null,
      },
      ...district.neighbourhoods.map((hood, i) => ({
        kind: "station" as const,
        name: `${hood}零工驿站`,
        username: `station.${district.slug}.${i + 2}`,
        township: { name: hood, code: district.townshipCodes.get(hood) ?? null },
      })),
    ];
    for (const site of sites) {
      const stationId = random.uuid();
      // A neighbourhood station sits in its township's service centre (党群服务中心), named as
      // such rather than at a street of the seat that may lie in another township.
      const drawn = addressedPlaceIn(district, random);
      const place = site.township
        ? {
            ...drawn,
            street: SERVICE_CENTRE,
            address: `${district.name}${site.township.name}${SERVICE_CENTRE}`,
          }
        : drawn;
      build.rows.stations.push({
        id: stationId,
        cityCode: build.cityCode,
        districtCode: district.code,
        kind: site.kind,
        name: site.name,
        address: place.address,
        townshipCode: site.township?.code ?? null,
        street: place.street,
        lat: place.lat,
        lng: place.lng,
        phone: `0511-${random.int(8000_0000, 8899_9999)}`,
        openingHours: site.kind === "market" ? OPENING_HOURS : "周一至周五 8:00–17:00",
        createdAt,
      });
      const userId = random.uuid();
      const sex = random.chance(0.6) ? "female" : "male";
      build.rows.users.push({
        id: userId,
        cityCode: build.cityCode,
        role: "station_staff",
        username: site.username,
        displayName: personName(random, sex, random.int(1975, 1995)),
        districtCode: district.code,
        stationId,
        createdAt,
      });
      build.staff.push({ userId, stationId, district: d, kind: site.kind });
    }
    build.rows.users.push({
      id: random.uuid(),
      cityCode: build.cityCode,
      role: "district_admin",
      username: `admin.${district.slug}`,
      displayName: `${district.name}人社局`,
      districtCode: district.code,
      createdAt,
    });
  });
  build.rows.users.push({
    id: random.uuid(),
    cityCode: build.cityCode,
    role: "city_admin",
    username: CITY_ADMIN_USERNAME,
    displayName: `${places.cityName}人社局`,
    createdAt,
  });
}
