/**
 * 导航: opens the phone's map app at the gig. Each app gets the point in its own datum through its
 * documented URI scheme (src/places/navigation.ts); 百度 falls back to its web page when the app
 * is not installed (the page is still visible a moment after asking for the app).
 */
import { Button, Popup } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { navigationLinks } from "../../../../src/places/navigation.ts";

interface Props {
  lat: number;
  lng: number;
  name: string;
}

const APP_WAIT_MS = 1_500;

function openBaidu(event: React.MouseEvent, app: string, web: string) {
  event.preventDefault();
  window.location.href = app;
  window.setTimeout(() => {
    if (document.visibilityState === "visible") window.location.href = web;
  }, APP_WAIT_MS);
}

export function NavigateButton({ lat, lng, name }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const links = navigationLinks({ lat, lng, name });
  return (
    <>
      <Button size="large" onClick={() => setOpen(true)}>
        {t("navigate.button")}
      </Button>
      <Popup visible={open} onMaskClick={() => setOpen(false)} onClose={() => setOpen(false)}>
        <nav className="lg-navigate" aria-label={t("navigate.title")}>
          <h2>{t("navigate.title")}</h2>
          <p className="lg-gig-line">{name}</p>
          <a className="lg-link-button" href={links.amap} rel="noopener">
            {t("navigate.amap")}
          </a>
          <a
            className="lg-link-button"
            href={links.baidu.app}
            onClick={(e) => openBaidu(e, links.baidu.app, links.baidu.web)}
          >
            {t("navigate.baidu")}
          </a>
          <a className="lg-link-button" href={links.tencent} rel="noopener">
            {t("navigate.tencent")}
          </a>
          <Button block size="large" onClick={() => setOpen(false)}>
            {t("common.cancel")}
          </Button>
        </nav>
      </Popup>
    </>
  );
}

/** 打电话给雇主: the employer's number (or the booking's private number) as a big link that dials. */
export function CallEmployerButton({ phone }: { phone: string | null }) {
  const { t } = useTranslation();
  if (!phone) return null;
  return (
    <a className="lg-link-button" href={`tel:${phone}`} aria-label={`${t("navigate.callEmployer")} ${phone}`}>
      {t("navigate.call")}
    </a>
  );
}
