/**
 * Bulk import of a city's gig markets and stations (零工市场、驿站): 驿站名称, 类型, 所在区县,
 * 镇街 (optional), 地址, 电话, 开放时间. Each is added as the 驿站管理 form adds one
 * (administration/station-directory.service.ts): the same place checks, the same row. The pin is
 * placed from the address the way the form places it (places/geocode.service.ts): by the
 * configured geocoder when it answers inside the district, else at the township's or district's
 * centre, to be dragged into place in 驿站管理. A name the city already has is left as it is.
 */
import { addStation, checkStationPlace } from "../administration/station-directory.service.ts";
import type { GeocodeQuery } from "../places/geocode.service.ts";
import { placeErrors } from "../places/places.errors.ts";
import { AppError } from "../platform/errors.ts";
import { findCity } from "../reference/reference.repository.ts";
import { districtFinder, text } from "./checks.ts";
import { importErrors } from "./imports.errors.ts";
import * as repo from "./imports.repository.ts";
import type { Column, Importer, Settled } from "./run.ts";

export interface StationImportOptions {
  now: Date;
  /** Where an address is, as the station form's pin is placed. */
  locate(query: GeocodeQuery): Promise<{ lat: number; lng: number }>;
}

type Field = "name" | "kind" | "district" | "township" | "address" | "phone" | "openingHours";

interface Station {
  name: string;
  kind: "market" | "station";
  districtCode: string;
  townshipCode: string | null;
  street: string;
  address: string;
  phone: string;
  openingHours: string;
  lat: number;
  lng: number;
}

const KINDS: Record<string, Station["kind"]> = {
  零工市场: "market",
  market: "market",
  驿站: "station",
  零工驿站: "station",
  station: "station",
};

/** Accepted headers of each column, Chinese first; the template has the first. */
export const STATION_COLUMNS = {
  name: { headers: ["驿站名称", "名称", "name"], required: true, hint: { zh: "必填", en: "required" } },
  kind: {
    headers: ["类型", "kind"],
    required: true,
    hint: { zh: "零工市场 或 驿站", en: "零工市场 (gig market) or 驿站 (station)" },
  },
  district: {
    headers: ["所在区县", "区县代码", "district"],
    required: true,
    hint: { zh: "本市区县的名称或代码", en: "name or code of a district of the city" },
  },
  township: {
    headers: ["镇街", "乡镇街道", "township"],
    required: false,
    hint: { zh: "可选：该区县的乡镇街道名称或代码", en: "optional: the district's township, name or code" },
  },
  address: {
    headers: ["地址", "address"],
    required: true,
    hint: { zh: "街道门牌，如 中山东路301号", en: "street and number, e.g. 中山东路301号" },
  },
  phone: { headers: ["电话", "联系电话", "phone"], required: false, hint: { zh: "可选", en: "optional" } },
  openingHours: {
    headers: ["开放时间", "opening_hours"],
    required: false,
    hint: { zh: "可选，如 周一至周六 7:00–12:00", en: "optional, e.g. 周一至周六 7:00–12:00" },
  },
} satisfies Record<Field, Column>;

export function stationsImport(options: StationImportOptions): Importer<Field, Station> {
  return {
    label: "name",
    columns: STATION_COLUMNS,

    async prepare(db, scope) {
      const district = await districtFinder(db, scope);
      const townships = await repo.townshipsOf(db, scope.cityCode);
      const cityName = (await findCity(db, scope.cityCode))?.name ?? "";
      return (row) => {
        const reasons: AppError[] = [];
        const name = text(reasons, row.name, "驿站名称", { max: 60, required: true });
        const kind = KINDS[row.kind.replace(/\s/g, "")];
        if (!kind) reasons.push(importErrors.station_kind_unknown());
        const place = district(reasons, row.district);
        const township = row.township
          ? townships.find(
              (t) => t.districtCode === place?.code && (t.code === row.township || t.name === row.township),
            )
          : undefined;
        if (row.township && place && !township) reasons.push(placeErrors.township_unknown());
        text(reasons, row.address, "地址", { max: 120, required: true });
        // An address written whole (镇江市京口区…) keeps only what follows the district and township.
        let street = row.address;
        for (const prefix of [cityName, place?.name, township?.name])
          if (prefix && street.startsWith(prefix)) street = street.slice(prefix.length);
        const phone = text(reasons, row.phone, "电话", { max: 30 });
        if (!/^[0-9+() -]*$/.test(phone)) reasons.push(importErrors.landline_invalid());
        const openingHours = text(reasons, row.openingHours, "开放时间", { max: 60 });
        if (reasons.length > 0 || !kind || !place) return { reasons };
        return {
          keys: { 驿站名称: name },
          item: {
            name,
            kind,
            districtCode: place.code,
            townshipCode: township?.code ?? null,
            street,
            address: `${place.name}${township?.name ?? ""}${street}`,
            phone,
            openingHours,
            // Placed by complete(), outside the transaction.
            lat: 0,
            lng: 0,
          },
        };
      };
    },

    async complete(stations) {
      const placed: Station[] = [];
      for (const s of stations) {
        const point = await options.locate({
          districtCode: s.districtCode,
          townshipCode: s.townshipCode ?? undefined,
          street: s.street,
        });
        placed.push({ ...s, lat: point.lat, lng: point.lng });
      }
      return placed;
    },

    async settle(tx, stations, scope) {
      const names = await repo.stationNames(tx, scope.cityCode);
      const settled: Settled[] = [];
      for (const s of stations) {
        if (names.has(s.name)) {
          settled.push("existing");
          continue;
        }
        try {
          await checkStationPlace(tx, scope.cityCode, s);
          settled.push("new");
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          settled.push([error]);
        }
      }
      return settled;
    },

    async insert(tx, stations, scope) {
      for (const s of stations) await addStation(tx, scope.cityCode, s, options.now);
    },
  };
}
