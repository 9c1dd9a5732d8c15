/** 工作人员: station staff (and, for the city admin, district admins); add, edit, disable, reset password. */
import { Badge, Button, Form, Input, Modal, message, Radio, Select, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Staff, StaffInput, Station } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { useReference } from "../../shared/reference.ts";
import { useAction, useResource } from "../../shared/useResource.ts";
import { recordTime } from "../format.ts";
import { useAdmin } from "../session.tsx";
import { administration, MIN_PASSWORD_LENGTH } from "./api.ts";
import { choices, TextField } from "./fields.tsx";
import { type DrawerFrame, FormDrawer, plainColumns, ResourcePage } from "./ResourcePage.tsx";

export default function StaffPage() {
  const { t } = useTranslation();
  const stations = useResource(administration.stations, []);
  const [resetting, setResetting] = useState<Staff | null>(null);
  const [toast, holder] = message.useMessage();
  const active = (s: Staff) => s.status === "active";

  return (
    <ResourcePage
      words="staff"
      toggle={{
        run: (s) => administration.updateStaff(s.id, { status: active(s) ? "disabled" : "active" }),
        label: (s) => t(active(s) ? "admin.staff.disable" : "admin.staff.enable"),
        confirm: (s) =>
          t(active(s) ? "admin.staff.confirmDisable" : "admin.staff.confirmEnable", {
            name: s.displayName,
          }),
        done: (s) => t(active(s) ? "admin.staff.disabledDone" : "admin.staff.enabledDone"),
      }}
      actions={(s) => (
        <Button type="link" size="small" onClick={() => setResetting(s)}>
          {t("admin.staff.resetPassword")}
        </Button>
      )}
      drawer={(staff, frame) => (
        <StaffDrawer staff={staff} stations={(stations.data ?? []).filter((s) => s.active)} frame={frame} />
      )}
      columns={[
        ...plainColumns<Staff>(t, "staff", ["displayName", "username"]),
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
        {
          title: t("admin.staff.lastSignIn"),
          dataIndex: "lastSignInAt",
          render: (at: string | null) => recordTime(at, true),
        },
      ]}
    >
      {holder}
      {resetting && (
        <PasswordModal
          staff={resetting}
          onClose={() => setResetting(null)}
          onDone={() => {
            toast.success(t("admin.staff.passwordReset"));
            setResetting(null);
          }}
        />
      )}
    </ResourcePage>
  );
}

type StaffForm = StaffInput & { confirm: string };

/** A new password and its confirmation, as the staff drawer and the reset dialog ask for them. */
function PasswordFields({ label, extra }: { label: string; extra?: string }) {
  const { t } = useTranslation();
  const rule = t("admin.staff.passwordRule", { min: MIN_PASSWORD_LENGTH });
  const mismatch = t("admin.staff.passwordMismatch");
  return (
    <>
      <Form.Item
        name="password"
        label={label}
        extra={extra}
        rules={[{ required: true, message: rule }, { min: MIN_PASSWORD_LENGTH, message: rule }, { max: 128 }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t("admin.staff.confirmPassword")}
        dependencies={["password"]}
        rules={[
          { required: true, message: mismatch },
          ({ getFieldValue }) => ({
            validator: (_, value: string) =>
              !value || value === getFieldValue("password")
                ? Promise.resolve()
                : Promise.reject(new Error(mismatch)),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

function StaffDrawer({
  staff,
  stations,
  frame,
}: {
  staff: Staff | null;
  stations: Station[];
  frame: DrawerFrame;
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

  return (
    <FormDrawer<StaffForm>
      {...frame}
      form={form}
      save={save}
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
      <TextField name="displayName" label={t("admin.staff.displayName")} max={30} />
      {!staff && isCityAdmin && (
        <Form.Item name="role" label={t("admin.staff.role")} rules={[{ required: true }]}>
          <Radio.Group options={choices(t, "admin.staff.roles", ["station_staff", "district_admin"])} />
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
        <PasswordFields
          label={t("admin.staff.initialPassword")}
          extra={t("admin.staff.passwordRule", { min: MIN_PASSWORD_LENGTH })}
        />
      )}
    </FormDrawer>
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
      <ErrorAlert error={reset.error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={async ({ password }) => {
          if (await reset.run(password)) onDone();
        }}
      >
        <PasswordFields label={t("admin.staff.newPassword")} />
      </Form>
    </Modal>
  );
}
