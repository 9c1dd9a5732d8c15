/** 驿站管理: the district's (or city's) markets and stations; add, edit, deactivate. */
import { Form, Input, Radio, Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { Station, StationInput } from "../../shared/api-types.ts";
import { AddressFields, type PlaceValue, placeComplete } from "../../shared/places/AddressFields.tsx";
import { useAction } from "../../shared/useResource.ts";
import { useAdmin } from "../session.tsx";
import { administration } from "./api.ts";
import { choices, TextField } from "./fields.tsx";
import { type DrawerFrame, FormDrawer, plainColumns, ResourcePage } from "./ResourcePage.tsx";

export default function StationsPage() {
  const { t } = useTranslation();
  return (
    <ResourcePage
      words="stations"
      toggle={{
        run: (s) => administration.updateStation(s.id, { active: !s.active }),
        label: (s) => t(s.active ? "admin.administration.deactivate" : "admin.administration.reactivate"),
        confirm: (s) =>
          t(s.active ? "admin.stations.confirmDeactivate" : "admin.stations.confirmReactivate", {
            name: s.name,
          }),
        done: (s) => t(s.active ? "admin.stations.deactivated" : "admin.stations.reactivated"),
      }}
      drawer={(station, frame) => <StationDrawer station={station} frame={frame} />}
      columns={[
        {
          title: t("admin.stations.name"),
          dataIndex: "name",
          render: (name: string, s) => (
            <Space size={4}>
              {name}
              <Tag color={s.kind === "market" ? "blue" : undefined}>
                {t(`admin.stations.kinds.${s.kind}`)}
              </Tag>
            </Space>
          ),
        },
        { title: t("admin.stations.district"), dataIndex: "districtName" },
        ...plainColumns<Station>(t, "stations", ["address", "phone", "openingHours"]),
        { title: t("admin.stations.staffCount"), dataIndex: "staffCount", align: "right" },
      ]}
    />
  );
}

/** The drawer's fields: the place as an address and a confirmed pin, not coordinates. */
interface StationValues {
  name: string;
  kind: StationInput["kind"];
  place: PlaceValue;
  phone?: string;
  openingHours?: string;
}

function placeOfStation(station: Station): PlaceValue {
  return {
    districtCode: station.districtCode,
    townshipCode: station.townshipCode ?? undefined,
    // Stations entered before addresses had parts keep their whole line as the street.
    street: station.street ?? station.address,
    address: station.address,
    lat: station.lat,
    lng: station.lng,
  };
}

function inputOf({ place, ...values }: StationValues): StationInput {
  return {
    ...values,
    districtCode: place.districtCode ?? "",
    townshipCode: place.townshipCode ?? null,
    street: place.street?.trim() ?? null,
    address: place.address ?? "",
    lat: place.lat ?? 0,
    lng: place.lng ?? 0,
  };
}

function StationDrawer({ station, frame }: { station: Station | null; frame: DrawerFrame }) {
  const { t } = useTranslation();
  const { me, isCityAdmin } = useAdmin();
  const [form] = Form.useForm<StationValues>();
  const save = useAction((values: StationValues) =>
    station
      ? administration.updateStation(station.id, inputOf(values))
      : administration.createStation(inputOf(values)),
  );
  const ownDistrict = isCityAdmin ? undefined : (me?.districtCode ?? undefined);
  const initial: Partial<StationValues> = station
    ? { ...station, place: placeOfStation(station) }
    : { kind: "station", place: { districtCode: ownDistrict }, phone: "", openingHours: "" };
  const placeRule = {
    validator: (_: unknown, value: PlaceValue | undefined) =>
      placeComplete(value) ? Promise.resolve() : Promise.reject(new Error(t("places.pinRequired"))),
  };

  return (
    <FormDrawer<StationValues> {...frame} size={640} form={form} save={save} initialValues={initial}>
      <TextField name="name" label={t("admin.stations.name")} max={60} />
      <Form.Item name="kind" label={t("admin.stations.kind")} rules={[{ required: true }]}>
        <Radio.Group options={choices(t, "admin.stations.kinds", ["station", "market"])} />
      </Form.Item>
      <Form.Item
        name="place"
        label={t("admin.stations.address")}
        rules={[placeRule]}
        required
        extra={t("admin.stations.pointHelp")}
      >
        <AddressFields districtCodes={ownDistrict ? [ownDistrict] : undefined} />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t("admin.stations.phone")}
        rules={[{ pattern: /^[0-9+() -]*$/, message: t("admin.stations.phoneInvalid") }, { max: 30 }]}
      >
        <Input inputMode="tel" placeholder="0511-85012345" />
      </Form.Item>
      <Form.Item name="openingHours" label={t("admin.stations.openingHours")} rules={[{ max: 60 }]}>
        <Input placeholder={t("admin.stations.openingHoursExample")} />
      </Form.Item>
    </FormDrawer>
  );
}
