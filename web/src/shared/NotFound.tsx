/**
 * An address an antd face (employer, station, admin) does not know: said plainly inside the
 * face's own frame, with the way back to its home. Loaded only when needed.
 */
import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";

export default function NotFound({ home }: { home: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>{t("notOpen.title")}</h1>}
      // antd's subtitle grey fails WCAG AA contrast in themes that do not darken it.
      subTitle={<span style={{ color: "rgba(0, 0, 0, 0.68)" }}>{t("notOpen.text")}</span>}
      extra={
        <Button type="primary" onClick={() => navigate(home)}>
          {t("notOpen.home")}
        </Button>
      }
    />
  );
}
