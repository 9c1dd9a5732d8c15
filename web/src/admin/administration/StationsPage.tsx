/** 驿站管理: the district's (or city's) markets and stations; add, edit, deactivate. */
import { Form, Input, InputNumber, Radio, Select, Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { Station, StationInput } from "../../shared/api-types.ts";
import { useReference } from "../../shared/reference.ts";
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
      activeOf={(s) => s.active}
      rowKey="id"
      pageSize={20}
      districtOf={(s) => s.districtCode}
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

function StationDrawer({ station, frame }: { station: Station | null; frame: DrawerFrame }) {
  const { t } = useTranslation();
  const { me, isCityAdmin } = useAdmin();
  const reference = useReference();
  const [form] = Form.useForm<StationInput>();
  const divisions = (reference.data?.divisions ?? []).filter(
    (d) => isCityAdmin || d.code === me?.districtCode,
  );
  const save = useAction((input: StationInput) =>
    station ? administration.updateStation(station.id, input) : administration.createStation(input),
  );

  const centreOf = (code: string | undefined) => divisions.find((d) => d.code === code);
  const initialDistrict =
    station?.districtCode ?? (isCityAdmin ? undefined : (me?.districtCode ?? undefined));
  const initialCentre = centreOf(initialDistrict);
  const initial: Partial<StationInput> = station ?? {
    kind: "station",
    districtCode: initialDistrict,
    lat: initialCentre?.centerLat,
    lng: initialCentre?.centerLng,
    phone: "",
    openingHours: "",
  };

  // A new station starts at the district's centre; the admin then moves it to the address.
  const onDistrict = (code: string) => {
    const centre = centreOf(code);
    if (centre && !station) form.setFieldsValue({ lat: centre.centerLat, lng: centre.centerLng });
  };

  return (
    <FormDrawer<StationInput> {...frame} size={520} form={form} save={save} initialValues={initial}>
      <TextField name="name" label={t("admin.stations.name")} max={60} />
      <Form.Item name="kind" label={t("admin.stations.kind")} rules={[{ required: true }]}>
        <Radio.Group options={choices(t, "admin.stations.kinds", ["station", "market"])} />
      </Form.Item>
      <Form.Item name="districtCode" label={t("admin.stations.district")} rules={[{ required: true }]}>
        <Select
          disabled={!isCityAdmin}
          onChange={onDistrict}
          options={divisions.map((d) => ({ value: d.code, label: d.name }))}
        />
      </Form.Item>
      <TextField name="address" label={t("admin.stations.address")} max={120} />
      <Space align="start" wrap>
        <Form.Item name="lat" label={t("admin.stations.lat")} rules={[{ required: true }]}>
          <InputNumber min={3} max={54} step={0.001} precision={6} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="lng" label={t("admin.stations.lng")} rules={[{ required: true }]}>
          <InputNumber min={73} max={136} step={0.001} precision={6} style={{ width: 180 }} />
        </Form.Item>
      </Space>
      <p className="lg-admin-help">{t("admin.stations.pointHelp")}</p>
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
