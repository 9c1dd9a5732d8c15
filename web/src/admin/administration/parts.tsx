/** Small pieces the 系统管理 pages share: the load-error banner, the status tag, the full time. */
import { Alert, Badge, Button, ConfigProvider, Select, Space } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useReference } from "../../shared/reference.ts";

export function ErrorAlert({ error, retry }: { error: string | null; retry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={error}
      style={{ marginBottom: 16 }}
      action={retry && <Button onClick={retry}>{t("common.retry")}</Button>}
    />
  );
}

export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge
      status={active ? "success" : "default"}
      text={active ? t("admin.administration.active") : t("admin.administration.inactive")}
    />
  );
}

const fullTimeFormat = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** "2026-04-01 10:00:00" in Beijing time, as the bureau's records read. */
export function fullTime(iso: string | null): string {
  return iso ? fullTimeFormat.format(new Date(iso)) : "—";
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
