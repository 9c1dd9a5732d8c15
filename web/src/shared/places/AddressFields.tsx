/**
 * Address entry wherever a place is asked (gigs, stations): district → township (乡镇街道) →
 * street and number → a pin placed by the geocoder, which the person confirms or drags. Nobody
 * types coordinates. An antd form control: `value`/`onChange` carry the whole place.
 */
import { Alert, Button, Col, Input, Row, Select, Space } from "antd";
import { lazy, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { messageOf } from "../api.ts";
import type { GeocodePrecision, Township } from "../api-types.ts";
import { useReference } from "../reference.ts";
import { geocode, loadTownships } from "./places.api.ts";
import "./locales.ts";

const PlaceMap = lazy(() => import("./PlaceMap.tsx"));

export interface PlaceValue {
  districtCode?: string;
  townshipCode?: string;
  street?: string;
  /** District, township and street as one line: 京口区大市口街道中山东路301号. */
  address?: string;
  lat?: number;
  lng?: number;
  /** How the pin was placed; "moved" once the person dragged it. */
  placedBy?: GeocodePrecision | "moved";
}

interface Props {
  value?: PlaceValue;
  onChange?: (value: PlaceValue) => void;
  /** The districts that may be chosen (a district admin's own); all the city's when absent. */
  districtCodes?: string[];
}

/** For Form.Item rules: a place is complete with a district, a street and a pin. */
export function placeComplete(value: PlaceValue | undefined): boolean {
  return Boolean(
    value?.districtCode && value.street?.trim() && value.lat !== undefined && value.lng !== undefined,
  );
}

export function AddressFields({ value = {}, onChange, districtCodes }: Props) {
  const { t } = useTranslation();
  const reference = useReference();
  const [townships, setTownships] = useState<Township[]>([]);
  const [busy, setBusy] = useState(false);
  // Where the map is centred: the last geocoded point, not the pin (dragging must not pan the map).
  const [anchor, setAnchor] = useState<{ lat: number; lng: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const districts = (reference.data?.divisions ?? []).filter(
    (d) => !districtCodes || districtCodes.includes(d.code),
  );

  useEffect(() => {
    if (!value.districtCode) return setTownships([]);
    let current = true;
    loadTownships(value.districtCode).then(
      (rows) => current && setTownships(rows),
      (caught) => current && setError(messageOf(caught)),
    );
    return () => {
      current = false;
    };
  }, [value.districtCode]);

  function addressOf(next: PlaceValue): string {
    const district = districts.find((d) => d.code === next.districtCode)?.name ?? "";
    const township = townships.find((x) => x.code === next.townshipCode)?.name ?? "";
    return `${district}${township}${next.street?.trim() ?? ""}`;
  }

  function change(patch: Partial<PlaceValue>) {
    const next = { ...value, ...patch };
    onChange?.({ ...next, address: addressOf(next) });
  }

  async function locate(place: PlaceValue) {
    if (!place.districtCode) return;
    setBusy(true);
    setError(null);
    try {
      const found = await geocode({
        districtCode: place.districtCode,
        townshipCode: place.townshipCode,
        street: place.street?.trim() ?? "",
      });
      setAnchor({ lat: found.lat, lng: found.lng });
      onChange?.({
        ...place,
        address: addressOf(place),
        lat: found.lat,
        lng: found.lng,
        placedBy: found.precision,
      });
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  const pin = value.lat !== undefined && value.lng !== undefined ? { lat: value.lat, lng: value.lng } : null;
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Select
            aria-label={t("places.district")}
            placeholder={t("places.district")}
            value={value.districtCode}
            disabled={districts.length === 1 && value.districtCode === districts[0].code}
            options={districts.map((d) => ({ label: d.name, value: d.code }))}
            onChange={(districtCode: string) => {
              const next = { ...value, districtCode, townshipCode: undefined };
              onChange?.({ ...next, lat: undefined, lng: undefined, placedBy: undefined });
              void locate(next);
            }}
            style={{ width: "100%" }}
          />
        </Col>
        <Col xs={24} md={8}>
          <Select
            aria-label={t("places.township")}
            placeholder={t("places.townshipPlaceholder")}
            value={value.townshipCode}
            disabled={!value.districtCode}
            showSearch={{ optionFilterProp: "label" }}
            options={townships.map((x) => ({ label: x.name, value: x.code }))}
            onChange={(townshipCode: string) => void locate({ ...value, townshipCode })}
            style={{ width: "100%" }}
          />
        </Col>
        <Col xs={24} md={8}>
          <Input
            aria-label={t("places.street")}
            placeholder={t("places.streetPlaceholder")}
            maxLength={120}
            value={value.street}
            onChange={(e) => change({ street: e.target.value })}
            onPressEnter={(e) => {
              e.preventDefault();
              void locate(value);
            }}
          />
        </Col>
      </Row>
      <Button
        type="primary"
        ghost
        onClick={() => void locate(value)}
        loading={busy}
        disabled={!value.districtCode}
      >
        {t("places.locate")}
      </Button>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      {value.placedBy && (
        <Alert
          type={value.placedBy === "address" || value.placedBy === "moved" ? "success" : "warning"}
          showIcon
          role="status"
          title={value.placedBy === "moved" ? t("places.moved") : t(`places.precision.${value.placedBy}`)}
        />
      )}
      {pin && (
        <Suspense fallback={<div>{t("places.map.loading")}</div>}>
          <PlaceMap
            center={anchor ?? pin}
            pin={pin}
            highlightDistrict={value.districtCode}
            onPinMove={(p) => change({ lat: p.lat, lng: p.lng, placedBy: "moved" })}
          />
        </Suspense>
      )}
    </Space>
  );
}
