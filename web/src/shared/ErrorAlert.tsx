/**
 * How the antd faces (employer, station, admin) show a failed request: the server's message,
 * already in the reader's language, with a retry where one helps. The worker app (antd-mobile)
 * has its ErrorLine. Nothing shows while there is no error.
 */
import { Alert, Button } from "antd";
import { useTranslation } from "react-i18next";

export function ErrorAlert({ error, retry }: { error: string | null | undefined; retry?: () => void }) {
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
