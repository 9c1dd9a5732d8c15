/** An address the worker app does not know: said plainly, with the way back to the gig list. */
import { Button } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { EmptyState, PageHeader } from "./parts.tsx";

export default function NotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t("notOpen.title")} />
      <EmptyState
        title={t("notOpen.text")}
        hint=""
        action={
          <Button color="primary" onClick={() => navigate("/worker")}>
            {t("notOpen.home")}
          </Button>
        }
      />
    </>
  );
}
