/** 驿站管理: the district's (or city's) markets and stations; add, edit, deactivate. */
import "./administration.css";
import { PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Drawer,
  Form,
  Input,
  InputNumber,
  message,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  Tag,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Station, StationInput } from "../../shared/api-types.ts";
import { useReference } from "../../shared/reference.ts";
import { useAction, useResource } from "../../shared/useResource.ts";
import { PageTitle } from "../PageTitle.tsx";
import { useAdmin } from "../session.tsx";
import { administration } from "./api.ts";
import { ActiveTag, AdministrationTheme, DistrictFilter, ErrorAlert } from "./parts.tsx";

export default function StationsPage() {
  const { t } = useTranslation();
  const { isCityAdmin } = useAdmin();
  const list = useResource(administration.stations, []);
  const [editing, setEditing] = useState<Station | "new" | null>(null);
  const [district, setDistrict] = useState<string | undefined>();
  const [toast, holder] = message.useMessage();
  const toggle = useAction((s: Station) => administration.updateStation(s.id, { active: !s.active }));
  const _reference = useReference();

  const rows = (list.data ?? []).filter((s) => !district || s.districtCode === district);
  const onToggle = async (s: Station) => {
    if (await toggle.run(s)) {
      toast.success(t(s.active ? "admin.stations.deactivated" : "admin.stations.reactivated"));
      await list.reload();
    }
  };

  return (
    <AdministrationTheme>
      {holder}
      <PageTitle
        title={t("admin.menu.stations")}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
            {t("admin.stations.add")}
          </Button>
        }
      />
      <ErrorAlert error={list.error} retry={() => void list.reload()} />
      <ErrorAlert error={toggle.error} />
      <Card size="small">
        {isCityAdmin && <DistrictFilter value={district} onChange={setDistrict} />}
        <Table<Station>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t("admin.stations.empty") }}
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
            { title: t("admin.stations.address"), dataIndex: "address" },
            { title: t("admin.stations.phone"), dataIndex: "phone" },
            { title: t("admin.stations.openingHours"), dataIndex: "openingHours" },
            { title: t("admin.stations.staffCount"), dataIndex: "staffCount", align: "right" },
            {
              title: t("admin.administration.status"),
              dataIndex: "active",
              render: (active: boolean) => <ActiveTag active={active} />,
            },
            {
              title: t("admin.administration.actions"),
              key: "actions",
              render: (_, s) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing(s)}>
                    {t("admin.administration.edit")}
                  </Button>
                  <Popconfirm
                    title={t(
                      s.active ? "admin.stations.confirmDeactivate" : "admin.stations.confirmReactivate",
                      {
                        name: s.name,
                      },
                    )}
                    onConfirm={() => onToggle(s)}
                  >
                    <Button type="link" size="small">
                      {t(s.active ? "admin.administration.deactivate" : "admin.administration.reactivate")}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <StationDrawer
          station={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            toast.success(t("admin.administration.saved"));
            setEditing(null);
            void list.reload();
          }}
        />
      )}
    </AdministrationTheme>
  );
}

function StationDrawer({
  station,
  onClose,
  onSaved,
}: {
  station: Station | null;
  onClose: () => void;
  onSaved: () => void;
}) {
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

  const submit = async (values: StationInput) => {
    if (await save.run(values)) onSaved();
  };

  return (
    <Drawer
      open
      size={520}
      title={station ? t("admin.stations.edit") : t("admin.stations.add")}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" loading={save.busy} onClick={() => form.submit()}>
            {t("common.save")}
          </Button>
        </Space>
      }
    >
      {save.error && (
        <Alert type="error" showIcon role="alert" title={save.error} style={{ marginBottom: 16 }} />
      )}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} requiredMark>
        <Form.Item
          name="name"
          label={t("admin.stations.name")}
          rules={[{ required: true, whitespace: true, max: 60 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t("admin.stations.kind")} rules={[{ required: true }]}>
          <Radio.Group
            options={(["station", "market"] as const).map((k) => ({
              value: k,
              label: t(`admin.stations.kinds.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="districtCode" label={t("admin.stations.district")} rules={[{ required: true }]}>
          <Select
            disabled={!isCityAdmin}
            onChange={onDistrict}
            options={divisions.map((d) => ({ value: d.code, label: d.name }))}
          />
        </Form.Item>
        <Form.Item
          name="address"
          label={t("admin.stations.address")}
          rules={[{ required: true, whitespace: true, max: 120 }]}
        >
          <Input />
        </Form.Item>
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
      </Form>
    </Drawer>
  );
}
