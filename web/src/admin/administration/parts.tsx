/** Small pieces the 系统管理 pages share: the status tag, the theme, the filter, a staff name. */
import { Badge, Button, ConfigProvider, Select, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useReference } from "../../shared/reference.ts";

export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge
      status={active ? "success" : "default"}
      text={active ? t("admin.administration.active") : t("admin.administration.inactive")}
    />
  );
}

/** antd's default placeholder grey is too faint to read (WCAG AA); the forms here use a darker one. */
export function AdministrationTheme({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider theme={{ token: { colorTextPlaceholder: "rgba(0, 0, 0, 0.6)" } }}>
      {children}
    </ConfigProvider>
  );
}

/** The city admin's district filter over a list (stations, staff). */
export function DistrictFilter({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (code: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const reference = useReference();
  return (
    <Space style={{ marginBottom: 12 }}>
      <Select
        allowClear
        style={{ width: 180 }}
        aria-label={t("admin.stations.filterDistrict")}
        placeholder={t("admin.stations.allDistricts")}
        value={value}
        onChange={onChange}
        options={(reference.data?.divisions ?? []).map((d) => ({ value: d.code, label: d.name }))}
      />
    </Space>
  );
}

/** A staff member as the audit pages show one: name, then role; `children` follow (a narrowing link). */
export function StaffName(props: { name: string | null; role: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      {props.name || "—"}{" "}
      <Typography.Text type="secondary">
        {t(`admin.audit.roles.${props.role}`, { defaultValue: props.role })}
      </Typography.Text>
      {props.children}
    </>
  );
}

/** A small link that narrows a list to one row's value. */
export function NarrowLink(props: { label: string; onClick: () => void }) {
  return (
    <Button type="link" size="small" onClick={props.onClick}>
      {props.label}
    </Button>
  );
}
