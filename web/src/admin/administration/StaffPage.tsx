/** 工作人员: station staff (and, for the city admin, district admins); add, edit, disable, reset password. */
import "./administration.css";
import { PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  Badge,
  Button,
  Card,
  Drawer,
  Form,
  Input,
  Modal,
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
import type { Staff, StaffInput, Station } from "../../shared/api-types.ts";
import { useReference } from "../../shared/reference.ts";
import { useAction, useResource } from "../../shared/useResource.ts";
import { PageTitle } from "../PageTitle.tsx";
import { useAdmin } from "../session.tsx";
import { administration, MIN_PASSWORD_LENGTH } from "./api.ts";
import { AdministrationTheme, DistrictFilter, ErrorAlert, fullTime } from "./parts.tsx";

export default function StaffPage() {
  const { t } = useTranslation();
  const { isCityAdmin } = useAdmin();
  const list = useResource(administration.staff, []);
  const stations = useResource(administration.stations, []);
  const _reference = useReference();
  const [editing, setEditing] = useState<Staff | "new" | null>(null);
  const [resetting, setResetting] = useState<Staff | null>(null);
  const [district, setDistrict] = useState<string | undefined>();
  const [toast, holder] = message.useMessage();
  const toggle = useAction((s: Staff) =>
    administration.updateStaff(s.id, { status: s.status === "active" ? "disabled" : "active" }),
  );

  const rows = (list.data ?? []).filter((s) => !district || s.districtCode === district);
  const onToggle = async (s: Staff) => {
    if (await toggle.run(s)) {
      toast.success(t(s.status === "active" ? "admin.staff.disabledDone" : "admin.staff.enabledDone"));
      await list.reload();
    }
  };
  const done = (text: string) => {
    toast.success(text);
    setEditing(null);
    setResetting(null);
    void list.reload();
  };

  return (
    <AdministrationTheme>
      {holder}
      <PageTitle
        title={t("admin.menu.staff")}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
            {t("admin.staff.add")}
          </Button>
        }
      />
      <ErrorAlert error={list.error} retry={() => void list.reload()} />
      <ErrorAlert error={toggle.error} />
      <Card size="small">
        {isCityAdmin && <DistrictFilter value={district} onChange={setDistrict} />}
        <Table<Staff>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t("admin.staff.empty") }}
          columns={[
            { title: t("admin.staff.displayName"), dataIndex: "displayName" },
            { title: t("admin.staff.username"), dataIndex: "username" },
            {
              title: t("admin.staff.role"),
              dataIndex: "role",
              render: (role: Staff["role"]) => (
                <Tag color={role === "district_admin" ? "purple" : undefined}>
                  {t(`admin.staff.roles.${role}`)}
                </Tag>
              ),
            },
            { title: t("admin.stations.district"), dataIndex: "districtName" },
            {
              title: t("admin.staff.station"),
              dataIndex: "stationName",
              render: (n: string | null) => n ?? "—",
            },
            {
              title: t("admin.administration.status"),
              dataIndex: "status",
              render: (status: Staff["status"]) => (
                <Badge
                  status={status === "active" ? "success" : "error"}
                  text={t(`admin.staff.statuses.${status}`)}
                />
              ),
            },
            { title: t("admin.staff.lastSignIn"), dataIndex: "lastSignInAt", render: fullTime },
            {
              title: t("admin.administration.actions"),
              key: "actions",
              render: (_, s) => (
                <Space size={0} wrap>
                  <Button type="link" size="small" onClick={() => setEditing(s)}>
                    {t("admin.administration.edit")}
                  </Button>
                  <Button type="link" size="small" onClick={() => setResetting(s)}>
                    {t("admin.staff.resetPassword")}
                  </Button>
                  <Popconfirm
                    title={t(
                      s.status === "active" ? "admin.staff.confirmDisable" : "admin.staff.confirmEnable",
                      {
                        name: s.displayName,
                      },
                    )}
                    onConfirm={() => onToggle(s)}
                  >
                    <Button type="link" size="small">
                      {t(s.status === "active" ? "admin.staff.disable" : "admin.staff.enable")}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <StaffDrawer
          staff={editing === "new" ? null : editing}
          stations={(stations.data ?? []).filter((s) => s.active)}
          onClose={() => setEditing(null)}
          onSaved={() => done(t("admin.administration.saved"))}
        />
      )}
      {resetting && (
        <PasswordModal
          staff={resetting}
          onClose={() => setResetting(null)}
          onDone={() => done(t("admin.staff.passwordReset"))}
        />
      )}
    </AdministrationTheme>
  );
}

type StaffForm = StaffInput & { confirm: string };

