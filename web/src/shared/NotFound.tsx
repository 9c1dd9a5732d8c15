/**
 * An address an antd face (employer, station, admin) does not know: said plainly inside the
 * face's own frame, with the way back to its home. Loaded only when needed.
 */
import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

export default function NotFound({ home }: { home: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>{t("notOpen.title")}</h1>}
      subTitle={t("notOpen.text")}
      extra={
        <Link to={home}>
          <Button type="primary">{t("notOpen.home")}</Button>
        </Link>
      }
    />
  );
}
