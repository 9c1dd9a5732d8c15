/**
 * 打印派工单: a printable job slip with a QR code to the gig's page, drawn here by the qrcode package.
 * It prints on what the counter has: a receipt printer's 80 mm roll, or A5 / A4 sheets.
 */
import { Button, Segmented } from "antd";
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams, useSearchParams } from "react-router-dom";
import { get } from "../../shared/api.ts";
import type { JobSlip } from "../../shared/api-types.ts";
import { ErrorAlert } from "../../shared/ErrorAlert.tsx";
import { dateTime, payLabel, timeRange } from "../../shared/format.ts";
import { PageLoading } from "../../shared/PageLoading.tsx";
import { useResource } from "../../shared/useResource.ts";

/** Each paper the slip prints on: the page size and margin the print dialog is given. */
const PAPERS = {
  a5: { size: "A5", margin: "8mm" },
  a4: { size: "A4", margin: "15mm" },
  roll80: { size: "80mm 200mm", margin: "3mm" },
} as const;
type Paper = keyof typeof PAPERS;
const isPaper = (value: string | null): value is Paper => value !== null && value in PAPERS;

export default function Slip() {
  const { t } = useTranslation();
  const { gigId = "" } = useParams();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const worker = search.get("worker") ?? undefined;
  // The paper chosen stays in the address, so the counter's bookmark opens on its own printer's.
  const chosen = search.get("paper");
  const paper: Paper = isPaper(chosen) ? chosen : "a5";
  const choosePaper = (next: Paper) => {
    const params = new URLSearchParams(search);
    params.set("paper", next);
    setSearch(params, { replace: true });
  };
  const slip = useResource(() => get<JobSlip>(`/api/gigs/${gigId}/slip`, { worker }), [gigId, worker]);
  const [qr, setQr] = useState<string | null>(null);

  useEffect(() => {
    if (!slip.data) return;
    void QRCode.toDataURL(slip.data.url, { margin: 1, width: 300, errorCorrectionLevel: "M" }).then(setQr);
  }, [slip.data]);

  // The page size goes to the document's head while the slip is open: the print dialog reads it there.
  useEffect(() => {
    const style = document.createElement("style");
    style.dataset.slipPaper = paper;
    style.textContent = `@media print { @page { size: ${PAPERS[paper].size}; margin: ${PAPERS[paper].margin}; } }`;
    document.head.appendChild(style);
    return () => style.remove();
  }, [paper]);

  const data = slip.data;
  return (
    <main className="lg-slip-page">
      <div className="lg-slip-toolbar">
        <Button size="large" onClick={() => navigate(-1)}>
          {t("station.slip.back")}
        </Button>
        <Segmented<Paper>
          size="large"
          aria-label={t("station.slip.paper")}
          value={paper}
          onChange={choosePaper}
          options={(Object.keys(PAPERS) as Paper[]).map((p) => ({
            value: p,
            label: t(`station.slip.papers.${p}`),
          }))}
        />
        <Button type="primary" size="large" onClick={() => window.print()} disabled={!data || !qr}>
          {t("station.slip.print")}
        </Button>
      </div>
      <ErrorAlert error={slip.error} />
      {!data && !slip.error && <PageLoading />}
      {data && (
        <article className={`lg-slip lg-slip--${paper}`} aria-label={t("station.slip.title")}>
          <h1>{t("station.slip.title")}</h1>
          {data.worker && (
            <p className="lg-slip-worker">
              {t("station.slip.for")}：<strong>{data.worker.name}</strong>
              {data.worker.booked ? `（${t("station.slip.booked")}）` : ""}
            </p>
          )}
          <h2>{data.title}</h2>
          <div className="lg-slip-grid">
            <dl>
              <dt>{t("station.slip.employer")}</dt>
              <dd>
                {data.employerName}
                {data.employerVerified ? `（${t("station.slip.verified")}）` : ""}
              </dd>
              <dt>{t("station.slip.contact")}</dt>
              <dd>
                {data.employerContactName} {data.employerPhone ?? ""}
              </dd>
              <dt>{t("station.slip.time")}</dt>
              <dd>{timeRange(data.startsAt, data.endsAt)}</dd>
              <dt>{t("station.slip.place")}</dt>
              <dd>
                {data.address.includes(data.districtName)
                  ? data.address
                  : `${data.districtName} ${data.address}`}
              </dd>
              <dt>{t("station.slip.pay")}</dt>
              <dd className="lg-slip-pay">
                {payLabel(data.payFen, data.payUnit as "day" | "hour" | "piece")} ·{" "}
                {data.settlement === "same_day" ? t("station.slip.sameDay") : t("station.slip.onCompletion")}
              </dd>
              <dt>{t("station.slip.headcount")}</dt>
              <dd>{t("station.slip.people", { count: data.headcount, open: data.openPlaces })}</dd>
              {data.requirements && (
                <>
                  <dt>{t("station.slip.requirements")}</dt>
                  <dd>{data.requirements}</dd>
                </>
              )}
            </dl>
            <div className="lg-slip-qr">
              {qr && <img src={qr} alt={data.url} data-testid="slip-qr" />}
              <div>{t("station.slip.scan")}</div>
            </div>
          </div>
          <p className="lg-slip-notice">{t("station.slip.notice")}</p>
          <div className="lg-slip-foot">
            <span>
              {t("station.slip.station")}：{data.station ? `${data.station.name} ${data.station.phone}` : "—"}
            </span>
            <span>
              {t("station.slip.printedAt")}：{dateTime(data.printedAt)}
            </span>
          </div>
        </article>
      )}
    </main>
  );
}
