/**
 * Where the demo city's people and work are: the districts of the reference data with
 * their boundaries, the urban core each is drawn around, street names for addresses and
 * the neighbourhoods that host stations (驿站). Zhenjiang's names; another city adds its own.
 */
import { insideBoundary, type MultiPolygon } from "../gigs/geography.ts";
import { readTownships } from "../places/townships.loader.ts";
import { readDivisionFeatures, ZHENJIANG } from "../reference/reference.loader.ts";
import type { Random } from "./random.ts";

export interface DemoDistrictSeed {
  code: string;
  /** Used in staff usernames: station.jingkou, admin.jingkou. */
  slug: string;
  /** Share of the city's workers and gigs. */
  weight: number;
  /** Streets of the district's seat (its urban core), where addressed demo places are drawn. */
  streets: string[];
  /**
   * Sub-districts and towns (街道、镇) of the urban core that host a neighbourhood station, by
   * their names in the national division codes (their codes are looked up there).
   */
  neighbourhoods: string[];
  /** Spread of points around the core, degrees; smaller is more concentrated. */
  coreSpread: number;
}

export const ZHENJIANG_DISTRICTS: DemoDistrictSeed[] = [
  {
    code: "321102",
    slug: "jingkou",
    weight: 0.19,
    streets: ["中山东路", "解放路", "学府路", "丁卯桥路", "梦溪路", "禹山路", "焦山路", "象山路", "东吴路"],
    neighbourhoods: ["大市口街道", "象山街道", "正东路街道"],
    coreSpread: 0.025,
  },
  {
    code: "321111",
    slug: "runzhou",
    weight: 0.14,
    streets: ["南徐大道", "中山西路", "黄山西路", "宝塔路", "长江路", "金山路", "檀山路"],
    neighbourhoods: ["宝塔路街道", "七里甸街道", "和平路街道"],
    coreSpread: 0.02,
  },
  {
    code: "321112",
    slug: "dantu",
    weight: 0.11,
    streets: ["谷阳大道", "长香西大道", "宜城路", "新竹路"],
    neighbourhoods: ["宜城街道", "谷阳镇"],
    coreSpread: 0.03,
  },
  {
    code: "321181",
    slug: "danyang",
    weight: 0.25,
    streets: ["云阳路", "丹凤北路", "新民西路", "金陵西路", "华南路", "齐梁路", "东方路"],
    neighbourhoods: ["云阳街道", "曲阿街道"],
    coreSpread: 0.035,
  },
  {
    code: "321182",
    slug: "yangzhong",
    weight: 0.11,
    streets: ["扬子中路", "扬子东路", "港隆路", "长旺路", "南星路"],
    neighbourhoods: ["三茅街道"],
    coreSpread: 0.03,
  },
  {
    code: "321183",
    slug: "jurong",
    weight: 0.2,
    streets: ["华阳北路", "东阳路", "崇明路", "文昌路", "茅山路"],
    neighbourhoods: ["华阳街道", "黄梅街道"],
    coreSpread: 0.035,
  },
];

export interface DemoDistrict extends DemoDistrictSeed {
  name: string;
  boundary: MultiPolygon;
  /** Seat of government: the urban core most points are drawn around. */
  core: { lat: number; lng: number };
  /** A point known to lie inside (the centroid), the fallback of sampling. */
  inside: { lat: number; lng: number };
  bbox: { minLat: number; maxLat: number; minLng: number; maxLng: number };
  /** The neighbourhoods' township (乡镇街道) codes, by name. */
  townshipCodes: Map<string, string>;
}

export interface DemoCityPlaces {
  cityCode: string;
  cityName: string;
  districts: DemoDistrict[];
}

/** Zhenjiang's districts joined with their boundaries from the reference GeoJSON. */
export function zhenjiangPlaces(): DemoCityPlaces {
  const features = new Map(readDivisionFeatures().map((f) => [String(f.properties.adcode), f]));
  const townships = readTownships(ZHENJIANG.code);
  const districts = ZHENJIANG_DISTRICTS.map((seed): DemoDistrict => {
    const feature = features.get(seed.code);
    if (!feature) throw new Error(`no boundary for division ${seed.code}`);
    const boundary = feature.geometry as MultiPolygon;
    const [coreLng, coreLat] = feature.properties.center;
    const [inLng, inLat] = feature.properties.centroid ?? feature.properties.center;
    const townshipCodes = new Map(
      seed.neighbourhoods.map((name) => {
        const township = townships.find((t) => t.districtCode === seed.code && t.name === name);
        if (!township) throw new Error(`no township ${name} in division ${seed.code}`);
        return [name, township.code];
      }),
    );
    return {
      ...seed,
      name: feature.properties.name,
      boundary,
      core: { lat: coreLat, lng: coreLng },
      inside: { lat: inLat, lng: inLng },
      bbox: boundingBox(boundary),
      townshipCodes,
    };
  });
  return { cityCode: ZHENJIANG.code, cityName: ZHENJIANG.name, districts };
}

function boundingBox(boundary: MultiPolygon): DemoDistrict["bbox"] {
  const box = { minLat: 90, maxLat: -90, minLng: 180, maxLng: -180 };
  for (const polygon of boundary.coordinates)
    for (const [lng, lat] of polygon[0]) {
      box.minLat = Math.min(box.minLat, lat);
      box.maxLat = Math.max(box.maxLat, lat);
      box.minLng = Math.min(box.minLng, lng);
      box.maxLng = Math.max(box.maxLng, lng);
    }
  return box;
}

/**
 * A point inside the district: mostly around the urban core (where people live and work),
 * sometimes anywhere in it (towns, farms). Rejection sampling against the boundary.
 */
export function pointIn(
  district: DemoDistrict,
  random: Random,
  coreShare = 0.75,
): { lat: number; lng: number } {
  for (let attempt = 0; attempt < 200; attempt++) {
    const nearCore = random.chance(coreShare);
    const point = nearCore
      ? {
          lat: district.core.lat + random.normal() * district.coreSpread,
          lng: district.core.lng + random.normal() * district.coreSpread * 1.2,
        }
      : {
          lat: district.bbox.minLat + random.next() * (district.bbox.maxLat - district.bbox.minLat),
          lng: district.bbox.minLng + random.next() * (district.bbox.maxLng - district.bbox.minLng),
        };
    if (insideBoundary(point, district.boundary)) return { lat: round6(point.lat), lng: round6(point.lng) };
  }
  return district.inside;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export interface AddressedPlace {
  lat: number;
  lng: number;
  /** Street and number: 学府路118号. */
  street: string;
  /** The whole line, district first: 京口区学府路118号. */
  address: string;
}

/**
 * A place with a street address. The district's streets are those of its seat, so the point is
 * drawn around the seat too (inside the boundary): a street name is never paired with a point in
 * farmland 20 km away. Only the district's boundary can be checked: no street or township
 * geometry ships, so the street is plausible for the area, not geocoded.
 */
export function addressedPlaceIn(district: DemoDistrict, random: Random): AddressedPlace {
  const point = pointIn(district, random, 1);
  const street = `${random.pick(district.streets)}${random.int(1, 399)}号`;
  return { ...point, street, address: `${district.name}${street}` };
}