function passwordRules(t: (key: string, options?: Record<string, unknown>) => string) {
  return [
    { required: true, message: t("admin.staff.passwordRule", { min: MIN_PASSWORD_LENGTH }) },
    { min: MIN_PASSWORD_LENGTH, message: t("admin.staff.passwordRule", { min: MIN_PASSWORD_LENGTH }) },
    { max: 128 },
  ];
}

function confirmRule(t: (key: string) => string) {
  return ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_: unknown, value: string) =>
      !value || value === getFieldValue("password")
        ? Promise.resolve()
        : Promise.reject(new Error(t("admin.staff.passwordMismatch"))),
  });
}

function StaffDrawer({
  staff,
  stations,
  onClose,
  onSaved,
}: {
  staff: Staff | null;
  stations: Station[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { isCityAdmin } = useAdmin();
  const reference = useReference();
  const [form] = Form.useForm<StaffForm>();
  const role = Form.useWatch("role", form) ?? staff?.role ?? "station_staff";
  const save = useAction(async (values: StaffForm) => {
    if (!staff) {
      const { confirm: _confirm, username, ...rest } = values;
      return administration.createStaff({ ...rest, username: username.trim().toLowerCase() });
    }
    return administration.updateStaff(staff.id, {
      displayName: values.displayName,
      ...(staff.role === "station_staff"
        ? { stationId: values.stationId }
        : { districtCode: values.districtCode }),
    });
  });
  const stationOptions = (reference.data?.divisions ?? [])
    .map((d) => ({
      label: d.name,
      options: stations.filter((s) => s.districtCode === d.code).map((s) => ({ value: s.id, label: s.name })),
    }))
    .filter((group) => group.options.length > 0);

  const submit = async (values: StaffForm) => {
    if (await save.run(values)) onSaved();
  };

  return (
    <Drawer
      open
      size={480}
      title={staff ? t("admin.staff.edit") : t("admin.staff.add")}
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
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          staff
            ? {
                displayName: staff.displayName,
                role: staff.role,
                stationId: staff.stationId ?? undefined,
                districtCode: staff.districtCode ?? undefined,
              }
            : { role: "station_staff" }
        }
      >
        {!staff && (
          <Form.Item
            name="username"
            label={t("admin.staff.username")}
            extra={t("admin.staff.usernameHelp")}
            rules={[
              { required: true, whitespace: true },
              { pattern: /^[a-zA-Z0-9][a-zA-Z0-9._-]{2,39}$/, message: t("admin.staff.usernameHelp") },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={t("admin.staff.displayName")}
          rules={[{ required: true, whitespace: true, max: 30 }]}
        >
          <Input />
        </Form.Item>
        {!staff && isCityAdmin && (
          <Form.Item name="role" label={t("admin.staff.role")} rules={[{ required: true }]}>
            <Radio.Group
              options={(["station_staff", "district_admin"] as const).map((r) => ({
                value: r,
                label: t(`admin.staff.roles.${r}`),
              }))}
            />
          </Form.Item>
        )}
        {role === "station_staff" ? (
          <Form.Item name="stationId" label={t("admin.staff.station")} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: "label" }}
              options={stationOptions}
              notFoundContent={t("admin.staff.noStations")}
            />
          </Form.Item>
        ) : (
          <Form.Item name="districtCode" label={t("admin.stations.district")} rules={[{ required: true }]}>
            <Select
              options={(reference.data?.divisions ?? []).map((d) => ({ value: d.code, label: d.name }))}
            />
          </Form.Item>
        )}
        {!staff && (
          <>
            <Form.Item
              name="password"
              label={t("admin.staff.initialPassword")}
              extra={t("admin.staff.passwordRule", { min: MIN_PASSWORD_LENGTH })}
              rules={passwordRules(t)}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t("admin.staff.confirmPassword")}
              dependencies={["password"]}
              rules={[{ required: true, message: t("admin.staff.passwordMismatch") }, confirmRule(t)]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
      </Form>
    </Drawer>
  );
}

function PasswordModal({
  staff,
  onClose,
  onDone,
}: {
  staff: Staff;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const reset = useAction((password: string) => administration.resetPassword(staff.id, password));
  return (
    <Modal
      open
      title={t("admin.staff.resetPasswordOf", { name: staff.displayName })}
      okText={t("common.save")}
      confirmLoading={reset.busy}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <p className="lg-admin-help">{t("admin.staff.resetHelp")}</p>
      {reset.error && (
        <Alert type="error" showIcon role="alert" title={reset.error} style={{ marginBottom: 16 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={async ({ password }) => {
          if (await reset.run(password)) onDone();
        }}
      >
        <Form.Item name="password" label={t("admin.staff.newPassword")} rules={passwordRules(t)}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t("admin.staff.confirmPassword")}
          dependencies={["password"]}
          rules={[{ required: true, message: t("admin.staff.passwordMismatch") }, confirmRule(t)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
